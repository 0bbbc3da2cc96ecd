/*
 * ln: makes hard links (or symlinks with -s) in the forms
 *   ln TARGET [LINK], ln TARGET... DIRECTORY, ln -t DIRECTORY TARGET...
 * -f replaces an existing destination, -n treats a LINK that is a symlink
 * to a directory as a file, -T never treats LINK as a directory, -r makes a
 * symlink's target relative to the link's directory, -v reports each link.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-canon.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_ln, "ln")

struct ln_opts {
    int symbolic, force, no_deref, relative, verbose;
};

/* The symlink text for -r: target relative to the directory that will hold link. */
static char *relative_target(const char *target, const char *link) {
    char *t = fs_canonicalize(target, FS_CANON_MISSING, 1);
    char *dir = xstrdup(link);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') dir[--n] = '\0';
    char *slash = strrchr(dir, '/');
    if (!slash) strcpy(dir, ".");
    else if (slash == dir) dir[1] = '\0';
    else *slash = '\0';
    char *d = fs_canonicalize(dir, FS_CANON_MISSING, 1);
    char *rel = t && d ? fs_relative(t, d) : xstrdup(target);
    free(t);
    free(d);
    free(dir);
    return rel;
}

/* Where the link being made would lead: for a symlink, its text read from dest's directory. */
static int would_reach(const char *text, const char *dest, int symbolic, struct stat *st) {
    if (!symbolic) return lstat(text, st);
    if (text[0] == '/' || !strchr(dest, '/')) return stat(text, st);
    const char *slash = strrchr(dest, '/');
    char *path = xmalloc((size_t)(slash - dest) + strlen(text) + 2);
    sprintf(path, "%.*s/%s", (int)(slash - dest), dest, text);
    int r = stat(path, st);
    free(path);
    return r;
}

static int make_link(const char *target, const char *dest, const struct ln_opts *o) {
    struct stat st;
    if (!o->symbolic) {
        /* Hard links are physical: a symlink is linked itself, not what it points to. */
        if (lstat(target, &st) != 0) {
            int e = errno;
            fprintf(stderr, "%s: failed to access %s: %s\n", se_prog, quoteaf(target), se_strerror(e));
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: %s: hard link not allowed for directory\n", se_prog, target);
            return 1;
        }
    }
    char *text = o->symbolic && o->relative ? relative_target(target, dest) : xstrdup(target);
    if (o->force && lstat(dest, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: %s: cannot overwrite directory\n", se_prog, dest);
            free(text);
            return 1;
        }
        struct stat reach;
        if (would_reach(text, dest, o->symbolic, &reach) == 0 && reach.st_dev == st.st_dev && reach.st_ino == st.st_ino) {
            fprintf(stderr, "%s: %s and %s are the same file\n", se_prog, quoteaf_n(0, target), quoteaf_n(1, dest));
            free(text);
            return 1;
        }
        unlink(dest);
    }
    int r = o->symbolic ? symlink(text, dest) : link(target, dest);
    if (r != 0) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "%s: failed to create %s '%s': %s\n", se_prog, o->symbolic ? "symbolic link" : "hard link",
                dest, se_strerror(e));
        free(text);
        return 1;
    }
    if (o->verbose) printf("%s %s %s\n", quoteaf_n(0, dest), o->symbolic ? "->" : "=>", quoteaf_n(1, text));
    free(text);
    return 0;
}

/* Whether path names a directory to put links in (a symlink to one counts unless -n). */
static int is_target_dir(const char *path, int no_deref) {
    struct stat st;
    if (no_deref && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) return 0;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main_ln(int argc, char **argv) {
    static const struct option longopts[] = {
        {"symbolic", no_argument, NULL, 's'}, {"force", no_argument, NULL, 'f'},
        {"no-dereference", no_argument, NULL, 'n'}, {"relative", no_argument, NULL, 'r'},
        {"verbose", no_argument, NULL, 'v'},  {"target-directory", required_argument, NULL, 't'},
        {"no-target-directory", no_argument, NULL, 'T'}, {"logical", no_argument, NULL, 'L'},
        {"physical", no_argument, NULL, 'P'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct ln_opts o = {0, 0, 0, 0, 0};
    const char *target_dir = NULL;
    int no_target_dir = 0, c;
    while ((c = se_getopt_long(argc, argv, "sfnrvt:TLP", longopts, NULL)) != -1) {
        switch (c) {
        case 's': o.symbolic = 1; break;
        case 'f': o.force = 1; break;
        case 'n': o.no_deref = 1; break;
        case 'r': o.relative = 1; break;
        case 'v': o.verbose = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'L': case 'P': break;
        case 'h':
            printf("Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n"
                   "  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...\n"
                   "Create hard links by default, symbolic links with --symbolic.\n\n"
                   "  -f, --force                 remove existing destination files\n"
                   "  -n, --no-dereference        treat LINK_NAME as a normal file if\n"
                   "                                it is a symbolic link to a directory\n"
                   "  -r, --relative              with -s, create links relative to link location\n"
                   "  -s, --symbolic              make symbolic links instead of hard links\n"
                   "  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create the links\n"
                   "  -T, --no-target-directory   treat LINK_NAME as a normal file always\n"
                   "  -v, --verbose               print name of each linked file\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    int n = argc - optind;
    char **ops = argv + optind;
    if (n == 0) {
        se_warn("missing file operand");
        se_usage_error(1);
    }
    if (target_dir && no_target_dir) se_die(1, "cannot combine --target-directory and --no-target-directory");
    if (!target_dir && !no_target_dir && n >= 2 && is_target_dir(ops[n - 1], o.no_deref)) {
        target_dir = ops[--n];
    } else if (!target_dir && n > 2) {
        struct stat st;
        const char *last = ops[n - 1];
        if (no_target_dir) {
            se_warn("extra operand %s", quote_locale(ops[2]));
            se_usage_error(1);
        }
        if (stat(last, &st) != 0) {
            int e = errno;
            se_die(1, "target %s: %s", quoteaf(last), se_strerror(e));
        }
        se_die(1, "target %s: Not a directory", quoteaf(last));
    }
    if (n == 1 && !target_dir) target_dir = ".";
    if (target_dir) {
        int status = 0;
        for (int i = 0; i < n; i++) {
            char *dest = fs_join(target_dir, fs_last_component(ops[i]));
            size_t len = strlen(dest);
            while (len > 1 && dest[len - 1] == '/') dest[--len] = '\0';
            status |= make_link(ops[i], dest, &o);
            free(dest);
        }
        return status;
    }
    return make_link(ops[0], ops[1], &o);
}
