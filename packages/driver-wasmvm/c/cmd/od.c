/*
 * od: dumps input in the formats of GNU od. Each -t TYPE (a, c, d/o/u/x
 * with 1 2 4 8 or C S I L sizes, f with 4 8 F D, optional z for a text
 * trailer; -a -b -c -d -f -i -l -o -s -x are shorthands, o2 is the default)
 * prints one row per block of -w bytes (16 by default), columns aligned
 * across formats as GNU pads them. Offsets print in -A radix; -j skips,
 * -N limits; repeated blocks fold into "*" unless -v; -S prints strings.
 * The operands are read as one stream.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/text-num.h"

SE_COMMAND(main_od, "od")

enum kind { K_SIGNED, K_UNSIGNED, K_OCTAL, K_HEX, K_FLOAT, K_NAMED, K_CHAR };

struct spec {
    enum kind kind;
    int size;        /* bytes per value */
    int field_width; /* digits of the widest value */
    int pad;         /* extra spaces spread over a block so formats line up */
    int trailer;     /* z: printable bytes after the row */
};

static struct spec *specs;
static int nspecs;
static int address_base = 8, address_width = 7, swap_bytes;

static const int oct_digits[] = {0, 3, 6, 8, 11, 14, 16, 19, 22};
static const int signed_digits[] = {1, 4, 6, 8, 11, 13, 16, 18, 20};
static const int unsigned_digits[] = {0, 3, 5, 8, 10, 13, 15, 17, 20};
static const int hex_digits[] = {0, 2, 4, 6, 8, 10, 12, 14, 16};

static int decode_format(const char *orig) {
    const char *s = orig;
    while (*s) {
        struct spec sp = {0};
        char c = *s++;
        switch (c) {
        case 'd': case 'o': case 'u': case 'x': {
            int size = 4;
            if (*s == 'C') size = 1, s++;
            else if (*s == 'S') size = 2, s++;
            else if (*s == 'I') size = 4, s++;
            else if (*s == 'L') size = 8, s++;
            else if (isdigit((unsigned char)*s)) {
                char *end;
                long v = strtol(s, &end, 10);
                if (v != 1 && v != 2 && v != 4 && v != 8) {
                    se_warn("invalid type string '%s';\nthis system doesn't provide a %ld-byte integral type", orig, v);
                    return 0;
                }
                size = (int)v;
                s = end;
            }
            sp.size = size;
            sp.kind = c == 'd' ? K_SIGNED : c == 'u' ? K_UNSIGNED : c == 'o' ? K_OCTAL : K_HEX;
            sp.field_width = c == 'd' ? signed_digits[size] : c == 'u' ? unsigned_digits[size]
                           : c == 'o' ? oct_digits[size] : hex_digits[size];
            break;
        }
        case 'f': {
            int size = 8;
            if (*s == 'F') size = 4, s++;
            else if (*s == 'D') size = 8, s++;
            else if (isdigit((unsigned char)*s)) {
                char *end;
                long v = strtol(s, &end, 10);
                if (v != 4 && v != 8) {
                    se_warn("invalid type string '%s';\nthis system doesn't provide a %ld-byte floating point type", orig, v);
                    return 0;
                }
                size = (int)v;
                s = end;
            } else if (*s == 'L') {
                se_warn("invalid type string '%s';\nthis system doesn't provide a 16-byte floating point type", orig);
                return 0;
            }
            sp.kind = K_FLOAT;
            sp.size = size;
            sp.field_width = size == 4 ? 15 : 24;
            break;
        }
        case 'a': sp.kind = K_NAMED, sp.size = 1, sp.field_width = 3; break;
        case 'c': sp.kind = K_CHAR, sp.size = 1, sp.field_width = 3; break;
        default:
            se_warn("invalid character '%c' in type string '%s'", c, orig);
            return 0;
        }
        if (*s == 'z') sp.trailer = 1, s++;
        specs = xrealloc(specs, (size_t)(nspecs + 1) * sizeof *specs);
        specs[nspecs++] = sp;
    }
    return 1;
}

static uint64_t load(const unsigned char *p, int size) {
    uint64_t v = 0;
    for (int i = 0; i < size; i++) v |= (uint64_t)p[swap_bytes ? size - 1 - i : i] << (8 * i);
    return v;
}

/* The shortest %g text that reads back as the same value (GNU's ftoastr). */
static void float_text(char *buf, size_t cap, const unsigned char *p, int size) {
    uint64_t bits = load(p, size);
    if (size == 4) {
        uint32_t b32 = (uint32_t)bits;
        float f;
        memcpy(&f, &b32, 4);
        double d = f;
        for (int prec = (d < FLT_MIN && d > -FLT_MIN) ? 1 : FLT_DIG;; prec++) {
            snprintf(buf, cap, "%.*g", prec, d);
            if (prec >= 9 || strtof(buf, NULL) == f || f != f) return;
        }
    }
    double d;
    memcpy(&d, &bits, 8);
    for (int prec = (d < DBL_MIN && d > -DBL_MIN) ? 1 : DBL_DIG;; prec++) {
        snprintf(buf, cap, "%.*g", prec, d);
        if (prec >= 17 || strtod(buf, NULL) == d || d != d) return;
    }
}

static const char *const char_names[] = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl",
                                         "vt",  "ff",  "cr",  "so",  "si",  "dle", "dc1", "dc2", "dc3", "dc4", "nak",
                                         "syn", "etb", "can", "em",  "sub", "esc", "fs",  "gs",  "rs",  "us",  "sp"};

static void print_value(const struct spec *sp, const unsigned char *p, int width) {
    char buf[64];
    uint64_t v;
    switch (sp->kind) {
    case K_SIGNED: {
        v = load(p, sp->size);
        int64_t s = sp->size == 8 ? (int64_t)v : (int64_t)(v ^ (1ull << (8 * sp->size - 1))) - (int64_t)(1ull << (8 * sp->size - 1));
        printf("%*" PRId64, width, s);
        return;
    }
    case K_UNSIGNED: printf("%*" PRIu64, width, load(p, sp->size)); return;
    case K_OCTAL: printf("%*.*" PRIo64, width, sp->field_width, load(p, sp->size)); return;
    case K_HEX: printf("%*.*" PRIx64, width, sp->field_width, load(p, sp->size)); return;
    case K_FLOAT: float_text(buf, sizeof buf, p, sp->size); break;
    case K_NAMED: {
        int c = *p & 0x7f;
        if (c == 127) strcpy(buf, "del");
        else if (c <= 32) strcpy(buf, char_names[c]);
        else buf[0] = (char)c, buf[1] = 0;
        break;
    }
    case K_CHAR: {
        static const char controls[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
        int c = *p;
        const char *at = c ? strchr(controls, c) : NULL;
        if (c == 0) strcpy(buf, "\\0");
        else if (at) buf[0] = '\\', buf[1] = letters[at - controls], buf[2] = 0;
        else if (isprint(c)) buf[0] = (char)c, buf[1] = 0;
        else snprintf(buf, sizeof buf, "%03o", c);
        break;
    }
    }
    printf("%*s", width, buf);
}

static void print_address(uintmax_t a, char end) {
    if (address_base == 0) return;
    if (address_base == 8) printf("%0*jo", address_width, a);
    else if (address_base == 10) printf("%0*ju", address_width, a);
    else printf("%0*jx", address_width, a);
    if (end) putchar(end);
}

static size_t block_size;
static int fold_duplicates = 1;

static void write_block(uintmax_t offset, size_t n, const unsigned char *prev, const unsigned char *cur) {
    static int first = 1, prev_equal = 0;
    if (fold_duplicates && !first && n == block_size && memcmp(prev, cur, block_size) == 0) {
        if (!prev_equal) printf("*\n");
        prev_equal = 1;
        first = 0;
        return;
    }
    prev_equal = 0;
    first = 0;
    for (int i = 0; i < nspecs; i++) {
        const struct spec *sp = &specs[i];
        size_t fields = block_size / (size_t)sp->size;
        size_t blank = (block_size - n) / (size_t)sp->size;
        if (i == 0) print_address(offset, 0);
        else printf("%*s", address_base ? address_width : 0, "");
        int pad_remaining = sp->pad;
        const unsigned char *p = cur;
        for (size_t k = fields; k > blank; k--) {
            int next_pad = (int)((size_t)sp->pad * (k - 1) / fields);
            print_value(sp, p, pad_remaining - next_pad + sp->field_width);
            p += sp->size;
            pad_remaining = next_pad;
        }
        if (sp->trailer) {
            int pad = (int)((size_t)sp->pad * blank / fields);
            printf("%*s  >", (int)blank * sp->field_width + pad, "");
            for (size_t k = 0; k < n; k++) putchar(isprint(cur[k]) ? cur[k] : '.');
            putchar('<');
        }
        putchar('\n');
    }
}

/* -j/-N/-S values: C-style base, GNU od's multipliers. */
static uintmax_t size_arg(const char *arg, int opt, const char *longname, int is_long) {
    uintmax_t v;
    const char *p = arg;
    int r = parse_count(arg, 0, "bEGKkMmPQRTYZ0", &v);
    char name[32];
    if (is_long) snprintf(name, sizeof name, "--%s", longname);
    else snprintf(name, sizeof name, "-%c", opt);
    if (r == COUNT_OVERFLOW) se_die(1, "%s argument '%s' too large", name, arg);
    if (r == COUNT_INVALID) {
        char *end;
        strtoumax(p, &end, 0);
        if (end != p && *end) se_die(1, "invalid suffix in %s argument '%s'", name, arg);
        se_die(1, "invalid %s argument '%s'", name, arg);
    }
    return v;
}

static int parse_old_offset(const char *s, uintmax_t *out) {
    if (!*s) return 0;
    if (*s == '+') s++;
    int base = strchr(s, '.') ? 10 : (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 8;
    char *end;
    errno = 0;
    uintmax_t v = strtoumax(s, &end, base);
    if (end == s || errno) return 0;
    if (*end == '.') end++;
    if (*end == 'b' || *end == 'B') {
        v *= *end == 'b' ? 512 : 1024;
        end++;
    }
    if (*end) return 0;
    *out = v;
    return 1;
}

static void dump_strings(input_chain *in, uintmax_t address, uintmax_t min, int limited, uintmax_t end) {
    size_t cap = min > 100 ? (size_t)min + 1 : 101, len;
    char *buf = xmalloc(cap);
    for (;;) {
    again:
        len = 0;
        while (len < min) {
            if (limited && address >= end) return;
            int c = chain_getc(in);
            address++;
            if (c < 0) return;
            if (!isprint(c)) goto again;
            buf[len++] = (char)c;
        }
        for (;;) {
            if (limited && address >= end) return;
            int c = chain_getc(in);
            address++;
            if (c < 0) return;
            if (c == 0) break;
            if (!isprint(c)) goto again;
            if (len + 1 >= cap) buf = xrealloc(buf, cap *= 2);
            buf[len++] = (char)c;
        }
        print_address(address - len - 1, ' ');
        fwrite(buf, 1, len, stdout);
        putchar('\n');
    }
}

int main_od(int argc, char **argv) {
    enum { OPT_TRADITIONAL = 256, OPT_ENDIAN, OPT_HELP };
    static const struct option longopts[] = {
        {"skip-bytes", required_argument, NULL, 'j'}, {"address-radix", required_argument, NULL, 'A'},
        {"read-bytes", required_argument, NULL, 'N'}, {"format", required_argument, NULL, 't'},
        {"output-duplicates", no_argument, NULL, 'v'}, {"strings", optional_argument, NULL, 'S'},
        {"width", optional_argument, NULL, 'w'}, {"traditional", no_argument, NULL, OPT_TRADITIONAL},
        {"endian", required_argument, NULL, OPT_ENDIAN}, {"help", no_argument, NULL, OPT_HELP}, {NULL, 0, NULL, 0}};
    uintmax_t skip = 0, limit = 0, string_min = 3;
    int limited = 0, strings = 0, modern = 0, traditional = 0, ok = 1, c, li = -1;
    size_t width = 0;
    int width_set = 0;
    while ((c = se_getopt_long(argc, argv, "A:aBbcDdeFfHhIij:LlN:OoS:st:vw::Xx", longopts, &li)) != -1) {
        int is_long = li >= 0;
        li = -1;
        switch (c) {
        case 'A':
            modern = 1;
            switch (optarg[0]) {
            case 'd': address_base = 10, address_width = 7; break;
            case 'o': address_base = 8, address_width = 7; break;
            case 'x': address_base = 16, address_width = 6; break;
            case 'n': address_base = 0, address_width = 0; break;
            default: se_die(1, "invalid output address radix '%c'; it must be one character from [doxn]", optarg[0]);
            }
            break;
        case 'j': modern = 1; skip = size_arg(optarg, 'j', "skip-bytes", is_long); break;
        case 'N': modern = 1; limited = 1; limit = size_arg(optarg, 'N', "read-bytes", is_long); break;
        case 'S':
            modern = 1;
            strings = 1;
            if (optarg) string_min = size_arg(optarg, 'S', "strings", is_long);
            break;
        case 't': modern = 1; ok &= decode_format(optarg); break;
        case 'v': modern = 1; fold_duplicates = 0; break;
        case 'w': {
            modern = 1;
            width_set = 1;
            if (!optarg) {
                width = 32;
                break;
            }
            char *end;
            errno = 0;
            long w = strtol(optarg, &end, 10);
            if (end == optarg || *end || w < 0) se_die(1, "invalid -w argument '%s'", optarg);
            if (errno) se_die(1, "-w argument '%s' too large", optarg);
            width = (size_t)w; /* 0 draws GNU's warning below */
            break;
        }
        case OPT_TRADITIONAL: traditional = 1; break;
        case OPT_ENDIAN:
            if (strcmp(optarg, "big") == 0) swap_bytes = 1;
            else if (strcmp(optarg, "little") == 0) swap_bytes = 0;
            else {
                se_warn("invalid argument '%s' for '--endian'", optarg);
                fprintf(stderr, "Valid arguments are:\n  - 'little'\n  - 'big'\n");
                se_usage_error(1);
            }
            break;
        case 'a': ok &= decode_format("a"); break;
        case 'b': ok &= decode_format("o1"); break;
        case 'c': ok &= decode_format("c"); break;
        case 'D': ok &= decode_format("u4"); break;
        case 'd': ok &= decode_format("u2"); break;
        case 'F': case 'e': ok &= decode_format("fD"); break;
        case 'f': ok &= decode_format("fF"); break;
        case 'X': case 'H': ok &= decode_format("x4"); break;
        case 'i': ok &= decode_format("dI"); break;
        case 'I': case 'L': case 'l': ok &= decode_format("dL"); break;
        case 'O': ok &= decode_format("o4"); break;
        case 'B': case 'o': ok &= decode_format("o2"); break;
        case 's': ok &= decode_format("d2"); break;
        case 'h': case 'x': ok &= decode_format("x2"); break;
        case OPT_HELP:
            printf("Usage: od [OPTION]... [FILE]...\n"
                   "Write an unambiguous representation, octal bytes by default,\n"
                   "of FILE to standard output.\n\n"
                   "  -A, --address-radix=RADIX   offsets in [doxn]: decimal, octal, hex or none\n"
                   "  -j, --skip-bytes=BYTES      skip BYTES input bytes first\n"
                   "  -N, --read-bytes=BYTES      limit dump to BYTES input bytes\n"
                   "  -S BYTES, --strings[=BYTES]  show only NUL terminated strings\n"
                   "  -t, --format=TYPE           select output format or formats\n"
                   "  -v, --output-duplicates     do not use * to mark line suppression\n"
                   "  -w[BYTES], --width[=BYTES]  output BYTES bytes per output line\n"
                   "      --endian={big|little}   swap input bytes according the specified order\n"
                   "TYPE: a, c, d[SIZE], f[SIZE], o[SIZE], u[SIZE], x[SIZE], optionally followed by z.\n"
                   "-a -b -c -d -f -i -l -o -s -x mean -t a, o1, c, u2, fF, dI, dL, o2, d2, x2.\n");
            return 0;
        default:
            se_usage_error(1);
        }
    }
    if (!ok) return 1;
    if (strings && nspecs > 0) se_die(1, "no type may be specified when dumping strings");
    int nfiles = argc - optind;
    char **files = argv + optind;
    if (!modern || traditional) {
        uintmax_t o1, o2;
        if (nfiles == 1 && (traditional || files[0][0] == '+') && parse_old_offset(files[0], &o1)) {
            skip = o1;
            nfiles = 0;
        } else if (nfiles == 2 && (traditional || files[1][0] == '+' || isdigit((unsigned char)files[1][0])) &&
                   parse_old_offset(files[1], &o2)) {
            skip = o2;
            nfiles = 1;
        }
    }
    if (nspecs == 0) decode_format("oS");
    input_chain in;
    chain_init(&in, files, nfiles);
    if (!chain_start(&in)) return in.status; /* GNU prints nothing when no input opens */
    for (uintmax_t left = skip; left > 0; left--) {
        if (chain_getc(&in) < 0) {
            se_warn("cannot skip past end of combined input");
            return 1;
        }
    }
    uintmax_t end_offset = skip + limit;
    if (strings) {
        dump_strings(&in, skip, string_min, limited, end_offset);
        return in.status;
    }
    size_t lcm = 1;
    for (int i = 0; i < nspecs; i++) {
        size_t a = lcm, b = (size_t)specs[i].size;
        while (b) {
            size_t t = a % b;
            a = b;
            b = t;
        }
        lcm = lcm / a * (size_t)specs[i].size;
    }
    if (width_set) {
        if (width && width % lcm == 0) block_size = width;
        else {
            se_warn("warning: invalid width %zu; using %zu instead", width, lcm);
            block_size = lcm;
        }
    } else {
        block_size = lcm < 16 ? lcm * (16 / lcm) : lcm;
    }
    int width_per_block = 0;
    for (int i = 0; i < nspecs; i++) {
        int fields = (int)(block_size / (size_t)specs[i].size);
        int w = (specs[i].field_width + 1) * fields;
        if (w > width_per_block) width_per_block = w;
    }
    for (int i = 0; i < nspecs; i++) {
        int fields = (int)(block_size / (size_t)specs[i].size);
        specs[i].pad = width_per_block - specs[i].field_width * fields;
    }
    unsigned char *blocks = xcalloc(2, block_size + 8);
    unsigned char *cur = blocks, *prev = blocks + block_size + 8;
    uintmax_t offset = skip;
    size_t n = 0;
    for (;;) {
        size_t want = block_size;
        if (limited && end_offset - offset < want) want = (size_t)(end_offset - offset);
        n = 0;
        int ch;
        while (n < want && (ch = chain_getc(&in)) >= 0) cur[n++] = (unsigned char)ch;
        if (n < block_size) break;
        write_block(offset, n, prev, cur);
        offset += n;
        unsigned char *t = cur;
        cur = prev;
        prev = t;
    }
    if (n > 0) {
        size_t padded = lcm * ((n + lcm - 1) / lcm);
        memset(cur + n, 0, padded - n);
        write_block(offset, n, prev, cur);
        offset += n;
    }
    print_address(offset, '\n');
    return in.status;
}
