/*
 * grep-dfa.c: the lazy DFA of grep-dfa.h.
 *
 * NFA: Thompson construction over byte sets. A node is a byte-set step, a
 * split (two epsilon edges), a line-start or line-end assertion, or the
 * match. DFA state: the sorted set of NFA nodes reached (byte-set steps,
 * pending line-end assertions and the match), with a 256-entry transition
 * row filled on demand. Searching is unanchored: the start closure joins
 * every step. When the state cache fills up it is cleared and rebuilt from
 * the current set, so memory stays bounded whatever the input.
 */
#include "grep-dfa.h"
#include "common.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { N_SET, N_SPLIT, N_BOL, N_EOL, N_MATCH };

#define MAX_NODES 4000
#define MAX_STATES 600

typedef struct nfa_node {
    int kind;
    int set;               /* N_SET: index into sets */
    int out, out2;         /* next nodes (-1: none yet) */
} nfa_node;

typedef struct dfa_state {
    int *nodes;
    int n;
    unsigned hash;
    int accepting;         /* the match is reached */
    int accept_at_eol;     /* the match is reached if the line ends here */
} dfa_state;

struct grep_dfa {
    nfa_node *node;
    int nnodes, start;
    unsigned char (*sets)[32];
    int nsets;
    int icase;
    unsigned char eol;
    dfa_state *states;
    int nstates;
    int *trans;            /* trans[state * 256 + byte]: next state, -1 not computed yet */
    unsigned char *accepting; /* per state: the match is reached */
    int *table;            /* hash table of state indices (-1: empty) */
    int tsize;
    int line_start;        /* state at the start of a line */
    int *seen, *stack, *tmp;
    int mark;
};

/* ---- NFA construction ---- */

typedef struct frag {
    int start;
    int *outs;             /* dangling out slots: node index * 2 + (0: out, 1: out2) */
    int nouts;
} frag;

typedef struct builder {
    grep_dfa *d;
    const char *p, *end;
    int failed;
} builder;

static int new_node(builder *b, int kind, int set) {
    grep_dfa *d = b->d;
    if (d->nnodes >= MAX_NODES) {
        b->failed = 1;
        return 0;
    }
    if ((d->nnodes & 63) == 0) d->node = xrealloc(d->node, (size_t)(d->nnodes + 64) * sizeof *d->node);
    nfa_node *n = &d->node[d->nnodes];
    n->kind = kind;
    n->set = set;
    n->out = n->out2 = -1;
    return d->nnodes++;
}

static int new_set(builder *b, const unsigned char *bits) {
    grep_dfa *d = b->d;
    if ((d->nsets & 63) == 0) d->sets = xrealloc(d->sets, (size_t)(d->nsets + 64) * sizeof *d->sets);
    memcpy(d->sets[d->nsets], bits, 32);
    return d->nsets++;
}

static frag single(builder *b, int node, int slots) {
    frag f;
    f.start = node;
    f.outs = xmalloc(2 * sizeof *f.outs);
    f.nouts = 0;
    f.outs[f.nouts++] = node * 2;
    if (slots == 2) f.outs[f.nouts++] = node * 2 + 1;
    return f;
}

static void patch(builder *b, frag *f, int to) {
    for (int i = 0; i < f->nouts; i++) {
        nfa_node *n = &b->d->node[f->outs[i] / 2];
        if (f->outs[i] & 1) n->out2 = to;
        else n->out = to;
    }
    f->nouts = 0;
}

static void join_outs(frag *a, frag *c) {
    a->outs = xrealloc(a->outs, (size_t)(a->nouts + c->nouts + 1) * sizeof *a->outs);
    memcpy(a->outs + a->nouts, c->outs, (size_t)c->nouts * sizeof *c->outs);
    a->nouts += c->nouts;
    free(c->outs);
}

/* An empty fragment: a split node whose both edges continue (used for empty branches). */
static frag empty_frag(builder *b) {
    int n = new_node(b, N_SPLIT, 0);
    frag f = single(b, n, 1);
    if (!b->failed) b->d->node[n].out2 = -2; /* -2: unused edge */
    return f;
}

static void set_add(unsigned char *bits, int c) { bits[c >> 3] |= (unsigned char)(1u << (c & 7)); }
static int set_has(const unsigned char *bits, int c) { return bits[c >> 3] & (1u << (c & 7)); }

static frag set_frag(builder *b, unsigned char *bits) {
    if (b->d->icase)
        for (int c = 'a'; c <= 'z'; c++)
            if (set_has(bits, c) || set_has(bits, c - 32)) set_add(bits, c), set_add(bits, c - 32);
    return single(b, new_node(b, N_SET, new_set(b, bits)), 1);
}

static frag parse_alt(builder *b);

/* Parses one atom; returns 0 (and b->failed) when unsupported. */
static int parse_atom(builder *b, frag *out) {
    unsigned char bits[32];
    memset(bits, 0, sizeof bits);
    int c = (unsigned char)*b->p++;
    if (c == '.') {
        memset(bits, 0xff, sizeof bits);
        bits[b->d->eol >> 3] &= (unsigned char)~(1u << (b->d->eol & 7));
        *out = set_frag(b, bits);
        return 1;
    }
    if (c == '^') {
        *out = single(b, new_node(b, N_BOL, 0), 1);
        return 1;
    }
    if (c == '$') {
        *out = single(b, new_node(b, N_EOL, 0), 1);
        return 1;
    }
    if (c == '[') {
        int neg = 0;
        if (b->p < b->end && *b->p == '^') neg = 1, b->p++;
        int first = 1;
        while (b->p < b->end && (first || *b->p != ']')) {
            int lo = (unsigned char)*b->p++, hi = lo;
            if (b->p + 1 < b->end && *b->p == '-' && b->p[1] != ']') {
                hi = (unsigned char)b->p[1];
                b->p += 2;
            }
            for (int x = lo; x <= hi; x++) set_add(bits, x);
            first = 0;
        }
        if (b->p >= b->end) {
            b->failed = 1;
            return 0;
        }
        b->p++;
        if (neg) {
            if (b->d->icase) /* fold before negating, so [^a] excludes A too */
                for (int x = 'a'; x <= 'z'; x++)
                    if (set_has(bits, x) || set_has(bits, x - 32)) set_add(bits, x), set_add(bits, x - 32);
            for (int i = 0; i < 32; i++) bits[i] = (unsigned char)~bits[i];
            bits[b->d->eol >> 3] &= (unsigned char)~(1u << (b->d->eol & 7));
        }
        *out = set_frag(b, bits);
        return 1;
    }
    if (c == '\\') {
        if (b->p >= b->end) {
            b->failed = 1;
            return 0;
        }
        int e = (unsigned char)*b->p++;
        switch (e) {
        case '(': {
            frag f = parse_alt(b);
            if (b->failed || b->end - b->p < 2 || b->p[0] != '\\' || b->p[1] != ')') {
                b->failed = 1;
                return 0;
            }
            b->p += 2;
            *out = f;
            return 1;
        }
        case 'w': case 'W': case 's': case 'S':
            for (int x = 0; x < 256; x++) {
                int in = e == 'w' || e == 'W' ? (isalnum(x) || x == '_') : isspace(x) != 0;
                if (e == 'W' || e == 'S') in = !in && x != b->d->eol;
                if (in) set_add(bits, x);
            }
            *out = set_frag(b, bits);
            return 1;
        default:
            if (isdigit(e) || strchr("bB<>`'", e) || isalpha(e)) {
                b->failed = 1; /* back-references, word assertions: not for the DFA */
                return 0;
            }
            set_add(bits, e);
            *out = set_frag(b, bits);
            return 1;
        }
    }
    set_add(bits, c);
    *out = set_frag(b, bits);
    return 1;
}

static frag star(builder *b, frag f) {
    int s = new_node(b, N_SPLIT, 0);
    if (b->failed) return f;
    b->d->node[s].out = f.start;
    patch(b, &f, s);
    f.start = s;
    f.outs[0] = s * 2 + 1; /* the split's second edge leaves the loop */
    f.nouts = 1;
    return f;
}

static frag optional(builder *b, frag f) {
    int s = new_node(b, N_SPLIT, 0);
    if (b->failed) return f;
    b->d->node[s].out = f.start;
    frag r = single(b, s, 2);
    r.outs[0] = s * 2 + 1;
    r.nouts = 1;
    join_outs(&r, &f);
    return r;
}

static frag concat(builder *b, frag a, frag c) {
    patch(b, &a, c.start);
    free(a.outs);
    a.outs = c.outs;
    a.nouts = c.nouts;
    return a;
}

/* Parses an atom with its repetitions; the atom's text is parsed again for each copy. */
static int parse_piece(builder *b, frag *out) {
    const char *atom_start = b->p;
    if (!parse_atom(b, out)) return 0;
    for (;;) {
        long lo, hi;
        if (b->p < b->end && *b->p == '*') lo = 0, hi = -1, b->p++;
        else if (b->end - b->p >= 2 && b->p[0] == '\\' && b->p[1] == '+') lo = 1, hi = -1, b->p += 2;
        else if (b->end - b->p >= 2 && b->p[0] == '\\' && b->p[1] == '?') lo = 0, hi = 1, b->p += 2;
        else if (b->end - b->p >= 2 && b->p[0] == '\\' && b->p[1] == '{') {
            b->p += 2;
            char *e;
            lo = strtol(b->p, &e, 10);
            hi = lo;
            if (*e == ',') {
                e++;
                hi = isdigit((unsigned char)*e) ? strtol(e, &e, 10) : -1;
            }
            if (e[0] != '\\' || e[1] != '}') {
                b->failed = 1;
                return 0;
            }
            b->p = e + 2;
        } else {
            return 1;
        }
        /* Rebuild: lo copies, then (hi - lo) optional copies or a star. */
        const char *after = b->p;
        frag acc = *out;
        if (lo == 0) {
            if (hi == 1) acc = optional(b, acc);
            else if (hi < 0) acc = star(b, acc);
            else {
                acc = optional(b, acc);
                for (long k = 1; k < hi && !b->failed; k++) {
                    frag more;
                    b->p = atom_start;
                    parse_atom(b, &more);
                    acc = concat(b, acc, optional(b, more));
                }
            }
        } else {
            for (long k = 1; k < lo && !b->failed; k++) {
                frag more;
                b->p = atom_start;
                parse_atom(b, &more);
                acc = concat(b, acc, more);
            }
            if (hi < 0) {
                frag more;
                b->p = atom_start;
                parse_atom(b, &more);
                acc = concat(b, acc, star(b, more));
            } else {
                for (long k = lo; k < hi && !b->failed; k++) {
                    frag more;
                    b->p = atom_start;
                    parse_atom(b, &more);
                    acc = concat(b, acc, optional(b, more));
                }
            }
        }
        b->p = after;
        *out = acc;
        if (b->failed) return 0;
        /* A further repetition applies to the whole repeated piece: re-parse is not possible; give up. */
        if ((b->p < b->end && *b->p == '*') ||
            (b->end - b->p >= 2 && b->p[0] == '\\' && (b->p[1] == '+' || b->p[1] == '?' || b->p[1] == '{'))) {
            b->failed = 1;
            return 0;
        }
        return 1;
    }
}

static frag parse_branch(builder *b) {
    frag acc;
    int have = 0;
    while (b->p < b->end && !b->failed) {
        if (b->end - b->p >= 2 && b->p[0] == '\\' && (b->p[1] == '|' || b->p[1] == ')')) break;
        frag f;
        if (!parse_piece(b, &f)) break;
        acc = have ? concat(b, acc, f) : f;
        have = 1;
    }
    return have ? acc : empty_frag(b);
}

static frag parse_alt(builder *b) {
    frag acc = parse_branch(b);
    while (!b->failed && b->end - b->p >= 2 && b->p[0] == '\\' && b->p[1] == '|') {
        b->p += 2;
        frag other = parse_branch(b);
        int s = new_node(b, N_SPLIT, 0);
        if (b->failed) break;
        b->d->node[s].out = acc.start;
        b->d->node[s].out2 = other.start;
        acc.start = s;
        join_outs(&acc, &other);
    }
    return acc;
}

/* ---- DFA ---- */

/* Adds node n and what it reaches by epsilon edges; line-end assertions stay pending unless at_eol. */
static void closure_add(grep_dfa *d, int n, int at_bol, int at_eol, int *out, int *nout) {
    int sp = 0;
    d->stack[sp++] = n;
    while (sp > 0) {
        int x = d->stack[--sp];
        if (x < 0 || d->seen[x] == d->mark) continue;
        d->seen[x] = d->mark;
        nfa_node *nd = &d->node[x];
        switch (nd->kind) {
        case N_SPLIT:
            if (nd->out2 >= 0) d->stack[sp++] = nd->out2;
            d->stack[sp++] = nd->out;
            break;
        case N_BOL:
            if (at_bol) d->stack[sp++] = nd->out;
            break;
        case N_EOL:
            if (at_eol) d->stack[sp++] = nd->out;
            else out[(*nout)++] = x;
            break;
        default: out[(*nout)++] = x;
        }
    }
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void clear_cache(grep_dfa *d) {
    for (int i = 0; i < d->nstates; i++) free(d->states[i].nodes);
    d->nstates = 0;
    for (int i = 0; i < d->tsize; i++) d->table[i] = -1;
}

/* The DFA state for the node set tmp[0..n) (sorted here), created if new. */
static int intern(grep_dfa *d, int *set, int n) {
    qsort(set, (size_t)n, sizeof *set, cmp_int);
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++) h = (h ^ (unsigned)set[i]) * 16777619u;
    int slot = (int)(h & (unsigned)(d->tsize - 1));
    while (d->table[slot] >= 0) {
        dfa_state *s = &d->states[d->table[slot]];
        if (s->hash == h && s->n == n && memcmp(s->nodes, set, (size_t)n * sizeof *set) == 0) return d->table[slot];
        slot = (slot + 1) & (d->tsize - 1);
    }
    int idx = d->nstates++;
    dfa_state *s = &d->states[idx];
    s->nodes = xmalloc((size_t)(n + 1) * sizeof *s->nodes);
    memcpy(s->nodes, set, (size_t)n * sizeof *set);
    s->n = n;
    s->hash = h;
    s->accepting = 0;
    s->accept_at_eol = 0;
    for (int i = 0; i < n; i++)
        if (d->node[set[i]].kind == N_MATCH) s->accepting = 1;
    if (!s->accepting) {
        /* Would the line ending here complete a match? */
        d->mark++;
        int m = 0;
        for (int i = 0; i < n; i++)
            if (d->node[set[i]].kind == N_EOL) closure_add(d, d->node[set[i]].out, 0, 1, d->tmp + n, &m);
        for (int i = 0; i < m; i++)
            if (d->node[d->tmp[n + i]].kind == N_MATCH) s->accept_at_eol = 1;
    }
    s->accept_at_eol |= s->accepting;
    d->accepting[idx] = (unsigned char)s->accepting;
    for (int i = 0; i < 256; i++) d->trans[idx * 256 + i] = -1;
    d->table[slot] = idx;
    return idx;
}

static int start_state(grep_dfa *d) {
    if (d->nstates >= MAX_STATES - 1) clear_cache(d);
    d->mark++;
    int n = 0;
    closure_add(d, d->start, 1, 0, d->tmp, &n);
    return intern(d, d->tmp, n);
}

/* Computes the transition of state si on byte c. */
static int step(grep_dfa *d, int si, int c) {
    if (d->nstates >= MAX_STATES - 1) {
        /* Cache full: keep only the set we are in. */
        int n = d->states[si].n;
        int *keep = xmalloc((size_t)(n + 1) * sizeof *keep);
        memcpy(keep, d->states[si].nodes, (size_t)n * sizeof *keep);
        clear_cache(d);
        si = intern(d, keep, n);
        free(keep);
        d->line_start = -1;
    }
    dfa_state *s = &d->states[si];
    d->mark++;
    int n = 0;
    for (int i = 0; i < s->n; i++) {
        nfa_node *nd = &d->node[s->nodes[i]];
        if (nd->kind == N_SET && set_has(d->sets[nd->set], c)) closure_add(d, nd->out, 0, 0, d->tmp, &n);
    }
    closure_add(d, d->start, 0, 0, d->tmp, &n); /* unanchored: a match may start at the next byte */
    int ni = intern(d, d->tmp, n);
    d->trans[si * 256 + c] = ni;
    return ni;
}

grep_dfa *grep_dfa_new(const char *bre, int icase, int whole_line, unsigned char eol) {
    grep_dfa *d = xcalloc(1, sizeof *d);
    d->icase = icase;
    d->eol = eol;
    builder b = {d, bre, bre + strlen(bre), 0};
    frag f = parse_alt(&b);
    if (!b.failed && b.p != b.end) b.failed = 1;
    if (!b.failed && whole_line) {
        int bol = new_node(&b, N_BOL, 0);
        if (!b.failed) {
            d->node[bol].out = f.start;
            f.start = bol;
            frag e = single(&b, new_node(&b, N_EOL, 0), 1);
            f = concat(&b, f, e);
        }
    }
    if (!b.failed) {
        int m = new_node(&b, N_MATCH, 0);
        patch(&b, &f, m);
        d->start = f.start;
    }
    free(f.outs);
    if (b.failed) {
        grep_dfa_free(d);
        return NULL;
    }
    d->states = xmalloc(MAX_STATES * sizeof *d->states);
    d->trans = xmalloc((size_t)MAX_STATES * 256 * sizeof *d->trans);
    d->accepting = xmalloc(MAX_STATES);
    d->tsize = 2048;
    d->table = xmalloc((size_t)d->tsize * sizeof *d->table);
    for (int i = 0; i < d->tsize; i++) d->table[i] = -1;
    d->seen = xcalloc((size_t)d->nnodes + 1, sizeof *d->seen);
    d->stack = xmalloc(((size_t)d->nnodes * 2 + 4) * sizeof *d->stack);
    d->tmp = xmalloc(((size_t)d->nnodes * 2 + 4) * sizeof *d->tmp);
    d->line_start = start_state(d);
    return d;
}

void grep_dfa_free(grep_dfa *d) {
    if (!d) return;
    if (d->states) clear_cache(d);
    free(d->states);
    free(d->trans);
    free(d->accepting);
    free(d->table);
    free(d->node);
    free(d->sets);
    free(d->seen);
    free(d->stack);
    free(d->tmp);
    free(d);
}

int grep_dfa_line_matches(grep_dfa *d, const char *line, size_t len) {
    if (d->line_start < 0) d->line_start = start_state(d);
    int s = d->line_start;
    const unsigned char *p = (const unsigned char *)line, *end = p + len;
    const int *trans = d->trans;
    const unsigned char *acc = d->accepting;
    while (p < end) {
        if (acc[s]) return 1;
        int n = trans[s * 256 + *p];
        if (n < 0) n = step(d, s, *p);
        s = n;
        p++;
    }
    return d->states[s].accept_at_eol;
}

const char *grep_dfa_find(grep_dfa *d, const char *beg, const char *end, const char **lend) {
    const char *p = beg;
    while (p < end) {
        const char *e = memchr(p, d->eol, (size_t)(end - p));
        if (!e) e = end - 1;
        if (grep_dfa_line_matches(d, p, (size_t)(e - p))) {
            *lend = e + 1;
            return p;
        }
        p = e + 1;
    }
    return NULL;
}
