/*
 * sleep: pauses for the sum of its durations (NUMBER[smhd], fractions and
 * "inf" allowed). Under WASI the pause is poll_oneoff on a clock, which the
 * kernel makes a real wait.
 */
#include <getopt.h>
#include <stdio.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/when.h"

SE_COMMAND(main_sleep, "sleep")

int main_sleep(int argc, char **argv) {
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\n"
                   "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n"
                   "'m' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\n"
                   "integer.  Given two or more arguments, pause for the amount of time\n"
                   "specified by the sum of their values.\n");
            return 0;
        }
        se_usage_error(1);
    }
    se_require_operands(argc, argv, 1, -1, 1);
    double total = 0;
    int bad = 0;
    for (int i = optind; i < argc; i++) {
        double s;
        if (when_parse_duration(argv[i], &s) != 0) {
            se_warn("invalid time interval '%s'", argv[i]);
            bad = 1;
            continue;
        }
        total += s;
    }
    if (bad) se_usage_error(1);
    if (when_sleep(total) != 0) se_die_errno(1, "cannot read realtime clock");
    return 0;
}
