/*
 * checksum.c: md5sum, sha1sum and sha256sum. Checking (-c) reads lines in
 * the standard form (hex, space, space or '*', name), the BSD tag form, or
 * (when the first line uses it) hex and a single space; '#' lines are
 * comments. Results print as "NAME: OK" / "FAILED" / "FAILED open or
 * read", then WARNING lines with the counts, as GNU prints them.
 */
#include "checksum.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "text-io.h"
#include "shell-quote.h"

static const struct digest_algo *algo;
static int status_only, quiet, warn, strict, ignore_missing, tag, zero;

/* Hashes FILE into OUT; returns 0, or an errno (ENOENT reported only when not ignoring missing files). */
static int digest_file(const char *file, unsigned char *out) {
    int fd = open_input(file);
    if (fd < 0) return errno;
    static unsigned char buf[65536];
    struct digest_ctx ctx;
    digest_init(algo, &ctx);
    for (;;) {
        ssize_t n = read_retry(fd, buf, sizeof buf);
        if (n < 0) {
            int e = errno;
            close_input(fd);
            return e;
        }
        if (n == 0) break;
        digest_update(algo, &ctx, buf, (size_t)n);
    }
    close_input(fd);
    digest_final(algo, &ctx, out);
    return 0;
}

static int needs_escape(const char *name) {
    return !zero && (strchr(name, '\\') || strchr(name, '\n'));
}

static void print_name(const char *name, int escape) {
    if (!escape) {
        fputs(name, stdout);
        return;
    }
    for (const char *p = name; *p; p++) {
        if (*p == '\\') fputs("\\\\", stdout);
        else if (*p == '\n') fputs("\\n", stdout);
        else putchar(*p);
    }
}

static void print_sum(const char *name, const unsigned char *sum, int binary) {
    int escape = needs_escape(name);
    if (escape) putchar('\\');
    if (tag) {
        printf("%s (", algo->name);
        print_name(name, escape);
        fputs(") = ", stdout);
    }
    for (size_t i = 0; i < algo->size; i++) printf("%02x", sum[i]);
    if (!tag) {
        fputs(binary ? " *" : "  ", stdout);
        print_name(name, escape);
    }
    putchar(zero ? '\0' : '\n');
}

/* Undoes the \\ and \n escapes of a name in place; returns 0 on a bad escape. */
static int unescape(char *s, size_t len) {
    char *out = s;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            *out++ = s[i];
            continue;
        }
        if (++i == len) return 0;
        if (s[i] == '\\') *out++ = '\\';
        else if (s[i] == 'n') *out++ = '\n';
        else return 0;
    }
    *out = 0;
    return 1;
}

static int bsd_reversed = -1;

/* Splits a checksum line into digest and name (GNU's split_3); returns 0 when it is malformed. */
static int split_line(char *s, size_t len, char **hex, char **name) {
    size_t i = 0;
    int escaped = 0;
    while (s[i] == ' ' || s[i] == '\t') i++;
    if (s[i] == '\\') i++, escaped = 1;
    size_t nlen = strlen(algo->name);
    if (strncmp(s + i, algo->name, nlen) == 0) {
        i += nlen;
        if (s[i] == ' ') i++;
        if (s[i] != '(') return 0;
        i++;
        char *start = s + i;
        size_t rest = len - i, j = rest;
        while (j > 0 && start[j - 1 + 0] != ')') j--;
        if (j == 0) return 0;
        j--;
        if (escaped && !unescape(start, j)) return 0;
        if (!escaped) start[j] = 0;
        *name = start;
        j++;
        while (start[j] == ' ' || start[j] == '\t') j++;
        if (start[j] != '=') return 0;
        j++;
        while (start[j] == ' ' || start[j] == '\t') j++;
        *hex = start + j;
        return 1;
    }
    size_t hexlen = algo->size * 2;
    if (len - i < hexlen + 2 + (size_t)(s[i] == '\\')) return 0;
    *hex = s + i;
    i += hexlen;
    if (s[i] != ' ' && s[i] != '\t') return 0;
    s[i++] = 0;
    if (len - i == 1 || (s[i] != ' ' && s[i] != '*')) {
        if (bsd_reversed == 0) return 0;
        bsd_reversed = 1;
    } else if (bsd_reversed != 1) {
        bsd_reversed = 0;
        i++;
    }
    *name = s + i;
    if (escaped) return unescape(s + i, len - i);
    return 1;
}

static int valid_hex(const char *hex) {
    size_t n = strlen(hex);
    if (n != algo->size * 2) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)hex[i])) return 0;
    return 1;
}

static const char *plural(uintmax_t n, const char *one, const char *many) { return n == 1 ? one : many; }

static int check_file(const char *list) {
    int fd = open_input(list);
    if (fd < 0) {
        se_warn_errno(quotef(list));
        return 0;
    }
    const char *shown = strcmp(list, "-") == 0 ? "'standard input'" : list;
    se_reader r;
    se_reader_init(&r, fd);
    uintmax_t line_no = 0, misformatted = 0, unreadable = 0, mismatched = 0;
    int any_proper = 0, any_match = 0;
    size_t len;
    char *line;
    unsigned char sum[64];
    while ((line = se_reader_line(&r, zero ? '\0' : '\n', &len))) {
        line_no++;
        char *copy = xmalloc(len + 1);
        memcpy(copy, line, len);
        if (len && copy[len - 1] == (zero ? '\0' : '\n')) len--;
        copy[len] = 0;
        char *hex, *name;
        if (copy[0] == '#') {
            free(copy);
            continue;
        }
        if (!split_line(copy, len, &hex, &name) || (strcmp(list, "-") == 0 && strcmp(name, "-") == 0) || !valid_hex(hex)) {
            misformatted++;
            if (warn) se_warn("%s: %ju: improperly formatted %s checksum line", shown, line_no, algo->name);
            free(copy);
            continue;
        }
        any_proper = 1;
        int err = digest_file(name, sum);
        int escape = !zero && strchr(name, '\n') != NULL; /* GNU escapes only newlines in -c results */
        if (err == ENOENT && ignore_missing) {
            free(copy);
            continue;
        }
        if (err) {
            errno = err;
            se_warn_errno(quotef(name));
            unreadable++;
            if (!status_only) {
                if (escape) putchar('\\');
                print_name(name, escape);
                printf(": FAILED open or read\n");
            }
            free(copy);
            continue;
        }
        int match = 1;
        for (size_t i = 0; i < algo->size; i++) {
            char two[3] = {hex[2 * i], hex[2 * i + 1], 0};
            if ((unsigned char)strtoul(two, NULL, 16) != sum[i]) match = 0;
        }
        if (match) any_match = 1;
        else mismatched++;
        if (!status_only && (!match || !quiet)) {
            if (escape) putchar('\\');
            print_name(name, escape);
            printf(": %s\n", match ? "OK" : "FAILED");
        }
        free(copy);
    }
    se_reader_free(&r);
    close_input(fd);
    if (!any_proper) {
        se_warn("%s: no properly formatted checksum lines found", shown);
        return 0;
    }
    if (!status_only) {
        fflush(stdout);
        if (misformatted)
            se_warn("WARNING: %ju %s improperly formatted", misformatted, plural(misformatted, "line is", "lines are"));
        if (unreadable)
            se_warn("WARNING: %ju %s could not be read", unreadable, plural(unreadable, "listed file", "listed files"));
        if (mismatched)
            se_warn("WARNING: %ju %s did NOT match", mismatched, plural(mismatched, "computed checksum", "computed checksums"));
        if (ignore_missing && !any_match) se_warn("%s: no file was verified", shown);
    }
    return !mismatched && !unreadable && (!strict || !misformatted) && (!ignore_missing || any_match);
}

int checksum_main(int argc, char **argv, const struct digest_algo *a) {
    enum { OPT_STATUS = 256, OPT_QUIET, OPT_STRICT, OPT_IGNORE_MISSING, OPT_TAG, OPT_HELP };
    static const struct option longopts[] = {
        {"binary", no_argument, NULL, 'b'}, {"check", no_argument, NULL, 'c'}, {"text", no_argument, NULL, 't'},
        {"warn", no_argument, NULL, 'w'}, {"zero", no_argument, NULL, 'z'}, {"status", no_argument, NULL, OPT_STATUS},
        {"quiet", no_argument, NULL, OPT_QUIET}, {"strict", no_argument, NULL, OPT_STRICT},
        {"ignore-missing", no_argument, NULL, OPT_IGNORE_MISSING}, {"tag", no_argument, NULL, OPT_TAG},
        {"help", no_argument, NULL, OPT_HELP}, {NULL, 0, NULL, 0}};
    algo = a;
    int check = 0, binary = -1, c;
    while ((c = getopt_long(argc, argv, "bctwz", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': binary = 1; break;
        case 't': binary = 0; break;
        case 'c': check = 1; break;
        case 'w': warn = 1, status_only = 0, quiet = 0; break;
        case 'z': zero = 1; break;
        case OPT_STATUS: status_only = 1, warn = 0, quiet = 0; break;
        case OPT_QUIET: quiet = 1, status_only = 0, warn = 0; break;
        case OPT_STRICT: strict = 1; break;
        case OPT_IGNORE_MISSING: ignore_missing = 1; break;
        case OPT_TAG: tag = 1, binary = 1; break;
        case OPT_HELP:
            printf("Usage: %s [OPTION]... [FILE]...\n"
                   "Print or check %s checksums.\n\n"
                   "  -b, --binary         read in binary mode\n"
                   "  -c, --check          read checksums from the FILEs and check them\n"
                   "      --tag            create a BSD-style checksum\n"
                   "  -t, --text           read in text mode (default)\n"
                   "  -z, --zero           end each output line with NUL, not newline\n"
                   "      --ignore-missing  don't fail or report status for missing files\n"
                   "      --quiet          don't print OK for each successfully verified file\n"
                   "      --status         don't output anything, status code shows success\n"
                   "      --strict         exit non-zero for improperly formatted checksum lines\n"
                   "  -w, --warn           warn about improperly formatted checksum lines\n",
                   se_prog, a->name);
            return 0;
        default: se_usage_error(1);
        }
    }
    if (tag && binary == 0) {
        se_warn("--tag does not support --text mode");
        se_usage_error(1);
    }
    if (tag && check) {
        se_warn("the --tag option is meaningless when verifying checksums");
        se_usage_error(1);
    }
    if (binary >= 0 && check) {
        se_warn("the --binary and --text options are meaningless when verifying checksums");
        se_usage_error(1);
    }
    if (!check) {
        const char *misuse = ignore_missing ? "--ignore-missing" : status_only ? "--status" : warn ? "--warn"
                           : quiet ? "--quiet" : strict ? "--strict" : NULL;
        if (misuse) {
            se_warn("the %s option is meaningful only when verifying checksums", misuse);
            se_usage_error(1);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    int ok = 1;
    unsigned char sum[64];
    for (int i = 0; i < nfiles; i++) {
        if (check) {
            ok &= check_file(files[i]);
            continue;
        }
        int err = digest_file(files[i], sum);
        if (err) {
            errno = err;
            se_warn_errno(quotef(files[i]));
            ok = 0;
            continue;
        }
        print_sum(files[i], sum, binary == 1);
    }
    return ok ? 0 : 1;
}
