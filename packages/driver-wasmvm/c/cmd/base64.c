/*
 * base64: RFC 4648 base64 encoding and decoding, as GNU base64 does it.
 * Encoding wraps lines at -w columns (76; 0 for none). Decoding skips
 * newlines (and, with -i, every byte outside the alphabet), accepts padded
 * groups back to back, writes what it decoded before the first bad group,
 * and then fails with "invalid input". Both directions stream.
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

SE_COMMAND(main_base64, "base64")

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int encode(int fd, uintmax_t wrap) {
    static unsigned char in[3 * 16384];
    unsigned char rest[3];
    size_t nrest = 0;
    uintmax_t column = 0;
    for (;;) {
        ssize_t n = read_retry(fd, in, sizeof in);
        if (n < 0) return errno;
        size_t total = (size_t)n, i = 0;
        int eof = n == 0;
        for (;;) {
            while (nrest < 3 && i < total) rest[nrest++] = in[i++];
            if (nrest < 3 && !(eof && nrest > 0)) break;
            char out[4];
            uint32_t v = (uint32_t)rest[0] << 16 | (nrest > 1 ? (uint32_t)rest[1] << 8 : 0) | (nrest > 2 ? rest[2] : 0);
            out[0] = alphabet[v >> 18];
            out[1] = alphabet[(v >> 12) & 63];
            out[2] = nrest > 1 ? alphabet[(v >> 6) & 63] : '=';
            out[3] = nrest > 2 ? alphabet[v & 63] : '=';
            for (int k = 0; k < 4; k++) {
                putchar(out[k]);
                if (wrap && ++column == wrap) {
                    putchar('\n');
                    column = 0;
                }
            }
            nrest = 0;
            if (eof) break;
        }
        if (eof) break;
    }
    if (wrap && column) putchar('\n');
    return 0;
}

/* Decodes a stream; returns 0, an errno, or -1 for invalid input. */
static int decode(int fd, int ignore_garbage) {
    signed char value[256];
    memset(value, -1, sizeof value);
    for (int i = 0; i < 64; i++) value[(unsigned char)alphabet[i]] = (signed char)i;
    static unsigned char in[65536];
    unsigned char quad[4];
    size_t nq = 0;
    for (;;) {
        ssize_t n = read_retry(fd, in, sizeof in);
        if (n < 0) return errno;
        if (n == 0) break;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = in[i];
            if (c == '\n') continue;
            if (ignore_garbage && value[c] < 0 && c != '=') continue;
            quad[nq++] = c;
            if (nq < 4) continue;
            nq = 0;
            if (value[quad[0]] < 0 || value[quad[1]] < 0) return -1;
            putchar(value[quad[0]] << 2 | value[quad[1]] >> 4);
            if (quad[2] == '=') {
                if (quad[3] != '=') return -1;
                continue;
            }
            if (value[quad[2]] < 0) return -1;
            putchar((value[quad[1]] & 15) << 4 | value[quad[2]] >> 2);
            if (quad[3] == '=') continue;
            if (value[quad[3]] < 0) return -1;
            putchar((value[quad[2]] & 3) << 6 | value[quad[3]]);
        }
    }
    if (nq == 0) return 0;
    if (nq >= 2 && value[quad[0]] >= 0 && value[quad[1]] >= 0) {
        putchar(value[quad[0]] << 2 | value[quad[1]] >> 4);
        if (nq == 3 && value[quad[2]] >= 0) putchar((value[quad[1]] & 15) << 4 | value[quad[2]] >> 2);
    }
    return -1;
}

int main_base64(int argc, char **argv) {
    static const struct option longopts[] = {
        {"decode", no_argument, NULL, 'd'}, {"ignore-garbage", no_argument, NULL, 'i'},
        {"wrap", required_argument, NULL, 'w'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int decoding = 0, ignore_garbage = 0, c;
    uintmax_t wrap = 76;
    while ((c = se_getopt_long(argc, argv, "diw:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': decoding = 1; break;
        case 'i': ignore_garbage = 1; break;
        case 'w':
            if (parse_count(optarg, 10, "", &wrap) != COUNT_OK) se_die(1, "invalid wrap size: '%s'", optarg);
            break;
        case 'h':
            printf("Usage: base64 [OPTION]... [FILE]\n"
                   "Base64 encode or decode FILE, or standard input, to standard output.\n\n"
                   "  -d, --decode          decode data\n"
                   "  -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n"
                   "  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n"
                   "                        Use 0 to disable line wrapping\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (argc - optind > 1) {
        se_warn("extra operand '%s'", argv[optind + 1]);
        se_usage_error(1);
    }
    const char *file = optind < argc ? argv[optind] : "-";
    int fd = open_input(file);
    if (fd < 0) se_die_errno(1, quotef(file));
    int r = decoding ? decode(fd, ignore_garbage) : encode(fd, wrap);
    close_input(fd);
    if (r == -1) {
        fflush(stdout);
        se_die(1, "invalid input");
    }
    if (r) {
        errno = r;
        se_die_errno(1, quotef(file));
    }
    return 0;
}
