/*
 * ls-print.c: the output formats of ls-print.h. Column widths are computed
 * over the whole listing first, as GNU does; -C/-x pick the most columns
 * that fit the line width and pad with tabs where GNU would.
 */
#include "ls-print.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "fs-util.h"
#include "human.h"
#include "shell-quote.h"
#include "timefmt.h"

struct ls_opts ls_opt;
long long ls_now;

const struct timespec *ls_entry_time(const struct stat *st) {
    return ls_opt.time == TIME_CTIME ? &st->st_ctim : ls_opt.time == TIME_ATIME ? &st->st_atim : &st->st_mtim;
}

static char indicator_for(unsigned mode, int long_target) {
    if (ls_opt.indicator == IND_NONE) return 0;
    if (S_ISDIR(mode)) return '/';
    if (ls_opt.indicator == IND_SLASH) return 0;
    if (S_ISLNK(mode)) return long_target ? 0 : '@';
    if (S_ISFIFO(mode)) return '|';
    if (S_ISSOCK(mode)) return '=';
    if (S_ISREG(mode) && ls_opt.indicator == IND_CLASSIFY && (mode & 0111)) return '*';
    return 0;
}

static char entry_indicator(const struct ls_entry *e) {
    if (!e->stat_ok) return 0;
    if (S_ISLNK(e->st.st_mode) && ls_opt.format == FMT_LONG) return 0;
    return indicator_for(e->st.st_mode, 0);
}

const char *const ls_quoting_names[] = {"literal", "shell", "shell-always", "shell-escape", "shell-escape-always",
                                        "c", "c-maybe", "escape", "locale", "clocale", NULL};

/*
 * NAME in the c, c-maybe, escape, locale or clocale style (C locale): C
 * escapes for backslash, the quote and unprintable bytes (\n, else \ooo),
 * inside "..." (c, clocale; c-maybe only when the name has a '"' or an
 * unprintable byte) or '...' (locale), or bare with blanks escaped too (escape).
 */
static char *c_quoted(const char *name) {
    char quote = ls_opt.quoting == QS_LOCALE ? '\'' : ls_opt.quoting == QS_ESCAPE ? 0 : '"';
    if (ls_opt.quoting == QS_C_MAYBE) {
        const unsigned char *p = (const unsigned char *)name;
        while (*p && *p != '"' && isprint(*p)) p++;
        if (!*p) return xstrdup(name);
    }
    return c_quoted_style(name, quote, !quote);
}

/* The name as printed: quoted in the --quoting-style, then -q's '?' for unprintable bytes. Valid until the next call. */
static const char *shown_name(const char *name) {
    static char *last;
    free(last);
    switch (ls_opt.quoting) {
    case QS_LITERAL: last = xstrdup(name); break;
    case QS_SHELL: last = shell_quoted_style(name, 0, 0); break;
    case QS_SHELL_ALWAYS: last = shell_quoted_style(name, 0, 1); break;
    case QS_SHELL_ESCAPE: last = shell_quoted_style(name, 1, 0); break;
    case QS_SHELL_ESCAPE_ALWAYS: last = shell_quoted_style(name, 1, 1); break;
    default: last = c_quoted(name); break;
    }
    if (ls_opt.hide_control)
        for (char *p = last; *p; p++)
            if (!isprint((unsigned char)*p)) *p = '?';
    return last;
}

/*
 * GNU lines names up in columns and long listings when the shell styles
 * quote only some of them: while any name of the listing is quoted, a
 * name that is not gets a leading space.
 */
static int pad_unquoted;

static int is_quoted(const char *name) {
    const char *shown = shown_name(name);
    return *shown != *name || strlen(shown) != strlen(name);
}

static void set_padding(const struct ls_entry *e, size_t n, const struct ls_entry *more, size_t nmore) {
    pad_unquoted = 0;
    if ((ls_opt.quoting != QS_SHELL && ls_opt.quoting != QS_SHELL_ESCAPE && ls_opt.quoting != QS_C_MAYBE) ||
        (ls_opt.format != FMT_LONG && ls_opt.format != FMT_COLUMNS && ls_opt.format != FMT_ACROSS))
        return;
    for (size_t i = 0; i < n + nmore && !pad_unquoted; i++) pad_unquoted = is_quoted(i < n ? e[i].name : more[i - n].name);
}

static size_t pad_width(const char *name) { return pad_unquoted && !is_quoted(name); }

/* The columns a name takes: in the C locale an unprintable byte (shown as it is) takes none, as in GNU. */
static size_t name_width(const char *name) {
    size_t width = pad_width(name);
    for (const char *p = shown_name(name); *p; p++) width += isprint((unsigned char)*p) != 0;
    return width;
}

void ls_print_name(const char *name) { fputs(shown_name(name), stdout); }

/* GNU's default color (no LS_COLORS) for a file of this mode, as an SGR code, or NULL for none. */
static const char *color_of(unsigned mode) {
    if (S_ISDIR(mode)) {
        if ((mode & S_ISVTX) && (mode & 0002)) return "30;42";
        if (mode & 0002) return "34;42";
        if (mode & S_ISVTX) return "37;44";
        return "01;34";
    }
    if (S_ISLNK(mode)) return "01;36";
    if (S_ISFIFO(mode)) return "40;33";
    if (S_ISSOCK(mode)) return "01;35";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "40;33;01";
    if (mode & S_ISUID) return "37;41";
    if (mode & S_ISGID) return "30;43";
    if (mode & 0111) return "01;32";
    return NULL;
}

/* Prints a name in its --color=always color; GNU sends one reset before the first colored name. */
static void print_colored(const char *name, unsigned mode, int mode_known) {
    static int reset_sent;
    const char *code = ls_opt.color && mode_known ? color_of(mode) : NULL;
    if (!code) {
        ls_print_name(name);
        return;
    }
    if (!reset_sent) fputs("\033[0m", stdout);
    reset_sent = 1;
    printf("\033[%sm", code);
    ls_print_name(name);
    fputs("\033[0m", stdout);
}

unsigned long long ls_blocks_out(const struct stat *st) {
    unsigned long long bytes = fs_blocks(st) * 512;
    return (bytes + ls_opt.block_size - 1) / ls_opt.block_size;
}

static void size_text(unsigned long long bytes, char *out) {
    if (ls_opt.human) human_size(bytes, ls_opt.si, out);
    else sprintf(out, "%llu%s", (bytes + ls_opt.file_unit - 1) / ls_opt.file_unit, ls_opt.file_suffix);
}

static void block_text(const struct stat *st, char *out) {
    if (ls_opt.human) human_size(fs_blocks(st) * 512, ls_opt.si, out);
    else sprintf(out, "%llu%s", ls_blocks_out(st), ls_opt.block_suffix);
}

static void id_text(unsigned id, int user, char *out) {
    const char *name = ls_opt.numeric ? NULL : user ? fs_user_name(id) : fs_group_name(id);
    if (name) snprintf(out, 32, "%s", name);
    else snprintf(out, 32, "%u", id);
}

static void date_text(const struct stat *st, char *out, size_t cap) {
    const struct timespec *ts = ls_entry_time(st);
    struct tf_time t;
    tf_breakdown(&t, (long long)ts->tv_sec, ts->tv_nsec, 0);
    long long six_months = 31556952 / 2;
    int recent = ts->tv_sec <= ls_now && ts->tv_sec > ls_now - six_months;
    FILE *f = fmemopen(out, cap, "w");
    if (!f) {
        out[0] = '\0';
        return;
    }
    tf_print(f, recent ? ls_opt.time_style_recent : ls_opt.time_style_old, &t);
    fclose(f);
}

/* Column widths of a listing. */
struct widths {
    size_t inode, blocks, links, owner, group, size, date;
};

static void grow(size_t *w, size_t len) {
    if (len > *w) *w = len;
}

/* Widens w to fit the long-format fields of e[0..n). */
static void measure_long(const struct ls_entry *e, size_t n, struct widths *w) {
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        if (!e[i].stat_ok || e[i].broken) continue;
        const struct stat *st = &e[i].st;
        if (!w->date) {
            char date[128];
            date_text(st, date, sizeof date);
            w->date = strlen(date);
        }
        if (ls_opt.show_inode) grow(&w->inode, (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)st->st_ino));
        if (ls_opt.show_size) {
            block_text(st, buf);
            grow(&w->blocks, strlen(buf));
        }
        grow(&w->links, (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)st->st_nlink));
        id_text(st->st_uid, 1, buf);
        grow(&w->owner, strlen(buf));
        id_text(st->st_gid, 0, buf);
        grow(&w->group, strlen(buf));
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            snprintf(buf, sizeof buf, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff, (unsigned)st->st_rdev & 0xff);
        else
            size_text((unsigned long long)st->st_size, buf);
        grow(&w->size, strlen(buf));
    }
}

static void print_long(struct ls_entry *e, size_t n, const struct ls_entry *more, size_t nmore) {
    struct widths w;
    memset(&w, 0, sizeof w);
    measure_long(e, n, &w);
    measure_long(more, nmore, &w);
    char buf[64];
    size_t w_inode = w.inode, w_blocks = w.blocks, w_links = w.links, w_owner = w.owner, w_group = w.group,
           w_size = w.size, w_date = w.date;
    if (!w_date) w_date = 12;
    for (size_t i = 0; i < n; i++) {
        const struct stat *st = &e[i].st;
        if (!e[i].stat_ok) continue;
        char mode[11], date[128];
        if (e[i].broken) {
            /* What GNU shows for an entry -L could not follow. */
            if (ls_opt.show_inode) printf("%*s ", (int)w_inode, "?");
            if (ls_opt.show_size) printf("%*s ", (int)w_blocks, "?");
            fs_mode_string(st->st_mode, mode);
            printf("%c????????? %*s ", mode[0], (int)w_links, "?");
            if (!ls_opt.no_owner) printf("%-*s ", (int)w_owner, "?");
            if (!ls_opt.no_group) printf("%-*s ", (int)w_group, "?");
            if (ls_opt.author) printf("%-*s ", (int)w_owner, "?");
            if (ls_opt.context) fputs("? ", stdout);
            printf("%*s %*s ", (int)w_size, "?", (int)w_date, "?");
            ls_print_name(e[i].name);
            putchar(ls_opt.eol);
            continue;
        }
        if (ls_opt.show_inode) printf("%*llu ", (int)w_inode, (unsigned long long)st->st_ino);
        if (ls_opt.show_size) {
            block_text(st, buf);
            printf("%*s ", (int)w_blocks, buf);
        }
        fs_mode_string(st->st_mode, mode);
        printf("%s %*llu ", mode, (int)w_links, (unsigned long long)st->st_nlink);
        if (!ls_opt.no_owner) {
            id_text(st->st_uid, 1, buf);
            printf("%-*s ", (int)w_owner, buf);
        }
        if (!ls_opt.no_group) {
            id_text(st->st_gid, 0, buf);
            printf("%-*s ", (int)w_group, buf);
        }
        if (ls_opt.author) {
            /* --author: the author is the owner here, as on GNU/Linux. */
            id_text(st->st_uid, 1, buf);
            printf("%-*s ", (int)w_owner, buf);
        }
        if (ls_opt.context) fputs("? ", stdout);
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
            snprintf(buf, sizeof buf, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff, (unsigned)st->st_rdev & 0xff);
        else
            size_text((unsigned long long)st->st_size, buf);
        date_text(st, date, sizeof date);
        printf("%*s %s ", (int)w_size, buf, date);
        if (pad_width(e[i].name)) putchar(' ');
        print_colored(e[i].name, st->st_mode, 1);
        if (S_ISLNK(st->st_mode) && e[i].target) {
            fputs(" -> ", stdout);
            /* GNU knows (and colors by) the target's type only when it needs it for an indicator. */
            print_colored(e[i].target, e[i].tst.st_mode, e[i].target_ok && ls_opt.indicator >= IND_FILE_TYPE);
            if (e[i].target_ok && ls_opt.indicator >= IND_FILE_TYPE) {
                char ind = indicator_for(e[i].tst.st_mode, 1);
                if (ind) putchar(ind);
            }
        } else {
            char ind = entry_indicator(&e[i]);
            if (ind) putchar(ind);
        }
        putchar(ls_opt.eol);
    }
}

/* Width of the -i / -s prefixes for the short formats. */
/* Widens the -i and -s prefix widths to fit e[0..n). */
static void prefix_widths(const struct ls_entry *e, size_t n, size_t *w_inode, size_t *w_blocks) {
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (ls_opt.show_inode) {
            len = e[i].stat_ok ? (size_t)snprintf(buf, sizeof buf, "%llu", (unsigned long long)e[i].st.st_ino) : 1;
            if (len > *w_inode) *w_inode = len;
        }
        if (ls_opt.show_size) {
            if (e[i].stat_ok) block_text(&e[i].st, buf);
            else strcpy(buf, "?");
            if ((len = strlen(buf)) > *w_blocks) *w_blocks = len;
        }
    }
}

static size_t print_short(const struct ls_entry *e, size_t w_inode, size_t w_blocks) {
    char buf[64];
    size_t width = 0;
    if (ls_opt.show_inode) {
        if (e->stat_ok) snprintf(buf, sizeof buf, "%llu", (unsigned long long)e->st.st_ino);
        else strcpy(buf, "?");
        width += (size_t)printf("%*s ", (int)w_inode, buf);
    }
    if (ls_opt.show_size) {
        if (e->stat_ok) block_text(&e->st, buf);
        else strcpy(buf, "?");
        width += (size_t)printf("%*s ", (int)w_blocks, buf);
    }
    if (ls_opt.context) width += (size_t)printf("? ");
    if (pad_width(e->name)) putchar(' ');
    print_colored(e->name, e->st.st_mode, e->stat_ok);
    width += name_width(e->name);
    char ind = entry_indicator(e);
    if (ind) {
        putchar(ind);
        width++;
    }
    return width;
}

static size_t short_width(const struct ls_entry *e, size_t w_inode, size_t w_blocks) {
    return (ls_opt.show_inode ? w_inode + 1 : 0) + (ls_opt.show_size ? w_blocks + 1 : 0) + (ls_opt.context ? 2 : 0) + name_width(e->name) +
           (entry_indicator(e) ? 1 : 0);
}

static void indent(size_t from, size_t to) {
    while (from < to) {
        if (ls_opt.tab_size && to / ls_opt.tab_size > (from + 1) / ls_opt.tab_size) {
            putchar('\t');
            from += ls_opt.tab_size - from % ls_opt.tab_size;
        } else {
            putchar(' ');
            from++;
        }
    }
}

/* -C and -x: as many columns as fit in line_width, each as wide as its widest name plus 2. */
static void print_columns(struct ls_entry *e, size_t n, size_t w_inode, size_t w_blocks, int across) {
    size_t max_cols = ls_opt.line_width / 3;
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
                valid[i] = line_len[i] < ls_opt.line_width;
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
        putchar(ls_opt.eol);
    }
    free(widths);
    free(line_len);
    free(valid);
}

static void print_commas(struct ls_entry *e, size_t n, size_t w_inode, size_t w_blocks) {
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = short_width(&e[i], w_inode, w_blocks);
        if (i > 0) {
            if (pos + len + 2 < ls_opt.line_width) {
                fputs(", ", stdout);
                pos += 2;
            } else {
                putchar(',');
                putchar(ls_opt.eol);
                pos = 0;
            }
        }
        print_short(&e[i], w_inode, w_blocks);
        pos += len;
    }
    if (n) putchar(ls_opt.eol);
}

void ls_print_entries(struct ls_entry *e, size_t n, const struct ls_entry *more, size_t nmore) {
    set_padding(e, n, more, nmore);
    if (ls_opt.format == FMT_LONG) {
        print_long(e, n, more, nmore);
        return;
    }
    size_t w_inode = 0, w_blocks = 0;
    prefix_widths(e, n, &w_inode, &w_blocks);
    prefix_widths(more, nmore, &w_inode, &w_blocks);
    if (ls_opt.format == FMT_COLUMNS || ls_opt.format == FMT_ACROSS) {
        if (n) print_columns(e, n, w_inode, w_blocks, ls_opt.format == FMT_ACROSS);
    } else if (ls_opt.format == FMT_COMMAS) {
        print_commas(e, n, w_inode, w_blocks);
    } else {
        for (size_t i = 0; i < n; i++) {
            print_short(&e[i], w_inode, w_blocks);
            putchar(ls_opt.eol);
        }
    }
}
