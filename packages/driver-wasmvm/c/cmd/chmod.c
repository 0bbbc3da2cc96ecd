/*
 * chmod: changes permission bits to an octal or symbolic MODE (see
 * fs-mode.h) or to those of --reference=RFILE; -R descends into
 * directories (symlinks met on the way are left alone, as GNU does), -v and
 * -c report changes, -f keeps quiet about failures. A mode starting with
 * '-' ("-w") is taken as a mode, not an option.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/fs-mode.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_chmod, "chmod")

enum { V_QUIET = 0, V_CHANGES, V_ALL };

struct chmod_opts {
    const char *mode;
    int have_ref;
    unsigned ref_mode;
    int recursive, silent, verbosity;
    unsigned umask;
};

static void describe(const char *path, unsigned from, unsigned to, int changed) {
    char a[11], b[11];
    fs_mode_string(from, a);
    fs_mode_string(to, b);
    if (changed)
        printf("mode of %s changed from %04o (%s) to %04o (%s)\n", quoteaf(path), from & 07777, a + 1, to & 07777, b + 1);
    else
        printf("mode of %s retained as %04o (%s)\n", quoteaf(path), to & 07777, b + 1);
}

static int change(const char *path, const struct chmod_opts *o, int top);

static int change_children(const char *dir, const struct chmod_opts *o) {
    size_t n;
    char **names = fs_list_dir(dir, &n);
    if (!names) {
        if (!o->silent) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot read directory %s: %s\n", se_prog, quoteaf(dir), se_strerror(e));
        }
        return 1;
    }
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        char *child = fs_join(dir, names[i]);
        status |= change(child, o, 0);
        free(child);
    }
    fs_free_list(names);
    return status;
}

static int change(const char *path, const struct chmod_opts *o, int top) {
    struct stat st;
    if (fs_stat(path, &st, 0) != 0) {
        if (!o->silent) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot access %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
        }
        if (o->verbosity == V_ALL) printf("%s could not be accessed\n", quoteaf(path));
        return 1;
    }
    if (S_ISLNK(st.st_mode)) {
        if (!top) {
            if (o->verbosity == V_ALL) printf("neither symbolic link %s nor referent has been changed\n", quoteaf(path));
            return 0;
        }
        if (fs_stat(path, &st, 1) != 0) {
            if (!o->silent) {
                fflush(stdout);
                fprintf(stderr, "%s: cannot operate on dangling symlink %s\n", se_prog, quoteaf(path));
            }
            return 1;
        }
    }
    unsigned old = st.st_mode & 07777, next = o->ref_mode;
    if (!o->have_ref && fs_mode_apply(o->mode, old, S_ISDIR(st.st_mode), o->umask, &next) != 0) {
        se_warn("invalid mode: %s", quote_locale(o->mode));
        se_usage_error(1);
    }
    int status = 0;
    if (next != old && se_chmod(path, next) != 0) {
        if (!o->silent) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: changing permissions of %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
        }
        status = 1;
    } else if (o->verbosity == V_ALL || (o->verbosity == V_CHANGES && next != old)) {
        describe(path, st.st_mode, (st.st_mode & ~07777u) | next, next != old);
    }
    if (o->recursive && S_ISDIR(st.st_mode)) status |= change_children(path, o);
    return status;
}

/* Whether arg looks like a mode that starts with '-' ("-w", "-x,g+r"), which getopt must not see. */
static int is_dash_mode(const char *arg) { return arg[0] == '-' && arg[1] && fs_mode_valid(arg); }

int main_chmod(int argc, char **argv) {
    enum { REFERENCE = 256, PRESERVE_ROOT, NO_PRESERVE_ROOT };
    static const struct option longopts[] = {
        {"changes", no_argument, NULL, 'c'},        {"silent", no_argument, NULL, 'f'},
        {"quiet", no_argument, NULL, 'f'},          {"verbose", no_argument, NULL, 'v'},
        {"recursive", no_argument, NULL, 'R'},      {"reference", required_argument, NULL, REFERENCE},
        {"preserve-root", no_argument, NULL, PRESERVE_ROOT}, {"no-preserve-root", no_argument, NULL, NO_PRESERVE_ROOT},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    struct chmod_opts o = {NULL, 0, 0, 0, 0, V_QUIET, fs_umask()};
    const char *reference = NULL;
    /* Pull out a "-w"-style mode before getopt sees it. */
    char **args = xcalloc((size_t)argc + 1, sizeof *args);
    int nargs = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && !o.mode && strcmp(argv[i - 1], "--") != 0 && is_dash_mode(argv[i])) o.mode = argv[i];
        else args[nargs++] = argv[i];
    }
    int c;
    while ((c = se_getopt_long(nargs, args, "cfvRHLP", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': o.verbosity = V_CHANGES; break;
        case 'f': o.silent = 1; break;
        case 'v': o.verbosity = V_ALL; break;
        case 'R': o.recursive = 1; break;
        case 'H': case 'L': case 'P': break;
        case REFERENCE: reference = optarg; break;
        case PRESERVE_ROOT: case NO_PRESERVE_ROOT: break;
        case 'h':
            printf("Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n"
                   "  or:  chmod [OPTION]... OCTAL-MODE FILE...\n"
                   "  or:  chmod [OPTION]... --reference=RFILE FILE...\n"
                   "Change the mode of each FILE to MODE.\n\n"
                   "  -c, --changes          like verbose but report only when a change is made\n"
                   "  -f, --silent, --quiet  suppress most error messages\n"
                   "  -v, --verbose          output a diagnostic for every file processed\n"
                   "      --reference=RFILE  use RFILE's mode instead of MODE values\n"
                   "  -R, --recursive        change files and directories recursively\n\n"
                   "Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (reference) {
        struct stat st;
        if (fs_stat(reference, &st, 1) != 0) {
            int e = errno;
            fprintf(stderr, "%s: failed to get attributes of %s: %s\n", se_prog, quoteaf(reference), se_strerror(e));
            return 1;
        }
        o.have_ref = 1;
        o.ref_mode = st.st_mode & 07777;
    } else if (!o.mode) {
        if (optind >= nargs) {
            se_warn("missing operand");
            se_usage_error(1);
        }
        o.mode = args[optind++];
    }
    if (optind >= nargs) {
        if (o.mode) se_warn("missing operand after %s", quote_locale(o.mode));
        else se_warn("missing operand");
        se_usage_error(1);
    }
    if (!o.have_ref && !fs_mode_valid(o.mode)) {
        se_warn("invalid mode: %s", quote_locale(o.mode));
        se_usage_error(1);
    }
    int status = 0;
    for (int i = optind; i < nargs; i++) status |= change(args[i], &o, 1);
    return status;
}
