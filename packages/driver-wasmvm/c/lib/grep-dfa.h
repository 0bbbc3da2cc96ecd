/*
 * grep-dfa.h: a lazily built DFA that answers "does this line match?" for
 * the regexes it can handle (no back-references, no word assertions),
 * reading each byte once. It is built from the canonical BRE that
 * gnu-regex.c emits: a Thompson NFA, whose state sets become DFA states the
 * first time a byte leads to them. grep uses it instead of the libc regex
 * (musl's TRE runs about ten times slower) whenever it only needs to know
 * whether a line matches.
 */
#ifndef SE_GREP_DFA_H
#define SE_GREP_DFA_H

#include <stddef.h>

typedef struct grep_dfa grep_dfa;

/*
 * Builds a DFA for BRE (as emitted by se_rx_translate); whole_line anchors
 * it at both ends (-x). eol is the line terminator, which `.` and negated
 * brackets never match. Returns NULL when the pattern is outside what the
 * DFA handles, or too large.
 */
grep_dfa *grep_dfa_new(const char *bre, int icase, int whole_line, unsigned char eol);
void grep_dfa_free(grep_dfa *d);

/* Whether line[0..len) (without its terminator) contains a match. */
int grep_dfa_line_matches(grep_dfa *d, const char *line, size_t len);

/*
 * The first matching line in [beg, end), where every line ends with eol.
 * Returns its start and sets *lend past its terminator, or NULL.
 */
const char *grep_dfa_find(grep_dfa *d, const char *beg, const char *end, const char **lend);

#endif
