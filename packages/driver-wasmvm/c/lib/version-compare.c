/*
 * version-compare.c: the Debian-policy version comparison GNU's filevercmp
 * builds on, with its handling of empty names, dot names and file suffixes.
 */
#include "version-compare.h"

#include <limits.h>

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* Length of S without its file suffix, the longest match of (\.[A-Za-z~][A-Za-z0-9~]*)*$. */
static size_t prefix_length(const char *s, size_t n) {
    size_t prefix = 0;
    for (size_t i = 0; i < n;) {
        i++;
        prefix = i;
        while (i + 1 < n && s[i] == '.' && (is_alpha((unsigned char)s[i + 1]) || s[i + 1] == '~'))
            for (i += 2; i < n && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]) || s[i] == '~'); i++)
                continue;
    }
    return prefix;
}

/* Weight of the byte at POS: end of string sorts before all but '~'; letters before other bytes. */
static int order(const char *s, size_t pos, size_t len) {
    if (pos == len) return -1;
    unsigned char c = (unsigned char)s[pos];
    if (is_digit(c)) return 0;
    if (is_alpha(c)) return c;
    if (c == '~') return -2;
    return c + UCHAR_MAX + 1;
}

static int compare_versions(const char *a, size_t alen, const char *b, size_t blen) {
    size_t i = 0, j = 0;
    while (i < alen || j < blen) {
        int first_diff = 0;
        while ((i < alen && !is_digit((unsigned char)a[i])) || (j < blen && !is_digit((unsigned char)b[j]))) {
            int ac = order(a, i, alen), bc = order(b, j, blen);
            if (ac != bc) return ac - bc;
            i++;
            j++;
        }
        while (i < alen && a[i] == '0') i++;
        while (j < blen && b[j] == '0') j++;
        while (i < alen && j < blen && is_digit((unsigned char)a[i]) && is_digit((unsigned char)b[j])) {
            if (!first_diff) first_diff = (unsigned char)a[i] - (unsigned char)b[j];
            i++;
            j++;
        }
        if (i < alen && is_digit((unsigned char)a[i])) return 1;
        if (j < blen && is_digit((unsigned char)b[j])) return -1;
        if (first_diff) return first_diff;
    }
    return 0;
}

int version_compare(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen == 0) return blen == 0 ? 0 : -1;
    if (blen == 0) return 1;
    if (a[0] == '.') {
        if (b[0] != '.') return -1;
        int adot = alen == 1, bdot = blen == 1;
        if (adot) return bdot ? 0 : -1;
        if (bdot) return 1;
        int adotdot = a[1] == '.' && alen == 2, bdotdot = b[1] == '.' && blen == 2;
        if (adotdot) return bdotdot ? 0 : -1;
        if (bdotdot) return 1;
    } else if (b[0] == '.') {
        return 1;
    }
    size_t aprefix = prefix_length(a, alen), bprefix = prefix_length(b, blen);
    int one_pass = aprefix == alen && bprefix == blen;
    int result = compare_versions(a, aprefix, b, bprefix);
    return result || one_pass ? result : compare_versions(a, alen, b, blen);
}
