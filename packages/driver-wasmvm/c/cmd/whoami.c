/*
 * whoami: prints the user name. The sandbox has no user database, so the
 * name is $USER, or "user" when it is unset or empty.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_whoami, "whoami")

int main_whoami(int argc, char **argv) {
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("Usage: whoami [OPTION]...\nPrint the user name associated with the current effective user ID.\n");
            return 0;
        }
        se_usage_error(1);
    }
    if (optind < argc) {
        se_warn("extra operand '%s'", argv[optind]);
        se_usage_error(1);
    }
    const char *user = getenv("USER");
    puts(user && *user ? user : "user");
    return 0;
}
