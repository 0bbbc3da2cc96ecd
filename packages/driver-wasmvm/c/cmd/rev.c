/*
 * rev: reverses each line, as util-linux rev 2.38 does in the C locale,
 * where it reads wide characters: a byte above 0x7f cannot be decoded, so
 * rev reports "rev: FILE: N: Invalid or incomplete multibyte or wide
 * character" (N lines done) and leaves the file; a NUL ends what is kept
 * of a line, whose rest up to its newline is lost and which goes on with
 * the next line (a line that starts with a NUL is skipped). A last line without a newline stays without one. A file
 * that cannot be opened ("-" included: it is a name like any other) is
 * reported ("rev: cannot open F: error") and skipped.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_rev, "rev")

/* Writes the bytes of B[0..len) reversed, then the newline if NL. */
static void put_reversed(const char *b, size_t len, int nl) {
    for (size_t i = len; i > 0; i--) putchar(b[i - 1]);
    if (nl) putchar('\n');
}

/* Reverses the lines of FD (NAME for messages); returns 0, or 1 after an undecodable byte or a read error. */
static int reverse_fd(int fd, const char *name) {
    se_reader r;
    se_reader_init(&r, fd);
    size_t len, cap = 0, held = 0, lineno = 0;
    char *line, *acc = NULL;
    int status = 0, joining = 0;
    while ((line = se_reader_line(&r, '\n', &len))) {
        size_t good = 0; /* the bytes before the first undecodable one */
        while (good < len && (unsigned char)line[good] <= 0x7f) good++;
        if (good < len) {
            status = 1;
            if (joining) {
                /* GNU's buffer then holds the decoded start of this line after the joined text, unreversed. */
                put_reversed(acc, held, 0);
                fwrite(line, 1, strnlen(line, good), stdout);
                lineno++;
            }
            fflush(stdout);
            fprintf(stderr, "%s: %s: %zu: Invalid or incomplete multibyte or wide character\n", se_prog, name, lineno);
            break;
        }
        int nl = line[len - 1] == '\n';
        char *nul = memchr(line, 0, len);
        size_t keep = nul ? (size_t)(nul - line) : len - (size_t)nl;
        if (!joining && nul == line) continue; /* GNU skips a line that decodes to an empty string */
        if (held + keep > cap) acc = xrealloc(acc, cap = (held + keep) * 2 + 64);
        memcpy(acc + held, line, keep);
        held += keep;
        if (nul && nl) {
            joining = 1; /* the rest of this line is lost; the next one continues it */
            continue;
        }
        put_reversed(acc, held, nl && !nul);
        lineno++;
        held = 0;
        joining = 0;
    }
    if (!status && joining) put_reversed(acc, held, 0);
    if (!status && r.err) {
        fflush(stdout);
        fprintf(stderr, "%s: %s: %zu: %s\n", se_prog, name, lineno, se_strerror(r.err));
        status = 1;
    }
    free(acc);
    se_reader_free(&r);
    return status;
}

int main_rev(int argc, char **argv) {
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            printf("Usage: rev [options] [file ...]\n\nReverse lines characterwise.\n\n"
                   "Options:\n -h, --help     display this help\n");
            return 0;
        default:
            fprintf(stderr, "Try '%s --help' for more information.\n", se_prog);
            return 1;
        }
    }
    if (optind >= argc) return reverse_fd(0, "stdin");
    int status = 0;
    for (int i = optind; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            se_warn("cannot open %s: %s", argv[i], se_strerror(errno));
            status = 1;
            continue;
        }
        status |= reverse_fd(fd, argv[i]);
        close(fd);
    }
    return status;
}
