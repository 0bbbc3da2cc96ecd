/*
 * literal-search.h: finding a fixed string in a large buffer fast, the
 * prefilter under grep. The search looks for the needle's rarest byte (by a
 * static estimate of byte frequencies in text and code) with memchr-class
 * code, then compares the whole needle around each hit. Case-insensitive
 * search looks for both cases of that byte at once (eight bytes per step).
 */
#ifndef SE_LITERAL_SEARCH_H
#define SE_LITERAL_SEARCH_H

#include <stddef.h>

/* A prepared needle. */
typedef struct se_literal {
    unsigned char *needle;  /* lowercased when icase */
    size_t len;
    size_t rare;            /* index of the byte searched for */
    unsigned char b1, b2;   /* that byte, in both cases when icase (b1 == b2 otherwise) */
    int icase;
} se_literal;

void se_literal_init(se_literal *lit, const char *needle, size_t len, int icase);
void se_literal_free(se_literal *lit);
/* The first occurrence of the needle in hay[0..len), or NULL. */
const char *se_literal_find(const se_literal *lit, const char *hay, size_t len);
/* Whether a[0..n) equals the needle (ignoring case when icase). */
int se_literal_equals(const se_literal *lit, const char *a, size_t n);
/* The first byte equal to b1 or b2 in p[0..n), or NULL. */
const char *se_memchr2(unsigned char b1, unsigned char b2, const char *p, size_t n);

#endif
