/*
 * expr: evaluate an expression given as arguments (GNU coreutils
 * behaviour). A recursive-descent parser over argv with GNU's precedence:
 * | then & then comparisons, + -, * / %, :, then the keywords match, substr,
 * index, length and `+ TOKEN`. Integers are 64-bit (GNU uses bignums; an
 * overflow here is reported). Exit 0 for a non-null, non-zero result, 1
 * for null or 0, 2 for a syntax error, 3 for other errors.
 */
#include "lib/common.h"
#include "lib/gnu-regex.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND(main_expr, "expr")

/* A value: an integer or a string. */
typedef struct value {
    int is_int;
    long long i;
    char *s;
} value;

static char **toks;
static int ntoks, pos;

static value make_int(long long i) {
    value v = {1, i, NULL};
    return v;
}

static value make_str(const char *s) {
    value v = {0, 0, xstrdup(s)};
    return v;
}

static int looks_like_int(const char *s, long long *out) {
    const char *p = s;
    if (*p == '-') p++;
    if (!isdigit((unsigned char)*p)) return 0;
    while (isdigit((unsigned char)*p)) p++;
    if (*p) return 0;
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno) se_die(2, "integer overflow");
    *out = v;
    return 1;
}

static char *to_str(value *v) {
    if (!v->is_int) return v->s;
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%lld", v->i);
    return v->s = xstrdup(tmp);
}

static int to_int(value *v, long long *out) {
    if (v->is_int) {
        *out = v->i;
        return 1;
    }
    return looks_like_int(v->s, out);
}

static int is_null(value *v) {
    if (v->is_int) return v->i == 0;
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
        long long start, len, slen = (long long)strlen(s);
        if (!to_int(&b, &start) || !to_int(&c, &len) || start < 1 || len < 1 || start > slen) return make_str("");
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

static long long arith(char op, long long a, long long b) {
    long long r = 0;
    int overflow = 0;
    switch (op) {
    case '+': overflow = __builtin_add_overflow(a, b, &r); break;
    case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
    case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
    case '/':
    case '%':
        if (b == 0) se_die(2, "division by zero");
        if (a == (-0x7fffffffffffffffLL - 1) && b == -1) overflow = op == '/';
        else r = op == '/' ? a / b : a % b;
        break;
    }
    if (overflow) se_die(2, "integer overflow");
    return r;
}

static value arith_level(value (*next)(void), const char *ops) {
    value l = next();
    while (pos < ntoks && strlen(toks[pos]) == 1 && strchr(ops, toks[pos][0])) {
        char op = toks[pos++][0];
        value r = next();
        long long a, b;
        if (!to_int(&l, &a) || !to_int(&r, &b)) se_die(2, "non-integer argument");
        l = make_int(arith(op, a, b));
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
        long long a, b;
        int cmp;
        if (to_int(&l, &a) && to_int(&r, &b)) cmp = a < b ? -1 : a > b;
        else cmp = strcmp(to_str(&l), to_str(&r));
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
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        puts("expr (GNU coreutils) 9.1 (secure-exec)");
        return 0;
    }
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
