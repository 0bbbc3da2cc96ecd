/*
 * seq: prints FIRST, FIRST+INCR, ... up to LAST, as GNU seq does. Non-negative
 * integer runs with a small step and no format are counted in decimal strings
 * (any size, fast); everything else is computed as FIRST + i*INCR in long
 * double (as GNU does) and printed with -f FORMAT or a default %.Pf whose
 * precision (and, with -w, width) comes from how the operands were written.
 */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_seq, "seq")

/* An operand: its value, and the width and decimals it was written with (precision INT_MAX: not fixed-point). */
struct operand {
    long double value;
    size_t width;
    int precision;
};

static int parse_number(const char *s, long double *out) {
    char *end;
    *out = strtold(s, &end);
    return end != s && *end == 0;
}

static struct operand scan_operand(const char *arg) {
    struct operand op = {0, 0, INT_MAX};
    if (!parse_number(arg, &op.value)) {
        se_warn("invalid floating point argument: '%s'", arg);
        se_usage_error(1);
    }
    if (isnan(op.value)) {
        se_warn("invalid 'not-a-number' argument: '%s'", arg);
        se_usage_error(1);
    }
    while (isspace((unsigned char)*arg) || *arg == '+') arg++;
    const char *point = strchr(arg, '.');
    if (!point && !strchr(arg, 'p')) op.precision = 0;
    if (arg[strcspn(arg, "xX")] || !isfinite(op.value)) return op;
    size_t fraction = 0;
    op.width = strlen(arg);
    if (point) {
        fraction = strcspn(point + 1, "eE");
        op.precision = (int)fraction;
        if (fraction == 0) op.width--;
        else if (point == arg || !isdigit((unsigned char)point[-1])) op.width++;
    }
    const char *e = strpbrk(arg, "eE");
    if (e) {
        long exponent = strtol(e + 1, NULL, 10);
        if (exponent < 0) op.precision += (int)-exponent;
        else op.precision -= op.precision < exponent ? op.precision : (int)exponent;
        op.width -= strlen(e);
        if (exponent < 0) {
            if (!point || e == point + 1) op.width++;
            exponent = -exponent;
        } else {
            if (point && op.precision == 0 && fraction) op.width--;
            exponent -= (long)fraction < exponent ? (long)fraction : exponent;
        }
        op.width += (size_t)exponent;
    }
    return op;
}

/* Checks that FMT has exactly one floating directive; stores the lengths of the text around it. */
static void check_format(const char *fmt, size_t *prefix, size_t *suffix) {
    size_t i = 0;
    *prefix = *suffix = 0;
    for (; !(fmt[i] == '%' && fmt[i + 1] != '%'); i += (fmt[i] == '%') + 1) {
        if (!fmt[i]) se_die(1, "format '%s' has no %% directive", fmt);
        (*prefix)++;
    }
    i++;
    i += strspn(fmt + i, "-+#0 '");
    i += strspn(fmt + i, "0123456789");
    if (fmt[i] == '.') {
        i++;
        i += strspn(fmt + i, "0123456789");
    }
    if (fmt[i] == 'L') i++;
    if (!fmt[i]) se_die(1, "format '%s' ends in %%", fmt);
    if (!strchr("efgaEFGA", fmt[i])) se_die(1, "format '%s' has unknown %%%c directive", fmt, fmt[i]);
    for (i++;; i += (fmt[i] == '%') + 1) {
        if (fmt[i] == '%' && fmt[i + 1] != '%') se_die(1, "format '%s' has too many %% directives", fmt);
        if (!fmt[i]) break;
        (*suffix)++;
    }
}

/* The user's format with an L length modifier on its directive (we print long doubles). */
static char *long_double_format(const char *fmt) {
    char *out = xmalloc(strlen(fmt) + 2);
    strcpy(out, fmt);
    char *pct = out;
    while ((pct = strchr(pct, '%')) && pct[1] == '%') pct += 2;
    char *p = pct + 1 + strspn(pct + 1, "-+#0 '0123456789.");
    if (*p != 'L') memmove(p + 1, p, strlen(p) + 1), *p = 'L';
    return out;
}

static int all_digits(const char *s) {
    return isdigit((unsigned char)s[0]) && strspn(s, "0123456789") == strlen(s);
}

/* Adds STEP to the decimal string in buf (digits right-aligned at buf+cap); returns its new start. */
static char *add_small(char *start, char *end, unsigned step) {
    while (step--) {
        char *p = end - 1;
        while (p >= start && *p == '9') *p-- = '0';
        if (p < start) *--start = '1';
        else (*p)++;
    }
    return start;
}

static int compare_decimal(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen != blen) return alen < blen ? -1 : 1;
    return memcmp(a, b, alen);
}

/* Counts from A to B (digit strings) by STEP; returns 0 when it printed nothing because A > B. */
static void count_integers(const char *a, const char *b, unsigned step, char sep) {
    while (a[0] == '0' && a[1]) a++;
    while (b[0] == '0' && b[1]) b++;
    size_t blen = strlen(b), alen = strlen(a);
    size_t cap = (alen > blen ? alen : blen) + 8;
    char *buf = xmalloc(cap);
    char *end = buf + cap, *start = end - alen;
    memcpy(start, a, alen);
    if (compare_decimal(start, alen, b, blen) > 0) return;
    for (;;) {
        fwrite(start, 1, (size_t)(end - start), stdout);
        if (ferror(stdout)) return; /* the reader is gone (EPIPE) */
        start = add_small(start, end, step);
        if (compare_decimal(start, (size_t)(end - start), b, blen) > 0) break;
        putchar(sep);
    }
    putchar('\n');
    free(buf);
}

static void print_numbers(const char *fmt, size_t prefix, size_t suffix, const char *sep, long double first,
                          long double step, long double last) {
    if (step < 0 ? first < last : last < first) return;
    char now[512], prev[512];
    long double x = first;
    for (long double i = 1;; i++) {
        long double x0 = x;
        printf(fmt, x);
        if (ferror(stdout)) return; /* the reader is gone (EPIPE) */
        x = first + i * step;
        if (step < 0 ? x < last : last < x) {
            int n = snprintf(now, sizeof now, fmt, x);
            if (n < 0 || (size_t)n >= sizeof now) break;
            now[n - suffix] = 0;
            long double value;
            if (!parse_number(now + prefix, &value) || value != last) break;
            n = snprintf(prev, sizeof prev, fmt, x0);
            if (n < 0 || (size_t)n >= sizeof prev) break;
            prev[n - suffix] = 0;
            if (strcmp(prev, now) == 0) break;
            fputs(sep, stdout);
            printf(fmt, x);
            break;
        }
        fputs(sep, stdout);
    }
    putchar('\n');
}

int main_seq(int argc, char **argv) {
    static const struct option longopts[] = {
        {"equal-width", no_argument, NULL, 'w'}, {"format", required_argument, NULL, 'f'},
        {"separator", required_argument, NULL, 's'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *format = NULL, *sep = "\n";
    int equal_width = 0;
    while (optind < argc) {
        const char *a = argv[optind];
        if (a[0] == '-' && (a[1] == '.' || isdigit((unsigned char)a[1]))) break;
        int c = se_getopt_long(argc, argv, "+f:s:w", longopts, NULL);
        if (c == -1) break;
        switch (c) {
        case 'f': format = optarg; break;
        case 's': sep = optarg; break;
        case 'w': equal_width = 1; break;
        case 'h':
            printf("Usage: seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n"
                   "  or:  seq [OPTION]... FIRST INCREMENT LAST\n"
                   "Print numbers from FIRST to LAST, in steps of INCREMENT.\n\n"
                   "  -f, --format=FORMAT      use printf style floating-point FORMAT\n"
                   "  -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n"
                   "  -w, --equal-width        equalize width by padding with leading zeroes\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    int n = argc - optind;
    if (n < 1) {
        se_warn("missing operand");
        se_usage_error(1);
    }
    if (n > 3) {
        se_warn("extra operand '%s'", argv[optind + 3]);
        se_usage_error(1);
    }
    size_t prefix = 0, suffix = 0;
    if (format) check_format(format, &prefix, &suffix);
    if (format && equal_width) {
        se_warn("format string may not be specified when printing equal width strings");
        se_usage_error(1);
    }
    char **ops = argv + optind;
    int step_ok = n != 3 || (all_digits(ops[1]) && atof(ops[1]) > 0 && atof(ops[1]) <= 200);
    if (all_digits(ops[0]) && (n == 1 || all_digits(ops[1])) && (n < 3 || (step_ok && all_digits(ops[2]))) &&
        !equal_width && !format && strlen(sep) == 1) {
        count_integers(n == 1 ? "1" : ops[0], ops[n - 1], n == 3 ? (unsigned)atoi(ops[1]) : 1, sep[0]);
        return 0;
    }
    struct operand first = {1, 1, 0}, step = {1, 1, 0}, last = scan_operand(ops[0]);
    if (n >= 2) {
        first = last;
        last = scan_operand(ops[1]);
    }
    if (n == 3) {
        step = last;
        if (step.value == 0) {
            se_warn("invalid Zero increment value: '%s'", ops[1]);
            se_usage_error(1);
        }
        last = scan_operand(ops[2]);
    }
    char buf[64];
    const char *fmt;
    if (format) {
        fmt = long_double_format(format);
    } else {
        int prec = first.precision > step.precision ? first.precision : step.precision;
        fmt = "%Lg";
        if (prec != INT_MAX && last.precision != INT_MAX) {
            if (!equal_width) {
                snprintf(buf, sizeof buf, "%%.%dLf", prec);
                fmt = buf;
            } else {
                size_t first_width = first.width + (size_t)(prec - first.precision);
                size_t last_width = last.width + (size_t)(prec - last.precision);
                if (last.precision && prec == 0) last_width--;
                if (last.precision == 0 && prec) last_width++;
                if (first.precision == 0 && prec) first_width++;
                size_t width = first_width > last_width ? first_width : last_width;
                snprintf(buf, sizeof buf, "%%0%d.%dLf", (int)width, prec);
                fmt = buf;
            }
        }
    }
    print_numbers(fmt, prefix, suffix, sep, first.value, step.value, last.value);
    return 0;
}
