/*
 * fs-mode.c: applies a mode specification clause by clause. A symbolic
 * clause is [ugoa]* followed by one or more operations [+-=] with
 * permissions [rwxXst]* or a single class to copy [ugo].
 */
#include "fs-mode.h"

#include <string.h>
#include <sys/stat.h>

#define ALL_BITS 07777u

static int apply(const char *spec, unsigned old, int is_dir, unsigned umask, unsigned *out) {
    const char *p = spec;
    if (*p >= '0' && *p <= '7') {
        unsigned v = 0;
        size_t digits = 0;
        for (; *p >= '0' && *p <= '7'; p++, digits++) v = v * 8 + (unsigned)(*p - '0');
        if (*p || v > ALL_BITS) return -1;
        if (is_dir && digits < 5) v |= old & (S_ISUID | S_ISGID);
        *out = v;
        return 0;
    }
    unsigned mode = old & ALL_BITS;
    for (;;) {
        unsigned who = 0;
        for (; strchr("ugoa", *p) && *p; p++) {
            if (*p == 'u') who |= S_ISUID | 0700;
            else if (*p == 'g') who |= S_ISGID | 0070;
            else if (*p == 'o') who |= S_ISVTX | 0007;
            else who |= ALL_BITS;
        }
        if (*p != '+' && *p != '-' && *p != '=') return -1;
        while (*p == '+' || *p == '-' || *p == '=') {
            char op = *p++;
            unsigned value = 0;
            if (*p && strchr("ugo", *p)) {
                /* Copy another class's bits (as they were before this clause's operation). */
                unsigned src = *p == 'u' ? (mode >> 6) & 7 : *p == 'g' ? (mode >> 3) & 7 : mode & 7;
                value = src * 0111;
                p++;
            } else {
                for (; *p && strchr("rwxXst", *p); p++) {
                    switch (*p) {
                    case 'r': value |= 0444; break;
                    case 'w': value |= 0222; break;
                    case 'x': value |= 0111; break;
                    case 'X': if (is_dir || (mode & 0111)) value |= 0111; break;
                    case 's': value |= S_ISUID | S_ISGID; break;
                    case 't': value |= S_ISVTX; break;
                    }
                }
            }
            value &= who ? who : ~umask;
            if (op == '+') mode |= value;
            else if (op == '-') mode &= ~value;
            else {
                /* A directory keeps its setuid/setgid bits through '=' (GNU: clear them with -s). */
                unsigned keep = (who ? ~who : 0) | (is_dir ? S_ISUID | S_ISGID : 0);
                mode = (mode & keep) | value;
            }
        }
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p) return -1;
        break;
    }
    *out = mode & ALL_BITS;
    return 0;
}

int fs_mode_valid(const char *spec) {
    unsigned out;
    return *spec && apply(spec, 0, 0, 0, &out) == 0;
}

int fs_mode_apply(const char *spec, unsigned old, int is_dir, unsigned umask, unsigned *out) {
    if (!*spec) return -1;
    return apply(spec, old, is_dir, umask, out);
}

unsigned fs_umask(void) {
#ifdef __wasi__
    return 022;
#else
    mode_t m = umask(0);
    umask(m);
    return (unsigned)m;
#endif
}
