/*
 * realpath: prints the canonical absolute form of each FILE (every
 * component but the last must exist; -e: all, -m: none), symlinks resolved
 * unless -s, or relative to --relative-to=DIR, or relative only when under
 * --relative-base=DIR.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/fs-canon.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_realpath, "realpath")

/* Whether path is base or lies under it (both canonical). */
static int under(const char *path, const char *base) {
    size_t n = strlen(base);
    if (strcmp(base, "/") == 0) return 1;
    return strncmp(path, base, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

int main_realpath(int argc, char **argv) {
    enum { REL_TO = 256, REL_BASE };
    static const struct option longopts[] = {
        {"canonicalize-existing", no_argument, NULL, 'e'}, {"canonicalize-missing", no_argument, NULL, 'm'},
        {"logical", no_argument, NULL, 'L'},               {"physical", no_argument, NULL, 'P'},
        {"quiet", no_argument, NULL, 'q'},                 {"strip", no_argument, NULL, 's'},
        {"no-symlinks", no_argument, NULL, 's'},           {"zero", no_argument, NULL, 'z'},
        {"relative-to", required_argument, NULL, REL_TO},  {"relative-base", required_argument, NULL, REL_BASE},
        {"help", no_argument, NULL, 'h'},                  {NULL, 0, NULL, 0}};
    enum fs_canon_mode mode = FS_CANON_ALL_BUT_LAST;
    int resolve = 1, quiet = 0, c;
    char end = '\n';
    const char *rel_to = NULL, *rel_base = NULL;
    while ((c = se_getopt_long(argc, argv, "emLPqsz", longopts, NULL)) != -1) {
        switch (c) {
        case 'e': mode = FS_CANON_EXISTING; break;
        case 'm': mode = FS_CANON_MISSING; break;
        case 'L': case 'P': break;
        case 'q': quiet = 1; break;
        case 's': resolve = 0; break;
        case 'z': end = '\0'; break;
        case REL_TO: rel_to = optarg; break;
        case REL_BASE: rel_base = optarg; break;
        case 'h':
            printf("Usage: realpath [OPTION]... FILE...\nPrint the resolved absolute file name;\n"
                   "all but the last component must exist\n\n"
                   "  -e, --canonicalize-existing  all components of the path must exist\n"
                   "  -m, --canonicalize-missing   no path components need exist or be a directory\n"
                   "  -q, --quiet                  suppress most error messages\n"
                   "      --relative-to=DIR        print the resolved path relative to DIR\n"
                   "      --relative-base=DIR      print absolute paths unless paths below DIR\n"
                   "  -s, --strip, --no-symlinks   don't expand symlinks\n"
                   "  -z, --zero                   end each output line with NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 1, -1, 1);
    char *to = NULL, *base = NULL;
    if (rel_to && !(to = fs_canonicalize(rel_to, mode, resolve))) se_die_errno(1, rel_to);
    if (rel_base && !(base = fs_canonicalize(rel_base, mode, resolve))) se_die_errno(1, rel_base);
    if (to && base && !under(to, base)) {
        free(to);
        free(base);
        to = base = NULL;
    } else if (base && !to) {
        to = xstrdup(base);
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        char *p = fs_canonicalize(argv[i], mode, resolve);
        if (!p) {
            if (!quiet) se_warn("%s: %s", quotef(argv[i]), se_strerror(errno));
            status = 1;
            continue;
        }
        if (to && (!base || under(p, base))) {
            char *rel = fs_relative(p, to);
            fputs(rel, stdout);
            free(rel);
        } else {
            fputs(p, stdout);
        }
        putchar(end);
        free(p);
    }
    return status;
}
