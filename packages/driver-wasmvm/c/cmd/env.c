/*
 * env: runs COMMAND in a modified environment (-i empties it, -u NAME
 * removes a variable, NAME=VALUE sets one, -C DIR changes directory, -S
 * splits one argument into several), or prints the environment when no
 * COMMAND is given. COMMAND is started through se_spawn, so it may be any
 * kernel command, and env exits with its status: 125 when env itself
 * fails, 126 when COMMAND cannot run, 127 when it is not found.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_env, "env")

extern char **environ;

struct env_list {
    char **v;
    size_t n, cap;
};

static void env_unset(struct env_list *e, const char *name) {
    size_t len = strlen(name), j = 0;
    for (size_t i = 0; i < e->n; i++)
        if (!(strncmp(e->v[i], name, len) == 0 && e->v[i][len] == '=')) e->v[j++] = e->v[i];
    e->n = j;
    e->v[j] = NULL;
}

static void env_set(struct env_list *e, char *assignment) {
    char *eq = strchr(assignment, '=');
    *eq = '\0';
    env_unset(e, assignment);
    *eq = '=';
    if (e->n + 2 > e->cap) {
        e->cap = e->cap * 2 + 8;
        e->v = xrealloc(e->v, e->cap * sizeof *e->v);
    }
    e->v[e->n++] = assignment;
    e->v[e->n] = NULL;
}

/* Splits -S's string at blanks, with '' and "" quoting and backslash escapes; returns a NULL-terminated vector. */
static char **split_string(const char *s, int *count) {
    size_t cap = 8, n = 0;
    char **out = xmalloc(cap * sizeof *out);
    char *buf = xmalloc(strlen(s) + 1);
    const char *p = s;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        size_t len = 0;
        char quote = 0;
        for (; *p && (quote || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
            if (quote) {
                if (*p == quote) quote = 0;
                else if (*p == '\\' && quote == '"' && p[1]) buf[len++] = *++p;
                else buf[len++] = *p;
            } else if (*p == '\'' || *p == '"') {
                quote = *p;
            } else if (*p == '\\' && p[1]) {
                p++;
                buf[len++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
            } else {
                buf[len++] = *p;
            }
        }
        if (quote) se_die(125, "no terminating quote in -S string");
        buf[len] = '\0';
        if (n + 2 > cap) out = xrealloc(out, (cap *= 2) * sizeof *out);
        out[n++] = xstrdup(buf);
    }
    out[n] = NULL;
    free(buf);
    *count = (int)n;
    return out;
}

static void usage(void) {
    printf("Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
           "Set each NAME to VALUE in the environment and run COMMAND.\n\n"
           "  -i, --ignore-environment  start with an empty environment\n"
           "  -0, --null           end each output line with NUL, not newline\n"
           "  -u, --unset=NAME     remove variable from the environment\n"
           "  -C, --chdir=DIR      change working directory to DIR\n"
           "  -S, --split-string=S  process and split S into separate arguments\n"
           "  -v, --debug          print verbose information for each processing step\n");
}

int main_env(int argc, char **argv) {
    static const struct option longopts[] = {
        {"ignore-environment", no_argument, NULL, 'i'}, {"null", no_argument, NULL, '0'},
        {"unset", required_argument, NULL, 'u'},        {"chdir", required_argument, NULL, 'C'},
        {"split-string", required_argument, NULL, 'S'}, {"debug", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},               {NULL, 0, NULL, 0}};
    int ignore = 0, debug = 0, c;
    char end = '\n';
    const char *dir = NULL;
    char **unsets = xcalloc((size_t)argc + 1, sizeof *unsets);
    size_t nunsets = 0;
    char **split = NULL;
    int nsplit = 0;
    while ((c = se_getopt_long(argc, argv, "+i0u:C:S:v", longopts, NULL)) != -1) {
        switch (c) {
        case 'i': ignore = 1; break;
        case '0': end = '\0'; break;
        case 'u': unsets[nunsets++] = optarg; break;
        case 'C': dir = optarg; break;
        case 'S': split = split_string(optarg, &nsplit); break;
        case 'v': debug = 1; break;
        case 'h': usage(); return 0;
        default: se_usage_error(125);
        }
    }
    if (optind < argc && strcmp(argv[optind], "-") == 0) {
        ignore = 1;
        optind++;
    }
    struct env_list e = {NULL, 0, 0};
    e.cap = 16;
    e.v = xmalloc(e.cap * sizeof *e.v);
    e.v[0] = NULL;
    if (debug && ignore) fprintf(stderr, "cleaning environ\n");
    if (!ignore)
        for (char **p = environ; *p; p++) env_set(&e, xstrdup(*p));
    for (size_t i = 0; i < nunsets; i++) {
        if (!*unsets[i] || strchr(unsets[i], '=')) {
            se_warn("cannot unset %s: Invalid argument", quote_locale(unsets[i]));
            return 125;
        }
        if (debug) fprintf(stderr, "unset:    %s\n", unsets[i]);
        env_unset(&e, unsets[i]);
    }
    /* Arguments: assignments, then the command (or the -S words first). */
    int total = nsplit + (argc - optind);
    char **args = xcalloc((size_t)total + 1, sizeof *args);
    for (int i = 0; i < nsplit; i++) args[i] = split[i];
    for (int i = optind; i < argc; i++) args[nsplit + i - optind] = argv[i];
    int k = 0;
    for (; k < total && strchr(args[k], '='); k++) {
        if (args[k][0] == '=') continue; /* no name: nothing to set, as GNU's putenv refuses it */
        if (debug) fprintf(stderr, "setenv:   %s\n", args[k]);
        env_set(&e, args[k]);
    }
    if (k >= total) {
        if (dir) {
            se_warn("must specify command with --chdir (-C)");
            se_usage_error(125);
        }
        for (size_t i = 0; i < e.n; i++) {
            fputs(e.v[i], stdout);
            putchar(end);
        }
        return 0;
    }
    if (end == '\0') {
        se_warn("cannot specify --null (-0) with command");
        se_usage_error(125);
    }
    if (dir) {
        if (se_chdir(dir) != 0) {
            int err = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot change directory to %s: %s\n", se_prog, quoteaf(dir), se_strerror(err));
            return 125;
        }
    }
    char **cmd = args + k;
    if (debug) {
        fprintf(stderr, "executing: %s\n", cmd[0]);
        for (int i = 0; cmd[i]; i++) fprintf(stderr, "   arg[%d]= '%s'\n", i, cmd[i]);
    }
    fflush(stdout);
    int pid = se_spawn(cmd, e.v, NULL, 0, 1, 2);
    if (pid < 0) {
        int err = errno;
        fprintf(stderr, "%s: %s: %s\n", se_prog, quote_locale(cmd[0]), se_strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    int status = 0;
    while (se_waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) se_die_errno(125, "waitpid");
    }
    return status;
}
