/*
 * text-num.h: number parsing shared by the text commands (head, tail, od,
 * fold, ...): decimal counts with GNU's multiplier suffixes (k, M, KiB, kB,
 * b = 512, ...), with the same rules for what is invalid and what overflows.
 */
#ifndef SE_TEXT_NUM_H
#define SE_TEXT_NUM_H

#include <stdint.h>

/* Results of parse_count. */
enum { COUNT_OK = 0, COUNT_INVALID = 1, COUNT_OVERFLOW = 2 };

/*
 * Parses S as an unsigned decimal (or, with base 0, C-style octal/hex) count
 * followed by at most one multiplier from SUFFIXES (NULL: none). A '0' in
 * SUFFIXES also allows the two-letter forms "KiB" (powers of 1024) and "kB"
 * (powers of 1000). A suffix alone counts as 1 of that unit. On overflow
 * *out is UINTMAX_MAX.
 */
int parse_count(const char *s, int base, const char *suffixes, uintmax_t *out);

/*
 * Parses S as a count the GNU way and exits with "PROG: WHAT: 'S'" (and
 * ": Value too large for defined data type" on overflow) when it is not one.
 */
uintmax_t parse_count_or_die(const char *s, const char *suffixes, const char *what);

#endif
