/* literal-search.c: rare-byte scanning and verification for se_literal (see literal-search.h). */
#include "literal-search.h"
#include "common.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A rough rarity score: higher means the byte is less common in text and source code. */
static int rarity(unsigned char c) {
    static const char common[] = " etaoinsrhldcumfpgwybvkxjqz";
    const char *p = c ? strchr(common, c) : NULL;
    if (p) return (int)(p - common);
    if (c == '\n' || c == '\t') return 5;
    if (isdigit(c)) return 20;
    if (strchr("._-/:=,()\"';{}", c)) return 22;
    if (isupper(c)) return 30 + (int)(strchr(common, tolower(c)) - common) / 2;
    if (c >= 0x80 || c < 0x20) return 60;
    return 45;
}

void se_literal_init(se_literal *lit, const char *needle, size_t len, int icase) {
    lit->needle = xmalloc(len + 1);
    lit->len = len;
    lit->icase = icase;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)needle[i];
        lit->needle[i] = icase ? (unsigned char)tolower(c) : c;
    }
    lit->needle[len] = 0;
    lit->rare = 0;
    int best = -1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = lit->needle[i];
        int score = rarity(c);
        if (icase && isalpha(c)) score -= 8; /* two bytes to look for */
        if (score > best) {
            best = score;
            lit->rare = i;
        }
    }
    unsigned char r = len ? lit->needle[lit->rare] : 0;
    lit->b1 = r;
    lit->b2 = icase ? (unsigned char)toupper(r) : r;
}

void se_literal_free(se_literal *lit) {
    free(lit->needle);
    lit->needle = NULL;
}

int se_literal_equals(const se_literal *lit, const char *a, size_t n) {
    if (n != lit->len) return 0;
    if (!lit->icase) return memcmp(a, lit->needle, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != lit->needle[i]) return 0;
    return 1;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)

const char *se_memchr2(unsigned char b1, unsigned char b2, const char *p, size_t n) {
#ifndef __wasm__
    if (b1 == b2) return memchr(p, b1, n);
#endif
    const char *end = p + n;
    while (p < end && ((uintptr_t)p & 7)) {
        if ((unsigned char)*p == b1 || (unsigned char)*p == b2) return p;
        p++;
    }
    uint64_t m1 = ONES * b1, m2 = ONES * b2;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (HAS_ZERO(w ^ m1) | HAS_ZERO(w ^ m2)) break;
        p += 8;
    }
    while (p < end) {
        if ((unsigned char)*p == b1 || (unsigned char)*p == b2) return p;
        p++;
    }
    return NULL;
}

const char *se_literal_find(const se_literal *lit, const char *hay, size_t len) {
    size_t n = lit->len;
    if (n == 0) return hay;
    if (len < n) return NULL;
    const char *p = hay + lit->rare;
    const char *last = hay + (len - n) + lit->rare; /* last place the rare byte can be */
    while (p <= last) {
        const char *hit = se_memchr2(lit->b1, lit->b2, p, (size_t)(last - p) + 1);
        if (!hit) return NULL;
        const char *start = hit - lit->rare;
        if (se_literal_equals(lit, start, n)) return start;
        p = hit + 1;
    }
    return NULL;
}
