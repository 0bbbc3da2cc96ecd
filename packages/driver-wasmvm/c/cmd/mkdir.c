/*
 * mkdir: creates directories; -p creates missing parents and accepts
 * existing directories, -m MODE sets the final directories' mode (chmod
 * syntax, applied after creation so no umask interferes), -v reports each
 * directory created.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/common.h"
#include "lib/fs-mode.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_mkdir, "mkdir")

struct mkdir_opts {
    int parents, verbose, have_mode;
    unsigned mode;
};

static void cannot_create(const char *path, int err) {
    fflush(stdout);
    fprintf(stderr, "%s: cannot create directory %s: %s\n", se_prog, quoteaf(path), se_strerror(err));
}

/* Creates one directory; with final set, applies -m. Returns 0 or the errno. */
static int make_one(const char *path, const struct mkdir_opts *o, int final) {
    if (mkdir(path, 0777) != 0) return errno;
    if (o->verbose) printf("%s: created directory %s\n", se_prog, quoteaf(path));
    if (final && o->have_mode && se_chmod(path, o->mode) != 0) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot set permissions of %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
        return -1;
    }
    return 0;
}

static int make_parents(char *path, const struct mkdir_opts *o) {
    size_t n = strlen(path);
    for (size_t i = 1; i <= n; i++) {
        if (i < n && !(path[i] == '/' && path[i - 1] != '/')) continue;
        char saved = path[i];
        path[i] = '\0';
        struct stat st;
        int final = i == n || path[i + 1 + strspn(path + i + 1, "/")] == '\0';
        if (stat(path, &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                cannot_create(path, ENOTDIR);
                return 1;
            }
        } else {
            int err = make_one(path, o, final);
            if (err == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) err = 0;
            if (err) {
                if (err > 0) cannot_create(path, err);
                return 1;
            }
        }
        path[i] = saved;
        if (final) break;
    }
    return 0;
}

int main_mkdir(int argc, char **argv) {
    static const struct option longopts[] = {
        {"mode", required_argument, NULL, 'm'}, {"parents", no_argument, NULL, 'p'},
        {"verbose", no_argument, NULL, 'v'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct mkdir_opts o = {0, 0, 0, 0};
    const char *mode = NULL;
    int c;
    while ((c = se_getopt_long(argc, argv, "m:pv", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': mode = optarg; break;
        case 'p': o.parents = 1; break;
        case 'v': o.verbose = 1; break;
        case 'h':
            printf("Usage: mkdir [OPTION]... DIRECTORY...\nCreate the DIRECTORY(ies), if they do not already exist.\n\n"
                   "  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask\n"
                   "  -p, --parents     no error if existing, make parent directories as needed\n"
                   "  -v, --verbose     print a message for each created directory\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (mode) {
        if (fs_mode_apply(mode, 0777, 1, fs_umask(), &o.mode) != 0) se_die(1, "invalid mode %s", quote_locale(mode));
        o.have_mode = 1;
    }
    se_require_operands(argc, argv, 1, -1, 1);
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (o.parents) {
            char *copy = xstrdup(argv[i]);
            status |= make_parents(copy, &o);
            free(copy);
            continue;
        }
        int err = make_one(argv[i], &o, 1);
        if (err) {
            if (err > 0) cannot_create(argv[i], err);
            status = 1;
        }
    }
    return status;
}
