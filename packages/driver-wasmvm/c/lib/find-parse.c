/*
 * find-parse.c: find_parse, a recursive-descent parser over GNU find's
 * grammar: expr := and { (-o | -or) and } [ , expr ];  and := unary { [-a |
 * -and] unary };  unary := ! unary | -not unary | ( expr ) | primary. Each
 * primary's arguments are checked here, so evaluation never fails on them.
 */
#include "find-expr.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "find-print.h"
#include "fs-mode.h"
#include "fs-util.h"
#include "when.h"

static char **toks;
static int ntoks, pos;
static int has_action;
static struct find_options *opts;
static struct find_expr *result;

static struct find_node *new_node(enum find_kind k) {
    struct find_node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    return n;
}

/* A bad expression ends find with status 1, as GNU's does. */
static _Noreturn void bad(const char *fmt, const char *arg) { se_die(1, fmt, arg); }

static const char *need_arg(const char *pred) {
    if (pos >= ntoks) bad("missing argument to `%s'", pred);
    return toks[pos++];
}

static struct find_num parse_num(const char *pred, const char *s, const char **suffix) {
    struct find_num t = {0, 0};
    const char *p = s;
    if (*p == '+') t.cmp = 1, p++;
    else if (*p == '-') t.cmp = -1, p++;
    if (*p < '0' || *p > '9') {
        fflush(stdout);
        fprintf(stderr, "%s: invalid argument `%s' to `%s'\n", se_prog, s, pred);
        exit(1);
    }
    char *end;
    t.n = strtoll(p, &end, 10);
    if (suffix) *suffix = end;
    else if (*end) {
        fflush(stdout);
        fprintf(stderr, "%s: invalid argument `%s' to `%s'\n", se_prog, s, pred);
        exit(1);
    }
    return t;
}

int find_num_matches(const struct find_num *t, long long v) {
    return t->cmp > 0 ? v > t->n : t->cmp < 0 ? v < t->n : v == t->n;
}

static int nonneg_int(const char *pred, const char *s) {
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0 || s[0] == '+' || s[0] == '-') {
        fflush(stdout);
        fprintf(stderr, "%s: Expected a positive decimal integer argument to %s, but got '%s'\n", se_prog, pred, s);
        exit(1);
    }
    return (int)v;
}

static struct find_node *parse_exec(const char *pred, int in_dir) {
    int start = pos, plus = 0, end = -1;
    for (int i = pos; i < ntoks; i++) {
        if (!strcmp(toks[i], ";")) {
            end = i;
            break;
        }
        if (!strcmp(toks[i], "+") && i > start && !strcmp(toks[i - 1], "{}")) {
            end = i;
            plus = 1;
            break;
        }
    }
    if (end < 0 || end == start) bad("missing argument to `%s'", pred);
    struct find_node *n = new_node(K_EXEC);
    n->in_dir = in_dir;
    n->plus = plus;
    n->argc = end - start;
    n->argv = xcalloc((size_t)n->argc + 1, sizeof *n->argv);
    for (int i = 0; i < n->argc; i++) n->argv[i] = toks[start + i];
    if (plus) {
        for (int i = 0; i < n->argc - 1; i++)
            if (strstr(n->argv[i], "{}")) bad("%s", "Only one instance of {} is supported with -exec ... +");
        n->batch = xcalloc(1, sizeof *n->batch);
        n->batch->argv = n->argv;
        n->batch->nfixed = n->argc - 1;
        result->batches = xrealloc(result->batches, (size_t)(result->nbatches + 1) * sizeof *result->batches);
        result->batches[result->nbatches++] = n->batch;
    }
    pos = end + 1;
    has_action = 1;
    return n;
}

static int regex_extended;

static struct find_node *parse_primary(void) {
    const char *t = toks[pos++];
    struct find_node *n;
    if (!strcmp(t, "-maxdepth")) { opts->maxdepth = nonneg_int(t, need_arg(t)); return new_node(K_TRUE); }
    if (!strcmp(t, "-mindepth")) { opts->mindepth = nonneg_int(t, need_arg(t)); return new_node(K_TRUE); }
    if (!strcmp(t, "-depth") || !strcmp(t, "-d")) { opts->depth_first = 1; return new_node(K_TRUE); }
    if (!strcmp(t, "-follow")) { opts->follow = 1; return new_node(K_TRUE); }
    if (!strcmp(t, "-xdev") || !strcmp(t, "-mount") || !strcmp(t, "-noleaf") || !strcmp(t, "-ignore_readdir_race") ||
        !strcmp(t, "-noignore_readdir_race"))
        return new_node(K_TRUE);
    if (!strcmp(t, "-regextype")) {
        const char *v = need_arg(t);
        if (!strcmp(v, "posix-extended") || !strcmp(v, "egrep") || !strcmp(v, "posix-egrep")) regex_extended = 1;
        else if (!strcmp(v, "posix-basic") || !strcmp(v, "emacs") || !strcmp(v, "grep") || !strcmp(v, "sed") ||
                 !strcmp(v, "findutils-default") || !strcmp(v, "ed") || !strcmp(v, "posix-minimal-basic"))
            regex_extended = 0;
        else bad("Unknown regular expression type '%s'", v);
        return new_node(K_TRUE);
    }
    if (!strcmp(t, "-true")) return new_node(K_TRUE);
    if (!strcmp(t, "-false")) return new_node(K_FALSE);
    if (!strcmp(t, "-name") || !strcmp(t, "-iname") || !strcmp(t, "-path") || !strcmp(t, "-ipath") ||
        !strcmp(t, "-wholename") || !strcmp(t, "-iwholename")) {
        n = new_node(t[1] == 'n' ? K_NAME : t[2] == 'n' ? K_INAME : t[1] == 'i' ? K_IPATH : K_PATH);
        n->str = need_arg(t);
        return n;
    }
    if (!strcmp(t, "-regex") || !strcmp(t, "-iregex")) {
        n = new_node(K_REGEX);
        n->str = need_arg(t);
        char *anchored = xmalloc(strlen(n->str) + 3);
        sprintf(anchored, "^%s$", n->str);
        int flags = REG_NOSUB | (regex_extended ? REG_EXTENDED : 0) | (t[1] == 'i' ? REG_ICASE : 0);
        int err = regcomp(&n->re, anchored, flags);
        if (err) {
            char msg[256];
            regerror(err, &n->re, msg, sizeof msg);
            bad("%s", msg);
        }
        free(anchored);
        return n;
    }
    if (!strcmp(t, "-type") || !strcmp(t, "-xtype")) {
        n = new_node(t[1] == 't' ? K_TYPE : K_XTYPE);
        const char *v = need_arg(t);
        for (const char *p = v; *p; p++) {
            fflush(stdout);
            if (!strchr("fdlpscbD", *p)) {
                fprintf(stderr, "%s: Unknown argument to %s: %c\n", se_prog, t, *p);
                exit(1);
            }
            if (p[1] == ',' && !p[2]) {
                fprintf(stderr, "%s: Last file type in list argument to %s is missing, i.e., list is ending on: ','\n", se_prog, t);
                exit(1);
            }
            if (p[1] && p[1] != ',') {
                fprintf(stderr, "%s: Must separate multiple arguments to %s using: ','\n", se_prog, t);
                exit(1);
            }
            if (p[1] == ',') p++;
        }
        if (!*v) bad("Arguments to %s should contain at least one letter", t);
        n->str = v;
        return n;
    }
    if (!strcmp(t, "-size")) {
        n = new_node(K_SIZE);
        const char *v = need_arg(t), *suffix;
        n->num = parse_num(t, v, &suffix);
        switch (*suffix) {
        case '\0': case 'b': n->unit = 512; break;
        case 'c': n->unit = 1; break;
        case 'w': n->unit = 2; break;
        case 'k': n->unit = 1024; break;
        case 'M': n->unit = 1048576; break;
        case 'G': n->unit = 1073741824; break;
        default: {
            char type[2] = {*suffix, '\0'};
            bad("invalid -size type `%s'", type);
        }
        }
        if (*suffix && suffix[1]) bad("invalid -size type `%s'", suffix);
        return n;
    }
    if (!strcmp(t, "-empty")) return new_node(K_EMPTY);
    if (!strcmp(t, "-newer") || !strcmp(t, "-anewer") || !strcmp(t, "-cnewer")) {
        n = new_node(K_NEWER);
        n->which = t[1] == 'n' ? 'm' : t[1];
        const char *f = need_arg(t);
        struct stat st;
        if (fs_stat(f, &st, 1) != 0) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: '%s': %s\n", se_prog, f, se_strerror(e));
            exit(1);
        }
        n->ts = st.st_mtim;
        return n;
    }
    if (!strncmp(t, "-newer", 6) && strlen(t) == 8) {
        n = new_node(K_NEWER);
        n->which = t[6] == 'B' ? 'm' : t[6];
        if (!strchr("amc", n->which) || !strchr("amct", t[7])) bad("invalid predicate `%s'", t);
        const char *ref = need_arg(t);
        if (t[7] == 't') {
            if (when_parse_date(ref, 0, &n->ts) != 0) bad("Cannot obtain birth time of file `%s'", ref);
        } else {
            struct stat st;
            if (fs_stat(ref, &st, 1) != 0) {
                int e = errno;
                fflush(stdout);
                fprintf(stderr, "%s: '%s': %s\n", se_prog, ref, se_strerror(e));
                exit(1);
            }
            n->ts = t[7] == 'a' ? st.st_atim : t[7] == 'c' ? st.st_ctim : st.st_mtim;
        }
        return n;
    }
    if (!strcmp(t, "-mtime") || !strcmp(t, "-atime") || !strcmp(t, "-ctime") || !strcmp(t, "-mmin") ||
        !strcmp(t, "-amin") || !strcmp(t, "-cmin")) {
        n = new_node(K_TIME);
        n->which = t[1];
        n->unit = strstr(t, "min") ? 60 : 86400;
        n->num = parse_num(t, need_arg(t), NULL);
        return n;
    }
    if (!strcmp(t, "-perm")) {
        n = new_node(K_PERM);
        const char *v = need_arg(t);
        n->which = (*v == '-' || *v == '/') ? *v++ : '=';
        if (fs_mode_apply(v, 0, 0, 0, &n->mode) != 0) bad("invalid mode '%s'", v - (n->which != '='));
        return n;
    }
    if (!strcmp(t, "-links") || !strcmp(t, "-inum") || !strcmp(t, "-uid") || !strcmp(t, "-gid")) {
        n = new_node(t[1] == 'l' ? K_LINKS : t[1] == 'i' ? K_INUM : t[1] == 'u' ? K_UID : K_GID);
        n->num = parse_num(t, need_arg(t), NULL);
        return n;
    }
    if (!strcmp(t, "-user") || !strcmp(t, "-group")) {
        n = new_node(t[1] == 'u' ? K_UID : K_GID);
        const char *v = need_arg(t);
        n->num.cmp = 0;
        if (!strcmp(v, "root")) n->num.n = 0;
        else if (*v >= '0' && *v <= '9') n->num.n = strtoll(v, NULL, 10);
        else if (t[1] == 'u') bad("'%s' is not the name of a known user", v);
        else bad("'%s' is not the name of an existing group", v);
        return n;
    }
    if (!strcmp(t, "-readable") || !strcmp(t, "-writable") || !strcmp(t, "-executable")) {
        n = new_node(K_ACCESS);
        n->which = t[1] == 'r' ? R_OK : t[1] == 'w' ? W_OK : X_OK;
        return n;
    }
    if (!strcmp(t, "-print")) { has_action = 1; return new_node(K_PRINT); }
    if (!strcmp(t, "-print0")) { has_action = 1; return new_node(K_PRINT0); }
    if (!strcmp(t, "-printf")) {
        n = new_node(K_PRINTF);
        n->str = need_arg(t);
        const char *msg = find_printf_check(n->str);
        if (msg) bad("%s", msg);
        has_action = 1;
        return n;
    }
    if (!strcmp(t, "-ls")) { has_action = 1; return new_node(K_LS); }
    if (!strcmp(t, "-delete")) { has_action = 1; opts->depth_first = 1; return new_node(K_DELETE); }
    if (!strcmp(t, "-exec") || !strcmp(t, "-execdir")) return parse_exec(t, t[5] == 'd');
    if (!strcmp(t, "-prune")) return new_node(K_PRUNE);
    if (!strcmp(t, "-quit")) return new_node(K_QUIT);
    if (!strcmp(t, "-version") || !strcmp(t, "--version")) se_version(0);
    if (t[0] == '-' && t[1]) bad("unknown predicate `%s'", t);
    fflush(stdout);
    fprintf(stderr, "%s: paths must precede expression: `%s'\n", se_prog, t);
    /* A pattern without wildcards before a stray word may be a glob the shell expanded. */
    if (pos >= 3 && !strpbrk(toks[pos - 2], "*?[") &&
        (!strcmp(toks[pos - 3], "-name") || !strcmp(toks[pos - 3], "-iname") || !strcmp(toks[pos - 3], "-path") ||
         !strcmp(toks[pos - 3], "-ipath")))
        fprintf(stderr, "%s: possible unquoted pattern after predicate `%s'?\n", se_prog, toks[pos - 3]);
    exit(1);
}

static struct find_node *parse_or(void);

static struct find_node *parse_unary(void) {
    if (pos >= ntoks) bad("%s", "invalid expression");
    const char *t = toks[pos];
    if (!strcmp(t, "!") || !strcmp(t, "-not")) {
        pos++;
        if (pos >= ntoks) bad("expected an expression after '%s'", t);
        struct find_node *n = new_node(K_NOT);
        n->l = parse_unary();
        return n;
    }
    if (!strcmp(t, "(")) {
        pos++;
        if (pos < ntoks && !strcmp(toks[pos], ")")) bad("%s", "invalid expression; empty parentheses are not allowed.");
        struct find_node *n = parse_or();
        if (pos >= ntoks || strcmp(toks[pos], ")"))
            bad("%s", "invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        pos++;
        return n;
    }
    return parse_primary();
}

static int ends_and(const char *t) {
    return !strcmp(t, "-o") || !strcmp(t, "-or") || !strcmp(t, ")") || !strcmp(t, ",");
}

static struct find_node *parse_and(void) {
    struct find_node *l = parse_unary();
    while (pos < ntoks && !ends_and(toks[pos])) {
        if (!strcmp(toks[pos], "-a") || !strcmp(toks[pos], "-and")) {
            pos++;
            if (pos >= ntoks || ends_and(toks[pos])) bad("invalid expression; you have used a binary operator '%s' with nothing before it.", toks[pos - 1]);
        }
        struct find_node *n = new_node(K_AND);
        n->l = l;
        n->r = parse_unary();
        l = n;
    }
    return l;
}

static struct find_node *parse_or(void) {
    struct find_node *l = parse_and();
    while (pos < ntoks && (!strcmp(toks[pos], "-o") || !strcmp(toks[pos], "-or") || !strcmp(toks[pos], ","))) {
        int comma = toks[pos][0] == ',';
        pos++;
        if (pos >= ntoks) bad("invalid expression; you have used a binary operator '%s' with nothing after it.", comma ? "," : "-o");
        struct find_node *n = new_node(comma ? K_COMMA : K_OR);
        n->l = l;
        n->r = comma ? parse_or() : parse_and();
        l = n;
        if (comma) break;
    }
    return l;
}

void find_parse(char **words, int nwords, struct find_options *options, struct find_expr *out) {
    toks = words;
    ntoks = nwords;
    pos = 0;
    opts = options;
    result = out;
    out->root = ntoks ? parse_or() : new_node(K_TRUE);
    if (pos < ntoks) {
        if (!strcmp(toks[pos], ")")) bad("%s", "invalid expression; you have too many ')'");
        bad("%s", "invalid expression");
    }
    if (!has_action) {
        struct find_node *and = new_node(K_AND);
        and->l = out->root;
        and->r = new_node(K_PRINT);
        out->root = and;
    }
}
