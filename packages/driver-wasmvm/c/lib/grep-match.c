/* grep-match.c: compiling grep's patterns and finding matching lines (see grep-match.h). */
#include "grep-match.h"
#include "common.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int is_word(unsigned char c) { return isalnum(c) || c == '_'; }

static int word_ok(const char *line, size_t len, size_t so, size_t eo) {
    return (so == 0 || !is_word((unsigned char)line[so - 1])) && (eo == len || !is_word((unsigned char)line[eo]));
}

/* Builds the DFA for a single regex without back-references or word assertions (not with -w). */
static void add_dfa(grep_matcher *m, char eol) {
    if (m->nrx != 1 || m->word || m->rx[0].parts.backrefs || m->rx[0].parts.word_asserts) return;
    m->dfa = grep_dfa_new(m->rx[0].parts.bre, m->icase, m->line, (unsigned char)eol);
}

/* -P: one pattern, wrapped as GNU grep wraps it for -w and -x. */
static const char *compile_perl(grep_matcher *m, char **pats, const size_t *lens, size_t n) {
    if (n != 1) return "the -P option only supports a single pattern";
    const char *pre = m->line ? "^(?:" : m->word ? "(?<!\\w)(?:" : "";
    const char *post = m->line ? ")$" : m->word ? ")(?!\\w)" : "";
    size_t len = strlen(pre) + lens[0] + strlen(post);
    char *full = xmalloc(len + 1);
    sprintf(full, "%s", pre);
    memcpy(full + strlen(pre), pats[0], lens[0]);
    strcpy(full + strlen(pre) + lens[0], post);
    const char *err = perl_regex_compile(&m->perl, full, len, m->icase);
    free(full);
    return err;
}

const char *gm_compile(grep_matcher *m, char **pats, const size_t *lens, size_t n, int syntax,
                       int icase, int word, int line, char eol, const char **warning) {
    memset(m, 0, sizeof *m);
    m->icase = icase;
    m->word = word;
    m->line = line;
    m->eol = eol;
    *warning = NULL;
    if (syntax == GM_PERL) return compile_perl(m, pats, lens, n);
    int rxflags = (syntax == GM_EXTENDED ? SE_RX_ERE : 0) | (icase ? SE_RX_ICASE : 0);
    se_rx_parts *parts = xcalloc(n, sizeof *parts);
    int literal_only = 1, all_must = n > 0, backrefs = 0;
    for (size_t i = 0; i < n; i++) {
        if (syntax == GM_FIXED) {
            parts[i].literal = 1;
            parts[i].must = xmalloc(lens[i] + 1);
            memcpy(parts[i].must, pats[i], lens[i]);
            parts[i].must[lens[i]] = 0;
            parts[i].must_len = lens[i];
            continue;
        }
        const char *err = se_rx_translate(pats[i], lens[i], rxflags, &parts[i]);
        if (err) {
            for (size_t j = 0; j < i; j++) se_rx_parts_free(&parts[j]);
            free(parts);
            return err;
        }
        if (parts[i].warning && !*warning) *warning = parts[i].warning;
        if (!parts[i].literal) literal_only = 0;
        if (!parts[i].must || parts[i].must_len == 0) all_must = 0;
        backrefs |= parts[i].backrefs;
    }
    m->literal_only = literal_only;
    if (literal_only || all_must) {
        m->nlit = n;
        m->lits = xcalloc(n, sizeof *m->lits);
        m->lit_next = xcalloc(n, sizeof *m->lit_next);
        m->lit_known = xcalloc(n, 1);
        for (size_t i = 0; i < n; i++) se_literal_init(&m->lits[i], parts[i].must, parts[i].must_len, icase);
    }
    if (!literal_only) {
        if (!backrefs && n > 1) {
            /* One regex for all: "p1\|p2\|...". */
            se_rx_parts joined;
            memset(&joined, 0, sizeof joined);
            size_t total = 0;
            for (size_t i = 0; i < n; i++) total += parts[i].bre_len + 2;
            joined.bre = xmalloc(total + 1);
            for (size_t i = 0; i < n; i++) {
                if (i) memcpy(joined.bre + joined.bre_len, "\\|", 2), joined.bre_len += 2;
                memcpy(joined.bre + joined.bre_len, parts[i].bre, parts[i].bre_len);
                joined.bre_len += parts[i].bre_len;
                joined.nsub += parts[i].nsub;
                joined.word_asserts |= parts[i].word_asserts;
            }
            joined.bre[joined.bre_len] = 0;
            m->nrx = 1;
            m->rx = xcalloc(1, sizeof *m->rx);
            const char *err = se_regex_compile_parts(&m->rx[0], &joined, rxflags);
            for (size_t i = 0; i < n; i++) se_rx_parts_free(&parts[i]);
            free(parts);
            if (!err) add_dfa(m, eol);
            return err;
        }
        m->nrx = n;
        m->rx = xcalloc(n, sizeof *m->rx);
        for (size_t i = 0; i < n; i++) {
            const char *err = se_regex_compile_parts(&m->rx[i], &parts[i], rxflags);
            if (err) return err;
        }
        free(parts);
        add_dfa(m, eol);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) se_rx_parts_free(&parts[i]);
    free(parts);
    return NULL;
}

void gm_reset(grep_matcher *m) {
    m->cache_pos = m->cache_end = NULL;
}

/*
 * The earliest occurrence of any prefilter literal in [pos, end). Each
 * literal's last answer stays valid while pos has not passed it (NULL: none
 * before end), so many patterns cost one scan each per buffer, not per line.
 */
static const char *next_candidate(grep_matcher *m, const char *pos, const char *end) {
    if (m->cache_end != end || pos < m->cache_pos) {
        memset(m->lit_known, 0, m->nlit);
        m->cache_end = end;
    }
    m->cache_pos = pos;
    const char *best = NULL;
    for (size_t i = 0; i < m->nlit; i++) {
        if (!m->lit_known[i] || (m->lit_next[i] && m->lit_next[i] < pos)) {
            m->lit_next[i] = se_literal_find(&m->lits[i], pos, (size_t)(end - pos));
            m->lit_known[i] = 1;
        }
        const char *c = m->lit_next[i];
        if (c && (!best || c < best)) best = c;
    }
    return best;
}

/* A literal's next acceptable occurrence in line[start..len) under -w/-x. */
static int literal_match(grep_matcher *m, se_literal *lit, const char *line, size_t len, size_t start,
                         size_t *so, size_t *eo) {
    if (m->line) {
        if (start == 0 && se_literal_equals(lit, line, len)) {
            *so = 0;
            *eo = len;
            return 1;
        }
        return 0;
    }
    size_t pos = start;
    while (pos <= len) {
        const char *hit = se_literal_find(lit, line + pos, len - pos);
        if (!hit) return 0;
        size_t s = (size_t)(hit - line), e = s + lit->len;
        if (!m->word || word_ok(line, len, s, e)) {
            *so = s;
            *eo = e;
            return 1;
        }
        pos = s + 1;
    }
    return 0;
}

/* A regex's next acceptable match in line[start..len) under -w/-x (GNU's retry rules for -w). */
static int regex_match(grep_matcher *m, se_regex *rx, char *line, size_t len, size_t start, size_t *so,
                       size_t *eo) {
    regmatch_t mt[1];
    if (m->line) {
        if (start > 0 || se_regex_search(rx, line, len, 0, 1, mt, 0) != 0) return 0;
        if (mt[0].rm_so != 0 || (size_t)mt[0].rm_eo != len) return 0;
        *so = 0;
        *eo = len;
        return 1;
    }
    size_t pos = start;
    while (pos <= len) {
        if (se_regex_search(rx, line, len, pos, 1, mt, 0) != 0) return 0;
        size_t s = (size_t)mt[0].rm_so, e = (size_t)mt[0].rm_eo;
        if (!m->word || word_ok(line, len, s, e)) {
            *so = s;
            *eo = e;
            return 1;
        }
        /* Try shorter matches starting at s. */
        while (e > s) {
            size_t limit = e - 1;
            if (se_regex_search(rx, line, limit, s, 1, mt, limit < len ? REG_NOTEOL : 0) != 0) break;
            if ((size_t)mt[0].rm_so != s) break;
            e = (size_t)mt[0].rm_eo;
            if (word_ok(line, len, s, e)) {
                *so = s;
                *eo = e;
                return 1;
            }
        }
        pos = s + 1;
    }
    return 0;
}

/* -P search; a line that exhausts the backtracking limit counts as not matching. */
static int perl_match(grep_matcher *m, const char *line, size_t len, size_t start, size_t *so, size_t *eo) {
    int r = perl_regex_search(m->perl, line, len, start, so, eo);
    if (r < 0) m->perl_limit_hit = 1;
    return r > 0;
}

int gm_next_match(grep_matcher *m, char *line, size_t len, size_t start, size_t *so, size_t *eo) {
    if (m->perl) return perl_match(m, line, len, start, so, eo);
    int found = 0;
    size_t bs = 0, be = 0;
    size_t count = m->literal_only ? m->nlit : m->nrx;
    for (size_t i = 0; i < count; i++) {
        size_t s, e;
        int ok = m->literal_only ? literal_match(m, &m->lits[i], line, len, start, &s, &e)
                                 : regex_match(m, &m->rx[i], line, len, start, &s, &e);
        if (ok && (!found || s < bs || (s == bs && e > be))) {
            found = 1;
            bs = s;
            be = e;
        }
    }
    if (found) {
        *so = bs;
        *eo = be;
    }
    return found;
}

int gm_line_matches(grep_matcher *m, char *line, size_t len) {
    if (m->dfa) return grep_dfa_line_matches(m->dfa, line, len);
    if (m->perl) {
        size_t so, eo;
        return perl_match(m, line, len, 0, &so, &eo);
    }
    if (!m->word && !m->line) {
        if (m->literal_only) {
            for (size_t i = 0; i < m->nlit; i++)
                if (se_literal_find(&m->lits[i], line, len)) return 1;
            return 0;
        }
        for (size_t i = 0; i < m->nrx; i++)
            if (se_regex_search(&m->rx[i], line, len, 0, 0, NULL, 0) == 0) return 1;
        return 0;
    }
    size_t so, eo;
    return gm_next_match(m, line, len, 0, &so, &eo);
}

static char *line_start(const char *beg, const char *p, char eol) {
    while (p > beg && p[-1] != eol) p--;
    return (char *)p;
}

char *gm_find(grep_matcher *m, char *beg, char *end, char **lend) {
    char *pos = beg;
    while (pos < end) {
        char *ls, *le;
        if (m->nlit) {
            const char *cand = next_candidate(m, pos, end);
            if (!cand) return NULL;
            ls = line_start(pos, cand, m->eol);
            le = memchr(cand, m->eol, (size_t)(end - cand));
            if (!le) le = end - 1;
            if (m->literal_only && !m->word && !m->line) {
                *lend = le + 1;
                return ls;
            }
        } else if (m->dfa) {
            const char *dend;
            const char *hit = grep_dfa_find(m->dfa, pos, end, &dend);
            if (!hit) return NULL;
            *lend = (char *)dend;
            return (char *)hit;
        } else {
            ls = pos;
            le = memchr(pos, m->eol, (size_t)(end - pos));
            if (!le) le = end - 1;
        }
        if (gm_line_matches(m, ls, (size_t)(le - ls))) {
            *lend = le + 1;
            return ls;
        }
        pos = le + 1;
    }
    return NULL;
}
