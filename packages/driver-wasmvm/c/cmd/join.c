/*
 * join: joins lines of two sorted inputs on a common field, as GNU join
 * does. Fields are separated by -t CHAR, or by runs of blanks (leading
 * blanks ignored); the output is the join field, the other fields of FILE1,
 * then those of FILE2 (or the -o list; "auto" pads to the first lines'
 * field counts), joined by the -t char or a space. Groups of equal keys
 * join pairwise. Order is checked as in comm: a warning naming the line,
 * then "input is not in sorted order" and exit status 1.
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

SE_COMMAND(main_join, "join")

enum { CHECK_DEFAULT, CHECK_ON, CHECK_OFF };

struct field {
    size_t start, len;
};

/* An owned copy of one input line with its fields. */
struct line {
    char *text;
    size_t len;
    struct field *fields;
    size_t nfields, fields_cap;
};

/* One input: its reader, the group of lines with the current key, and order-checking state. */
struct input {
    const char *name;
    se_reader reader;
    struct line **lines;
    size_t count, cap;
    struct line prev;
    int has_prev;
    uintmax_t line_no;
    size_t join_field;
};

static int tab = -1; /* -1 blanks, '\n' whole line, else the separator byte */
static int ignore_case, check_mode = CHECK_DEFAULT, seen_unpairable, warned[2], autoformat;
static int print_pairables = 1, print_unpairables[2];
static const char *empty_filler;
static size_t autocount[2];
static char eol = '\n';

struct out_spec {
    int file; /* 0 = join field */
    size_t field;
};
static struct out_spec *outlist;
static size_t noutlist;
static struct line blank_line; /* no fields: stands for the missing side */

static void add_field(struct line *l, size_t start, size_t len) {
    if (l->nfields == l->fields_cap) l->fields = xrealloc(l->fields, (l->fields_cap = l->fields_cap * 2 + 8) * sizeof *l->fields);
    l->fields[l->nfields].start = start;
    l->fields[l->nfields].len = len;
    l->nfields++;
}

/* Blank-separated fields also split at newlines (which only -z lets into a line). */
static int is_field_blank(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

static void split_fields(struct line *l) {
    l->nfields = 0;
    const char *p = l->text;
    size_t n = l->len, i = 0;
    if (n == 0) return;
    if (tab >= 0 && tab != '\n') {
        const char *sep;
        while ((sep = memchr(p + i, tab, n - i))) {
            add_field(l, i, (size_t)(sep - (p + i)));
            i = (size_t)(sep - p) + 1;
        }
    } else if (tab < 0) {
        while (i < n && is_field_blank((unsigned char)p[i])) i++;
        if (i == n) return;
        for (;;) {
            size_t s = i;
            while (i < n && !is_field_blank((unsigned char)p[i])) i++;
            add_field(l, s, i - s);
            if (i == n) return;
            while (i < n && is_field_blank((unsigned char)p[i])) i++;
            if (i == n) break;
        }
    }
    add_field(l, i, n - i);
}

static int key_compare(const struct line *a, size_t fa, const struct line *b, size_t fb) {
    const char *pa = NULL, *pb = NULL;
    size_t la = 0, lb = 0;
    if (fa < a->nfields) pa = a->text + a->fields[fa].start, la = a->fields[fa].len;
    if (fb < b->nfields) pb = b->text + b->fields[fb].start, lb = b->fields[fb].len;
    if (la == 0) return lb == 0 ? 0 : -1;
    if (lb == 0) return 1;
    size_t n = la < lb ? la : lb;
    int diff = 0;
    if (ignore_case) {
        for (size_t i = 0; i < n && !diff; i++) diff = tolower((unsigned char)pa[i]) - tolower((unsigned char)pb[i]);
    } else {
        diff = memcmp(pa, pb, n);
    }
    return diff ? diff : la < lb ? -1 : la != lb;
}

static void copy_line(struct line *dst, const char *text, size_t len) {
    dst->text = xrealloc(dst->text, len + 1);
    memcpy(dst->text, text, len);
    dst->len = len;
    split_fields(dst);
}

/* Reads the next line of IN into *SLOT; checks it against the previous one. */
static int read_line(struct input *in, int which, struct line **slot) {
    size_t len;
    char *p = se_reader_line(&in->reader, eol, &len);
    if (!p) {
        if (in->reader.err) {
            errno = in->reader.err;
            se_die_errno(1, "read error");
        }
        return 0;
    }
    if (len && p[len - 1] == eol) len--;
    if (!*slot) *slot = xcalloc(1, sizeof **slot);
    copy_line(*slot, p, len);
    in->line_no++;
    if (in->has_prev && check_mode != CHECK_OFF && (check_mode == CHECK_ON || seen_unpairable) && !warned[which] &&
        key_compare(&in->prev, in->join_field, *slot, in->join_field) > 0) {
        fflush(stdout);
        fprintf(stderr, "%s: %s:%ju: is not sorted: %.*s\n", se_prog, in->name, in->line_no, (int)len, p);
        if (check_mode == CHECK_ON) exit(1);
        warned[which] = 1;
    }
    copy_line(&in->prev, p, len);
    in->has_prev = 1;
    return 1;
}

/* Appends a line to the group (or starts a new group when FIRST). */
static int advance(struct input *in, int which, int first) {
    if (first) in->count = 0;
    if (in->count == in->cap) {
        in->lines = xrealloc(in->lines, (in->cap = in->cap * 2 + 4) * sizeof *in->lines);
        for (size_t i = in->count; i < in->cap; i++) in->lines[i] = NULL;
    }
    if (!read_line(in, which, &in->lines[in->count])) return 0;
    in->count++;
    return 1;
}

static void print_field(const struct line *l, size_t n) {
    if (n < l->nfields && l->fields[n].len) fwrite(l->text + l->fields[n].start, 1, l->fields[n].len, stdout);
    else if (empty_filler) fputs(empty_filler, stdout);
}

static void print_other_fields(const struct line *l, size_t join_field, size_t count) {
    size_t n = autoformat ? count : l->nfields;
    char sep = tab < 0 ? ' ' : (char)tab;
    for (size_t i = 0; i < n; i++) {
        if (i == join_field) continue;
        putchar(sep);
        print_field(l, i);
    }
}

static void print_join(const struct line *a, const struct line *b, const struct input *in) {
    char sep = tab < 0 ? ' ' : (char)tab;
    if (noutlist) {
        for (size_t i = 0; i < noutlist; i++) {
            if (i) putchar(sep);
            if (outlist[i].file == 0) {
                if (a == &blank_line) print_field(b, in[1].join_field);
                else print_field(a, in[0].join_field);
            } else {
                print_field(outlist[i].file == 1 ? a : b, outlist[i].field);
            }
        }
    } else {
        if (a == &blank_line) print_field(b, in[1].join_field);
        else print_field(a, in[0].join_field);
        print_other_fields(a, in[0].join_field, autocount[0]);
        print_other_fields(b, in[1].join_field, autocount[1]);
    }
    putchar(eol);
}

static void swap_first_last(struct input *in) {
    struct line *t = in->lines[0];
    in->lines[0] = in->lines[in->count - 1];
    in->lines[in->count - 1] = t;
}

static void join_inputs(struct input *in, int header) {
    advance(&in[0], 0, 1);
    advance(&in[1], 1, 1);
    if (autoformat) {
        autocount[0] = in[0].count ? in[0].lines[0]->nfields : 0;
        autocount[1] = in[1].count ? in[1].lines[0]->nfields : 0;
    }
    if (header && (in[0].count || in[1].count)) {
        print_join(in[0].count ? in[0].lines[0] : &blank_line, in[1].count ? in[1].lines[0] : &blank_line, in);
        in[0].has_prev = in[1].has_prev = 0;
        if (in[0].count) advance(&in[0], 0, 1);
        if (in[1].count) advance(&in[1], 1, 1);
    }
    while (in[0].count && in[1].count) {
        int diff = key_compare(in[0].lines[0], in[0].join_field, in[1].lines[0], in[1].join_field);
        if (diff < 0) {
            if (print_unpairables[0]) print_join(in[0].lines[0], &blank_line, in);
            advance(&in[0], 0, 1);
            seen_unpairable = 1;
            continue;
        }
        if (diff > 0) {
            if (print_unpairables[1]) print_join(&blank_line, in[1].lines[0], in);
            advance(&in[1], 1, 1);
            seen_unpairable = 1;
            continue;
        }
        int eof0 = 0, eof1 = 0;
        do {
            if (!advance(&in[0], 0, 0)) {
                eof0 = 1;
                in[0].count++;
                break;
            }
        } while (!key_compare(in[0].lines[in[0].count - 1], in[0].join_field, in[1].lines[0], in[1].join_field));
        do {
            if (!advance(&in[1], 1, 0)) {
                eof1 = 1;
                in[1].count++;
                break;
            }
        } while (!key_compare(in[0].lines[0], in[0].join_field, in[1].lines[in[1].count - 1], in[1].join_field));
        if (print_pairables)
            for (size_t i = 0; i + 1 < in[0].count; i++)
                for (size_t j = 0; j + 1 < in[1].count; j++) print_join(in[0].lines[i], in[1].lines[j], in);
        if (!eof0) swap_first_last(&in[0]), in[0].count = 1;
        else in[0].count = 0;
        if (!eof1) swap_first_last(&in[1]), in[1].count = 1;
        else in[1].count = 0;
    }
    int check_tail = check_mode != CHECK_OFF && !(warned[0] && warned[1]);
    struct line *spare = NULL;
    for (int k = 0; k < 2; k++) {
        if (!((print_unpairables[k] || check_tail) && in[k].count)) continue;
        if (print_unpairables[k]) {
            if (k == 0) print_join(in[0].lines[0], &blank_line, in);
            else print_join(&blank_line, in[1].lines[0], in);
        }
        if (in[1 - k].count) seen_unpairable = 1;
        while (read_line(&in[k], k, &spare)) {
            if (print_unpairables[k]) {
                if (k == 0) print_join(spare, &blank_line, in);
                else print_join(&blank_line, spare, in);
            }
            if (warned[k] && !print_unpairables[k]) break;
        }
    }
}

static size_t field_number(const char *s) {
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)*s)) se_die(1, "invalid field number: '%s'", s);
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || (v == 0 && errno != ERANGE)) se_die(1, "invalid field number: '%s'", s);
    if (errno == ERANGE || v > SIZE_MAX) return SIZE_MAX - 1;
    return (size_t)(v - 1);
}

static void add_output_list(const char *list) {
    char *copy = xstrdup(list), *p = copy;
    for (;;) {
        char *item = p;
        p = strpbrk(p, ", \t");
        if (p) *p++ = 0;
        struct out_spec spec;
        if (item[0] == '0') {
            if (item[1]) se_die(1, "invalid field specifier: '%s'", item);
            spec.file = 0;
            spec.field = 0;
        } else if (item[0] == '1' || item[0] == '2') {
            if (item[1] != '.') se_die(1, "invalid field specifier: '%s'", item);
            spec.file = item[0] - '0';
            spec.field = field_number(item + 2);
        } else {
            se_die(1, "invalid file number in field spec: '%s'", item);
        }
        outlist = xrealloc(outlist, (noutlist + 1) * sizeof *outlist);
        outlist[noutlist++] = spec;
        if (!p) break;
    }
    free(copy);
}

static void set_join_field(size_t *var, size_t value) {
    if (*var != SIZE_MAX && *var != value) se_die(1, "incompatible join fields %zu, %zu", *var + 1, value + 1);
    *var = value;
}

int main_join(int argc, char **argv) {
    enum { OPT_CHECK = 256, OPT_NOCHECK, OPT_HEADER };
    static const struct option longopts[] = {
        {"ignore-case", no_argument, NULL, 'i'}, {"check-order", no_argument, NULL, OPT_CHECK},
        {"nocheck-order", no_argument, NULL, OPT_NOCHECK}, {"zero-terminated", no_argument, NULL, 'z'},
        {"header", no_argument, NULL, OPT_HEADER}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    size_t join_field[2] = {SIZE_MAX, SIZE_MAX};
    int header = 0, c;
    while ((c = se_getopt_long(argc, argv, "a:e:i1:2:j:o:t:v:z", longopts, NULL)) != -1) {
        switch (c) {
        case 'v':
            print_pairables = 0;
            /* fall through */
        case 'a': {
            if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0) se_die(1, "invalid field number: '%s'", optarg);
            print_unpairables[optarg[0] - '1'] = 1;
            break;
        }
        case 'e':
            if (empty_filler && strcmp(empty_filler, optarg) != 0) se_die(1, "conflicting empty-field replacement strings");
            empty_filler = optarg;
            break;
        case 'i': ignore_case = 1; break;
        case '1': set_join_field(&join_field[0], field_number(optarg)); break;
        case '2': set_join_field(&join_field[1], field_number(optarg)); break;
        case 'j': {
            size_t f = field_number(optarg);
            set_join_field(&join_field[0], f);
            set_join_field(&join_field[1], f);
            break;
        }
        case 'o':
            if (strcmp(optarg, "auto") == 0) autoformat = 1;
            else add_output_list(optarg);
            break;
        case 't': {
            int newtab = (unsigned char)optarg[0];
            if (!newtab) newtab = '\n';
            else if (optarg[1]) {
                if (strcmp(optarg, "\\0") != 0) se_die(1, "multi-character tab '%s'", optarg);
                newtab = 0;
            }
            if (tab >= 0 && tab != newtab) se_die(1, "incompatible tabs");
            tab = newtab;
            break;
        }
        case 'z': eol = 0; break;
        case OPT_CHECK: check_mode = CHECK_ON; break;
        case OPT_NOCHECK: check_mode = CHECK_OFF; break;
        case OPT_HEADER: header = 1; break;
        case 'h':
            printf("Usage: join [OPTION]... FILE1 FILE2\n"
                   "For each pair of input lines with identical join fields, write a line to\n"
                   "standard output.  The default join field is the first, delimited by blanks.\n\n"
                   "  -a FILENUM        also print unpairable lines from file FILENUM\n"
                   "  -e STRING         replace missing (empty) input fields with STRING\n"
                   "  -i, --ignore-case  ignore differences in case when comparing fields\n"
                   "  -j FIELD          equivalent to '-1 FIELD -2 FIELD'\n"
                   "  -o FORMAT         obey FORMAT while constructing output line\n"
                   "  -t CHAR           use CHAR as input and output field separator\n"
                   "  -v FILENUM        like -a FILENUM, but suppress joined output lines\n"
                   "  -1 FIELD          join on this FIELD of file 1\n"
                   "  -2 FIELD          join on this FIELD of file 2\n"
                   "  --check-order     check that the input is correctly sorted\n"
                   "  --nocheck-order   do not check that the input is correctly sorted\n"
                   "  --header          treat the first line in each file as field headers\n"
                   "  -z, --zero-terminated  line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 2, 2, 1);
    struct input in[2];
    memset(in, 0, sizeof in);
    for (int i = 0; i < 2; i++) {
        in[i].name = argv[optind + i];
        in[i].join_field = join_field[i] == SIZE_MAX ? 0 : join_field[i];
        int fd = open_input(in[i].name);
        if (fd < 0) se_die_errno(1, quotef(in[i].name));
        se_reader_init(&in[i].reader, fd);
    }
    if (strcmp(in[0].name, "-") == 0 && strcmp(in[1].name, "-") == 0) se_die(1, "both files cannot be standard input");
    join_inputs(in, header);
    if (warned[0] || warned[1]) se_die(1, "input is not in sorted order");
    return 0;
}
