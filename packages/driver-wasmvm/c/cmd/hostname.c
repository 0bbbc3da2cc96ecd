/*
 * hostname: prints the host name: $HOSTNAME, or "sandbox" when it is unset
 * or empty. -s prints it up to the first dot. Setting the name is refused:
 * the sandbox has none to change.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_hostname, "hostname")

int main_hostname(int argc, char **argv) {
    static const struct option longopts[] = {
        {"short", no_argument, NULL, 's'}, {"fqdn", no_argument, NULL, 'f'}, {"long", no_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},  {NULL, 0, NULL, 0}};
    int shorten = 0, c;
    while ((c = se_getopt_long(argc, argv, "sf", longopts, NULL)) != -1) {
        switch (c) {
        case 's': shorten = 1; break;
        case 'f': shorten = 0; break;
        case 'h':
            printf("Usage: hostname [-s|-f]\nPrint the host name ($HOSTNAME, or \"sandbox\").\n\n"
                   "  -s, --short   the name up to its first dot\n"
                   "  -f, --fqdn    the whole name\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind < argc) se_die(1, "you must be root to change the host name");
    const char *name = getenv("HOSTNAME");
    if (!name || !*name) name = "sandbox";
    size_t n = shorten ? strcspn(name, ".") : strlen(name);
    printf("%.*s\n", (int)n, name);
    return 0;
}
