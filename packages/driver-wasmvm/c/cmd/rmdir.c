/*
 * rmdir: removes empty directories; -p also removes each parent named in
 * the path, --ignore-fail-on-non-empty keeps quiet about directories that
 * still hold entries, -v reports each removal.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_rmdir, "rmdir")

static int ignore_non_empty, verbose;

/* Removes path; returns 0, or 1 after reporting a failure (or silently for a non-empty dir when asked). */
static int remove_one(const char *path) {
    if (verbose) printf("%s: removing directory, %s\n", se_prog, quoteaf(path));
    if (rmdir(path) == 0) return 0;
    int e = errno;
    if (ignore_non_empty && (e == ENOTEMPTY || e == EEXIST)) return 1;
    fflush(stdout);
    fprintf(stderr, "%s: failed to remove %s: %s\n", se_prog, quoteaf(path), se_strerror(e));
    return 2;
}

int main_rmdir(int argc, char **argv) {
    enum { IGNORE = 256 };
    static const struct option longopts[] = {
        {"parents", no_argument, NULL, 'p'}, {"verbose", no_argument, NULL, 'v'},
        {"ignore-fail-on-non-empty", no_argument, NULL, IGNORE}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int parents = 0, c;
    while ((c = se_getopt_long(argc, argv, "pv", longopts, NULL)) != -1) {
        switch (c) {
        case 'p': parents = 1; break;
        case 'v': verbose = 1; break;
        case IGNORE: ignore_non_empty = 1; break;
        case 'h':
            printf("Usage: rmdir [OPTION]... DIRECTORY...\nRemove the DIRECTORY(ies), if they are empty.\n\n"
                   "      --ignore-fail-on-non-empty  ignore each failure to remove a non-empty directory\n"
                   "  -p, --parents   remove DIRECTORY and its ancestors\n"
                   "  -v, --verbose   output a diagnostic for every directory processed\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 1, -1, 1);
    int status = 0;
    for (int i = optind; i < argc; i++) {
        char *path = xstrdup(argv[i]);
        int r = remove_one(path);
        if (r == 2) status = 1;
        while (parents && r == 0) {
            size_t n = strlen(path);
            while (n > 0 && path[n - 1] == '/') n--;
            while (n > 0 && path[n - 1] != '/') n--;
            while (n > 0 && path[n - 1] == '/') n--;
            if (n == 0) break;
            path[n] = '\0';
            r = remove_one(path);
            if (r == 2) status = 1;
        }
        free(path);
    }
    return status;
}
