/*
 * ls: lists files and directory contents as GNU ls does with LC_ALL=C and
 * stdout not a terminal: one name per line unless -C, -x or -m ask for
 * columns (COLUMNS wide, default 80, padded with tabs as GNU does), -l
 * for the long format. Operands that are files are listed first, then
 * each directory under a "name:" header when there are several or -R.
 *
 * The long format prints mode, links, owner, group (names from the fixed
 * mapping of fs-util.h: 0 is root, other ids print as numbers; -n always
 * numbers), size, date ("Jan 15 10:00" within six months of now, else
 * "Jan 15  2024"), name and symlink target. Sorting is by name (byte
 * order), or -S size, -t time, -X extension, -v version, -U none; -r
 * reverses. Exit status 2 when an operand cannot be listed, 1 when a
 * directory met during -R cannot be read.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-util.h"
#include "lib/human.h"
#include "lib/se-getopt.h"
#include "lib/timefmt.h"

SE_COMMAND(main_ls, "ls")

enum fmt { FMT_ONE, FMT_LONG, FMT_COLUMNS, FMT_ACROSS, FMT_COMMAS };
enum sort { SORT_NAME, SORT_SIZE, SORT_TIME, SORT_EXT, SORT_VERSION, SORT_NONE };
enum which_time { TIME_MTIME, TIME_CTIME, TIME_ATIME };
enum indicator { IND_NONE, IND_SLASH, IND_FILE_TYPE, IND_CLASSIFY };
enum show { SHOW_VISIBLE, SHOW_ALMOST_ALL, SHOW_ALL };

struct ls_opts {
    enum fmt format;
    enum sort sort;
    enum which_time time;
    enum indicator indicator;
    enum show show;
    int reverse, recursive, dirs_as_files, deref, deref_cmdline, human, si, show_size, show_inode;
    int numeric, no_owner, no_group, group_dirs_first, quote, hide_control, context;
    const char *time_style_recent, *time_style_old;
    unsigned long block_size;
    size_t line_width, tab_size;
};

struct entry {
    char *name; /* as printed */
    char *path; /* for stat and recursion */
    struct stat st;
    int stat_ok;
    char *target;   /* symlink target, for -l */
    struct stat tst; /* what a symlink points to */
    int target_ok;
    int dir_like;  /* a directory, or a symlink to one */
    int broken;    /* -L and a dangling symlink: lstat worked, stat did not */
};

static struct ls_opts opt;
static long long now_sec;
static int exit_status;

static const struct timespec *entry_time(const struct stat *st) {
    return opt.time == TIME_CTIME ? &st->st_ctim : opt.time == TIME_ATIME ? &st->st_atim : &st->st_mtim;
}

/* GNU's filevercmp: digit runs compare as numbers, '~' sorts first, letters before other bytes; file suffixes are compared last. */
static int order(unsigned char c) {
    if (c >= '0' && c <= '9') return 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
    if (c == '~') return -1;
    return c + 256;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int verrevcmp(const char *a, size_t alen, const char *b, size_t blen) {
    size_t i = 0, j = 0;
    while (i < alen || j < blen) {
        int first_diff = 0;
        while ((i < alen && !is_digit(a[i])) || (j < blen && !is_digit(b[j]))) {
            int ac = i == alen ? 0 : order((unsigned char)a[i]);
            int bc = j == blen ? 0 : order((unsigned char)b[j]);
            if (ac != bc) return ac - bc;
            i++;
            j++;
        }
        while (i < alen && a[i] == '0') i++;
        while (j < blen && b[j] == '0') j++;
        while (i < alen && j < blen && is_digit(a[i]) && is_digit(b[j])) {
            if (!first_diff) first_diff = a[i] - b[j];
            i++;
            j++;
        }
        if (i < alen && is_digit(a[i])) return 1;
        if (j < blen && is_digit(b[j])) return -1;
        if (first_diff) return first_diff;
    }
    return 0;
}

/* Length of s without its suffix: the longest tail matching (\.[A-Za-z~][A-Za-z0-9~]*)*. */
static size_t prefix_len(const char *s) {
    size_t n = strlen(s), prefix = 0;
    for (size_t i = 0; i < n;) {
        prefix = ++i;
        while (i + 1 < n && s[i] == '.' && (is_alpha(s[i + 1]) || s[i + 1] == '~'))
            for (i += 2; i < n && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '~'); i++) {
            }
    }
    return prefix;
}

static int vercmp(const char *a, const char *b) {
    if (!a[0]) return -(b[0] != 0);
    if (!b[0]) return 1;
    if (a[0] == '.') {
        if (b[0] != '.') return -1;
        if (!a[1]) return -(b[1] != 0);
        if (!b[1]) return 1;
        int add = a[1] == '.' && !a[2], bdd = b[1] == '.' && !b[2];
        if (add) return -!bdd;
        if (bdd) return 1;
    } else if (b[0] == '.') {
        return 1;
    }
    size_t alen = strlen(a), blen = strlen(b), ap = prefix_len(a), bp = prefix_len(b);
    int r = verrevcmp(a, ap, b, bp);
    return r || (ap == alen && bp == blen) ? r : verrevcmp(a, alen, b, blen);
}

static int compare(const void *pa, const void *pb) {
    const struct entry *a = pa, *b = pb;
    int r = 0;
    if (opt.group_dirs_first) {
        int da = a->dir_like, db = b->dir_like;
        if (da != db) return db - da;
    }
    switch (opt.sort) {
    case SORT_SIZE:
        if (a->st.st_size != b->st.st_size) r = a->st.st_size < b->st.st_size ? 1 : -1;
        break;
    case SORT_TIME: {
        const struct timespec *ta = entry_time(&a->st), *tb = entry_time(&b->st);
        if (ta->tv_sec != tb->tv_sec) r = ta->tv_sec < tb->tv_sec ? 1 : -1;
        else if (ta->tv_nsec != tb->tv_nsec) r = ta->tv_nsec < tb->tv_nsec ? 1 : -1;
        break;
    }
    case SORT_EXT: {
        const char *ea = strrchr(a->name, '.'), *eb = strrchr(b->name, '.');
        r = strcmp(ea ? ea : "", eb ? eb : "");
        break;
    }
    case SORT_VERSION: r = vercmp(a->name, b->name); break;
    default: break;
    }
    if (r == 0) r = strcmp(a->name, b->name);
    return opt.reverse ? -r : r;
}

static void sort_entries(struct entry *e, size_t n) {
    if (opt.sort != SORT_NONE) qsort(e, n, sizeof *e, compare);
    else if (opt.reverse)
        for (size_t i = 0; i < n / 2; i++) {
            struct entry t = e[i];
            e[i] = e[n - 1 - i];
            e[n - 1 - i] = t;
        }
}

/* Fills in an entry's metadata; follow = stat rather than lstat. */
static void load(struct entry *e, int follow) {
    e->stat_ok = fs_stat(e->path, &e->st, follow) == 0;
    if (!e->stat_ok && follow && fs_stat(e->path, &e->st, 0) == 0) {
        e->stat_ok = 1;
        e->broken = opt.deref;
    }
    if (e->stat_ok) {
        struct stat t;
        e->dir_like = S_ISDIR(e->st.st_mode) || (S_ISLNK(e->st.st_mode) && stat(e->path, &t) == 0 && S_ISDIR(t.st_mode));
    }
    if (e->stat_ok && S_ISLNK(e->st.st_mode) && (opt.format == FMT_LONG || opt.indicator >= IND_FILE_TYPE)) {
        char buf[PATH_MAX];
        ssize_t n = readlink(e->path, buf, sizeof buf - 1);
        if (n >= 0) {
            buf[n] = '\0';
            e->target = xstrdup(buf);
        }
        e->target_ok = fs_stat(e->path, &e->tst, 1) == 0;
    }
}

static void free_entries(struct entry *e, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
        free(e[i].target);
    }
    free(e);
}

static char indicator_for(unsigned mode, int long_target) {
    if (opt.indicator == IND_NONE) return 0;
    if (S_ISDIR(mode)) return '/';
    if (opt.indicator == IND_SLASH) return 0;
    if (S_ISLNK(mode)) return long_target ? 0 : '@';
    if (S_ISFIFO(mode)) return '|';
    if (S_ISSOCK(mode)) return '=';
    if (S_ISREG(mode) && opt.indicator == IND_CLASSIFY && (mode & 0111)) return '*';
    return 0;
}

static char entry_indicator(const struct entry *e) {
    if (!e->stat_ok) return 0;
    if (S_ISLNK(e->st.st_mode) && opt.format == FMT_LONG) return 0;
    return indicator_for(e->st.st_mode, 0);
}

/* The name as printed: -Q quotes it, -q turns control characters into '?'. */
static size_t name_width(const char *name) { return strlen(name) + (opt.quote ? 2 : 0); }

static void print_name(const char *name) {
    if (opt.quote) putchar('"');
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (opt.hide_control && (c < 32 || c == 127)) putchar('?');
        else if (opt.quote && (c == '"' || c == '\\')) printf("\\%c", c);
        else putchar(c);
    }
    if (opt.quote) putchar('"');
}

static unsigned long long blocks_out(const struct stat *st) {
    unsigned long long bytes = fs_blocks(st) * 512;
    return (bytes + opt.block_size - 1) / opt.block_size;
}

static void size_text(unsigned long long bytes, char *out) {
    if (opt.human) human_size(bytes, opt.si, out);
    else sprintf(out, "%llu", bytes);
}

static void block_text(const struct stat *st, char *out) {
    if (opt.human) human_size(fs_blocks(st) * 512, opt.si, out);
    else sprintf(out, "%llu", blocks_out(st));
}

static void id_text(unsigned id, int user, char *out) {
    const char *name = opt.numeric ? NULL : user ? fs_user_name(id) : fs_group_name(id);
    if (name) snprintf(out, 32, "%s", name);
    else snprintf(out, 32, "%u", id);
}

static void date_text(const struct stat *st, char *out, size_t cap) {
    const struct timespec *ts = entry_time(st);
    struct tf_time t;
    tf_breakdown(&t, (long long)ts->tv_sec, ts->tv_nsec, 0);
    long long six_months = 31556952 / 2;
    int recent = ts->tv_sec <= now_sec && ts->tv_sec > now_sec - six_months;
    FILE *f = fmemopen(out, cap, "w");
    if (!f) {
        out[0] = '\0';
        return;
    }
    tf_print(f, recent ? opt.time_style_recent : opt.time_style_old, &t);
    fclose(f);
}

static void print_long(struct entry *e, size_t n) {
    size_t w_inode = 0, w_blocks = 0, w_links = 0, w_owner = 0, w_group = 0, w_size = 0;
    char buf[64];
    size_t w_date = 0;
    for (size_t i = 0; i < n; i++) {
        if (!e[i].stat_ok || e[i].broken) continue;
        const struct stat *st = &e[i].st;
        size_t len;
        if (!w_date) {
            char date[128];
            date_text(st, date, sizeof date);
            w_date = strlen(date);
        }
        if (opt.show_inode && (len = (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)st->st_ino)) > w_inode) w_inode = len;
        if (opt.show_size) {
            block_text(st, buf);
            if ((len = strlen(buf)) > w_blocks) w_blocks = len;
        }
        if ((len = (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)st->st_nlink)) > w_links) w_links = len;
        id_text(st->st_uid, 1, buf);
        if ((len = strlen(buf)) > w_owner) w_owner = len;
        id_text(st->st_gid, 0, buf);
        if ((len = strlen(buf)) > w_group) w_group = len;
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            snprintf(buf, sizeof buf, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff, (unsigned)st->st_rdev & 0xff);
        else
            size_text((unsigned long long)st->st_size, buf);
        if ((len = strlen(buf)) > w_size) w_size = len;
    }
    if (!w_date) w_date = 12;
    for (size_t i = 0; i < n; i++) {
        const struct stat *st = &e[i].st;
        if (!e[i].stat_ok) continue;
        char mode[11], date[128];
        if (e[i].broken) {
            /* What GNU shows for an entry -L could not follow. */
            if (opt.show_inode) printf("%*s ", (int)w_inode, "?");
            if (opt.show_size) printf("%*s ", (int)w_blocks, "?");
            fs_mode_string(st->st_mode, mode);
            printf("%c????????? %*s ", mode[0], (int)w_links, "?");
            if (!opt.no_owner) printf("%-*s ", (int)w_owner, "?");
            if (!opt.no_group) printf("%-*s ", (int)w_group, "?");
            if (opt.context) fputs("? ", stdout);
            printf("%*s %*s ", (int)w_size, "?", (int)w_date, "?");
            print_name(e[i].name);
            putchar('\n');
            continue;
        }
        if (opt.show_inode) printf("%*llu ", (int)w_inode, (unsigned long long)st->st_ino);
        if (opt.show_size) {
            block_text(st, buf);
            printf("%*s ", (int)w_blocks, buf);
        }
        fs_mode_string(st->st_mode, mode);
        printf("%s %*llu ", mode, (int)w_links, (unsigned long long)st->st_nlink);
        if (!opt.no_owner) {
            id_text(st->st_uid, 1, buf);
            printf("%-*s ", (int)w_owner, buf);
        }
        if (!opt.no_group) {
            id_text(st->st_gid, 0, buf);
            printf("%-*s ", (int)w_group, buf);
        }
        if (opt.context) fputs("? ", stdout);
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            snprintf(buf, sizeof buf, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff, (unsigned)st->st_rdev & 0xff);
        else
            size_text((unsigned long long)st->st_size, buf);
        date_text(st, date, sizeof date);
        printf("%*s %s ", (int)w_size, buf, date);
        print_name(e[i].name);
        if (S_ISLNK(st->st_mode) && e[i].target) {
            fputs(" -> ", stdout);
            print_name(e[i].target);
            if (e[i].target_ok) {
                char ind = indicator_for(e[i].tst.st_mode, 1);
                if (ind) putchar(ind);
            }
        } else {
            char ind = entry_indicator(&e[i]);
            if (ind) putchar(ind);
        }
        putchar('\n');
    }
}

/* Width of the -i / -s prefixes for the short formats. */
static void prefix_widths(struct entry *e, size_t n, size_t *w_inode, size_t *w_blocks) {
    char buf[64];
    *w_inode = *w_blocks = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (opt.show_inode) {
            len = e[i].stat_ok ? (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)e[i].st.st_ino) : 1;
            if (len > *w_inode) *w_inode = len;
        }
        if (opt.show_size) {
            if (e[i].stat_ok) block_text(&e[i].st, buf);
            else strcpy(buf, "?");
            if ((len = strlen(buf)) > *w_blocks) *w_blocks = len;
        }
    }
}

static size_t print_short(const struct entry *e, size_t w_inode, size_t w_blocks) {
    char buf[64];
    size_t width = 0;
    if (opt.show_inode) {
        if (e->stat_ok) snprintf(buf, sizeof buf, "%llu", (unsigned long long)e->st.st_ino);
        else strcpy(buf, "?");
        width += (size_t)printf("%*s ", (int)w_inode, buf);
    }
    if (opt.show_size) {
        if (e->stat_ok) block_text(&e->st, buf);
        else strcpy(buf, "?");
        width += (size_t)printf("%*s ", (int)w_blocks, buf);
    }
    if (opt.context) width += (size_t)printf("? ");
    print_name(e->name);
    width += name_width(e->name);
    char ind = entry_indicator(e);
    if (ind) {
        putchar(ind);
        width++;
    }
    return width;
}

static size_t short_width(const struct entry *e, size_t w_inode, size_t w_blocks) {
    return (opt.show_inode ? w_inode + 1 : 0) + (opt.show_size ? w_blocks + 1 : 0) + (opt.context ? 2 : 0) + name_width(e->name) +
           (entry_indicator(e) ? 1 : 0);
}

static void indent(size_t from, size_t to) {
    while (from < to) {
        if (opt.tab_size && to / opt.tab_size > (from + 1) / opt.tab_size) {
            putchar('\t');
            from += opt.tab_size - from % opt.tab_size;
        } else {
            putchar(' ');
            from++;
        }
    }
}

/* -C and -x: as many columns as fit in line_width, each as wide as its widest name plus 2. */
static void print_columns(struct entry *e, size_t n, size_t w_inode, size_t w_blocks, int across) {
    size_t max_cols = opt.line_width / 3;
    if (max_cols == 0) max_cols = 1;
    if (max_cols > n) max_cols = n;
    size_t *widths = xcalloc(max_cols * max_cols, sizeof *widths);
    size_t *line_len = xcalloc(max_cols, sizeof *line_len);
    char *valid = xmalloc(max_cols);
    for (size_t i = 0; i < max_cols; i++) {
        valid[i] = 1;
        line_len[i] = (i + 1) * 3;
        for (size_t j = 0; j <= i; j++) widths[i * max_cols + j] = 3;
    }
    for (size_t f = 0; f < n; f++) {
        size_t len = short_width(&e[f], w_inode, w_blocks);
        for (size_t i = 0; i < max_cols; i++) {
            if (!valid[i]) continue;
            size_t rows = (n + i) / (i + 1);
            size_t idx = across ? f % (i + 1) : f / rows;
            size_t real = len + (idx == i ? 0 : 2);
            size_t *w = &widths[i * max_cols + idx];
            if (*w < real) {
                line_len[i] += real - *w;
                *w = real;
                valid[i] = line_len[i] < opt.line_width;
            }
        }
    }
    size_t cols = 1;
    for (size_t i = max_cols; i > 0; i--)
        if (valid[i - 1]) {
            cols = i;
            break;
        }
    size_t *w = &widths[(cols - 1) * max_cols];
    size_t rows = (n + cols - 1) / cols;
    for (size_t r = 0; r < rows; r++) {
        size_t pos = 0;
        for (size_t c = 0; c < cols; c++) {
            size_t f = across ? r * cols + c : r + c * rows;
            if (f >= n) break;
            size_t len = print_short(&e[f], w_inode, w_blocks);
            size_t next = across ? f + 1 : f + rows;
            if (c + 1 < cols && next < n) {
                indent(pos + len, pos + w[c]);
                pos += w[c];
            }
        }
        putchar('\n');
    }
    free(widths);
    free(line_len);
    free(valid);
}

static void print_commas(struct entry *e, size_t n, size_t w_inode, size_t w_blocks) {
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = short_width(&e[i], w_inode, w_blocks);
        if (i > 0) {
            if (pos + len + 2 < opt.line_width) {
                fputs(", ", stdout);
                pos += 2;
            } else {
                fputs(",\n", stdout);
                pos = 0;
            }
        }
        print_short(&e[i], w_inode, w_blocks);
        pos += len;
    }
    if (n) putchar('\n');
}

static void print_entries(struct entry *e, size_t n) {
    if (opt.format == FMT_LONG) {
        print_long(e, n);
        return;
    }
    size_t w_inode, w_blocks;
    prefix_widths(e, n, &w_inode, &w_blocks);
    if (opt.format == FMT_COLUMNS || opt.format == FMT_ACROSS) {
        if (n) print_columns(e, n, w_inode, w_blocks, opt.format == FMT_ACROSS);
    } else if (opt.format == FMT_COMMAS) {
        print_commas(e, n, w_inode, w_blocks);
    } else {
        for (size_t i = 0; i < n; i++) {
            print_short(&e[i], w_inode, w_blocks);
            putchar('\n');
        }
    }
}

static void cannot_access(const char *path) {
    int err = errno;
    struct stat st;
    if (stat(path, &st) != 0) err = errno;
    fflush(stdout);
    fprintf(stderr, "%s: cannot access '%s': %s\n", se_prog, path, se_strerror(err));
}

static void list_dir(const char *path, const char *shown, int header, int top, int *printed) {
    size_t n;
    char **names = fs_list_dir(path, &n);
    if (!names) {
        int err = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot open directory '%s': %s\n", se_prog, shown, se_strerror(err));
        exit_status = top ? 2 : (exit_status ? exit_status : 1);
        return;
    }
    struct entry *e = xcalloc(n + 2, sizeof *e);
    size_t k = 0;
    if (opt.show == SHOW_ALL) {
        e[k].name = xstrdup(".");
        e[k++].path = fs_join(path, ".");
        e[k].name = xstrdup("..");
        e[k++].path = fs_join(path, "..");
    }
    for (size_t i = 0; i < n; i++) {
        if (names[i][0] == '.' && opt.show == SHOW_VISIBLE) continue;
        e[k].name = xstrdup(names[i]);
        e[k++].path = strcmp(path, ".") ? fs_join(path, names[i]) : xstrdup(names[i]);
    }
    fs_free_list(names);
    for (size_t i = 0; i < k; i++) {
        load(&e[i], opt.deref);
        /* GNU only notices a dangling link when it needs the file's metadata. */
        int needs_stat = opt.format == FMT_LONG || opt.show_size || opt.show_inode || opt.sort == SORT_SIZE ||
                         opt.sort == SORT_TIME || opt.indicator != IND_NONE || opt.group_dirs_first;
        if (e[i].broken && needs_stat) {
            cannot_access(e[i].path);
            if (!exit_status) exit_status = 1;
        }
    }
    sort_entries(e, k);
    if (header) {
        if (*printed) putchar('\n');
        print_name(shown);
        fputs(":\n", stdout);
    }
    *printed = 1;
    if (opt.format == FMT_LONG || opt.show_size) {
        unsigned long long total = 0;
        for (size_t i = 0; i < k; i++)
            if (e[i].stat_ok) total += opt.human ? fs_blocks(&e[i].st) * 512 : blocks_out(&e[i].st);
        char buf[32];
        if (opt.human) human_size(total, opt.si, buf);
        else sprintf(buf, "%llu", total);
        printf("total %s\n", buf);
    }
    print_entries(e, k);
    if (opt.recursive) {
        for (size_t i = 0; i < k; i++) {
            if (!e[i].stat_ok || !S_ISDIR(e[i].st.st_mode)) continue;
            if (!strcmp(e[i].name, ".") || !strcmp(e[i].name, "..")) continue;
            char *sub_shown = fs_join(shown, e[i].name);
            list_dir(e[i].path, sub_shown, 1, 0, printed);
            free(sub_shown);
        }
    }
    free_entries(e, k);
}

/* Sets the long format's date formats from --time-style=STYLE (checked only when -l is in effect, as GNU does). */
static void apply_time_style(const char *style) {
    const char *s = style;
    if (!strncmp(s, "posix-", 6)) s += 6;
    if (!strcmp(s, "full-iso")) {
        opt.time_style_recent = opt.time_style_old = "%Y-%m-%d %H:%M:%S.%N %z";
    } else if (!strcmp(s, "long-iso")) {
        opt.time_style_recent = opt.time_style_old = "%Y-%m-%d %H:%M";
    } else if (!strcmp(s, "iso")) {
        opt.time_style_recent = "%m-%d %H:%M";
        opt.time_style_old = "%Y-%m-%d ";
    } else if (!strcmp(s, "locale")) {
        opt.time_style_recent = "%b %e %H:%M";
        opt.time_style_old = "%b %e  %Y";
    } else if (s[0] == '+') {
        char *fmt = xstrdup(s + 1), *nl = strchr(fmt, '\n');
        opt.time_style_recent = opt.time_style_old = fmt;
        if (nl) {
            *nl = '\0';
            opt.time_style_recent = nl + 1;
        }
    } else {
        se_warn("invalid argument '%s' for 'time style'", style);
        fprintf(stderr, "Valid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n"
                        "  - [posix-]locale\n  - +FORMAT (e.g., +%%H:%%M) for a 'date'-style format\n");
        se_usage_error(2);
    }
}

static int in_list(const char *s, const char *const *list) {
    for (; *list; list++)
        if (!strcmp(s, *list)) return 1;
    return 0;
}

static _Noreturn void bad_argument(const char *option, const char *arg, const char *valid) {
    se_warn("invalid argument '%s' for '%s'", arg, option);
    fprintf(stderr, "Valid arguments are:\n%s", valid);
    se_usage_error(1);
}

static void usage(void) {
    printf("Usage: ls [OPTION]... [FILE]...\n"
           "List information about the FILEs (the current directory by default).\n"
           "Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.\n\n"
           "  -a, --all                  do not ignore entries starting with .\n"
           "  -A, --almost-all           do not list implied . and ..\n"
           "  -C                         list entries by columns\n"
           "  -d, --directory            list directories themselves, not their contents\n"
           "  -F, --classify             append indicator (one of */=@|) to entries\n"
           "  -g                         like -l, but do not list owner\n"
           "  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G etc.\n"
           "  -i, --inode                print the index number of each file\n"
           "  -l                         use a long listing format\n"
           "  -L, --dereference          show information for the file references\n"
           "  -m                         fill width with a comma separated list of entries\n"
           "  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs\n"
           "  -o                         like -l, but do not list group information\n"
           "  -p                         append / indicator to directories\n"
           "  -r, --reverse              reverse order while sorting\n"
           "  -R, --recursive            list subdirectories recursively\n"
           "  -s, --size                 print the allocated size of each file, in blocks\n"
           "  -S                         sort by file size, largest first\n"
           "  -t                         sort by time, newest first\n"
           "  -U                         do not sort; list entries in directory order\n"
           "  -v                         natural sort of (version) numbers within text\n"
           "  -x                         list entries by lines instead of by columns\n"
           "  -X                         sort alphabetically by entry extension\n"
           "  -1                         list one file per line\n");
}

int main_ls(int argc, char **argv) {
    enum { COLOR = 256, FULL_TIME, TIME_STYLE, SI, GROUP_DIRS, INDICATOR, SORT_OPT, TIME_OPT, FILE_TYPE };
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'},          {"almost-all", no_argument, NULL, 'A'},
        {"directory", no_argument, NULL, 'd'},    {"classify", optional_argument, NULL, 'F'},
        {"human-readable", no_argument, NULL, 'h'}, {"inode", no_argument, NULL, 'i'},
        {"dereference", no_argument, NULL, 'L'},  {"dereference-command-line", no_argument, NULL, 'H'},
        {"numeric-uid-gid", no_argument, NULL, 'n'}, {"no-group", no_argument, NULL, 'G'},
        {"reverse", no_argument, NULL, 'r'},      {"recursive", no_argument, NULL, 'R'},
        {"size", no_argument, NULL, 's'},         {"quote-name", no_argument, NULL, 'Q'},
        {"context", no_argument, NULL, 'Z'},
        {"hide-control-chars", no_argument, NULL, 'q'}, {"literal", no_argument, NULL, 'N'},
        {"width", required_argument, NULL, 'w'},  {"tabsize", required_argument, NULL, 'T'},
        {"color", optional_argument, NULL, COLOR}, {"full-time", no_argument, NULL, FULL_TIME},
        {"time-style", required_argument, NULL, TIME_STYLE}, {"si", no_argument, NULL, SI},
        {"group-directories-first", no_argument, NULL, GROUP_DIRS},
        {"indicator-style", required_argument, NULL, INDICATOR}, {"file-type", no_argument, NULL, FILE_TYPE},
        {"sort", required_argument, NULL, SORT_OPT}, {"time", required_argument, NULL, TIME_OPT},
        {"help", no_argument, NULL, 256 + 100},   {NULL, 0, NULL, 0}};
    static const char *const colors[] = {"always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty", NULL};
    opt.format = FMT_ONE;
    opt.line_width = 80;
    opt.tab_size = 8;
    opt.block_size = 1024;
    opt.time_style_recent = "%b %e %H:%M";
    opt.time_style_old = "%b %e  %Y";
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 0) opt.line_width = (size_t)atoi(cols);
    const char *time_style = NULL;
    int c;
    while ((c = se_getopt_long(argc, argv, "1aAcCdfFgGhHiklLmnNopqQrRsStT:uUvw:xXZ", longopts, NULL)) != -1) {
        switch (c) {
        case '1': opt.format = FMT_ONE; break;
        case 'a': opt.show = SHOW_ALL; break;
        case 'A': opt.show = SHOW_ALMOST_ALL; break;
        case 'c': opt.time = TIME_CTIME; break;
        case 'C': opt.format = FMT_COLUMNS; break;
        case 'd': opt.dirs_as_files = 1; break;
        case 'f': opt.show = SHOW_ALL; opt.sort = SORT_NONE; break;
        case 'F': opt.indicator = IND_CLASSIFY; break;
        case FILE_TYPE: opt.indicator = IND_FILE_TYPE; break;
        case 'g': opt.format = FMT_LONG; opt.no_owner = 1; break;
        case 'G': opt.no_group = 1; break;
        case 'h': opt.human = 1; break;
        case 'H': opt.deref_cmdline = 1; break;
        case 'i': opt.show_inode = 1; break;
        case 'k': opt.block_size = 1024; break;
        case 'l': opt.format = FMT_LONG; break;
        case 'L': opt.deref = 1; break;
        case 'm': opt.format = FMT_COMMAS; break;
        case 'n': opt.format = FMT_LONG; opt.numeric = 1; break;
        case 'N': opt.quote = 0; opt.hide_control = 0; break;
        case 'o': opt.format = FMT_LONG; opt.no_group = 1; break;
        case 'p': opt.indicator = IND_SLASH; break;
        case 'q': opt.hide_control = 1; break;
        case 'Q': opt.quote = 1; break;
        case 'r': opt.reverse = 1; break;
        case 'R': opt.recursive = 1; break;
        case 's': opt.show_size = 1; break;
        case 'S': opt.sort = SORT_SIZE; break;
        case 't': opt.sort = SORT_TIME; break;
        case 'T': {
            char *end;
            opt.tab_size = (size_t)strtoul(optarg, &end, 10);
            if (*end || end == optarg) se_die(2, "invalid tab size: '%s'", optarg);
            break;
        }
        case 'u': opt.time = TIME_ATIME; break;
        case 'U': opt.sort = SORT_NONE; break;
        case 'v': opt.sort = SORT_VERSION; break;
        case 'w': {
            char *end;
            unsigned long w = strtoul(optarg, &end, 10);
            if (*end || end == optarg) se_die(2, "invalid line width: '%s'", optarg);
            opt.line_width = w ? w : (size_t)-1;
            break;
        }
        case 'x': opt.format = FMT_ACROSS; break;
        case 'X': opt.sort = SORT_EXT; break;
        case 'Z': opt.context = 1; break;
        case COLOR:
            if (optarg && !in_list(optarg, colors))
                bad_argument("--color", optarg, "  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n");
            break;
        case FULL_TIME:
            opt.format = FMT_LONG;
            opt.time_style_recent = opt.time_style_old = "%Y-%m-%d %H:%M:%S.%N %z";
            break;
        case TIME_STYLE: time_style = optarg; break;
        case SI: opt.human = 1; opt.si = 1; break;
        case GROUP_DIRS: opt.group_dirs_first = 1; break;
        case INDICATOR:
            if (!strcmp(optarg, "none")) opt.indicator = IND_NONE;
            else if (!strcmp(optarg, "slash")) opt.indicator = IND_SLASH;
            else if (!strcmp(optarg, "file-type")) opt.indicator = IND_FILE_TYPE;
            else if (!strcmp(optarg, "classify")) opt.indicator = IND_CLASSIFY;
            else {
                bad_argument("--indicator-style", optarg, "  - 'none'\n  - 'slash'\n  - 'file-type'\n  - 'classify'\n");
            }
            break;
        case SORT_OPT:
            if (!strcmp(optarg, "none")) opt.sort = SORT_NONE;
            else if (!strcmp(optarg, "size")) opt.sort = SORT_SIZE;
            else if (!strcmp(optarg, "time")) opt.sort = SORT_TIME;
            else if (!strcmp(optarg, "version")) opt.sort = SORT_VERSION;
            else if (!strcmp(optarg, "extension")) opt.sort = SORT_EXT;
            else if (!strcmp(optarg, "name")) opt.sort = SORT_NAME;
            else {
                bad_argument("--sort", optarg, "  - 'none'\n  - 'time'\n  - 'size'\n  - 'extension'\n  - 'version'\n  - 'width'\n");
            }
            break;
        case TIME_OPT:
            if (!strcmp(optarg, "ctime") || !strcmp(optarg, "status")) opt.time = TIME_CTIME;
            else if (!strcmp(optarg, "atime") || !strcmp(optarg, "access") || !strcmp(optarg, "use")) opt.time = TIME_ATIME;
            else if (!strcmp(optarg, "mtime") || !strcmp(optarg, "modification")) opt.time = TIME_MTIME;
            else {
                bad_argument("--time", optarg, "  - 'atime', 'access', 'use'\n  - 'ctime', 'status'\n  - 'birth', 'creation'\n");
            }
            break;
        case 256 + 100: usage(); return 0;
        default: se_usage_error(2);
        }
    }
    if (time_style && opt.format == FMT_LONG) apply_time_style(time_style);
    now_sec = (long long)time(NULL);
    static char *dot[] = {".", NULL};
    char **ops = optind < argc ? argv + optind : dot;
    size_t nops = optind < argc ? (size_t)(argc - optind) : 1;
    /* Command-line symlinks to directories are followed unless -d, -F or -l (or -H / -L ask). */
    int follow_cmdline = opt.deref || opt.deref_cmdline ||
                         (!opt.dirs_as_files && opt.indicator != IND_CLASSIFY && opt.format != FMT_LONG);
    struct entry *files = xcalloc(nops, sizeof *files), *dirs = xcalloc(nops, sizeof *dirs);
    size_t nfiles = 0, ndirs = 0;
    for (size_t i = 0; i < nops; i++) {
        struct entry e;
        memset(&e, 0, sizeof e);
        e.name = xstrdup(ops[i]);
        e.path = xstrdup(ops[i]);
        load(&e, follow_cmdline);
        if (e.broken) {
            cannot_access(ops[i]);
            exit_status = 2;
            free(e.name);
            free(e.path);
            continue;
        }
        if (!e.stat_ok) {
            int err = errno;
            struct stat lst;
            if (lstat(ops[i], &lst) != 0) {
                fflush(stdout);
                fprintf(stderr, "%s: cannot access '%s': %s\n", se_prog, ops[i], se_strerror(err));
                exit_status = 2;
                free(e.name);
                free(e.path);
                continue;
            }
        }
        if (e.stat_ok && S_ISDIR(e.st.st_mode) && !opt.dirs_as_files) dirs[ndirs++] = e;
        else files[nfiles++] = e;
    }
    sort_entries(files, nfiles);
    sort_entries(dirs, ndirs);
    int printed = 0;
    if (nfiles) {
        print_entries(files, nfiles);
        printed = 1;
    }
    int headers = nops > 1 || opt.recursive;
    for (size_t i = 0; i < ndirs; i++) list_dir(dirs[i].path, dirs[i].name, headers, 1, &printed);
    free_entries(files, nfiles);
    free_entries(dirs, ndirs);
    return exit_status;
}
