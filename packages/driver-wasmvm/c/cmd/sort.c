/*
 * sort: GNU sort in memory. Inputs are read into large chunks and split
 * into lines (a missing final delimiter is supplied), then ordered by a
 * stable merge sort under the keys of lib/sort-keys; -m merges inputs that
 * are already sorted; -u keeps the first of each run of equal lines; -c/-C
 * check order instead (streaming); -o writes only after all input is read,
 * so it may name an input. Errors exit 2, as GNU's do.
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
#include "lib/sort-keys.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_sort, "sort")

static char delim = '\n';

/* Ordering first by the installed keys; the sort is stable, so equal lines keep input order. */
static void insertion_sort(struct sort_line *v, size_t n) {
    for (size_t i = 1; i < n; i++) {
        struct sort_line x = v[i];
        size_t j = i;
        while (j > 0 && sort_compare(&v[j - 1], &x) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/*
 * Merges the runs v[0, mid) and v[mid, n) using tmp (mid entries), always
 * taking the smaller head and, on ties, the left one (as GNU's -m does even
 * with unsorted inputs).
 */
static void merge_runs(struct sort_line *v, size_t mid, size_t n, struct sort_line *tmp) {
    if (mid == 0 || mid == n) return;
    memcpy(tmp, v, mid * sizeof *v);
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) v[k++] = sort_compare(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
    while (i < mid) v[k++] = tmp[i++];
}

static void merge_sort(struct sort_line *v, size_t n, struct sort_line *tmp) {
    if (n <= 16) {
        insertion_sort(v, n);
        return;
    }
    size_t mid = n / 2;
    merge_sort(v, mid, tmp);
    merge_sort(v + mid, n - mid, tmp);
    if (sort_compare(&v[mid - 1], &v[mid]) > 0) merge_runs(v, mid, n, tmp);
}

/*
 * All lines of the operands. Input is read into chunks of at least 16 MiB
 * that are never moved (lines point into them); a line cut by a chunk's end
 * moves to the next chunk, so memory stays near the input size plus the
 * line table. A missing final delimiter is supplied.
 */
struct line_store {
    struct sort_line *lines;
    size_t count, cap;
    char *chunk;
    size_t chunk_cap, chunk_len, parsed; /* bytes before PARSED are split into lines */
};

#define SORT_CHUNK (16u << 20)

static void add_line(struct line_store *st, const char *text, size_t len) {
    if (st->count == st->cap) st->lines = xrealloc(st->lines, (st->cap = st->cap ? st->cap * 2 : 4096) * sizeof *st->lines);
    st->lines[st->count].text = text;
    st->lines[st->count].len = len;
    st->count++;
}

/* Starts a new chunk with room for at least NEED more bytes, carrying over the unsplit tail. */
static void new_chunk(struct line_store *st, size_t need) {
    size_t tail = st->chunk_len - st->parsed;
    size_t cap = SORT_CHUNK;
    while (cap < tail + need) cap *= 2;
    char *chunk = xmalloc(cap);
    if (tail) memcpy(chunk, st->chunk + st->parsed, tail);
    st->chunk = chunk;
    st->chunk_cap = cap;
    st->chunk_len = tail;
    st->parsed = 0;
}

static void split_new_lines(struct line_store *st) {
    char *p = st->chunk + st->parsed, *end = st->chunk + st->chunk_len, *d;
    while ((d = memchr(p, delim, (size_t)(end - p)))) {
        add_line(st, p, (size_t)(d - p));
        p = d + 1;
    }
    st->parsed = (size_t)(p - st->chunk);
}

static void read_file(struct line_store *st, const char *file) {
    int fd = open_input(file);
    if (fd < 0) se_die(2, "cannot read: %s: %s", quotef(file), strerror(errno));
    for (;;) {
        if (st->chunk_cap - st->chunk_len < 65536) new_chunk(st, 65536);
        ssize_t n = read_retry(fd, st->chunk + st->chunk_len, st->chunk_cap - st->chunk_len);
        if (n < 0) se_die(2, "read failed: %s: %s", file, strerror(errno));
        if (n == 0) break;
        st->chunk_len += (size_t)n;
        split_new_lines(st);
    }
    close_input(fd);
    if (st->parsed < st->chunk_len) {
        if (st->chunk_len == st->chunk_cap) new_chunk(st, 1);
        st->chunk[st->chunk_len++] = delim;
        split_new_lines(st);
    }
}

/* -c / -C: reports the first line out of order; returns the exit status. */
static int check_order(const char *file, int quiet, int unique) {
    int fd = open_input(file);
    if (fd < 0) se_die(2, "cannot read: %s: %s", quotef(file), strerror(errno));
    se_reader r;
    se_reader_init(&r, fd);
    char *prev = NULL;
    size_t prev_cap = 0, lineno = 0, len;
    struct sort_line a = {NULL, 0}, b;
    char *line;
    int status = 0;
    while ((line = se_reader_line(&r, delim, &len))) {
        lineno++;
        b.text = line;
        b.len = len && line[len - 1] == delim ? len - 1 : len;
        if (lineno > 1) {
            int c = sort_compare(&a, &b);
            if (c > 0 || (unique && c == 0)) {
                if (!quiet) {
                    fflush(stdout);
                    fprintf(stderr, "%s: %s:%zu: disorder: ", se_prog, file, lineno);
                    fwrite(b.text, 1, b.len, stderr);
                    fputc('\n', stderr);
                }
                status = 1;
                break;
            }
        }
        if (b.len + 1 > prev_cap) prev = xrealloc(prev, prev_cap = b.len + 1);
        memcpy(prev, b.text, b.len);
        a.text = prev;
        a.len = b.len;
    }
    if (r.err) se_die(2, "read failed: %s: %s", file, strerror(r.err));
    se_reader_free(&r);
    close_input(fd);
    free(prev);
    return status;
}

/*
 * Checks a number argument as GNU's xstrtoumax does (digits, then at most
 * one of the SUFFIXES letters), with GNU's messages and status 2; MIN > 0
 * also requires at least MIN. Returns the number (saturated).
 */
static unsigned long long check_number(const char *arg, const char *option, const char *suffixes, unsigned long long min) {
    const char *p = arg;
    while (isspace((unsigned char)*p)) p++;
    if (!isdigit((unsigned char)*p)) se_die(2, "invalid %s argument %s", option, quote_locale(arg));
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, 10);
    if (*end && (!strchr(suffixes, *end) || end[1])) se_die(2, "invalid suffix in %s argument %s", option, quote_locale(arg));
    if (min && v < min) {
        se_warn("invalid %s argument %s", option, quote_locale(arg));
        char minimum[24];
        snprintf(minimum, sizeof minimum, "%llu", min);
        se_die(2, "minimum %s argument is %s", option, quote_locale(minimum));
    }
    return v;
}

static _Noreturn void usage_error(void) {
    se_usage_error(2);
}

static void usage(void) {
    printf("Usage: sort [OPTION]... [FILE]...\n"
           "Write sorted concatenation of all FILE(s) to standard output.\n\n"
           "  -b, --ignore-leading-blanks  ignore leading blanks\n"
           "  -d, --dictionary-order      consider only blanks and alphanumeric characters\n"
           "  -f, --ignore-case           fold lower case to upper case characters\n"
           "  -g, --general-numeric-sort  compare according to general numerical value\n"
           "  -i, --ignore-nonprinting    consider only printable characters\n"
           "  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'\n"
           "  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n"
           "  -n, --numeric-sort          compare according to string numerical value\n"
           "  -R, --random-sort           shuffle, but group identical keys\n"
           "  -r, --reverse               reverse the result of comparisons\n"
           "  -V, --version-sort          natural sort of (version) numbers within text\n"
           "  -c, --check, -C             check for sorted input; do not sort\n"
           "  -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type\n"
           "  -m, --merge                 merge already sorted files; do not sort\n"
           "  -o, --output=FILE           write result to FILE instead of standard output\n"
           "  -s, --stable                stabilize sort by disabling last-resort comparison\n"
           "  -t, --field-separator=SEP   use SEP instead of non-blank to blank transition\n"
           "  -u, --unique                output only the first of an equal run\n"
           "  -z, --zero-terminated       line delimiter is NUL, not newline\n");
}

int main_sort(int argc, char **argv) {
    enum { OPT_SORT = 256, OPT_PARALLEL, OPT_BATCH, OPT_CHECK };
    static const struct option longopts[] = {
        {"ignore-leading-blanks", no_argument, NULL, 'b'}, {"dictionary-order", no_argument, NULL, 'd'},
        {"ignore-case", no_argument, NULL, 'f'}, {"general-numeric-sort", no_argument, NULL, 'g'},
        {"ignore-nonprinting", no_argument, NULL, 'i'}, {"month-sort", no_argument, NULL, 'M'},
        {"human-numeric-sort", no_argument, NULL, 'h'}, {"numeric-sort", no_argument, NULL, 'n'},
        {"random-sort", no_argument, NULL, 'R'}, {"reverse", no_argument, NULL, 'r'},
        {"version-sort", no_argument, NULL, 'V'}, {"sort", required_argument, NULL, OPT_SORT},
        {"check", optional_argument, NULL, OPT_CHECK}, {"key", required_argument, NULL, 'k'},
        {"merge", no_argument, NULL, 'm'}, {"output", required_argument, NULL, 'o'},
        {"stable", no_argument, NULL, 's'}, {"field-separator", required_argument, NULL, 't'},
        {"unique", no_argument, NULL, 'u'}, {"zero-terminated", no_argument, NULL, 'z'},
        {"buffer-size", required_argument, NULL, 'S'}, {"temporary-directory", required_argument, NULL, 'T'},
        {"parallel", required_argument, NULL, OPT_PARALLEL}, {"batch-size", required_argument, NULL, OPT_BATCH},
        {"help", no_argument, NULL, 'H'}, {NULL, 0, NULL, 0}};
    struct sort_key global = {0};
    struct sort_key *keys = NULL;
    size_t nkeys = 0;
    struct sort_order order = {NULL, 0, SORT_TAB_BLANKS, 0, 0, 0};
    int check = 0, merge = 0;
    const char *outfile = NULL;
    int c;
    while ((c = se_getopt_long(argc, argv, "bcCdfghik:mMno:rRsS:t:T:uVz", longopts, NULL)) != -1) {
        char letter[2] = {(char)c, 0};
        switch (c) {
        case 'b': case 'd': case 'f': case 'g': case 'h': case 'i': case 'M': case 'n': case 'R': case 'r': case 'V':
            sort_key_options(letter, &global, 3);
            break;
        case OPT_SORT: {
            static const char *const names[] = {"general-numeric", "human-numeric", "month", "numeric", "random", "version"};
            static const char letters[] = "ghMnRV";
            int found = -1;
            for (int i = 0; i < 6; i++)
                if (strcmp(optarg, names[i]) == 0) found = i;
            if (found < 0) {
                se_warn("invalid argument '%s' for '--sort'", optarg);
                fprintf(stderr, "Valid arguments are:\n");
                for (int i = 0; i < 6; i++) fprintf(stderr, "  - '%s'\n", names[i]);
                se_usage_error(1);
            }
            letter[0] = letters[found];
            sort_key_options(letter, &global, 3);
            break;
        }
        case 'c': check = 'c'; break;
        case 'C': check = 'C'; break;
        case OPT_CHECK:
            if (!optarg || strcmp(optarg, "diagnose-first") == 0) check = 'c';
            else if (strcmp(optarg, "quiet") == 0 || strcmp(optarg, "silent") == 0) check = 'C';
            else {
                se_warn("invalid argument '%s' for '--check'", optarg);
                usage_error();
            }
            break;
        case 'k':
            keys = xrealloc(keys, (nkeys + 1) * sizeof *keys);
            sort_key_parse(optarg, &keys[nkeys++]);
            break;
        case 'm': merge = 1; break;
        case 'o':
            if (outfile && strcmp(outfile, optarg) != 0) se_die(2, "multiple output files specified");
            outfile = optarg;
            break;
        case 's': order.stable = 1; break;
        case 'u': order.unique = 1; break;
        case 'z': delim = 0; break;
        case 't': {
            int tab;
            if (!optarg[0]) se_die(2, "empty tab");
            if (optarg[1]) {
                if (strcmp(optarg, "\\0") != 0) se_die(2, "multi-character tab '%s'", optarg);
                tab = 0;
            } else {
                tab = (unsigned char)optarg[0];
            }
            if (order.tab != SORT_TAB_BLANKS && order.tab != tab) se_die(2, "incompatible tabs");
            order.tab = tab;
            break;
        }
        case 'S': {
            /* Checked as GNU checks it, then ignored: everything is sorted in memory. */
            int is_long = strncmp(argv[optind - (optarg == argv[optind - 1] ? 2 : 1)], "--", 2) == 0;
            check_number(optarg, is_long ? "--buffer-size" : "-S", "EgGkKmMPtTYZb%", 0);
            break;
        }
        case OPT_PARALLEL:
            if (check_number(optarg, "--parallel", "", 0) == 0) se_die(2, "number in parallel must be nonzero");
            break;
        case OPT_BATCH: check_number(optarg, "--batch-size", "", 2); break;
        case 'T': break;
        case 'H': usage(); return 0;
        default: usage_error();
        }
    }
    order.reverse = global.reverse;
    for (size_t i = 0; i < nkeys; i++) {
        if (sort_key_is_default(&keys[i]) && !keys[i].reverse) {
            struct sort_key *k = &keys[i];
            k->ignore = global.ignore;
            k->fold = global.fold;
            k->skip_start_blanks = global.skip_start_blanks;
            k->skip_end_blanks = global.skip_end_blanks;
            k->month = global.month;
            k->numeric = global.numeric;
            k->general_numeric = global.general_numeric;
            k->human_numeric = global.human_numeric;
            k->version = global.version;
            k->random = global.random;
            k->reverse = global.reverse;
        }
    }
    if (nkeys == 0 && !sort_key_is_default(&global)) {
        global.eword = SIZE_MAX;
        keys = xmalloc(sizeof *keys);
        keys[0] = global;
        nkeys = 1;
    }
    for (size_t i = 0; i < nkeys; i++) sort_key_check_compatible(&keys[i]);
    order.keys = keys;
    order.nkeys = nkeys;
    sort_set_order(&order);

    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    if (check) {
        if (nfiles > 1) {
            se_warn("extra operand '%s' not allowed with -%c", files[1], check);
            usage_error();
        }
        if (outfile) se_die(2, "options '-%co' are incompatible", check);
        return check_order(files[0], check == 'C', order.unique);
    }

    struct line_store store = {0};
    size_t *runs = xcalloc((size_t)nfiles + 1, sizeof *runs);
    for (int i = 0; i < nfiles; i++) {
        runs[i] = store.count;
        read_file(&store, files[i]);
    }
    size_t n = store.count;
    struct sort_line *lines = store.lines;
    struct sort_line *tmp = xmalloc((n ? n : 1) * sizeof *tmp);
    if (merge) {
        runs[nfiles] = n;
        for (int i = 1; i < nfiles; i++) merge_runs(lines, runs[i], runs[i + 1], tmp);
    } else {
        merge_sort(lines, n, tmp);
    }
    FILE *out = stdout;
    if (outfile) {
        out = fopen(outfile, "w");
        if (!out) se_die(2, "open failed: %s: %s", quotef(outfile), strerror(errno));
    }
    const struct sort_line *last = NULL;
    for (size_t i = 0; i < n; i++) {
        if (order.unique && last && sort_compare(last, &lines[i]) == 0) continue;
        fwrite(lines[i].text, 1, lines[i].len, out);
        putc(delim, out);
        last = &lines[i];
    }
    if (out != stdout && (fclose(out) != 0)) se_die(2, "write failed: %s: %s", outfile, strerror(errno));
    return 0;
}
