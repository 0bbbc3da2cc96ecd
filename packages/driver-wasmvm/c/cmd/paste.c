/*
 * paste: joins corresponding lines of the inputs with delimiters from the
 * -d list (cycled; \n \t \\ \b \f \r \v escapes, \0 for none), or with -s
 * joins all lines of each input into one. As in GNU paste, delimiters for
 * inputs that have ended are held back and written only if a later input
 * still has a line; "-" may appear several times and shares standard input.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_paste, "paste")

/* The delimiter list: -1 marks an empty delimiter (\0). */
static int *delims;
static size_t ndelims;
static char line_delim = '\n';

static void parse_delims(const char *list) {
    const char *s = list;
    delims = xmalloc((strlen(s) + 1) * sizeof *delims);
    ndelims = 0;
    for (; *s; s++) {
        int c = (unsigned char)*s;
        if (c == '\\') {
            s++;
            switch (*s) {
            case 0: se_die(1, "delimiter list ends with an unescaped backslash: %s", list);
            case '0': c = -1; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'v': c = '\v'; break;
            default: c = (unsigned char)*s; break;
            }
        }
        delims[ndelims++] = c;
    }
}

struct input {
    const char *name;
    se_reader *reader; /* shared by every "-" */
    int open;
};

static void put_delim(size_t *k) {
    if (ndelims == 0) return;
    if (delims[*k] >= 0) putchar(delims[*k]);
    if (++*k == ndelims) *k = 0;
}

static int paste_serial(char **files, int nfiles) {
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn_errno(quotef(files[i]));
            status = 1;
            continue;
        }
        se_reader r;
        se_reader_init(&r, fd);
        size_t len, k = 0;
        char *line;
        int first = 1;
        while ((line = se_reader_line(&r, line_delim, &len))) {
            if (len && line[len - 1] == line_delim) len--;
            if (!first) put_delim(&k);
            fwrite(line, 1, len, stdout);
            first = 0;
        }
        putchar(line_delim);
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

static int paste_parallel(char **files, int nfiles) {
    struct input *in = xcalloc((size_t)nfiles, sizeof *in);
    se_reader *stdin_reader = NULL;
    int open_count = 0, status = 0;
    for (int i = 0; i < nfiles; i++) {
        in[i].name = files[i];
        if (strcmp(files[i], "-") == 0) {
            if (!stdin_reader) {
                stdin_reader = xmalloc(sizeof *stdin_reader);
                se_reader_init(stdin_reader, 0);
            }
            in[i].reader = stdin_reader;
        } else {
            int fd = open_input(files[i]);
            if (fd < 0) se_die_errno(1, quotef(files[i]));
            in[i].reader = xmalloc(sizeof *in[i].reader);
            se_reader_init(in[i].reader, fd);
        }
        in[i].open = 1;
        open_count++;
    }
    char *held = xmalloc((size_t)nfiles + 1);
    while (open_count > 0) {
        int somedone = 0;
        size_t k = 0, nheld = 0;
        for (int i = 0; i < nfiles && open_count > 0; i++) {
            size_t len = 0;
            char *line = NULL;
            if (in[i].open) {
                line = se_reader_line(in[i].reader, line_delim, &len);
                if (!line) {
                    if (in[i].reader->err) {
                        errno = in[i].reader->err;
                        se_warn_errno(quotef(in[i].name));
                        status = 1;
                    }
                    in[i].open = 0;
                    open_count--;
                }
            }
            if (!line) {
                if (i + 1 == nfiles) {
                    if (somedone) {
                        fwrite(held, 1, nheld, stdout);
                        putchar(line_delim);
                    }
                } else {
                    if (ndelims && delims[k] >= 0) held[nheld++] = (char)delims[k];
                    if (ndelims && ++k == ndelims) k = 0;
                }
                continue;
            }
            somedone = 1;
            fwrite(held, 1, nheld, stdout);
            nheld = 0;
            if (len && line[len - 1] == line_delim) len--;
            fwrite(line, 1, len, stdout);
            if (i + 1 < nfiles) put_delim(&k);
            else putchar(line_delim);
        }
    }
    return status;
}

int main_paste(int argc, char **argv) {
    static const struct option longopts[] = {
        {"delimiters", required_argument, NULL, 'd'}, {"serial", no_argument, NULL, 's'},
        {"zero-terminated", no_argument, NULL, 'z'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *list = "\t";
    int serial = 0, c;
    while ((c = se_getopt_long(argc, argv, "d:sz", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': list = optarg; break;
        case 's': serial = 1; break;
        case 'z': line_delim = 0; break;
        case 'h':
            printf("Usage: paste [OPTION]... [FILE]...\n"
                   "Write lines consisting of the sequentially corresponding lines from\n"
                   "each FILE, separated by TABs, to standard output.\n\n"
                   "  -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n"
                   "  -s, --serial            paste one file at a time instead of in parallel\n"
                   "  -z, --zero-terminated   line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    parse_delims(list);
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    return serial ? paste_serial(files, nfiles) : paste_parallel(files, nfiles);
}
