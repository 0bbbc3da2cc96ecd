/*
 * timeout: runs COMMAND (through se_spawn, so any kernel command) and
 * sends it a signal (TERM, or -s SIG) if it is still running after
 * DURATION, then KILL after -k DURATION more. WASI has no SIGALRM, so the
 * wait is a loop of se_waitpid(WNOHANG) and nanosleep whose step grows from
 * 1 ms to 20 ms. Exit status: COMMAND's, or 124 when it timed out (128+n
 * with --preserve-status, or when it had to be killed with KILL), 125 when
 * timeout fails, 126 when COMMAND cannot run, 127 when it is not found.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"
#include "lib/signames.h"
#include "lib/when.h"

SE_COMMAND(main_timeout, "timeout")

#define EXIT_TIMEDOUT 124
#define EXIT_CANCELED 125

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits up to `limit` seconds (infinite when 0 or inf) for pid; returns 1 and its status, or 0 on time-out. */
static int wait_until(int pid, double limit, int *status) {
    double deadline = limit > 0 && !isinf(limit) ? now_seconds() + limit : INFINITY;
    double step = 0.001;
    for (;;) {
        int got = se_waitpid(pid, status, isinf(deadline) ? 0 : SE_WNOHANG);
        if (got == pid) return 1;
        if (got < 0 && errno != EINTR) se_die_errno(EXIT_CANCELED, "error waiting for command");
        double left = deadline - now_seconds();
        if (left <= 0) return 0;
        when_sleep(step < left ? step : left);
        if (step < 0.02) step *= 2;
    }
}

static double parse_duration_or_die(const char *s) {
    double d;
    if (when_parse_duration(s, &d) != 0) {
        se_warn("invalid time interval '%s'", s);
        se_usage_error(EXIT_CANCELED);
    }
    return d;
}

int main_timeout(int argc, char **argv) {
    enum { PRESERVE = 256, FOREGROUND };
    static const struct option longopts[] = {
        {"signal", required_argument, NULL, 's'},   {"kill-after", required_argument, NULL, 'k'},
        {"preserve-status", no_argument, NULL, PRESERVE}, {"foreground", no_argument, NULL, FOREGROUND},
        {"verbose", no_argument, NULL, 'v'},        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int sig = 15, preserve = 0, verbose = 0, c;
    double kill_after = 0;
    while ((c = se_getopt_long(argc, argv, "+s:k:v", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            sig = sig_from_name(optarg);
            if (sig < 0) {
                se_warn("'%s': invalid signal", optarg);
                se_usage_error(EXIT_CANCELED);
            }
            break;
        case 'k': kill_after = parse_duration_or_die(optarg); break;
        case PRESERVE: preserve = 1; break;
        case FOREGROUND: break;
        case 'v': verbose = 1; break;
        case 'h':
            printf("Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n"
                   "Start COMMAND, and kill it if still running after DURATION.\n\n"
                   "      --preserve-status  exit with the same status as COMMAND, even when the command times out\n"
                   "      --foreground       (accepted; there is no terminal to give away)\n"
                   "  -k, --kill-after=DURATION  also send a KILL signal if COMMAND is still running\n"
                   "                             this long after the initial signal was sent\n"
                   "  -s, --signal=SIGNAL    specify the signal to be sent on timeout\n"
                   "  -v, --verbose          diagnose to stderr any signal sent upon timeout\n\n"
                   "DURATION is a floating point number with an optional suffix: 's' for seconds\n"
                   "(the default), 'm' for minutes, 'h' for hours or 'd' for days. 0 disables the timeout.\n");
            return 0;
        default: se_usage_error(EXIT_CANCELED);
        }
    }
    if (argc - optind < 2) se_usage_error(EXIT_CANCELED);
    double duration = parse_duration_or_die(argv[optind]);
    char **cmd = argv + optind + 1;
    fflush(stdout);
    int pid = se_spawn(cmd, NULL, NULL, 0, 1, 2);
    if (pid < 0) {
        int err = errno;
        fprintf(stderr, "%s: failed to run command '%s': %s\n", se_prog, cmd[0], se_strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    int status = 0;
    if (wait_until(pid, duration, &status)) return status;
    if (verbose) fprintf(stderr, "%s: sending signal %s to command '%s'\n", se_prog, sig_name(sig) ? sig_name(sig) : "?", cmd[0]);
    se_kill(pid, sig);
    int killed = sig == 9;
    if (kill_after > 0 && !wait_until(pid, kill_after, &status)) {
        if (verbose) fprintf(stderr, "%s: sending signal KILL to command '%s'\n", se_prog, cmd[0]);
        se_kill(pid, 9);
        killed = 1;
        wait_until(pid, 0, &status);
    } else if (kill_after <= 0) {
        wait_until(pid, 0, &status);
    }
    if (killed) return 128 + 9;
    return preserve ? status : EXIT_TIMEDOUT;
}
