/*
 * ls-print.h: what ls knows about its options and the files it lists, and
 * its output formats: one per line, columns (-C, -x), commas (-m) and the
 * long format (-l). ls.c parses the options into ls_opt, loads and sorts
 * the entries, and hands each listing to ls_print_entries.
 */
#ifndef SE_LS_PRINT_H
#define SE_LS_PRINT_H

#include <stddef.h>
#include <sys/stat.h>

/* Output formats, sort keys, which time, -F style, which names: the choices of ls's options. */
enum ls_format { FMT_ONE, FMT_LONG, FMT_COLUMNS, FMT_ACROSS, FMT_COMMAS };
enum ls_sort { SORT_NAME, SORT_SIZE, SORT_TIME, SORT_EXT, SORT_VERSION, SORT_NONE };
enum ls_time { TIME_MTIME, TIME_CTIME, TIME_ATIME };
enum ls_indicator { IND_NONE, IND_SLASH, IND_FILE_TYPE, IND_CLASSIFY };
enum ls_show { SHOW_VISIBLE, SHOW_ALMOST_ALL, SHOW_ALL };
/* --quoting-style: literal is the default (stdout is never a terminal); -Q is c, -b escape. */
enum ls_quoting {
    QS_LITERAL, QS_SHELL, QS_SHELL_ALWAYS, QS_SHELL_ESCAPE, QS_SHELL_ESCAPE_ALWAYS, QS_C, QS_C_MAYBE, QS_ESCAPE,
    QS_LOCALE, QS_CLOCALE
};
/* The --quoting-style names, in enum ls_quoting order, NULL-terminated. */
extern const char *const ls_quoting_names[];

/* The options that shape the output (and the sort order). */
struct ls_opts {
    enum ls_format format;
    enum ls_sort sort;
    enum ls_time time;
    enum ls_indicator indicator;
    enum ls_show show;
    enum ls_quoting quoting;
    int reverse, recursive, dirs_as_files, deref, deref_cmdline, human, si, show_size, show_inode;
    int numeric, no_owner, no_group, group_dirs_first, hide_control, context, color, author;
    const char *time_style_recent, *time_style_old;
    unsigned long long block_size;  /* -s and totals: the unit, and what follows each count ("K" for --block-size=K) */
    char block_suffix[8];
    unsigned long long file_unit;   /* -l sizes: the unit (--block-size, LS_BLOCK_SIZE, BLOCK_SIZE) and its suffix */
    char file_suffix[8];
    char eol;                       /* what ends each output line: '\n', or NUL with --zero */
    size_t line_width, tab_size;
};

/* One file to list. */
struct ls_entry {
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

/* The options in effect, and "now" for the long format's six-months rule. */
extern struct ls_opts ls_opt;
extern long long ls_now;

/* The time -t sorts by and -l shows: mtime, or ctime with -c, atime with -u. */
const struct timespec *ls_entry_time(const struct stat *st);

/*
 * Prints a listing in the chosen format. Column widths also fit more[0..nmore)
 * without printing them: GNU sizes the listing of file operands to fit the
 * directory operands too.
 */
void ls_print_entries(struct ls_entry *e, size_t n, const struct ls_entry *more, size_t nmore);

/* Prints a name in the quoting style, with -q's '?' for unprintable bytes. */
void ls_print_name(const char *name);

/* The blocks st occupies, in ls_opt.block_size units, rounded up. */
unsigned long long ls_blocks_out(const struct stat *st);

#endif
