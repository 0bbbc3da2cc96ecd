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
#include <fnmatch.h>
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
#include "lib/ls-print.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_ls, "ls")

static int exit_status;

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
    const struct ls_entry *a = pa, *b = pb;
    int r = 0;
    if (ls_opt.group_dirs_first) {
        int da = a->dir_like, db = b->dir_like;
        if (da != db) return db - da;
    }
    switch (ls_opt.sort) {
    case SORT_SIZE:
        if (a->st.st_size != b->st.st_size) r = a->st.st_size < b->st.st_size ? 1 : -1;
        break;
    case SORT_TIME: {
        const struct timespec *ta = ls_entry_time(&a->st), *tb = ls_entry_time(&b->st);
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
    return ls_opt.reverse ? -r : r;
}

static void sort_entries(struct ls_entry *e, size_t n) {
    if (ls_opt.sort != SORT_NONE) qsort(e, n, sizeof *e, compare);
    else if (ls_opt.reverse)
        for (size_t i = 0; i < n / 2; i++) {
            struct ls_entry t = e[i];
            e[i] = e[n - 1 - i];
            e[n - 1 - i] = t;
        }
}

/* Fills in an entry's metadata; follow = stat rather than lstat. */
/* Whether the listing shows permission bits or owners (or needs the execute bits for -F and colors). */
static int needs_modes(void) {
    return ls_opt.format == FMT_LONG || ls_opt.indicator == IND_CLASSIFY || ls_opt.color;
}

static void load(struct ls_entry *e, int follow) {
    int (*get)(const char *, struct stat *, int) = needs_modes() ? fs_stat : fs_stat_fast;
    e->stat_ok = get(e->path, &e->st, follow) == 0;
    if (!e->stat_ok && follow && get(e->path, &e->st, 0) == 0) {
        e->stat_ok = 1;
        e->broken = 1;
    }
    if (e->stat_ok) {
        struct stat t;
        e->dir_like = S_ISDIR(e->st.st_mode) || (S_ISLNK(e->st.st_mode) && stat(e->path, &t) == 0 && S_ISDIR(t.st_mode));
    }
    if (e->stat_ok && S_ISLNK(e->st.st_mode) && (ls_opt.format == FMT_LONG || ls_opt.indicator >= IND_FILE_TYPE)) {
        char buf[PATH_MAX];
        ssize_t n = readlink(e->path, buf, sizeof buf - 1);
        if (n >= 0) {
            buf[n] = '\0';
            e->target = xstrdup(buf);
        }
        e->target_ok = fs_stat(e->path, &e->tst, 1) == 0;
    }
}

static void free_entries(struct ls_entry *e, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
        free(e[i].target);
    }
    free(e);
}

static void cannot_access(const char *path) {
    int err = errno;
    struct stat st;
    if (stat(path, &st) != 0) err = errno;
    fflush(stdout);
    fprintf(stderr, "%s: cannot access %s: %s\n", se_prog, quoteaf(path), se_strerror(err));
}

/* -I/--ignore and -B patterns always hide names; --hide patterns only without -a or -A (fnmatch with FNM_PERIOD, as GNU). */
static char **ignore_pats, **hide_pats;
static size_t nignore, nhide;

static void add_pattern(char ***list, size_t *n, const char *pattern) {
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = (char *)pattern;
}

static int ignored(const char *name) {
    for (size_t i = 0; i < nignore; i++)
        if (fnmatch(ignore_pats[i], name, FNM_PERIOD) == 0) return 1;
    if (ls_opt.show == SHOW_VISIBLE)
        for (size_t i = 0; i < nhide; i++)
            if (fnmatch(hide_pats[i], name, FNM_PERIOD) == 0) return 1;
    return 0;
}

/* --block-size and the *BLOCK_SIZE variables: sets the -s unit and, with FILES too, the -l size unit. */
static int set_block_size(const char *spec, int files) {
    unsigned long long size;
    char suffix[8];
    int bad = human_block_size(spec, &size, suffix);
    if (bad) return bad;
    ls_opt.human = ls_opt.si = 0;
    ls_opt.block_size = size;
    strcpy(ls_opt.block_suffix, suffix);
    if (files) {
        ls_opt.file_unit = size;
        strcpy(ls_opt.file_suffix, suffix);
    }
    return 0;
}

static void list_dir(const char *path, const char *shown, int header, int top, int *printed) {
    size_t n;
    char **names = fs_list_dir(path, &n);
    if (!names) {
        int err = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot open directory %s: %s\n", se_prog, quoteaf(shown), se_strerror(err));
        exit_status = top ? 2 : (exit_status ? exit_status : 1);
        return;
    }
    struct ls_entry *e = xcalloc(n + 2, sizeof *e);
    size_t k = 0;
    if (ls_opt.show == SHOW_ALL) {
        for (int d = 1; d <= 2; d++) {
            const char *dots = d == 1 ? "." : "..";
            if (ignored(dots)) continue;
            e[k].name = xstrdup(dots);
            e[k++].path = fs_join(path, dots);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (names[i][0] == '.' && ls_opt.show == SHOW_VISIBLE) continue;
        if (ignored(names[i])) continue;
        e[k].name = xstrdup(names[i]);
        e[k++].path = strcmp(path, ".") ? fs_join(path, names[i]) : xstrdup(names[i]);
    }
    fs_free_list(names);
    for (size_t i = 0; i < k; i++) {
        load(&e[i], ls_opt.deref);
        /* GNU only notices a dangling link when it needs the file's metadata. */
        int needs_stat = ls_opt.format == FMT_LONG || ls_opt.show_size || ls_opt.show_inode || ls_opt.sort == SORT_SIZE ||
                         ls_opt.sort == SORT_TIME || ls_opt.indicator != IND_NONE || ls_opt.group_dirs_first;
        if (e[i].broken && needs_stat) {
            cannot_access(e[i].path);
            if (!exit_status) exit_status = 1;
        }
    }
    sort_entries(e, k);
    if (header) {
        /* Headers keep their newlines with --zero, as GNU's do. */
        if (*printed) putchar('\n');
        ls_print_name(shown);
        fputs(":\n", stdout);
    }
    *printed = 1;
    if (ls_opt.format == FMT_LONG || ls_opt.show_size) {
        /* GNU adds up the 512-byte blocks, then converts the sum. */
        unsigned long long total = 0;
        for (size_t i = 0; i < k; i++)
            if (e[i].stat_ok) total += fs_blocks(&e[i].st) * 512;
        char buf[32];
        if (ls_opt.human) human_size(total, ls_opt.si, buf);
        else sprintf(buf, "%llu%s", (total + ls_opt.block_size - 1) / ls_opt.block_size, ls_opt.block_suffix);
        printf("total %s%c", buf, ls_opt.eol);
    }
    ls_print_entries(e, k, NULL, 0);
    if (ls_opt.recursive) {
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
        ls_opt.time_style_recent = ls_opt.time_style_old = "%Y-%m-%d %H:%M:%S.%N %z";
    } else if (!strcmp(s, "long-iso")) {
        ls_opt.time_style_recent = ls_opt.time_style_old = "%Y-%m-%d %H:%M";
    } else if (!strcmp(s, "iso")) {
        ls_opt.time_style_recent = "%m-%d %H:%M";
        ls_opt.time_style_old = "%Y-%m-%d ";
    } else if (!strcmp(s, "locale")) {
        ls_opt.time_style_recent = "%b %e %H:%M";
        ls_opt.time_style_old = "%b %e  %Y";
    } else if (s[0] == '+') {
        char *fmt = xstrdup(s + 1), *nl = strchr(fmt, '\n');
        ls_opt.time_style_recent = ls_opt.time_style_old = fmt;
        if (nl) {
            *nl = '\0';
            ls_opt.time_style_recent = nl + 1;
        }
    } else {
        se_warn("invalid argument '%s' for 'time style'", style);
        fprintf(stderr, "Valid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n"
                        "  - [posix-]locale\n  - +FORMAT (e.g., +%%H:%%M) for a 'date'-style format\n");
        se_usage_error(2);
    }
}

/*
 * Whether GNU would use its built-in colors: with no LS_COLORS it colors only
 * when COLORTERM is set or TERM matches one of dircolors' terminal types.
 */
static int colors_usable(void) {
    static const char *const terms[] = {"Eterm", "ansi", "*color*", "con[0-9]*x[0-9]*", "cons25", "console",
                                        "cygwin", "*direct*", "dtterm", "gnome", "hurd", "jfbterm", "konsole",
                                        "kterm", "linux", "linux-c", "mlterm", "putty", "rxvt*", "screen*", "st",
                                        "terminator", "tmux*", "vt100", "xterm*", NULL};
    const char *colorterm = getenv("COLORTERM"), *term = getenv("TERM");
    if (colorterm && *colorterm) return 1;
    if (!term || !*term) return 0;
    for (const char *const *t = terms; *t; t++)
        if (fnmatch(*t, term, 0) == 0) return 1;
    return 0;
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
           "  -b, --escape               print C-style escapes for nongraphic characters\n"
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
           "  -N, --literal              print entry names without quoting\n"
           "  -q, --hide-control-chars   print ? instead of nongraphic characters\n"
           "  -Q, --quote-name           enclose entry names in double quotes\n"
           "      --quoting-style=WORD   literal, locale, shell, shell-always, shell-escape,\n"
           "                             shell-escape-always, c, c-maybe, escape, clocale\n"
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
    enum {
        COLOR = 256, FULL_TIME, TIME_STYLE, SI, GROUP_DIRS, INDICATOR, SORT_OPT, TIME_OPT, FILE_TYPE, QUOTING, SHOW_CONTROL,
        HIDE, BLOCK_SIZE, AUTHOR, FORMAT, ZERO, DEREF_DIR_ARGS,
    };
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
        {"show-control-chars", no_argument, NULL, SHOW_CONTROL}, {"escape", no_argument, NULL, 'b'},
        {"quoting-style", required_argument, NULL, QUOTING}, {"ignore", required_argument, NULL, 'I'},
        {"hide", required_argument, NULL, HIDE},  {"ignore-backups", no_argument, NULL, 'B'},
        {"block-size", required_argument, NULL, BLOCK_SIZE}, {"author", no_argument, NULL, AUTHOR},
        {"format", required_argument, NULL, FORMAT}, {"zero", no_argument, NULL, ZERO},
        {"dereference-command-line-symlink-to-dir", no_argument, NULL, DEREF_DIR_ARGS},
        {"width", required_argument, NULL, 'w'},  {"tabsize", required_argument, NULL, 'T'},
        {"color", optional_argument, NULL, COLOR}, {"full-time", no_argument, NULL, FULL_TIME},
        {"time-style", required_argument, NULL, TIME_STYLE}, {"si", no_argument, NULL, SI},
        {"group-directories-first", no_argument, NULL, GROUP_DIRS},
        {"indicator-style", required_argument, NULL, INDICATOR}, {"file-type", no_argument, NULL, FILE_TYPE},
        {"sort", required_argument, NULL, SORT_OPT}, {"time", required_argument, NULL, TIME_OPT},
        {"help", no_argument, NULL, 256 + 100},   {NULL, 0, NULL, 0}};
    static const char *const colors[] = {"always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty", NULL};
    ls_opt.format = FMT_ONE;
    ls_opt.line_width = 80;
    ls_opt.tab_size = 8;
    ls_opt.block_size = 1024;
    ls_opt.file_unit = 1;
    ls_opt.eol = '\n';
    /* GNU's defaults from the environment: LS_BLOCK_SIZE and BLOCK_SIZE set both units, BLOCKSIZE only -s's. */
    const char *ls_env = getenv("LS_BLOCK_SIZE"), *env = ls_env ? ls_env : getenv("BLOCK_SIZE");
    if (env) set_block_size(env, 1);
    else if ((env = getenv("BLOCKSIZE"))) set_block_size(env, 0);
    ls_opt.time_style_recent = "%b %e %H:%M";
    ls_opt.time_style_old = "%b %e  %Y";
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 0) ls_opt.line_width = (size_t)atoi(cols);
    const char *time_style = NULL;
    int c, sort_set = 0, quoting_set = 0, deref_dir_args = 0;
    while ((c = se_getopt_long(argc, argv, "1aAbBcCdfFgGhHiI:klLmnNopqQrRsStT:uUvw:xXZ", longopts, NULL)) != -1) {
        switch (c) {
        case '1': ls_opt.format = FMT_ONE; break;
        case 'a': ls_opt.show = SHOW_ALL; break;
        case 'A': ls_opt.show = SHOW_ALMOST_ALL; break;
        case 'c': ls_opt.time = TIME_CTIME; break;
        case 'C': ls_opt.format = FMT_COLUMNS; break;
        case 'd': ls_opt.dirs_as_files = 1; break;
        case 'f': ls_opt.show = SHOW_ALL; ls_opt.sort = SORT_NONE; sort_set = 1; break;
        case 'F': ls_opt.indicator = IND_CLASSIFY; break;
        case FILE_TYPE: ls_opt.indicator = IND_FILE_TYPE; break;
        case 'g': ls_opt.format = FMT_LONG; ls_opt.no_owner = 1; break;
        case 'G': ls_opt.no_group = 1; break;
        case 'h': ls_opt.human = 1; break;
        case 'I': add_pattern(&ignore_pats, &nignore, optarg); break;
        case 'B':
            add_pattern(&ignore_pats, &nignore, "*~");
            add_pattern(&ignore_pats, &nignore, ".*~");
            break;
        case HIDE: add_pattern(&hide_pats, &nhide, optarg); break;
        case BLOCK_SIZE: {
            int bad = set_block_size(optarg, 1);
            if (bad) se_die(2, "%s --block-size argument %s", bad == 2 ? "invalid suffix in" : "invalid", quote_locale(optarg));
            break;
        }
        case AUTHOR: ls_opt.author = 1; break;
        case FORMAT: {
            static const char *const names[] = {"verbose", "long", "commas", "horizontal", "across", "vertical", "single-column", NULL};
            static const enum ls_format formats[] = {FMT_LONG, FMT_LONG, FMT_COMMAS, FMT_ACROSS, FMT_ACROSS, FMT_COLUMNS, FMT_ONE};
            int i = 0;
            while (names[i] && strcmp(names[i], optarg)) i++;
            if (!names[i])
                bad_argument("--format", optarg, "  - 'verbose', 'long'\n  - 'commas'\n  - 'horizontal', 'across'\n"
                                                 "  - 'vertical'\n  - 'single-column'\n");
            ls_opt.format = formats[i];
            break;
        }
        case ZERO:
            /* GNU: NUL after each line, names as they are (one per line is the default here already). */
            ls_opt.eol = '\0';
            ls_opt.hide_control = 0;
            ls_opt.color = 0;
            ls_opt.quoting = QS_LITERAL;
            quoting_set = 1;
            break;
        case DEREF_DIR_ARGS: deref_dir_args = 1; break;
        case 'H': ls_opt.deref_cmdline = 1; break;
        case 'i': ls_opt.show_inode = 1; break;
        case 'k': ls_opt.block_size = 1024; ls_opt.block_suffix[0] = 0; ls_opt.human = ls_opt.si = 0; break;
        case 'l': ls_opt.format = FMT_LONG; break;
        case 'L': ls_opt.deref = 1; break;
        case 'm': ls_opt.format = FMT_COMMAS; break;
        case 'n': ls_opt.format = FMT_LONG; ls_opt.numeric = 1; break;
        case 'N': ls_opt.quoting = QS_LITERAL; quoting_set = 1; break;
        case 'o': ls_opt.format = FMT_LONG; ls_opt.no_group = 1; break;
        case 'p': ls_opt.indicator = IND_SLASH; break;
        case 'q': ls_opt.hide_control = 1; break;
        case 'Q': ls_opt.quoting = QS_C; quoting_set = 1; break;
        case 'b': ls_opt.quoting = QS_ESCAPE; quoting_set = 1; break;
        case QUOTING: {
            int i = 0;
            while (ls_quoting_names[i] && strcmp(ls_quoting_names[i], optarg)) i++;
            if (!ls_quoting_names[i])
                bad_argument("--quoting-style", optarg, "  - 'literal'\n  - 'shell'\n  - 'shell-always'\n  - 'shell-escape'\n"
                             "  - 'shell-escape-always'\n  - 'c'\n  - 'c-maybe'\n  - 'escape'\n  - 'locale'\n  - 'clocale'\n");
            ls_opt.quoting = (enum ls_quoting)i;
            quoting_set = 1;
            break;
        }
        case SHOW_CONTROL: ls_opt.hide_control = 0; break;
        case 'r': ls_opt.reverse = 1; break;
        case 'R': ls_opt.recursive = 1; break;
        case 's': ls_opt.show_size = 1; break;
        case 'S': ls_opt.sort = SORT_SIZE; sort_set = 1; break;
        case 't': ls_opt.sort = SORT_TIME; sort_set = 1; break;
        case 'T': {
            char *end;
            ls_opt.tab_size = (size_t)strtoul(optarg, &end, 10);
            if (*end || end == optarg) se_die(2, "invalid tab size: %s", quote_locale(optarg));
            break;
        }
        case 'u': ls_opt.time = TIME_ATIME; break;
        case 'U': ls_opt.sort = SORT_NONE; sort_set = 1; break;
        case 'v': ls_opt.sort = SORT_VERSION; sort_set = 1; break;
        case 'w': {
            char *end;
            unsigned long w = strtoul(optarg, &end, 10);
            if (*end || end == optarg) se_die(2, "invalid line width: %s", quote_locale(optarg));
            ls_opt.line_width = w ? w : (size_t)-1;
            break;
        }
        case 'x': ls_opt.format = FMT_ACROSS; break;
        case 'X': ls_opt.sort = SORT_EXT; sort_set = 1; break;
        case 'Z': ls_opt.context = 1; break;
        case COLOR:
            if (optarg && !in_list(optarg, colors))
                bad_argument("--color", optarg, "  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n");
            /* auto colors only a terminal, and stdout here never is one. */
            ls_opt.color = !optarg || !strcmp(optarg, "always") || !strcmp(optarg, "yes") || !strcmp(optarg, "force");
            break;
        case FULL_TIME:
            ls_opt.format = FMT_LONG;
            ls_opt.time_style_recent = ls_opt.time_style_old = "%Y-%m-%d %H:%M:%S.%N %z";
            break;
        case TIME_STYLE: time_style = optarg; break;
        case SI: ls_opt.human = 1; ls_opt.si = 1; break;
        case GROUP_DIRS: ls_opt.group_dirs_first = 1; break;
        case INDICATOR:
            if (!strcmp(optarg, "none")) ls_opt.indicator = IND_NONE;
            else if (!strcmp(optarg, "slash")) ls_opt.indicator = IND_SLASH;
            else if (!strcmp(optarg, "file-type")) ls_opt.indicator = IND_FILE_TYPE;
            else if (!strcmp(optarg, "classify")) ls_opt.indicator = IND_CLASSIFY;
            else {
                bad_argument("--indicator-style", optarg, "  - 'none'\n  - 'slash'\n  - 'file-type'\n  - 'classify'\n");
            }
            break;
        case SORT_OPT:
            sort_set = 1;
            if (!strcmp(optarg, "none")) ls_opt.sort = SORT_NONE;
            else if (!strcmp(optarg, "size")) ls_opt.sort = SORT_SIZE;
            else if (!strcmp(optarg, "time")) ls_opt.sort = SORT_TIME;
            else if (!strcmp(optarg, "version")) ls_opt.sort = SORT_VERSION;
            else if (!strcmp(optarg, "extension")) ls_opt.sort = SORT_EXT;
            else if (!strcmp(optarg, "name")) ls_opt.sort = SORT_NAME;
            else {
                bad_argument("--sort", optarg, "  - 'none'\n  - 'time'\n  - 'size'\n  - 'extension'\n  - 'version'\n  - 'width'\n");
            }
            break;
        case TIME_OPT:
            if (!strcmp(optarg, "ctime") || !strcmp(optarg, "status")) ls_opt.time = TIME_CTIME;
            else if (!strcmp(optarg, "atime") || !strcmp(optarg, "access") || !strcmp(optarg, "use")) ls_opt.time = TIME_ATIME;
            else if (!strcmp(optarg, "mtime") || !strcmp(optarg, "modification")) ls_opt.time = TIME_MTIME;
            else {
                bad_argument("--time", optarg, "  - 'atime', 'access', 'use'\n  - 'ctime', 'status'\n  - 'birth', 'creation'\n");
            }
            break;
        case 256 + 100: usage(); return 0;
        default: se_usage_error(2);
        }
    }
    const char *env_quoting = getenv("QUOTING_STYLE");
    if (!quoting_set && env_quoting) {
        int i = 0;
        while (ls_quoting_names[i] && strcmp(ls_quoting_names[i], env_quoting)) i++;
        if (ls_quoting_names[i]) ls_opt.quoting = (enum ls_quoting)i;
        else se_warn("ignoring invalid value of environment variable QUOTING_STYLE: %s", quote_locale(env_quoting));
    }
    if (time_style && ls_opt.format == FMT_LONG) apply_time_style(time_style);
    if (ls_opt.color && !colors_usable()) ls_opt.color = 0;
    if (ls_opt.color) ls_opt.tab_size = 0; /* GNU pads colored columns with spaces only */
    /* GNU: -c or -u without -l (and without a sort option) sorts by that time. */
    if (ls_opt.time != TIME_MTIME && !sort_set && ls_opt.format != FMT_LONG) ls_opt.sort = SORT_TIME;
    ls_now = (long long)time(NULL);
    static char *dot[] = {".", NULL};
    char **ops = optind < argc ? argv + optind : dot;
    size_t nops = optind < argc ? (size_t)(argc - optind) : 1;
    /* -L and -H follow every command-line symlink; otherwise those to directories are followed unless -d, -F or -l. */
    int follow_all = ls_opt.deref || ls_opt.deref_cmdline;
    int follow_dirs = deref_dir_args || (!ls_opt.dirs_as_files && ls_opt.indicator != IND_CLASSIFY && ls_opt.format != FMT_LONG);
    struct ls_entry *files = xcalloc(nops, sizeof *files), *dirs = xcalloc(nops, sizeof *dirs);
    size_t nfiles = 0, ndirs = 0;
    for (size_t i = 0; i < nops; i++) {
        struct ls_entry e;
        memset(&e, 0, sizeof e);
        e.name = xstrdup(ops[i]);
        e.path = xstrdup(ops[i]);
        load(&e, follow_all);
        struct stat target;
        if (!follow_all && follow_dirs && e.stat_ok && S_ISLNK(e.st.st_mode) && fs_stat(e.path, &target, 1) == 0 &&
            S_ISDIR(target.st_mode))
            e.st = target;
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
                fprintf(stderr, "%s: cannot access %s: %s\n", se_prog, quoteaf(ops[i]), se_strerror(err));
                exit_status = 2;
                free(e.name);
                free(e.path);
                continue;
            }
        }
        if (e.stat_ok && S_ISDIR(e.st.st_mode) && !ls_opt.dirs_as_files) dirs[ndirs++] = e;
        else files[nfiles++] = e;
    }
    sort_entries(files, nfiles);
    sort_entries(dirs, ndirs);
    int printed = 0;
    if (nfiles) {
        ls_print_entries(files, nfiles, dirs, ndirs);
        printed = 1;
    }
    int headers = nops > 1 || ls_opt.recursive;
    for (size_t i = 0; i < ndirs; i++) list_dir(dirs[i].path, dirs[i].name, headers, 1, &printed);
    free_entries(files, nfiles);
    free_entries(dirs, ndirs);
    return exit_status;
}
