/*
 * tee: copies standard input to standard output and to each FILE (-a
 * appends), as GNU tee does. A FILE that cannot be opened or written is
 * reported and dropped while the others keep receiving data; the exit
 * status is then 1. -i and -p are accepted (there are no signals to ignore).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_tee, "tee")

int main_tee(int argc, char **argv) {
    static const struct option longopts[] = {
        {"append", no_argument, NULL, 'a'}, {"ignore-interrupts", no_argument, NULL, 'i'},
        {"output-error", optional_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int append = 0, c;
    while ((c = getopt_long(argc, argv, "aip", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': append = 1; break;
        case 'i': case 'p': break;
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
