/*
 * diff: compare files line by line (GNU diffutils 3.x behaviour). Lines
 * become equivalence classes (after -i/-b/-w folding, with a missing final
 * newline making a line distinct), diff-analyze.c marks the changed lines
 * as GNU does, and the changes are printed in normal, unified (-u/-U),
 * context (-c/-C), side-by-side (-y), ed (-e) or RCS (-n) form, with -B and
 * -I hiding changes made only of blank or matching lines, -p/-F naming the
 * function a hunk is in, and -t/-T shaping the lines.
 * Directories are compared entry by entry ("Only in", -r to recurse).
 * Exit 0 same, 1 different, 2 trouble.
 */
#include "lib/common.h"
#include "lib/diff-analyze.h"
#include "lib/gnu-getopt.h"
#include "lib/gnu-regex.h"
#include "lib/shell-quote.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

SE_COMMAND(main_diff, "diff")

enum { FMT_NORMAL, FMT_UNIFIED, FMT_CONTEXT, FMT_SIDE, FMT_ED, FMT_RCS };

/* One input file, loaded whole. */
typedef struct dfile {
    const char *name;      /* as printed */
    char *data;
    size_t size;
    const char **line;     /* line starts; line[n] is the end */
    size_t n;
    int missing_newline;   /* the last line has no newline */
    int newline_added;     /* -e: the missing newline was supplied (and is reported) */
    int *eq;
    struct stat st;
    int absent;            /* -N: the file does not exist */
} dfile;

/* A change: lines [line0, line0+deleted) replaced by [line1, line1+inserted). */
typedef struct change {
    long line0, line1, deleted, inserted;
    int ignore;            /* -B: every line in it is blank */
} change;

typedef struct diff_opts {
    int format, format_set, context, brief, report_same, icase, ignore_all_space, ignore_space_change, ignore_blank;
    int ignore_trailing, ignore_tab_expansion, strip_cr, new_file, recursive, text, color;
    int expand_tabs, initial_tab, suppress_blank_empty, tabsize;
    int width, left_column, suppress_common;   /* -y */
    se_regex *ignore_rx, *function_rx;         /* -I, -F/-p */
    size_t nignore_rx, nfunction_rx;
    long function_last_search, function_last_match; /* where the -F search stopped, what it found */
    const char *label[2];
    char *switches;        /* the options as given, for "diff -r a/f b/f" lines */
    char **excludes;       /* -x patterns for names met in directories */
    size_t nexcludes;
    int status;
} diff_opts;

static diff_opts O;

static _Noreturn void try_help(void) {
    fprintf(stderr, "diff: Try 'diff --help' for more information.\n");
    exit(2);
}

static void trouble(const char *name) {
    se_warn_errno(name);
    O.status = 2;
}

/* ---- loading and classes ---- */

static int load(dfile *f, const char *path, const char *shown) {
    memset(f, 0, sizeof *f);
    f->name = shown;
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        if (O.new_file && errno == ENOENT) {
            f->absent = 1;
            f->data = xmalloc(1);
            f->line = xmalloc(sizeof *f->line);
            f->line[0] = f->data;
            return 0;
        }
        trouble(path);
        return -1;
    }
    fstat(fd, &f->st);
    size_t cap = 65536;
    f->data = xmalloc(cap + 1);
    for (;;) {
        if (f->size == cap) f->data = xrealloc(f->data, (cap *= 2) + 1);
        ssize_t r = read(fd, f->data + f->size, cap - f->size);
        if (r < 0) {
            if (errno == EINTR) continue;
            trouble(path);
            if (fd) close(fd);
            return -1;
        }
        if (r == 0) break;
        f->size += (size_t)r;
    }
    if (fd) close(fd);
    if (O.strip_cr) {
        /* --strip-trailing-cr: a CR before a newline is not part of the line, in comparisons or output. */
        size_t w = 0;
        for (size_t r = 0; r < f->size; r++)
            if (!(f->data[r] == '\r' && r + 1 < f->size && f->data[r + 1] == '\n')) f->data[w++] = f->data[r];
        f->size = w;
    }
    if (O.format == FMT_ED && f->size > 0 && f->data[f->size - 1] != '\n') {
        /* An ed script cannot leave a line without its newline: GNU supplies it and reports the file. */
        f->data[f->size++] = '\n';
        f->newline_added = 1;
    }
    size_t nl = 0;
    for (char *p = f->data; (p = memchr(p, '\n', (size_t)(f->data + f->size - p))); p++) nl++;
    f->missing_newline = f->size > 0 && f->data[f->size - 1] != '\n';
    f->n = nl + (size_t)f->missing_newline;
    f->line = xmalloc((f->n + 1) * sizeof *f->line);
    const char *p = f->data;
    for (size_t i = 0; i < f->n; i++) {
        f->line[i] = p;
        const char *e = memchr(p, '\n', (size_t)(f->data + f->size - p));
        p = e ? e + 1 : f->data + f->size;
    }
    f->line[f->n] = f->data + f->size;
    return 0;
}

static int is_binary(const dfile *f) { return memchr(f->data, 0, f->size < 65536 ? f->size : 65536) != NULL; }

/* The longest comparison form of a line of LEN bytes (-E turns a tab into up to tabsize spaces). */
static size_t fold_room(size_t len) { return O.ignore_tab_expansion ? len * (size_t)O.tabsize + 1 : len + 1; }

/* Writes line i's comparison form into out (folded per -i/-b/-w/-Z/-E); returns its length. */
static size_t fold_line(const dfile *f, size_t i, char *out) {
    const char *p = f->line[i], *end = f->line[i + 1];
    size_t n = 0;
    int pending_space = 0;
    /* With -b/-w/-Z a missing final newline does not make a line differ. */
    if ((O.ignore_all_space || O.ignore_space_change || O.ignore_trailing) && end > p && end[-1] == '\n') end--;
    if (O.ignore_trailing)
        while (end > p && end[-1] != '\n' && isspace((unsigned char)end[-1])) end--;
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c != '\n' && isspace(c)) {
            if (O.ignore_all_space) continue;
            if (O.ignore_space_change) {
                pending_space = 1;
                continue;
            }
            if (c == '\t' && O.ignore_tab_expansion) {
                do out[n++] = ' '; while (n % (size_t)O.tabsize);
                continue;
            }
        }
        if (pending_space && c != '\n') out[n++] = ' ';
        pending_space = 0;
        out[n++] = (char)(O.icase ? tolower(c) : c);
    }
    return n;
}

typedef struct class_entry {
    unsigned hash;
    int id;
    char *text;
    size_t len;
    struct class_entry *next;
} class_entry;

/* Gives each line in [from, to) of both files its equivalence class (eq[i - from]). */
static void classify(dfile *f0, dfile *f1, const size_t *from, const size_t *to) {
    size_t nb = 1024;
    while (nb < (f0->n + f1->n) * 2) nb *= 2;
    class_entry **table = xcalloc(nb, sizeof *table);
    size_t longest = 0;
    dfile *fs[2] = {f0, f1};
    for (int k = 0; k < 2; k++)
        for (size_t i = from[k]; i < to[k]; i++) {
            size_t l = (size_t)(fs[k]->line[i + 1] - fs[k]->line[i]);
            if (l > longest) longest = l;
        }
    char *tmp = xmalloc(fold_room(longest) + 1);
    int next_id = 1;
    for (int k = 0; k < 2; k++) {
        dfile *f = fs[k];
        f->eq = xmalloc((to[k] - from[k] + 1) * sizeof *f->eq);
        for (size_t i = from[k]; i < to[k]; i++) {
            size_t len = fold_line(f, i, tmp);
            unsigned h = 2166136261u;
            for (size_t j = 0; j < len; j++) h = (h ^ (unsigned char)tmp[j]) * 16777619u;
            class_entry *e = table[h & (nb - 1)];
            while (e && !(e->hash == h && e->len == len && memcmp(e->text, tmp, len) == 0)) e = e->next;
            if (!e) {
                e = xmalloc(sizeof *e);
                e->hash = h;
                e->id = next_id++;
                e->len = len;
                e->text = xmalloc(len + 1);
                memcpy(e->text, tmp, len);
                e->next = table[h & (nb - 1)];
                table[h & (nb - 1)] = e;
            }
            f->eq[i - from[k]] = e->id;
        }
    }
    free(tmp);
    for (size_t b = 0; b < nb; b++)
        for (class_entry *e = table[b], *n; e; e = n) {
            n = e->next;
            free(e->text);
            free(e);
        }
    free(table);
}

/* A byte of the file as GNU sees it: a missing final newline is supplied. */
static unsigned char byte_at(const dfile *f, size_t i) { return i < f->size ? (unsigned char)f->data[i] : '\n'; }

static size_t line_of_offset(const dfile *f, size_t off) {
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((size_t)(f->line[mid] - f->data) < off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/*
 * GNU's identical prefix and suffix, found on bytes and rounded to lines,
 * keeping O.context lines of each in the compared middle (so changes may
 * still slide into them). Sets each file's middle to lines [from, to).
 */
static void identical_ends(const dfile *f0, const dfile *f1, size_t *from, size_t *to) {
    size_t n0 = f0->size + (size_t)f0->missing_newline, n1 = f1->size + (size_t)f1->missing_newline;
    size_t p = 0, lim = n0 < n1 ? n0 : n1;
    while (p < lim && byte_at(f0, p) == byte_at(f1, p)) p++;
    if ((n0 - (size_t)f0->missing_newline < p) != (n1 - (size_t)f1->missing_newline < p)) p--;
    long horizon = O.context;
    while (p != 0 && (byte_at(f0, p - 1) != '\n' || horizon-- > 0)) p--;
    size_t prefix_end = p;
    size_t p0 = n0, p1 = n1;
    if (f0->missing_newline == f1->missing_newline) {
        size_t beg0 = prefix_end + (n0 < n1 ? 0 : n0 - n1);
        while (p0 != beg0) {
            if (byte_at(f0, --p0) != byte_at(f1, --p1)) {
                ++p0, ++p1;
                beg0 = p0;
                break;
            }
        }
        long i = O.context + !((p0 == 0 || byte_at(f0, p0 - 1) == '\n') && (p1 == 0 || byte_at(f1, p1 - 1) == '\n'));
        while (i-- > 0 && p0 != n0)
            while (byte_at(f0, p0++) != '\n') continue;
        p1 += p0 - beg0;
    }
    from[0] = from[1] = line_of_offset(f0, prefix_end);
    to[0] = p0 >= n0 ? f0->n : line_of_offset(f0, p0);
    to[1] = p1 >= n1 ? f1->n : line_of_offset(f1, p1);
}

/* Whether some regex of RX[0..N) matches line i (without its newline). */
static int line_matches(const dfile *f, long i, se_regex *rx, size_t n) {
    char *p = (char *)f->line[i];
    size_t len = (size_t)(f->line[i + 1] - p);
    if (len > 0 && p[len - 1] == '\n') len--;
    for (size_t k = 0; k < n; k++)
        if (se_regex_search(&rx[k], p, len, 0, 0, NULL, 0) == 0) return 1;
    return 0;
}

/* -B and -I: whether line i is blank (empty once -b/-w whitespace is skipped) or matches an -I regex. */
static int ignorable_line(const dfile *f, long i) {
    const char *p = f->line[i], *end = f->line[i + 1];
    if (end > p && end[-1] == '\n') end--;
    if (O.ignore_all_space || O.ignore_space_change || O.ignore_trailing)
        while (p < end && isspace((unsigned char)*p)) p++;
    if (O.ignore_blank && p == end) return 1;
    return O.nignore_rx && line_matches(f, i, O.ignore_rx, O.nignore_rx);
}

/* ---- output ---- */

/* --color=always: GNU's default SGR sequences. */
#define SGR_HEADER "\33[1m"
#define SGR_HUNK "\33[36m"
#define SGR_DELETED "\33[31m"
#define SGR_ADDED "\33[32m"
#define SGR_RESET "\33[0m"

/*
 * Writes a line's text; -t expands its tabs (columns counted from the text's
 * start) and repeats PREFIX after a carriage return inside the line, as GNU does.
 */
static void put_text(const char *p, size_t len, const char *prefix) {
    if (!O.expand_tabs) {
        fwrite(p, 1, len, stdout);
        return;
    }
    size_t column = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)p[k];
        if (c == '\t') {
            size_t spaces = (size_t)O.tabsize - column % (size_t)O.tabsize;
            column += spaces;
            while (spaces--) putchar(' ');
        } else if (c == '\r') {
            putchar(c);
            if (*prefix && k + 1 < len && p[k + 1] != '\n') fputs(prefix, stdout);
            column = 0;
        } else if (c == '\b') {
            if (column == 0) continue;
            column--;
            putchar(c);
        } else {
            column += isprint(c) != 0;
            putchar(c);
        }
    }
}

/*
 * Writes a line with its prefix ("< ", "-", "! ", or "" for ed and RCS
 * lines); sgr (or NULL) colors it, newline excluded. -T puts a tab after
 * the flag instead of the space; --suppress-blank-empty drops the blank
 * part of the prefix before an empty line.
 */
static void put_line(const dfile *f, long i, const char *prefix, const char *sgr) {
    if (!O.color) sgr = NULL;
    const char *p = f->line[i];
    size_t len = (size_t)(f->line[i + 1] - p);
    int nl = len > 0 && p[len - 1] == '\n';
    char flag[4] = {0};
    if (*prefix) {
        flag[0] = prefix[0];
        if (O.suppress_blank_empty && len == 1 && nl) {
            if (flag[0] == ' ') flag[0] = 0;
        } else if (O.initial_tab) {
            flag[1] = '\t';
        } else if (prefix[1]) {
            flag[1] = prefix[1];
        }
    }
    if (sgr) fputs(sgr, stdout);
    fputs(flag, stdout);
    put_text(p, len - (size_t)nl, prefix[1] ? flag : "");
    if (sgr) fputs(SGR_RESET, stdout);
    if (nl) putchar('\n');
    if ((size_t)i == f->n - 1 && f->missing_newline && *prefix) fputs("\n\\ No newline at end of file\n", stdout);
}

/* Starts and ends a colored hunk header. */
static void hunk_color(int start) {
    if (O.color) fputs(start ? SGR_HUNK : SGR_RESET, stdout);
}

static void print_range(long a, long b, char sep) {
    /* a, b: 1-based inclusive; b < a is an empty range (print the line before). */
    if (b > a) printf("%ld%c%ld", a, sep, b);
    else printf("%ld", b);
}

static void print_unified_range(long first, long last) {
    long a = first + 1, b = last + 1;
    if (b < a) printf("%ld,0", b);
    else if (b == a) printf("%ld", b);
    else printf("%ld,%ld", a, b - a + 1);
}

/*
 * A file name as GNU diff writes it in header lines: in "double quotes" with
 * C escapes when it has a blank, a quote, a backslash or an unprintable
 * byte, else as it is. The result stays valid until the next call with the
 * same SLOT (0 or 1).
 */
static const char *quoted_name(const char *name, int slot) {
    static char *last[2];
    const unsigned char *p = (const unsigned char *)name;
    while (*p && *p != ' ' && *p != '"' && *p != '\\' && isprint(*p)) p++;
    if (!*p) return name;
    free(last[slot]);
    return last[slot] = c_quoted_style(name, '"', 0);
}

static void print_time_header(const char *mark, const dfile *f, int k) {
    const char *label = O.label[k];
    const char *bold = O.color ? SGR_HEADER : "", *reset = O.color ? SGR_RESET : "";
    if (label) {
        printf("%s%s %s%s\n", bold, mark, label, reset);
        return;
    }
    char when[64];
    struct timespec ts = f->absent ? (struct timespec){0, 0} : f->st.st_mtim;
    struct tm *tm = localtime(&ts.tv_sec);
    if (O.format == FMT_CONTEXT) {
        strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", tm);
        printf("%s%s %s\t%s%s\n", bold, mark, quoted_name(f->name, 0), when, reset);
        return;
    }
    char zone[8];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", tm);
    strftime(zone, sizeof zone, "%z", tm);
    printf("%s%s %s\t%s.%09ld %s%s\n", bold, mark, quoted_name(f->name, 0), when, (long)ts.tv_nsec, zone, reset);
}

/*
 * -F/-p: the last line before line FIRST of file 0 that matches, searched
 * back to where the previous hunk's search began (then the previous find),
 * printed after a space: leading blanks skipped, at most 40 bytes, trailing
 * blanks trimmed.
 */
static void print_function(const dfile *f0, long first) {
    if (!O.nfunction_rx) return;
    long i = first, last = O.function_last_search, found = -1;
    O.function_last_search = first;
    while (last <= --i)
        if (line_matches(f0, i, O.function_rx, O.nfunction_rx)) {
            found = O.function_last_match = i;
            break;
        }
    if (found < 0) found = O.function_last_match;
    if (found < 0) return;
    const char *p = f0->line[found], *end = f0->line[found + 1];
    while (p < end && *p != '\n' && isspace((unsigned char)*p)) p++;
    const char *q = p;
    while (q < end && q < p + 40 && *q != '\n') q++;
    while (q > p && isspace((unsigned char)q[-1])) q--;
    putchar(' ');
    fwrite(p, 1, (size_t)(q - p), stdout);
}

/* The last change of the hunk that starts at changes[k] (GNU's grouping by context). */
static size_t find_hunk(const change *c, size_t n, size_t k) {
    long big = 2L * O.context + 1;
    for (;;) {
        long top0 = c[k].line0 + c[k].deleted;
        if (k + 1 >= n) return k;
        long thresh = c[k + 1].ignore ? O.context : big;
        if (c[k + 1].line0 - top0 >= thresh) return k;
        k++;
    }
}

static void print_hunk_unified(const dfile *f0, const dfile *f1, const change *c, size_t a, size_t b) {
    long first0 = c[a].line0 - O.context, first1 = c[a].line1 - O.context;
    long last0 = c[b].line0 + c[b].deleted - 1 + O.context, last1 = c[b].line1 + c[b].inserted - 1 + O.context;
    if (first0 < 0) first0 = 0;
    if (first1 < 0) first1 = 0;
    if (last0 > (long)f0->n - 1) last0 = (long)f0->n - 1;
    if (last1 > (long)f1->n - 1) last1 = (long)f1->n - 1;
    hunk_color(1);
    fputs("@@ -", stdout);
    print_unified_range(first0, last0);
    fputs(" +", stdout);
    print_unified_range(first1, last1);
    fputs(" @@", stdout);
    hunk_color(0);
    print_function(f0, first0);
    putchar('\n');
    long i = first0, j = first1;
    size_t k = a;
    while (i <= last0 || j <= last1) {
        if (k > b || i < c[k].line0) {
            put_line(f0, i, " ", NULL);
            i++, j++;
        } else {
            for (long d = 0; d < c[k].deleted; d++) put_line(f0, i++, "-", SGR_DELETED);
            for (long d = 0; d < c[k].inserted; d++) put_line(f1, j++, "+", SGR_ADDED);
            k++;
        }
    }
}

static void print_hunk_context(const dfile *f0, const dfile *f1, const change *c, size_t a, size_t b) {
    long first0 = c[a].line0 - O.context, first1 = c[a].line1 - O.context;
    long last0 = c[b].line0 + c[b].deleted - 1 + O.context, last1 = c[b].line1 + c[b].inserted - 1 + O.context;
    if (first0 < 0) first0 = 0;
    if (first1 < 0) first1 = 0;
    if (last0 > (long)f0->n - 1) last0 = (long)f0->n - 1;
    if (last1 > (long)f1->n - 1) last1 = (long)f1->n - 1;
    /* Each side's lines: "  " context, "- "/"+ " only deleted/inserted, "! " changed. */
    char *mark0 = xcalloc((size_t)(last0 - first0 + 2), 1), *mark1 = xcalloc((size_t)(last1 - first1 + 2), 1);
    int any_del = 0, any_ins = 0;
    for (size_t k = a; k <= b; k++) {
        for (long i = 0; i < c[k].deleted; i++) mark0[c[k].line0 + i - first0] = c[k].inserted ? '!' : '-';
        for (long i = 0; i < c[k].inserted; i++) mark1[c[k].line1 + i - first1] = c[k].deleted ? '!' : '+';
        any_del |= c[k].deleted > 0;
        any_ins |= c[k].inserted > 0;
    }
    fputs("***************", stdout);
    print_function(f0, first0);
    putchar('\n');
    hunk_color(1);
    fputs("*** ", stdout);
    print_range(first0 + 1, last0 + 1, ',');
    fputs(" ****", stdout);
    hunk_color(0);
    putchar('\n');
    char prefix[3] = "  ";
    if (any_del)
        for (long i = first0; i <= last0; i++) {
            prefix[0] = mark0[i - first0] ? mark0[i - first0] : ' ';
            put_line(f0, i, prefix, SGR_DELETED);
        }
    hunk_color(1);
    fputs("--- ", stdout);
    print_range(first1 + 1, last1 + 1, ',');
    fputs(" ----", stdout);
    hunk_color(0);
    putchar('\n');
    if (any_ins)
        for (long j = first1; j <= last1; j++) {
            prefix[0] = mark1[j - first1] ? mark1[j - first1] : ' ';
            put_line(f1, j, prefix, SGR_ADDED);
        }
    free(mark0);
    free(mark1);
}

/* -e: one change as an ed command; a line that is only "." ends the text, so it is written as ".." and fixed by s/.//. */
static void print_ed(const dfile *f1, const change *c) {
    print_range(c->line0 + 1, c->line0 + c->deleted, ',');
    putchar(c->deleted && c->inserted ? 'c' : c->deleted ? 'd' : 'a');
    putchar('\n');
    if (!c->inserted) return;
    int inserting = 1;
    for (long i = 0; i < c->inserted; i++) {
        const char *p = f1->line[c->line1 + i];
        if (!inserting) {
            fputs("a\n", stdout);
            inserting = 1;
        }
        if (f1->line[c->line1 + i + 1] - p == 2 && p[0] == '.' && p[1] == '\n') {
            fputs("..\n.\ns/.//\n", stdout);
            inserting = 0;
        } else {
            put_line(f1, c->line1 + i, "", NULL);
        }
    }
    if (inserting) fputs(".\n", stdout);
}

/* -n: one change as RCS commands ("dLINE COUNT", "aLINE COUNT" and the lines). */
static void print_rcs(const dfile *f1, const change *c) {
    if (c->deleted) printf("d%ld %ld\n", c->line0 + 1, c->deleted);
    if (!c->inserted) return;
    printf("a%ld %ld\n", c->line0 + c->deleted, c->inserted);
    for (long i = 0; i < c->inserted; i++) put_line(f1, c->line1 + i, "", NULL);
}

/* ---- side by side (-y), as GNU's side.c lays it out ---- */

static long side_half_width, side_column2;

/* Moves from column FROM to TO with tabs (unless -t) and spaces; returns TO. */
static long tab_from_to(long from, long to) {
    if (!O.expand_tabs)
        for (long tab = from + O.tabsize - from % O.tabsize; tab <= to; tab += O.tabsize) {
            putchar('\t');
            from = tab;
        }
    while (from++ < to) putchar(' ');
    return to;
}

/* Prints a line cut to BOUND columns (tabs honoured), without its newline; returns the column reached. */
static long print_half_line(const dfile *f, long i, long indent, long bound) {
    const char *p = f->line[i], *end = f->line[i + 1];
    long in = 0, out = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p++;
        switch (c) {
        case '\t': {
            long spaces = O.tabsize - in % O.tabsize;
            if (in == out) {
                long stop = out + spaces;
                if (O.expand_tabs) {
                    if (bound < stop) stop = bound;
                    for (; out < stop; out++) putchar(' ');
                } else if (stop < bound) {
                    out = stop;
                    putchar(c);
                }
            }
            in += spaces;
            break;
        }
        case '\r':
            putchar(c);
            tab_from_to(0, indent);
            in = out = 0;
            break;
        case '\b':
            if (in != 0 && --in < bound) {
                if (out <= in) {
                    for (; out < in; out++) putchar(' ');
                } else {
                    out = in;
                    putchar(c);
                }
            }
            break;
        case '\n': return out;
        default:
            if (!isprint(c)) {
                if (in < bound) putchar(c);
            } else if (in++ < bound) {
                out = in;
                putchar(c);
            }
        }
    }
    return out;
}

/* One output line: LEFT (line of file 0, or -1), the separator, RIGHT (line of file 1, or -1). */
static void print_side_line(const dfile *f0, long left, char sep, const dfile *f1, long right) {
    long col = 0;
    int newline = 0;
    if (left >= 0) {
        newline |= f0->line[left + 1][-1] == '\n';
        col = print_half_line(f0, left, 0, side_half_width);
    }
    if (sep != ' ') {
        col = tab_from_to(col, (side_half_width + side_column2 - 1) / 2) + 1;
        if (sep == '|' && newline != (f1->line[right + 1][-1] == '\n')) sep = newline ? '/' : '\\';
        putchar(sep);
    }
    if (right >= 0) {
        newline |= f1->line[right + 1][-1] == '\n';
        if (*f1->line[right] != '\n') {
            col = tab_from_to(col, side_column2);
            print_half_line(f1, right, col, side_half_width);
        }
    }
    if (newline) putchar('\n');
}

static void print_side_common(const dfile *f0, const dfile *f1, long *next0, long *next1, long limit0, long limit1) {
    long i0 = *next0, i1 = *next1;
    if (!O.suppress_common && (i0 != limit0 || i1 != limit1)) {
        if (!O.left_column) {
            while (i0 != limit0 && i1 != limit1) print_side_line(f0, i0++, ' ', f1, i1++);
            while (i1 != limit1) print_side_line(f0, -1, ')', f1, i1++);
        }
        while (i0 != limit0) print_side_line(f0, i0++, '(', f1, -1);
    }
    *next0 = limit0;
    *next1 = limit1;
}

static void print_side_by_side(const dfile *f0, const dfile *f1, const change *c, size_t nch) {
    long t = O.expand_tabs ? 1 : O.tabsize, w = O.width;
    long off = (w + t + 3) / (2 * t) * t;
    side_half_width = off - 3 < w - off ? off - 3 : w - off;
    if (side_half_width < 0) side_half_width = 0;
    side_column2 = side_half_width ? off : w;
    long next0 = 0, next1 = 0;
    for (size_t k = 0; k < nch; k++) {
        if (c[k].ignore) continue;
        long i = c[k].line0, j = c[k].line1, end0 = i + c[k].deleted, end1 = j + c[k].inserted;
        print_side_common(f0, f1, &next0, &next1, i, j);
        for (; i < end0 && j < end1; i++, j++) print_side_line(f0, i, '|', f1, j);
        for (; j < end1; j++) print_side_line(f0, -1, '>', f1, j);
        for (; i < end0; i++) print_side_line(f0, i, '<', f1, -1);
        next0 = end0;
        next1 = end1;
    }
    print_side_common(f0, f1, &next0, &next1, (long)f0->n, (long)f1->n);
}

static void print_normal(const dfile *f0, const dfile *f1, const change *c) {
    hunk_color(1);
    print_range(c->line0 + 1, c->line0 + c->deleted, ',');
    putchar(c->deleted && c->inserted ? 'c' : c->deleted ? 'd' : 'a');
    print_range(c->line1 + 1, c->line1 + c->inserted, ',');
    hunk_color(0);
    putchar('\n');
    for (long i = 0; i < c->deleted; i++) put_line(f0, c->line0 + i, "< ", SGR_DELETED);
    if (c->deleted && c->inserted) fputs("---\n", stdout);
    for (long i = 0; i < c->inserted; i++) put_line(f1, c->line1 + i, "> ", SGR_ADDED);
}

/* Compares two loaded files; HEADER (may be NULL) is printed before any output. */
static void compare_loaded(dfile *f0, dfile *f1, const char *header) {
    /* Side by side shows the common lines too, so it compares even identical files. */
    if (f0->size == f1->size && memcmp(f0->data, f1->data, f0->size) == 0 && f0->absent == f1->absent &&
        (O.format != FMT_SIDE || O.brief)) {
        if (O.report_same) printf("Files %s and %s are identical\n", f0->name, f1->name);
        return;
    }
    if (!O.text && (is_binary(f0) || is_binary(f1))) {
        /* GNU prints no "diff ..." line before this one. */
        printf(O.brief ? "Files %s and %s differ\n" : "Binary files %s and %s differ\n", f0->name, f1->name);
        if (O.status < 1) O.status = 1;
        return;
    }
    size_t from[2], to[2];
    identical_ends(f0, f1, from, to);
    classify(f0, f1, from, to);
    char *ch0 = xcalloc(f0->n + 2, 1), *ch1 = xcalloc(f1->n + 2, 1);
    char *c0 = ch0 + 1, *c1 = ch1 + 1;
    diff_analyze(f0->eq, to[0] - from[0], f1->eq, to[1] - from[1], c0 + from[0], c1 + from[1]);
    size_t nch = 0, cap = 16;
    change *c = xmalloc(cap * sizeof *c);
    long i0 = 0, i1 = 0;
    while (i0 < (long)f0->n || i1 < (long)f1->n) {
        if (c0[i0] | c1[i1]) {
            long l0 = i0, l1 = i1;
            while (c0[i0]) i0++;
            while (c1[i1]) i1++;
            if (nch == cap) c = xrealloc(c, (cap *= 2) * sizeof *c);
            change *x = &c[nch++];
            x->line0 = l0;
            x->line1 = l1;
            x->deleted = i0 - l0;
            x->inserted = i1 - l1;
            x->ignore = 0;
            if (O.ignore_blank || O.nignore_rx) {
                x->ignore = 1;
                for (long k = l0; k < i0 && x->ignore; k++) x->ignore = ignorable_line(f0, k);
                for (long k = l1; k < i1 && x->ignore; k++) x->ignore = ignorable_line(f1, k);
            }
        }
        i0++, i1++;
    }
    int real = 0;
    for (size_t k = 0; k < nch; k++) real |= !c[k].ignore;
    O.function_last_search = 0;
    O.function_last_match = -1;
    if (O.format == FMT_SIDE && !O.brief) {
        if (real && O.status < 1) O.status = 1;
        if (header) printf("%s\n", header);
        print_side_by_side(f0, f1, c, nch);
    } else if (real) {
        if (O.status < 1) O.status = 1;
        if (O.brief) {
            printf("Files %s and %s differ\n", f0->name, f1->name);
        } else if (O.format == FMT_ED || O.format == FMT_RCS) {
            if (header) printf("%s\n", header);
            for (size_t k = 0; k < nch; k++) {
                /* ed scripts go from the end, so each command's line numbers still hold. */
                const change *x = &c[O.format == FMT_ED ? nch - 1 - k : k];
                if (x->ignore) continue;
                if (O.format == FMT_ED) print_ed(f1, x);
                else print_rcs(f1, x);
            }
        } else {
            if (header) printf("%s\n", header);
            if (O.format == FMT_UNIFIED) {
                print_time_header("---", f0, 0);
                print_time_header("+++", f1, 1);
            } else if (O.format == FMT_CONTEXT) {
                print_time_header("***", f0, 0);
                print_time_header("---", f1, 1);
            }
            for (size_t k = 0; k < nch;) {
                size_t e = O.format == FMT_NORMAL ? k : find_hunk(c, nch, k);
                int all_ignored = 1;
                for (size_t m = k; m <= e; m++) all_ignored &= c[m].ignore;
                if (!all_ignored) {
                    if (O.format == FMT_UNIFIED) print_hunk_unified(f0, f1, c, k, e);
                    else if (O.format == FMT_CONTEXT) print_hunk_context(f0, f1, c, k, e);
                    else print_normal(f0, f1, &c[k]);
                }
                k = e + 1;
            }
        }
    } else if (O.report_same) {
        printf("Files %s and %s are identical\n", f0->name, f1->name);
    }
    for (int k = 0; k < 2; k++) {
        const dfile *f = k ? f1 : f0;
        if (!f->newline_added) continue;
        fflush(stdout);
        fprintf(stderr, "diff: %s: No newline at end of file\n\n", O.label[k] ? O.label[k] : f->name);
        O.status = 2;
    }
    free(c);
    free(ch0);
    free(ch1);
    free(f0->eq);
    free(f1->eq);
}

static void free_file(dfile *f) {
    free(f->data);
    free(f->line);
}

static void compare_files(const char *p0, const char *p1, const char *header) {
    dfile f0, f1;
    if (load(&f0, p0, p0) != 0) return;
    if (load(&f1, p1, p1) != 0) {
        free_file(&f0);
        return;
    }
    compare_loaded(&f0, &f1, header);
    free_file(&f0);
    free_file(&f1);
}

/* ---- directories ---- */

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char **list_dir(const char *path, size_t *n) {
    *n = 0;
    DIR *d = opendir(path);
    if (!d) {
        if (O.new_file && errno == ENOENT) return xmalloc(sizeof(char *)); /* -N: an absent directory is empty */
        trouble(path);
        return NULL;
    }
    size_t cap = 16;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        int excluded = 0;
        for (size_t i = 0; i < O.nexcludes && !excluded; i++) excluded = fnmatch(O.excludes[i], e->d_name, 0) == 0;
        if (excluded) continue;
        if (*n == cap) names = xrealloc(names, (cap *= 2) * sizeof *names);
        names[(*n)++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, *n, sizeof *names, compare_names);
    return names;
}

static char *join(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *p = xmalloc(a + b + 2);
    memcpy(p, dir, a);
    size_t k = a;
    if (a && dir[a - 1] != '/') p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

static char *header_for(const char *p0, const char *p1) {
    size_t n = strlen(O.switches) + strlen(p0) * 4 + strlen(p1) * 4 + 12;
    char *h = xmalloc(n);
    snprintf(h, n, "diff%s %s %s", O.switches, quoted_name(p0, 0), quoted_name(p1, 1));
    return h;
}

static void compare_dirs(const char *d0, const char *d1);

static void compare_entry(const char *d0, const char *d1, const char *name, int in0, int in1) {
    char *p0 = join(d0, name), *p1 = join(d1, name);
    struct stat s0, s1;
    int have0 = in0 && stat(p0, &s0) == 0, have1 = in1 && stat(p1, &s1) == 0;
    if (!have0 || !have1) {
        const char *dir = have0 ? d0 : d1;
        int isdir = have0 ? S_ISDIR(s0.st_mode) : have1 ? S_ISDIR(s1.st_mode) : 0;
        if (O.new_file && (have0 || have1) && !isdir) {
            char *h = header_for(p0, p1);
            compare_files(p0, p1, h);
            free(h);
        } else if (O.new_file && isdir && O.recursive) {
            compare_dirs(p0, p1);
        } else if (have0 || have1) {
            printf("Only in %s: %s\n", dir, name);
            if (O.status < 1) O.status = 1;
        }
    } else if (S_ISDIR(s0.st_mode) && S_ISDIR(s1.st_mode)) {
        if (O.recursive) compare_dirs(p0, p1);
        else printf("Common subdirectories: %s and %s\n", p0, p1);
    } else if (S_ISDIR(s0.st_mode) != S_ISDIR(s1.st_mode)) {
        printf("File %s is a %s while file %s is a %s\n", p0, S_ISDIR(s0.st_mode) ? "directory" : "regular file", p1,
               S_ISDIR(s1.st_mode) ? "directory" : "regular file");
        if (O.status < 1) O.status = 1;
    } else {
        char *h = header_for(p0, p1);
        compare_files(p0, p1, h);
        free(h);
    }
    free(p0);
    free(p1);
}

static void compare_dirs(const char *d0, const char *d1) {
    size_t n0, n1, i = 0, j = 0;
    char **a = list_dir(d0, &n0), **b = list_dir(d1, &n1);
    if (!a || !b) {
        for (size_t k = 0; k < n0; k++) free(a[k]);
        for (size_t k = 0; k < n1; k++) free(b[k]);
        free(a);
        free(b);
        return;
    }
    while (i < n0 || j < n1) {
        int cmp = i >= n0 ? 1 : j >= n1 ? -1 : strcmp(a[i], b[j]);
        if (cmp == 0) compare_entry(d0, d1, a[i], 1, 1), i++, j++;
        else if (cmp < 0) compare_entry(d0, d1, a[i], 1, 0), i++;
        else compare_entry(d0, d1, b[j], 0, 1), j++;
    }
    for (size_t k = 0; k < n0; k++) free(a[k]);
    for (size_t k = 0; k < n1; k++) free(b[k]);
    free(a);
    free(b);
}

/* ---- options ---- */

enum {
    OPT_HELP = 256, OPT_LABEL, OPT_NORMAL, OPT_VERSION, OPT_COLOR, OPT_LEFT_COLUMN, OPT_SUPPRESS_COMMON, OPT_TABSIZE,
    OPT_STRIP_CR, OPT_SUPPRESS_BLANK_EMPTY, OPT_FROM_FILE, OPT_TO_FILE, OPT_IGNORED, OPT_IGNORED_ARG,
};

static void add_exclude(const char *pattern) {
    O.excludes = xrealloc(O.excludes, (O.nexcludes + 1) * sizeof *O.excludes);
    O.excludes[O.nexcludes++] = xstrdup(pattern);
}

static void add_exclude_file(const char *path) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) se_die_errno(2, path);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (*line) add_exclude(line);
    }
    if (f != stdin) fclose(f);
}

static const struct option long_opts[] = {
    {"brief", no_argument, 0, 'q'}, {"report-identical-files", no_argument, 0, 's'},
    {"unified", optional_argument, 0, 'U'}, {"context", optional_argument, 0, 'C'},
    {"ignore-case", no_argument, 0, 'i'}, {"ignore-all-space", no_argument, 0, 'w'},
    {"ignore-space-change", no_argument, 0, 'b'}, {"ignore-blank-lines", no_argument, 0, 'B'},
    {"new-file", no_argument, 0, 'N'}, {"recursive", no_argument, 0, 'r'}, {"text", no_argument, 0, 'a'},
    {"label", required_argument, 0, OPT_LABEL}, {"normal", no_argument, 0, OPT_NORMAL},
    {"help", no_argument, 0, OPT_HELP}, {"version", no_argument, 0, OPT_VERSION},
    {"color", optional_argument, 0, OPT_COLOR}, {"exclude", required_argument, 0, 'x'},
    {"exclude-from", required_argument, 0, 'X'}, {"side-by-side", no_argument, 0, 'y'},
    {"width", required_argument, 0, 'W'}, {"left-column", no_argument, 0, OPT_LEFT_COLUMN},
    {"suppress-common-lines", no_argument, 0, OPT_SUPPRESS_COMMON}, {"ed", no_argument, 0, 'e'},
    {"rcs", no_argument, 0, 'n'}, {"expand-tabs", no_argument, 0, 't'}, {"initial-tab", no_argument, 0, 'T'},
    {"tabsize", required_argument, 0, OPT_TABSIZE}, {"ignore-matching-lines", required_argument, 0, 'I'},
    {"strip-trailing-cr", no_argument, 0, OPT_STRIP_CR}, {"show-c-function", no_argument, 0, 'p'},
    {"show-function-line", required_argument, 0, 'F'}, {"ignore-trailing-space", no_argument, 0, 'Z'},
    {"ignore-tab-expansion", no_argument, 0, 'E'}, {"suppress-blank-empty", no_argument, 0, OPT_SUPPRESS_BLANK_EMPTY},
    {"from-file", required_argument, 0, OPT_FROM_FILE}, {"to-file", required_argument, 0, OPT_TO_FILE},
    {"minimal", no_argument, 0, 'd'}, {"speed-large-files", no_argument, 0, 'H'},
    {"no-dereference", no_argument, 0, OPT_IGNORED}, {"horizon-lines", required_argument, 0, OPT_IGNORED_ARG},
    {0, 0, 0, 0},
};

/* Sets the output style; GNU refuses two different ones. */
static void set_format(int format) {
    if (O.format_set && O.format != format) {
        se_warn("conflicting output style options");
        try_help();
    }
    O.format = format;
    O.format_set = 1;
}

/* A positive number for -W and --tabsize, or GNU's "invalid ..." error. */
static int parse_positive(const char *s, const char *what) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v <= 0 || v > 0x7fffffff) {
        se_warn("invalid %s '%s'", what, s);
        try_help();
    }
    return (int)v;
}

/* Adds a -I or -F regex (GNU's basic syntax). */
static void add_regex(se_regex **list, size_t *n, const char *pattern) {
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    const char *err = se_regex_compile(&(*list)[*n], pattern, strlen(pattern), 0);
    if (err) se_die(2, "%s", err);
    (*n)++;
}

/* Appends arg to out, in single quotes (as GNU diff prints them) unless it is plain. */
static void quote_switch(char *out, const char *arg) {
    int plain = *arg != 0;
    for (const char *p = arg; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("-_./,:+@%^", *p)) plain = 0;
    char *o = out + strlen(out);
    if (plain) {
        strcpy(o, arg);
        return;
    }
    *o++ = '\'';
    for (const char *p = arg; *p; p++) {
        if (*p == '\'') {
            memcpy(o, "'\\''", 4);
            o += 4;
        } else {
            *o++ = *p;
        }
    }
    *o++ = '\'';
    *o = 0;
}

static int parse_context(const char *s) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0) {
        se_warn("invalid context length '%s'", s);
        try_help();
    }
    return (int)v;
}

/* Compares two operands: files, directories, or a file and the same name in a directory. */
static void compare_operands(const char *a, const char *b) {
    struct stat sa, sb;
    int da = strcmp(a, "-") != 0 && stat(a, &sa) == 0 && S_ISDIR(sa.st_mode);
    int db = strcmp(b, "-") != 0 && stat(b, &sb) == 0 && S_ISDIR(sb.st_mode);
    if (da && db) {
        compare_dirs(a, b);
    } else if (da || db) {
        const char *file = da ? b : a, *base = strrchr(file, '/');
        base = base ? base + 1 : file;
        char *inside = join(da ? a : b, base);
        if (da) compare_files(inside, b, NULL);
        else compare_files(a, inside, NULL);
        free(inside);
    } else {
        compare_files(a, b, NULL);
    }
}

int main_diff(int argc, char **argv) {
    memset(&O, 0, sizeof O);
    O.tabsize = 8;
    O.width = 130;
    int nlabels = 0, c, prev = 0, show_c_function = 0, explicit_context = 0;
    long context = 0, digits = -1; /* -c/-u/-C/-U take the largest; -NUM as GNU weighs it below */
    const char *from_file = NULL, *to_file = NULL;
    for (; (c = se_gnu_getopt(argc, argv, "0123456789abcBC:dEeF:HiI:NnpqrsTtuU:wW:x:X:yZ", long_opts)) != -1; prev = c) {
        if (c >= '0' && c <= '9') {
            digits = prev >= '0' && prev <= '9' && digits < 100000000 ? digits * 10 + (c - '0') : c - '0';
            continue;
        }
        switch (c) {
        case 'a': O.text = 1; break;
        case 'b': O.ignore_space_change = 1; break;
        case 'B': O.ignore_blank = 1; break;
        case 'c': case 'C': case 'u': case 'U': {
            set_format(c == 'c' || c == 'C' ? FMT_CONTEXT : FMT_UNIFIED);
            long n = optarg ? parse_context(optarg) : 3;
            explicit_context |= optarg != NULL;
            if (context < n) context = n;
            break;
        }
        case 'y': set_format(FMT_SIDE); break;
        case 'e': set_format(FMT_ED); break;
        case 'n': set_format(FMT_RCS); break;
        case 'W': O.width = parse_positive(optarg, "width"); break;
        case OPT_TABSIZE: O.tabsize = parse_positive(optarg, "tabsize"); break;
        case OPT_LEFT_COLUMN: O.left_column = 1; break;
        case OPT_SUPPRESS_COMMON: O.suppress_common = 1; break;
        case 't': O.expand_tabs = 1; break;
        case 'T': O.initial_tab = 1; break;
        case 'I': add_regex(&O.ignore_rx, &O.nignore_rx, optarg); break;
        case 'p': show_c_function = 1; add_regex(&O.function_rx, &O.nfunction_rx, "^[[:alpha:]$_]"); break;
        case 'F': add_regex(&O.function_rx, &O.nfunction_rx, optarg); break;
        case 'Z': O.ignore_trailing = 1; break;
        case 'E': O.ignore_tab_expansion = 1; break;
        case OPT_STRIP_CR: O.strip_cr = 1; break;
        case OPT_SUPPRESS_BLANK_EMPTY: O.suppress_blank_empty = 1; break;
        case OPT_FROM_FILE: from_file = optarg; break;
        case OPT_TO_FILE: to_file = optarg; break;
        case 'd': case 'H': case OPT_IGNORED: case OPT_IGNORED_ARG: break;
        case 'i': O.icase = 1; break;
        case 'w': O.ignore_all_space = 1; break;
        case 'N': O.new_file = 1; break;
        case 'x': add_exclude(optarg); break;
        case 'X': add_exclude_file(optarg); break;
        case 'q': O.brief = 1; break;
        case 'r': O.recursive = 1; break;
        case 's': O.report_same = 1; break;
        case OPT_LABEL:
            if (nlabels < 2) O.label[nlabels++] = optarg;
            break;
        case OPT_NORMAL: set_format(FMT_NORMAL); break;
        case OPT_COLOR:
            if (!optarg || strcmp(optarg, "auto") == 0) O.color = isatty(1);
            else if (strcmp(optarg, "always") == 0) O.color = 1;
            else if (strcmp(optarg, "never") == 0) O.color = 0;
            else {
                se_warn("invalid argument '%s' for '--color'", optarg);
                fprintf(stderr, "Valid arguments are:\n  - 'never'\n  - 'always'\n  - 'auto'\n");
                try_help();
            }
            break;
        case OPT_HELP:
            puts("Usage: diff [OPTION]... FILES\n"
                 "Compare FILES line by line.\n"
                 "  -q, --brief, -s, --report-identical-files\n"
                 "  -c, -C NUM, --context[=NUM]   context format\n"
                 "  -u, -U NUM, --unified[=NUM]   unified format\n"
                 "  -i, -w, -b, -B                ignore case, all space, space changes, blank lines\n"
                 "  -N, --new-file, -r, --recursive, -a, --text, --label LABEL\n"
                 "Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.");
            return 0;
        case OPT_VERSION: se_version(0);
        default:
            try_help();
        }
    }
    /* -p alone asks for the context format. */
    if (!O.format_set && show_c_function) {
        O.format = FMT_CONTEXT;
        if (context < 3) context = 3;
    }
    /* -NUM sets the context unless a larger -C/-U NUM was given. */
    if (digits >= 0 && (O.format == FMT_CONTEXT || O.format == FMT_UNIFIED) &&
        (context < digits || (digits < context && !explicit_context)))
        context = digits;
    /* Only these formats show context; it also sets how much of the common ends stays compared. */
    O.context = O.format == FMT_UNIFIED || O.format == FMT_CONTEXT ? (int)context : 0;
    /* The switches as given, for the "diff ..." lines of directory comparisons. */
    size_t len = 1;
    for (int i = 1; i < optind; i++) len += strlen(argv[i]) * 4 + 3;
    O.switches = xmalloc(len);
    O.switches[0] = 0;
    for (int i = 1; i < optind; i++) quote_switch(strcat(O.switches, " "), argv[i]);
    if (from_file && to_file) {
        se_warn("--from-file and --to-file both specified");
        try_help();
    }
    if (argc - optind < (from_file || to_file ? 1 : 2)) {
        se_warn("missing operand after '%s'", argv[argc - 1]);
        try_help();
    }
    if (from_file || to_file) {
        /* Each operand against the one file. */
        for (int i = optind; i < argc; i++) compare_operands(from_file ? from_file : argv[i], to_file ? to_file : argv[i]);
    } else {
        if (argc - optind > 2) {
            se_warn("extra operand '%s'", argv[optind + 2]);
            try_help();
        }
        compare_operands(argv[optind], argv[optind + 1]);
    }
    if (se_flush_stdout()) return 2;
    return O.status;
}
