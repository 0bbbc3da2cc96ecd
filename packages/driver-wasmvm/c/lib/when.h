/*
 * when.h: the date strings of `date -d` and `touch -d`, and the durations
 * of sleep and timeout.
 */
#ifndef SE_WHEN_H
#define SE_WHEN_H

#include <time.h>

/*
 * Parses a date the way GNU's parse_datetime does for the forms scripts use:
 * "@EPOCH[.frac]"; a calendar date "YYYY-MM-DD", "YYYY/MM/DD", "MM/DD/YYYY",
 * "YYYYMMDD", "Jan 15 2024", "15 Jan 2024" (two-digit years: 69-99 are
 * 19xx, 00-68 are 20xx); a time "HH:MM[:SS[.frac]]" or
 * "10am", after a space or "T", with an optional zone "Z", "UTC", "GMT",
 * "+HH:MM", "+HHMM"; the words now, today, yesterday, tomorrow, day names
 * with next/last; relative items "[+-]N unit [ago]" and "next/last unit"
 * (units year, month, fortnight, week, day, hour, minute/min, second/sec,
 * singular or plural). Relative to now; local time unless a zone is given
 * or utc is set. Returns 0, or -1 when the string is not a valid date.
 */
int when_parse_date(const char *s, int utc, struct timespec *out);

/*
 * Parses a duration "NUMBER[SUFFIX]": a decimal or hex floating-point
 * number or "inf"/"infinity", times 1, 60, 3600 or 86400 for the suffix s,
 * m, h or d. Returns 0, or -1 for anything else, a negative value included.
 */
int when_parse_duration(const char *s, double *seconds);

/* Sleeps for seconds (fractions allowed; very large values sleep "forever"). Returns 0 or -1. */
int when_sleep(double seconds);

#endif
