/*
 * printenv: prints the whole environment, or the value of each NAME that
 * is set; the status is 1 when a NAME is not set, 2 on bad usage. -0 ends
 * each entry with NUL.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_printenv, "printenv")

extern char **environ;

int main_printenv(int argc, char **argv) {
    static const struct option longopts[] = {
        {"null", no_argument, NULL, '0'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    char end = '\n';
    while ((c = se_getopt_long(argc, argv, "0", longopts, NULL)) != -1) {
        switch (c) {
        case '0': end = '\0'; break;
        case 'h':
            printf("Usage: printenv [OPTION]... [VARIABLE]...\n"
                   "Print the values of the specified environment VARIABLE(s).\n"
                   "If no VARIABLE is specified, print name and value pairs for them all.\n\n"
                   "  -0, --null     end each output line with NUL, not newline\n");
            return 0;
        default: se_usage_error(2);
        }
    }
    if (optind >= argc) {
        for (char **e = environ; *e; e++) {
            fputs(*e, stdout);
            putchar(end);
        }
        return 0;
    }
    int missing = 0;
    for (int i = optind; i < argc; i++) {
        const char *name = argv[i];
        int found = 0;
        if (!strchr(name, '=')) {
            size_t n = strlen(name);
            for (char **e = environ; *e; e++) {
                if (strncmp(*e, name, n) == 0 && (*e)[n] == '=') {
                    fputs(*e + n + 1, stdout);
                    putchar(end);
                    found = 1;
                }
            }
        }
        if (!found) missing = 1;
    }
    return missing;
}
