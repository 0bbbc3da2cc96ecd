/*
 * timefmt.c: the formatter of timefmt.h. Each conversion is rendered into
 * a small buffer either as a number (with its default width and padding)
 * or as text, then the flags and width of the directive are applied.
 */
#include "timefmt.h"

#include <ctype.h>
#include <string.h>

static const char *const day_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

void tf_breakdown(struct tf_time *out, long long seconds, long nsec, int utc) {
    time_t t = (time_t)seconds;
    memset(out, 0, sizeof *out);
    if (utc) {
        gmtime_r(&t, &out->tm);
        out->zone = "UTC";
        out->gmtoff = 0;
    } else {
        localtime_r(&t, &out->tm);
        out->gmtoff = out->tm.tm_gmtoff;
        out->zone = out->tm.tm_zone ? out->tm.tm_zone : "UTC";
    }
    out->nsec = nsec;
    out->epoch = seconds;
}

static int is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* ISO 8601 week number and week-based year. */
static void iso_week(const struct tm *tm, int *week, long *year) {
    long y = tm->tm_year + 1900L;
    int wday = (tm->tm_wday + 6) % 7; /* Monday = 0 */
    int w = (tm->tm_yday - wday + 10) / 7;
    if (w < 1) {
        y--;
        int days = is_leap(y) ? 366 : 365;
        w = (tm->tm_yday + days - wday + 10) / 7;
    } else {
        int days = is_leap(y) ? 366 : 365;
        if (tm->tm_yday - wday + 3 >= days) {
            w = 1;
            y++;
        }
    }
    *week = w;
    *year = y;
}

static void print_zone(char *buf, long off, int colons) {
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    long h = off / 3600, m = off / 60 % 60, s = off % 60;
    if (colons == 0) sprintf(buf, "%c%02ld%02ld", sign, h, m);
    else if (colons == 1) sprintf(buf, "%c%02ld:%02ld", sign, h, m);
    else if (colons == 2) sprintf(buf, "%c%02ld:%02ld:%02ld", sign, h, m, s);
    else if (s) sprintf(buf, "%c%02ld:%02ld:%02ld", sign, h, m, s);
    else if (m) sprintf(buf, "%c%02ld:%02ld", sign, h, m);
    else sprintf(buf, "%c%02ld", sign, h);
}

/* Renders a composite conversion (%c, %F...) into buf through tf_print. */
static void composite(char *buf, size_t cap, const char *fmt, const struct tf_time *t) {
    FILE *f = fmemopen(buf, cap, "w");
    if (!f) {
        buf[0] = '\0';
        return;
    }
    tf_print(f, fmt, t);
    fclose(f);
}

void tf_print(FILE *f, const char *fmt, const struct tf_time *t) {
    const struct tm *tm = &t->tm;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            putc(*p, f);
            continue;
        }
        const char *start = p++;
        char pad = 0;
        int upper = 0, swap = 0, width = -1, colons = 0;
        for (;; p++) {
            if (*p == '-' || *p == '_' || *p == '0') pad = *p;
            else if (*p == '^') upper = 1;
            else if (*p == '#') swap = 1;
            else break;
        }
        if (isdigit((unsigned char)*p)) {
            width = 0;
            while (isdigit((unsigned char)*p)) width = width * 10 + (*p++ - '0');
        }
        if (*p == 'E' || *p == 'O') p++;
        while (*p == ':' && colons < 3) {
            colons++;
            p++;
        }
        char text[128];
        long long num = 0;
        int numeric = 1, defwidth = 2;
        char defpad = '0';
        int week;
        long isoyear;
        switch (colons ? (*p == 'z' ? 'z' : 0) : *p) {
        case 'a': numeric = 0; snprintf(text, sizeof text, "%.3s", day_names[tm->tm_wday]); break;
        case 'A': numeric = 0; strcpy(text, day_names[tm->tm_wday]); break;
        case 'b': case 'h': numeric = 0; snprintf(text, sizeof text, "%.3s", month_names[tm->tm_mon]); break;
        case 'B': numeric = 0; strcpy(text, month_names[tm->tm_mon]); break;
        case 'c': numeric = 0; composite(text, sizeof text, "%a %b %e %H:%M:%S %Y", t); break;
        case 'C': num = (tm->tm_year + 1900LL) / 100; break;
        case 'd': num = tm->tm_mday; break;
        case 'D': numeric = 0; composite(text, sizeof text, "%m/%d/%y", t); break;
        case 'e': num = tm->tm_mday; defpad = ' '; break;
        case 'F': numeric = 0; composite(text, sizeof text, "%Y-%m-%d", t); break;
        case 'g': iso_week(tm, &week, &isoyear); num = isoyear % 100; break;
        case 'G': iso_week(tm, &week, &isoyear); num = isoyear; defwidth = 1; break;
        case 'H': num = tm->tm_hour; break;
        case 'I': num = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12; break;
        case 'j': num = tm->tm_yday + 1; defwidth = 3; break;
        case 'k': num = tm->tm_hour; defpad = ' '; break;
        case 'l': num = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12; defpad = ' '; break;
        case 'm': num = tm->tm_mon + 1; break;
        case 'M': num = tm->tm_min; break;
        case 'n': numeric = 0; strcpy(text, "\n"); break;
        case 'N': {
            int digits = width > 0 ? (width > 9 ? 9 : width) : 9;
            snprintf(text, sizeof text, "%09ld", t->nsec);
            text[digits] = '\0';
            numeric = 0;
            width = -1;
            pad = 0;
            break;
        }
        case 'p': numeric = 0; strcpy(text, tm->tm_hour < 12 ? "AM" : "PM"); if (swap) { swap = 0; text[0] = (char)tolower(text[0]); text[1] = (char)tolower(text[1]); } break;
        case 'P': numeric = 0; strcpy(text, tm->tm_hour < 12 ? "am" : "pm"); break;
        case 'q': num = tm->tm_mon / 3 + 1; defwidth = 1; break;
        case 'r': numeric = 0; composite(text, sizeof text, "%I:%M:%S %p", t); break;
        case 'R': numeric = 0; composite(text, sizeof text, "%H:%M", t); break;
        case 's': num = t->epoch; defwidth = 1; break;
        case 'S': num = tm->tm_sec; break;
        case 't': numeric = 0; strcpy(text, "\t"); break;
        case 'T': numeric = 0; composite(text, sizeof text, "%H:%M:%S", t); break;
        case 'u': num = tm->tm_wday ? tm->tm_wday : 7; defwidth = 1; break;
        case 'U': num = (tm->tm_yday + 7 - tm->tm_wday) / 7; break;
        case 'V': iso_week(tm, &week, &isoyear); num = week; break;
        case 'w': num = tm->tm_wday; defwidth = 1; break;
        case 'W': num = (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7; break;
        case 'x': numeric = 0; composite(text, sizeof text, "%m/%d/%y", t); break;
        case 'X': numeric = 0; composite(text, sizeof text, "%H:%M:%S", t); break;
        case 'y': num = (tm->tm_year + 1900LL) % 100; if (num < 0) num = -num; break;
        case 'Y': num = tm->tm_year + 1900LL; defwidth = 1; break;
        case 'z': numeric = 0; print_zone(text, t->gmtoff, colons); break;
        case 'Z': numeric = 0; snprintf(text, sizeof text, "%s", t->zone); if (swap) { swap = 0; for (char *q = text; *q; q++) *q = (char)tolower((unsigned char)*q); } break;
        case '%': numeric = 0; strcpy(text, "%"); break;
        default:
            /* Not a conversion: copy the directive as written. */
            if (!*p) p--;
            fwrite(start, 1, (size_t)(p - start + 1), f);
            continue;
        }
        if (numeric) {
            char digits[32];
            int neg = num < 0;
            snprintf(digits, sizeof digits, "%lld", neg ? -num : num);
            int w = width >= 0 ? width : defwidth;
            char padc = pad == '_' ? ' ' : pad == '0' ? '0' : defpad;
            if (pad == '-') w = 0;
            int len = (int)strlen(digits) + neg;
            if (padc == ' ') {
                for (int i = len; i < w; i++) putc(' ', f);
                if (neg) putc('-', f);
            } else {
                if (neg) putc('-', f);
                for (int i = len; i < w; i++) putc('0', f);
            }
            fputs(digits, f);
            continue;
        }
        if (upper || swap)
            for (char *q = text; *q; q++) *q = (char)toupper((unsigned char)*q);
        int len = (int)strlen(text);
        if (pad != '-')
            for (int i = len; i < width; i++) putc(pad == '0' ? '0' : ' ', f);
        fputs(text, f);
    }
}
