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
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/find-expr.h"
#include "lib/find-print.h"
#include "lib/fs-util.h"
#include "lib/se-kernel.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_find, "find")

static struct find_options opt;
static struct find_expr expr;
static int need_modes; /* whether the expression reads permission bits or owners */

/* The run's state: exit status, -quit seen, and "now" for -mtime and friends. */
static struct {
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

static void flush_batch(struct find_batch *b) {
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
        fprintf(stderr, "%s: %s: %s\n", se_prog, quote_locale(argv[0]), se_strerror(e));
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

static int run_exec(struct find_node *n, const struct visit *v) {
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
        struct find_batch *b = n->batch;
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
        fprintf(stderr, "%s: %s: %s\n", se_prog, quote_locale(argv[0]), se_strerror(e));
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

static int eval(struct find_node *n, struct visit *v) {
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
        /* The other view of the file: lstat where find follows links, stat where it does not. */
        struct stat other;
        int following = opt.follow || (opt.follow_cmdline && v->depth == 0);
        if (fs_stat_fast(v->path, &other, !following) != 0) return type_matches(n->str, st->st_mode);
        return type_matches(n->str, other.st_mode);
    }
    case K_SIZE: {
        long long size = (long long)st->st_size;
        long long units = (size + n->unit - 1) / n->unit;
        return find_num_matches(&n->num, units);
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
        return find_num_matches(&n->num, units);
    }
    case K_PERM: {
        unsigned m = st->st_mode & 07777;
        if (n->which == '-') return (m & n->mode) == n->mode;
        if (n->which == '/') return n->mode == 0 || (m & n->mode) != 0;
        return m == n->mode;
    }
    case K_LINKS: return find_num_matches(&n->num, (long long)st->st_nlink);
    case K_INUM: return find_num_matches(&n->num, (long long)st->st_ino);
    case K_UID: return find_num_matches(&n->num, (long long)st->st_uid);
    case K_GID: return find_num_matches(&n->num, (long long)st->st_gid);
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
            fprintf(stderr, "%s: cannot delete %s: %s\n", se_prog, quote_locale(v->path), se_strerror(e));
            g.status = 1;
            return 0;
        }
        return 1;
    }
    default: return 0;
    }
}

/* Whether any node of the expression looks at permission bits or owners. */
static int reads_modes(const struct find_node *n) {
    if (!n) return 0;
    if (n->kind == K_PERM || n->kind == K_PRINTF || n->kind == K_LS || n->kind == K_UID || n->kind == K_GID) return 1;
    return reads_modes(n->l) || reads_modes(n->r);
}

/* ---- traversal ---- */

static void report(const char *path, int err) {
    fflush(stdout);
    fprintf(stderr, "%s: %s: %s\n", se_prog, quote_locale(path), se_strerror(err));
    g.status = 1;
}

static void walk(const char *path, const char *start, int depth) {
    if (g.quit) return;
    struct visit v;
    memset(&v, 0, sizeof v);
    v.path = path;
    v.start = start;
    v.depth = depth;
    int follow = opt.follow || (opt.follow_cmdline && depth == 0);
    int (*get)(const char *, struct stat *, int) = need_modes ? fs_stat : fs_stat_fast;
    v.stat_ok = get(path, &v.st, follow) == 0;
    if (!v.stat_ok && follow) v.stat_ok = get(path, &v.st, 0) == 0;
    if (!v.stat_ok) {
        report(path, errno);
        return;
    }
    int descend = S_ISDIR(v.st.st_mode) && depth < opt.maxdepth;
    if (!opt.depth_first && depth >= opt.mindepth) eval(expr.root, &v);
    if (descend && !(v.pruned && !opt.depth_first) && !g.quit) {
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
    if (opt.depth_first && depth >= opt.mindepth && !g.quit) eval(expr.root, &v);
}

int main_find(int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-L")) opt.follow = 1, opt.follow_cmdline = 0;
        else if (!strcmp(argv[i], "-H")) opt.follow_cmdline = 1, opt.follow = 0;
        else if (!strcmp(argv[i], "-P")) opt.follow = opt.follow_cmdline = 0;
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
    opt.maxdepth = 1 << 30;
    g.now = (long long)time(NULL);
    find_parse(argv + i, argc - i, &opt, &expr);
    need_modes = reads_modes(expr.root);
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
    for (int b = 0; b < expr.nbatches; b++) {
        flush_batch(expr.batches[b]);
        if (expr.batches[b]->failed) g.status = 1;
    }
    return g.status;
}
