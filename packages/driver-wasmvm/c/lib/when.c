/*
 * when.c: the date and duration parsers of when.h. A date string is read
 * as a sequence of items (calendar date, time of day, zone, day name,
 * relative offsets); each sets fields of a small record, and the record is
 * turned into seconds at the end: absolute fields over "now", then months
 * and years added by normalization, then days, then seconds.
 */
#include "when.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct when_rec {
    int have_date, have_time, have_zone, have_dow;
    long year, mon, day;       /* mon 1..12 */
    long hour, min, sec, nsec;
    long zone;                 /* seconds east of UTC */
    int dow, dow_ordinal;      /* day of week 0..6; 0 = this, 1 = next, -1 = last */
    long rel_year, rel_mon, rel_day;
    long long rel_sec;
};

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static int days_in_month(long y, long m) {
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return n[m - 1];
}

/* Reads an unsigned decimal number; returns its digit count (0 if none). */
static int read_num(const char **p, long *v) {
    int n = 0;
    *v = 0;
    while (isdigit((unsigned char)**p)) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/* Reads a word of letters (lowercased into w); returns its length. */
static size_t read_word(const char **p, char *w, size_t cap) {
    size_t n = 0;
    while (isalpha((unsigned char)**p) || **p == '.') {
        if (**p != '.' && n + 1 < cap) w[n++] = (char)tolower((unsigned char)**p);
        (*p)++;
    }
    w[n] = '\0';
    return n;
}

/* The unit a word names, in seconds (months and years are flagged by -1 and -12). */
static long unit_of(const char *w) {
    size_t n = strlen(w);
    char u[16];
    if (n == 0 || n >= sizeof u) return 0;
    strcpy(u, w);
    if (n > 1 && u[n - 1] == 's') u[n - 1] = '\0';
    if (!strcmp(u, "year")) return -12;
    if (!strcmp(u, "month")) return -1;
    if (!strcmp(u, "fortnight")) return 14 * 86400;
    if (!strcmp(u, "week")) return 7 * 86400;
    if (!strcmp(u, "day")) return 86400;
    if (!strcmp(u, "hour")) return 3600;
    if (!strcmp(u, "minute") || !strcmp(u, "min")) return 60;
    if (!strcmp(u, "second") || !strcmp(u, "sec")) return 1;
    return 0;
}

static void add_relative(struct when_rec *r, long n, long unit) {
    if (unit == -12) r->rel_year += n;
    else if (unit == -1) r->rel_mon += n;
    else if (unit == 86400) r->rel_day += n;
    else if (unit == 7 * 86400 || unit == 14 * 86400) r->rel_day += n * (unit / 86400);
    else r->rel_sec += (long long)n * unit;
}

static int month_of(const char *w) {
    if (strlen(w) < 3) return 0;
    for (int i = 0; i < 12; i++)
        if (!strncmp(w, months[i], 3)) return i + 1;
    return 0;
}

static int day_of(const char *w) {
    if (strlen(w) < 3) return -1;
    for (int i = 0; i < 7; i++)
        if (!strncmp(w, days[i], 3)) return i;
    return -1;
}

/*
 * The zone abbreviations GNU's parse-datetime knows, with their offsets in
 * minutes east of UTC; a daylight-saving zone (dst) is an hour further east.
 */
static const struct { const char *name; short minutes; char dst; } zones[] = {
    {"gmt", 0, 0},     {"ut", 0, 0},      {"utc", 0, 0},     {"wet", 0, 0},     {"west", 0, 1},
    {"bst", 0, 1},     {"art", -180, 0},  {"brt", -180, 0},  {"brst", -180, 1}, {"nst", -210, 0},
    {"ndt", -210, 1},  {"ast", -240, 0},  {"adt", -240, 1},  {"clt", -240, 0},  {"clst", -240, 1},
    {"est", -300, 0},  {"edt", -300, 1},  {"cst", -360, 0},  {"cdt", -360, 1},  {"mst", -420, 0},
    {"mdt", -420, 1},  {"pst", -480, 0},  {"pdt", -480, 1},  {"akst", -540, 0}, {"akdt", -540, 1},
    {"hst", -600, 0},  {"hast", -600, 0}, {"hadt", -600, 1}, {"sst", -720, 0},  {"wat", 60, 0},
    {"cet", 60, 0},    {"cest", 60, 1},   {"met", 60, 0},    {"mez", 60, 0},    {"mest", 60, 1},
    {"mesz", 60, 1},   {"eet", 120, 0},   {"eest", 120, 1},  {"cat", 120, 0},   {"sast", 120, 0},
    {"eat", 180, 0},   {"msk", 180, 0},   {"msd", 180, 1},   {"ist", 330, 0},   {"sgt", 480, 0},
    {"kst", 540, 0},   {"jst", 540, 0},   {"gst", 600, 0},   {"nzst", 720, 0},  {"nzdt", 720, 1},
    {"z", 0, 0},
};

/* Whether W names a zone; its offset in seconds east of UTC goes to OFF. */
static int zone_of(const char *w, long *off) {
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (!strcmp(w, zones[i].name)) {
            *off = zones[i].minutes * 60L + (zones[i].dst ? 3600 : 0);
            return 1;
        }
    return 0;
}

/* A zone "+HH", "+HHMM" or "+HH:MM" at *p; returns 0 and the offset, or -1. */
static int read_zone(const char **p, long *off) {
    const char *q = *p;
    int sign = *q == '-' ? -1 : 1;
    q++;
    long h, m = 0;
    int n = read_num(&q, &h);
    if (n == 4) {
        m = h % 100;
        h /= 100;
    } else if (n == 1 || n == 2) {
        if (*q == ':') {
            q++;
            if (read_num(&q, &m) != 2) return -1;
        }
    } else {
        return -1;
    }
    if (h > 24 || m > 59) return -1;
    *off = sign * (h * 3600 + m * 60);
    *p = q;
    return 0;
}

/* A time of day at *p ("HH:MM[:SS[.frac]]", then am/pm and a zone); returns 0 or -1. */
static int read_time(const char **p, struct when_rec *r) {
    const char *q = *p;
    long h, m, s = 0, ns = 0;
    if (!read_num(&q, &h) || *q != ':') return -1;
    q++;
    if (read_num(&q, &m) != 2) return -1;
    if (*q == ':') {
        q++;
        if (read_num(&q, &s) != 2) return -1;
        if (*q == '.' || *q == ',') {
            q++;
            int digits = 0;
            while (isdigit((unsigned char)*q)) {
                if (digits < 9) ns = ns * 10 + (*q - '0');
                digits++;
                q++;
            }
            if (!digits) return -1;
            for (; digits < 9; digits++) ns *= 10;
        }
    }
    const char *z = q;
    while (*z == ' ') z++;
    if (!strncasecmp(z, "am", 2) && !isalpha((unsigned char)z[2])) {
        if (h < 1 || h > 12) return -1;
        h %= 12;
        q = z + 2;
    } else if (!strncasecmp(z, "pm", 2) && !isalpha((unsigned char)z[2])) {
        if (h < 1 || h > 12) return -1;
        h = h % 12 + 12;
        q = z + 2;
    }
    if (h > 23 || m > 59 || s > 59) return -1;
    r->hour = h;
    r->min = m;
    r->sec = s;
    r->nsec = ns;
    r->have_time = 1;
    z = q;
    while (*z == ' ') z++;
    if ((*z == '+' || *z == '-') && isdigit((unsigned char)z[1])) {
        const char *after = z;
        long off;
        if (read_zone(&after, &off) == 0) {
            const char *w = after;
            while (*w == ' ') w++;
            char word[32];
            const char *wp = w;
            read_word(&wp, word, sizeof word);
            if (!unit_of(word)) {
                r->zone = off;
                r->have_zone = 1;
                q = after;
            }
        }
    }
    *p = q;
    return 0;
}

static int set_date_digits(struct when_rec *r, long y, long m, long d, int year_digits);

static int set_date(struct when_rec *r, long y, long m, long d) {
    return set_date_digits(r, y, m, d, 4);
}

static int set_date_digits(struct when_rec *r, long y, long m, long d, int year_digits) {
    /* Two-digit years: 69-99 are 19xx, 00-68 are 20xx, as POSIX and GNU have it. */
    if (year_digits <= 2) y += y < 69 ? 2000 : 1900;
    if (r->have_date || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return -1;
    r->year = y;
    r->mon = m;
    r->day = d;
    r->have_date = 1;
    return 0;
}

static int parse_items(const char *s, struct when_rec *r) {
    const char *p = s;
    int pending_month = 0; /* a month name waiting for its day/year */
    long pending_day = -1;
    int ago_target = 0;    /* relative items seen since the last "ago" */
    struct when_rec before = *r;
    for (;;) {
        while (isspace((unsigned char)*p) || *p == ',') p++;
        if (!*p) break;
        const char *q = p;
        char word[32];
        if (isalpha((unsigned char)*p)) {
            read_word(&q, word, sizeof word);
            long unit;
            int v;
            if (!strcmp(word, "now") || !strcmp(word, "today")) {
            } else if (!strcmp(word, "yesterday")) {
                r->rel_day -= 1;
            } else if (!strcmp(word, "tomorrow")) {
                r->rel_day += 1;
            } else if (!strcmp(word, "ago")) {
                if (!ago_target) return -1;
                r->rel_year = before.rel_year - (r->rel_year - before.rel_year);
                r->rel_mon = before.rel_mon - (r->rel_mon - before.rel_mon);
                r->rel_day = before.rel_day - (r->rel_day - before.rel_day);
                r->rel_sec = before.rel_sec - (r->rel_sec - before.rel_sec);
                ago_target = 0;
            } else if (zone_of(word, &r->zone)) {
                /* A zone name, maybe with an offset from it ("UTC+3", "EST-0100"). */
                if (r->have_zone) return -1;
                r->have_zone = 1;
                long off;
                if ((*q == '+' || *q == '-') && isdigit((unsigned char)q[1]) && read_zone(&q, &off) == 0) r->zone += off;
            } else if (!strcmp(word, "next") || !strcmp(word, "last") || !strcmp(word, "this")) {
                int n = word[0] == 'n' ? 1 : word[0] == 'l' ? -1 : 0;
                while (isspace((unsigned char)*q)) q++;
                char w2[32];
                read_word(&q, w2, sizeof w2);
                if ((unit = unit_of(w2)) != 0) {
                    before = *r;
                    add_relative(r, n, unit);
                    ago_target = 1;
                } else if ((v = day_of(w2)) >= 0 && !r->have_dow) {
                    r->have_dow = 1;
                    r->dow = v;
                    r->dow_ordinal = n;
                } else {
                    return -1;
                }
            } else if ((unit = unit_of(word)) != 0) {
                before = *r;
                add_relative(r, 1, unit);
                ago_target = 1;
            } else if ((v = month_of(word)) != 0) {
                if (pending_month || r->have_date) return -1;
                pending_month = v;
            } else if ((v = day_of(word)) >= 0) {
                if (r->have_dow) return -1;
                r->have_dow = 1;
                r->dow = v;
            } else {
                return -1;
            }
            p = q;
            continue;
        }
        int sign = 0;
        if (*q == '+' || *q == '-') {
            sign = *q == '-' ? -1 : 1;
            q++;
            while (isspace((unsigned char)*q)) q++;
        }
        if (!isdigit((unsigned char)*q)) return -1;
        const char *numstart = q;
        long a;
        int na = read_num(&q, &a);
        if (!sign && *q == ':') {
            if (r->have_time) return -1;
            q = numstart;
            if (read_time(&q, r) != 0) return -1;
            p = q;
            continue;
        }
        if (!sign && na <= 2 && *q == '-' && isalpha((unsigned char)q[1])) {
            /* "15-Jan-2024" (or "15-Jan"): day, month name, then the year as a negative number, as GNU reads it. */
            const char *mq = q + 1;
            read_word(&mq, word, sizeof word);
            int m = month_of(word);
            if (!m) return -1;
            long y = -1;
            int ny = 0;
            if (*mq == '-' && isdigit((unsigned char)mq[1])) {
                mq++;
                ny = read_num(&mq, &y);
            }
            if (ny ? set_date_digits(r, y, m, a, ny) : (r->have_date || pending_month)) return -1;
            if (!ny) {
                pending_month = m;
                pending_day = a;
            }
            p = mq;
            continue;
        }
        if (!sign && *q == '-' && isdigit((unsigned char)q[1])) {
            long m, d;
            q++;
            if (!read_num(&q, &m) || *q != '-') return -1;
            q++;
            if (!read_num(&q, &d) || set_date_digits(r, a, m, d, na)) return -1;
            if (*q == 'T' || *q == 't') {
                q++;
                if (read_time(&q, r) != 0) return -1;
            }
            p = q;
            continue;
        }
        if (!sign && *q == '/') {
            long b, c;
            q++;
            if (!read_num(&q, &b)) return -1;
            if (*q == '/') {
                q++;
                const char *year_start = q;
                if (!read_num(&q, &c)) return -1;
                if (na == 4 ? set_date(r, a, b, c) : set_date_digits(r, c, a, b, (int)(q - year_start))) return -1;
            } else {
                return -1;
            }
            p = q;
            continue;
        }
        if (!sign && (!strncasecmp(q, "am", 2) || !strncasecmp(q, "pm", 2)) && !isalpha((unsigned char)q[2])) {
            if (r->have_time || a < 1 || a > 12) return -1;
            r->hour = a % 12 + (tolower((unsigned char)q[0]) == 'p' ? 12 : 0);
            r->min = r->sec = r->nsec = 0;
            r->have_time = 1;
            p = q + 2;
            continue;
        }
        /* A number followed by a unit is relative. */
        const char *w = q;
        while (isspace((unsigned char)*w)) w++;
        const char *wend = w;
        read_word(&wend, word, sizeof word);
        long unit = unit_of(word);
        if (unit) {
            before = *r;
            add_relative(r, sign < 0 ? -a : a, unit);
            ago_target = 1;
            p = wend;
            continue;
        }
        if (sign) return -1;
        if (pending_month) {
            if (pending_day < 0 && na <= 2) {
                pending_day = a;
            } else if (pending_day >= 0) {
                if (set_date(r, a, pending_month, pending_day)) return -1;
                pending_month = 0;
            } else {
                return -1;
            }
            p = q;
            continue;
        }
        if (na == 8 && !r->have_date) {
            if (set_date(r, a / 10000, a / 100 % 100, a % 100)) return -1;
            p = q;
            continue;
        }
        if (na <= 2 && pending_day < 0 && !r->have_date) {
            /* "15 Jan 2024": a day before the month name. */
            const char *mq = q;
            while (isspace((unsigned char)*mq)) mq++;
            read_word(&mq, word, sizeof word);
            int m = month_of(word);
            if (m) {
                pending_month = m;
                pending_day = a;
                p = mq;
                continue;
            }
        }
        if (na <= 4 && !r->have_time) {
            /* A bare number of up to four digits is a time of day: HH or HHMM, as GNU reads it. */
            long h = na <= 2 ? a : a / 100, m = na <= 2 ? 0 : a % 100;
            if (h > 23 || m > 59) return -1;
            r->hour = h;
            r->min = m;
            r->sec = r->nsec = 0;
            r->have_time = 1;
            p = q;
            continue;
        }
        return -1;
    }
    if (pending_month) {
        if (pending_day < 0) return -1;
        /* "Jan 15": this year, filled in by the caller. */
        r->mon = pending_month;
        r->day = pending_day;
        r->year = -1;
        r->have_date = 2;
    }
    return 0;
}

int when_parse_date(const char *s, int utc, struct timespec *out) {
    while (isspace((unsigned char)*s)) s++;
    if (*s == '@') {
        char *end;
        errno = 0;
        double v = strtod(s + 1, &end);
        while (isspace((unsigned char)*end)) end++;
        if (end == s + 1 || *end || errno || !isfinite(v)) return -1;
        double whole = floor(v);
        out->tv_sec = (time_t)whole;
        out->tv_nsec = (long)((v - whole) * 1e9 + 0.5);
        if (out->tv_nsec >= 1000000000L) {
            out->tv_sec++;
            out->tv_nsec -= 1000000000L;
        }
        /* Keep the exact digits of a decimal fraction (strtod rounds). */
        const char *dot = strchr(s + 1, '.');
        if (dot && v >= 0) {
            long ns = 0;
            int d = 0;
            for (const char *q = dot + 1; isdigit((unsigned char)*q); q++, d++)
                if (d < 9) ns = ns * 10 + (*q - '0');
            for (; d < 9; d++) ns *= 10;
            out->tv_nsec = ns;
            out->tv_sec = (time_t)whole;
        }
        return 0;
    }
    struct when_rec r;
    memset(&r, 0, sizeof r);
    if (parse_items(s, &r) != 0) return -1;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    time_t now_s = now.tv_sec;
    struct tm tm;
    if (utc || r.have_zone) gmtime_r(&now_s, &tm);
    else localtime_r(&now_s, &tm);
    long nsec = now.tv_nsec;
    if (r.have_date) {
        if (r.have_date == 2) {
            if (r.day > days_in_month(tm.tm_year + 1900L, r.mon)) return -1;
        } else {
            tm.tm_year = (int)(r.year - 1900);
        }
        tm.tm_mon = (int)(r.mon - 1);
        tm.tm_mday = (int)r.day;
    }
    if (r.have_time) {
        tm.tm_hour = (int)r.hour;
        tm.tm_min = (int)r.min;
        tm.tm_sec = (int)r.sec;
        nsec = r.nsec;
    } else if (r.have_date || r.have_dow) {
        tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
        nsec = 0;
    }
    if (r.have_dow && !r.have_date) {
        /* A day name moves the date only when no calendar date was given ("Mon, 15 Jan 2024"). */
        int delta = (r.dow - tm.tm_wday + 7) % 7;
        if (r.dow_ordinal > 0 && delta == 0) delta = 7;
        if (r.dow_ordinal < 0) delta = delta ? delta - 7 : -7;
        tm.tm_mday += delta;
    }
    tm.tm_year += (int)r.rel_year;
    tm.tm_mon += (int)r.rel_mon;
    tm.tm_mday += (int)r.rel_day;
    tm.tm_isdst = -1;
    long long t;
    if (utc || r.have_zone) t = (long long)timegm(&tm) - (r.have_zone ? r.zone : 0);
    else t = (long long)mktime(&tm);
    out->tv_sec = (time_t)(t + r.rel_sec);
    out->tv_nsec = nsec;
    return 0;
}

int when_parse_duration(const char *s, double *seconds) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || (errno == ERANGE && v != HUGE_VAL)) return -1;
    double mult = 1;
    if (*end) {
        switch (*end) {
        case 's': mult = 1; break;
        case 'm': mult = 60; break;
        case 'h': mult = 3600; break;
        case 'd': mult = 86400; break;
        default: return -1;
        }
        if (end[1]) return -1;
    }
    if (isnan(v) || v < 0) return -1;
    *seconds = v * mult;
    return 0;
}

int when_sleep(double seconds) {
    while (seconds > 0) {
        double chunk = seconds > 86400.0 ? 86400.0 : seconds;
        struct timespec ts;
        ts.tv_sec = (time_t)chunk;
        ts.tv_nsec = (long)((chunk - (double)ts.tv_sec) * 1e9);
        while (nanosleep(&ts, &ts) != 0) {
            if (errno != EINTR) return -1;
        }
        if (!isinf(seconds)) seconds -= chunk;
    }
    return 0;
}
