/*
 * perl-regex.h: the Perl-compatible patterns of grep -P, matched by a small
 * backtracking engine (leftmost-first, as PCRE does). Supported: literals
 * and escapes (\d \D \w \W \s \S \h \t \n \r \e \f \a \xHH \x{H..} \Q..\E),
 * classes with escapes and POSIX names, . ^ $ \A \z \Z \b \B, groups
 * (capturing, (?:...), named (?<n>...)), alternation, * + ? {m,n} with lazy
 * (?) and possessive (+) forms, back-references \1..\9, lookahead (?= (?!,
 * bounded lookbehind (?<= (?<!, atomic groups (?>...), \K, and the (?i)
 * and (?i:...) flags. Errors use PCRE2's wording.
 */
#ifndef SE_PERL_REGEX_H
#define SE_PERL_REGEX_H

#include <stddef.h>

typedef struct perl_regex perl_regex;

/* Compiles PAT; returns NULL and sets *out, or returns a PCRE2-style error message. */
const char *perl_regex_compile(perl_regex **out, const char *pat, size_t len, int icase);
void perl_regex_free(perl_regex *re);

/*
 * Finds the leftmost match in s[0..len) starting at or after START.
 * Returns 1 with [*so, *eo) (so is where \K left the match start), 0 for
 * none, -1 when the backtracking limit was hit.
 */
int perl_regex_search(perl_regex *re, const char *s, size_t len, size_t start, size_t *so, size_t *eo);

#endif
