/*
 * test, [: evaluate a conditional expression, as GNU test does. One to four
 * arguments follow POSIX's rules by count; longer lists are parsed as
 * EXPR -o EXPR, EXPR -a EXPR, ! EXPR, ( EXPR ), unary and binary primaries.
 * Integers may be any length (compared as decimal strings). Exit 0 true,
 * 1 false, 2 with a "test: ..." message on bad usage.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"

SE_COMMAND(main_test, "test")
SE_COMMAND(main_test, "[")

static int argc_;
static char **argv_;
static int pos;

/* A malformed expression ends test with status 2 (false is 1). */
static _Noreturn void syntax_error(const char *fmt, const char *arg) { se_die(2, fmt, arg); }

static _Noreturn void beyond(void) {
    syntax_error("missing argument after '%s'", argv_[argc_ - 1]);
}

static void advance(int need_more) {
    pos++;
    if (need_more && pos >= argc_) beyond();
}

/* Checks S is an integer with optional blanks and sign; returns its digits with a leading '-' if negative. */
static const char *find_int(const char *s, char *buf, size_t cap) {
    const char *p = s;
    while (*p == ' ' || *p == '\t') p++;
    int negative = 0;
    if (*p == '+' || *p == '-') negative = *p++ == '-';
    const char *digits = p;
    while (isdigit((unsigned char)*p)) p++;
    size_t n = (size_t)(p - digits);
    while (*p == ' ' || *p == '\t') p++;
    if (n == 0 || *p) syntax_error("invalid integer '%s'", s);
    while (n > 1 && *digits == '0') digits++, n--;
    if (n == 1 && *digits == '0') negative = 0;
    char *out = n + 2 <= cap ? buf : xmalloc(n + 2);
    out[0] = '-';
    memcpy(out + negative, digits, n);
    out[n + negative] = 0;
    return out;
}

/* Compares two normalized integer strings of any length. */
static int compare_ints(const char *a, const char *b) {
    int na = *a == '-', nb = *b == '-';
    if (na != nb) return na ? -1 : 1;
    size_t la = strlen(a), lb = strlen(b);
    int c = la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
    return na ? -c : c;
}

static int is_binop(const char *s) {
    static const char *const ops[] = {"=", "!=", "==", "-nt", "-ot", "-ef", "-eq", "-ne",
                                      "-lt", "-le", "-gt", "-ge", NULL};
    for (int i = 0; ops[i]; i++)
        if (strcmp(s, ops[i]) == 0) return 1;
    return 0;
}

static int is_unop(const char *s) {
    return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghknprstuwxzGLOSN", s[1]);
}

static int mtime_of(const char *path, struct timespec *t) {
    struct stat st;
    if (stat(path, &st) != 0) return 0;
    *t = st.st_mtim;
    return 1;
}

static int time_cmp(struct timespec a, struct timespec b) {
    if (a.tv_sec != b.tv_sec) return a.tv_sec < b.tv_sec ? -1 : 1;
    return a.tv_nsec < b.tv_nsec ? -1 : a.tv_nsec > b.tv_nsec;
}

static int binary_operator(int l_is_l) {
    if (l_is_l) advance(0);
    int op = pos + 1, r_is_l = 0;
    if (op < argc_ - 2 && strcmp(argv_[op + 1], "-l") == 0) {
        r_is_l = 1;
        advance(0);
    }
    const char *o = argv_[op];
    const char *left = argv_[op - 1], *right = argv_[op + 1 + r_is_l];
    if (o[0] == '-' && strlen(o) == 3 && strstr("-lt-le-gt-ge-eq-ne", o)) {
        char lbuf[64], rbuf[64];
        const char *l = l_is_l ? (snprintf(lbuf, sizeof lbuf, "%zu", strlen(left)), lbuf) : find_int(left, lbuf, sizeof lbuf);
        const char *r = r_is_l ? (snprintf(rbuf, sizeof rbuf, "%zu", strlen(right)), rbuf) : find_int(right, rbuf, sizeof rbuf);
        int c = compare_ints(l, r);
        pos += 3;
        if (o[1] == 'l') return o[2] == 'e' ? c <= 0 : c < 0;
        if (o[1] == 'g') return o[2] == 'e' ? c >= 0 : c > 0;
        return o[1] == 'e' ? c == 0 : c != 0;
    }
    if (strcmp(o, "-nt") == 0 || strcmp(o, "-ot") == 0 || strcmp(o, "-ef") == 0) {
        pos += 3;
        if (l_is_l || r_is_l) syntax_error("%s does not accept -l", o);
        if (o[1] == 'e') {
            struct stat a, b;
            return stat(left, &a) == 0 && stat(right, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
        }
        struct timespec lt, rt;
        int le = mtime_of(left, &lt), re = mtime_of(right, &rt);
        if (o[1] == 'n') return le && (!re || time_cmp(lt, rt) > 0);
        return re && (!le || time_cmp(lt, rt) < 0);
    }
    int c = strcmp(argv_[pos], argv_[pos + 2]);
    pos += 3;
    return strcmp(o, "!=") == 0 ? c != 0 : c == 0;
}

static int unary_operator(void) {
    const char *op = argv_[pos];
    advance(1);
    const char *arg = argv_[pos++];
    struct stat st;
    switch (op[1]) {
    case 'n': return arg[0] != 0;
    case 'z': return arg[0] == 0;
    case 't': {
        char buf[64];
        const char *n = find_int(arg, buf, sizeof buf);
        return n[0] != '-' && strlen(n) < 10 && isatty(atoi(n));
    }
    case 'h': case 'L': return arg[0] && lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
    case 'r': return access(arg, R_OK) == 0;
    case 'w': return access(arg, W_OK) == 0;
    case 'x': return access(arg, X_OK) == 0;
    }
    if (stat(arg, &st) != 0) return 0;
    switch (op[1]) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 's': return st.st_size > 0;
    case 'S': return S_ISSOCK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'N': return time_cmp(st.st_atim, st.st_mtim) <= 0;
#ifdef __wasi__
    case 'O': case 'G': return 1; /* WASI has no users: the sandbox's one user owns everything. */
#else
    case 'O': return st.st_uid == geteuid();
    case 'G': return st.st_gid == getegid();
#endif
    }
    return 0;
}

static int expr(void);
static int posix_test(int nargs);

static int term(void) {
    int negated = 0;
    while (pos < argc_ && strcmp(argv_[pos], "!") == 0) {
        advance(1);
        negated = !negated;
    }
    if (pos >= argc_) beyond();
    int value;
    const char *a = argv_[pos];
    if (strcmp(a, "(") == 0) {
        advance(1);
        int nargs = 1;
        for (; pos + nargs < argc_ && strcmp(argv_[pos + nargs], ")") != 0; nargs++)
            if (nargs == 4) {
                nargs = argc_ - pos;
                break;
            }
        value = posix_test(nargs);
        if (pos >= argc_) syntax_error("'%s' expected", ")");
        if (strcmp(argv_[pos], ")") != 0) {
            fflush(stdout);
            fprintf(stderr, "%s: ')' expected, found '%s'\n", se_prog, argv_[pos]);
            exit(2);
        }
        advance(0);
    } else if (argc_ - pos >= 4 && strcmp(a, "-l") == 0 && is_binop(argv_[pos + 2])) {
        value = binary_operator(1);
    } else if (argc_ - pos >= 3 && is_binop(argv_[pos + 1])) {
        value = binary_operator(0);
    } else if (a[0] == '-' && a[1] && !a[2]) {
        if (!is_unop(a)) syntax_error("'%s': unary operator expected", a);
        value = unary_operator();
    } else {
        value = a[0] != 0;
        advance(0);
    }
    return negated ^ value;
}

static int and_expr(void) {
    int value = 1;
    for (;;) {
        value &= term();
        if (!(pos < argc_ && strcmp(argv_[pos], "-a") == 0)) return value;
        advance(0);
    }
}

static int expr(void) {
    if (pos >= argc_) beyond();
    int value = 0;
    for (;;) {
        value |= and_expr();
        if (!(pos < argc_ && strcmp(argv_[pos], "-o") == 0)) return value;
        advance(0);
    }
}

static int one_argument(void) {
    return argv_[pos++][0] != 0;
}

static int two_arguments(void) {
    if (strcmp(argv_[pos], "!") == 0) {
        advance(0);
        return !one_argument();
    }
    const char *a = argv_[pos];
    if (a[0] == '-' && a[1] && !a[2]) {
        if (!is_unop(a)) syntax_error("'%s': unary operator expected", a);
        return unary_operator();
    }
    beyond();
}

static int three_arguments(void) {
    if (is_binop(argv_[pos + 1])) return binary_operator(0);
    if (strcmp(argv_[pos], "!") == 0) {
        advance(1);
        return !two_arguments();
    }
    if (strcmp(argv_[pos], "(") == 0 && strcmp(argv_[pos + 2], ")") == 0) {
        advance(0);
        int value = one_argument();
        advance(0);
        return value;
    }
    if (strcmp(argv_[pos + 1], "-a") == 0 || strcmp(argv_[pos + 1], "-o") == 0) return expr();
    syntax_error("'%s': binary operator expected", argv_[pos + 1]);
}

/* Evaluates the next NARGS arguments by POSIX's rules for their count. */
static int posix_test(int nargs) {
    switch (nargs) {
    case 1: return one_argument();
    case 2: return two_arguments();
    case 3: return three_arguments();
    case 4:
        if (strcmp(argv_[pos], "!") == 0) {
            advance(1);
            return !three_arguments();
        }
        if (strcmp(argv_[pos], "(") == 0 && strcmp(argv_[pos + 3], ")") == 0) {
            advance(0);
            int value = two_arguments();
            advance(0);
            return value;
        }
        return expr();
    default: return expr();
    }
}

int main_test(int argc, char **argv) {
    if (strcmp(se_prog, "[") == 0) {
        if (argc == 2 && strcmp(argv[1], "--help") == 0) {
            printf("Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n"
                   "Exit with the status determined by EXPRESSION.\n");
            return 0;
        }
        if (argc == 2 && strcmp(argv[1], "--version") == 0) se_version(0);
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) syntax_error("missing '%s'", "]");
        argc--;
    }
    argc_ = argc;
    argv_ = argv;
    pos = 1;
    if (pos >= argc_) return 1;
    int value = posix_test(argc_ - 1);
    if (pos != argc_) syntax_error("extra argument '%s'", argv_[pos]);
    return value ? 0 : 1;
}
