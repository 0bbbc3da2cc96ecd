/*
 * uniq: collapses runs of adjacent equal lines, as GNU uniq does, streaming
 * with only the first line of the current run kept. Lines compare after
 * skipping -f fields and -s bytes, over at most -w bytes, optionally
 * ignoring case. Modes: default (one per run), -c counts, -d runs of 2+,
 * -u runs of 1, -D every line of runs of 2+ (with none/prepend/separate
 * blank lines), --group every line with blank lines between runs.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/text-num.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_uniq, "uniq")

enum { SEP_NONE, SEP_PREPEND, SEP_APPEND, SEP_SEPARATE, SEP_BOTH };

static size_t skip_fields, skip_chars, check_chars = SIZE_MAX;
static int ignore_case, count, repeated, unique_only, all_repeated, grouping;
static int separation = SEP_NONE;
static char delim = '\n';

/* The part of a line that takes part in comparisons. */
static const char *compared(const char *p, size_t len, size_t *out_len) {
    size_t i = 0;
    for (size_t f = 0; f < skip_fields && i < len; f++) {
        while (i < len && (p[i] == ' ' || p[i] == '\t')) i++;
        while (i < len && p[i] != ' ' && p[i] != '\t') i++;
    }
    i = len - i < skip_chars ? len : i + skip_chars;
    size_t n = len - i;
    *out_len = n < check_chars ? n : check_chars;
    return p + i;
}

static int different(const char *a, size_t alen, const char *b, size_t blen) {
    size_t an, bn;
    a = compared(a, alen, &an);
    b = compared(b, blen, &bn);
    if (an != bn) return 1;
    if (!ignore_case) return memcmp(a, b, an) != 0;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 1;
    return 0;
}

static FILE *out;

static void put_line(const char *p, size_t len) {
    fwrite(p, 1, len, out);
    putc(delim, out);
}

/* Prints the finished run that starts with line P of LEN bytes and has N lines (default, -c, -d, -u modes). */
static void end_run(const char *p, size_t len, uintmax_t n) {
    if ((repeated && n < 2) || (unique_only && n > 1)) return;
    if (count) fprintf(out, "%7ju ", n);
    put_line(p, len);
}

static int uniq_fd(int fd) {
    se_reader r;
    se_reader_init(&r, fd);
    char *prev = NULL;
    size_t prev_len = 0, prev_cap = 0, len;
    uintmax_t run = 0;
    int first_group = 1;
    char *line;
    while ((line = se_reader_line(&r, delim, &len))) {
        if (len && line[len - 1] == delim) len--;
        int same = run > 0 && !different(prev, prev_len, line, len);
        if (same) {
            run++;
            if (grouping) {
                put_line(line, len);
            } else if (all_repeated) {
                if (run == 2) {
                    if ((separation == SEP_SEPARATE && !first_group) || separation == SEP_PREPEND) putc(delim, out);
                    first_group = 0;
                    put_line(prev, prev_len);
                }
                put_line(line, len);
            }
            continue;
        }
        if (run > 0 && !grouping && !all_repeated) end_run(prev, prev_len, run);
        if (grouping) {
            if (run > 0 || separation == SEP_PREPEND || separation == SEP_BOTH) putc(delim, out);
            put_line(line, len);
        }
        if (len > prev_cap) prev = xrealloc(prev, prev_cap = len * 2 + 16);
        memcpy(prev, line, len);
        prev_len = len;
        run = 1;
    }
    int err = r.err;
    if (run > 0 && !grouping && !all_repeated) end_run(prev, prev_len, run);
    if (run > 0 && grouping && (separation == SEP_APPEND || separation == SEP_BOTH)) putc(delim, out);
    free(prev);
    se_reader_free(&r);
    return err;
}

static size_t parse_skip(const char *arg, const char *what) {
    uintmax_t v;
    int r = parse_count(arg, 10, "", &v);
    if (r == COUNT_INVALID) se_die(1, "%s: %s", arg, what);
    return r == COUNT_OVERFLOW || v > SIZE_MAX ? SIZE_MAX : (size_t)v;
}

static int pick(const char *arg, const char *option, const char *const *names, int nnames) {
    for (int i = 0; i < nnames; i++)
        if (strcmp(arg, names[i]) == 0) return i;
    se_warn("invalid argument '%s' for '%s'", arg, option);
    fprintf(stderr, "Valid arguments are:\n");
    for (int i = 0; i < nnames; i++) fprintf(stderr, "  - '%s'\n", names[i]);
    se_usage_error(1);
}

int main_uniq(int argc, char **argv) {
    enum { OPT_GROUP = 256 };
    static const struct option longopts[] = {
        {"count", no_argument, NULL, 'c'}, {"repeated", no_argument, NULL, 'd'},
        {"all-repeated", optional_argument, NULL, 'D'}, {"group", optional_argument, NULL, OPT_GROUP},
        {"ignore-case", no_argument, NULL, 'i'}, {"unique", no_argument, NULL, 'u'},
        {"skip-fields", required_argument, NULL, 'f'}, {"skip-chars", required_argument, NULL, 's'},
        {"check-chars", required_argument, NULL, 'w'}, {"zero-terminated", no_argument, NULL, 'z'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    static const char *const repeat_styles[] = {"none", "prepend", "separate"};
    static const char *const group_styles[] = {"prepend", "append", "separate", "both"};
    int c;
    size_t digit_fields = 0;
    int in_digits = 0;
    while ((c = se_getopt_long(argc, argv, "0123456789cdDf:is:uw:z", longopts, NULL)) != -1) {
        if (c >= '0' && c <= '9') {
            if (!in_digits) digit_fields = 0;
            digit_fields = digit_fields > (SIZE_MAX - 9) / 10 ? SIZE_MAX : digit_fields * 10 + (size_t)(c - '0');
            skip_fields = digit_fields;
            in_digits = 1;
            continue;
        }
        in_digits = 0;
        switch (c) {
        case 'c': count = 1; break;
        case 'd': repeated = 1; break;
        case 'D':
            all_repeated = 1;
            separation = optarg ? (int[]){SEP_NONE, SEP_PREPEND, SEP_SEPARATE}[pick(optarg, "--all-repeated", repeat_styles, 3)]
                                : SEP_NONE;
            break;
        case OPT_GROUP:
            grouping = 1;
            separation = optarg ? (int[]){SEP_PREPEND, SEP_APPEND, SEP_SEPARATE, SEP_BOTH}[pick(optarg, "--group", group_styles, 4)]
                                : SEP_SEPARATE;
            break;
        case 'f': skip_fields = parse_skip(optarg, "invalid number of fields to skip"); break;
        case 'i': ignore_case = 1; break;
        case 's': skip_chars = parse_skip(optarg, "invalid number of bytes to skip"); break;
        case 'u': unique_only = 1; break;
        case 'w': check_chars = parse_skip(optarg, "invalid number of bytes to compare"); break;
        case 'z': delim = 0; break;
        case 'h':
            printf("Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n"
                   "Filter adjacent matching lines from INPUT (or standard input),\n"
                   "writing to OUTPUT (or standard output).\n\n"
                   "  -c, --count           prefix lines by the number of occurrences\n"
                   "  -d, --repeated        only print duplicate lines, one for each group\n"
                   "  -D                    print all duplicate lines\n"
                   "      --all-repeated[=METHOD]  like -D, METHOD={none(default),prepend,separate}\n"
                   "  -f, --skip-fields=N   avoid comparing the first N fields\n"
                   "      --group[=METHOD]  show all items, METHOD={separate(default),prepend,append,both}\n"
                   "  -i, --ignore-case     ignore differences in case when comparing\n"
                   "  -s, --skip-chars=N    avoid comparing the first N characters\n"
                   "  -u, --unique          only print unique lines\n"
                   "  -z, --zero-terminated line delimiter is NUL, not newline\n"
                   "  -w, --check-chars=N   compare no more than N characters in lines\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    int nargs = argc - optind;
    if (nargs > 2) {
        se_warn("extra operand '%s'", argv[optind + 2]);
        se_usage_error(1);
    }
    if (grouping && (count || repeated || unique_only || all_repeated)) {
        se_warn("--group is mutually exclusive with -c/-d/-D/-u");
        se_usage_error(1);
    }
    if (all_repeated && count) {
        se_warn("printing all duplicated lines and repeat counts is meaningless");
        se_usage_error(1);
    }
    if (all_repeated && unique_only) return 0;
    const char *in = nargs >= 1 ? argv[optind] : "-";
    int fd = open_input(in);
    if (fd < 0) se_die_errno(1, quotef(in));
    out = stdout;
    if (nargs == 2 && strcmp(argv[optind + 1], "-") != 0) {
        out = fopen(argv[optind + 1], "w");
        if (!out) se_die_errno(1, quotef(argv[optind + 1]));
    }
    int err = uniq_fd(fd);
    if (err) {
        errno = err;
        se_die_errno(1, quotef(in));
    }
    if (out != stdout && fclose(out) != 0) se_die_errno(1, quotef(argv[optind + 1]));
    return 0;
}
