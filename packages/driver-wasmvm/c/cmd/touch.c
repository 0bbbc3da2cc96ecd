/*
 * touch: sets the access and modification times of each FILE to now, to
 * -d DATE (see when.h), -t [[CC]YY]MMDDhhmm[.ss] or -r FILE's times,
 * creating missing files unless -c (or -h, which changes a symlink itself).
 * -a / -m change only the access / modification time.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"
#include "lib/when.h"

SE_COMMAND(main_touch, "touch")

/* Parses -t's [[CC]YY]MMDDhhmm[.ss] in local time; returns 0 or -1. */
static int parse_stamp(const char *s, struct timespec *out) {
    size_t n = strcspn(s, ".");
    const char *sec = s[n] == '.' ? s + n + 1 : NULL;
    if (n != 8 && n != 10 && n != 12) return -1;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return -1;
    if (sec && (strlen(sec) != 2 || !isdigit((unsigned char)sec[0]) || !isdigit((unsigned char)sec[1]))) return -1;
    int v[6], k = 0;
    for (size_t i = 0; i < n; i += 2) v[k++] = (s[i] - '0') * 10 + (s[i + 1] - '0');
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    time_t now = time(NULL);
    localtime_r(&now, &tm);
    int i = 0;
    if (n == 12) {
        tm.tm_year = v[0] * 100 + v[1] - 1900;
        i = 2;
    } else if (n == 10) {
        tm.tm_year = (v[0] < 69 ? 2000 : 1900) + v[0] - 1900;
        i = 1;
    }
    tm.tm_mon = v[i] - 1;
    tm.tm_mday = v[i + 1];
    tm.tm_hour = v[i + 2];
    tm.tm_min = v[i + 3];
    tm.tm_sec = sec ? (sec[0] - '0') * 10 + (sec[1] - '0') : 0;
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return -1;
    tm.tm_isdst = -1;
    struct tm check = tm;
    out->tv_sec = mktime(&tm);
    out->tv_nsec = 0;
    if (tm.tm_mday != check.tm_mday || tm.tm_mon != check.tm_mon) return -1;
    return 0;
}

int main_touch(int argc, char **argv) {
    static const struct option longopts[] = {
        {"no-create", no_argument, NULL, 'c'}, {"date", required_argument, NULL, 'd'},
        {"reference", required_argument, NULL, 'r'}, {"no-dereference", no_argument, NULL, 'h'},
        {"time", required_argument, NULL, 'T'}, {"help", no_argument, NULL, 'H'},
        {NULL, 0, NULL, 0}};
    int no_create = 0, no_deref = 0, only_a = 0, only_m = 0, c;
    const char *date = NULL, *stamp = NULL, *ref = NULL;
    while ((c = se_getopt_long(argc, argv, "acd:fhmr:t:", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': only_a = 1; break;
        case 'c': no_create = 1; break;
        case 'd': date = optarg; break;
        case 'f': break;
        case 'h': no_deref = 1; break;
        case 'm': only_m = 1; break;
        case 'r': ref = optarg; break;
        case 't': stamp = optarg; break;
        case 'T':
            if (!strcmp(optarg, "atime") || !strcmp(optarg, "access") || !strcmp(optarg, "use")) only_a = 1;
            else if (!strcmp(optarg, "mtime") || !strcmp(optarg, "modify")) only_m = 1;
            else {
                se_warn("invalid argument '%s' for '--time'", optarg);
                se_usage_error(1);
            }
            break;
        case 'H':
            printf("Usage: touch [OPTION]... FILE...\n"
                   "Update the access and modification times of each FILE to the current time.\n\n"
                   "  -a                     change only the access time\n"
                   "  -c, --no-create        do not create any files\n"
                   "  -d, --date=STRING      parse STRING and use it instead of current time\n"
                   "  -h, --no-dereference   affect each symbolic link instead of any referenced file\n"
                   "  -m                     change only the modification time\n"
                   "  -r, --reference=FILE   use this file's times instead of current time\n"
                   "  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if ((date || ref) && stamp) {
        se_warn("cannot specify times from more than one source");
        se_usage_error(1);
    }
    struct timespec ts[2];
    ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
    ts[0].tv_sec = ts[1].tv_sec = 0;
    if (ref) {
        struct stat st;
        if ((no_deref ? lstat(ref, &st) : stat(ref, &st)) != 0) {
            int e = errno;
            fprintf(stderr, "%s: failed to get attributes of %s: %s\n", se_prog, quoteaf(ref), se_strerror(e));
            return 1;
        }
        ts[0] = st.st_atim;
        ts[1] = st.st_mtim;
    }
    if (date) {
        struct timespec t;
        if (when_parse_date(date, 0, &t) != 0) se_die(1, "invalid date format '%s'", date);
        ts[0] = ts[1] = t;
    }
    if (stamp) {
        struct timespec t;
        if (parse_stamp(stamp, &t) != 0) se_die(1, "invalid date format '%s'", stamp);
        ts[0] = ts[1] = t;
    }
    if (only_a && !only_m) ts[1].tv_nsec = UTIME_OMIT;
    if (only_m && !only_a) ts[0].tv_nsec = UTIME_OMIT;
    if (optind >= argc) {
        se_warn("missing file operand");
        se_usage_error(1);
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        const char *f = argv[i];
        if (!no_create && !no_deref) {
            int fd = open(f, O_WRONLY | O_CREAT | O_NONBLOCK, 0666);
            if (fd >= 0) close(fd);
            else if (errno != EISDIR) {
                int e = errno;
                struct stat st;
                if (e == EACCES || stat(f, &st) != 0) {
                    fflush(stdout);
                    fprintf(stderr, "%s: cannot touch %s: %s\n", se_prog, quoteaf(f), se_strerror(e));
                    status = 1;
                    continue;
                }
            }
        }
        if (fs_set_times(f, ts, no_deref) != 0) {
            int e = errno;
            if (e == ENOENT && (no_create || no_deref)) continue;
            fflush(stdout);
            fprintf(stderr, "%s: setting times of %s: %s\n", se_prog, quoteaf(f), se_strerror(e));
            status = 1;
        }
    }
    return status;
}
