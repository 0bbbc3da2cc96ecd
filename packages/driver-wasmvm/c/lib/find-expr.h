/*
 * find-expr.h: find's expression, as find-parse.c builds it from the
 * words after the paths and find.c evaluates it on each file.
 */
#ifndef SE_FIND_EXPR_H
#define SE_FIND_EXPR_H

#include <regex.h>
#include <stddef.h>
#include <time.h>

/* What a node of the expression does: operators, tests, actions. */
enum find_kind {
    K_AND, K_OR, K_NOT, K_COMMA, K_TRUE, K_FALSE,
    K_NAME, K_INAME, K_PATH, K_IPATH, K_REGEX, K_TYPE, K_XTYPE, K_SIZE, K_EMPTY, K_NEWER,
    K_TIME, K_PERM, K_LINKS, K_INUM, K_UID, K_GID, K_ACCESS,
    K_PRINT, K_PRINT0, K_PRINTF, K_LS, K_DELETE, K_EXEC, K_PRUNE, K_QUIT,
};

/* Numeric comparisons: +N (greater), -N (less), N (equal). */
struct find_num {
    int cmp;
    long long n;
};

/* The paths collected for one -exec ... {} + until they are run. */
struct find_batch {
    char **argv; /* template up to (not including) the {} */
    int nfixed;
    char **args; /* accumulated paths */
    size_t nargs, cap, bytes;
    int failed;
};

/* One node of the expression tree; which fields matter depends on kind. */
struct find_node {
    enum find_kind kind;
    struct find_node *l, *r;
    const char *str;
    struct find_num num;
    long long unit;     /* -size unit in bytes; -mtime etc.: seconds per unit */
    char which;         /* -mtime/-atime/-ctime: 'm' 'a' 'c'; -perm: '=' '-' '/'; -type letters in str */
    unsigned mode;
    struct timespec ts;
    regex_t re;
    char **argv;        /* -exec command with {} */
    int argc, plus, in_dir;
    struct find_batch *batch;
};

/* The options an expression may carry (-maxdepth, -depth, -follow...) and those before the paths (-L, -H). */
struct find_options {
    int follow;         /* -L, -follow */
    int follow_cmdline; /* -H */
    int maxdepth, mindepth, depth_first;
};

/* A parsed expression: its root (with -print added when it has no action) and its -exec ... + batches. */
struct find_expr {
    struct find_node *root;
    struct find_batch **batches;
    int nbatches;
};

/* Parses toks into out, setting the options they contain; exits 1 with GNU's message on a bad expression. */
void find_parse(char **toks, int ntoks, struct find_options *opts, struct find_expr *out);

/* Whether v satisfies a +N / -N / N comparison. */
int find_num_matches(const struct find_num *t, long long v);

#endif
