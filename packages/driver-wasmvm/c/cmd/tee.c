/*
 * tee: copies standard input to standard output and to each FILE (-a
 * appends), as GNU tee does. A FILE that cannot be opened or written is
 * reported and dropped while the others keep receiving data; the exit
 * status is then 1. --output-error=exit[-nopipe] ends tee at the first
 * write error instead. -i is accepted (there are no signals to ignore);
 * a broken pipe is never diagnosed.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_tee, "tee")

/* GNU's argmatch: an exact name, or a prefix of only one (or of names with the same meaning). */
static int output_error_mode(const char *arg) {
    static const char *const names[] = {"warn", "warn-nopipe", "exit", "exit-nopipe"};
    int found = -1, ambiguous = 0;
    for (int i = 0; i < 4; i++) {
        if (strncmp(names[i], arg, strlen(arg)) != 0) continue;
        if (strlen(names[i]) == strlen(arg)) return i;
        if (found >= 0) ambiguous = 1;
        found = i;
    }
    if (found < 0 || ambiguous) {
        se_warn("%s argument %s for '--output-error'", ambiguous ? "ambiguous" : "invalid", quote_locale(arg));
        fprintf(stderr, "Valid arguments are:\n  - 'warn'\n  - 'warn-nopipe'\n  - 'exit'\n  - 'exit-nopipe'\n");
        se_usage_error(1);
    }
    return found;
}

int main_tee(int argc, char **argv) {
    static const struct option longopts[] = {
        {"append", no_argument, NULL, 'a'}, {"ignore-interrupts", no_argument, NULL, 'i'},
        {"output-error", optional_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int append = 0, exit_on_error = 0, c;
    while ((c = se_getopt_long(argc, argv, "aip", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': append = 1; break;
        case 'i': break;
        case 'p': exit_on_error = optarg && output_error_mode(optarg) >= 2; break;
        case 'h':
            printf("Usage: tee [OPTION]... [FILE]...\n"
                   "Copy standard input to each FILE, and also to standard output.\n\n"
                   "  -a, --append              append to the given FILEs, do not overwrite\n"
                   "  -i, --ignore-interrupts   ignore interrupt signals\n"
                   "  -p                        diagnose errors writing to non pipes\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    int n = argc - optind + 1, status = 0;
    int *fds = xmalloc((size_t)n * sizeof *fds);
    const char **names = xmalloc((size_t)n * sizeof *names);
    fds[0] = 1;
    names[0] = "standard output";
    for (int i = 1; i < n; i++) {
        names[i] = argv[optind + i - 1];
        fds[i] = open(names[i], O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
        if (fds[i] < 0) {
            se_warn_errno(quotef(names[i]));
            status = 1;
        }
    }
    static char buf[65536];
    int live = 0;
    for (int i = 0; i < n; i++) live += fds[i] >= 0;
    while (live > 0) {
        ssize_t got = read_retry(0, buf, sizeof buf);
        if (got < 0) {
            se_warn_errno("read error");
            status = 1;
            break;
        }
        if (got == 0) break;
        for (int i = 0; i < n; i++) {
            if (fds[i] < 0) continue;
            if (se_write_all(fds[i], buf, (size_t)got) < 0) {
                if (errno != EPIPE) se_warn_errno(quotef(names[i]));
                if (exit_on_error) return 1;
                status = 1;
                if (fds[i] > 1) close(fds[i]);
                fds[i] = -1;
                live--;
            }
        }
    }
    for (int i = 1; i < n; i++)
        if (fds[i] > 1 && close(fds[i]) != 0) {
            se_warn_errno(quotef(names[i]));
            status = 1;
        }
    return status;
}
