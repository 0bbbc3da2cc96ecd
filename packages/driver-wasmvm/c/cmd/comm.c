/*
 * comm: compares two sorted inputs line by line, as GNU comm does: column
 * 1 holds lines only in FILE1, column 2 lines only in FILE2, column 3 lines
 * in both, each indented by one delimiter (a tab, or --output-delimiter)
 * per shown column before it; -1 -2 -3 hide columns. Order is checked once
 * a line was unpairable (always with --check-order, which makes disorder
 * fatal; never with --nocheck-order); disorder ends with exit status 1.
 */
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

SE_COMMAND(main_comm, "comm")

enum { CHECK_DEFAULT, CHECK_ON, CHECK_OFF };

static int show[3] = {1, 1, 1};
static int check_mode = CHECK_DEFAULT, seen_unpairable, warned[2];
static const char *sep = "\t";
static size_t sep_len = 1;
static char delim = '\n';

/* One input: its reader and a copy of its current and previous lines. */
struct side {
    const char *name;
    int fd;
    se_reader reader;
    char *line, *prev;
    size_t len, prev_len, cap, prev_cap;
    int has_line, has_prev;
};

static int compare(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c ? c : alen < blen ? -1 : alen > blen;
}

static void advance(struct side *s, int which) {
    if (s->has_line) {
        char *t = s->prev;
        size_t tc = s->prev_cap;
        s->prev = s->line;
        s->prev_cap = s->cap;
        s->prev_len = s->len;
        s->line = t;
        s->cap = tc;
        s->has_prev = 1;
    }
    size_t len;
    char *p = se_reader_line(&s->reader, delim, &len);
    if (!p) {
        if (s->reader.err) {
            errno = s->reader.err;
            se_die_errno(1, quotef(s->name));
        }
        s->has_line = 0;
        return;
    }
    if (len && p[len - 1] == delim) len--;
    if (len + 1 > s->cap) s->line = xrealloc(s->line, s->cap = len + 1);
    memcpy(s->line, p, len);
    s->len = len;
    s->has_line = 1;
    if (s->has_prev && check_mode != CHECK_OFF && (check_mode == CHECK_ON || seen_unpairable) && !warned[which] &&
        compare(s->prev, s->prev_len, s->line, s->len) > 0) {
        if (check_mode == CHECK_ON) se_die(1, "file %d is not in sorted order", which + 1);
        se_warn("file %d is not in sorted order", which + 1);
        warned[which] = 1;
    }
}

static void write_line(const struct side *s, int column, uintmax_t *totals) {
    totals[column]++;
    if (!show[column]) return;
    for (int c = 0; c < column; c++)
        if (show[c]) fwrite(sep, 1, sep_len, stdout);
    fwrite(s->line, 1, s->len, stdout);
    putchar(delim);
}

int main_comm(int argc, char **argv) {
    enum { OPT_CHECK = 256, OPT_NOCHECK, OPT_DELIM, OPT_TOTAL };
    static const struct option longopts[] = {
        {"check-order", no_argument, NULL, OPT_CHECK}, {"nocheck-order", no_argument, NULL, OPT_NOCHECK},
        {"output-delimiter", required_argument, NULL, OPT_DELIM}, {"total", no_argument, NULL, OPT_TOTAL},
        {"zero-terminated", no_argument, NULL, 'z'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int total = 0, delim_set = 0, c;
    while ((c = se_getopt_long(argc, argv, "123z", longopts, NULL)) != -1) {
        switch (c) {
        case '1': case '2': case '3': show[c - '1'] = 0; break;
        case 'z': delim = 0; break;
        case OPT_CHECK: check_mode = CHECK_ON; break;
        case OPT_NOCHECK: check_mode = CHECK_OFF; break;
        case OPT_TOTAL: total = 1; break;
        case OPT_DELIM:
            if (delim_set && strcmp(sep, optarg) != 0) se_die(1, "multiple output delimiters specified");
            delim_set = 1;
            sep = optarg;
            sep_len = *optarg ? strlen(optarg) : 1;
            break;
        case 'h':
            printf("Usage: comm [OPTION]... FILE1 FILE2\n"
                   "Compare sorted files FILE1 and FILE2 line by line.\n\n"
                   "  -1                      suppress column 1 (lines unique to FILE1)\n"
                   "  -2                      suppress column 2 (lines unique to FILE2)\n"
                   "  -3                      suppress column 3 (lines that appear in both files)\n"
                   "  --check-order           check that the input is correctly sorted\n"
                   "  --nocheck-order         do not check that the input is correctly sorted\n"
                   "  --output-delimiter=STR  separate columns with STR\n"
                   "  --total                 output a summary\n"
                   "  -z, --zero-terminated   line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 2, 2, 1);
    struct side sides[2];
    memset(sides, 0, sizeof sides);
    for (int i = 0; i < 2; i++) {
        sides[i].name = argv[optind + i];
        sides[i].fd = open_input(sides[i].name);
        if (sides[i].fd < 0) se_die_errno(1, quotef(sides[i].name));
        se_reader_init(&sides[i].reader, sides[i].fd);
    }
    advance(&sides[0], 0);
    advance(&sides[1], 1);
    uintmax_t totals[3] = {0, 0, 0};
    while (sides[0].has_line || sides[1].has_line) {
        int order;
        if (!sides[0].has_line) order = 1;
        else if (!sides[1].has_line) order = -1;
        else order = compare(sides[0].line, sides[0].len, sides[1].line, sides[1].len);
        if (order == 0) {
            write_line(&sides[1], 2, totals);
        } else {
            seen_unpairable = 1;
            if (order < 0) write_line(&sides[0], 0, totals);
            else write_line(&sides[1], 1, totals);
        }
        if (order >= 0) advance(&sides[1], 1);
        if (order <= 0) advance(&sides[0], 0);
    }
    if (total) {
        printf("%ju", totals[0]);
        fwrite(sep, 1, sep_len, stdout);
        printf("%ju", totals[1]);
        fwrite(sep, 1, sep_len, stdout);
        printf("%ju", totals[2]);
        fwrite(sep, 1, sep_len, stdout);
        printf("total%c", delim);
    }
    if (warned[0] || warned[1]) se_die(1, "input is not in sorted order");
    return 0;
}
