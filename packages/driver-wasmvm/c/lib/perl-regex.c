/*
 * perl-regex.c: grep -P's engine (see perl-regex.h). The pattern is parsed
 * into a tree, the tree is compiled into a small instruction list (a
 * repetition {m,n} emits its body m..n times), and a backtracking machine
 * runs it: a SPLIT pushes its second choice, a failure pops the newest
 * choice, restoring captures on the way. Lookarounds and atomic groups run
 * their body as a separate match. A star whose body matched nothing stops
 * looping, and a step limit stops runaway backtracking.
 */
#include "perl-regex.h"
#include "common.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INSTS 20000
#define STEP_LIMIT 20000000UL

/* ---- tree ---- */

enum {
    P_CHAR, P_SET, P_BOL, P_EOL, P_WORDB, P_NWORDB, P_BEGIN, P_END, P_ENDNL, P_BACKREF, P_KEEP,
    P_GROUP, P_LOOK, P_ATOMIC, P_ALT, P_SEQ, P_REPEAT,
};

typedef struct pnode {
    int type;
    int a, b;              /* CHAR: byte; SET: set; GROUP: capture (-1 none); BACKREF: n; REPEAT: min, max (-1) */
    int mode;              /* REPEAT: 0 greedy, 1 lazy, 2 possessive; LOOK: 0 (?= 1 (?! 2 (?<= 3 (?<! */
    struct pnode **kids;
    int nkids;
} pnode;

typedef struct inst {
    int op, x, y;
} inst;

enum {
    O_CHAR, O_SET, O_SPLIT, O_JMP, O_SAVE, O_BOL, O_EOL, O_WORDB, O_NWORDB, O_BEGIN, O_END, O_ENDNL,
    O_BACKREF, O_LOOK, O_ATOMIC, O_KEEP, O_MARK, O_CHECK, O_MATCH,
};

struct perl_regex {
    inst *code;
    int ncode;
    unsigned char (*sets)[32];
    int nsets;
    int ncap;              /* capture groups (group 0 excluded) */
    int nregs;             /* loop-progress registers */
    int (*looks)[2];       /* lookbehind min and max length */
    int nlooks;
    int icase;
};

typedef struct parser {
    const char *p, *end;
    int icase;
    perl_regex *re;
    const char *err;
} parser;

static pnode *node(int type) {
    pnode *n = xcalloc(1, sizeof *n);
    n->type = type;
    return n;
}

static void add_kid(pnode *n, pnode *k) {
    n->kids = xrealloc(n->kids, (size_t)(n->nkids + 1) * sizeof *n->kids);
    n->kids[n->nkids++] = k;
}

static void free_tree(pnode *n) {
    if (!n) return;
    for (int i = 0; i < n->nkids; i++) free_tree(n->kids[i]);
    free(n->kids);
    free(n);
}

static void bit_add(unsigned char *s, int c) { s[c >> 3] |= (unsigned char)(1u << (c & 7)); }
static int bit_has(const unsigned char *s, int c) { return s[c >> 3] & (1u << (c & 7)); }

static pnode *set_node(parser *ps, unsigned char *bits) {
    perl_regex *re = ps->re;
    if (ps->icase)
        for (int c = 'a'; c <= 'z'; c++)
            if (bit_has(bits, c) || bit_has(bits, c - 32)) bit_add(bits, c), bit_add(bits, c - 32);
    if ((re->nsets & 31) == 0) re->sets = xrealloc(re->sets, (size_t)(re->nsets + 32) * sizeof *re->sets);
    memcpy(re->sets[re->nsets], bits, 32);
    pnode *n = node(P_SET);
    n->a = re->nsets++;
    return n;
}

static pnode *char_node(parser *ps, int c) {
    if (ps->icase && isalpha(c)) {
        unsigned char bits[32] = {0};
        bit_add(bits, c);
        return set_node(ps, bits);
    }
    pnode *n = node(P_CHAR);
    n->a = c;
    return n;
}

static pnode *fail(parser *ps, const char *msg) {
    if (!ps->err) ps->err = msg;
    return NULL;
}

/* Adds the class of escape letter e (d D w W s S h H v V) to bits; 0 if e is not one. */
static int class_escape(int e, unsigned char *bits) {
    int neg = isupper(e);
    int base = tolower(e);
    if (!strchr("dwshv", base)) return 0;
    for (int c = 0; c < 256; c++) {
        int in = base == 'd' ? isdigit(c) != 0
               : base == 'w' ? (isalnum(c) || c == '_')
               : base == 's' ? (c == ' ' || (c >= '\t' && c <= '\r'))
               : base == 'h' ? (c == ' ' || c == '\t')
                             : (c >= '\n' && c <= '\r');
        if (in != neg) bit_add(bits, c);
    }
    return 1;
}

static int hexval(int c) { return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10; }

/* A character escape after the backslash (at ps->p): returns the byte, or -1 if it is not one. */
static int char_escape(parser *ps) {
    int e = (unsigned char)*ps->p;
    switch (e) {
    case 't': ps->p++; return '\t';
    case 'n': ps->p++; return '\n';
    case 'r': ps->p++; return '\r';
    case 'f': ps->p++; return '\f';
    case 'e': ps->p++; return 27;
    case 'a': ps->p++; return 7;
    case 'c':
        if (ps->end - ps->p < 2) return -1;
        ps->p += 2;
        return toupper((unsigned char)ps->p[-1]) ^ 0x40;
    case 'x': {
        ps->p++;
        int v = 0, n = 0;
        if (ps->p < ps->end && *ps->p == '{') {
            ps->p++;
            while (ps->p < ps->end && isxdigit((unsigned char)*ps->p)) v = v * 16 + hexval((unsigned char)*ps->p++);
            if (ps->p < ps->end && *ps->p == '}') ps->p++;
            return v & 0xff;
        }
        while (n < 2 && ps->p < ps->end && isxdigit((unsigned char)*ps->p)) v = v * 16 + hexval((unsigned char)*ps->p++), n++;
        return v;
    }
    case '0': {
        ps->p++;
        int v = 0, n = 0;
        while (n < 2 && ps->p < ps->end && *ps->p >= '0' && *ps->p <= '7') v = v * 8 + (*ps->p++ - '0'), n++;
        return v;
    }
    default:
        if (!isalnum(e)) {
            ps->p++;
            return e;
        }
        return -1;
    }
}

static pnode *parse_alt(parser *ps);

static pnode *parse_class(parser *ps) {
    unsigned char bits[32] = {0};
    int neg = 0, first = 1;
    if (ps->p < ps->end && *ps->p == '^') neg = 1, ps->p++;
    for (;;) {
        if (ps->p >= ps->end) return fail(ps, "missing terminating ] for character class");
        int c = (unsigned char)*ps->p;
        if (c == ']' && !first) {
            ps->p++;
            break;
        }
        first = 0;
        int lo;
        if (c == '[' && ps->p + 1 < ps->end && ps->p[1] == ':') {
            const char *q = strstr(ps->p + 2, ":]");
            if (!q || q >= ps->end) return fail(ps, "missing terminating ] for character class");
            char name[16] = {0};
            size_t n = (size_t)(q - (ps->p + 2));
            if (n >= sizeof name) return fail(ps, "unknown POSIX class name");
            memcpy(name, ps->p + 2, n);
            int (*fn)(int) = NULL;
            if (!strcmp(name, "alpha")) fn = isalpha;
            else if (!strcmp(name, "digit")) fn = isdigit;
            else if (!strcmp(name, "alnum")) fn = isalnum;
            else if (!strcmp(name, "upper")) fn = isupper;
            else if (!strcmp(name, "lower")) fn = islower;
            else if (!strcmp(name, "space")) fn = isspace;
            else if (!strcmp(name, "punct")) fn = ispunct;
            else if (!strcmp(name, "print")) fn = isprint;
            else if (!strcmp(name, "graph")) fn = isgraph;
            else if (!strcmp(name, "cntrl")) fn = iscntrl;
            else if (!strcmp(name, "xdigit")) fn = isxdigit;
            else if (!strcmp(name, "blank")) fn = isblank;
            else if (!strcmp(name, "word")) fn = NULL;
            else return fail(ps, "unknown POSIX class name");
            for (int x = 0; x < 128; x++)
                if (fn ? fn(x) : (isalnum(x) || x == '_')) bit_add(bits, x);
            ps->p = q + 2;
            continue;
        }
        ps->p++;
        if (c == '\\') {
            if (ps->p >= ps->end) return fail(ps, "\\ at end of pattern");
            if (class_escape((unsigned char)*ps->p, bits)) {
                ps->p++;
                continue;
            }
            if (*ps->p == 'b') {
                ps->p++;
                lo = '\b';
            } else if ((lo = char_escape(ps)) < 0) {
                return fail(ps, "unrecognized character follows \\");
            }
        } else {
            lo = c;
        }
        int hi = lo;
        if (ps->p + 1 < ps->end && *ps->p == '-' && ps->p[1] != ']') {
            ps->p++;
            int d = (unsigned char)*ps->p++;
            if (d == '\\') {
                if (ps->p >= ps->end) return fail(ps, "\\ at end of pattern");
                if ((hi = char_escape(ps)) < 0) return fail(ps, "invalid range in character class");
            } else {
                hi = d;
            }
            if (hi < lo) return fail(ps, "range out of order in character class");
        }
        for (int x = lo; x <= hi; x++) bit_add(bits, x);
    }
    if (neg) {
        if (ps->icase)
            for (int c = 'a'; c <= 'z'; c++)
                if (bit_has(bits, c) || bit_has(bits, c - 32)) bit_add(bits, c), bit_add(bits, c - 32);
        for (int i = 0; i < 32; i++) bits[i] = (unsigned char)~bits[i];
    }
    return set_node(ps, bits);
}

static pnode *parse_group(parser *ps) {
    pnode *g;
    int capture = 0;
    if (ps->p < ps->end && *ps->p == '?') {
        ps->p++;
        int c = ps->p < ps->end ? (unsigned char)*ps->p : 0;
        if (c == ':') {
            ps->p++;
            g = node(P_GROUP);
            g->a = -1;
        } else if (c == '=' || c == '!') {
            ps->p++;
            g = node(P_LOOK);
            g->mode = c == '=' ? 0 : 1;
        } else if (c == '<' && ps->p + 1 < ps->end && (ps->p[1] == '=' || ps->p[1] == '!')) {
            g = node(P_LOOK);
            g->mode = ps->p[1] == '=' ? 2 : 3;
            ps->p += 2;
        } else if (c == '>') {
            ps->p++;
            g = node(P_ATOMIC);
        } else if (c == '<' || c == '\'' || (c == 'P' && ps->p + 1 < ps->end && ps->p[1] == '<')) {
            /* A named group: (?<name>...), (?'name'...) or (?P<name>...). */
            char close = c == '\'' ? '\'' : '>';
            const char *q = memchr(ps->p + 1, close, (size_t)(ps->end - ps->p - 1));
            if (!q) return fail(ps, "syntax error in subpattern name (missing terminator?)");
            ps->p = q + 1;
            capture = 1;
            g = node(P_GROUP);
        } else {
            /* Flags: (?i) (?-i) (?i:...) with i, s, m (s and m change nothing on single lines). */
            int on = 1, icase = ps->icase;
            while (ps->p < ps->end && strchr("ism-", *ps->p)) {
                if (*ps->p == '-') on = 0;
                else if (*ps->p == 'i') icase = on;
                ps->p++;
            }
            if (ps->p < ps->end && *ps->p == ')') {
                ps->p++;
                ps->icase = icase;
                return node(P_SEQ); /* applies to the rest of the enclosing group */
            }
            if (ps->p < ps->end && *ps->p == ':') {
                ps->p++;
                int saved = ps->icase;
                ps->icase = icase;
                pnode *inner = parse_alt(ps);
                ps->icase = saved;
                if (!inner) return NULL;
                if (ps->p >= ps->end || *ps->p != ')') {
                    free_tree(inner);
                    return fail(ps, "missing closing parenthesis");
                }
                ps->p++;
                g = node(P_GROUP);
                g->a = -1;
                add_kid(g, inner);
                return g;
            }
            return fail(ps, "unrecognized character after (? or (?-");
        }
    } else {
        capture = 1;
        g = node(P_GROUP);
    }
    if (capture) g->a = ++ps->re->ncap;
    int saved = ps->icase;
    pnode *inner = parse_alt(ps);
    ps->icase = saved;
    if (!inner) {
        free_tree(g);
        return NULL;
    }
    add_kid(g, inner);
    if (ps->p >= ps->end || *ps->p != ')') {
        free_tree(g);
        return fail(ps, "missing closing parenthesis");
    }
    ps->p++;
    return g;
}

/* Parses one atom; *quantifiable says whether a quantifier may follow. */
static pnode *parse_atom(parser *ps, int *quantifiable) {
    *quantifiable = 1;
    int c = (unsigned char)*ps->p++;
    unsigned char bits[32] = {0};
    switch (c) {
    case '(': return parse_group(ps);
    case '[': return parse_class(ps);
    case '.':
        for (int x = 0; x < 256; x++)
            if (x != '\n') bit_add(bits, x);
        return set_node(ps, bits);
    case '^': *quantifiable = 0; return node(P_BOL);
    case '$': *quantifiable = 0; return node(P_EOL);
    case '*': case '+': case '?': return fail(ps, "quantifier does not follow a repeatable item");
    case '\\': {
        if (ps->p >= ps->end) return fail(ps, "\\ at end of pattern");
        int e = (unsigned char)*ps->p;
        if (class_escape(e, bits)) {
            ps->p++;
            return set_node(ps, bits);
        }
        pnode *n;
        switch (e) {
        case 'b': ps->p++; *quantifiable = 0; return node(P_WORDB);
        case 'B': ps->p++; *quantifiable = 0; return node(P_NWORDB);
        case 'A': ps->p++; *quantifiable = 0; return node(P_BEGIN);
        case 'z': ps->p++; *quantifiable = 0; return node(P_END);
        case 'Z': ps->p++; *quantifiable = 0; return node(P_ENDNL);
        case 'G': ps->p++; *quantifiable = 0; return node(P_BEGIN);
        case 'K': ps->p++; *quantifiable = 0; return node(P_KEEP);
        case 'Q': {
            ps->p++;
            n = node(P_SEQ);
            while (ps->p < ps->end && !(ps->end - ps->p >= 2 && ps->p[0] == '\\' && ps->p[1] == 'E'))
                add_kid(n, char_node(ps, (unsigned char)*ps->p++));
            if (ps->p < ps->end) ps->p += 2;
            return n;
        }
        case 'E': ps->p++; *quantifiable = 0; return node(P_SEQ);
        case 'g': {
            ps->p++;
            int brace = ps->p < ps->end && *ps->p == '{';
            if (brace) ps->p++;
            if (ps->p >= ps->end || !isdigit((unsigned char)*ps->p)) return fail(ps, "a numbered reference must not be zero");
            n = node(P_BACKREF);
            while (ps->p < ps->end && isdigit((unsigned char)*ps->p)) n->a = n->a * 10 + (*ps->p++ - '0');
            if (brace && ps->p < ps->end && *ps->p == '}') ps->p++;
            return n;
        }
        }
        if (e >= '1' && e <= '9') {
            n = node(P_BACKREF);
            while (ps->p < ps->end && isdigit((unsigned char)*ps->p)) n->a = n->a * 10 + (*ps->p++ - '0');
            return n;
        }
        int v = char_escape(ps);
        if (v < 0) return fail(ps, "unrecognized character follows \\");
        return char_node(ps, v);
    }
    default: return char_node(ps, c);
    }
}

/* Parses {m}, {m,}, {m,n} at ps->p (just past '{'); 0 if it is not a quantifier (then '{' is literal). */
static int parse_braces(parser *ps, int *lo, int *hi) {
    const char *q = ps->p;
    if (q >= ps->end || !isdigit((unsigned char)*q)) return 0;
    long a = 0, b;
    while (q < ps->end && isdigit((unsigned char)*q)) a = a * 10 + (*q++ - '0');
    b = a;
    if (q < ps->end && *q == ',') {
        q++;
        if (q < ps->end && isdigit((unsigned char)*q)) {
            b = 0;
            while (q < ps->end && isdigit((unsigned char)*q)) b = b * 10 + (*q++ - '0');
        } else {
            b = -1;
        }
    }
    if (q >= ps->end || *q != '}') return 0;
    if (a > 65535 || b > 65535) {
        ps->err = "number too big in {} quantifier";
        return 0;
    }
    ps->p = q + 1;
    *lo = (int)a;
    *hi = (int)b;
    return 1;
}

static pnode *parse_seq(parser *ps) {
    pnode *seq = node(P_SEQ);
    while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
        int quantifiable;
        pnode *atom = parse_atom(ps, &quantifiable);
        if (!atom) {
            free_tree(seq);
            return NULL;
        }
        for (int reps = 0;; reps++) {
            int lo, hi;
            if (ps->p >= ps->end) break;
            char c = *ps->p;
            if (c == '*') lo = 0, hi = -1, ps->p++;
            else if (c == '+') lo = 1, hi = -1, ps->p++;
            else if (c == '?') lo = 0, hi = 1, ps->p++;
            else if (c == '{') {
                ps->p++;
                if (!parse_braces(ps, &lo, &hi)) {
                    ps->p--;
                    if (ps->err) {
                        free_tree(atom);
                        free_tree(seq);
                        return NULL;
                    }
                    break;
                }
                if (hi >= 0 && hi < lo) {
                    free_tree(atom);
                    free_tree(seq);
                    return fail(ps, "numbers out of order in {} quantifier");
                }
            } else break;
            if (reps > 0 || !quantifiable) {
                free_tree(atom);
                free_tree(seq);
                return fail(ps, "quantifier does not follow a repeatable item");
            }
            pnode *r = node(P_REPEAT);
            r->a = lo;
            r->b = hi;
            if (ps->p < ps->end && *ps->p == '?') r->mode = 1, ps->p++;
            else if (ps->p < ps->end && *ps->p == '+') r->mode = 2, ps->p++;
            add_kid(r, atom);
            atom = r;
        }
        add_kid(seq, atom);
    }
    return seq;
}

static pnode *parse_alt(parser *ps) {
    pnode *first = parse_seq(ps);
    if (!first) return NULL;
    if (ps->p >= ps->end || *ps->p != '|') return first;
    pnode *alt = node(P_ALT);
    add_kid(alt, first);
    while (ps->p < ps->end && *ps->p == '|') {
        ps->p++;
        pnode *next = parse_seq(ps);
        if (!next) {
            free_tree(alt);
            return NULL;
        }
        add_kid(alt, next);
    }
    return alt;
}

/* Length range of what n matches (max -1: unbounded). */
static void length_range(const pnode *n, long *mn, long *mx) {
    long a = 0, b = 0;
    switch (n->type) {
    case P_CHAR: case P_SET: a = b = 1; break;
    case P_BACKREF: a = 0; b = -1; break;
    case P_GROUP: case P_ATOMIC: length_range(n->kids[0], &a, &b); break;
    case P_SEQ:
        for (int i = 0; i < n->nkids; i++) {
            long x, y;
            length_range(n->kids[i], &x, &y);
            a += x;
            b = b < 0 || y < 0 ? -1 : b + y;
        }
        break;
    case P_ALT:
        a = -1;
        for (int i = 0; i < n->nkids; i++) {
            long x, y;
            length_range(n->kids[i], &x, &y);
            if (a < 0 || x < a) a = x;
            if (y < 0 || b < 0) b = -1;
            else if (y > b) b = y;
        }
        if (a < 0) a = 0;
        break;
    case P_REPEAT: {
        long x, y;
        length_range(n->kids[0], &x, &y);
        a = x * n->a;
        b = n->b < 0 || y < 0 ? (y == 0 ? 0 : -1) : y * n->b;
        break;
    }
    default: a = b = 0;
    }
    *mn = a;
    *mx = b;
}

/* ---- code ---- */

typedef struct gen {
    perl_regex *re;
    int cap;
    const char *err;
} gen;

static int emit(gen *g, int op, int x, int y) {
    perl_regex *re = g->re;
    if (re->ncode >= MAX_INSTS) {
        g->err = "regular expression is too large";
        return re->ncode - 1;
    }
    if (re->ncode == g->cap) re->code = xrealloc(re->code, (size_t)(g->cap = g->cap * 2 + 64) * sizeof *re->code);
    re->code[re->ncode].op = op;
    re->code[re->ncode].x = x;
    re->code[re->ncode].y = y;
    return re->ncode++;
}

static void gen_node(gen *g, const pnode *n);

static void gen_repeat_body(gen *g, const pnode *kid) {
    int reg = g->re->nregs++;
    emit(g, O_MARK, reg, 0);
    gen_node(g, kid);
    emit(g, O_CHECK, reg, 0);
}

static void gen_node(gen *g, const pnode *n) {
    if (g->err) return;
    perl_regex *re = g->re;
    switch (n->type) {
    case P_CHAR: emit(g, O_CHAR, n->a, 0); break;
    case P_SET: emit(g, O_SET, n->a, 0); break;
    case P_BOL: emit(g, O_BOL, 0, 0); break;
    case P_EOL: emit(g, O_EOL, 0, 0); break;
    case P_WORDB: emit(g, O_WORDB, 0, 0); break;
    case P_NWORDB: emit(g, O_NWORDB, 0, 0); break;
    case P_BEGIN: emit(g, O_BEGIN, 0, 0); break;
    case P_END: emit(g, O_END, 0, 0); break;
    case P_ENDNL: emit(g, O_ENDNL, 0, 0); break;
    case P_KEEP: emit(g, O_KEEP, 0, 0); break;
    case P_BACKREF: emit(g, O_BACKREF, n->a, 0); break;
    case P_SEQ:
        for (int i = 0; i < n->nkids; i++) gen_node(g, n->kids[i]);
        break;
    case P_GROUP:
        if (n->a > 0) emit(g, O_SAVE, 2 * n->a, 0);
        gen_node(g, n->kids[0]);
        if (n->a > 0) emit(g, O_SAVE, 2 * n->a + 1, 0);
        break;
    case P_ALT: {
        int *jumps = xmalloc((size_t)n->nkids * sizeof *jumps);
        for (int i = 0; i < n->nkids; i++) {
            int split = i + 1 < n->nkids ? emit(g, O_SPLIT, 0, 0) : -1;
            if (split >= 0) re->code[split].x = re->ncode;
            gen_node(g, n->kids[i]);
            jumps[i] = i + 1 < n->nkids ? emit(g, O_JMP, 0, 0) : -1;
            if (split >= 0) re->code[split].y = re->ncode;
        }
        for (int i = 0; i + 1 < n->nkids; i++) re->code[jumps[i]].x = re->ncode;
        free(jumps);
        break;
    }
    case P_LOOK:
    case P_ATOMIC: {
        int idx = 0;
        if (n->type == P_LOOK && n->mode >= 2) {
            long mn, mx;
            length_range(n->kids[0], &mn, &mx);
            if (mx < 0) {
                g->err = "lookbehind assertion is not fixed length";
                return;
            }
            re->looks = xrealloc(re->looks, (size_t)(re->nlooks + 1) * sizeof *re->looks);
            re->looks[re->nlooks][0] = (int)mn;
            re->looks[re->nlooks][1] = (int)mx;
            idx = re->nlooks++;
        }
        /* LOOK/ATOMIC, then a jump over the body, which ends in its own MATCH. */
        emit(g, n->type == P_LOOK ? O_LOOK : O_ATOMIC, n->type == P_LOOK ? n->mode : 0, idx);
        int jmp = emit(g, O_JMP, 0, 0);
        gen_node(g, n->kids[0]);
        emit(g, O_MATCH, 0, 0);
        re->code[jmp].x = re->ncode;
        break;
    }
    case P_REPEAT: {
        if (n->mode == 2) {
            /* Possessive: the greedy repetition inside an atomic group. */
            pnode tmp = *n;
            tmp.mode = 0;
            emit(g, O_ATOMIC, 0, 0);
            int jmp = emit(g, O_JMP, 0, 0);
            gen_node(g, &tmp);
            emit(g, O_MATCH, 0, 0);
            re->code[jmp].x = re->ncode;
            break;
        }
        const pnode *kid = n->kids[0];
        int lazy = n->mode == 1;
        for (int i = 0; i < n->a && !g->err; i++) gen_node(g, kid);
        if (n->b < 0) {
            int loop = emit(g, O_SPLIT, 0, 0);
            int body = re->ncode;
            gen_repeat_body(g, kid);
            emit(g, O_JMP, loop, 0);
            int out = re->ncode;
            re->code[loop].x = lazy ? out : body;
            re->code[loop].y = lazy ? body : out;
        } else {
            int count = n->b - n->a;
            int *splits = xmalloc((size_t)(count + 1) * sizeof *splits);
            for (int i = 0; i < count && !g->err; i++) {
                splits[i] = emit(g, O_SPLIT, 0, 0);
                re->code[splits[i]].x = re->ncode; /* provisional: body */
                gen_node(g, kid);
            }
            int out = re->ncode;
            for (int i = 0; i < count && !g->err; i++) {
                int body = splits[i] + 1;
                re->code[splits[i]].x = lazy ? out : body;
                re->code[splits[i]].y = lazy ? body : out;
            }
            free(splits);
        }
        break;
    }
    }
}

const char *perl_regex_compile(perl_regex **out, const char *pat, size_t len, int icase) {
    perl_regex *re = xcalloc(1, sizeof *re);
    re->icase = icase;
    parser ps = {pat, pat + len, icase, re, NULL};
    pnode *tree = parse_alt(&ps);
    if (tree && ps.p < ps.end) {
        free_tree(tree);
        tree = NULL;
        ps.err = *ps.p == ')' ? "unmatched closing parenthesis" : "internal error";
    }
    if (!tree) {
        perl_regex_free(re);
        return ps.err ? ps.err : "internal error";
    }
    gen g = {re, 0, NULL};
    emit(&g, O_SAVE, 0, 0);
    gen_node(&g, tree);
    emit(&g, O_SAVE, 1, 0);
    emit(&g, O_MATCH, 0, 0);
    free_tree(tree);
    if (g.err) {
        perl_regex_free(re);
        return g.err;
    }
    *out = re;
    return NULL;
}

void perl_regex_free(perl_regex *re) {
    if (!re) return;
    free(re->code);
    free(re->sets);
    free(re->looks);
    free(re);
}

/* ---- matching ---- */

enum { BT_BRANCH, BT_CAP, BT_REG, BT_KEEP };

typedef struct bt {
    int kind, a;
    long b;
} bt;

typedef struct vm {
    const perl_regex *re;
    const unsigned char *s;
    long len;
    long *caps;
    long *regs;
    long keep;
    bt *stack;
    size_t sp, cap;
    unsigned long steps;
} vm;

static void push(vm *v, int kind, int a, long b) {
    if (v->sp == v->cap) v->stack = xrealloc(v->stack, (v->cap = v->cap * 2 + 256) * sizeof *v->stack);
    v->stack[v->sp].kind = kind;
    v->stack[v->sp].a = a;
    v->stack[v->sp++].b = b;
}

static int is_word_at(vm *v, long i) { return i >= 0 && i < v->len && (isalnum(v->s[i]) || v->s[i] == '_'); }

/*
 * Runs the program from pc at pos. target >= 0: the match must end exactly
 * there (lookbehind). Returns 1 with *end, 0, or -1 at the step limit.
 */
static int run(vm *v, int pc, long pos, long target, long *end) {
    const inst *code = v->re->code;
    size_t base = v->sp;
    for (;;) {
        if (++v->steps > STEP_LIMIT) return -1;
        const inst *in = &code[pc];
        int ok = 1;
        switch (in->op) {
        case O_CHAR: ok = pos < v->len && v->s[pos] == in->x; pos++, pc++; break;
        case O_SET: ok = pos < v->len && bit_has(v->re->sets[in->x], v->s[pos]); pos++, pc++; break;
        case O_SPLIT: push(v, BT_BRANCH, in->y, pos); pc = in->x; break;
        case O_JMP: pc = in->x; break;
        case O_SAVE: push(v, BT_CAP, in->x, v->caps[in->x]); v->caps[in->x] = pos; pc++; break;
        case O_BOL: case O_BEGIN: ok = pos == 0; pc++; break;
        case O_EOL: case O_END: case O_ENDNL: ok = pos == v->len; pc++; break;
        case O_WORDB: ok = is_word_at(v, pos - 1) != is_word_at(v, pos); pc++; break;
        case O_NWORDB: ok = is_word_at(v, pos - 1) == is_word_at(v, pos); pc++; break;
        case O_KEEP: push(v, BT_KEEP, 0, v->keep); v->keep = pos; pc++; break;
        case O_MARK: push(v, BT_REG, in->x, v->regs[in->x]); v->regs[in->x] = pos; pc++; break;
        case O_CHECK: ok = pos != v->regs[in->x]; pc++; break;
        case O_BACKREF: {
            long so = in->x <= v->re->ncap ? v->caps[2 * in->x] : -1, eo = in->x <= v->re->ncap ? v->caps[2 * in->x + 1] : -1;
            if (so < 0 || eo < so) {
                ok = 0;
                break;
            }
            long n = eo - so;
            ok = pos + n <= v->len;
            for (long i = 0; ok && i < n; i++) {
                unsigned char a = v->s[so + i], b = v->s[pos + i];
                ok = a == b || (v->re->icase && tolower(a) == tolower(b));
            }
            pos += n;
            pc++;
            break;
        }
        case O_LOOK: {
            long e;
            int r = 0;
            long keep = v->keep;
            if (in->x < 2) {
                r = run(v, pc + 2, pos, -1, &e);
            } else {
                int mn = v->re->looks[in->y][0], mx = v->re->looks[in->y][1];
                for (long k = mn; k <= mx && r == 0; k++)
                    if (pos - k >= 0) r = run(v, pc + 2, pos - k, pos, &e);
            }
            v->keep = keep;
            if (r < 0) return -1;
            ok = (in->x & 1) ? !r : r;
            pc++;
            break;
        }
        case O_ATOMIC: {
            long e;
            int r = run(v, pc + 2, pos, -1, &e);
            if (r < 0) return -1;
            ok = r;
            if (r) pos = e;
            pc++;
            break;
        }
        case O_MATCH:
            if (target < 0 || pos == target) {
                *end = pos;
                /* Keep the captures and \K of this path; drop its choices. */
                size_t keepn = base;
                for (size_t i = base; i < v->sp; i++)
                    if (v->stack[i].kind != BT_BRANCH) v->stack[keepn++] = v->stack[i];
                v->sp = keepn;
                return 1;
            }
            ok = 0;
            break;
        }
        if (ok) continue;
        /* Backtrack to the newest choice of this run. */
        for (;;) {
            if (v->sp == base) return 0;
            bt *b = &v->stack[--v->sp];
            if (b->kind == BT_BRANCH) {
                pc = b->a;
                pos = b->b;
                break;
            }
            if (b->kind == BT_CAP) v->caps[b->a] = b->b;
            else if (b->kind == BT_REG) v->regs[b->a] = b->b;
            else v->keep = b->b;
        }
    }
}

int perl_regex_search(perl_regex *re, const char *s, size_t len, size_t start, size_t *so, size_t *eo) {
    vm v;
    memset(&v, 0, sizeof v);
    v.re = re;
    v.s = (const unsigned char *)s;
    v.len = (long)len;
    size_t ncaps = 2 * (size_t)(re->ncap + 1);
    v.caps = xmalloc(ncaps * sizeof *v.caps);
    v.regs = xmalloc(((size_t)re->nregs + 1) * sizeof *v.regs);
    int first_char = re->code[1].op == O_CHAR ? re->code[1].x : -1;
    int result = 0;
    for (size_t pos = start; pos <= len; pos++) {
        if (first_char >= 0) {
            const char *hit = memchr(s + pos, first_char, len - pos);
            if (!hit) break;
            pos = (size_t)(hit - s);
        }
        for (size_t i = 0; i < ncaps; i++) v.caps[i] = -1;
        for (int i = 0; i < re->nregs; i++) v.regs[i] = -1;
        v.keep = -1;
        v.sp = 0;
        long end;
        int r = run(&v, 0, (long)pos, -1, &end);
        if (r < 0) {
            result = -1;
            break;
        }
        if (r) {
            *so = v.keep >= 0 ? (size_t)v.keep : pos;
            *eo = (size_t)end;
            result = 1;
            break;
        }
    }
    free(v.caps);
    free(v.regs);
    free(v.stack);
    return result;
}
