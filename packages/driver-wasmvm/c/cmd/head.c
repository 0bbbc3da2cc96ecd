/*
 * head: the first lines or bytes of each input, as GNU head prints them.
 * -n N / -c N stop reading as soon as N lines or bytes are out (a regular
 * file is left positioned just after them); -n -N / -c -N stream everything
 * but the last N, holding back only those. Several inputs get "==> NAME <=="
 * headers (-q never, -v always). Also the old "-NUM[bkmcvlqz]" form.
 */
#include <errno.h>
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
#include "lib/text-num.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_head, "head")

static const char size_suffixes[] = "bkKmMGTPEZYRQ0";

struct head_options {
    uintmax_t count;
    int bytes;      /* counting bytes, not lines */
    int elide;      /* all but the last COUNT */
    char delim;
};

static void write_out(const char *p, size_t n) {
    fwrite(p, 1, n, stdout);
}

/* Puts back the bytes read past what was printed, so a shared regular file is positioned after them. */
static void unread(int fd, size_t extra) {
    struct stat st;
    if (extra && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) lseek(fd, -(off_t)extra, SEEK_CUR);
}

/* Prints the first COUNT lines (or bytes); returns 0 or an errno. */
static int head_start(int fd, const struct head_options *o) {
    static char buf[65536];
    uintmax_t left = o->count;
    while (left > 0) {
        size_t want = sizeof buf;
        if (o->bytes && left < want) want = (size_t)left;
        ssize_t n = read_retry(fd, buf, want);
        if (n < 0) return errno;
        if (n == 0) break;
        if (o->bytes) {
            write_out(buf, (size_t)n);
            left -= (uintmax_t)n;
            continue;
        }
        char *p = buf, *end = buf + n;
        while (left > 0 && (p = memchr(p, o->delim, (size_t)(end - p)))) {
            p++;
            left--;
        }
        size_t used = left == 0 ? (size_t)(p - buf) : (size_t)n;
        write_out(buf, used);
        if (left == 0) unread(fd, (size_t)n - used);
    }
    return 0;
}

/* Prints all but the last COUNT bytes, holding back only those. */
static int elide_bytes(int fd, uintmax_t count) {
    byte_buffer b = {0};
    int err = 0;
    for (;;) {
        ssize_t n = buffer_fill(&b, fd);
        if (n < 0) err = errno;
        if (n <= 0) break;
        if (buffer_len(&b) > count) {
            size_t out = buffer_len(&b) - (size_t)count;
            write_out(b.data + b.start, out);
            b.start += out;
        }
    }
    buffer_free(&b);
    return err;
}

/* Prints all but the last COUNT lines; data is written once more than COUNT line ends follow it. */
static int elide_lines(int fd, uintmax_t count, char delim) {
    byte_buffer b = {0};
    uintmax_t pending = 0; /* line ends in [start, end) */
    int err = 0;
    for (;;) {
        size_t old_end = b.end;
        ssize_t n = buffer_fill(&b, fd);
        if (n < 0) err = errno;
        if (n <= 0) break;
        old_end = b.end - (size_t)n;
        for (char *p = b.data + old_end, *end = b.data + b.end; (p = memchr(p, delim, (size_t)(end - p))); p++) pending++;
        if (pending <= count) continue;
        uintmax_t release = pending - count;
        char *p = b.data + b.start;
        for (uintmax_t i = 0; i < release; i++) p = (char *)memchr(p, delim, b.data + b.end - p) + 1;
        write_out(b.data + b.start, (size_t)(p - (b.data + b.start)));
        b.start = (size_t)(p - b.data);
        pending = count;
    }
    /* An unterminated last line counts as a line. */
    if (!err && buffer_len(&b) > 0 && b.data[b.end - 1] != delim) pending++;
    if (!err && pending > count) {
        uintmax_t release = pending - count;
        char *p = b.data + b.start;
        for (uintmax_t i = 0; i < release; i++) p = (char *)memchr(p, delim, b.data + b.end - p) + 1;
        write_out(b.data + b.start, (size_t)(p - (b.data + b.start)));
    }
    buffer_free(&b);
    return err;
}

static int head_file(const char *path, const struct head_options *o, int header, int *first) {
    int fd = open_input(path);
    if (fd < 0) {
        se_warn("cannot open %s for reading: %s", quoteaf(path), strerror(errno));
        return 1;
    }
    if (header) {
        printf("%s==> %s <==\n", *first ? "" : "\n", input_name(path));
    }
    *first = 0;
    int err;
    if (!o->elide) err = o->count ? head_start(fd, o) : 0;
    else if (o->bytes) err = elide_bytes(fd, o->count);
    else err = elide_lines(fd, o->count, o->delim);
    close_input(fd);
    if (err) {
        se_warn("error reading %s: %s", quoteaf(input_name(path)), strerror(err));
        return 1;
    }
    return 0;
}

/* Parses a -n/-c value: a leading '-' means "all but the last". */
static void parse_value(const char *arg, struct head_options *o, int bytes) {
    o->bytes = bytes;
    o->elide = arg[0] == '-';
    o->count = parse_count_or_die(arg + o->elide, size_suffixes,
                                  bytes ? "invalid number of bytes" : "invalid number of lines");
}

/* Handles "head -NUM[bkmcvlqz]": returns 1 when argv[1] had that form. */
static int parse_obsolete(const char *arg, struct head_options *o, int *verbose, int *quiet) {
    if (arg[0] != '-' || arg[1] < '0' || arg[1] > '9') return 0;
    const char *p = arg + 1;
    uintmax_t n = 0;
    for (; *p >= '0' && *p <= '9'; p++) n = n > UINTMAX_MAX / 10 ? UINTMAX_MAX : n * 10 + (uintmax_t)(*p - '0');
    uintmax_t unit = 1;
    for (; *p; p++) {
        switch (*p) {
        case 'b': unit = 512, o->bytes = 1; break;
        case 'k': unit = 1024, o->bytes = 1; break;
        case 'm': unit = 1048576, o->bytes = 1; break;
        case 'c': o->bytes = 1; break;
        case 'l': o->bytes = 0; break;
        case 'q': *quiet = 1, *verbose = 0; break;
        case 'v': *verbose = 1, *quiet = 0; break;
        case 'z': o->delim = 0; break;
        default:
            se_warn("invalid trailing option -- %c", *p);
            se_usage_error(1);
        }
    }
    o->count = n > UINTMAX_MAX / unit ? UINTMAX_MAX : n * unit;
    return 1;
}

int main_head(int argc, char **argv) {
    static const struct option longopts[] = {
        {"bytes", required_argument, NULL, 'c'}, {"lines", required_argument, NULL, 'n'},
        {"quiet", no_argument, NULL, 'q'}, {"silent", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'}, {"zero-terminated", no_argument, NULL, 'z'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    struct head_options o = {10, 0, 0, '\n'};
    int verbose = 0, quiet = 0;
    if (argc > 1 && parse_obsolete(argv[1], &o, &verbose, &quiet)) {
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    int c;
    while ((c = se_getopt_long(argc, argv, "c:n:qvz", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': parse_value(optarg, &o, 1); break;
        case 'n': parse_value(optarg, &o, 0); break;
        case 'q': quiet = 1, verbose = 0; break;
        case 'v': verbose = 1, quiet = 0; break;
        case 'z': o.delim = 0; break;
        case 'h':
            printf("Usage: head [OPTION]... [FILE]...\n"
                   "Print the first 10 lines of each FILE to standard output.\n\n"
                   "  -c, --bytes=[-]NUM       print the first NUM bytes; with '-', all but the last NUM\n"
                   "  -n, --lines=[-]NUM       print the first NUM lines; with '-', all but the last NUM\n"
                   "  -q, --quiet, --silent    never print headers giving file names\n"
                   "  -v, --verbose            always print headers giving file names\n"
                   "  -z, --zero-terminated    line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    int header = verbose || (!quiet && nfiles > 1);
    int status = 0, first = 1;
    for (int i = 0; i < nfiles; i++) status |= head_file(files[i], &o, header, &first);
    return status;
}
