/*
 * xargs: builds command lines from the items read on stdin (or -a FILE)
 * and runs them through se_spawn, so the command may be any kernel
 * command. Items are blank-separated words with '' "" and backslash quoting
 * (GNU's default), or NUL-terminated (-0), or DELIM-terminated (-d). A
 * command line ends at -n items, -L lines, -s bytes (131072 by default,
 * counting each argument with its NUL) or end of input; -I REPL runs one
 * command per line with REPL replaced. Children get /dev/null as stdin and
 * run -P at a time. Status: 123 when a command exited 1-125, 124 when one
 * exited 255, 125 when one was killed by a signal (a status of 129..159,
 * since the kernel reports a signal death as 128+n), 126/127 when the
 * command cannot run / is not found, 1 for bad usage or input.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_xargs, "xargs")

#define DEFAULT_MAX_CHARS 131072

struct xargs_opts {
    int delim;           /* -1: quoted words; otherwise the item terminator */
    long max_args, max_lines, max_chars, max_procs;
    const char *replace; /* -I */
    const char *eof_str; /* -E */
    int no_run_if_empty, trace, exit_if_too_long;
};

/* Reading state: the input stream and what the last item ended with. */
struct xargs_input {
    FILE *f;
    int line_ended; /* the item just read ended its (logical) line */
    char bad_quote; /* the quote left open when input stopped, or 0 */
    size_t item_len;  /* bytes of the last item, NULs included (an argument ends at its first NUL) */
    int warned_nul;
    char *buf;
    size_t cap;
};

/* A growing argument vector (NULL-terminated), with its size in bytes as -s counts it. */
struct argvec {
    char **v;
    size_t n, cap, bytes;
};

static void vec_push(struct argvec *a, char *s) {
    if (a->n + 2 > a->cap) {
        a->cap = a->cap * 2 + 16;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = s;
    a->v[a->n] = NULL;
    a->bytes += strlen(s) + 1;
}

static void buf_put(struct xargs_input *in, size_t len, char c) {
    if (len + 1 >= in->cap) {
        in->cap = in->cap * 2 + 256;
        in->buf = xrealloc(in->buf, in->cap);
    }
    in->buf[len] = c;
}

/*
 * The next item (malloc'd), or NULL at end of input. In quoted mode blanks
 * separate items, newlines end lines (a line whose last item is followed
 * by a blank continues), and with -I (whole_line) only newlines separate.
 */
static char *next_item(struct xargs_input *in, const struct xargs_opts *o, int whole_line) {
    size_t len = 0;
    int c;
    in->line_ended = 0;
    if (o->delim >= 0) {
        while ((c = getc(in->f)) != EOF && c != o->delim) buf_put(in, len++, (char)c);
        if (c == EOF && len == 0) return NULL;
        in->line_ended = 1;
        in->item_len = len;
        buf_put(in, len, '\0');
        return xstrdup(in->buf);
    }
    /* Skip leading blanks (and empty lines). */
    do c = getc(in->f);
    while (c == ' ' || c == '\t' || c == '\n');
    if (c == EOF) return NULL;
    char quote = 0;
    for (; c != EOF; c = getc(in->f)) {
        if (quote) {
            if (c == quote) {
                quote = 0;
                continue;
            }
            if (c == '\n') break;
            buf_put(in, len++, (char)c);
            continue;
        }
        if (c == '\n') {
            in->line_ended = 1;
            break;
        }
        if ((c == ' ' || c == '\t') && !whole_line) {
            /* A blank at the end of a line keeps the line going. */
            int d;
            do d = getc(in->f);
            while (d == ' ' || d == '\t');
            if (d != EOF && d != '\n') ungetc(d, in->f);
            else if (d == EOF) in->line_ended = 1;
            break;
        }
        if (c == '\'' || c == '"') {
            quote = (char)c;
            continue;
        }
        if (c == '\\') {
            int d = getc(in->f);
            if (d == EOF) break;
            c = d;
        }
        buf_put(in, len++, (char)c);
    }
    if (quote) {
        in->bad_quote = quote;
        return NULL;
    }
    if (c == EOF) in->line_ended = 1;
    if (memchr(in->buf, '\0', len) && !in->warned_nul) {
        se_warn("WARNING: a NUL character occurred in the input.  It cannot be passed through in the argument list.  "
                "Did you mean to use the --null option?");
        in->warned_nul = 1;
    }
    in->item_len = len;
    buf_put(in, len, '\0');
    return xstrdup(in->buf);
}

/*
 * Writes arg as -t shows it, quoted for a shell only when needed (GNU's
 * shell-escape style): plain words as they are; 'single quotes' (or
 * "double" for a word with a quote and nothing else special); bytes that
 * are not printable as $'\ooo' segments.
 */
static void print_quoted(FILE *f, const char *arg) {
    const unsigned char *s = (const unsigned char *)arg;
    int special = !*s || *s == '~' || *s == '#', unprintable = 0;
    for (const unsigned char *p = s; *p; p++) {
        if (*p < 32 || *p >= 127) unprintable = 1;
        else if (strchr(" \t\n'\"\\$`!^[*?&;<>|()=", *p)) special = 1;
    }
    if (!special && !unprintable) {
        fputs(arg, f);
        return;
    }
    if (!unprintable && strchr(arg, '\'') && !strpbrk(arg, "\"$`\\!")) {
        fprintf(f, "\"%s\"", arg);
        return;
    }
    int quoted = 1, dollar = 0;
    fputc('\'', f);
    for (const unsigned char *p = s; *p; p++) {
        if (*p >= 32 && *p < 127) {
            if (dollar) fputc('\'', f);
            if (!quoted) fputc('\'', f);
            quoted = 1;
            dollar = 0;
            if (*p == '\'') fputs("'\\''", f);
            else fputc(*p, f);
            continue;
        }
        if (quoted) fputc('\'', f);
        if (!dollar) fputs("$'", f);
        quoted = 0;
        dollar = 1;
        if (*p == '\t') fputs("\\t", f);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p == '\r') fputs("\\r", f);
        else fprintf(f, "\\%03o", *p);
    }
    if (quoted || dollar) fputc('\'', f);
}

/* Running children and the worst outcome so far. */
struct xargs_run {
    int running;
    int status; /* 0 or 123 */
    int devnull;
    const char *name;
};

/* Accounts for one finished child; exits at once for 255 and signals, as GNU does. */
static void reap(struct xargs_run *r, int st) {
    r->running--;
    if (st == 255) {
        se_warn("%s: exited with status 255; aborting", r->name);
        exit(124);
    }
    if (st > 128 && st < 160) {
        se_warn("%s: terminated by signal %d", r->name, st - 128);
        exit(125);
    }
    if (st != 0) r->status = 123;
}

static void wait_one(struct xargs_run *r) {
    int st;
    int pid;
    while ((pid = se_waitpid(-1, &st, 0)) < 0 && errno == EINTR) {
    }
    if (pid < 0) se_die_errno(1, "waiting for child process");
    reap(r, st);
}

static void run(struct xargs_run *r, const struct xargs_opts *o, char **argv) {
    if (o->trace) {
        for (int i = 0; argv[i]; i++) {
            if (i) fputc(' ', stderr);
            print_quoted(stderr, argv[i]);
        }
        fputc('\n', stderr);
    }
    while (r->running >= o->max_procs) wait_one(r);
    fflush(stdout);
    int pid = se_spawn(argv, NULL, NULL, r->devnull, 1, 2);
    if (pid < 0) {
        int err = errno;
        se_warn("%s: %s", argv[0], se_strerror(err));
        while (r->running > 0) wait_one(r);
        exit(err == ENOENT ? 127 : 126);
    }
    r->running++;
    if (o->max_procs == 1) wait_one(r);
}

/* Copies s with every occurrence of repl replaced by item. */
static char *replace_all(const char *s, const char *repl, const char *item) {
    size_t rl = strlen(repl), il = strlen(item), n = 0;
    for (const char *p = s; (p = strstr(p, repl)) != NULL; p += rl) n++;
    char *out = xmalloc(strlen(s) + n * il + 1), *w = out;
    const char *p = s, *hit;
    while ((hit = strstr(p, repl)) != NULL) {
        memcpy(w, p, (size_t)(hit - p));
        w += hit - p;
        memcpy(w, item, il);
        w += il;
        p = hit + rl;
    }
    strcpy(w, p);
    return out;
}

/* A number of at least MIN for option OPT; -s (not FATAL) takes MIN after its warning, as GNU's does. */
static long parse_positive(const char *s, char opt, long min, int fatal) {
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end) {
        se_warn("invalid number \"%s\" for -%c option", s, opt);
        se_usage_error(1);
    }
    if (v < min) {
        se_warn("value %s for -%c option should be >= %ld", s, opt, min);
        if (fatal) se_usage_error(1);
        v = min;
    }
    return v;
}

static int parse_delim(const char *s) {
    if (s[0] == '\\' && s[1]) {
        switch (s[1]) {
        case 'n': return '\n';
        case 't': return '\t';
        case '0': return '\0';
        case '\\': return '\\';
        case 'x': return (int)strtol(s + 2, NULL, 16);
        default: break;
        }
    }
    if (s[0] && s[1]) se_die(1, "invalid input delimiter specification %s: the delimiter must be either a single character or an escape sequence starting with \\.", s);
    return (unsigned char)s[0];
}

/* Which of -I, -L and -n was given last: they exclude one another. */
enum set_by { SET_NONE, SET_REPLACE, SET_LINES, SET_ARGS };

/* GNU's warning when an option overrides an earlier one it cannot go with. */
static void conflict(enum set_by *set, enum set_by earlier, const char *earlier_name, const char *now_name) {
    if (*set != earlier) return;
    se_warn("warning: options %s and %s are mutually exclusive, ignoring previous %s value", earlier_name, now_name,
            earlier_name);
    *set = SET_NONE;
}

static void usage(void) {
    printf("Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n"
           "Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n\n"
           "  -0, --null                   items are separated by a null, not whitespace\n"
           "  -a, --arg-file=FILE          read arguments from FILE, not standard input\n"
           "  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER\n"
           "  -E END                       set logical EOF string\n"
           "  -I R                         same as --replace=R\n"
           "  -i, --replace[=R]            replace R in INITIAL-ARGS with names read from input\n"
           "  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per command line\n"
           "  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n"
           "  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time\n"
           "  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND\n"
           "  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS\n"
           "  -t, --verbose                print commands before executing them\n"
           "  -x, --exit                   exit if the size (see -s) is exceeded\n");
}

int main_xargs(int argc, char **argv) {
    static const struct option longopts[] = {
        {"null", no_argument, NULL, '0'},          {"arg-file", required_argument, NULL, 'a'},
        {"delimiter", required_argument, NULL, 'd'}, {"eof", optional_argument, NULL, 'e'},
        {"replace", optional_argument, NULL, 'i'}, {"max-lines", optional_argument, NULL, 'l'},
        {"max-args", required_argument, NULL, 'n'}, {"max-procs", required_argument, NULL, 'P'},
        {"no-run-if-empty", no_argument, NULL, 'r'}, {"max-chars", required_argument, NULL, 's'},
        {"verbose", no_argument, NULL, 't'},       {"exit", no_argument, NULL, 'x'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
    struct xargs_opts o = {-1, 0, 0, DEFAULT_MAX_CHARS, 1, NULL, NULL, 0, 0, 0};
    const char *arg_file = NULL;
    enum set_by set = SET_NONE;
    int c;
    while ((c = se_getopt_long(argc, argv, "+0a:d:E:e::I:i::L:l::n:P:rs:tx", longopts, NULL)) != -1) {
        switch (c) {
        case '0': o.delim = '\0'; break;
        case 'a': arg_file = optarg; break;
        case 'd': o.delim = parse_delim(optarg); break;
        case 'E': o.eof_str = optarg; break;
        case 'e': o.eof_str = optarg; break;
        case 'I': case 'i':
            conflict(&set, SET_LINES, "--max-lines", "--replace/-I/-i");
            conflict(&set, SET_ARGS, "--max-args", "--replace/-I/-i");
            o.replace = c == 'I' ? optarg : optarg ? optarg : "{}";
            o.max_lines = 1;
            o.max_args = 0;
            o.exit_if_too_long = 1;
            set = SET_REPLACE;
            break;
        case 'L': case 'l':
            conflict(&set, SET_REPLACE, "--replace", "-L");
            conflict(&set, SET_ARGS, "--max-args", "-L");
            o.max_lines = c == 'L' || optarg ? parse_positive(optarg, (char)c, 1, 1) : 1;
            o.max_args = 0;
            o.replace = NULL;
            set = SET_LINES;
            break;
        case 'n':
            o.max_args = parse_positive(optarg, 'n', 1, 1);
            /* -n 1 goes with -I; any other -n replaces it, as -n replaces -L. */
            if (o.max_args != 1) conflict(&set, SET_REPLACE, "--replace", "--max-args/-n");
            conflict(&set, SET_LINES, "--max-lines", "--max-args/-n");
            if (set != SET_REPLACE) {
                o.replace = NULL;
                o.max_lines = 0;
                set = SET_ARGS;
            }
            break;
        case 'P': o.max_procs = parse_positive(optarg, 'P', 0, 1); break;
        case 'r': o.no_run_if_empty = 1; break;
        case 's': o.max_chars = parse_positive(optarg, 's', 1, 0); break;
        case 't': o.trace = 1; break;
        case 'x': o.exit_if_too_long = 1; break;
        case 'h': usage(); return 0;
        default: se_usage_error(1);
        }
    }
    if (o.max_procs == 0) o.max_procs = 64;
    struct xargs_input in = {stdin, 0, 0, 0, 0, NULL, 0};
    if (arg_file) {
        in.f = fopen(arg_file, "r");
        if (!in.f) {
            int e = errno;
            se_die(1, "Cannot open input file %s: %s", quote_locale(arg_file), se_strerror(e));
        }
    }
    struct xargs_run r = {0, 0, -1, NULL};
    /* Children read /dev/null, never the items. */
    r.devnull = open("/dev/null", O_RDONLY);
    if (r.devnull < 0) se_die_errno(1, "/dev/null");

    static char *default_cmd[] = {"echo", NULL};
    char **initial = optind < argc ? argv + optind : default_cmd;
    int ninitial = optind < argc ? argc - optind : 1;
    r.name = initial[0];

    struct argvec cur = {NULL, 0, 0, 0};
    for (int i = 0; i < ninitial; i++) vec_push(&cur, initial[i]);
    size_t base_bytes = cur.bytes;
    if (!o.replace && base_bytes > (size_t)o.max_chars) se_die(1, "cannot fit single argument within argument list size limit");

    long items = 0, lines = 0;
    int ran = 0, done = 0;
    while (!done) {
        char *item = next_item(&in, &o, o.replace != NULL);
        if (item && o.eof_str && o.delim < 0 && strcmp(item, o.eof_str) == 0) {
            free(item);
            item = NULL;
        }
        if (!item) {
            done = 1;
        } else if (o.replace) {
            struct argvec cmd = {NULL, 0, 0, 0};
            for (int i = 0; i < ninitial; i++) vec_push(&cmd, replace_all(initial[i], o.replace, item));
            if (cmd.bytes > (size_t)o.max_chars) se_die(1, "argument line too long");
            run(&r, &o, cmd.v);
            ran = 1;
            for (size_t i = 0; i < cmd.n; i++) free(cmd.v[i]);
            free(cmd.v);
            free(item);
            continue;
        } else {
            size_t need = in.item_len + 1;
            if (cur.bytes + need > (size_t)o.max_chars) {
                if (cur.n > (size_t)ninitial) {
                    run(&r, &o, cur.v);
                    ran = 1;
                    cur.n = (size_t)ninitial;
                    cur.v[cur.n] = NULL;
                    cur.bytes = base_bytes;
                    items = lines = 0;
                }
                if (base_bytes + need > (size_t)o.max_chars) se_die(1, "argument line too long");
            }
            vec_push(&cur, item);
            items++;
            if (in.line_ended) lines++;
            int full = (o.max_args && items >= o.max_args) || (o.max_lines && lines >= o.max_lines);
            if (!full) continue;
        }
        if (cur.n > (size_t)ninitial || (!ran && !o.no_run_if_empty && done && !o.replace && !in.bad_quote)) {
            run(&r, &o, cur.v);
            ran = 1;
        }
        for (size_t i = (size_t)ninitial; i < cur.n; i++) free(cur.v[i]);
        cur.n = (size_t)ninitial;
        cur.v[cur.n] = NULL;
        cur.bytes = base_bytes;
        items = lines = 0;
    }
    while (r.running > 0) wait_one(&r);
    if (in.bad_quote) {
        /* As GNU does: the items before the bad one have run; then the error. */
        se_warn("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
                in.bad_quote == '"' ? "double" : "single");
        return 1;
    }
    return r.status;
}
