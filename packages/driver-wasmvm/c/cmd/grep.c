/*
 * grep, egrep, fgrep: print lines that match patterns (GNU grep 3.x
 * behaviour, LC_ALL=C). Input is read in large buffers and searched a
 * buffer at a time (grep-match.c finds the next matching line with a
 * literal prefilter); only lines that are printed are located exactly.
 * A file with a NUL byte is binary: its NULs count as line ends and a
 * selected line prints "grep: FILE: binary file matches" instead.
 */
#include "lib/common.h"
#include "lib/grep-match.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include "lib/gnu-getopt.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND(main_grep, "grep")
SE_COMMAND(main_grep, "egrep")
SE_COMMAND(main_grep, "fgrep")

#define READ_SIZE (256 * 1024)

enum { BIN_BINARY, BIN_TEXT, BIN_WITHOUT_MATCH };
enum { DIR_READ, DIR_SKIP, DIR_RECURSE };

typedef struct name_filter {
    const char *glob;
    int include;
} name_filter;

typedef struct grep_state {
    grep_matcher m;
    int invert, count, list, list_missing, quiet, no_messages, only, lnum, boff, line_buffered, null_name;
    int out_file;           /* 1 print names, 0 not, -1 print once recursing into a directory */
    long max_count;         /* -1: no limit */
    long before, after;
    int binary_files, directories, deref, color;
    const char *label, *group_sep;
    char eol;
    name_filter *filters;
    size_t nfilters;
    name_filter *dir_filters;
    size_t ndir_filters;
    int error, any_selected, printed_any, stop_all;
    int context_given;      /* -A, -B or -C was given (even 0): groups get separators */
    int initial_tab;        /* -T */
    char *buf;
    size_t cap;
} grep_state;

/* Per-file search state; offsets into g->buf unless named abs_. */
typedef struct file_scan {
    const char *name;
    int binary;
    int num_width;          /* -T: width of line numbers and offsets (digits of the file size) */
    long long base;         /* file offset of buf[0] */
    long selected;
    long lnum;              /* line number of the line at lnum_pos */
    size_t lnum_pos;
    long long abs_printed;  /* file offset just past the last printed line (-1: none) */
    long pending_after;
    int done;               /* stop reading this file */
    int last_match_reached; /* -m reached: print trailing context only */
} file_scan;

static void usage_error(void) {
    fprintf(stderr, "Usage: grep [OPTION]... PATTERNS [FILE]...\n");
    se_usage_error(2);
}

static void print_help(void) {
    fputs("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
          "Search for PATTERNS in each FILE.\n"
          "  -E, -F, -G       extended regexp, fixed strings, basic regexp (default)\n"
          "  -e PATTERNS, -f FILE, -i, -w, -x, -z\n"
          "  -v, -c, -l, -L, -o, -q, -s, -m NUM, -b, -n, -H, -h, -Z, --label=LABEL\n"
          "  -A NUM, -B NUM, -C NUM, -NUM, --group-separator=SEP, --no-group-separator\n"
          "  -a, -I, --binary-files=TYPE, -r, -R, -d ACTION, --include=GLOB, --exclude=GLOB,\n"
          "  --exclude-dir=GLOB, --line-buffered, --color[=WHEN]\n"
          "Exit status is 0 if any line is selected, 1 otherwise;\n"
          "if any error occurs and -q is not given, the exit status is 2.\n",
          stdout);
}

/* ---- output ---- */

/* A number, right-aligned to width (0: none), then sep. */
static void put_num(long long v, int width, char sep) {
    char tmp[24];
    int n = 0;
    if (v == 0) tmp[n++] = '0';
    while (v > 0) {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    }
    for (int pad = width - n; pad > 0; pad--) putchar_unlocked(' ');
    while (n > 0) putchar_unlocked(tmp[--n]);
    putchar_unlocked(sep);
}

static long lnum_at(grep_state *g, file_scan *f, size_t pos) {
    const char *p = g->buf + f->lnum_pos, *end = g->buf + pos;
    while (p < end && (p = memchr(p, g->eol, (size_t)(end - p)))) {
        f->lnum++;
        p++;
    }
    f->lnum_pos = pos;
    return f->lnum;
}

/* GNU's default GREP_COLORS: matches, file names, line/byte numbers, separators. */
#define SGR_END "\33[m\33[K"
#define SGR_MATCH "\33[01;31m\33[K"
#define SGR_FILE "\33[35m\33[K"
#define SGR_NUM "\33[32m\33[K"
#define SGR_SEP "\33[36m\33[K"

static void put_sep(grep_state *g, char sep) {
    if (g->color) fputs(SGR_SEP, stdout);
    putchar_unlocked(sep);
    if (g->color) fputs(SGR_END, stdout);
}

/* A file name and what follows it: its separator, or a NUL with -Z. */
static void put_name(grep_state *g, const char *name, char sep) {
    if (g->color) fputs(SGR_FILE, stdout);
    fputs(name, stdout);
    if (g->color) fputs(SGR_END, stdout);
    if (g->null_name) putchar_unlocked('\0');
    else if (sep == '\n') putchar_unlocked(sep);
    else put_sep(g, sep);
}

static void put_colored_num(grep_state *g, file_scan *f, long long v, char sep) {
    if (g->color) {
        printf(SGR_NUM "%*lld" SGR_END, f->num_width, v);
        put_sep(g, sep);
    } else {
        put_num(v, f->num_width, sep);
    }
}

static void prefix(grep_state *g, file_scan *f, size_t line_pos, long long off, char sep) {
    if (g->out_file > 0) put_name(g, f->name, sep);
    if (g->lnum) put_colored_num(g, f, lnum_at(g, f, line_pos), sep);
    if (g->boff) put_colored_num(g, f, off, sep);
    /* -T: a tab after any prefix, so the lines start on a tab stop. */
    if (g->initial_tab && (g->out_file > 0 || g->lnum || g->boff)) putchar_unlocked('\t');
}

/* Writes line[0..len) with its non-empty matches highlighted. */
static void put_highlighted(grep_state *g, char *line, size_t len) {
    size_t start = 0, done = 0, so, eo;
    while (start <= len && gm_next_match(&g->m, line, len, start, &so, &eo)) {
        if (eo == so) {
            start = eo + 1;
            continue;
        }
        fwrite(line + done, 1, so - done, stdout);
        fputs(SGR_MATCH, stdout);
        fwrite(line + so, 1, eo - so, stdout);
        fputs(SGR_END, stdout);
        done = start = eo;
    }
    fwrite(line + done, 1, len - done, stdout);
}

/* Prints the group separator when this line does not follow the last one output. */
static void group_break(grep_state *g, file_scan *f, size_t ls) {
    if (g->group_sep && g->context_given && g->printed_any && f->abs_printed != f->base + (long long)ls) {
        if (g->color) printf(SGR_SEP "%s" SGR_END "\n", g->group_sep);
        else printf("%s\n", g->group_sep);
    }
}

/* -o: each non-empty match of the line on a line of its own. */
static void print_matches(grep_state *g, file_scan *f, size_t ls, size_t le, char sep) {
    char *line = g->buf + ls;
    size_t len = le - ls - 1, start = 0, so, eo;
    while (start <= len && gm_next_match(&g->m, line, len, start, &so, &eo)) {
        if (eo == so) {
            start = eo + 1;
            continue;
        }
        prefix(g, f, ls, f->base + (long long)(ls + so), sep);
        if (g->color) fputs(SGR_MATCH, stdout);
        fwrite(line + so, 1, eo - so, stdout);
        if (g->color) fputs(SGR_END, stdout);
        putchar_unlocked(g->eol);
        start = eo;
    }
}

/* Prints a selected (sep ':') or context (sep '-') line. */
static void print_line(grep_state *g, file_scan *f, size_t ls, size_t le, char sep) {
    group_break(g, f, ls);
    f->abs_printed = f->base + (long long)le;
    g->printed_any = 1;
    int matching = (sep == ':') != g->invert;
    if (g->only) {
        /* -o shows the matches of matching lines only, but every line joins its group. */
        if (matching) print_matches(g, f, ls, le, sep);
        if (g->line_buffered) fflush(stdout);
        return;
    }
    prefix(g, f, ls, f->base + (long long)ls, sep);
    if (g->color && matching) {
        put_highlighted(g, g->buf + ls, le - ls - 1);
        putchar_unlocked(g->buf[le - 1]);
    } else {
        fwrite(g->buf + ls, 1, le - ls, stdout);
    }
    if (g->line_buffered) fflush(stdout);
}

static size_t next_line(grep_state *g, size_t p, size_t lim) {
    char *e = memchr(g->buf + p, g->eol, lim - p);
    return e ? (size_t)(e - g->buf) + 1 : lim;
}

/* Prints trailing context from lines in [p, lim). */
static void after_context(grep_state *g, file_scan *f, size_t p, size_t lim) {
    while (f->pending_after > 0 && p < lim) {
        size_t e = next_line(g, p, lim);
        print_line(g, f, p, e, '-');
        f->pending_after--;
        p = e;
    }
    if (f->last_match_reached && f->pending_after == 0) f->done = 1;
}

static void before_context(grep_state *g, file_scan *f, size_t ls, size_t floor) {
    size_t p = ls;
    long n = 0;
    long long printed = f->abs_printed - f->base;
    if (printed > (long long)floor) floor = (size_t)printed;
    while (n < g->before && p > floor) {
        p--;
        while (p > floor && g->buf[p - 1] != g->eol) p--;
        n++;
    }
    while (p < ls) {
        size_t e = next_line(g, p, ls);
        print_line(g, f, p, e, '-');
        p = e;
    }
}

/* Handles one selected line. */
static void select_line(grep_state *g, file_scan *f, size_t ls, size_t le, size_t floor) {
    f->selected++;
    g->any_selected = 1;
    if (g->quiet) {
        g->stop_all = 1;
        f->done = 1;
        return;
    }
    if (g->list || g->list_missing) {
        f->done = 1;
        return;
    }
    if (!g->count) {
        if (f->binary) {
            fflush(stdout);
            fprintf(stderr, "grep: %s: binary file matches\n", f->name);
            f->done = 1;
            return;
        }
        before_context(g, f, ls, floor);
        print_line(g, f, ls, le, ':');
        f->pending_after = g->after;
    }
    if (g->max_count >= 0 && f->selected >= g->max_count) {
        f->last_match_reached = 1;
        if (g->count || f->pending_after == 0) f->done = 1;
    }
}

/* Searches buf[pos, lim) (whole lines); floor is the oldest retained byte. */
static void scan_region(grep_state *g, file_scan *f, size_t pos, size_t lim, size_t floor) {
    size_t p = pos;
    while (p < lim && !f->done) {
        if (f->last_match_reached) {
            after_context(g, f, p, lim);
            return;
        }
        char *lend;
        char *hit = gm_find(&g->m, g->buf + p, g->buf + lim, &lend);
        size_t hs = hit ? (size_t)(hit - g->buf) : lim;
        size_t he = hit ? (size_t)(lend - g->buf) : lim;
        if (!g->invert) {
            after_context(g, f, p, hs);
            if (!hit) return;
            select_line(g, f, hs, he, floor);
        } else {
            while (p < hs && !f->done) {
                size_t e = next_line(g, p, hs);
                select_line(g, f, p, e, floor);
                p = e;
            }
            if (!hit || f->done) return;
            after_context(g, f, hs, he);
        }
        p = he;
    }
}

static int search_fd(grep_state *g, int fd, const char *name) {
    file_scan f;
    memset(&f, 0, sizeof f);
    f.name = name;
    if (g->initial_tab) {
        /* GNU sizes the number fields by the file's size, or the widest number for a stream. */
        struct stat st;
        long long size = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
        f.num_width = 1;
        if (size < 0) f.num_width = 19;
        else
            for (long long v = size; v >= 10; v /= 10) f.num_width++;
    }
    f.lnum = 1;
    f.abs_printed = -1;
    size_t len = 0, pos = 0;
    int eof = 0;
    gm_reset(&g->m);
    while (!f.done) {
        if (g->cap - 1 - len < READ_SIZE / 2) {
            g->cap *= 2;
            g->buf = xrealloc(g->buf, g->cap);
        }
        ssize_t n = read(fd, g->buf + len, g->cap - 1 - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (!g->no_messages) se_warn_errno(name);
            g->error = 1;
            break;
        }
        if (n == 0) eof = 1;
        if (n > 0 && g->eol == '\n' && g->binary_files != BIN_TEXT && !f.binary && memchr(g->buf + len, 0, (size_t)n)) {
            f.binary = 1;
            if (g->binary_files == BIN_WITHOUT_MATCH) return 0;
        }
        if (f.binary) {
            for (char *z = g->buf + len; (z = memchr(z, 0, (size_t)(g->buf + len + n - z)));) *z++ = '\n';
        }
        len += (size_t)(n > 0 ? n : 0);
        size_t lim;
        if (eof) {
            if (len > pos && g->buf[len - 1] != g->eol) g->buf[len++] = g->eol;
            lim = len;
        } else {
            char *last = len > pos ? memrchr(g->buf + pos, g->eol, len - pos) : NULL;
            if (!last) continue;
            lim = (size_t)(last - g->buf) + 1;
        }
        gm_reset(&g->m);
        scan_region(g, &f, pos, lim, 0);
        pos = lim;
        if (eof || f.done) break;
        /* Keep the unfinished line and the lines -B may still need. */
        size_t keep = pos;
        for (long k = 0; k < g->before && keep > 0; k++) {
            keep--;
            while (keep > 0 && g->buf[keep - 1] != g->eol) keep--;
        }
        if (g->lnum && keep > f.lnum_pos) lnum_at(g, &f, keep);
        memmove(g->buf, g->buf + keep, len - keep);
        f.base += (long long)keep;
        f.lnum_pos = f.lnum_pos >= keep ? f.lnum_pos - keep : 0;
        pos -= keep;
        len -= keep;
    }
    if (g->m.perl_limit_hit) {
        if (!g->no_messages) se_warn("%s: exceeded PCRE's backtracking limit", name);
        g->m.perl_limit_hit = 0;
        g->error = 1;
    }
    if (g->count) {
        if (g->out_file > 0) put_name(g, name, ':');
        printf("%ld\n", f.selected);
    }
    if ((g->list && f.selected > 0) || (g->list_missing && f.selected == 0)) put_name(g, name, '\n');
    if (g->line_buffered) fflush(stdout);
    return f.selected > 0;
}

/* ---- files and directories ---- */

static int glob_suffix_match(const char *glob, const char *path) {
    if (fnmatch(glob, path, 0) == 0) return 1;
    for (const char *s = strchr(path, '/'); s; s = strchr(s + 1, '/'))
        if (s[1] && s[1] != '/' && fnmatch(glob, s + 1, 0) == 0) return 1;
    return 0;
}

static int filtered_out(const name_filter *fl, size_t n, const char *path) {
    int verdict = -1;
    for (size_t i = 0; i < n; i++)
        if (glob_suffix_match(fl[i].glob, path)) verdict = fl[i].include ? 0 : 1;
    if (verdict < 0) return n > 0 && fl[0].include;
    return verdict;
}

static void search_path(grep_state *g, const char *path, const char *shown, int cmdline);

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void search_dir(grep_state *g, const char *path, const char *shown) {
    DIR *d = opendir(path);
    if (!d) {
        if (!g->no_messages) se_warn_errno(shown);
        g->error = 1;
        return;
    }
    size_t n = 0, cap = 16;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) names = xrealloc(names, (cap *= 2) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    if (g->out_file < 0) g->out_file = 1;
    for (size_t i = 0; i < n && !g->stop_all; i++) {
        size_t pl = strlen(path), sl = strlen(shown), nl = strlen(names[i]);
        char *child = xmalloc(pl + nl + 2), *child_shown = xmalloc(sl + nl + 2);
        sprintf(child, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", names[i]);
        if (sl == 0) strcpy(child_shown, names[i]);
        else sprintf(child_shown, "%s%s%s", shown, shown[sl - 1] == '/' ? "" : "/", names[i]);
        search_path(g, child, child_shown, 0);
        free(child);
        free(child_shown);
        free(names[i]);
    }
    free(names);
}

static void search_path(grep_state *g, const char *path, const char *shown, int cmdline) {
    if (strcmp(path, "-") == 0 && cmdline) {
        const char *label = g->label ? g->label : "(standard input)";
        if (search_fd(g, 0, label) && g->quiet) g->stop_all = 1;
        return;
    }
    struct stat st;
    int follow = cmdline || g->deref;
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
        /* As GNU: under -R a dangling link met while recursing is an error, unless --include/--exclude skip its name. */
        if (!cmdline && filtered_out(g->filters, g->nfilters, path)) return;
        if (!g->no_messages) se_warn_errno(shown);
        g->error = 1;
        return;
    }
    if (S_ISLNK(st.st_mode)) return;
    if (S_ISDIR(st.st_mode)) {
        if (g->directories == DIR_SKIP) return;
        if (g->directories == DIR_RECURSE) {
            if (filtered_out(g->dir_filters, g->ndir_filters, path) && !(cmdline && strcmp(path, ".") == 0)) return;
            search_dir(g, path, shown);
            return;
        }
        if (!g->no_messages) se_warn("%s: Is a directory", shown);
        g->error = 1;
        return;
    }
    if (!cmdline && !S_ISREG(st.st_mode)) return;
    if (filtered_out(g->filters, g->nfilters, path)) return;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (!g->no_messages) se_warn_errno(shown);
        g->error = 1;
        return;
    }
    search_fd(g, fd, shown);
    close(fd);
}

/* ---- options ---- */

typedef struct pattern_list {
    char **pats;
    size_t *lens;
    size_t n, cap;
} pattern_list;

/* Adds each newline-separated pattern of s[0..len). */
static void add_patterns(pattern_list *pl, const char *s, size_t len, int from_file) {
    if (from_file && len > 0 && s[len - 1] == '\n') len--;
    else if (from_file && len == 0) return;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\n') continue;
        if (pl->n == pl->cap) {
            pl->cap = pl->cap ? pl->cap * 2 : 8;
            pl->pats = xrealloc(pl->pats, pl->cap * sizeof *pl->pats);
            pl->lens = xrealloc(pl->lens, pl->cap * sizeof *pl->lens);
        }
        pl->pats[pl->n] = xmalloc(i - start + 1);
        memcpy(pl->pats[pl->n], s + start, i - start);
        pl->pats[pl->n][i - start] = 0;
        pl->lens[pl->n++] = i - start;
        start = i + 1;
    }
}

static void add_pattern_file(pattern_list *pl, const char *path) {
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0) se_die_errno(2, path);
    size_t len = 0, cap = 4096;
    char *data = xmalloc(cap);
    for (;;) {
        if (len == cap) data = xrealloc(data, cap *= 2);
        ssize_t n = read(fd, data + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            se_die_errno(2, path);
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    if (fd != 0) close(fd);
    add_patterns(pl, data, len, 1);
    free(data);
}

/* A context length (-A -B -C -NUM). */
static long parse_context(const char *s) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*s == 0 || *end || v < 0 || (errno && errno != ERANGE)) se_die(2, "%s: invalid context length argument", s);
    return v > 0x7fffffffL ? 0x7fffffffL : (long)v;
}

enum {
    OPT_INCLUDE = 256, OPT_EXCLUDE, OPT_EXCLUDE_DIR, OPT_EXCLUDE_FROM, OPT_COLOR, OPT_LABEL, OPT_LINE_BUFFERED,
    OPT_BINARY_FILES, OPT_GROUP_SEP, OPT_NO_GROUP_SEP, OPT_HELP, OPT_NO_ICASE,
};

static const struct option long_opts[] = {
    {"extended-regexp", no_argument, 0, 'E'}, {"fixed-strings", no_argument, 0, 'F'},
    {"basic-regexp", no_argument, 0, 'G'}, {"perl-regexp", no_argument, 0, 'P'},
    {"regexp", required_argument, 0, 'e'}, {"file", required_argument, 0, 'f'},
    {"ignore-case", no_argument, 0, 'i'}, {"no-ignore-case", no_argument, 0, OPT_NO_ICASE},
    {"word-regexp", no_argument, 0, 'w'}, {"line-regexp", no_argument, 0, 'x'},
    {"null-data", no_argument, 0, 'z'}, {"no-messages", no_argument, 0, 's'},
    {"invert-match", no_argument, 0, 'v'}, {"version", no_argument, 0, 'V'}, {"help", no_argument, 0, OPT_HELP},
    {"max-count", required_argument, 0, 'm'}, {"byte-offset", no_argument, 0, 'b'},
    {"line-number", no_argument, 0, 'n'}, {"line-buffered", no_argument, 0, OPT_LINE_BUFFERED},
    {"with-filename", no_argument, 0, 'H'}, {"no-filename", no_argument, 0, 'h'},
    {"label", required_argument, 0, OPT_LABEL}, {"only-matching", no_argument, 0, 'o'},
    {"quiet", no_argument, 0, 'q'}, {"silent", no_argument, 0, 'q'},
    {"binary-files", required_argument, 0, OPT_BINARY_FILES}, {"text", no_argument, 0, 'a'},
    {"directories", required_argument, 0, 'd'}, {"devices", required_argument, 0, 'D'},
    {"recursive", no_argument, 0, 'r'}, {"dereference-recursive", no_argument, 0, 'R'},
    {"include", required_argument, 0, OPT_INCLUDE}, {"exclude", required_argument, 0, OPT_EXCLUDE},
    {"exclude-from", required_argument, 0, OPT_EXCLUDE_FROM}, {"exclude-dir", required_argument, 0, OPT_EXCLUDE_DIR},
    {"files-without-match", no_argument, 0, 'L'}, {"files-with-matches", no_argument, 0, 'l'},
    {"count", no_argument, 0, 'c'}, {"initial-tab", no_argument, 0, 'T'}, {"null", no_argument, 0, 'Z'},
    {"before-context", required_argument, 0, 'B'}, {"after-context", required_argument, 0, 'A'},
    {"context", required_argument, 0, 'C'}, {"group-separator", required_argument, 0, OPT_GROUP_SEP},
    {"no-group-separator", no_argument, 0, OPT_NO_GROUP_SEP}, {"color", optional_argument, 0, OPT_COLOR},
    {"colour", optional_argument, 0, OPT_COLOR}, {"binary", no_argument, 0, 'U'},
    {0, 0, 0, 0},
};

static void add_filter(name_filter **list, size_t *n, const char *glob, int include) {
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[*n].glob = glob;
    (*list)[(*n)++].include = include;
}

int main_grep(int argc, char **argv) {
    static grep_state state;
    grep_state *g = &state;
    memset(g, 0, sizeof *g);
    g->max_count = -1;
    g->before = g->after = -1;
    g->eol = '\n';
    g->group_sep = "--";
    int syntax = strcmp(se_prog, "egrep") == 0 ? GM_EXTENDED : strcmp(se_prog, "fgrep") == 0 ? GM_FIXED : GM_BASIC;
    int matcher_given = syntax != GM_BASIC;
    se_prog = "grep";
    int icase = 0, word = 0, line = 0, with_name = -1, have_patterns = 0;
    long context = -1;
    char digits[24];
    size_t ndigits = 0;
    int digits_optind = -1;
    pattern_list pl = {0};
    int c;
    while ((c = se_gnu_getopt(argc, argv, "0123456789A:B:C:D:EFGHILPRTUVZabcd:e:f:hilm:noqrsuvwxyz", long_opts)) != -1) {
        if (c >= '0' && c <= '9') {
            if (digits_optind != optind || ndigits >= sizeof digits - 1) ndigits = 0;
            digits[ndigits++] = (char)c;
            digits[ndigits] = 0;
            digits_optind = optind;
            context = parse_context(digits);
            continue;
        }
        switch (c) {
        case 'A': g->after = parse_context(optarg); break;
        case 'B': g->before = parse_context(optarg); break;
        case 'C': context = parse_context(optarg); break;
        case 'D': break;
        case 'E': case 'F': case 'G': case 'P': {
            /* GNU grep 3.8 refuses two different matchers (egrep and fgrep have theirs already). */
            int m = c == 'E' ? GM_EXTENDED : c == 'F' ? GM_FIXED : c == 'G' ? GM_BASIC : GM_PERL;
            if (matcher_given && m != syntax) se_die(2, "conflicting matchers specified");
            syntax = m;
            matcher_given = 1;
            break;
        }
        case 'H': with_name = 1; break;
        case 'h': with_name = 0; break;
        case 'I': g->binary_files = BIN_WITHOUT_MATCH; break;
        case 'L': g->list_missing = 1; g->list = 0; break;
        case 'l': g->list = 1; g->list_missing = 0; break;
        case 'R': g->deref = 1; /* fall through */
        case 'r': g->directories = DIR_RECURSE; break;
        case 'T': g->initial_tab = 1; break;
        case 'U': case 'u': break;
        case 'V': se_version(0);
        case 'Z': g->null_name = 1; break;
        case 'a': g->binary_files = BIN_TEXT; break;
        case 'b': g->boff = 1; break;
        case 'c': g->count = 1; break;
        case 'd':
            if (strcmp(optarg, "read") == 0) g->directories = DIR_READ;
            else if (strcmp(optarg, "skip") == 0) g->directories = DIR_SKIP;
            else if (strcmp(optarg, "recurse") == 0) g->directories = DIR_RECURSE;
            else {
                se_warn("invalid argument '%s' for '--directories'", optarg);
                fprintf(stderr, "Valid arguments are:\n  - 'read'\n  - 'recurse'\n  - 'skip'\n");
                usage_error();
            }
            break;
        case 'e': add_patterns(&pl, optarg, strlen(optarg), 0); have_patterns = 1; break;
        case 'f': add_pattern_file(&pl, optarg); have_patterns = 1; break;
        case 'i': case 'y': icase = 1; break;
        case OPT_NO_ICASE: icase = 0; break;
        case 'm': {
            /* GNU: a negative count means no limit, one past the range saturates. */
            char *end;
            errno = 0;
            long long v = strtoll(optarg, &end, 10);
            if (!*optarg || *end || (errno && errno != ERANGE)) se_die(2, "invalid max count");
            g->max_count = v < 0 ? -1 : v > 0x7fffffffL ? 0x7fffffffL : (long)v;
            break;
        }
        case 'n': g->lnum = 1; break;
        case 'o': g->only = 1; break;
        case 'q': g->quiet = 1; break;
        case 's': g->no_messages = 1; break;
        case 'v': g->invert = 1; break;
        case 'w': word = 1; break;
        case 'x': line = 1; break;
        case 'z': g->eol = '\0'; break;
        case OPT_INCLUDE: add_filter(&g->filters, &g->nfilters, optarg, 1); break;
        case OPT_EXCLUDE: add_filter(&g->filters, &g->nfilters, optarg, 0); break;
        case OPT_EXCLUDE_DIR: add_filter(&g->dir_filters, &g->ndir_filters, optarg, 0); break;
        case OPT_EXCLUDE_FROM: {
            pattern_list globs = {0};
            add_pattern_file(&globs, optarg);
            for (size_t i = 0; i < globs.n; i++) add_filter(&g->filters, &g->nfilters, globs.pats[i], 0);
            break;
        }
        case OPT_LABEL: g->label = optarg; break;
        case OPT_LINE_BUFFERED: g->line_buffered = 1; break;
        case OPT_GROUP_SEP: g->group_sep = optarg; break;
        case OPT_NO_GROUP_SEP: g->group_sep = NULL; break;
        case OPT_BINARY_FILES:
            if (strcmp(optarg, "binary") == 0) g->binary_files = BIN_BINARY;
            else if (strcmp(optarg, "text") == 0) g->binary_files = BIN_TEXT;
            else if (strcmp(optarg, "without-match") == 0) g->binary_files = BIN_WITHOUT_MATCH;
            else se_die(2, "unknown binary-files type");
            break;
        case OPT_COLOR:
            if (optarg && strcmp(optarg, "always") && strcmp(optarg, "yes") && strcmp(optarg, "force") &&
                strcmp(optarg, "never") && strcmp(optarg, "no") && strcmp(optarg, "none") &&
                strcmp(optarg, "auto") && strcmp(optarg, "tty") && strcmp(optarg, "if-tty")) {
                se_warn("invalid argument '%s' for '--color'", optarg);
                fprintf(stderr, "Valid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n"
                                "  - 'auto', 'tty', 'if-tty'\n");
                usage_error();
            }
            if (!optarg || strcmp(optarg, "auto") == 0 || strcmp(optarg, "tty") == 0 || strcmp(optarg, "if-tty") == 0)
                g->color = isatty(1);
            else g->color = optarg[0] == 'a' || optarg[0] == 'y' || optarg[0] == 'f';
            break;
        case OPT_HELP: print_help(); return 0;
        default: usage_error();
        }
    }
    if (!have_patterns) {
        if (optind >= argc) usage_error();
        add_patterns(&pl, argv[optind], strlen(argv[optind]), 0);
        optind++;
    }
    if (g->max_count == 0) return 1;
    g->context_given = g->after >= 0 || g->before >= 0 || context >= 0;
    if (g->after < 0) g->after = context > 0 ? context : 0;
    if (g->before < 0) g->before = context > 0 ? context : 0;
    const char *warning;
    const char *err = gm_compile(&g->m, pl.pats, pl.lens, pl.n, syntax, icase, word, line, g->eol, &warning);
    if (warning) {
        fflush(stdout);
        fprintf(stderr, "grep: warning: %s\n", warning);
    }
    if (err) se_die(2, "%s", err);
    int nfiles = argc - optind;
    g->out_file = with_name >= 0 ? with_name : nfiles > 1 ? 1 : g->directories == DIR_RECURSE ? -1 : 0;
    if (with_name == 0) g->out_file = 0;
    g->cap = READ_SIZE * 2 + 1;
    g->buf = xmalloc(g->cap);
    if (nfiles == 0) {
        if (g->directories == DIR_RECURSE) search_path(g, ".", "", 1);
        else search_path(g, "-", "-", 1);
    }
    for (int i = optind; i < argc && !g->stop_all; i++) search_path(g, argv[i], argv[i], 1);
    if (g->quiet && g->any_selected) return 0;
    if (se_flush_stdout()) return 2;
    return g->error ? 2 : g->any_selected ? 0 : 1;
}
