/*
 * shuf: random permutations, as GNU shuf makes them: of the input lines,
 * of the -e arguments, or of the -i LO-HI range; -n limits the count, -r
 * draws with replacement (forever without -n), -o writes to a file, -z uses
 * NUL line ends. Randomness comes from getentropy (WASI random_get).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/text-num.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_shuf, "shuf")

static uint64_t rng_state[2];

static void seed_random(void) {
    if (getentropy(rng_state, sizeof rng_state) != 0 || (rng_state[0] | rng_state[1]) == 0) {
        rng_state[0] = 0x9E3779B97F4A7C15ull ^ (uint64_t)(uintptr_t)&rng_state;
        rng_state[1] = 0xD1B54A32D192ED03ull;
    }
}

/* xorshift128+ */
static uint64_t next_random(void) {
    uint64_t s1 = rng_state[0];
    const uint64_t s0 = rng_state[1];
    rng_state[0] = s0;
    s1 ^= s1 << 23;
    rng_state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    return rng_state[1] + s0;
}

/* A uniform value in [0, n) without modulo bias. */
static uint64_t random_below(uint64_t n) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t r;
    do r = next_random();
    while (r >= limit);
    return r % n;
}

int main_shuf(int argc, char **argv) {
    enum { OPT_RANDOM_SOURCE = 256, OPT_HELP };
    static const struct option longopts[] = {
        {"echo", no_argument, NULL, 'e'}, {"input-range", required_argument, NULL, 'i'},
        {"head-count", required_argument, NULL, 'n'}, {"output", required_argument, NULL, 'o'},
        {"repeat", no_argument, NULL, 'r'}, {"zero-terminated", no_argument, NULL, 'z'},
        {"random-source", required_argument, NULL, OPT_RANDOM_SOURCE}, {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0}};
    int echo = 0, range = 0, repeat = 0, c;
    uintmax_t lo = 0, hi = 0, count = UINTMAX_MAX;
    const char *outfile = NULL;
    char delim = '\n';
    while ((c = se_getopt_long(argc, argv, "ei:n:o:rz", longopts, NULL)) != -1) {
        switch (c) {
        case 'e': echo = 1; break;
        case 'i': {
            char *dash = strchr(optarg, '-');
            char *end;
            errno = 0;
            if (range) se_die(1, "multiple -i options specified");
            range = 1;
            if (!dash || dash == optarg) se_die(1, "invalid input range: '%s'", optarg);
            lo = strtoumax(optarg, &end, 10);
            if (end != dash || errno) se_die(1, "invalid input range: '%s'", optarg);
            hi = strtoumax(dash + 1, &end, 10);
            if (end == dash + 1 || *end || errno || (hi < lo && hi + 1 != lo))
                se_die(1, "invalid input range: '%s'", optarg);
            break;
        }
        case 'n': {
            uintmax_t v;
            if (parse_count(optarg, 10, "", &v) == COUNT_INVALID) se_die(1, "invalid line count: '%s'", optarg);
            if (v < count) count = v;
            break;
        }
        case 'o': outfile = optarg; break;
        case 'r': repeat = 1; break;
        case 'z': delim = 0; break;
        case OPT_RANDOM_SOURCE: break;
        case OPT_HELP:
            printf("Usage: shuf [OPTION]... [FILE]\n"
                   "  or:  shuf -e [OPTION]... [ARG]...\n"
                   "  or:  shuf -i LO-HI [OPTION]...\n"
                   "Write a random permutation of the input lines to standard output.\n\n"
                   "  -e, --echo                treat each ARG as an input line\n"
                   "  -i, --input-range=LO-HI   treat each number LO through HI as an input line\n"
                   "  -n, --head-count=COUNT    output at most COUNT lines\n"
                   "  -o, --output=FILE         write result to FILE instead of standard output\n"
                   "  -r, --repeat              output lines can be repeated\n"
                   "  -z, --zero-terminated     line delimiter is NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (echo && range) {
        se_warn("cannot combine -e and -i options");
        se_usage_error(1);
    }
    int nargs = argc - optind;
    if (range && nargs > 0) {
        se_warn("extra operand '%s'", argv[optind]);
        se_usage_error(1);
    }
    if (!echo && !range && nargs > 1) {
        se_warn("extra operand '%s'", argv[optind + 1]);
        se_usage_error(1);
    }
    /* The candidate lines, as (pointer, length) pairs; a range is generated on output instead. */
    struct item {
        const char *p;
        size_t len;
    } *items = NULL;
    size_t n = 0;
    byte_buffer data = {0};
    if (echo) {
        items = xmalloc((size_t)(nargs ? nargs : 1) * sizeof *items);
        for (int i = 0; i < nargs; i++) items[n++] = (struct item){argv[optind + i], strlen(argv[optind + i])};
    } else if (range) {
        n = (size_t)(hi - lo + 1);
    } else {
        const char *file = nargs ? argv[optind] : "-";
        int fd = open_input(file);
        if (fd < 0 || buffer_read_all(&data, fd) < 0) se_die_errno(1, quotef(file));
        close_input(fd);
        size_t cap = 64, pos = data.start;
        items = xmalloc(cap * sizeof *items);
        while (pos < data.end) {
            char *d = memchr(data.data + pos, delim, data.end - pos);
            size_t len = d ? (size_t)(d - (data.data + pos)) : data.end - pos;
            if (n == cap) items = xrealloc(items, (cap *= 2) * sizeof *items);
            items[n++] = (struct item){data.data + pos, len};
            pos += len + 1;
        }
    }
    FILE *out = stdout;
    if (outfile && !(out = fopen(outfile, "w"))) se_die_errno(1, quotef(outfile));
    seed_random();
    if (n == 0) return 0;
    if (repeat) {
        for (uintmax_t k = 0; k < count; k++) {
            uint64_t i = random_below(n);
            if (range) fprintf(out, "%ju%c", lo + i, delim);
            else {
                fwrite(items[i].p, 1, items[i].len, out);
                putc(delim, out);
            }
            if (ferror(out)) return 1;
        }
        return 0;
    }
    if (range) {
        if (n > 0 && !items) {
            items = xmalloc(n * sizeof *items);
            for (size_t i = 0; i < n; i++) items[i].len = i;
        }
    }
    size_t wanted = count < n ? (size_t)count : n;
    for (size_t i = 0; i < wanted; i++) {
        size_t j = i + (size_t)random_below(n - i);
        struct item t = items[i];
        items[i] = items[j];
        items[j] = t;
        if (range) fprintf(out, "%ju%c", lo + items[i].len, delim);
        else {
            fwrite(items[i].p, 1, items[i].len, out);
            putc(delim, out);
        }
    }
    if (out != stdout && fclose(out) != 0) se_die_errno(1, quotef(outfile));
    return 0;
}
