/*
 * date: prints the time now, or the time of -d STRING (see when.h for the
 * forms) or of -r FILE's mtime, in the default format, +FORMAT (GNU's
 * conversions, see timefmt.h), -R (RFC 5322), -I[TIMESPEC] (ISO 8601) or
 * --rfc-3339=TIMESPEC; -u for UTC. Setting the clock is refused: the
 * sandbox's clock is the host's.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/timefmt.h"
#include "lib/when.h"

SE_COMMAND(main_date, "date")

/* The format for -I / --iso-8601=WHAT (rfc = 0) or --rfc-3339=WHAT (rfc = 1); NULL if WHAT is not a valid choice. */
static const char *spec_format(const char *what, int rfc) {
    static const char *const names[] = {"date", "hours", "minutes", "seconds", "ns"};
    static const char *const iso[] = {"%Y-%m-%d", "%Y-%m-%dT%H%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%:z",
                                      "%Y-%m-%dT%H:%M:%S,%N%:z"};
    static const char *const rfc3339[] = {"%Y-%m-%d", NULL, NULL, "%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%d %H:%M:%S.%N%:z"};
    size_t n = strlen(what);
    int found = -1;
    for (int i = 0; i < 5; i++) {
        if (rfc && !rfc3339[i]) continue;
        if (n && strncmp(names[i], what, n) == 0) {
            if (strlen(names[i]) == n) {
                found = i;
                break;
            }
            if (found >= 0) return NULL;
            found = i;
        }
    }
    if (found < 0) return NULL;
    return rfc ? rfc3339[found] : iso[found];
}

static _Noreturn void bad_spec(const char *opt, const char *what, int rfc) {
    se_warn("invalid argument '%s' for '%s'", what, opt);
    fprintf(stderr, "Valid arguments are:\n%s  - 'seconds'\n  - 'ns'\n",
            rfc ? "  - 'date'\n" : "  - 'hours'\n  - 'minutes'\n  - 'date'\n");
    se_usage_error(1);
}

int main_date(int argc, char **argv) {
    enum { RFC3339 = 256 };
    static const struct option longopts[] = {
        {"date", required_argument, NULL, 'd'},  {"utc", no_argument, NULL, 'u'},
        {"universal", no_argument, NULL, 'u'},    {"rfc-email", no_argument, NULL, 'R'},
        {"rfc-2822", no_argument, NULL, 'R'},     {"iso-8601", optional_argument, NULL, 'I'},
        {"rfc-3339", required_argument, NULL, RFC3339}, {"reference", required_argument, NULL, 'r'},
        {"set", required_argument, NULL, 's'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *date_str = NULL, *ref = NULL, *fmt = NULL;
    int utc = 0, c, nformats = 0;
    while ((c = se_getopt_long(argc, argv, "d:uRI::r:s:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': date_str = optarg; break;
        case 'u': utc = 1; break;
        case 'R': fmt = "%a, %d %b %Y %H:%M:%S %z"; nformats++; break;
        case 'I':
            fmt = spec_format(optarg ? optarg : "date", 0);
            if (!fmt) bad_spec("--iso-8601", optarg, 0);
            nformats++;
            break;
        case RFC3339:
            fmt = spec_format(optarg, 1);
            if (!fmt) bad_spec("--rfc-3339", optarg, 1);
            nformats++;
            break;
        case 'r': ref = optarg; break;
        case 's': se_die(1, "cannot set date: Operation not permitted");
        case 'h':
            printf("Usage: date [OPTION]... [+FORMAT]\nDisplay the current time in the given FORMAT.\n\n"
                   "  -d, --date=STRING          display time described by STRING, not 'now'\n"
                   "  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format (date, hours,\n"
                   "                               minutes, seconds or ns)\n"
                   "  -R, --rfc-email            output date and time in RFC 5322 format\n"
                   "      --rfc-3339=FMT         output date/time in RFC 3339 format (date, seconds, ns)\n"
                   "  -r, --reference=FILE       display the last modification time of FILE\n"
                   "  -u, --utc, --universal     print or set Coordinated Universal Time (UTC)\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind < argc) {
        if (argv[optind][0] != '+') {
            se_warn("invalid date '%s'", argv[optind]);
            return 1;
        }
        if (nformats) se_die(1, "multiple output formats specified");
        fmt = argv[optind] + 1;
        if (optind + 1 < argc) {
            se_warn("extra operand '%s'", argv[optind + 1]);
            se_usage_error(1);
        }
    }
    if (nformats > 1) se_die(1, "multiple output formats specified");
    if (date_str && ref) {
        se_warn("the options to specify dates for printing are mutually exclusive");
        se_usage_error(1);
    }
    struct timespec when;
    if (date_str) {
        if (when_parse_date(date_str, utc, &when) != 0) {
            se_warn("invalid date '%s'", date_str);
            return 1;
        }
    } else if (ref) {
        struct stat st;
        if (stat(ref, &st) != 0) se_die_errno(1, ref);
        when = st.st_mtim;
    } else {
        clock_gettime(CLOCK_REALTIME, &when);
    }
    struct tf_time t;
    tf_breakdown(&t, (long long)when.tv_sec, when.tv_nsec, utc);
    tf_print(stdout, fmt ? fmt : "%a %b %e %H:%M:%S %Z %Y", &t);
    putchar('\n');
    return 0;
}
