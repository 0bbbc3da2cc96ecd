/* text-num.c: decimal counts with multiplier suffixes, as GNU's xstrtoumax reads them. */
#include "text-num.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static int scale(uintmax_t *v, unsigned base, int power) {
    int overflow = 0;
    while (power-- > 0) {
        if (*v > UINTMAX_MAX / base) {
            *v = UINTMAX_MAX;
            overflow = 1;
        } else {
            *v *= base;
        }
    }
    return overflow;
}

int parse_count(const char *s, int base, const char *suffixes, uintmax_t *out) {
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    if (*p == '-') return COUNT_INVALID;
    char *end;
    errno = 0;
    uintmax_t v = strtoumax(s, &end, base);
    int overflow = errno == ERANGE;
    if (end == s) {
        if (!suffixes || !*end || !strchr(suffixes, *end)) return COUNT_INVALID;
        v = 1;
    }
    if (*end) {
        if (!suffixes || !strchr(suffixes, *end)) {
            *out = v;
            return COUNT_INVALID;
        }
        unsigned unit = 1024;
        int letters = 1;
        if (strchr(suffixes, '0')) {
            if (end[1] == 'i' && end[2] == 'B') letters = 3;
            else if (end[1] == 'B' || end[1] == 'D') unit = 1000, letters = 2;
        }
        int power;
        switch (*end) {
        case 'b': v = v > UINTMAX_MAX / 512 ? (overflow = 1, UINTMAX_MAX) : v * 512; power = 0; break;
        case 'B': power = 1; break;
        case 'c': power = 0; break;
        case 'w': v = v > UINTMAX_MAX / 2 ? (overflow = 1, UINTMAX_MAX) : v * 2; power = 0; break;
        case 'k': case 'K': power = 1; break;
        case 'm': case 'M': power = 2; break;
        case 'g': case 'G': power = 3; break;
        case 't': case 'T': power = 4; break;
        case 'P': power = 5; break;
        case 'E': power = 6; break;
        case 'Z': power = 7; break;
        case 'Y': power = 8; break;
        case 'R': power = 9; break;
        case 'Q': power = 10; break;
        default: *out = v; return COUNT_INVALID;
        }
        overflow |= scale(&v, unit, power);
        end += letters;
        if (*end) {
            *out = v;
            return COUNT_INVALID;
        }
    }
    *out = overflow ? UINTMAX_MAX : v;
    return overflow ? COUNT_OVERFLOW : COUNT_OK;
}

uintmax_t parse_count_or_die(const char *s, const char *suffixes, const char *what) {
    uintmax_t v;
    int r = parse_count(s, 10, suffixes, &v);
    if (r == COUNT_INVALID) se_die(1, "%s: '%s'", what, s);
    if (r == COUNT_OVERFLOW) se_die(1, "%s: '%s': Value too large for defined data type", what, s);
    return v;
}
