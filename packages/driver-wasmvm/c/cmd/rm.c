/*
 * rm: removes files; -r/-R removes directories with their contents, -d
 * removes empty directories, -f ignores missing files and never fails for
 * them, -v reports each removal. Refuses "." and ".." and, recursively,
 * "/" (unless --no-preserve-root). Never prompts: the sandbox has no
 * terminal, so -i and -I are accepted and ignored.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/fs-canon.h"
#include "lib/fs-tree.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_rm, "rm")

/* Whether path resolves to the root directory. */
static int is_root(const char *path) {
    char *c = fs_canonicalize(path, FS_CANON_MISSING, 1);
    int r = c && strcmp(c, "/") == 0;
    free(c);
    return r;
}

int main_rm(int argc, char **argv) {
    enum { NO_PRESERVE_ROOT = 256, PRESERVE_ROOT, INTERACTIVE };
    static const struct option longopts[] = {
        {"force", no_argument, NULL, 'f'},     {"recursive", no_argument, NULL, 'r'},
        {"dir", no_argument, NULL, 'd'},       {"verbose", no_argument, NULL, 'v'},
        {"interactive", optional_argument, NULL, INTERACTIVE},
        {"no-preserve-root", no_argument, NULL, NO_PRESERVE_ROOT},
        {"preserve-root", optional_argument, NULL, PRESERVE_ROOT},
        {"one-file-system", no_argument, NULL, 'x'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct fs_remove_opts o = {0, 0, 0, 0};
    int preserve_root = 1, c;
    while ((c = se_getopt_long(argc, argv, "frRdviI", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': o.force = 1; break;
        case 'r': case 'R': o.recursive = 1; break;
        case 'd': o.dirs = 1; break;
        case 'v': o.verbose = 1; break;
        case 'i': case 'I': case INTERACTIVE: case 'x': break;
        case NO_PRESERVE_ROOT: preserve_root = 0; break;
        case PRESERVE_ROOT: preserve_root = 1; break;
        case 'h':
            printf("Usage: rm [OPTION]... [FILE]...\nRemove (unlink) the FILE(s).\n\n"
                   "  -f, --force           ignore nonexistent files and arguments, never prompt\n"
                   "  -r, -R, --recursive   remove directories and their contents recursively\n"
                   "  -d, --dir             remove empty directories\n"
                   "  -v, --verbose         explain what is being done\n"
                   "      --no-preserve-root  do not treat '/' specially\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind >= argc) {
        if (o.force) return 0;
        se_warn("missing operand");
        se_usage_error(1);
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        const char *path = argv[i];
        if (o.recursive && fs_is_dot_or_dotdot(path)) {
            se_warn("refusing to remove '.' or '..' directory: skipping %s", quoteaf(path));
            status = 1;
            continue;
        }
        if (o.recursive && preserve_root && is_root(path)) {
            if (strcmp(path, "/") == 0) se_warn("it is dangerous to operate recursively on '/'");
            else se_warn("it is dangerous to operate recursively on %s (same as '/')", quoteaf(path));
            se_warn("use --no-preserve-root to override this failsafe");
            status = 1;
            continue;
        }
        status |= fs_remove(path, &o);
    }
    return status;
}
