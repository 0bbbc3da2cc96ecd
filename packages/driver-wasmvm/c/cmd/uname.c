/*
 * uname: prints system information. Natively it reports the host's
 * uname(2). Under WASI it reports a fixed system: kernel name "Linux" (so
 * scripts that branch on `uname -s` take their Linux path), node name $HOSTNAME
 * or "sandbox", release "6.1.0-secure-exec", version "#1 SMP secure-exec",
 * machine "wasm32" (so nothing downloads native binaries for it), operating
 * system "Linux"; processor and hardware platform are "unknown" and, as GNU
 * does, left out of -a.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef __wasi__
#include <sys/utsname.h>
#endif

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_uname, "uname")

enum {
    U_SYSNAME = 1, U_NODENAME = 2, U_RELEASE = 4, U_VERSION = 8,
    U_MACHINE = 16, U_PROCESSOR = 32, U_PLATFORM = 64, U_OS = 128,
};

int main_uname(int argc, char **argv) {
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'},           {"kernel-name", no_argument, NULL, 's'},
        {"nodename", no_argument, NULL, 'n'},      {"kernel-release", no_argument, NULL, 'r'},
        {"kernel-version", no_argument, NULL, 'v'}, {"machine", no_argument, NULL, 'm'},
        {"processor", no_argument, NULL, 'p'},     {"hardware-platform", no_argument, NULL, 'i'},
        {"operating-system", no_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    unsigned want = 0;
    int all = 0, c;
    while ((c = se_getopt_long(argc, argv, "asnrvmpio", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': all = 1; want |= U_SYSNAME | U_NODENAME | U_RELEASE | U_VERSION | U_MACHINE | U_OS; break;
        case 's': want |= U_SYSNAME; break;
        case 'n': want |= U_NODENAME; break;
        case 'r': want |= U_RELEASE; break;
        case 'v': want |= U_VERSION; break;
        case 'm': want |= U_MACHINE; break;
        case 'p': want |= U_PROCESSOR; break;
        case 'i': want |= U_PLATFORM; break;
        case 'o': want |= U_OS; break;
        case 'h':
            printf("Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n"
                   "  -a, --all                print all information, in the following order,\n"
                   "                             except omit -p and -i if unknown:\n"
                   "  -s, --kernel-name        print the kernel name\n"
                   "  -n, --nodename           print the network node hostname\n"
                   "  -r, --kernel-release     print the kernel release\n"
                   "  -v, --kernel-version     print the kernel version\n"
                   "  -m, --machine            print the machine hardware name\n"
                   "  -p, --processor          print the processor type (non-portable)\n"
                   "  -i, --hardware-platform  print the hardware platform (non-portable)\n"
                   "  -o, --operating-system   print the operating system\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind < argc) {
        se_warn("extra operand '%s'", argv[optind]);
        se_usage_error(1);
    }
    if (!want) want = U_SYSNAME;
#ifdef __wasi__
    const char *host = getenv("HOSTNAME");
    const char *fields[8] = {"Linux", host && *host ? host : "sandbox", "6.1.0-secure-exec", "#1 SMP secure-exec",
                             "wasm32", "unknown", "unknown", "Linux"};
#else
    struct utsname u;
    if (uname(&u) != 0) se_die_errno(1, "cannot get system name");
    const char *fields[8] = {u.sysname, u.nodename, u.release, u.version, u.machine, "unknown", "unknown", "GNU/Linux"};
#endif
    int first = 1;
    for (int i = 0; i < 8; i++) {
        if (!(want & (1u << i))) continue;
        if (all && (i == 5 || i == 6) && strcmp(fields[i], "unknown") == 0) continue;
        if (!first) putchar(' ');
        fputs(fields[i], stdout);
        first = 0;
    }
    putchar('\n');
    return 0;
}
