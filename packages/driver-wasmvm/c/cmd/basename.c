/*
 * basename: prints NAME with any leading directories and trailing slashes
 * removed, and a SUFFIX removed when it is a proper suffix. -a takes several
 * names, -s SUFFIX implies -a, -z ends lines with NUL.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_basename, "basename")

static void print_base(const char *name, const char *suffix, char end) {
    size_t n = strlen(name);
    while (n > 1 && name[n - 1] == '/') n--;
    size_t start = n;
    while (start > 0 && name[start - 1] != '/') start--;
    if (n == 1 && name[0] == '/') start = 0;
    const char *base = name + start;
    size_t len = n - start;
    if (suffix) {
        size_t sl = strlen(suffix);
        if (sl > 0 && sl < len && memcmp(base + len - sl, suffix, sl) == 0) len -= sl;
    }
    fwrite(base, 1, len, stdout);
    putchar(end);
}

int main_basename(int argc, char **argv) {
    static const struct option longopts[] = {{"multiple", no_argument, NULL, 'a'},
                                             {"suffix", required_argument, NULL, 's'},
                                             {"zero", no_argument, NULL, 'z'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int multiple = 0, c;
    char end = '\n';
    const char *suffix = NULL;
    while ((c = se_getopt_long(argc, argv, "+as:z", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': multiple = 1; break;
        case 's': multiple = 1; suffix = optarg; break;
        case 'z': end = '\0'; break;
        case 'h':
            printf("Usage: basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...\n"
                   "Print NAME with any leading directory components removed.\n"
                   "If specified, also remove a trailing SUFFIX.\n\n"
                   "  -a, --multiple       support multiple arguments and treat each as a NAME\n"
                   "  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a\n"
                   "  -z, --zero           end each output line with NUL, not newline\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    se_require_operands(argc, argv, 1, -1, 1);
    if (multiple) {
        for (int i = optind; i < argc; i++) print_base(argv[i], suffix, end);
        return 0;
    }
    if (argc - optind > 2) {
        se_warn("extra operand '%s'", argv[optind + 2]);
        se_usage_error(1);
    }
    print_base(argv[optind], argc - optind == 2 ? argv[optind + 1] : NULL, end);
    return 0;
}
