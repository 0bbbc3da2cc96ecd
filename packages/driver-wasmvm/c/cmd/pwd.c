/*
 * pwd: prints the working directory. -P (the default, as in coreutils)
 * prints the physical path from getcwd; -L prints $PWD instead when it is
 * absolute, free of "." and ".." components, and names the same directory.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_pwd, "pwd")

/* Whether $PWD is a usable logical name for the cwd. */
static int logical_ok(const char *pwd) {
    if (!pwd || pwd[0] != '/') return 0;
    for (const char *p = pwd; *p; p++) {
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) return 0;
        if (p[0] == '/' && p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0')) return 0;
    }
    struct stat a, b;
    return stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int main_pwd(int argc, char **argv) {
    static const struct option longopts[] = {{"logical", no_argument, NULL, 'L'},
                                             {"physical", no_argument, NULL, 'P'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int logical = 0, c;
    while ((c = se_getopt_long(argc, argv, "LP", longopts, NULL)) != -1) {
        switch (c) {
        case 'L': logical = 1; break;
        case 'P': logical = 0; break;
        case 'h':
            printf("Usage: pwd [OPTION]...\nPrint the full filename of the current working directory.\n\n"
                   "  -L, --logical   use PWD from environment, even if it contains symlinks\n"
                   "  -P, --physical  avoid all symlinks (the default)\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind < argc) se_warn("ignoring non-option arguments");
    const char *pwd = getenv("PWD");
    if (logical && logical_ok(pwd)) {
        puts(pwd);
        return 0;
    }
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) se_die_errno(1, "error");
    puts(buf);
    return 0;
}
