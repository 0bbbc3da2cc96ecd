/*
 * wc: newline, word, character, byte and longest-line counts, laid out as
 * GNU wc lays them out: one count for one input prints bare; otherwise every
 * column is as wide as the digits of the inputs' total size (at least 7
 * when an input is not a regular file; 1 for names read from a pipe with
 * --files0-from). In the C locale a word is a run of
 * printable non-space bytes (other bytes neither start nor end one), -m
 * counts bytes, and -L counts display columns (tab stops every 8).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_wc, "wc")

struct counts {
    uintmax_t lines, words, chars, bytes, max_line;
};

static int want_lines, want_words, want_chars, want_bytes, want_max;

/* Byte classes for the word and width scan. */
enum { C_OTHER, C_WORD, C_SPACE, C_NEWLINE, C_TAB, C_RESET };
static unsigned char byte_class[256];

static void init_classes(void) {
    for (int c = 0; c < 256; c++) {
        if (c == '\n') byte_class[c] = C_NEWLINE;
        else if (c == '\t') byte_class[c] = C_TAB;
        else if (c == '\r' || c == '\f') byte_class[c] = C_RESET;
        else if (isspace(c)) byte_class[c] = C_SPACE;
        else if (isprint(c)) byte_class[c] = C_WORD;
        else byte_class[c] = C_OTHER;
    }
}

/* Counts FD into C; returns 0 or an errno. */
static int count_fd(int fd, struct counts *c) {
    static unsigned char buf[65536];
    int in_word = 0;
    uintmax_t col = 0;
    int need_scan = want_words || want_max;
    for (;;) {
        ssize_t n = read_retry(fd, buf, sizeof buf);
        if (n < 0) return errno;
        if (n == 0) break;
        c->bytes += (uintmax_t)n;
        if (!need_scan) {
            if (want_lines)
                for (unsigned char *p = buf, *end = buf + n; (p = memchr(p, '\n', (size_t)(end - p))); p++) c->lines++;
            continue;
        }
        for (ssize_t i = 0; i < n; i++) {
            switch (byte_class[buf[i]]) {
            case C_WORD:
                col++;
                in_word = 1;
                break;
            case C_SPACE:
                if (buf[i] == ' ') col++;
                c->words += in_word;
                in_word = 0;
                break;
            case C_NEWLINE:
                c->lines++;
                /* fall through */
            case C_RESET:
                if (col > c->max_line) c->max_line = col;
                col = 0;
                c->words += in_word;
                in_word = 0;
                break;
            case C_TAB:
                col += 8 - col % 8;
                c->words += in_word;
                in_word = 0;
                break;
            }
        }
    }
    c->words += in_word;
    if (col > c->max_line) c->max_line = col;
    c->chars = c->bytes;
    return 0;
}

static void print_counts(const struct counts *c, int width, const char *name) {
    const char *sep = "";
    uintmax_t values[] = {c->lines, c->words, c->chars, c->bytes, c->max_line};
    int wanted[] = {want_lines, want_words, want_chars, want_bytes, want_max};
    for (int i = 0; i < 5; i++) {
        if (!wanted[i]) continue;
        printf("%s%*ju", sep, width, values[i]);
        sep = " ";
    }
    if (name) printf(" %s", name);
    putchar('\n');
}

/*
 * --files0-from=FILE: the NUL-separated names in FILE ("-": standard input).
 * Sets *n and *from_pipe (GNU sizes the columns only for a list it could
 * read whole, that is a regular file).
 */
static char **read_names(const char *from, int *n, int *from_pipe) {
    int fd = strcmp(from, "-") == 0 ? 0 : open(from, O_RDONLY);
    if (fd < 0) se_die(1, "cannot open %s for reading: %s", quoteaf(from), se_strerror(errno));
    struct stat st;
    *from_pipe = fstat(fd, &st) != 0 || !S_ISREG(st.st_mode);
    se_reader r;
    se_reader_init(&r, fd);
    char **names = NULL, *item;
    size_t len, cap = 0;
    *n = 0;
    while ((item = se_reader_line(&r, '\0', &len))) {
        if ((size_t)*n == cap) names = xrealloc(names, (cap = cap * 2 + 16) * sizeof *names);
        if (len && item[len - 1] == '\0') len--;
        names[*n] = xmalloc(len + 1);
        memcpy(names[*n], item, len);
        names[(*n)++][len] = 0;
    }
    if (r.err) se_die(1, "%s: read error: %s", quotef(from), se_strerror(r.err));
    se_reader_free(&r);
    if (fd) close(fd);
    return names;
}

/* GNU's column width: digits of the regular files' total size, at least 7 if any input is not regular. */
static int column_width(char **files, int nfiles) {
    if (nfiles == 1 && want_lines + want_words + want_chars + want_bytes + want_max == 1) return 1;
    struct stat st;
    uintmax_t total = 0;
    int width = 1, minimum = 1;
    for (int i = 0; i < nfiles; i++) {
        int failed = strcmp(files[i], "-") == 0 ? fstat(0, &st) : stat(files[i], &st);
        if (failed) continue;
        if (S_ISREG(st.st_mode)) total += (uintmax_t)st.st_size;
        else minimum = 7;
    }
    for (; total >= 10; total /= 10) width++;
    return width < minimum ? minimum : width;
}

int main_wc(int argc, char **argv) {
    static const struct option longopts[] = {
        {"bytes", no_argument, NULL, 'c'}, {"chars", no_argument, NULL, 'm'},
        {"lines", no_argument, NULL, 'l'}, {"words", no_argument, NULL, 'w'},
        {"max-line-length", no_argument, NULL, 'L'}, {"files0-from", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *files0_from = NULL;
    int c;
    while ((c = se_getopt_long(argc, argv, "clLmw", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': want_bytes = 1; break;
        case 'm': want_chars = 1; break;
        case 'l': want_lines = 1; break;
        case 'w': want_words = 1; break;
        case 'L': want_max = 1; break;
        case 'F': files0_from = optarg; break;
        case 'h':
            printf("Usage: wc [OPTION]... [FILE]...\n"
                   "Print newline, word, and byte counts for each FILE, and a total line if\n"
                   "more than one FILE is specified.\n\n"
                   "  -c, --bytes            print the byte counts\n"
                   "  -m, --chars            print the character counts\n"
                   "  -l, --lines            print the newline counts\n"
                   "  -w, --words            print the word counts\n"
                   "  -L, --max-line-length  print the maximum display width\n"
                   "      --files0-from=F    read input from the files specified by\n"
                   "                           NUL-terminated names in file F;\n"
                   "                           If F is - then read names from standard input\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (!want_bytes && !want_chars && !want_lines && !want_words && !want_max)
        want_lines = want_words = want_bytes = 1;
    init_classes();
    char *stdin_only[] = {"-"};
    int named = optind < argc;
    char **files = named ? argv + optind : stdin_only;
    int nfiles = named ? argc - optind : 1, from_pipe = 0;
    if (files0_from) {
        if (named) {
            se_warn("extra operand %s", quote_locale(argv[optind]));
            fprintf(stderr, "file operands cannot be combined with --files0-from\n");
            se_usage_error(1);
        }
        files = read_names(files0_from, &nfiles, &from_pipe);
        named = 1;
    }
    int width = from_pipe ? 1 : column_width(files, nfiles);
    struct counts total = {0};
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        if (files0_from && !*files[i]) {
            se_warn("%s:%d: invalid zero-length file name", quotef(files0_from), i + 1);
            status = 1;
            continue;
        }
        if (files0_from && !strcmp(files0_from, "-") && !strcmp(files[i], "-")) {
            se_warn("when reading file names from stdin, no file name of %s allowed", quoteaf(files[i]));
            status = 1;
            continue;
        }
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn_errno(quotef(files[i]));
            status = 1;
            continue;
        }
        struct counts one = {0};
        int err = count_fd(fd, &one);
        close_input(fd);
        if (err) {
            errno = err;
            se_warn_errno(quotef(files[i]));
            status = 1;
        }
        print_counts(&one, width, named ? files[i] : NULL);
        total.lines += one.lines;
        total.words += one.words;
        total.chars += one.chars;
        total.bytes += one.bytes;
        if (one.max_line > total.max_line) total.max_line = one.max_line;
    }
    if (nfiles > 1) print_counts(&total, width, "total");
    return status;
}
