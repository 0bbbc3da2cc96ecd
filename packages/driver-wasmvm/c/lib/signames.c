/* signames.c: the table behind signames.h (Linux numbering). */
#include "signames.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[] = {
    NULL,   "HUP",  "INT",  "QUIT", "ILL",    "TRAP", "ABRT",   "BUS",  "FPE",  "KILL",  "USR1",
    "SEGV", "USR2", "PIPE", "ALRM", "TERM",   "STKFLT", "CHLD", "CONT", "STOP", "TSTP",  "TTIN",
    "TTOU", "URG",  "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH",  "IO",   "PWR",  "SYS",
};

#define NSIGNALS (int)(sizeof names / sizeof names[0])

int sig_from_name(const char *name) {
    if (isdigit((unsigned char)name[0])) {
        char *end;
        long n = strtol(name, &end, 10);
        return *end || n < 0 || n >= 128 ? -1 : (int)n;
    }
    if (strncasecmp(name, "SIG", 3) == 0) name += 3;
    for (int i = 1; i < NSIGNALS; i++)
        if (strcasecmp(name, names[i]) == 0) return i;
    if (strcasecmp(name, "IOT") == 0) return 6;
    if (strcasecmp(name, "POLL") == 0) return 29;
    return -1;
}

const char *sig_name(int sig) { return sig > 0 && sig < NSIGNALS ? names[sig] : NULL; }
