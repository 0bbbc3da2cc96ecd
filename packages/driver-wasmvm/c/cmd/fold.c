/*
 * fold: wraps lines longer than -w columns (80 by default), as GNU fold
 * does: tabs advance to the next multiple of 8, backspace steps back and
 * carriage return goes to column 0 (with -b every byte is one column);
 * -s breaks after the last blank that fits when there is one.
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
#include "lib/text-num.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_fold, "fold")

static int count_bytes, break_spaces;
static size_t width = 80;

static size_t adjust_column(size_t column, unsigned char c) {
    if (count_bytes) return column + 1;
    if (c == '\b') return column > 0 ? column - 1 : 0;
    if (c == '\r') return 0;
    if (c == '\t') return column + 8 - column % 8;
    return column + 1;
}

static int fold_fd(int fd) {
    static unsigned char in[65536];
    size_t cap = 1024, out_len = 0, column = 0;
    unsigned char *out = xmalloc(cap);
    for (;;) {
        ssize_t n = read_retry(fd, in, sizeof in);
        if (n < 0) {
            int err = errno;
            fwrite(out, 1, out_len, stdout);
            free(out);
            return err;
        }
        if (n == 0) break;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = in[i];
            if (out_len + 2 >= cap) out = xrealloc(out, cap *= 2);
            if (c == '\n') {
                out[out_len++] = c;
                fwrite(out, 1, out_len, stdout);
                column = out_len = 0;
                continue;
            }
            for (;;) {
                column = adjust_column(column, c);
                if (column <= width) break;
                if (break_spaces) {
                    size_t end = out_len;
                    int found = 0;
                    while (end > 0) {
                        end--;
                        if (out[end] == ' ' || out[end] == '\t') {
                            found = 1;
                            break;
                        }
                    }
                    if (found) {
                        end++;
                        fwrite(out, 1, end, stdout);
                        putchar('\n');
                        memmove(out, out + end, out_len - end);
                        out_len -= end;
                        column = 0;
                        for (size_t k = 0; k < out_len; k++) column = adjust_column(column, out[k]);
                        continue;
                    }
                }
                if (out_len == 0) break;
                out[out_len++] = '\n';
                fwrite(out, 1, out_len, stdout);
                column = out_len = 0;
            }
            out[out_len++] = c;
        }
    }
    fwrite(out, 1, out_len, stdout);
    free(out);
    return 0;
}

int main_fold(int argc, char **argv) {
    static const struct option longopts[] = {
        {"bytes", no_argument, NULL, 'b'}, {"spaces", no_argument, NULL, 's'},
        {"width", required_argument, NULL, 'w'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    /* The obsolete form -NUM means -w NUM. */
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        static char buf[64];
        snprintf(buf, sizeof buf, "-w%s", argv[1] + 1);
        argv[1] = buf;
    }
    int c;
    while ((c = se_getopt_long(argc, argv, "bsw:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': count_bytes = 1; break;
        case 's': break_spaces = 1; break;
        case 'w': {
            uintmax_t v;
            int r = parse_count(optarg, 10, "", &v);
            if (r == COUNT_INVALID) se_die(1, "invalid number of columns: '%s'", optarg);
            if (r == COUNT_OVERFLOW || v < 1 || v > SIZE_MAX - 9)
                se_die(1, "invalid number of columns: '%s': Numerical result out of range", optarg);
            width = (size_t)v;
            break;
        }
        case 'h':
            printf("Usage: fold [OPTION]... [FILE]...\n"
                   "Wrap input lines in each FILE, writing to standard output.\n\n"
                   "  -b, --bytes         count bytes rather than columns\n"
                   "  -s, --spaces        break at spaces\n"
                   "  -w, --width=WIDTH   use WIDTH columns instead of 80\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn_errno(quotef(files[i]));
            status = 1;
            continue;
        }
        int err = fold_fd(fd);
        close_input(fd);
        if (err) {
            errno = err;
            se_warn_errno(quotef(files[i]));
            status = 1;
        }
    }
    return status;
}
