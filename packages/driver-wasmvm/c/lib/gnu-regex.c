/*
 * gnu-regex.c: the GNU-to-libc regex translator and the search wrapper
 * declared in gnu-regex.h. One left-to-right pass over the pattern keeps
 * the context GNU's rules depend on (start of a branch, whether an operand
 * precedes, open groups and the groups a back-reference may name) and
 * writes the canonical BRE; the same pass tracks the literal runs that give
 * the prefilter string.
 */
#include "gnu-regex.h"
#include "common.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define GNU_DUP_MAX 32767 /* GNU's interval limit */
#define LIBC_DUP_MAX 255  /* musl's RE_DUP_MAX */

typedef struct strbuf {
    char *p;
    size_t len, cap;
} strbuf;

static void sb_put(strbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void sb_putc(strbuf *b, char c) { sb_put(b, &c, 1); }

/* Inserts S at offset AT. */
static void sb_insert(strbuf *b, size_t at, const char *s) {
    size_t n = strlen(s), tail = b->len - at;
    sb_put(b, s, n); /* grows the buffer; the bytes are moved into place below */
    memmove(b->p + at + n, b->p + at, tail);
    memcpy(b->p + at, s, n);
}

static void sb_puts(strbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

/* The translator's state while it walks one pattern. */
typedef struct tr {
    const char *p, *end;
    int ere, sed, flags;
    strbuf out;
    size_t nsub;
    unsigned completed;   /* bit n: group n (n < 32) closed in the current branch */
    unsigned *saved;      /* per open group: `completed` when it opened */
    size_t *index;        /* per open group: its number */
    int depth;
    int branch_start;     /* nothing matched yet in this branch */
    int zero_width_only;  /* only zero-width assertions since the branch began (GNU's "at start" for warnings) */
    size_t branch_out;    /* where the current branch begins in out */
    int caret;            /* the current branch begins with the "^" anchor */
    int pending_dollar;   /* an ERE `$` followed only by zero-width items: "$" goes at the branch's end */
    long assert_at;       /* where the last item, a zero-width assertion, begins in out, or -1 */
    int operand;          /* a repeatable atom precedes */
    int last_lit;         /* the previous atom was a literal at depth 0 */
    strbuf cur, best;     /* current and longest literal runs at depth 0 */
    int alt0, pure;
    int backrefs, word_asserts;
    const char *warning;
    /*
     * A repetition of a repetition (GNU's "a**", "a{2}*", "(ab)+?"), which
     * the libc refuses, gets the repeated atom wrapped in a group of its own.
     * Such hidden groups shift the libc's group numbers: every "\(" and
     * back-reference written is remembered, so the numbers can be mapped.
     */
    size_t atom_start;    /* where the atom the next repetition applies to begins in out */
    int repeated;         /* a repetition follows that atom already */
    size_t *group_start;  /* per open group: where its "\(" is in out */
    size_t *open_at;      /* every "\(" written, in pattern order: its offset in out */
    size_t *open_user;    /* its group number, 0 for a hidden group */
    size_t nopen;
    size_t *ref_at;       /* every back-reference digit written: its offset in out */
    size_t nref;
    int hidden;
    int no_must;          /* a literal run may have become optional: no prefilter string */
} tr;

static void end_run(tr *t) {
    if (t->cur.len > t->best.len || (t->cur.len && !t->best.p)) {
        t->best.len = 0;
        sb_put(&t->best, t->cur.p, t->cur.len);
    }
    t->cur.len = 0;
    t->last_lit = 0;
}

static void emit_lit(tr *t, unsigned char c) {
    t->assert_at = -1;
    t->atom_start = t->out.len;
    t->repeated = 0;
    if (c && strchr(".[\\*^$", c)) sb_putc(&t->out, '\\');
    sb_putc(&t->out, (char)c);
    if (t->depth == 0) {
        sb_putc(&t->cur, (char)c);
        t->last_lit = 1;
    }
    t->operand = 1;
    t->branch_start = 0;
    t->zero_width_only = 0;
}

/* Emits a non-literal atom (., a bracket, \w, a back-reference). */
static void emit_atom(tr *t, const char *s, size_t n) {
    end_run(t);
    t->pure = 0;
    t->assert_at = -1;
    t->atom_start = t->out.len;
    t->repeated = 0;
    sb_put(&t->out, s, n);
    t->operand = 1;
    t->branch_start = 0;
    t->zero_width_only = 0;
}

/* Emits a zero-width assertion; a repetition after it has no operand. */
static void emit_assert(tr *t, const char *s) {
    t->assert_at = *s ? (long)t->out.len : -1;
    end_run(t);
    t->pure = 0;
    t->repeated = 0;
    sb_puts(&t->out, s);
    t->operand = 0;
    t->branch_start = 0;
}

static void emit_rep(tr *t, long lo, long hi) {
    if (t->depth == 0 && t->last_lit && lo == 0) t->cur.len--;
    end_run(t);
    t->pure = 0;
    if (t->repeated && lo == 0) t->no_must = 1; /* the atom, maybe a literal already counted, may be absent */
    if (t->repeated) {
        /* Wrap the repeated atom: "\(" goes in before it, shifting what was written after that point. */
        sb_insert(&t->out, t->atom_start, "\\(");
        for (size_t k = 0; k < t->nopen; k++)
            if (t->open_at[k] >= t->atom_start) t->open_at[k] += 2;
        for (size_t k = 0; k < t->nref; k++)
            if (t->ref_at[k] >= t->atom_start) t->ref_at[k] += 2;
        for (int k = 0; k < t->depth; k++)
            if (t->group_start[k] >= t->atom_start) t->group_start[k] += 2;
        size_t k = t->nopen++;
        while (k > 0 && t->open_at[k - 1] > t->atom_start) {
            t->open_at[k] = t->open_at[k - 1];
            t->open_user[k] = t->open_user[k - 1];
            k--;
        }
        t->open_at[k] = t->atom_start;
        t->open_user[k] = 0;
        sb_puts(&t->out, "\\)");
        t->hidden++;
    }
    t->repeated = 1;
    char tmp[48];
    if (lo == 0 && hi < 0) sb_putc(&t->out, '*');
    else if (lo == 1 && hi < 0) sb_puts(&t->out, "\\+");
    else if (lo == 0 && hi == 1) sb_puts(&t->out, "\\?");
    else {
        if (hi < 0) snprintf(tmp, sizeof tmp, "\\{%ld,\\}", lo);
        else if (hi == lo) snprintf(tmp, sizeof tmp, "\\{%ld\\}", lo);
        else snprintf(tmp, sizeof tmp, "\\{%ld,%ld\\}", lo, hi);
        sb_puts(&t->out, tmp);
    }
}

static long parse_num(tr *t) {
    long v = -1;
    while (t->p < t->end && isdigit((unsigned char)*t->p)) {
        if (v < 0) v = 0;
        if (v <= GNU_DUP_MAX) v = v * 10 + (*t->p - '0');
        t->p++;
    }
    return v;
}

/*
 * Parses an interval body after `{` (ERE) or `\{` (BRE). Returns 1 and the
 * bounds (hi -1: unbounded) when well formed, with t->p past the closing
 * brace; 0 otherwise, with t->p unchanged.
 */
static int parse_interval(tr *t, long *lo, long *hi) {
    const char *start = t->p;
    *lo = parse_num(t);
    *hi = *lo;
    if (t->p < t->end && *t->p == ',') {
        t->p++;
        *hi = parse_num(t);
        if (*lo < 0) *lo = 0;
    } else if (*lo < 0) {
        t->p = start;
        return 0;
    }
    if (t->ere) {
        if (t->p < t->end && *t->p == '}') {
            t->p++;
            return 1;
        }
    } else if (t->end - t->p >= 2 && t->p[0] == '\\' && t->p[1] == '}') {
        t->p += 2;
        return 1;
    }
    t->p = start;
    return 0;
}

/* Parses a GNU sed escape (after the backslash, at t->p); returns the byte or -1. */
static int sed_escape(tr *t) {
    const char *s = t->p;
    int c = *s;
    int base = 0, maxd = 0;
    switch (c) {
    case 'n': t->p++; return '\n';
    case 't': t->p++; return '\t';
    case 'r': t->p++; return '\r';
    case 'f': t->p++; return '\f';
    case 'v': t->p++; return '\v';
    case 'a': t->p++; return '\a';
    case 'c':
        if (t->end - s >= 2) {
            t->p += 2;
            return toupper((unsigned char)s[1]) ^ 0x40;
        }
        return -1;
    case 'd': base = 10; maxd = 3; break;
    case 'o': base = 8; maxd = 3; break;
    case 'x': base = 16; maxd = 2; break;
    default: return -1;
    }
    int v = 0, n = 0;
    const char *q = s + 1;
    while (n < maxd && q < t->end) {
        int d = isdigit((unsigned char)*q) ? *q - '0'
              : isxdigit((unsigned char)*q) ? (tolower((unsigned char)*q) - 'a' + 10) : 99;
        if (d >= base) break;
        v = v * base + d;
        q++;
        n++;
    }
    if (n == 0) return -1;
    t->p = q;
    return v & 0xff;
}

static int class_has(const char *name, size_t n, int c) {
#define IS(s) (n == sizeof s - 1 && memcmp(name, s, n) == 0)
    if (IS("alpha")) return isalpha(c);
    if (IS("upper")) return isupper(c);
    if (IS("lower")) return islower(c);
    if (IS("digit")) return isdigit(c);
    if (IS("xdigit")) return isxdigit(c);
    if (IS("space")) return isspace(c);
    if (IS("print")) return isprint(c);
    if (IS("punct")) return ispunct(c);
    if (IS("graph")) return isgraph(c);
    if (IS("cntrl")) return iscntrl(c);
    if (IS("blank")) return c == ' ' || c == '\t';
    if (IS("alnum")) return isalnum(c);
#undef IS
    return -1;
}

#define SET_ADD(set, c) ((set)[(unsigned char)(c) >> 3] |= (unsigned char)(1u << ((c) & 7)))
#define SET_HAS(set, c) ((set)[(unsigned char)(c) >> 3] & (1u << ((c) & 7)))

static const char *ERR_BRACK = "Unmatched [, [^, [:, [., or [=";

/* Parses `[.x.]` or `[=x=]` at t->p (pointing at the inner `[`); returns the byte or an error. */
static const char *collating(tr *t, int *out) {
    char kind = t->p[1];
    const char *q = t->p + 2;
    while (q + 1 < t->end && !(q[0] == kind && q[1] == ']')) q++;
    if (q + 1 >= t->end) return ERR_BRACK;
    if (q - (t->p + 2) != 1) return "Invalid collation character";
    *out = (unsigned char)t->p[2];
    t->p = q + 2;
    return NULL;
}

/* Emits a bracket expression for SET (never empty of meaning: at least one byte or negated). */
static void emit_set(tr *t, const unsigned char *set, int neg) {
    strbuf *o = &t->out;
    int count = 0;
    for (int c = 1; c < 256; c++) count += SET_HAS(set, c) ? 1 : 0;
    if (!neg && count == 1 && SET_HAS(set, '^')) {
        sb_puts(o, "\\^");
        return;
    }
    sb_putc(o, '[');
    if (neg) sb_putc(o, '^');
    int first = 1;
    if (SET_HAS(set, ']')) {
        sb_putc(o, ']');
        first = 0;
    }
    for (int c = 1; c < 256; c++) {
        if (!SET_HAS(set, c) || c == ']' || c == '-' || c == '^' || c == '[') continue;
        int e = c;
        while (e + 1 < 256 && SET_HAS(set, e + 1) && e + 1 != ']' && e + 1 != '-' && e + 1 != '^' && e + 1 != '[') e++;
        sb_putc(o, (char)c);
        if (e - c >= 2) {
            sb_putc(o, '-');
            sb_putc(o, (char)e);
        } else if (e > c) {
            sb_putc(o, (char)e);
        }
        first = 0;
        c = e;
    }
    if (SET_HAS(set, '[')) {
        sb_putc(o, '[');
        first = 0;
    }
    int dash = SET_HAS(set, '-') != 0;
    if (SET_HAS(set, '^')) {
        /* A leading ^ would negate: put the dash (the only other member then) first. */
        if (first && !neg && dash) {
            sb_putc(o, '-');
            dash = 0;
        }
        sb_putc(o, '^');
    }
    if (dash) sb_putc(o, '-');
    sb_putc(o, ']');
}

/* Parses a bracket expression; t->p is just past the `[`. */
static const char *bracket(tr *t) {
    unsigned char set[32];
    memset(set, 0, sizeof set);
    const char *open = t->p;
    int neg = 0;
    if (t->p < t->end && *t->p == '^') {
        neg = 1;
        t->p++;
    }
    if (t->p >= t->end) return "Invalid regular expression";
    const char *body = t->p;
    int first = 1;
    for (;;) {
        if (t->p >= t->end) return ERR_BRACK;
        int c = (unsigned char)*t->p;
        if (c == ']' && !first) {
            t->p++;
            break;
        }
        first = 0;
        int lo;
        if (c == '[' && t->p + 1 < t->end && t->p[1] == ':') {
            const char *q = t->p + 2;
            while (q + 1 < t->end && !(q[0] == ':' && q[1] == ']')) q++;
            if (q + 1 >= t->end) return ERR_BRACK;
            const char *name = t->p + 2;
            size_t n = (size_t)(q - name);
            if (class_has(name, n, 'a') < 0) return "Invalid character class name";
            for (int b = 1; b < 256; b++)
                if (b < 128 && class_has(name, n, b)) SET_ADD(set, b);
            t->p = q + 2;
            continue;
        }
        if (c == '[' && t->p + 1 < t->end && (t->p[1] == '.' || t->p[1] == '=')) {
            const char *e = collating(t, &lo);
            if (e) return e;
        } else if (c == '\\' && t->sed && t->p + 1 < t->end) {
            t->p++;
            lo = sed_escape(t);
            if (lo < 0) lo = '\\';
        } else {
            lo = c;
            t->p++;
        }
        int hi = lo;
        if (t->p + 1 < t->end && *t->p == '-' && t->p[1] != ']') {
            t->p++;
            if (*t->p == '[' && t->p + 1 < t->end && (t->p[1] == '.' || t->p[1] == '=')) {
                const char *e = collating(t, &hi);
                if (e) return e;
            } else if (*t->p == '\\' && t->sed && t->p + 1 < t->end) {
                t->p++;
                hi = sed_escape(t);
                if (hi < 0) hi = '\\';
            } else {
                hi = (unsigned char)*t->p++;
            }
            if (hi < lo) return "Invalid range end";
        }
        for (int b = lo; b <= hi; b++)
            if (b) SET_ADD(set, b);
    }
    /* "[:alpha:]" outside a bracket is almost always a mistake; GNU refuses it. */
    size_t blen = (size_t)(t->p - 1 - body);
    if (!neg && open == body && blen >= 2 && body[0] == ':' && body[blen - 1] == ':')
        return "character class syntax is [[:space:]], not [:space:]";
    end_run(t);
    t->pure = 0;
    t->assert_at = -1;
    t->atom_start = t->out.len;
    t->repeated = 0;
    emit_set(t, set, neg);
    t->operand = 1;
    t->branch_start = 0;
    t->zero_width_only = 0;
    return NULL;
}

/* Whether `$` at t->p (already consumed) ends a branch. */
static int dollar_is_anchor(tr *t) {
    const char *q = t->p;
    if (q == t->end) return 1;
    if (t->ere) return *q == '|' || (*q == ')' && t->depth > 0);
    return t->end - q >= 2 && q[0] == '\\' && (q[1] == '|' || q[1] == ')');
}

/* ERE: whether only zero-width items (anchors, \< \> \b \B \` \') follow up to the end of the branch. */
static int zero_width_to_branch_end(const tr *t) {
    const char *q = t->p;
    while (q < t->end) {
        if (*q == '$' || *q == '^') q++;
        else if (t->end - q >= 2 && q[0] == '\\' && strchr("<>bB`'", q[1])) q += 2;
        else return *q == '|' || (*q == ')' && t->depth > 0);
    }
    return 1;
}

/* Ends a branch: an anchor kept for its end is written now. */
static void end_branch(tr *t) {
    if (t->pending_dollar) sb_puts(&t->out, "$");
    t->pending_dollar = 0;
}

/* Starts a branch (at the pattern's start, after a group's "\(" or a "\|"). */
static void start_branch(tr *t) {
    t->branch_start = 1;
    t->zero_width_only = 1;
    t->branch_out = t->out.len;
    t->caret = 0;
}

static void open_group(tr *t) {
    end_run(t);
    t->pure = 0;
    t->assert_at = -1;
    t->saved[t->depth] = t->completed;
    t->group_start[t->depth] = t->out.len;
    t->open_at[t->nopen] = t->out.len;
    t->open_user[t->nopen++] = t->nsub + 1;
    t->index[t->depth++] = ++t->nsub;
    t->repeated = 0;
    sb_puts(&t->out, "\\(");
    start_branch(t);
    t->operand = 0;
}

static void close_group(tr *t) {
    end_branch(t);
    t->assert_at = -1;
    size_t idx = t->index[--t->depth];
    if (idx < 32) t->completed |= 1u << idx;
    t->atom_start = t->group_start[t->depth];
    t->repeated = 0;
    sb_puts(&t->out, "\\)");
    t->operand = 1;
    t->branch_start = 0;
    t->zero_width_only = 0;
}

static void alternation(tr *t) {
    end_run(t);
    t->pure = 0;
    t->assert_at = -1;
    if (t->depth == 0) t->alt0 = 1;
    end_branch(t);
    t->repeated = 0;
    t->completed = t->depth ? t->saved[t->depth - 1] : 0;
    sb_puts(&t->out, "\\|");
    start_branch(t);
    t->operand = 0;
}

/* A repetition operator (`*`, `+`, `?`) with nothing to repeat; ERE ignores it (with a warning at the start). */
static const char *lone_rep(tr *t, char op) {
    /* sed's ERE (POSIX's) refuses what grep's ignores. */
    if (t->sed && t->ere) return "Invalid preceding regular expression";
    if (t->ere && t->assert_at >= 0 && op != '+') {
        /* An assertion made optional (`\\<*`, `$?`): GNU's matcher then matches without it. */
        if ((size_t)t->assert_at == t->branch_out) t->caret = 0;
        t->out.len = (size_t)t->assert_at;
        t->out.p[t->out.len] = 0;
        t->assert_at = -1;
    }
    if (t->ere) {
        if (!t->warning && t->zero_width_only)
            t->warning = op == '*' ? "* at start of expression" : op == '+' ? "+ at start of expression"
                                                                            : "? at start of expression";
        return NULL;
    }
    emit_lit(t, (unsigned char)op);
    return NULL;
}

/* sed's basic syntax (POSIX's, unlike grep's) refuses a `*` or `\{` right after another repetition. */
static const char *sed_double_repetition(const tr *t) {
    return t->sed && !t->ere && t->repeated ? "Invalid preceding regular expression" : NULL;
}

static const char *rep_interval(tr *t) {
    long lo, hi;
    const char *brace = t->p;
    if (!parse_interval(t, &lo, &hi)) {
        if (t->ere && t->sed) return memchr(brace, '}', (size_t)(t->end - brace)) ? "Invalid content of \\{\\}" : "Unmatched \\{";
        if (t->ere) {
            emit_lit(t, '{');
            return NULL;
        }
        for (const char *q = brace; q + 1 < t->end; q++)
            if (q[0] == '\\' && q[1] == '}') return "Invalid content of \\{\\}";
        return "Unmatched \\{";
    }
    if (!t->operand) {
        /* sed's syntax (POSIX's) refuses an interval with nothing to repeat. */
        if (t->sed) return "Invalid preceding regular expression";
        if (t->ere) {
            if (!t->warning) t->warning = "{...} at start of expression";
            t->p = brace;
            return NULL;
        }
        t->p = brace;
        emit_lit(t, '{');
        return NULL;
    }
    if (hi >= 0 && lo > hi) return "Invalid content of \\{\\}";
    if (sed_double_repetition(t)) return sed_double_repetition(t);
    if (lo > GNU_DUP_MAX || hi > GNU_DUP_MAX || lo > LIBC_DUP_MAX || hi > LIBC_DUP_MAX)
        return "Regular expression too big";
    emit_rep(t, lo, hi);
    return NULL;
}

static const char *escape(tr *t) {
    if (t->p >= t->end) return "Trailing backslash";
    unsigned char c = (unsigned char)*t->p++;
    if (!t->ere) {
        switch (c) {
        case '(': open_group(t); return NULL;
        case ')':
            if (t->depth == 0) return "Unmatched ) or \\)";
            close_group(t);
            return NULL;
        case '|': alternation(t); return NULL;
        case '{': return rep_interval(t);
        case '}': emit_lit(t, '}'); return NULL;
        case '+': case '?':
            if (!t->operand) emit_lit(t, c);
            else emit_rep(t, c == '+', c == '+' ? -1 : 1);
            return NULL;
        }
    }
    if (c >= '1' && c <= '9') {
        size_t n = c - '0';
        if (n > t->nsub || !(t->completed & (1u << n))) return "Invalid back reference";
        t->backrefs = 1;
        char ref[3] = {'\\', (char)c, 0};
        t->ref_at[t->nref++] = t->out.len + 1;
        emit_atom(t, ref, 2);
        return NULL;
    }
    switch (c) {
    case 'w': case 'W': case 's': case 'S': {
        char a[3] = {'\\', (char)c, 0};
        emit_atom(t, a, 2);
        return NULL;
    }
    case 'b': case 'B': case '<': case '>': {
        char a[3] = {'\\', (char)c, 0};
        t->word_asserts = 1;
        emit_assert(t, a);
        return NULL;
    }
    case '`':
        if (t->branch_start) emit_assert(t, "^");
        else {
            t->word_asserts = 1;
            emit_assert(t, "\\b\\B");
        }
        return NULL;
    case '\'':
        if (dollar_is_anchor(t)) emit_assert(t, "$");
        else {
            t->word_asserts = 1;
            emit_assert(t, "\\b\\B");
        }
        return NULL;
    }
    if (t->sed) {
        t->p--;
        int v = sed_escape(t);
        if (v >= 0) {
            emit_lit(t, (unsigned char)v);
            return NULL;
        }
        t->p++;
    }
    emit_lit(t, c);
    return NULL;
}

static const char *translate(tr *t) {
    while (t->p < t->end) {
        unsigned char c = (unsigned char)*t->p++;
        const char *err = NULL;
        switch (c) {
        case '\\': err = escape(t); break;
        case '[': err = bracket(t); break;
        case '.': emit_atom(t, ".", 1); break;
        case '*':
            if (!t->operand) err = lone_rep(t, '*');
            else if (!(err = sed_double_repetition(t))) emit_rep(t, 0, -1);
            break;
        case '^':
            if (t->branch_start) {
                emit_assert(t, "^");
                t->caret = 1;
            } else if (t->ere && t->zero_width_only) {
                /* ERE anchors hold anywhere: after other zero-width items only, "^" can move to the branch's start. */
                if (!t->caret) sb_insert(&t->out, t->branch_out, "^");
                t->caret = 1;
                emit_assert(t, "");
            } else if (t->ere && !(t->flags & SE_RX_NEWLINE)) {
                /* Inside a line it can never match. */
                t->word_asserts = 1;
                emit_assert(t, "\\b\\B");
            } else {
                emit_lit(t, c);
            }
            break;
        case '$':
            if (dollar_is_anchor(t)) {
                emit_assert(t, "$");
                t->pending_dollar = 0;
            } else if (t->ere && zero_width_to_branch_end(t)) {
                emit_assert(t, "");
                t->pending_dollar = 1;
            } else if (t->ere && !(t->flags & SE_RX_NEWLINE)) {
                t->word_asserts = 1;
                emit_assert(t, "\\b\\B");
            } else {
                emit_lit(t, c);
            }
            break;
        default:
            if (!t->ere) {
                emit_lit(t, c);
                break;
            }
            switch (c) {
            case '(':
                open_group(t);
                break;
            case ')':
                if (t->depth == 0) emit_lit(t, c);
                else close_group(t);
                break;
            case '|': alternation(t); break;
            case '{': err = rep_interval(t); break;
            case '+': case '?':
                if (!t->operand) err = lone_rep(t, (char)c);
                else emit_rep(t, c == '+', c == '+' ? -1 : 1);
                break;
            default: emit_lit(t, c);
            }
        }
        if (err) return err;
    }
    if (t->depth > 0) return "Unmatched ( or \\(";
    end_branch(t);
    return NULL;
}

const char *se_rx_translate(const char *pat, size_t len, int flags, se_rx_parts *out) {
    tr t;
    memset(&t, 0, sizeof t);
    memset(out, 0, sizeof *out);
    t.p = pat;
    t.end = pat + len;
    t.ere = flags & SE_RX_ERE;
    t.sed = (flags & SE_RX_SED) != 0;
    t.flags = flags;
    t.saved = xmalloc((len + 1) * sizeof *t.saved);
    t.index = xmalloc((len + 1) * sizeof *t.index);
    t.group_start = xmalloc((len + 1) * sizeof *t.group_start);
    t.open_at = xmalloc((len + 1) * 2 * sizeof *t.open_at);
    t.open_user = xmalloc((len + 1) * 2 * sizeof *t.open_user);
    t.ref_at = xmalloc((len + 1) * sizeof *t.ref_at);
    start_branch(&t);
    t.assert_at = -1;
    t.pure = 1;
    sb_put(&t.out, "", 0);
    sb_put(&t.cur, "", 0);
    const char *err = translate(&t);
    if (!err && t.hidden) {
        /* Number the groups as the libc will, and renumber the back-references written. */
        out->groupmap = xcalloc(t.nsub + 1, sizeof *out->groupmap);
        for (size_t k = 0; k < t.nopen; k++)
            if (t.open_user[k]) out->groupmap[t.open_user[k]] = k + 1;
        out->libc_nsub = t.nopen;
        for (size_t k = 0; k < t.nref && !err; k++) {
            size_t g = out->groupmap[t.out.p[t.ref_at[k]] - '0'];
            if (g > 9) err = "Regular expression too big";
            else t.out.p[t.ref_at[k]] = (char)('0' + g);
        }
        if (err) {
            free(out->groupmap);
            out->groupmap = NULL;
        }
    }
    free(t.saved);
    free(t.index);
    free(t.group_start);
    free(t.open_at);
    free(t.open_user);
    free(t.ref_at);
    end_run(&t);
    if (err) {
        free(t.out.p);
        free(t.cur.p);
        free(t.best.p);
        return err;
    }
    out->bre = t.out.p;
    out->bre_len = t.out.len;
    out->nsub = t.nsub;
    out->backrefs = t.backrefs;
    out->word_asserts = t.word_asserts;
    out->warning = t.warning;
    out->literal = t.pure;
    if (t.pure) {
        out->must = t.best.p ? t.best.p : xstrdup("");
        out->must_len = t.best.len;
    } else if (!t.alt0 && !t.no_must && t.best.len > 0) {
        out->must = t.best.p;
        out->must_len = t.best.len;
    } else {
        free(t.best.p);
    }
    free(t.cur.p);
    return NULL;
}

void se_rx_parts_free(se_rx_parts *p) {
    free(p->bre);
    free(p->must);
    free(p->groupmap);
    memset(p, 0, sizeof *p);
}

/* GNU's wording for the libc's error codes (only reached if the translator let something through). */
static const char *libc_error(int code) {
    switch (code) {
    case REG_EBRACK: return ERR_BRACK;
    case REG_EPAREN: return "Unmatched ( or \\(";
    case REG_EBRACE: return "Unmatched \\{";
    case REG_BADBR: return "Invalid content of \\{\\}";
    case REG_ERANGE: return "Invalid range end";
    case REG_ECTYPE: return "Invalid character class name";
    case REG_ESUBREG: return "Invalid back reference";
    case REG_EESCAPE: return "Trailing backslash";
    case REG_BADRPT: return "Invalid preceding regular expression";
    case REG_ESPACE: return "Memory exhausted";
    case REG_ECOLLATE: return "Invalid collation character";
    default: return "Invalid regular expression";
    }
}

/*
 * Builds ".\(BRE\)" with back-references renumbered, so a search can start
 * one byte early: the dot eats the previous byte, which \b and \< then see.
 * Returns NULL when a back-reference would become \10.
 */
static char *shifted_bre(const char *bre) {
    size_t n = strlen(bre);
    char *out = xmalloc(n + 8), *o = out;
    o += sprintf(o, ".\\(");
    for (size_t i = 0; i < n; i++) {
        if (bre[i] == '[') {
            /* Copy a bracket expression verbatim: backslashes in it are literal. */
            size_t j = i + 1;
            if (bre[j] == '^') j++;
            if (bre[j] == ']') j++;
            while (j < n && bre[j] != ']') j++;
            memcpy(o, bre + i, j - i + 1);
            o += j - i + 1;
            i = j;
            continue;
        }
        if (bre[i] == '\\' && i + 1 < n) {
            char d = bre[i + 1];
            *o++ = '\\';
            if (d >= '1' && d <= '9') {
                if (d == '9') {
                    free(out);
                    return NULL;
                }
                d++;
            }
            *o++ = d;
            i++;
            continue;
        }
        *o++ = bre[i];
    }
    strcpy(o, "\\)");
    return out;
}

const char *se_regex_compile_parts(se_regex *rx, se_rx_parts *parts, int flags) {
    rx->parts = *parts;
    memset(parts, 0, sizeof *parts);
    rx->flags = flags;
    int cflags = 0;
    if (flags & SE_RX_ICASE) cflags |= REG_ICASE;
    if (flags & SE_RX_NEWLINE) cflags |= REG_NEWLINE;
    int rc = regcomp(&rx->re, rx->parts.bre, cflags);
    if (rc != 0) {
        se_rx_parts_free(&rx->parts);
        return libc_error(rc);
    }
    rx->shifted = NULL;
    char *sh = rx->parts.word_asserts ? shifted_bre(rx->parts.bre) : NULL;
    if (sh) {
        rx->shifted = xmalloc(sizeof *rx->shifted);
        if (regcomp(rx->shifted, sh, cflags) != 0) {
            free(rx->shifted);
            rx->shifted = NULL;
        }
        free(sh);
    }
    rx->has_must = rx->parts.must && rx->parts.must_len > 0;
    if (rx->has_must) se_literal_init(&rx->must_lit, rx->parts.must, rx->parts.must_len, flags & SE_RX_ICASE);
    return NULL;
}

const char *se_regex_compile(se_regex *rx, const char *pat, size_t len, int flags) {
    se_rx_parts parts;
    const char *err = se_rx_translate(pat, len, flags, &parts);
    if (err) return err;
    return se_regex_compile_parts(rx, &parts, flags);
}

void se_regex_free(se_regex *rx) {
    regfree(&rx->re);
    if (rx->shifted) {
        regfree(rx->shifted);
        free(rx->shifted);
    }
    if (rx->has_must) se_literal_free(&rx->must_lit);
    se_rx_parts_free(&rx->parts);
}

static int run(const se_regex *rx, const char *subj, size_t base, size_t nmatch, regmatch_t *m, int eflags) {
    if (base > 0 && !((rx->flags & SE_RX_NEWLINE) && subj[base - 1] == '\n')) eflags |= REG_NOTBOL;
    int rc = regexec(&rx->re, subj + base, nmatch, m, eflags);
    if (rc == 0)
        for (size_t i = 0; i < nmatch; i++)
            if (m[i].rm_so >= 0) {
                m[i].rm_so += (regoff_t)base;
                m[i].rm_eo += (regoff_t)base;
            }
    return rc;
}

int se_regex_search(const se_regex *rx, char *s, size_t len, size_t start, size_t nmatch,
                    regmatch_t *m, int eflags) {
    regmatch_t one[1];
    if (nmatch == 0) {
        m = one;
        nmatch = 1;
    }
    const size_t *map = rx->parts.groupmap;
    if (map && nmatch > 1) {
        /* Hidden groups: match with the libc's numbering, then pick the caller's groups. */
        size_t n = rx->parts.libc_nsub + 1;
        regmatch_t *all = xmalloc(n * sizeof *all);
        se_regex plain = *rx;
        plain.parts.groupmap = NULL;
        int rc = se_regex_search(&plain, s, len, start, n, all, eflags);
        if (rc == 0)
            for (size_t i = 0; i < nmatch; i++) {
                size_t g = i == 0 ? 0 : i <= rx->parts.nsub ? map[i] : n;
                if (g < n) m[i] = all[g];
                else m[i].rm_so = m[i].rm_eo = -1;
            }
        free(all);
        return rc;
    }
    if (rx->has_must) {
        /* Every match contains the literal: no literal, no match; a plain string needs no regex. */
        const char *hit = se_literal_find(&rx->must_lit, s + start, len - start);
        if (!hit) return REG_NOMATCH;
        if (rx->parts.literal) {
            m[0].rm_so = (regoff_t)(hit - s);
            m[0].rm_eo = m[0].rm_so + (regoff_t)rx->parts.must_len;
            for (size_t i = 1; i < nmatch; i++) m[i].rm_so = m[i].rm_eo = -1;
            return 0;
        }
    }
    char saved = s[len];
    s[len] = 0;
    const char *subj = s;
    char *copy = NULL;
    if (memchr(s + start, 0, len - start)) {
        copy = xmalloc(len + 1);
        for (size_t i = 0; i < len; i++) copy[i] = s[i] ? s[i] : '\n';
        copy[len] = 0;
        subj = copy;
    }
    int rc;
    if (start > 0 && rx->shifted && nmatch <= 64) {
        /* Search ".\(BRE\)" from one byte early: group 1 is the match, and it saw the previous byte. */
        regmatch_t sm[65];
        size_t base = start - 1;
        int ef = eflags;
        if (base > 0 && !((rx->flags & SE_RX_NEWLINE) && subj[base - 1] == '\n')) ef |= REG_NOTBOL;
        rc = regexec(rx->shifted, subj + base, nmatch + 1, sm, ef);
        if (rc == 0)
            for (size_t i = 0; i < nmatch; i++) {
                m[i] = sm[i + 1];
                if (m[i].rm_so >= 0) {
                    m[i].rm_so += (regoff_t)base;
                    m[i].rm_eo += (regoff_t)base;
                }
            }
    } else {
        rc = run(rx, subj, start, nmatch, m, eflags);
    }
    free(copy);
    s[len] = saved;
    return rc;
}
