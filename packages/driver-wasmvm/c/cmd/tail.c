/*
 * tail: the last lines or bytes of each input, as GNU tail prints them.
 * -n N / -c N take the end (a regular file is read backwards from its end;
 * a pipe is streamed keeping only the last N), -n +N / -c +N start at line
 * or byte N. Several inputs get "==> NAME <==" headers (-q never, -v
 * always). -f keeps reading regular files as they grow (pipes are not
 * followed, as in GNU). Also the old "-NUM[bcl][f]" and "+NUM" forms.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/text-num.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_tail, "tail")

struct tail_options {
    uintmax_t count;
    int bytes;
    int from_start;
    int follow;
    double sleep_seconds;
    char delim;
};

static char chunk[65536];

static int copy_rest(int fd) {
    for (;;) {
        ssize_t n = read_retry(fd, chunk, sizeof chunk);
        if (n < 0) return errno;
        if (n == 0) return 0;
        fwrite(chunk, 1, (size_t)n, stdout);
    }
}

/* Start of the last COUNT lines of the buffer [p, p+n). */
static size_t last_lines_start(const char *p, size_t n, uintmax_t count, char delim) {
    if (count == 0) return n;
    size_t i = n;
    if (i > 0 && p[i - 1] == delim) i--;
    while (i > 0) {
        const char *d = memrchr(p, delim, i);
        if (!d) return 0;
        i = (size_t)(d - p);
        if (--count == 0) return i + 1;
    }
    return 0;
}

/* From a regular file: finds where the last COUNT lines start by reading backwards from the end. */
static int tail_lines_seekable(int fd, off_t start, off_t size, uintmax_t count, char delim) {
    off_t pos = size, from = start;
    int skip_last = 1; /* a delimiter as the file's last byte ends the last line */
    if (count == 0) return 0;
    while (pos > start) {
        size_t n = pos - start > (off_t)sizeof chunk ? sizeof chunk : (size_t)(pos - start);
        pos -= (off_t)n;
        if (pread(fd, chunk, n, pos) != (ssize_t)n) return errno ? errno : EIO;
        size_t i = n;
        if (skip_last) {
            skip_last = 0;
            if (chunk[n - 1] == delim) i--;
        }
        const char *d;
        while (i > 0 && (d = memrchr(chunk, delim, i))) {
            i = (size_t)(d - chunk);
            if (--count == 0) {
                from = pos + (off_t)i + 1;
                goto found;
            }
        }
    }
found:
    if (lseek(fd, from, SEEK_SET) < 0) return errno;
    return copy_rest(fd);
}

/* From a pipe: keeps only as much as may hold the last COUNT lines (or bytes), then prints them. */
static int tail_end_streaming(int fd, const struct tail_options *o) {
    byte_buffer b = {0};
    size_t trimmed_at = 0;
    int err = 0;
    for (;;) {
        ssize_t n = buffer_fill(&b, fd);
        if (n < 0) err = errno;
        if (n <= 0) break;
        size_t len = buffer_len(&b);
        if (o->bytes) {
            if (len > o->count) b.start += len - (size_t)o->count;
        } else if (len >= 2 * trimmed_at + 65536) {
            b.start += last_lines_start(b.data + b.start, len, o->count + 1, o->delim);
            trimmed_at = buffer_len(&b);
        }
    }
    if (!err) {
        size_t len = buffer_len(&b);
        size_t from = o->bytes ? (len > o->count ? len - (size_t)o->count : 0)
                               : last_lines_start(b.data + b.start, len, o->count, o->delim);
        fwrite(b.data + b.start + from, 1, len - from, stdout);
    }
    buffer_free(&b);
    return err;
}

/* Skips COUNT-1 lines or bytes (+N counts from 1), then copies the rest. */
static int tail_from_start(int fd, const struct tail_options *o, int seekable) {
    uintmax_t skip = o->count ? o->count - 1 : 0;
    if (o->bytes && seekable) {
        if (lseek(fd, (off_t)skip, SEEK_CUR) < 0) return errno;
        return copy_rest(fd);
    }
    while (skip > 0) {
        ssize_t n = read_retry(fd, chunk, sizeof chunk);
        if (n < 0) return errno;
        if (n == 0) return 0;
        size_t at = 0;
        if (o->bytes) {
            at = skip < (uintmax_t)n ? (size_t)skip : (size_t)n;
            skip -= at;
        } else {
            char *p = chunk, *end = chunk + n;
            while (skip > 0 && (p = memchr(p, o->delim, (size_t)(end - p)))) p++, skip--;
            at = skip == 0 ? (size_t)(p - chunk) : (size_t)n;
        }
        if (skip == 0) fwrite(chunk + at, 1, (size_t)n - at, stdout);
    }
    return copy_rest(fd);
}

static int tail_fd(int fd, const struct tail_options *o) {
    struct stat st;
    int seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    off_t start = seekable ? lseek(fd, 0, SEEK_CUR) : -1;
    if (start < 0) seekable = 0;
    if (o->from_start) return tail_from_start(fd, o, seekable);
    if (!seekable) return tail_end_streaming(fd, o);
    if (o->bytes) {
        off_t from = st.st_size - start > (off_t)o->count ? st.st_size - (off_t)o->count : start;
        if (lseek(fd, from, SEEK_SET) < 0) return errno;
        return copy_rest(fd);
    }
    return tail_lines_seekable(fd, start, st.st_size, o->count, o->delim);
}

/* Reads what regular files FDS gain, forever (until killed), as tail -f does. */
static _Noreturn void follow(int *fds, char **names, int n, int headers, const struct tail_options *o) {
    int last = n - 1;
    struct timespec nap = {(time_t)o->sleep_seconds, (long)((o->sleep_seconds - (time_t)o->sleep_seconds) * 1e9)};
    for (;;) {
        if (fflush(stdout) != 0 || ferror(stdout)) exit(1); /* the reader is gone */
        nanosleep(&nap, NULL);
        for (int i = 0; i < n; i++) {
            if (fds[i] < 0) continue;
            struct stat st;
            off_t pos = lseek(fds[i], 0, SEEK_CUR);
            if (fstat(fds[i], &st) == 0 && st.st_size < pos) {
                se_warn("%s: file truncated", names[i]);
                lseek(fds[i], 0, SEEK_SET);
            }
            ssize_t got;
            while ((got = read_retry(fds[i], chunk, sizeof chunk)) > 0) {
                if (headers && last != i) printf("\n==> %s <==\n", names[i]);
                last = i;
                fwrite(chunk, 1, (size_t)got, stdout);
            }
        }
    }
}

/* Parses a -n/-c value: '+' counts from the start, '-' (or nothing) from the end. */
static void parse_value(const char *arg, struct tail_options *o, int bytes) {
    o->bytes = bytes;
    o->from_start = arg[0] == '+';
    const char *digits = arg + (arg[0] == '+' || arg[0] == '-');
    o->count = parse_count_or_die(digits, "bkKmMGTPEZYRQ0", bytes ? "invalid number of bytes" : "invalid number of lines");
}

/* The old forms "tail -NUM[bcl][f] [FILE]" and "tail +NUM... [FILE]"; returns 1 when argv[1] had one. */
static int parse_obsolete(int argc, char **argv, struct tail_options *o) {
    if (!(argc == 2 || (argc == 3 && !(argv[2][0] == '-' && argv[2][1])) ||
          (argc >= 3 && argc <= 4 && strcmp(argv[2], "--") == 0)))
        return 0;
    const char *p = argv[1];
    if (*p != '+' && *p != '-') return 0;
    int from_start = *p++ == '+';
    if (!from_start && !p[p[0] == 'c']) return 0;
    const char *digits = p;
    while (*p >= '0' && *p <= '9') p++;
    size_t len = (size_t)(p - digits);
    uintmax_t unit = 1;
    int bytes = 0;
    switch (*p) {
    case 'b': unit = 512; /* fall through */
    case 'c': bytes = 1; /* fall through */
    case 'l': p++; break;
    }
    int forever = *p == 'f';
    if (forever) p++;
    if (*p) return 0;
    uintmax_t n = 10;
    if (len) {
        char num[32];
        if (len >= sizeof num) len = sizeof num - 1;
        memcpy(num, digits, len);
        num[len] = 0;
        if (parse_count(num, 10, NULL, &n) != COUNT_OK) n = UINTMAX_MAX;
    }
    o->count = n > UINTMAX_MAX / unit ? UINTMAX_MAX : n * unit;
    o->bytes = bytes;
    o->from_start = from_start;
    o->follow = forever;
    return 1;
}

int main_tail(int argc, char **argv) {
    static const struct option longopts[] = {
        {"bytes", required_argument, NULL, 'c'}, {"lines", required_argument, NULL, 'n'},
        {"follow", optional_argument, NULL, 'f'}, {"sleep-interval", required_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'}, {"silent", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'}, {"zero-terminated", no_argument, NULL, 'z'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    struct tail_options o = {10, 0, 0, 0, 1.0, '\n'};
    int verbose = 0, quiet = 0;
    if (argc > 1 && parse_obsolete(argc, argv, &o)) {
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    int c;
    while ((c = se_getopt_long(argc, argv, "c:n:fFs:qvz0123456789", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': parse_value(optarg, &o, 1); break;
        case 'n': parse_value(optarg, &o, 0); break;
        case 'f': case 'F': o.follow = 1; break;
        case 's': {
            char *end;
            o.sleep_seconds = strtod(optarg, &end);
            if (end == optarg || *end || o.sleep_seconds < 0) se_die(1, "invalid number of seconds: '%s'", optarg);
            break;
        }
        case 'q': quiet = 1, verbose = 0; break;
        case 'v': verbose = 1, quiet = 0; break;
        case 'z': o.delim = 0; break;
        case 'h':
            printf("Usage: tail [OPTION]... [FILE]...\n"
                   "Print the last 10 lines of each FILE to standard output.\n\n"
                   "  -c, --bytes=[+]NUM       output the last NUM bytes; or +NUM to start at byte NUM\n"
                   "  -f, --follow             output appended data as the file grows\n"
                   "  -n, --lines=[+]NUM       output the last NUM lines; or +NUM to start at line NUM\n"
                   "  -q, --quiet, --silent    never output headers giving file names\n"
                   "  -s, --sleep-interval=N   with -f, sleep N seconds between checks (default 1)\n"
                   "  -v, --verbose            always output headers giving file names\n"
                   "  -z, --zero-terminated    line delimiter is NUL, not newline\n");
            return 0;
        default:
            if (c >= '0' && c <= '9') se_die(1, "option used in invalid context -- %c", c);
            se_usage_error(1);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    int headers = verbose || (!quiet && nfiles > 1);
    int status = 0, first = 1;
    int *follow_fds = xcalloc((size_t)nfiles, sizeof *follow_fds);
    int following = 0;
    for (int i = 0; i < nfiles; i++) {
        follow_fds[i] = -1;
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn("cannot open %s for reading: %s", quoteaf(files[i]), strerror(errno));
            status = 1;
            continue;
        }
        if (headers) printf("%s==> %s <==\n", first ? "" : "\n", input_name(files[i]));
        first = 0;
        int err = tail_fd(fd, &o);
        if (err) {
            se_warn("error reading %s: %s", quoteaf(input_name(files[i])), strerror(err));
            status = 1;
        }
        struct stat st;
        if (o.follow && !err && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            follow_fds[i] = fd;
            following = 1;
        } else {
            close_input(fd);
        }
    }
    if (following) follow(follow_fds, files, nfiles, headers, &o);
    free(follow_fds);
    return status;
}
