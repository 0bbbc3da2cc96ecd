/*
 * timefmt.h: GNU date's strftime, with its flags and widths (%-d %_H %05e
 * %^a %#Z %3N %:z), written out here so the output is the same under glibc
 * and wasi-libc. Used by date, ls -l, stat and find.
 */
#ifndef SE_TIMEFMT_H
#define SE_TIMEFMT_H

#include <stdio.h>
#include <time.h>

/* A broken-down time with what strftime lacks: nanoseconds, zone name and offset. */
struct tf_time {
    struct tm tm;
    long nsec;
    long gmtoff;      /* seconds east of UTC */
    const char *zone; /* "UTC" */
    long long epoch;  /* seconds since the epoch, for %s */
};

/* Breaks t down in UTC (utc != 0) or local time. */
void tf_breakdown(struct tf_time *out, long long seconds, long nsec, int utc);

/* Writes fmt expanded for t to f. Unknown conversions are copied as they are, as GNU does. */
void tf_print(FILE *f, const char *fmt, const struct tf_time *t);

#endif
