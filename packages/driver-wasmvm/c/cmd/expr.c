/*
 * expr: evaluate an expression given as arguments (GNU coreutils
 * behaviour). A recursive-descent parser over argv with GNU's precedence:
 * | then & then comparisons, + -, * / %, :, then the keywords match, substr,
 * index, length and `+ TOKEN`. Integers have any size, as GNU's bignums
 * do: they are kept as decimal strings. Exit 0 for a non-null, non-zero
 * result, 1 for null or 0, 2 for a syntax error, 3 for other errors.
 */
#include "lib/common.h"
#include "lib/gnu-regex.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND(main_expr, "expr")

/* A value: an integer (s is its canonical decimal form: "-12", "0") or a string. */
typedef struct value {
    int is_int;
    char *s;
} value;

static char **toks;
static int ntoks, pos;

/* ---- integers of any size, as decimal strings: an optional '-', digits without leading zeros ---- */

/* The canonical form of the digits D[0..n) with sign NEG (drops leading zeros; zero has no sign). */
static char *num_make(int neg, const char *d, size_t n) {
    while (n > 1 && *d == '0') d++, n--;
    if (n == 0 || (n == 1 && *d == '0')) return xstrdup("0");
    char *s = xmalloc(n + 2), *w = s;
    if (neg) *w++ = '-';
    memcpy(w, d, n);
    w[n] = 0;
    return s;
}

/* Compares the magnitudes (digit strings without sign). */
static int mag_cmp(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb) return la < lb ? -1 : 1;
    int c = strcmp(a, b);
    return (c > 0) - (c < 0);
}

/* |a| + |b| or |a| - |b| (|a| >= |b|), as digits with leading zeros kept; N gets their count. */
static char *mag_addsub(const char *a, const char *b, int subtract, size_t *n) {
    size_t la = strlen(a), lb = strlen(b), len = (la > lb ? la : lb) + 1;
    char *out = xmalloc(len + 1);
    int carry = 0;
    for (size_t k = 0; k < len; k++) {
        int x = k < la ? a[la - 1 - k] - '0' : 0, y = k < lb ? b[lb - 1 - k] - '0' : 0;
        int d = subtract ? x - y - carry : x + y + carry;
        carry = subtract ? d < 0 : d > 9;
        out[len - 1 - k] = (char)('0' + (subtract ? d + 10 * carry : d % 10));
    }
    out[len] = 0;
    *n = len;
    return out;
}

static char *num_add(const char *a, const char *b, int negate_b) {
    int na = *a == '-', nb = (*b == '-') != negate_b;
    const char *ma = a + (*a == '-'), *mb = b + (*b == '-');
    size_t n;
    char *d, *r;
    if (na == nb) {
        d = mag_addsub(ma, mb, 0, &n);
        r = num_make(na, d, n);
    } else if (mag_cmp(ma, mb) >= 0) {
        d = mag_addsub(ma, mb, 1, &n);
        r = num_make(na, d, n);
    } else {
        d = mag_addsub(mb, ma, 1, &n);
        r = num_make(nb, d, n);
    }
    free(d);
    return r;
}

static char *num_mul(const char *a, const char *b) {
    int neg = (*a == '-') != (*b == '-');
    a += *a == '-';
    b += *b == '-';
    size_t la = strlen(a), lb = strlen(b);
    int *acc = xcalloc(la + lb, sizeof *acc);
    for (size_t i = 0; i < la; i++)
        for (size_t j = 0; j < lb; j++) acc[i + j + 1] += (a[i] - '0') * (b[j] - '0');
    char *d = xmalloc(la + lb);
    for (size_t k = la + lb; k-- > 0;) {
        if (k > 0) acc[k - 1] += acc[k] / 10;
        d[k] = (char)('0' + acc[k] % 10);
    }
    char *r = num_make(neg, d, la + lb);
    free(acc);
    free(d);
    return r;
}

/* Truncating division, as GNU's mpz_tdiv_q and mpz_tdiv_r: the quotient (WANT_REM 0) or the remainder, which has a's sign. */
static char *num_div(const char *a, const char *b, int want_rem) {
    int na = *a == '-', nb = *b == '-';
    a += na;
    b += nb;
    if (strcmp(b, "0") == 0) se_die(2, "division by zero");
    size_t la = strlen(a);
    char *q = xmalloc(la + 1), *rem = xstrdup("0");
    for (size_t i = 0; i < la; i++) {
        /* rem = rem * 10 + digit, then subtract b while it fits. */
        size_t rl = strlen(rem);
        char *next = xmalloc(rl + 2);
        memcpy(next, rem, rl);
        next[rl] = a[i];
        next[rl + 1] = 0;
        free(rem);
        rem = num_make(0, next, rl + 1);
        free(next);
        int digit = 0;
        while (mag_cmp(rem, b) >= 0) {
            size_t n;
            char *d = mag_addsub(rem, b, 1, &n);
            free(rem);
            rem = num_make(0, d, n);
            free(d);
            digit++;
        }
        q[i] = (char)('0' + digit);
    }
    char *r = want_rem ? num_make(na, rem, strlen(rem)) : num_make(na != nb, q, la);
    free(q);
    free(rem);
    return r;
}

/* The integer as a long long, saturated by strtoll (for substr's positions). */
static long long num_clamp(const char *s) { return strtoll(s, NULL, 10); }

static value make_int_str(char *s) {
    value v = {1, s};
    return v;
}

static value make_int(long long i) {
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%lld", i);
    return make_int_str(xstrdup(tmp));
}

static value make_str(const char *s) {
    value v = {0, xstrdup(s)};
    return v;
}

/* Whether S is an integer (an optional '-', then digits); its canonical form goes to OUT. */
static int looks_like_int(const char *s, char **out) {
    const char *p = s;
    if (*p == '-') p++;
    if (!isdigit((unsigned char)*p)) return 0;
    while (isdigit((unsigned char)*p)) p++;
    if (*p) return 0;
    *out = num_make(*s == '-', s + (*s == '-'), strlen(s + (*s == '-')));
    return 1;
}

static char *to_str(value *v) { return v->s; }

static int to_int(value *v, char **out) {
    if (v->is_int) {
        *out = xstrdup(v->s);
        return 1;
    }
    return looks_like_int(v->s, out);
}

static int is_null(value *v) {
    if (v->is_int) return strcmp(v->s, "0") == 0;
    const char *p = v->s;
    if (*p == 0) return 1;
    if (*p == '-') p++;
    do {
        if (*p != '0') return 0;
    } while (*++p);
    return 1;
}

static _Noreturn void syntax(const char *fmt, const char *arg) {
    fflush(stdout);
    fprintf(stderr, "expr: syntax error: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static int at(const char *s) { return pos < ntoks && strcmp(toks[pos], s) == 0; }

static void need_operand(void) {
    if (pos >= ntoks) syntax("missing argument after '%s'", toks[pos - 1]);
}

static value eval0(void);

static value eval7(void) {
    need_operand();
    if (at("(")) {
        pos++;
        value v = eval0();
        if (pos >= ntoks) syntax("expecting ')' after '%s'", toks[pos - 1]);
        if (!at(")")) syntax("expecting ')' instead of '%s'", toks[pos]);
        pos++;
        return v;
    }
    if (at(")")) syntax("unexpected ')'%s", "");
    return make_str(toks[pos++]);
}

static value match_regex(value *str, value *pat) {
    se_regex rx;
    const char *s = to_str(str), *p = to_str(pat);
    const char *err = se_regex_compile(&rx, p, strlen(p), 0);
    if (err) se_die(2, "%s", err);
    size_t len = strlen(s);
    char *copy = xmalloc(len + 1);
    memcpy(copy, s, len + 1);
    regmatch_t m[2];
    int ok = se_regex_search(&rx, copy, len, 0, 2, m, 0) == 0 && m[0].rm_so == 0;
    value v;
    if (rx.parts.nsub > 0) {
        if (ok && m[1].rm_so >= 0) {
            copy[m[1].rm_eo] = 0;
            v = make_str(copy + m[1].rm_so);
        } else {
            v = make_str("");
        }
    } else {
        v = make_int(ok ? m[0].rm_eo : 0);
    }
    free(copy);
    se_regex_free(&rx);
    return v;
}

/* Consumes a keyword and checks that an operand follows it. */
static void keyword(void) {
    pos++;
    need_operand();
}

static value eval6(void) {
    need_operand();
    if (at("+")) {
        pos++;
        need_operand();
        return make_str(toks[pos++]);
    }
    if (at("length")) {
        keyword();
        value v = eval6();
        return make_int((long long)strlen(to_str(&v)));
    }
    if (at("match")) {
        keyword();
        value a = eval6(), b = eval6();
        return match_regex(&a, &b);
    }
    if (at("index")) {
        keyword();
        value a = eval6(), b = eval6();
        const char *s = to_str(&a), *chars = to_str(&b);
        size_t i = strcspn(s, chars);
        return make_int(s[i] ? (long long)i + 1 : 0);
    }
    if (at("substr")) {
        keyword();
        value a = eval6(), b = eval6(), c = eval6();
        const char *s = to_str(&a);
        char *nstart, *nlen;
        if (!to_int(&b, &nstart) || !to_int(&c, &nlen)) return make_str("");
        long long start = num_clamp(nstart), len = num_clamp(nlen), slen = (long long)strlen(s);
        if (start < 1 || len < 1 || start > slen) return make_str("");
        if (len > slen - start + 1) len = slen - start + 1;
        value v = make_str(s + start - 1);
        v.s[len] = 0;
        return v;
    }
    return eval7();
}

static value eval5(void) {
    value l = eval6();
    while (at(":")) {
        pos++;
        value r = eval6();
        l = match_regex(&l, &r);
    }
    return l;
}

static char *arith(char op, const char *a, const char *b) {
    switch (op) {
    case '+': return num_add(a, b, 0);
    case '-': return num_add(a, b, 1);
    case '*': return num_mul(a, b);
    default: return num_div(a, b, op == '%');
    }
}

static value arith_level(value (*next)(void), const char *ops) {
    value l = next();
    while (pos < ntoks && strlen(toks[pos]) == 1 && strchr(ops, toks[pos][0])) {
        char op = toks[pos++][0];
        value r = next();
        char *a, *b;
        if (!to_int(&l, &a) || !to_int(&r, &b)) se_die(2, "non-integer argument");
        l = make_int_str(arith(op, a, b));
    }
    return l;
}

static value eval4(void) { return arith_level(eval5, "*/%"); }

static value eval3(void) { return arith_level(eval4, "+-"); }

static value eval2(void) {
    static const char *ops[] = {"<", "<=", "=", "==", "!=", ">=", ">"};
    value l = eval3();
    for (;;) {
        int op = -1;
        for (int i = 0; i < 7 && op < 0; i++)
            if (at(ops[i])) op = i;
        if (op < 0) return l;
        pos++;
        value r = eval3();
        char *a, *b;
        int cmp;
        if (to_int(&l, &a) && to_int(&r, &b)) {
            int na = *a == '-', nb = *b == '-';
            cmp = na != nb ? nb - na : na ? -mag_cmp(a + 1, b + 1) : mag_cmp(a, b);
        } else {
            cmp = strcmp(to_str(&l), to_str(&r));
        }
        int res = op == 0 ? cmp < 0 : op == 1 ? cmp <= 0 : op <= 3 ? cmp == 0 : op == 4 ? cmp != 0 : op == 5 ? cmp >= 0 : cmp > 0;
        l = make_int(res);
    }
}

static value eval1(void) {
    value l = eval2();
    while (at("&")) {
        pos++;
        value r = eval2();
        if (is_null(&l) || is_null(&r)) l = make_int(0);
    }
    return l;
}

static value eval0(void) {
    value l = eval1();
    while (at("|")) {
        pos++;
        value r = eval1();
        if (is_null(&l)) l = is_null(&r) ? make_int(0) : r;
    }
    return l;
}

int main_expr(int argc, char **argv) {
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        puts("Usage: expr EXPRESSION\n  or:  expr OPTION\n\n"
             "Print the value of EXPRESSION to standard output.\n"
             "  ARG1 | ARG2, ARG1 & ARG2, ARG1 < <= = != >= > ARG2, ARG1 + - * / % ARG2,\n"
             "  STRING : REGEXP, match STRING REGEXP, substr STRING POS LENGTH,\n"
             "  index STRING CHARS, length STRING, + TOKEN, ( EXPRESSION )\n"
             "Exit status is 0 if EXPRESSION is neither null nor 0, 1 if it is null or 0,\n"
             "2 if EXPRESSION is syntactically invalid, and 3 if an error occurred.");
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--version") == 0) se_version(0);
    if (argc > 1 && strcmp(argv[1], "--") == 0) first = 2;
    if (argc <= first) {
        se_warn("missing operand");
        se_usage_error(2);
    }
    toks = argv + first;
    ntoks = argc - first;
    pos = 0;
    value v = eval0();
    if (pos < ntoks) syntax("unexpected argument '%s'", toks[pos]);
    puts(to_str(&v));
    if (se_flush_stdout()) return 3;
    return is_null(&v) ? 1 : 0;
}
