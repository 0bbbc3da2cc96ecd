/*
 * dirname: prints each NAME with its last component and trailing slashes
 * removed: "." when nothing is left of a relative name, "/" of an absolute
 * one. -z ends lines with NUL.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_dirname, "dirname")

static void print_dir(const char *name, char end) {
    size_t n = strlen(name);
    while (n > 0 && name[n - 1] == '/') n--;
    while (n > 0 && name[n - 1] != '/') n--;
    while (n > 0 && name[n - 1] == '/') n--;
    if (n == 0) fputs(name[0] == '/' ? "/" : ".", stdout);
    else fwrite(name, 1, n, stdout);
    putchar(end);
}

int main_dirname(int argc, char **argv) {
    static const struct option longopts[] = {
        {"zero", no_argument, NULL, 'z'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    char end = '\n';
    while ((c = se_getopt_long(argc, argv, "z", longopts, NULL)) != -1) {
        switch (c) {
        case 'z': end = '\0'; break;
        case 'h':
            printf("Usage: dirname [OPTION] NAME...\n"
                   "Output each NAME with its last non-slash component and trailing slashes\n"
                   "removed; if NAME contains no /'s, output '.' (meaning the current directory).\n\n"
                   "  -z, --zero     end each output line with NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 1, -1, 1);
    for (int i = optind; i < argc; i++) print_dir(argv[i], end);
    return 0;
}
