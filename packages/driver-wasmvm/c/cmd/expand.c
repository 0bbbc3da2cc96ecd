/*
 * expand: tabs to spaces, as GNU expand does: each tab becomes spaces up to
 * the next tab stop (-t N, or a list; default every 8 columns), backspace
 * steps back a column, and -i converts only tabs before the first
 * non-blank of a line. The operands are read as one stream.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/tab-stops.h"
#include "lib/text-io.h"

SE_COMMAND(main_expand, "expand")

int main_expand(int argc, char **argv) {
    static const struct option longopts[] = {
        {"initial", no_argument, NULL, 'i'}, {"tabs", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int entire_line = 1, c, have_digits = 0;
    uintmax_t digits = 0;
    while ((c = se_getopt_long(argc, argv, ",it:0123456789", longopts, NULL)) != -1) {
        if (c >= '0' && c <= '9') {
            if (!have_digits) digits = 0;
            have_digits = 1;
            digits = digits * 10 + (uintmax_t)(c - '0');
            continue;
        }
        if (have_digits) tab_stops_add(digits);
        have_digits = 0;
        switch (c) {
        case ',': break;
        case 'i': entire_line = 0; break;
        case 't': tab_stops_parse(optarg); break;
        case 'h':
            printf("Usage: expand [OPTION]... [FILE]...\n"
                   "Convert tabs in each FILE to spaces, writing to standard output.\n\n"
                   "  -i, --initial    do not convert tabs after non blanks\n"
                   "  -t, --tabs=N     have tabs N characters apart, not 8\n"
                   "  -t, --tabs=LIST  use comma separated list of tab positions\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (have_digits) tab_stops_add(digits);
    tab_stops_finish();
    input_chain in;
    chain_init(&in, argv + optind, argc - optind);
    for (;;) {
        int convert = 1;
        uintmax_t column = 0;
        size_t index = 0;
        do {
            c = chain_getc(&in);
            if (convert) {
                if (c == '\t') {
                    int past_last;
                    uintmax_t next = tab_stops_next(column, &index, &past_last);
                    if (past_last) next = column + 1;
                    while (++column < next) putchar(' ');
                    c = ' ';
                } else if (c == '\b') {
                    column -= column > 0;
                    index -= index > 0;
                } else {
                    column++;
                }
                convert &= entire_line || c == ' ' || c == '\t';
            }
            if (c < 0) return in.status;
            putchar(c);
        } while (c != '\n');
    }
}
