/*
 * rev: reverses the bytes of each line, as util-linux rev does in the C
 * locale; a last line without a newline stays without one. A file that
 * cannot be opened is reported ("rev: cannot open F: error") and skipped.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lib/common.h"
#include "lib/text-io.h"

SE_COMMAND(main_rev, "rev")

static void reverse_fd(int fd, char delim, char **buf, size_t *cap) {
    se_reader r;
    se_reader_init(&r, fd);
    size_t len;
    char *line;
    while ((line = se_reader_line(&r, delim, &len))) {
        int ended = len && line[len - 1] == delim;
        if (ended) len--;
        if (len > *cap) *buf = xrealloc(*buf, *cap = len * 2);
        for (size_t i = 0; i < len; i++) (*buf)[i] = line[len - 1 - i];
        fwrite(*buf, 1, len, stdout);
        if (ended) putchar(delim);
    }
    if (r.err) {
        errno = r.err;
        se_warn_errno("read error");
    }
    se_reader_free(&r);
}

int main_rev(int argc, char **argv) {
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    char delim = '\n';
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
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
    char *buf = NULL;
    size_t cap = 0;
    int status = 0;
    if (optind >= argc) {
        reverse_fd(0, delim, &buf, &cap);
        return 0;
    }
    for (int i = optind; i < argc; i++) {
        int fd = open_input(argv[i]);
        if (fd < 0) {
            se_warn("cannot open %s: %s", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        reverse_fd(fd, delim, &buf, &cap);
        close_input(fd);
    }
    return status;
}
