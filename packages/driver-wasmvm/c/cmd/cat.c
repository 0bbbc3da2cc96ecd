/*
 * cat: concatenates files (or stdin, "-") to stdout. Without formatting
 * options it copies with read/write in 128 KiB chunks, as fast as the pipe
 * allows. With -n -b -s -v -E -T (and -A -e -t) every byte goes through a
 * small state machine whose state (line start, blank-line run, line number)
 * carries across files, as GNU cat's does.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_cat, "cat")

#define CAT_CHUNK (1024 * 1024)

struct cat_opts {
    int number, number_nonblank, squeeze, show_ends, show_tabs, show_nonprinting;
};

/* Formatting state carried across files. */
struct cat_state {
    int at_line_start;
    int blank_run; /* newlines seen in a row at line start */
    unsigned long long line;
};

static char *out_buf;
static size_t out_len;

static int flush_out(void) {
    if (out_len && se_write_all(1, out_buf, out_len) < 0) return -1;
    out_len = 0;
    return 0;
}

static int emit(const char *s, size_t n) {
    if (out_len + n > CAT_CHUNK && flush_out() < 0) return -1;
    if (n > CAT_CHUNK) return se_write_all(1, s, n);
    memcpy(out_buf + out_len, s, n);
    out_len += n;
    return 0;
}

static int copy_plain(int fd, char *buf) {
    for (;;) {
        ssize_t n = read(fd, buf, CAT_CHUNK);
        if (n == 0) return 0;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (se_write_all(1, buf, (size_t)n) < 0) return -2;
    }
}

/* Renders one byte as -v shows it: ^X, M-x, M-^X, ^? and M-^?. */
static int emit_visible(unsigned char c) {
    char tmp[4];
    size_t n = 0;
    if (c >= 128) {
        tmp[n++] = 'M';
        tmp[n++] = '-';
        c -= 128;
    }
    if (c < 32) {
        tmp[n++] = '^';
        tmp[n++] = (char)(c + 64);
    } else if (c == 127) {
        tmp[n++] = '^';
        tmp[n++] = '?';
    } else {
        tmp[n++] = (char)c;
    }
    return emit(tmp, n);
}

/* Writes the line number for a new line. */
static int emit_number(struct cat_state *st) {
    char num[32];
    int len = snprintf(num, sizeof num, "%6llu\t", ++st->line);
    return emit(num, (size_t)len);
}

/* Emits the bytes of a line (no newline among them), expanding tabs and control characters when asked. */
static int emit_run(const char *p, size_t n, const struct cat_opts *o) {
    if (!o->show_tabs && !o->show_nonprinting) return emit(p, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        int r;
        if (c == '\t') r = o->show_tabs ? emit("^I", 2) : emit("\t", 1);
        else if (o->show_nonprinting && (c < 32 || c >= 127)) r = emit_visible(c);
        else r = emit((const char *)&c, 1);
        if (r < 0) return -1;
    }
    return 0;
}

static int copy_formatted(int fd, char *buf, const struct cat_opts *o, struct cat_state *st) {
    for (;;) {
        ssize_t n = read(fd, buf, CAT_CHUNK);
        if (n == 0) return 0;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        size_t i = 0, len = (size_t)n;
        while (i < len) {
            if (buf[i] == '\n') {
                if (st->at_line_start) {
                    st->blank_run++;
                    if (o->squeeze && st->blank_run > 1) {
                        i++;
                        continue;
                    }
                    if (o->number && !o->number_nonblank && emit_number(st) < 0) return -2;
                } else {
                    st->blank_run = 0;
                }
                if (o->show_ends && emit("$", 1) < 0) return -2;
                if (emit("\n", 1) < 0) return -2;
                st->at_line_start = 1;
                i++;
                continue;
            }
            if (st->at_line_start) {
                st->at_line_start = 0;
                st->blank_run = 0;
                if (o->number && emit_number(st) < 0) return -2;
            }
            const char *nl = memchr(buf + i, '\n', len - i);
            size_t run = nl ? (size_t)(nl - (buf + i)) : len - i;
            if (emit_run(buf + i, run, o) < 0) return -2;
            i += run;
        }
    }
}

static void usage(void) {
    printf("Usage: cat [OPTION]... [FILE]...\n"
           "Concatenate FILE(s) to standard output; with no FILE, or when FILE is -, read standard input.\n\n"
           "  -A, --show-all           equivalent to -vET\n"
           "  -b, --number-nonblank    number nonempty output lines, overrides -n\n"
           "  -e                       equivalent to -vE\n"
           "  -E, --show-ends          display $ at end of each line\n"
           "  -n, --number             number all output lines\n"
           "  -s, --squeeze-blank      suppress repeated empty output lines\n"
           "  -t                       equivalent to -vT\n"
           "  -T, --show-tabs          display TAB characters as ^I\n"
           "  -u                       (ignored)\n"
           "  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB\n");
}

int main_cat(int argc, char **argv) {
    static const struct option longopts[] = {
        {"show-all", no_argument, NULL, 'A'},        {"number-nonblank", no_argument, NULL, 'b'},
        {"show-ends", no_argument, NULL, 'E'},       {"number", no_argument, NULL, 'n'},
        {"squeeze-blank", no_argument, NULL, 's'},   {"show-tabs", no_argument, NULL, 'T'},
        {"show-nonprinting", no_argument, NULL, 'v'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct cat_opts o = {0};
    int c;
    while ((c = se_getopt_long(argc, argv, "AbeEnstTuv", longopts, NULL)) != -1) {
        switch (c) {
        case 'A': o.show_nonprinting = o.show_ends = o.show_tabs = 1; break;
        case 'b': o.number = o.number_nonblank = 1; break;
        case 'e': o.show_nonprinting = o.show_ends = 1; break;
        case 'E': o.show_ends = 1; break;
        case 'n': o.number = 1; break;
        case 's': o.squeeze = 1; break;
        case 't': o.show_nonprinting = o.show_tabs = 1; break;
        case 'T': o.show_tabs = 1; break;
        case 'u': break;
        case 'v': o.show_nonprinting = 1; break;
        case 'h': usage(); return 0;
        default: se_usage_error(1);
        }
    }
    int formatted = o.number || o.squeeze || o.show_ends || o.show_tabs || o.show_nonprinting;
    char *buf = xmalloc(CAT_CHUNK);
    if (formatted) out_buf = xmalloc(CAT_CHUNK);
    struct cat_state st = {1, 0, 0};
    static char *dash[] = {"-", NULL};
    char **files = optind < argc ? argv + optind : dash;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    fflush(stdout);
    for (int i = 0; i < nfiles; i++) {
        int fd = se_open_input(files[i]);
        if (fd < 0) {
            status = 1;
            continue;
        }
        int r = formatted ? copy_formatted(fd, buf, &o, &st) : copy_plain(fd, buf);
        if (r == -1) {
            se_warn("%s: %s", quotef(files[i]), se_strerror(errno));
            status = 1;
        } else if (r == -2) {
            if (errno != EPIPE) se_warn_errno("write error");
            return 1;
        }
        if (fd != 0) close(fd);
    }
    if (formatted && flush_out() < 0) {
        if (errno != EPIPE) se_warn_errno("write error");
        return 1;
    }
    return status;
}
