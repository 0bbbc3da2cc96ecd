/*
 * cut: selected bytes (-b, and -c, the same in the C locale) or fields (-f,
 * split at the -d byte, a tab by default) of each line, as GNU cut prints
 * them. Lists are N, N-M, N-, -M separated by commas or blanks; --complement
 * inverts them. A line without the delimiter prints whole unless -s.
 * --output-delimiter joins fields, and separates byte ranges that are not
 * adjacent in the list.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_cut, "cut")

/* A range of 1-based positions; hi UINTMAX_MAX means "to the end". */
struct range {
    uintmax_t lo, hi;
};

static struct range *ranges;
static size_t nranges;
static int by_position; /* -b/-c rather than -f */

static _Noreturn void list_error(const char *fields_msg, const char *pos_msg) {
    se_warn("%s", by_position ? pos_msg : fields_msg);
    se_usage_error(1);
}

static void add_range(uintmax_t lo, uintmax_t hi) {
    ranges = xrealloc(ranges, (nranges + 1) * sizeof *ranges);
    ranges[nranges].lo = lo;
    ranges[nranges].hi = hi;
    nranges++;
}

static int compare_ranges(const void *a, const void *b) {
    const struct range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Parses LIST into sorted, merged ranges (GNU's set_fields). */
static void parse_list(const char *list, int complement) {
    uintmax_t initial = 1, value = 0;
    int lhs = 0, rhs = 0, dash = 0;
    const char *num_start = NULL;
    for (const char *s = list;; s++) {
        if (*s == '-') {
            if (dash) list_error("invalid field range", "invalid byte or character range");
            dash = 1;
            if (lhs && !value) list_error("fields are numbered from 1", "byte/character positions are numbered from 1");
            initial = lhs ? value : 1;
            value = 0;
            num_start = NULL;
        } else if (*s == ',' || isblank((unsigned char)*s) || *s == 0) {
            num_start = NULL;
            if (dash) {
                dash = 0;
                if (!lhs && !rhs) list_error("invalid range with no endpoint: -", "invalid range with no endpoint: -");
                if (!rhs) {
                    add_range(initial, UINTMAX_MAX);
                } else {
                    if (value < initial) list_error("invalid decreasing range", "invalid decreasing range");
                    add_range(initial, value);
                }
            } else {
                if (value == 0) list_error("fields are numbered from 1", "byte/character positions are numbered from 1");
                add_range(value, value);
            }
            value = 0;
            if (*s == 0) break;
            lhs = rhs = 0;
        } else if (isdigit((unsigned char)*s)) {
            if (!num_start) num_start = s;
            if (dash) rhs = 1;
            else lhs = 1;
            if (value > (UINTMAX_MAX - 9) / 10 || value * 10 + (uintmax_t)(*s - '0') == UINTMAX_MAX) {
                int len = (int)strspn(num_start, "0123456789");
                se_warn(by_position ? "byte/character offset '%.*s' is too large" : "field number '%.*s' is too large",
                        len, num_start);
                se_usage_error(1);
            }
            value = value * 10 + (uintmax_t)(*s - '0');
        } else {
            se_warn(by_position ? "invalid byte/character position '%s'" : "invalid field value '%s'", s);
            se_usage_error(1);
        }
    }
    qsort(ranges, nranges, sizeof *ranges, compare_ranges);
    size_t out = 0;
    for (size_t i = 0; i < nranges; i++) {
        if (out > 0 && ranges[i].lo <= ranges[out - 1].hi) {
            if (ranges[i].hi > ranges[out - 1].hi) ranges[out - 1].hi = ranges[i].hi;
        } else {
            ranges[out++] = ranges[i];
        }
    }
    nranges = out;
    if (complement) {
        struct range *old = ranges;
        size_t n = nranges;
        ranges = NULL;
        nranges = 0;
        if (old[0].lo > 1) add_range(1, old[0].lo - 1);
        for (size_t i = 1; i < n; i++)
            if (old[i - 1].hi + 1 != old[i].lo) add_range(old[i - 1].hi + 1, old[i].lo - 1);
        if (old[n - 1].hi < UINTMAX_MAX) add_range(old[n - 1].hi + 1, UINTMAX_MAX);
        free(old);
    }
}

static char delim = '\t', line_delim = '\n';
static const char *out_delim;
static size_t out_delim_len;
static int out_delim_given, only_delimited;

static void cut_bytes(const char *p, size_t len) {
    int printed = 0;
    for (size_t i = 0; i < nranges && ranges[i].lo <= len; i++) {
        size_t lo = (size_t)ranges[i].lo - 1;
        size_t hi = ranges[i].hi > len ? len : (size_t)ranges[i].hi;
        if (out_delim_given && printed) fwrite(out_delim, 1, out_delim_len, stdout);
        fwrite(p + lo, 1, hi - lo, stdout);
        printed = 1;
    }
    putchar(line_delim);
}

static void cut_fields(const char *p, size_t len) {
    const char *end = p + len;
    const char *d = memchr(p, delim, len);
    if (!d) {
        if (!only_delimited) {
            fwrite(p, 1, len, stdout);
            putchar(line_delim);
        }
        return;
    }
    size_t r = 0;
    uintmax_t field = 1;
    int printed = 0;
    while (r < nranges) {
        const char *fend = memchr(p, delim, (size_t)(end - p));
        if (!fend) fend = end;
        while (r < nranges && ranges[r].hi < field) r++;
        if (r < nranges && ranges[r].lo <= field) {
            if (printed) fwrite(out_delim, 1, out_delim_len, stdout);
            fwrite(p, 1, (size_t)(fend - p), stdout);
            printed = 1;
        }
        if (fend == end) break;
        p = fend + 1;
        field++;
    }
    putchar(line_delim);
}

int main_cut(int argc, char **argv) {
    enum { OPT_COMPLEMENT = 256, OPT_OUTPUT_DELIM };
    static const struct option longopts[] = {
        {"bytes", required_argument, NULL, 'b'}, {"characters", required_argument, NULL, 'c'},
        {"fields", required_argument, NULL, 'f'}, {"delimiter", required_argument, NULL, 'd'},
        {"only-delimited", no_argument, NULL, 's'}, {"complement", no_argument, NULL, OPT_COMPLEMENT},
        {"output-delimiter", required_argument, NULL, OPT_OUTPUT_DELIM},
        {"zero-terminated", no_argument, NULL, 'z'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *list = NULL;
    int mode = 0, complement = 0, delim_given = 0, c;
    while ((c = se_getopt_long(argc, argv, "b:c:d:f:nsz", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': case 'c': case 'f':
            if (mode) {
                se_warn("only one list may be specified");
                se_usage_error(1);
            }
            mode = c == 'f' ? 'f' : 'b';
            list = optarg;
            break;
        case 'd':
            if (optarg[0] && optarg[1]) {
                se_warn("the delimiter must be a single character");
                se_usage_error(1);
            }
            delim = optarg[0];
            delim_given = 1;
            break;
        case 'n': break;
        case 's': only_delimited = 1; break;
        case 'z': line_delim = 0; break;
        case OPT_COMPLEMENT: complement = 1; break;
        case OPT_OUTPUT_DELIM:
            out_delim = optarg;
            out_delim_len = strlen(optarg);
            out_delim_given = 1;
            if (out_delim_len == 0) out_delim_len = 1; /* GNU writes a NUL for an empty string */
            break;
        case 'h':
            printf("Usage: cut OPTION... [FILE]...\n"
                   "Print selected parts of lines from each FILE to standard output.\n\n"
                   "  -b, --bytes=LIST        select only these bytes\n"
                   "  -c, --characters=LIST   select only these characters\n"
                   "  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n"
                   "  -f, --fields=LIST       select only these fields\n"
                   "      --complement        complement the set of selected bytes, characters or fields\n"
                   "  -s, --only-delimited    do not print lines not containing delimiters\n"
                   "      --output-delimiter=STRING  use STRING as the output delimiter\n"
                   "  -z, --zero-terminated   line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (!mode) {
        se_warn("you must specify a list of bytes, characters, or fields");
        se_usage_error(1);
    }
    by_position = mode == 'b';
    if (by_position && delim_given) {
        se_warn("an input delimiter may be specified only when operating on fields");
        se_usage_error(1);
    }
    if (by_position && only_delimited) {
        se_warn("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
        se_usage_error(1);
    }
    parse_list(list, complement);
    static char delim_str[1];
    delim_str[0] = delim;
    if (!out_delim_given) {
        out_delim = delim_str;
        out_delim_len = 1;
    }
    int status = 0;
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn_errno(quotef(files[i]));
            status = 1;
            continue;
        }
        se_reader r;
        se_reader_init(&r, fd);
        size_t len;
        char *line;
        while ((line = se_reader_line(&r, line_delim, &len))) {
            if (len && line[len - 1] == line_delim) len--;
            if (by_position) cut_bytes(line, len);
            else cut_fields(line, len);
        }
        if (r.err) {
            errno = r.err;
            se_warn_errno(quotef(files[i]));
            status = 1;
        }
        se_reader_free(&r);
        close_input(fd);
    }
    return status;
}
