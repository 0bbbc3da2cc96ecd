/*
 * readlink: prints the target of each symlink, or with -f/-e/-m the
 * canonical path (as realpath does: every component but the last, all, or
 * none must exist). Failures are silent unless -v; the status is 1 if any
 * FILE failed.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-canon.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_readlink, "readlink")

int main_readlink(int argc, char **argv) {
    static const struct option longopts[] = {
        {"canonicalize", no_argument, NULL, 'f'}, {"canonicalize-existing", no_argument, NULL, 'e'},
        {"canonicalize-missing", no_argument, NULL, 'm'}, {"no-newline", no_argument, NULL, 'n'},
        {"quiet", no_argument, NULL, 'q'},        {"silent", no_argument, NULL, 's'},
        {"verbose", no_argument, NULL, 'v'},      {"zero", no_argument, NULL, 'z'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    int canon = 0, no_newline = 0, verbose = 0, c;
    enum fs_canon_mode mode = FS_CANON_ALL_BUT_LAST;
    char end = '\n';
    while ((c = se_getopt_long(argc, argv, "femnqsvz", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': canon = 1; mode = FS_CANON_ALL_BUT_LAST; break;
        case 'e': canon = 1; mode = FS_CANON_EXISTING; break;
        case 'm': canon = 1; mode = FS_CANON_MISSING; break;
        case 'n': no_newline = 1; break;
        case 'q': case 's': verbose = 0; break;
        case 'v': verbose = 1; break;
        case 'z': end = '\0'; break;
        case 'h':
            printf("Usage: readlink [OPTION]... FILE...\n"
                   "Print value of a symbolic link or canonical file name\n\n"
                   "  -f, --canonicalize            all but the last component must exist\n"
                   "  -e, --canonicalize-existing   all components must exist\n"
                   "  -m, --canonicalize-missing    no component need exist\n"
                   "  -n, --no-newline              do not output the trailing delimiter\n"
                   "  -q, -s, --quiet, --silent     suppress most error messages (on by default)\n"
                   "  -v, --verbose                 report error messages\n"
                   "  -z, --zero                    end each output line with NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 1, -1, 1);
    if (no_newline && argc - optind > 1) {
        se_warn("ignoring --no-newline with multiple arguments");
        no_newline = 0;
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        char *out;
        if (canon) {
            out = fs_canonicalize(argv[i], mode, 1);
        } else {
            char buf[PATH_MAX];
            ssize_t n = readlink(argv[i], buf, sizeof buf - 1);
            if (n >= 0) buf[n] = '\0';
            out = n >= 0 ? xstrdup(buf) : NULL;
        }
        if (!out) {
            if (verbose) se_warn_errno(argv[i]);
            status = 1;
            continue;
        }
        fputs(out, stdout);
        if (!no_newline) putchar(end);
        free(out);
    }
    return status;
}
