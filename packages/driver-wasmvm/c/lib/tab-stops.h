/*
 * tab-stops.h: the -t tab stop lists of expand and unexpand, as GNU parses
 * them: one size (every N columns), or ascending stops separated by commas
 * or blanks, the last optionally "/N" (then every N) or "+N" (then every N
 * after the last stop).
 */
#ifndef SE_TAB_STOPS_H
#define SE_TAB_STOPS_H

#include <stddef.h>
#include <stdint.h>

/* Adds the stops in LIST; exits with GNU's message when it is malformed. */
void tab_stops_parse(const char *list);
/* Adds one stop (from the obsolete -N form). */
void tab_stops_add(uintmax_t stop);
/* Validates the stops and settles the defaults (every 8 columns when none were given). */
void tab_stops_finish(void);
/*
 * The column of the next tab stop after COLUMN; *index walks the explicit
 * list. Sets *past_last when COLUMN is beyond the last stop of a plain list.
 */
uintmax_t tab_stops_next(uintmax_t column, size_t *index, int *past_last);

#endif
