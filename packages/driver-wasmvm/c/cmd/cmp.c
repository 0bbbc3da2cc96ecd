/*
 * cmp: compare two files byte by byte (GNU diffutils 3.x behaviour).
 * Reports the first difference ("a b differ: char N, line M"), every
 * difference with -l, or nothing with -s; a shorter file gives "cmp: EOF
 * on a after byte N, line M". Exit 0 same, 1 different, 2 trouble.
 */
#include "lib/common.h"
#include "lib/gnu-getopt.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND(main_cmp, "cmp")

#define CHUNK 65536

static _Noreturn void cmp_usage(void) {
    fprintf(stderr, "cmp: Try 'cmp --help' for more information.\n");
    exit(2);
}

/* Parses a byte count with GNU's suffixes (K, M, G, kB, MB, ...); -1 if invalid. */
static long long parse_size(const char *s) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (end == s || v < 0 || errno) return -1;
    if (*end) {
        static const char units[] = "KMGTPEZY";
        const char *u = strchr(units, toupper((unsigned char)*end));
        if (!u || !*end) return -1;
        int power = (int)(u - units) + 1;
        long long base = 1024;
        if (end[1] == 'B' && end[2] == 0) base = 1000;
        else if (end[1] == 'i' && end[2] == 'B' && end[3] == 0) base = 1024;
        else if (end[1] != 0) return -1;
        while (power--) v *= base;
    }
    return v;
}

static long long parse_skip(const char *s) {
    long long v = parse_size(s);
    if (v < 0) {
        se_warn("invalid --ignore-initial value '%s'", s);
        cmp_usage();
    }
    return v;
}

/* Reads up to n bytes (fewer only at end of file). */
static ssize_t read_full(int fd, char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (r == 0) break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static int skip_bytes(int fd, long long n, char *buf) {
    if (n == 0) return 0;
    if (lseek(fd, (off_t)n, SEEK_CUR) >= 0) return 0;
    while (n > 0) {
        ssize_t r = read_full(fd, buf, n < CHUNK ? (size_t)n : CHUNK);
        if (r <= 0) return (int)r;
        n -= r;
    }
    return 0;
}

/* The way -b shows a byte: "a", "^A", "M-x", "M-^A". */
static void byte_repr(unsigned char c, char *out) {
    char *o = out;
    if (c >= 128) {
        *o++ = 'M';
        *o++ = '-';
        c -= 128;
    }
    if (c < 32) {
        *o++ = '^';
        *o++ = (char)(c + 64);
    } else if (c == 127) {
        *o++ = '^';
        *o++ = '?';
    } else {
        *o++ = (char)c;
    }
    *o = 0;
}

static int digits(long long v) {
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

static const struct option long_opts[] = {
    {"print-bytes", no_argument, 0, 'b'}, {"ignore-initial", required_argument, 0, 'i'},
    {"verbose", no_argument, 0, 'l'},     {"bytes", required_argument, 0, 'n'},
    {"quiet", no_argument, 0, 's'},       {"silent", no_argument, 0, 's'},
    {"help", no_argument, 0, 'h'},        {"version", no_argument, 0, 'v'},
    {0, 0, 0, 0},
};

int main_cmp(int argc, char **argv) {
    int print_bytes = 0, verbose = 0, silent = 0, c;
    long long skip[2] = {0, 0}, limit = -1;
    while ((c = se_gnu_getopt(argc, argv, "bi:ln:sv", long_opts)) != -1) {
        switch (c) {
        case 'b': print_bytes = 1; break;
        case 'i': {
            char *colon = strchr(optarg, ':');
            if (colon) {
                *colon = 0;
                skip[0] = parse_skip(optarg);
                skip[1] = parse_skip(colon + 1);
            } else {
                skip[0] = skip[1] = parse_skip(optarg);
            }
            break;
        }
        case 'l': verbose = 1; break;
        case 'n':
            limit = parse_size(optarg);
            if (limit < 0) {
                se_warn("invalid --bytes value '%s'", optarg);
                cmp_usage();
            }
            break;
        case 's': silent = 1; break;
        case 'h':
            puts("Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n"
                 "Compare two files byte by byte.\n"
                 "  -b, --print-bytes   print differing bytes\n"
                 "  -i, --ignore-initial=SKIP[:SKIP2]  skip the first bytes of the inputs\n"
                 "  -l, --verbose       output byte numbers and differing byte values\n"
                 "  -n, --bytes=LIMIT   compare at most LIMIT bytes\n"
                 "  -s, --quiet, --silent  suppress all normal output\n"
                 "Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.");
            return 0;
        case 'v': se_version(0);
        default: cmp_usage();
        }
    }
    if (verbose && silent) {
        se_warn("options -l and -s are incompatible");
        cmp_usage();
    }
    int nargs = argc - optind;
    if (nargs < 1) {
        se_warn("missing operand after '%s'", argv[argc - 1]);
        cmp_usage();
    }
    const char *name[2] = {argv[optind], nargs > 1 ? argv[optind + 1] : "-"};
    if (nargs > 2) skip[0] = parse_skip(argv[optind + 2]);
    if (nargs > 3) skip[1] = parse_skip(argv[optind + 3]);
    if (nargs > 4) {
        se_warn("extra operand '%s'", argv[optind + 4]);
        cmp_usage();
    }
    int fd[2];
    long long size[2] = {-1, -1};
    for (int i = 0; i < 2; i++) {
        fd[i] = strcmp(name[i], "-") == 0 ? 0 : open(name[i], O_RDONLY);
        if (fd[i] < 0) {
            if (silent) exit(2);
            se_die_errno(2, name[i]);
        }
        struct stat st;
        if (fstat(fd[i], &st) == 0 && S_ISREG(st.st_mode)) size[i] = st.st_size - skip[i] > 0 ? st.st_size - skip[i] : 0;
    }
    char *buf[2] = {xmalloc(CHUNK), xmalloc(CHUNK)};
    for (int i = 0; i < 2; i++)
        if (skip_bytes(fd[i], skip[i], buf[i]) < 0) se_die_errno(2, name[i]);
    long long width_of = size[0] >= 0 && size[1] >= 0 ? (size[0] < size[1] ? size[0] : size[1]) : 999999999999LL;
    if (limit >= 0 && limit < width_of) width_of = limit;
    int width = digits(width_of);
    long long offset = 0, line = 1;
    int differ = 0, last = 0;
    for (;;) {
        size_t want = CHUNK;
        if (limit >= 0 && limit - offset < (long long)want) want = (size_t)(limit - offset);
        if (want == 0) break;
        ssize_t n0 = read_full(fd[0], buf[0], want), n1 = read_full(fd[1], buf[1], want);
        if (n0 < 0) se_die_errno(2, name[0]);
        if (n1 < 0) se_die_errno(2, name[1]);
        ssize_t n = n0 < n1 ? n0 : n1;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char a = (unsigned char)buf[0][i], b = (unsigned char)buf[1][i];
            if (a != b) {
                differ = 1;
                if (silent) return 1;
                if (!verbose) {
                    printf("%s %s differ: %s %lld, line %lld", name[0], name[1], print_bytes ? "byte" : "char",
                           offset + i + 1, line);
                    if (print_bytes) {
                        char ra[8], rb[8];
                        byte_repr(a, ra);
                        byte_repr(b, rb);
                        printf(" is %3o %s %3o %s", a, ra, b, rb);
                    }
                    putchar('\n');
                    return se_flush_stdout() ? 2 : 1;
                }
                if (print_bytes) {
                    char ra[8], rb[8];
                    byte_repr(a, ra);
                    byte_repr(b, rb);
                    printf("%*lld %3o %-4s %3o %s\n", width, offset + i + 1, a, ra, b, rb);
                } else {
                    printf("%*lld %3o %3o\n", width, offset + i + 1, a, b);
                }
            }
            if (a == '\n') line++;
            last = a;
        }
        offset += n;
        if (n0 != n1) {
            int shorter = n0 < n1 ? 0 : 1;
            if (!silent) {
                fflush(stdout);
                if (offset == 0) fprintf(stderr, "cmp: EOF on %s which is empty\n", name[shorter]);
                else if (verbose) fprintf(stderr, "cmp: EOF on %s after byte %lld\n", name[shorter], offset);
                else if (last == '\n') fprintf(stderr, "cmp: EOF on %s after byte %lld, line %lld\n", name[shorter], offset, line - 1);
                else fprintf(stderr, "cmp: EOF on %s after byte %lld, in line %lld\n", name[shorter], offset, line);
            }
            return se_flush_stdout() ? 2 : 1;
        }
        if (n0 == 0) break;
    }
    if (se_flush_stdout()) return 2;
    return differ;
}
