/*
 * tac: prints the records of each input last first, as GNU tac does. A
 * record ends with the separator (-s, newline by default), or with -b
 * begins with it; -r makes the separator a regular expression. Each input
 * is read whole before anything of it is printed.
 */
#include <errno.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_tac, "tac")

static const char *separator = "\n";
static size_t sep_len = 1;
static int before, use_regex;
static regex_t sep_regex;

/* A separator occurrence: [start, end) in the data. */
struct match {
    size_t start, end;
};

/* Finds the separators of [data, data+len) in order. */
static struct match *find_separators(const char *data, size_t len, size_t *count) {
    size_t n = 0, cap = 64;
    struct match *m = xmalloc(cap * sizeof *m);
    size_t pos = 0;
    while (pos < len) {
        size_t s, e;
        if (use_regex) {
            /* regexec stops at a NUL byte: search each NUL-free stretch in turn. */
            regmatch_t rm;
            if (regexec(&sep_regex, data + pos, 1, &rm, pos ? REG_NOTBOL : 0) != 0) {
                pos += strlen(data + pos) + 1;
                continue;
            }
            s = pos + (size_t)rm.rm_so;
            e = pos + (size_t)rm.rm_eo;
            if (e == s) { /* an empty match separates nothing; step past it */
                pos = s + 1;
                continue;
            }
        } else {
            const char *hit = sep_len == 1 ? memchr(data + pos, separator[0], len - pos)
                                           : memmem(data + pos, len - pos, separator, sep_len);
            if (!hit) break;
            s = (size_t)(hit - data);
            e = s + sep_len;
        }
        if (n == cap) m = xrealloc(m, (cap *= 2) * sizeof *m);
        m[n].start = s;
        m[n].end = e;
        n++;
        pos = e;
    }
    *count = n;
    return m;
}

static void tac_buffer(const char *data, size_t len) {
    size_t n;
    struct match *m = find_separators(data, len, &n);
    if (!before) {
        /* Records are [prev_end, sep_end); the tail after the last separator comes first. */
        size_t tail = n ? m[n - 1].end : 0;
        fwrite(data + tail, 1, len - tail, stdout);
        for (size_t i = n; i > 0; i--) {
            size_t start = i >= 2 ? m[i - 2].end : 0;
            fwrite(data + start, 1, m[i - 1].end - start, stdout);
        }
    } else {
        /* Records are [sep_start, next_sep_start); the head before the first separator comes last. */
        for (size_t i = n; i > 0; i--) {
            size_t end = i < n ? m[i].start : len;
            fwrite(data + m[i - 1].start, 1, end - m[i - 1].start, stdout);
        }
        fwrite(data, 1, n ? m[0].start : len, stdout);
    }
    free(m);
}

int main_tac(int argc, char **argv) {
    static const struct option longopts[] = {
        {"before", no_argument, NULL, 'b'}, {"regex", no_argument, NULL, 'r'},
        {"separator", required_argument, NULL, 's'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "brs:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': before = 1; break;
        case 'r': use_regex = 1; break;
        case 's':
            separator = optarg;
            if (!*separator) separator = "\0", sep_len = 1;
            else sep_len = strlen(separator);
            break;
        case 'h':
            printf("Usage: tac [OPTION]... [FILE]...\n"
                   "Write each FILE to standard output, last line first.\n\n"
                   "  -b, --before             attach the separator before instead of after\n"
                   "  -r, --regex              interpret the separator as a regular expression\n"
                   "  -s, --separator=STRING   use STRING as the separator instead of newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (use_regex) {
        int err = regcomp(&sep_regex, separator, 0);
        if (err) {
            char msg[256];
            regerror(err, &sep_regex, msg, sizeof msg);
            se_die(1, "%s", msg);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn("failed to open %s for reading: %s", quoteaf(files[i]), strerror(errno));
            status = 1;
            continue;
        }
        byte_buffer b = {0};
        if (buffer_read_all(&b, fd) < 0) {
            se_warn("%s: read error: %s", input_name(files[i]), strerror(errno));
            status = 1;
        } else {
            buffer_reserve(&b, 1);
            b.data[b.end] = 0;
            tac_buffer(b.data + b.start, buffer_len(&b));
        }
        buffer_free(&b);
        close_input(fd);
    }
    return status;
}
