/*
 * grep-match.h: grep's pattern set and its line search. The patterns (-e,
 * -f, split at newlines) are compiled once: plain strings (-F, or regexes
 * with no special characters) are matched without any regex; otherwise the
 * regexes are joined into one when no back-reference forbids it. Each
 * pattern's required literal drives the search over a whole buffer, so the
 * regex runs only on lines that contain a candidate.
 */
#ifndef SE_GREP_MATCH_H
#define SE_GREP_MATCH_H

#include <stddef.h>

#include "gnu-regex.h"
#include "grep-dfa.h"
#include "literal-search.h"
#include "perl-regex.h"

/* Pattern syntaxes. */
enum { GM_BASIC, GM_EXTENDED, GM_FIXED, GM_PERL };

/* A compiled pattern set. */
typedef struct grep_matcher {
    int icase, word, line;
    char eol;
    int literal_only;       /* every pattern is a plain string */
    size_t nlit;            /* prefilter literals (0: no prefilter) */
    se_literal *lits;
    const char **lit_next;  /* cache: next occurrence of each literal, NULL = none before cache_end */
    unsigned char *lit_known; /* whether lit_next[i] holds an answer */
    const char *cache_pos, *cache_end;
    size_t nrx;
    se_regex *rx;
    grep_dfa *dfa;          /* answers "does the line match" when the regex allows (else NULL) */
    perl_regex *perl;       /* -P: the one Perl pattern, with -w/-x built in */
    int perl_limit_hit;     /* -P hit its backtracking limit on some line */
} grep_matcher;

/*
 * Compiles N patterns. Returns NULL or a GNU error message; *warning gets
 * a GNU warning to print ("* at start of expression") or NULL.
 */
const char *gm_compile(grep_matcher *m, char **pats, const size_t *lens, size_t n, int syntax,
                       int icase, int word, int line, char eol, const char **warning);
/* Forgets cached literal positions (call after the buffer's contents change). */
void gm_reset(grep_matcher *m);
/*
 * The first matching line in [beg, end), where every line ends with eol and
 * the byte after each line's eol may be written to temporarily. Returns its
 * start and sets *lend past its eol, or returns NULL.
 */
char *gm_find(grep_matcher *m, char *beg, char *end, char **lend);
/* Whether line[0..len) matches (line[len] is its eol). */
int gm_line_matches(grep_matcher *m, char *line, size_t len);
/* The next match in line[0..len) starting at or after START: returns 1 and [*so, *eo). */
int gm_next_match(grep_matcher *m, char *line, size_t len, size_t start, size_t *so, size_t *eo);

#endif
