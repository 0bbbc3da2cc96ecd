/*
 * du: prints the disk usage of each FILE and, recursively, of each
 * directory below it (post-order, in directory order): -s only the
 * operands, -a files too, -d N down to depth N, -c a grand total. Usage is
 * the blocks a file occupies (fs_blocks: st_blocks natively; under WASI,
 * which reports none, the size rounded up to 4 KiB as ext4 allocates it),
 * printed in 1 KiB units rounded up, or -h / --si human-readable, -m MiB,
 * -B SIZE units; --apparent-size / -b count bytes instead. A file with
 * several hard links is counted once (unless -l).
 */
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/common.h"
#include "lib/fs-util.h"
#include "lib/human.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_du, "du")

static struct {
    int all, summarize, total, apparent, human, si, count_links, separate, deref, deref_args;
    int max_depth;
    unsigned long long block_size;
    char unit_suffix[8];     /* -B K (a unit without a number) prints sizes as "12K" */
    char end;
    const char **excludes;
    int nexcludes;
    int status;
} o;

struct seen {
    dev_t dev;
    ino_t ino;
};

static struct seen *seen;
static size_t nseen, seen_cap;

/* Whether the inode was counted before (and remember it now). */
static int already_seen(const struct stat *st) {
    for (size_t i = 0; i < nseen; i++)
        if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino) return 1;
    if (nseen == seen_cap) seen = xrealloc(seen, (seen_cap = seen_cap * 2 + 64) * sizeof *seen);
    seen[nseen].dev = st->st_dev;
    seen[nseen].ino = st->st_ino;
    nseen++;
    return 0;
}

/* The bytes st counts for: allocated blocks, or the apparent size. */
static unsigned long long usage(const struct stat *st) {
    if (o.apparent) return S_ISREG(st->st_mode) || S_ISLNK(st->st_mode) ? (unsigned long long)st->st_size : 0;
    return fs_blocks(st) * 512;
}

static void print_size(unsigned long long bytes, const char *path) {
    char buf[32];
    if (o.human) human_size(bytes, o.si, buf);
    else sprintf(buf, "%llu%s", (bytes + o.block_size - 1) / o.block_size, o.unit_suffix);
    printf("%s\t%s%c", buf, path, o.end);
}

static int excluded(const char *path) {
    const char *base = fs_last_component(path);
    for (int i = 0; i < o.nexcludes; i++)
        if (fnmatch(o.excludes[i], base, 0) == 0 || fnmatch(o.excludes[i], path, 0) == 0) return 1;
    return 0;
}

/* Returns the usage of path and everything below it, printing entries as it goes. */
static unsigned long long walk(const char *path, int depth, int *is_dir) {
    struct stat st;
    int follow = o.deref || (o.deref_args && depth == 0);
    if (fs_stat_fast(path, &st, follow) != 0) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot access %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
        o.status = 1;
        return 0;
    }
    *is_dir = S_ISDIR(st.st_mode);
    if (depth > 0 && excluded(path)) return 0;
    if (!o.count_links && (st.st_nlink > 1 || S_ISDIR(st.st_mode)) && already_seen(&st)) return 0;
    unsigned long long total = usage(&st);
    if (S_ISDIR(st.st_mode)) {
        size_t n;
        char **names = fs_list_dir(path, &n);
        if (!names) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot read directory %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
            o.status = 1;
        } else {
            for (size_t i = 0; i < n; i++) {
                char *child = fs_join(path, names[i]);
                int child_is_dir = 0;
                unsigned long long sub = walk(child, depth + 1, &child_is_dir);
                if (!(o.separate && child_is_dir)) total += sub;
                free(child);
            }
            fs_free_list(names);
        }
    }
    int show = depth == 0 || (!o.summarize && (S_ISDIR(st.st_mode) || o.all));
    if (show && depth <= o.max_depth) print_size(total, path);
    return total;
}

int main_du(int argc, char **argv) {
    enum { APPARENT = 256, SI, EXCLUDE, HELP };
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'},          {"apparent-size", no_argument, NULL, APPARENT},
        {"block-size", required_argument, NULL, 'B'}, {"bytes", no_argument, NULL, 'b'},
        {"total", no_argument, NULL, 'c'},        {"dereference-args", no_argument, NULL, 'D'},
        {"max-depth", required_argument, NULL, 'd'}, {"human-readable", no_argument, NULL, 'h'},
        {"si", no_argument, NULL, SI},            {"count-links", no_argument, NULL, 'l'},
        {"dereference", no_argument, NULL, 'L'},  {"no-dereference", no_argument, NULL, 'P'},
        {"null", no_argument, NULL, '0'},         {"separate-dirs", no_argument, NULL, 'S'},
        {"summarize", no_argument, NULL, 's'},    {"one-file-system", no_argument, NULL, 'x'},
        {"exclude", required_argument, NULL, EXCLUDE}, {"help", no_argument, NULL, HELP},
        {NULL, 0, NULL, 0}};
    o.block_size = 1024;
    /* GNU's defaults from the environment, before the options. */
    const char *env = getenv("DU_BLOCK_SIZE");
    if (!env) env = getenv("BLOCK_SIZE");
    if (!env) env = getenv("BLOCKSIZE");
    if (env && human_block_size(env, &o.block_size, o.unit_suffix)) o.block_size = 1024, o.unit_suffix[0] = 0;
    o.max_depth = 1 << 30;
    o.end = '\n';
    o.excludes = xcalloc((size_t)argc, sizeof *o.excludes);
    int c, depth_set = 0;
    while ((c = se_getopt_long(argc, argv, "0abB:cd:DhHklLmPsSx", longopts, NULL)) != -1) {
        switch (c) {
        case '0': o.end = '\0'; break;
        case 'a': o.all = 1; break;
        case APPARENT: o.apparent = 1; break;
        case 'b': o.apparent = 1; o.block_size = 1; o.human = 0; o.unit_suffix[0] = 0; break;
        case 'B': {
            int bad = human_block_size(optarg, &o.block_size, o.unit_suffix);
            if (bad) se_die(1, "%s -B argument %s", bad == 2 ? "invalid suffix in" : "invalid", quote_locale(optarg));
            o.human = 0;
            break;
        }
        case 'c': o.total = 1; break;
        case 'd': {
            char *end;
            long d = strtol(optarg, &end, 10);
            if (*end || end == optarg || d < 0) {
                se_warn("invalid maximum depth %s", quote_locale(optarg));
                se_usage_error(1);
            }
            o.max_depth = (int)d;
            depth_set = 1;
            break;
        }
        case 'D': case 'H': o.deref_args = 1; break;
        case 'h': o.human = 1; o.si = 0; break;
        case SI: o.human = 1; o.si = 1; break;
        case 'k': o.block_size = 1024; o.human = 0; o.unit_suffix[0] = 0; break;
        case 'l': o.count_links = 1; break;
        case 'L': o.deref = 1; break;
        case 'm': o.block_size = 1048576; o.human = 0; o.unit_suffix[0] = 0; break;
        case 'P': o.deref = o.deref_args = 0; break;
        case 's': o.summarize = 1; break;
        case 'S': o.separate = 1; break;
        case 'x': break;
        case EXCLUDE: o.excludes[o.nexcludes++] = optarg; break;
        case HELP:
            printf("Usage: du [OPTION]... [FILE]...\n"
                   "Summarize device usage of the set of FILEs, recursively for directories.\n\n"
                   "  -0, --null            end each output line with NUL, not newline\n"
                   "  -a, --all             write counts for all files, not just directories\n"
                   "      --apparent-size   print apparent sizes rather than device usage\n"
                   "  -B, --block-size=SIZE  scale sizes by SIZE before printing them\n"
                   "  -b, --bytes           equivalent to '--apparent-size --block-size=1'\n"
                   "  -c, --total           produce a grand total\n"
                   "  -d, --max-depth=N     print the total for a directory only if it is N or\n"
                   "                          fewer levels below the command line argument\n"
                   "  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n"
                   "      --si              like -h, but use powers of 1000 not 1024\n"
                   "  -k                    like --block-size=1K\n"
                   "  -L, --dereference     dereference all symbolic links\n"
                   "  -m                    like --block-size=1M\n"
                   "  -s, --summarize       display only a total for each argument\n"
                   "  -S, --separate-dirs   for directories do not include size of subdirectories\n"
                   "      --exclude=PATTERN  exclude files that match PATTERN\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (o.summarize && depth_set) {
        if (o.max_depth == 0) {
            o.max_depth = 1 << 30;
        } else {
            se_warn("warning: summarizing conflicts with --max-depth=%d", o.max_depth);
            se_usage_error(1);
        }
    }
    if (o.summarize && o.all) {
        se_warn("cannot both summarize and show all entries");
        se_usage_error(1);
    }
    static char *dot[] = {".", NULL};
    char **paths = optind < argc ? argv + optind : dot;
    int n = optind < argc ? argc - optind : 1;
    unsigned long long grand = 0;
    for (int i = 0; i < n; i++) {
        int is_dir;
        grand += walk(paths[i], 0, &is_dir);
    }
    if (o.total) print_size(grand, "total");
    return o.status;
}
