/*
 * yes: repeats its arguments joined by spaces (or "y") forever. The line is
 * repeated into a 64 KiB buffer written with one call per fill, so a reader
 * gets full pipe-sized chunks; a write error (EPIPE when the reader is gone)
 * ends it quietly.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_yes, "yes")

#define YES_BUFFER 65536

int main_yes(int argc, char **argv) {
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("Usage: yes [STRING]...\nRepeatedly output a line with all specified STRING(s), or 'y'.\n");
            return 0;
        }
        se_usage_error(1);
    }
    size_t line_len = 0;
    for (int i = optind; i < argc; i++) line_len += strlen(argv[i]) + 1;
    if (optind >= argc) line_len = 2;
    size_t cap = line_len > YES_BUFFER / 2 ? line_len : YES_BUFFER;
    char *buf = xmalloc(cap);
    size_t n = 0;
    if (optind >= argc) {
        memcpy(buf, "y\n", 2);
        n = 2;
    } else {
        for (int i = optind; i < argc; i++) {
            size_t len = strlen(argv[i]);
            memcpy(buf + n, argv[i], len);
            n += len;
            buf[n++] = i + 1 < argc ? ' ' : '\n';
        }
    }
    while (n + line_len <= cap) {
        memcpy(buf + n, buf, line_len);
        n += line_len;
    }
    for (;;) {
        if (se_write_all(1, buf, n) < 0) {
            if (errno == EPIPE) return 1;
            se_warn_errno("standard output");
            return 1;
        }
    }
}
