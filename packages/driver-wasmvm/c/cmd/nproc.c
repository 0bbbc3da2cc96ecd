/*
 * nproc: prints the number of processing units available: sysconf's
 * answer (the host's CPUs natively; under WASI, 1), or OMP_NUM_THREADS and
 * OMP_THREAD_LIMIT as GNU honours them, minus --ignore=N, never below 1.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_nproc, "nproc")

/* A positive count from an environment variable, or 0. */
static unsigned long env_count(const char *name) {
    const char *s = getenv(name);
    if (!s || !*s) return 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == ',') end++;
    return *end && *end != ',' ? 0 : v;
}

int main_nproc(int argc, char **argv) {
    enum { ALL = 256, IGNORE };
    static const struct option longopts[] = {{"all", no_argument, NULL, ALL},
                                             {"ignore", required_argument, NULL, IGNORE},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int all = 0, c;
    unsigned long ignore = 0;
    while ((c = se_getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case ALL: all = 1; break;
        case IGNORE: {
            char *end;
            ignore = strtoul(optarg, &end, 10);
            if (end == optarg || *end || optarg[0] == '-') se_die(1, "invalid number: '%s'", optarg);
            break;
        }
        case 'h':
            printf("Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\n"
                   "which may be less than the number of online processors\n\n"
                   "      --all       print the number of installed processors\n"
                   "      --ignore=N  if possible, exclude N processing units\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind < argc) {
        se_warn("extra operand '%s'", argv[optind]);
        se_usage_error(1);
    }
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned long n = online > 0 ? (unsigned long)online : 1;
    if (!all) {
        unsigned long threads = env_count("OMP_NUM_THREADS"), limit = env_count("OMP_THREAD_LIMIT");
        if (threads) n = threads;
        if (limit && n > limit) n = limit;
    }
    n = n > ignore ? n - ignore : 1;
    printf("%lu\n", n);
    return 0;
}
