/*
 * find: walks each starting point (default ".") and evaluates an
 * expression on every file, as GNU find does: tests (-name -iname -path
 * -ipath -regex -iregex -type -xtype -size -empty -newer -newermt -mtime
 * -mmin -atime -amin -ctime -cmin -perm -links -inum -user -group -uid -gid
 * -readable -writable -executable -true -false), actions (-print -print0
 * -printf -ls -delete -exec/-execdir with ; or +, -prune -quit), operators
 * (! -not, -a -and, -o -or, ",", parentheses) and options (-maxdepth
 * -mindepth -depth -mount -xdev -noleaf -regextype; -P -H -L before the
 * paths). Without an action the expression is followed by -print. Files
 * are visited in directory order, pre-order (post-order with -depth or
 * -delete). -exec starts commands through se_spawn, so any kernel command
 * can run. Exit status 1 if a file could not be visited, a -delete failed
 * or an -exec ... + command failed.
 */
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/find-print.h"
#include "lib/fs-mode.h"
#include "lib/fs-util.h"
#include "lib/se-kernel.h"
#include "lib/when.h"

SE_COMMAND(main_find, "find")

enum kind {
    K_AND, K_OR, K_NOT, K_COMMA, K_TRUE, K_FALSE,
    K_NAME, K_INAME, K_PATH, K_IPATH, K_REGEX, K_TYPE, K_XTYPE, K_SIZE, K_EMPTY, K_NEWER,
    K_TIME, K_PERM, K_LINKS, K_INUM, K_UID, K_GID, K_ACCESS,
    K_PRINT, K_PRINT0, K_PRINTF, K_LS, K_DELETE, K_EXEC, K_PRUNE, K_QUIT,
};

/* Numeric comparisons: +N (greater), -N (less), N (equal). */
struct numtest {
    int cmp;
    long long n;
};

struct exec_batch {
    char **argv; /* template up to (not including) the {} */
    int nfixed;
    char **args; /* accumulated paths */
    size_t nargs, cap, bytes;
    int failed;
};

struct node {
    enum kind kind;
    struct node *l, *r;
    const char *str;
    struct numtest num;
    long long unit;     /* -size unit in bytes; -mtime etc.: seconds per unit */
    char which;         /* -mtime/-atime/-ctime: 'm' 'a' 'c'; -perm: '=' '-' '/'; -type letters in str */
    unsigned mode;
    struct timespec ts;
    regex_t re;
    char **argv;        /* -exec command with {} */
    int argc, plus, in_dir;
    struct exec_batch *batch;
};

static struct {
    int follow;       /* -L */
    int follow_cmdline; /* -H */
    int maxdepth, mindepth, depth_first;
    int status, quit;
    long long now;
} g;

struct visit {
    const char *path, *start;
    int depth;
    struct stat st;
    int stat_ok;
    int pruned;
};

/* ---- expression parsing ---- */

static char **toks;
static int ntoks, pos;
static int has_action;
static struct exec_batch **batches;
static int nbatches;

static struct node *new_node(enum kind k) {
    struct node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    return n;
}

static _Noreturn void bad(const char *fmt, const char *arg) {
    fflush(stdout);
    fprintf(stderr, "%s: ", se_prog);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static const char *need_arg(const char *pred) {
    if (pos >= ntoks) bad("missing argument to `%s'", pred);
    return toks[pos++];
}

static struct numtest parse_num(const char *pred, const char *s, const char **suffix) {
    struct numtest t = {0, 0};
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

static int num_matches(const struct numtest *t, long long v) {
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

static struct node *parse_exec(const char *pred, int in_dir) {
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
    struct node *n = new_node(K_EXEC);
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
        batches = xrealloc(batches, (size_t)(nbatches + 1) * sizeof *batches);
        batches[nbatches++] = n->batch;
    }
    pos = end + 1;
    has_action = 1;
    return n;
}

static int regex_extended;

static struct node *parse_primary(void) {
    const char *t = toks[pos++];
    struct node *n;
    if (!strcmp(t, "-maxdepth")) { g.maxdepth = nonneg_int(t, need_arg(t)); return new_node(K_TRUE); }
    if (!strcmp(t, "-mindepth")) { g.mindepth = nonneg_int(t, need_arg(t)); return new_node(K_TRUE); }
    if (!strcmp(t, "-depth") || !strcmp(t, "-d")) { g.depth_first = 1; return new_node(K_TRUE); }
    if (!strcmp(t, "-follow")) { g.follow = 1; return new_node(K_TRUE); }
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
    if (!strcmp(t, "-delete")) { has_action = 1; g.depth_first = 1; return new_node(K_DELETE); }
    if (!strcmp(t, "-exec") || !strcmp(t, "-execdir")) return parse_exec(t, t[5] == 'd');
    if (!strcmp(t, "-prune")) return new_node(K_PRUNE);
    if (!strcmp(t, "-quit")) return new_node(K_QUIT);
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

static struct node *parse_or(void);

static struct node *parse_unary(void) {
    if (pos >= ntoks) bad("%s", "invalid expression");
    const char *t = toks[pos];
    if (!strcmp(t, "!") || !strcmp(t, "-not")) {
        pos++;
        if (pos >= ntoks) bad("expected an expression after '%s'", t);
        struct node *n = new_node(K_NOT);
        n->l = parse_unary();
        return n;
    }
    if (!strcmp(t, "(")) {
        pos++;
        if (pos < ntoks && !strcmp(toks[pos], ")")) bad("%s", "invalid expression; empty parentheses are not allowed.");
        struct node *n = parse_or();
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

static struct node *parse_and(void) {
    struct node *l = parse_unary();
    while (pos < ntoks && !ends_and(toks[pos])) {
        if (!strcmp(toks[pos], "-a") || !strcmp(toks[pos], "-and")) {
            pos++;
            if (pos >= ntoks || ends_and(toks[pos])) bad("invalid expression; you have used a binary operator '%s' with nothing before it.", toks[pos - 1]);
        }
        struct node *n = new_node(K_AND);
        n->l = l;
        n->r = parse_unary();
        l = n;
    }
    return l;
}

static struct node *parse_or(void) {
    struct node *l = parse_and();
    while (pos < ntoks && (!strcmp(toks[pos], "-o") || !strcmp(toks[pos], "-or") || !strcmp(toks[pos], ","))) {
        int comma = toks[pos][0] == ',';
        pos++;
        if (pos >= ntoks) bad("invalid expression; you have used a binary operator '%s' with nothing after it.", comma ? "," : "-o");
        struct node *n = new_node(comma ? K_COMMA : K_OR);
        n->l = l;
        n->r = comma ? parse_or() : parse_and();
        l = n;
        if (comma) break;
    }
    return l;
}

/* ---- evaluation ---- */

static const char *base_name(const char *path, char *buf, size_t cap) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    size_t s = n;
    while (s > 0 && path[s - 1] != '/') s--;
    if (n == 1 && path[0] == '/') s = 0;
    snprintf(buf, cap, "%.*s", (int)(n - s), path + s);
    return buf;
}

static int type_matches(const char *letters, unsigned mode) {
    for (const char *p = letters; *p; p++) {
        int ok = (*p == 'f' && S_ISREG(mode)) || (*p == 'd' && S_ISDIR(mode)) || (*p == 'l' && S_ISLNK(mode)) ||
                 (*p == 'p' && S_ISFIFO(mode)) || (*p == 's' && S_ISSOCK(mode)) || (*p == 'c' && S_ISCHR(mode)) ||
                 (*p == 'b' && S_ISBLK(mode));
        if (ok) return 1;
    }
    return 0;
}

static int is_empty(const struct visit *v) {
    if (S_ISREG(v->st.st_mode)) return v->st.st_size == 0;
    if (!S_ISDIR(v->st.st_mode)) return 0;
    size_t n;
    char **names = fs_list_dir(v->path, &n);
    if (!names) return 0;
    fs_free_list(names);
    return n == 0;
}

static void flush_batch(struct exec_batch *b) {
    if (b->nargs == 0) return;
    size_t total = (size_t)b->nfixed + b->nargs;
    char **argv = xcalloc(total + 1, sizeof *argv);
    for (int i = 0; i < b->nfixed; i++) argv[i] = b->argv[i];
    for (size_t i = 0; i < b->nargs; i++) argv[b->nfixed + i] = b->args[i];
    fflush(stdout);
    int pid = se_spawn(argv, NULL, NULL, 0, 1, 2);
    int status = 1;
    if (pid < 0) {
        int e = errno;
        fprintf(stderr, "%s: '%s': %s\n", se_prog, argv[0], se_strerror(e));
    } else {
        while (se_waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (status != 0) b->failed = 1;
    for (size_t i = 0; i < b->nargs; i++) free(b->args[i]);
    b->nargs = 0;
    b->bytes = 0;
    free(argv);
}

#define EXEC_MAX_BYTES 131072

static int run_exec(struct node *n, const struct visit *v) {
    char name[4096];
    const char *subject = v->path;
    char *dir = NULL, *dotted = NULL;
    if (n->in_dir) {
        base_name(v->path, name, sizeof name);
        dotted = xmalloc(strlen(name) + 3);
        sprintf(dotted, "%s%s", name[0] == '/' ? "" : "./", name);
        subject = dotted;
        size_t len = strlen(v->path);
        while (len > 1 && v->path[len - 1] == '/') len--;
        while (len > 0 && v->path[len - 1] != '/') len--;
        dir = len ? xmalloc(len + 1) : xstrdup(".");
        if (len) {
            memcpy(dir, v->path, len);
            dir[len] = '\0';
        }
    }
    if (n->plus) {
        struct exec_batch *b = n->batch;
        size_t need = strlen(subject) + 1;
        if (b->nargs > 0 && b->bytes + need > EXEC_MAX_BYTES) flush_batch(b);
        if (b->nargs + 1 >= b->cap) b->args = xrealloc(b->args, (b->cap = b->cap * 2 + 64) * sizeof *b->args);
        b->args[b->nargs++] = xstrdup(subject);
        b->bytes += need;
        free(dir);
        free(dotted);
        return 1;
    }
    char **argv = xcalloc((size_t)n->argc + 1, sizeof *argv);
    size_t sl = strlen(subject);
    for (int i = 0; i < n->argc; i++) {
        const char *a = n->argv[i];
        size_t count = 0;
        for (const char *p = a; (p = strstr(p, "{}")) != NULL; p += 2) count++;
        char *out = xmalloc(strlen(a) + count * sl + 1), *w = out;
        for (const char *p = a; *p;) {
            if (p[0] == '{' && p[1] == '}') {
                memcpy(w, subject, sl);
                w += sl;
                p += 2;
            } else {
                *w++ = *p++;
            }
        }
        *w = '\0';
        argv[i] = out;
    }
    fflush(stdout);
    int pid = se_spawn(argv, NULL, dir, 0, 1, 2);
    int status = 1;
    if (pid < 0) {
        int e = errno;
        fprintf(stderr, "%s: '%s': %s\n", se_prog, argv[0], se_strerror(e));
    } else {
        while (se_waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    for (int i = 0; i < n->argc; i++) free(argv[i]);
    free(argv);
    free(dir);
    free(dotted);
    return status == 0;
}

static int eval(struct node *n, struct visit *v) {
    char buf[4096];
    switch (n->kind) {
    /* After -quit nothing more is evaluated. */
    case K_AND: return eval(n->l, v) && !g.quit && eval(n->r, v);
    case K_OR: return (eval(n->l, v) || (!g.quit && eval(n->r, v))) && !g.quit;
    case K_COMMA: eval(n->l, v); return !g.quit && eval(n->r, v);
    case K_NOT: return !eval(n->l, v);
    case K_TRUE: return 1;
    case K_FALSE: return 0;
    case K_NAME: return fnmatch(n->str, base_name(v->path, buf, sizeof buf), 0) == 0;
    case K_INAME: return fnmatch(n->str, base_name(v->path, buf, sizeof buf), FNM_CASEFOLD) == 0;
    case K_PATH: return fnmatch(n->str, v->path, 0) == 0;
    case K_IPATH: return fnmatch(n->str, v->path, FNM_CASEFOLD) == 0;
    case K_REGEX: return regexec(&n->re, v->path, 0, NULL, 0) == 0;
    case K_PRINT: printf("%s\n", v->path); return 1;
    case K_PRINT0: fputs(v->path, stdout); putchar('\0'); return 1;
    case K_PRUNE: v->pruned = 1; return 1;
    case K_QUIT: g.quit = 1; return 1;
    case K_EXEC: return run_exec(n, v);
    default: break;
    }
    if (!v->stat_ok) return 0;
    const struct stat *st = &v->st;
    switch (n->kind) {
    case K_TYPE: return type_matches(n->str, st->st_mode);
    case K_XTYPE: {
        struct stat other;
        int follow = !(g.follow);
        if (S_ISLNK(st->st_mode) || g.follow) {
            if (fs_stat(v->path, &other, follow) != 0) return type_matches(n->str, st->st_mode);
            return type_matches(n->str, other.st_mode);
        }
        return type_matches(n->str, st->st_mode);
    }
    case K_SIZE: {
        long long size = (long long)st->st_size;
        long long units = (size + n->unit - 1) / n->unit;
        return num_matches(&n->num, units);
    }
    case K_EMPTY: return is_empty(v);
    case K_NEWER: {
        const struct timespec *t = n->which == 'a' ? &st->st_atim : n->which == 'c' ? &st->st_ctim : &st->st_mtim;
        return t->tv_sec > n->ts.tv_sec || (t->tv_sec == n->ts.tv_sec && t->tv_nsec > n->ts.tv_nsec);
    }
    case K_TIME: {
        const struct timespec *t = n->which == 'a' ? &st->st_atim : n->which == 'c' ? &st->st_ctim : &st->st_mtim;
        long long age = g.now - (long long)t->tv_sec;
        if (n->unit == 60) {
            /* Minutes compare exactly: -N younger than N minutes, +N older, N within the minute before. */
            long long limit = n->num.n * 60;
            if (n->num.cmp > 0) return age > limit;
            if (n->num.cmp < 0) return age < limit;
            return age >= limit - 60 && age < limit;
        }
        /* Days drop the fraction: +1 means at least two days old. */
        long long units = age >= 0 ? age / n->unit : -((-age + n->unit - 1) / n->unit);
        return num_matches(&n->num, units);
    }
    case K_PERM: {
        unsigned m = st->st_mode & 07777;
        if (n->which == '-') return (m & n->mode) == n->mode;
        if (n->which == '/') return n->mode == 0 || (m & n->mode) != 0;
        return m == n->mode;
    }
    case K_LINKS: return num_matches(&n->num, (long long)st->st_nlink);
    case K_INUM: return num_matches(&n->num, (long long)st->st_ino);
    case K_UID: return num_matches(&n->num, (long long)st->st_uid);
    case K_GID: return num_matches(&n->num, (long long)st->st_gid);
    case K_ACCESS: return access(v->path, n->which) == 0;
    case K_PRINTF: case K_LS: {
        struct find_file f = {v->path, v->start, v->depth, st};
        if (n->kind == K_PRINTF) find_printf(stdout, n->str, &f);
        else find_ls(stdout, &f);
        return 1;
    }
    case K_DELETE: {
        int r = S_ISDIR(st->st_mode) ? rmdir(v->path) : unlink(v->path);
        if (r != 0) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot delete '%s': %s\n", se_prog, v->path, se_strerror(e));
            g.status = 1;
            return 0;
        }
        return 1;
    }
    default: return 0;
    }
}

/* ---- traversal ---- */

static struct node *expr;

static void report(const char *path, int err) {
    fflush(stdout);
    fprintf(stderr, "%s: '%s': %s\n", se_prog, path, se_strerror(err));
    g.status = 1;
}

static void walk(const char *path, const char *start, int depth) {
    if (g.quit) return;
    struct visit v;
    memset(&v, 0, sizeof v);
    v.path = path;
    v.start = start;
    v.depth = depth;
    int follow = g.follow || (g.follow_cmdline && depth == 0);
    v.stat_ok = fs_stat(path, &v.st, follow) == 0;
    if (!v.stat_ok && follow) v.stat_ok = fs_stat(path, &v.st, 0) == 0;
    if (!v.stat_ok) {
        report(path, errno);
        return;
    }
    int descend = S_ISDIR(v.st.st_mode) && depth < g.maxdepth;
    if (!g.depth_first && depth >= g.mindepth) eval(expr, &v);
    if (descend && !(v.pruned && !g.depth_first) && !g.quit) {
        size_t n;
        char **names = fs_list_dir(path, &n);
        if (!names) {
            report(path, errno);
        } else {
            for (size_t i = 0; i < n && !g.quit; i++) {
                char *child = fs_join(path, names[i]);
                walk(child, start, depth + 1);
                free(child);
            }
            fs_free_list(names);
        }
    }
    if (g.depth_first && depth >= g.mindepth && !g.quit) eval(expr, &v);
}

int main_find(int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-L")) g.follow = 1, g.follow_cmdline = 0;
        else if (!strcmp(argv[i], "-H")) g.follow_cmdline = 1, g.follow = 0;
        else if (!strcmp(argv[i], "-P")) g.follow = g.follow_cmdline = 0;
        else if (!strcmp(argv[i], "-D") || !strcmp(argv[i], "-O")) i++;
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (!strcmp(argv[i], "--help")) {
            printf("Usage: find [-H] [-L] [-P] [path...] [expression]\n\n"
                   "default path is the current directory; default expression is -print\n"
                   "expression may consist of: operators, options, tests, and actions.\n\n"
                   "operators: ( EXPR ) ! EXPR -not EXPR EXPR -a EXPR EXPR -and EXPR\n"
                   "      EXPR -o EXPR EXPR -or EXPR EXPR , EXPR\n\n"
                   "options: -depth -maxdepth LEVELS -mindepth LEVELS -mount -noleaf -xdev\n"
                   "      -regextype TYPE -follow\n\n"
                   "tests: -amin N -anewer FILE -atime N -cmin N -cnewer FILE -ctime N\n"
                   "      -empty -executable -false -gid N -group NAME -iname PATTERN\n"
                   "      -inum N -ipath PATTERN -iregex PATTERN -links N -mmin N -mtime N\n"
                   "      -name PATTERN -newer FILE -newerXY REF -path PATTERN -perm [-/]MODE\n"
                   "      -readable -regex PATTERN -size N[bcwkMG] -true -type [bcdpflsD]\n"
                   "      -uid N -user NAME -writable -xtype [bcdpfls]\n\n"
                   "actions: -delete -print0 -printf FORMAT -prune -print -quit -ls\n"
                   "      -exec COMMAND ; -exec COMMAND {} + -execdir COMMAND ; -execdir COMMAND {} +\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] && strchr("HLPDO", argv[i][1]) && !argv[i][2]) {
            continue;
        } else {
            break;
        }
    }
    int first_path = i;
    while (i < argc && !(argv[i][0] == '-' && argv[i][1]) && strcmp(argv[i], "(") && strcmp(argv[i], "!")) i++;
    int npaths = i - first_path;
    g.maxdepth = 1 << 30;
    g.now = (long long)time(NULL);
    toks = argv + i;
    ntoks = argc - i;
    pos = 0;
    expr = ntoks ? parse_or() : new_node(K_TRUE);
    if (pos < ntoks) {
        if (!strcmp(toks[pos], ")")) bad("%s", "invalid expression; you have too many ')'");
        bad("%s", "invalid expression");
    }
    if (!has_action) {
        struct node *and = new_node(K_AND);
        and->l = expr;
        and->r = new_node(K_PRINT);
        expr = and;
    }
    static char *dot[] = {".", NULL};
    char **paths = npaths ? argv + first_path : dot;
    if (!npaths) npaths = 1;
    for (int p = 0; p < npaths && !g.quit; p++) {
        if (!paths[p][0]) {
            report(paths[p], ENOENT);
            continue;
        }
        walk(paths[p], paths[p], 0);
    }
    for (int b = 0; b < nbatches; b++) {
        flush_batch(batches[b]);
        if (batches[b]->failed) g.status = 1;
    }
    return g.status;
}
