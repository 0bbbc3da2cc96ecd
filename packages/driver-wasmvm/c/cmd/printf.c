/*
 * printf: GNU coreutils printf. The format is reused while arguments remain
 * (as long as it consumes any); missing arguments read as "" or 0. Numbers
 * may be C constants (0x1F, 010) or 'c for a character code; a bad number
 * is reported, printed as far as it parsed, and makes the exit status 1.
 * Escapes: \" \\ \a \b \c \e \f \n \r \t \v \NNN \xHH \uHHHH \UHHHHHHHH;
 * %b takes \0NNN; \c ends all output. Floating conversions use long double,
 * as GNU's do (80-bit on x86, 128-bit under WASI).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_printf, "printf")

static int exit_status;

static int hex_digit(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Prints code point U as UTF-8 would need a UTF-8 locale; in the C locale only ASCII prints as itself. */
static void print_unicode(unsigned u, int letter, int digits) {
    if (u < 0x80) putchar((int)u);
    else printf("\\%c%0*X", letter, digits, u);
}

/* Prints the escape at S (just after the backslash); returns the bytes consumed after the backslash. */
static size_t print_escape(const char *s, int octal_zero) {
    const char *p = s;
    if (*p == 'x') {
        int v = 0, n = 0;
        for (p++; n < 2 && hex_digit((unsigned char)*p) >= 0; n++, p++) v = v * 16 + hex_digit((unsigned char)*p);
        if (n == 0) se_die(1, "missing hexadecimal number in escape");
        putchar(v);
    } else if (*p >= '0' && *p <= '7') {
        int v = 0, n = 0;
        if (octal_zero && *p == '0') p++;
        for (; n < 3 && *p >= '0' && *p <= '7'; n++, p++) v = v * 8 + (*p - '0');
        putchar(v);
    } else if (*p == 'u' || *p == 'U') {
        int letter = *p++, digits = letter == 'u' ? 4 : 8;
        unsigned v = 0;
        for (int n = 0; n < digits; n++, p++) {
            if (hex_digit((unsigned char)*p) < 0) se_die(1, "missing hexadecimal number in escape");
            v = v * 16 + (unsigned)hex_digit((unsigned char)*p);
        }
        if ((v < 0xA0 && v != '$' && v != '@' && v != '`') || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
            se_die(1, "invalid universal character name \\%c%0*X", letter, digits, v);
        print_unicode(v, letter, digits);
    } else if (*p && strchr("\"\\abcefnrtv", *p)) {
        static const char from[] = "abefnrtv", to[] = "\a\b\033\f\n\r\t\v";
        if (*p == 'c') exit(se_flush_stdout());
        const char *at = strchr(from, *p);
        putchar(at ? to[at - from] : *p);
        p++;
    } else {
        putchar('\\');
        if (*p) putchar(*p++);
    }
    return (size_t)(p - s);
}

static void print_escaped_string(const char *s) {
    while (*s) {
        if (*s == '\\') s += 1 + print_escape(s + 1, 1);
        else putchar(*s++);
    }
}

/* Reports a number that did not parse fully, the GNU way. */
static void check_number(const char *s, const char *end) {
    if (end == s) errno = 0; /* musl sets EINVAL when nothing converts; glibc and GNU printf do not */
    if (errno) {
        se_warn("'%s': %s", s, strerror(errno));
        exit_status = 1;
    } else if (*end) {
        se_warn(s == end ? "'%s': expected a numeric value" : "'%s': value not completely converted", s);
        exit_status = 1;
    }
}

/* A leading ' or " makes the value the next character's code. */
static int character_constant(const char *s, uintmax_t *value) {
    if ((*s != '\'' && *s != '"') || !s[1]) return 0;
    *value = (unsigned char)s[1];
    if (s[2]) se_warn("warning: %s: character(s) following character constant have been ignored", s + 2);
    return 1;
}

static intmax_t signed_arg(const char *s) {
    uintmax_t c;
    if (character_constant(s, &c)) return (intmax_t)c;
    char *end;
    errno = 0;
    intmax_t v = strtoimax(s, &end, 0);
    check_number(s, end);
    return v;
}

static uintmax_t unsigned_arg(const char *s) {
    uintmax_t c;
    if (character_constant(s, &c)) return c;
    char *end;
    errno = 0;
    uintmax_t v = strtoumax(s, &end, 0);
    check_number(s, end);
    return v;
}

static long double float_arg(const char *s) {
    uintmax_t c;
    if (character_constant(s, &c)) return (long double)c;
    char *end;
    errno = 0;
    long double v = strtold(s, &end);
    check_number(s, end);
    if (v != v && s[strspn(s, " \t\n")] == '-' && !signbit(v)) v = -v; /* musl drops the sign of "-nan" */
    return v;
}

/*
 * One % directive, already split: SPEC holds '%', flags, width and precision
 * (with '*' where the values come from WIDTH and PRECISION).
 */
struct directive {
    char spec[64];
    size_t len;
    int conversion;
    int has_width, width;
    int has_precision, precision;
};

static void print_directive(const struct directive *d, const char *arg) {
    char fmt[80];
    memcpy(fmt, d->spec, d->len);
    size_t n = d->len;
    if (strchr("diouxX", d->conversion)) fmt[n++] = 'j';
    else if (strchr("aAeEfFgG", d->conversion)) fmt[n++] = 'L';
    fmt[n++] = (char)d->conversion;
    fmt[n] = 0;
    int w = d->width, p = d->precision;
#define PRINT_WITH(value)                                              \
    do {                                                               \
        if (d->has_width && d->has_precision) printf(fmt, w, p, value); \
        else if (d->has_width) printf(fmt, w, value);                  \
        else if (d->has_precision) printf(fmt, p, value);              \
        else printf(fmt, value);                                       \
    } while (0)
    switch (d->conversion) {
    case 'd': case 'i': { intmax_t v = signed_arg(arg); PRINT_WITH(v); break; }
    case 'o': case 'u': case 'x': case 'X': { uintmax_t v = unsigned_arg(arg); PRINT_WITH(v); break; }
    case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        long double v = float_arg(arg);
        PRINT_WITH(v);
        break;
    }
    case 'c': { int v = (unsigned char)arg[0]; PRINT_WITH(v); break; }
    case 's': PRINT_WITH(arg); break;
    }
#undef PRINT_WITH
}

/* Whether conversion C may follow the flags in FLAGS (GNU rejects e.g. %#d and %0s). */
static int conversion_allowed(int c, const char *flags, int has_precision) {
    if (!c || !strchr("aAcdeEfFgGiosuxX", c)) return 0;
    if (strpbrk(flags, "'I") && strchr("aAceEosxX", c)) return 0;
    if (strchr(flags, '#') && strchr("cdisu", c)) return 0;
    if (strchr(flags, '0') && strchr("cs", c)) return 0;
    if (has_precision && c == 'c') return 0;
    return 1;
}

/* Reads a '*' value from the next argument; GNU stops on values beyond int. */
static int star_value(const char *arg, const char *what, int is_precision) {
    intmax_t v = signed_arg(arg);
    if (is_precision && v < 0) return -1;
    if (v < INT_MIN || v > INT_MAX) se_die(1, "invalid %s: '%s'", what, arg);
    return (int)v;
}

/* Prints FORMAT once with the arguments in ARGV; returns how many it used. */
static int print_format(const char *format, int argc, char **argv) {
    int used = 0;
#define NEXT_ARG() (used < argc ? argv[used++] : (used++, (const char *)""))
    for (const char *f = format; *f; f++) {
        if (*f == '\\') {
            f += print_escape(f + 1, 0);
            continue;
        }
        if (*f != '%') {
            putchar(*f);
            continue;
        }
        const char *start = f++;
        if (*f == '%') {
            putchar('%');
            continue;
        }
        if (*f == 'b' || *f == 'q') {
            const char *arg = used < argc ? argv[used] : NULL;
            used++;
            if (arg && *f == 'b') print_escaped_string(arg);
            else if (arg) shell_quote(arg, stdout);
            continue;
        }
        struct directive d = {.spec = "%", .len = 1};
        char flags[16];
        size_t nflags = 0;
        for (; *f && strchr("'I-+ #0", *f); f++) {
            if (nflags + 1 < sizeof flags) flags[nflags++] = *f;
            if (*f != 'I' && d.len < 20) d.spec[d.len++] = *f;
        }
        flags[nflags] = 0;
        if (*f == '*') {
            f++;
            d.spec[d.len++] = '*';
            d.has_width = 1;
            d.width = used < argc ? star_value(argv[used], "field width", 0) : 0;
            used++;
        } else {
            for (; *f >= '0' && *f <= '9'; f++)
                if (d.len < 40) d.spec[d.len++] = *f;
        }
        if (*f == '.') {
            f++;
            d.spec[d.len++] = '.';
            if (*f == '*') {
                f++;
                d.spec[d.len++] = '*';
                d.has_precision = 1;
                d.precision = used < argc ? star_value(argv[used], "precision", 1) : 0;
                used++;
            } else {
                for (; *f >= '0' && *f <= '9'; f++)
                    if (d.len < 60) d.spec[d.len++] = *f;
            }
        }
        while (*f && strchr("lLhjtz", *f)) f++;
        int has_dot = strchr(d.spec, '.') != NULL;
        if (!conversion_allowed((unsigned char)*f, flags, has_dot)) {
            int speclen = (int)(f - start) + (*f ? 1 : 0);
            se_die(1, "%.*s: invalid conversion specification", speclen, start);
        }
        d.conversion = *f;
        print_directive(&d, NEXT_ARG());
    }
#undef NEXT_ARG
    return used < argc ? used : argc;
}

int main_printf(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        printf("Usage: printf FORMAT [ARGUMENT]...\n"
               "Print ARGUMENT(s) according to FORMAT, reusing FORMAT while arguments remain.\n"
               "Conversions: %%d %%i %%o %%u %%x %%X %%f %%F %%e %%E %%g %%G %%a %%A %%c %%s %%b %%q %%%%\n");
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) se_version(0);
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) first = 2;
    if (argc <= first) {
        se_warn("missing operand");
        se_usage_error(1);
    }
    const char *format = argv[first];
    argc -= first + 1;
    argv += first + 1;
    int used;
    do {
        used = print_format(format, argc, argv);
        argc -= used;
        argv += used;
    } while (used > 0 && argc > 0);
    if (argc > 0) se_warn("warning: ignoring excess arguments, starting with '%s'", argv[0]);
    return exit_status;
}
