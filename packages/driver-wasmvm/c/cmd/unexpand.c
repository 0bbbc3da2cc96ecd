/*
 * unexpand: spaces to tabs, as GNU unexpand does: a run of blanks that
 * reaches a tab stop becomes a tab (a single space before a stop stays a
 * space unless more blanks follow). Only leading blanks are converted
 * unless -a (or -t, which implies it; --first-only undoes both).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/tab-stops.h"
#include "lib/text-io.h"

SE_COMMAND(main_unexpand, "unexpand")

int main_unexpand(int argc, char **argv) {
    enum { OPT_FIRST_ONLY = 256 };
    static const struct option longopts[] = {
        {"all", no_argument, NULL, 'a'}, {"first-only", no_argument, NULL, OPT_FIRST_ONLY},
        {"tabs", required_argument, NULL, 't'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int entire_line = 0, first_only = 0, c, have_digits = 0;
    uintmax_t digits = 0;
    while ((c = se_getopt_long(argc, argv, ",0123456789at:", longopts, NULL)) != -1) {
        if (c >= '0' && c <= '9') {
            if (!have_digits) digits = 0;
            have_digits = 1;
            digits = digits * 10 + (uintmax_t)(c - '0');
            continue;
        }
        switch (c) {
        case 'a': entire_line = 1; break;
        case 't': entire_line = 1; tab_stops_parse(optarg); break;
        case OPT_FIRST_ONLY: first_only = 1; break;
        case ',':
            if (have_digits) tab_stops_add(digits);
            have_digits = 0;
            break;
        case 'h':
            printf("Usage: unexpand [OPTION]... [FILE]...\n"
                   "Convert blanks in each FILE to tabs, writing to standard output.\n\n"
                   "  -a, --all        convert all blanks, instead of just initial blanks\n"
                   "      --first-only  convert only leading sequences of blanks (overrides -a)\n"
                   "  -t, --tabs=N     have tabs N characters apart instead of 8 (enables -a)\n"
                   "  -t, --tabs=LIST  use comma separated list of tab positions\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (first_only) entire_line = 0;
    if (have_digits) tab_stops_add(digits);
    tab_stops_finish();
    input_chain in;
    chain_init(&in, argv + optind, argc - optind);
    size_t pending_cap = 256;
    char *pending_blank = xmalloc(pending_cap);
    for (;;) {
        int convert = 1, one_blank_before_stop = 0, prev_blank = 1;
        uintmax_t column = 0, next_stop = 0;
        size_t index = 0, pending = 0;
        do {
            c = chain_getc(&in);
            if (convert) {
                int blank = c == ' ' || c == '\t';
                if (blank) {
                    int past_last;
                    next_stop = tab_stops_next(column, &index, &past_last);
                    if (past_last) convert = 0;
                    if (convert) {
                        if (c == '\t') {
                            column = next_stop;
                            if (pending) pending_blank[0] = '\t';
                        } else {
                            column++;
                            if (!(prev_blank && column == next_stop)) {
                                if (column == next_stop) one_blank_before_stop = 1;
                                if (pending == pending_cap) pending_blank = xrealloc(pending_blank, pending_cap *= 2);
                                pending_blank[pending++] = (char)c;
                                prev_blank = 1;
                                continue;
                            }
                            pending_blank[0] = (char)(c = '\t');
                        }
                        pending = (size_t)one_blank_before_stop;
                    }
                } else if (c == '\b') {
                    column -= column > 0;
                    next_stop = column;
                    index -= index > 0;
                } else {
                    column++;
                }
                if (pending) {
                    if (pending > 1 && one_blank_before_stop) pending_blank[0] = '\t';
                    fwrite(pending_blank, 1, pending, stdout);
                    pending = 0;
                    one_blank_before_stop = 0;
                }
                prev_blank = blank;
                convert &= entire_line || blank;
            }
            if (c < 0) return in.status;
            putchar(c);
        } while (c != '\n');
    }
}
