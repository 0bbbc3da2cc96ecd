/*
 * gnu-regex.h: GNU BRE/ERE on top of the libc's POSIX regex (musl's TRE in
 * wasi-libc). A GNU pattern is parsed here, checked with GNU's error
 * messages, and re-emitted as an unambiguous BRE the libc understands:
 * ERE operators become their BRE spellings (so back-references work in ERE
 * too), brackets are rebuilt from a byte set, `{,n}` gets its zero, and the
 * GNU context rules (a leading `*` is literal in BRE and ignored in ERE, `^`
 * and `$` anchor only at branch edges, an ERE `{` that starts no interval is
 * literal) are settled before the libc sees the pattern.
 *
 * The parse also yields a literal every match must contain (the longest run
 * of plain characters outside groups and alternation), which grep searches
 * for with memchr-class code before running the regex on a line.
 */
#ifndef SE_GNU_REGEX_H
#define SE_GNU_REGEX_H

#include <regex.h>
#include <stddef.h>

#include "literal-search.h"

/* Pattern syntax and matching flags. */
enum {
    SE_RX_ERE = 1,         /* extended syntax (grep -E, sed -E) */
    SE_RX_ICASE = 2,       /* ignore case */
    SE_RX_SED = 4,         /* GNU sed escapes: \n \t \r \f \v \a \dNNN \oNNN \xHH \cX */
    SE_RX_NEWLINE = 8,     /* ^ and $ also match at embedded newlines (sed M) */
};

/* One translated pattern: the libc BRE and what the parse learnt about it. */
typedef struct se_rx_parts {
    char *bre;             /* NUL-terminated BRE for regcomp */
    size_t bre_len;
    size_t nsub;           /* number of groups */
    int backrefs;          /* uses \1..\9 */
    int word_asserts;      /* uses \b \B \< \> (matching from mid-line needs the previous byte) */
    char *must;            /* a string every match contains (NULL if none); NUL-terminated */
    size_t must_len;
    int literal;           /* the whole pattern is exactly `must` (plain characters only) */
    const char *warning;   /* a GNU grep warning ("* at start of expression"), or NULL */
    size_t *groupmap;      /* with hidden groups (a repeated repetition): the libc group of each group, else NULL */
    size_t libc_nsub;      /* the libc's number of groups, hidden ones included */
} se_rx_parts;

/* A compiled pattern. */
typedef struct se_regex {
    regex_t re;
    se_rx_parts parts;
    int flags;
    int has_must;          /* must_lit is prepared (parts.must is non-empty) */
    regex_t *shifted;      /* ".\(BRE\)" for word assertions mid-line (see se_regex_search), or NULL */
    se_literal must_lit;   /* parts.must, searched before the libc runs */
} se_regex;

/*
 * Translates PAT (LEN bytes, GNU syntax per FLAGS). Returns 0, or a GNU
 * error message ("Unmatched ( or \\(") with OUT left empty.
 */
const char *se_rx_translate(const char *pat, size_t len, int flags, se_rx_parts *out);
void se_rx_parts_free(se_rx_parts *p);

/* Translates and compiles; returns NULL or a GNU error message. */
const char *se_regex_compile(se_regex *rx, const char *pat, size_t len, int flags);
/* Compiles an already translated BRE (e.g. several joined with "\\|"); takes ownership of PARTS. */
const char *se_regex_compile_parts(se_regex *rx, se_rx_parts *parts, int flags);
void se_regex_free(se_regex *rx);

/*
 * Finds the leftmost-longest match in S[START..LEN). S[LEN] must be writable:
 * it is set to NUL for the libc and restored. NUL bytes inside S match as
 * newlines would. Offsets in M are relative to S. EFLAGS: REG_NOTBOL (S does
 * not begin a line), REG_NOTEOL. Returns 0 or REG_NOMATCH.
 */
int se_regex_search(const se_regex *rx, char *s, size_t len, size_t start, size_t nmatch,
                    regmatch_t *m, int eflags);

#endif
