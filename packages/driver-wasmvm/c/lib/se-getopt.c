/*
 * se-getopt.c: se_getopt_long, following glibc's getopt: operands met
 * while options remain are moved after them (the block of operands seen so
 * far is exchanged with the options found after it), so at the end optind
 * points at the first operand.
 */
#include "se-getopt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static char *nextchar;
static int first_nonopt, last_nonopt, started;

/* Moves the operands in [first_nonopt, last_nonopt) after the options in [last_nonopt, optind). */
static void exchange(char **argv) {
    int bottom = first_nonopt, middle = last_nonopt, top = optind;
    while (top > middle && middle > bottom) {
        if (top - middle > middle - bottom) {
            int len = middle - bottom;
            for (int i = 0; i < len; i++) {
                char *t = argv[bottom + i];
                argv[bottom + i] = argv[top - len + i];
                argv[top - len + i] = t;
            }
            top -= len;
        } else {
            int len = top - middle;
            for (int i = 0; i < len; i++) {
                char *t = argv[bottom + i];
                argv[bottom + i] = argv[middle + i];
                argv[middle + i] = t;
            }
            bottom += len;
        }
    }
    first_nonopt += optind - last_nonopt;
    last_nonopt = optind;
}

static void complain(const char *fmt, const char *a, const char *b) {
    if (!opterr) return;
    fflush(stdout);
    fprintf(stderr, "%s: ", se_prog);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

/* GNU's --version, for a command whose table has none: se_version() prints it. */
static const struct option version_option = {"version", no_argument, NULL, 0};

/* How many long options there are: the table's, plus version_option when the table has no "version". */
static int count_options(const struct option *longopts) {
    int n = 0, version = 0;
    for (; longopts[n].name; n++) version |= !strcmp(longopts[n].name, "version");
    return n + !version;
}

#define OPTION_AT(i) (longopts[i].name ? &longopts[i] : &version_option)

static int long_option(int argc, char **argv, const struct option *longopts, int *longindex, int colon) {
    char *name = argv[optind] + 2;
    size_t len = strcspn(name, "=");
    const struct option *found = NULL;
    int index = -1, ambiguous = 0, count = count_options(longopts);
    for (int i = 0; i < count; i++) {
        const struct option *o = OPTION_AT(i);
        if (strncmp(o->name, name, len) != 0) continue;
        if (strlen(o->name) == len) {
            found = o;
            index = i;
            ambiguous = 0;
            break;
        }
        if (!found) {
            found = o;
            index = i;
        } else if (found->has_arg != o->has_arg || found->flag != o->flag || found->val != o->val) {
            ambiguous = 1;
        }
    }
    char *element = argv[optind];
    optind++;
    nextchar = NULL;
    if (ambiguous) {
        if (opterr) {
            fflush(stdout);
            fprintf(stderr, "%s: option '--%.*s' is ambiguous; possibilities:", se_prog, (int)len, name);
            for (int i = 0; i < count; i++)
                if (strncmp(OPTION_AT(i)->name, name, len) == 0) fprintf(stderr, " '--%s'", OPTION_AT(i)->name);
            fputc('\n', stderr);
        }
        optopt = 0;
        return '?';
    }
    if (!found) {
        complain("unrecognized option '%s'%s", element, "");
        optopt = 0;
        return '?';
    }
    optarg = NULL;
    if (found == &version_option && name[len] != '=') se_version(0);
    if (name[len] == '=') {
        if (found->has_arg == no_argument) {
            complain("option '--%s' doesn't allow an argument%s", found->name, "");
            optopt = found->val;
            return '?';
        }
        optarg = name + len + 1;
    } else if (found->has_arg == required_argument) {
        if (optind < argc) {
            optarg = argv[optind++];
        } else {
            complain("option '--%s' requires an argument%s", found->name, "");
            optopt = found->val;
            return colon ? ':' : '?';
        }
    }
    if (longindex) *longindex = index;
    if (found->flag) {
        *found->flag = found->val;
        return 0;
    }
    return found->val;
}

int se_getopt_long(int argc, char **argv, const char *shortopts, const struct option *longopts, int *longindex) {
    int require_order = 0, colon = 0;
    if (*shortopts == '+' || *shortopts == '-') require_order = *shortopts++ == '+';
    if (getenv("POSIXLY_CORRECT")) require_order = 1;
    if (*shortopts == ':') colon = 1, shortopts++;
    if (!started || optind == 0) {
        if (optind == 0) optind = 1;
        first_nonopt = last_nonopt = optind;
        nextchar = NULL;
        started = 1;
    }
#define NONOPTION(i) (argv[i][0] != '-' || argv[i][1] == '\0')
    if (!nextchar || !*nextchar) {
        if (last_nonopt > optind) last_nonopt = optind;
        if (first_nonopt > optind) first_nonopt = optind;
        if (!require_order) {
            if (first_nonopt != last_nonopt && last_nonopt != optind) exchange(argv);
            else if (last_nonopt != optind) first_nonopt = optind;
            while (optind < argc && NONOPTION(optind)) optind++;
            last_nonopt = optind;
        }
        if (optind != argc && !strcmp(argv[optind], "--")) {
            optind++;
            if (first_nonopt != last_nonopt && last_nonopt != optind) exchange(argv);
            else if (first_nonopt == last_nonopt) first_nonopt = optind;
            last_nonopt = argc;
            optind = argc;
        }
        if (optind == argc) {
            if (first_nonopt != last_nonopt) optind = first_nonopt;
            return -1;
        }
        if (NONOPTION(optind)) return -1;
        if (longopts && argv[optind][1] == '-') return long_option(argc, argv, longopts, longindex, colon);
        nextchar = argv[optind] + 1;
    }
#undef NONOPTION
    char c = *nextchar++;
    const char *spec = strchr(shortopts, c);
    if (!*nextchar) optind++;
    if (!spec || c == ':' || c == ';') {
        char opt[2] = {c, '\0'};
        complain("invalid option -- '%s'%s", opt, "");
        optopt = (unsigned char)c;
        return '?';
    }
    if (spec[1] == ':') {
        if (spec[2] == ':') {
            optarg = *nextchar ? nextchar : NULL;
            if (*nextchar) optind++;
        } else if (*nextchar) {
            optarg = nextchar;
            optind++;
        } else if (optind == argc) {
            char opt[2] = {c, '\0'};
            complain("option requires an argument -- '%s'%s", opt, "");
            optopt = (unsigned char)c;
            nextchar = NULL;
            return colon ? ':' : '?';
        } else {
            optarg = argv[optind++];
        }
        nextchar = NULL;
    }
    return (unsigned char)c;
}
