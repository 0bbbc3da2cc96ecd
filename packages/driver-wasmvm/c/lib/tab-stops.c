/* tab-stops.c: parsing and walking the tab stop lists of tab-stops.h. */
#include "tab-stops.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static uintmax_t tab_size, extend_size, increment_size;
static uintmax_t *stops;
static size_t nstops;

void tab_stops_add(uintmax_t stop) {
    stops = xrealloc(stops, (nstops + 1) * sizeof *stops);
    stops[nstops++] = stop;
}

void tab_stops_parse(const char *list) {
    int have = 0, extend = 0, increment = 0, ok = 1;
    uintmax_t value = 0;
    const char *num_start = NULL;
    for (const char *s = list; *s; s++) {
        if (*s == ',' || isblank((unsigned char)*s)) {
            if (have) {
                if (extend) {
                    if (extend_size) se_warn("'/' specifier only allowed with the last value"), ok = 0;
                    extend_size = value;
                } else if (increment) {
                    if (increment_size) se_warn("'+' specifier only allowed with the last value"), ok = 0;
                    increment_size = value;
                } else {
                    tab_stops_add(value);
                }
            }
            have = 0;
        } else if (*s == '/' || *s == '+') {
            if (have) {
                se_warn("'%c' specifier not at start of number: '%s'", *s, s);
                ok = 0;
            }
            extend = *s == '/';
            increment = *s == '+';
        } else if (isdigit((unsigned char)*s)) {
            if (!have) {
                value = 0;
                have = 1;
                num_start = s;
            }
            if (value > (UINTMAX_MAX - 9) / 10) {
                se_warn("tab stop is too large '%.*s'", (int)strspn(num_start, "0123456789"), num_start);
                exit(1);
            }
            value = value * 10 + (uintmax_t)(*s - '0');
        } else {
            se_warn("tab size contains invalid character(s): '%s'", s);
            exit(1);
        }
    }
    if (ok && have) {
        if (extend) {
            if (extend_size) se_warn("'/' specifier only allowed with the last value"), ok = 0;
            extend_size = value;
        } else if (increment) {
            if (increment_size) se_warn("'+' specifier only allowed with the last value"), ok = 0;
            increment_size = value;
        } else {
            tab_stops_add(value);
        }
    }
    if (!ok) exit(1);
}

void tab_stops_finish(void) {
    uintmax_t prev = 0;
    for (size_t i = 0; i < nstops; i++) {
        if (stops[i] == 0) se_die(1, "tab size cannot be 0");
        if (stops[i] <= prev) se_die(1, "tab sizes must be ascending");
        prev = stops[i];
    }
    if (increment_size && extend_size) se_die(1, "'/' specifier is mutually exclusive with '+'");
    if (nstops == 0) tab_size = extend_size ? extend_size : increment_size ? increment_size : 8;
    else if (nstops == 1 && !extend_size && !increment_size) tab_size = stops[0];
    else tab_size = 0;
}

uintmax_t tab_stops_next(uintmax_t column, size_t *index, int *past_last) {
    *past_last = 0;
    if (tab_size) return column + (tab_size - column % tab_size);
    for (; *index < nstops; (*index)++)
        if (column < stops[*index]) return stops[*index];
    if (extend_size) return column + (extend_size - column % extend_size);
    if (increment_size) {
        uintmax_t end = stops[nstops - 1];
        return column + (increment_size - (column - end) % increment_size);
    }
    *past_last = 1;
    return 0;
}
