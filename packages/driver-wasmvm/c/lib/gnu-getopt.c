/* gnu-getopt.c: GNU-worded option errors around getopt_long (see gnu-getopt.h). */
#include "gnu-getopt.h"
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int se_gnu_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts) {
    char spec[128];
    snprintf(spec, sizeof spec, ":%s", shortopts);
    opterr = 0;
    int c = getopt_long(argc, argv, spec, longopts, NULL);
    if (c != '?' && c != ':') return c;
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    fflush(stdout);
    if (strncmp(arg, "--", 2) == 0 && arg[2]) {
        size_t n = strcspn(arg + 2, "=");
        const struct option *match = NULL;
        for (const struct option *o = longopts; o && o->name; o++)
            if (strncmp(o->name, arg + 2, n) == 0 && (!match || strlen(o->name) == n)) match = o;
        if (c == ':') fprintf(stderr, "%s: option '--%s' requires an argument\n", se_prog, match ? match->name : arg + 2);
        else if (match && arg[2 + n] == '=')
            fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n", se_prog, match->name);
        else fprintf(stderr, "%s: unrecognized option '%s'\n", se_prog, arg);
    } else if (c == ':') {
        fprintf(stderr, "%s: option requires an argument -- '%c'\n", se_prog, optopt);
    } else {
        fprintf(stderr, "%s: invalid option -- '%c'\n", se_prog, optopt);
    }
    return '?';
}
