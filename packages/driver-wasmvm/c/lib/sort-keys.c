/*
 * sort-keys.c: key extraction and comparison for sort, following GNU sort's
 * begfield/limfield rules (a blank-separated field includes its leading
 * blanks; -b skips them) and its numeric rules: -n reads an optional '-',
 * digits and a fraction with no exponent or thousands separators; -h adds
 * one SI suffix whose order wins over the number; -g reads C floats, with
 * non-numbers first and NaNs next.
 */
#include "sort-keys.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common.h"
#include "version-compare.h"

static struct sort_order order;
static uint64_t random_seed;
static unsigned char blank_table[256], nondictionary_table[256], nonprinting_table[256];

static void init_tables(void) {
    static int done;
    if (done) return;
    done = 1;
    for (int c = 0; c < 256; c++) {
        blank_table[c] = isblank(c) || c == '\n';
        nondictionary_table[c] = !isalnum(c) && !blank_table[c];
        nonprinting_table[c] = !isprint(c);
    }
}

const unsigned char *sort_nondictionary(void) {
    init_tables();
    return nondictionary_table;
}

const unsigned char *sort_nonprinting(void) {
    init_tables();
    return nonprinting_table;
}

const char *sort_key_options(const char *s, struct sort_key *key, int blanks) {
    for (;; s++) {
        switch (*s) {
        case 'b':
            if (blanks & 1) key->skip_start_blanks = 1;
            if (blanks & 2) key->skip_end_blanks = 1;
            break;
        case 'd': key->ignore = sort_nondictionary(); break;
        case 'f': key->fold = 1; break;
        case 'g': key->general_numeric = 1; break;
        case 'h': key->human_numeric = 1; break;
        case 'i':
            if (!key->ignore) key->ignore = sort_nonprinting();
            break;
        case 'M': key->month = 1; break;
        case 'n': key->numeric = 1; break;
        case 'R': key->random = 1; break;
        case 'r': key->reverse = 1; break;
        case 'V': key->version = 1; break;
        default: return s;
        }
    }
}

static _Noreturn void bad_spec(const char *why, const char *spec) {
    se_die(2, "%s: invalid field specification '%s'", why, spec);
}

/* Reads a decimal count; values too large saturate, as GNU does. */
static const char *parse_field_count(const char *s, size_t *out, const char *why) {
    if (!isdigit((unsigned char)*s)) se_die(2, "%s: invalid count at start of '%s'", why, s);
    size_t v = 0;
    for (; isdigit((unsigned char)*s); s++) v = v > (SIZE_MAX - 9) / 10 ? SIZE_MAX : v * 10 + (size_t)(*s - '0');
    *out = v;
    return s;
}

void sort_key_parse(const char *spec, struct sort_key *key) {
    memset(key, 0, sizeof *key);
    const char *s = parse_field_count(spec, &key->sword, "invalid number at field start");
    if (key->sword-- == 0) bad_spec("field number is zero", spec);
    if (*s == '.') {
        s = parse_field_count(s + 1, &key->schar, "invalid number after '.'");
        if (key->schar-- == 0) bad_spec("character offset is zero", spec);
    }
    s = sort_key_options(s, key, 1);
    if (*s != ',') {
        key->eword = SIZE_MAX;
        key->echar = 0;
    } else {
        s = parse_field_count(s + 1, &key->eword, "invalid number after ','");
        if (key->eword-- == 0) bad_spec("field number is zero", spec);
        if (*s == '.') s = parse_field_count(s + 1, &key->echar, "invalid number after '.'");
        s = sort_key_options(s, key, 2);
    }
    if (*s) bad_spec("stray character in field spec", spec);
}

int sort_key_is_default(const struct sort_key *k) {
    return !(k->ignore || k->fold || k->skip_start_blanks || k->skip_end_blanks || k->numeric ||
             k->general_numeric || k->human_numeric || k->month || k->version || k->random);
}

void sort_key_check_compatible(const struct sort_key *k) {
    int modes = k->numeric + k->general_numeric + k->human_numeric + k->month + (k->version | k->random | !!k->ignore);
    if (modes <= 1) return;
    char opts[16], *p = opts;
    if (k->ignore == nondictionary_table) *p++ = 'd';
    if (k->fold) *p++ = 'f';
    if (k->general_numeric) *p++ = 'g';
    if (k->human_numeric) *p++ = 'h';
    if (k->ignore == nonprinting_table) *p++ = 'i';
    if (k->month) *p++ = 'M';
    if (k->numeric) *p++ = 'n';
    if (k->random) *p++ = 'R';
    if (k->version) *p++ = 'V';
    *p = 0;
    se_die(2, "options '-%s' are incompatible", opts);
}

void sort_set_order(const struct sort_order *o) {
    init_tables();
    order = *o;
    random_seed = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ull ^ (uint64_t)(uintptr_t)&order;
}

/* Start of KEY in the line [p, lim). */
static const char *key_begin(const char *p, const char *lim, const struct sort_key *key) {
    size_t sword = key->sword;
    if (order.tab != SORT_TAB_BLANKS) {
        while (p < lim && sword--) {
            while (p < lim && *p != order.tab) p++;
            if (p < lim) p++;
        }
    } else {
        while (p < lim && sword--) {
            while (p < lim && blank_table[(unsigned char)*p]) p++;
            while (p < lim && !blank_table[(unsigned char)*p]) p++;
        }
    }
    if (key->skip_start_blanks)
        while (p < lim && blank_table[(unsigned char)*p]) p++;
    return (size_t)(lim - p) < key->schar ? lim : p + key->schar;
}

/* End of KEY in the line [p, lim). */
static const char *key_limit(const char *p, const char *lim, const struct sort_key *key) {
    size_t eword = key->eword, echar = key->echar;
    if (echar == 0) eword++;
    if (order.tab != SORT_TAB_BLANKS) {
        while (p < lim && eword--) {
            while (p < lim && *p != order.tab) p++;
            if (p < lim && (eword || echar)) p++;
        }
    } else {
        while (p < lim && eword--) {
            while (p < lim && blank_table[(unsigned char)*p]) p++;
            while (p < lim && !blank_table[(unsigned char)*p]) p++;
        }
    }
    if (echar != 0) {
        if (key->skip_end_blanks)
            while (p < lim && blank_table[(unsigned char)*p]) p++;
        p = (size_t)(lim - p) < echar ? lim : p + echar;
    }
    return p;
}

/* A number as -n reads it: sign, integer digits without leading zeros, fraction without trailing zeros. */
struct plain_number {
    int negative;
    const char *int_digits, *frac_digits;
    size_t int_len, frac_len;
    const char *end;
};

static void read_number(const char *p, const char *lim, struct plain_number *n) {
    while (p < lim && blank_table[(unsigned char)*p]) p++;
    n->negative = p < lim && *p == '-';
    if (n->negative) p++;
    while (p < lim && *p == '0') p++;
    n->int_digits = p;
    while (p < lim && isdigit((unsigned char)*p)) p++;
    n->int_len = (size_t)(p - n->int_digits);
    n->frac_digits = p;
    n->frac_len = 0;
    if (p < lim && *p == '.') {
        n->frac_digits = ++p;
        while (p < lim && isdigit((unsigned char)*p)) p++;
        n->frac_len = (size_t)(p - n->frac_digits);
    }
    n->end = p;
    while (n->frac_len > 0 && n->frac_digits[n->frac_len - 1] == '0') n->frac_len--;
    if (n->int_len == 0 && n->frac_len == 0) n->negative = 0;
}

static int compare_magnitude(const struct plain_number *a, const struct plain_number *b) {
    if (a->int_len != b->int_len) return a->int_len < b->int_len ? -1 : 1;
    int c = memcmp(a->int_digits, b->int_digits, a->int_len);
    if (c) return c;
    size_t n = a->frac_len < b->frac_len ? a->frac_len : b->frac_len;
    c = memcmp(a->frac_digits, b->frac_digits, n);
    if (c) return c;
    return a->frac_len < b->frac_len ? -1 : a->frac_len > b->frac_len;
}

static int compare_numbers(const struct plain_number *a, const struct plain_number *b) {
    if (a->negative != b->negative) return a->negative ? -1 : 1;
    int c = compare_magnitude(a, b);
    return a->negative ? -c : c;
}

static int numeric_compare(const char *a, const char *alim, const char *b, const char *blim) {
    struct plain_number x, y;
    read_number(a, alim, &x);
    read_number(b, blim, &y);
    return compare_numbers(&x, &y);
}

/* SI suffix order for -h: none 0, k/K 1, M 2, ... Q 10; negative numbers negate it. */
static int unit_order(const struct plain_number *n, const char *lim) {
    static const char units[] = "KMGTPEZYRQ";
    int order_ = 0;
    if ((n->int_len || n->frac_len) && n->end < lim) {
        char c = *n->end == 'k' ? 'K' : *n->end;
        const char *at = c ? strchr(units, c) : NULL;
        if (at) order_ = (int)(at - units) + 1;
    }
    return n->negative ? -order_ : order_;
}

static int human_compare(const char *a, const char *alim, const char *b, const char *blim) {
    struct plain_number x, y;
    read_number(a, alim, &x);
    read_number(b, blim, &y);
    int diff = unit_order(&x, alim) - unit_order(&y, blim);
    return diff ? diff : compare_numbers(&x, &y);
}

/* A -g key's text as a terminated string (strtod needs one); small keys stay on the stack. */
struct number_text {
    char small[128];
    char *text;
};

static const char *terminated(struct number_text *t, const char *p, const char *lim) {
    size_t n = (size_t)(lim - p);
    t->text = n < sizeof t->small ? t->small : xmalloc(n + 1);
    memcpy(t->text, p, n);
    t->text[n] = 0;
    return t->text;
}

static void release(struct number_text *t) {
    if (t->text != t->small) free(t->text);
}

static int compare_long_doubles(long double x, long double y) {
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    if (y == y) return -1; /* x is NaN */
    if (x == x) return 1;
    char a_text[64], b_text[64]; /* two NaNs: order by their printed form, as GNU does */
    snprintf(a_text, sizeof a_text, "%Lf", x);
    snprintf(b_text, sizeof b_text, "%Lf", y);
    return strcmp(a_text, b_text);
}

/* A plain decimal constant, read exactly: sign, significant digits, and the power of ten of the first one. */
struct decimal {
    int negative, zero;
    const char *digits; /* significant digits, possibly with one '.' inside */
    size_t ndigits;     /* how many of them (the '.' not counted) */
    long exponent;
};

/*
 * Reads [p, lim) as strtold would see its prefix: 1 for a plain decimal
 * with at most 18 significant digits (exactly comparable), 0 when no
 * number starts there, -1 for anything else (hex, inf, nan, long or huge
 * values), which needs strtold.
 */
static int read_decimal(const char *p, const char *lim, struct decimal *d) {
    while (p < lim && isspace((unsigned char)*p)) p++;
    d->negative = p < lim && *p == '-';
    if (p < lim && (*p == '-' || *p == '+')) p++;
    if (p < lim && (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N')) return -1;
    if (p + 1 < lim && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) return -1;
    long point_at = -1, count = 0, first = -1, last = -1;
    const char *start = p, *first_ptr = NULL;
    for (; p < lim; p++) {
        if (*p == '.' && point_at < 0) {
            point_at = count;
            continue;
        }
        if (!isdigit((unsigned char)*p)) break;
        if (*p != '0') {
            if (first < 0) first = count, first_ptr = p;
            last = count;
        }
        count++;
    }
    if (count == 0) return 0;
    (void)start;
    if (point_at < 0) point_at = count;
    long exp10 = 0;
    if (p < lim && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        int neg = q < lim && *q == '-';
        if (q < lim && (*q == '-' || *q == '+')) q++;
        if (q < lim && isdigit((unsigned char)*q)) {
            for (; q < lim && isdigit((unsigned char)*q); q++) {
                if (exp10 > 100000) return -1;
                exp10 = exp10 * 10 + (*q - '0');
            }
            if (neg) exp10 = -exp10;
        }
    }
    d->zero = first < 0;
    if (d->zero) return 1;
    d->ndigits = (size_t)(last - first + 1);
    if (d->ndigits > 18) return -1;
    d->digits = first_ptr;
    d->exponent = point_at - first - 1 + exp10;
    if (d->exponent > 4000 || d->exponent < -4000) return -1;
    return 1;
}

/* Compares two plain decimals exactly (digits skip the '.' they may contain). */
static int compare_decimals(const struct decimal *a, const struct decimal *b) {
    int sa = a->zero ? 0 : a->negative ? -1 : 1, sb = b->zero ? 0 : b->negative ? -1 : 1;
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    int c = 0;
    if (a->exponent != b->exponent) c = a->exponent < b->exponent ? -1 : 1;
    else {
        const char *x = a->digits, *y = b->digits;
        size_t i = 0, j = 0;
        while (!c && (i < a->ndigits || j < b->ndigits)) {
            if (*x == '.') x++;
            if (*y == '.') y++;
            int dx = i < a->ndigits ? *x - '0' : 0, dy = j < b->ndigits ? *y - '0' : 0;
            c = dx - dy;
            if (i < a->ndigits) x++, i++;
            if (j < b->ndigits) y++, j++;
        }
        c = c < 0 ? -1 : c > 0;
    }
    return sa < 0 ? -c : c;
}

/*
 * -g: C floating constants compared as long doubles, as GNU does, with
 * non-numbers first and NaNs next. Plain decimals of up to 18 significant
 * digits convert exactly enough that comparing them as decimals gives the
 * same order, without the (software, under WASI) long double conversion.
 */
static int general_compare(const char *a, const char *alim, const char *b, const char *blim) {
    struct decimal da, db;
    int ra = read_decimal(a, alim, &da), rb = read_decimal(b, blim, &db);
    if (ra == 1 && rb == 1) return compare_decimals(&da, &db);
    if (ra == 0 && rb == 0) return 0;
    struct number_text ta, tb;
    const char *sa = terminated(&ta, a, alim), *sb = terminated(&tb, b, blim);
    char *ea, *eb;
    long double x = strtold(sa, &ea), y = strtold(sb, &eb);
    int diff;
    if (ea == sa) diff = eb == sb ? 0 : -1;
    else if (eb == sb) diff = 1;
    else diff = compare_long_doubles(x, y);
    release(&ta);
    release(&tb);
    return diff;
}

static int month_of(const char *p, const char *lim) {
    static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    while (p < lim && blank_table[(unsigned char)*p]) p++;
    if (lim - p < 3) return 0;
    for (int m = 0; m < 12; m++)
        if (toupper((unsigned char)p[0]) == names[m * 3] && toupper((unsigned char)p[1]) == names[m * 3 + 1] &&
            toupper((unsigned char)p[2]) == names[m * 3 + 2])
            return m + 1;
    return 0;
}

static uint64_t hash_bytes(const char *p, size_t n, const struct sort_key *key) {
    uint64_t h = 0xcbf29ce484222325ull ^ random_seed;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (key->ignore && key->ignore[c]) continue;
        if (key->fold) c = (unsigned char)toupper(c);
        h = (h ^ c) * 0x100000001b3ull;
    }
    return h ^ (h >> 29);
}

/* Compares bytes with -d/-i skipping and -f folding. */
static int text_compare(const char *a, const char *alim, const char *b, const char *blim, const struct sort_key *key) {
    if (!key->ignore && !key->fold) {
        size_t alen = (size_t)(alim - a), blen = (size_t)(blim - b);
        int c = memcmp(a, b, alen < blen ? alen : blen);
        if (c) return c;
        return alen < blen ? -1 : alen > blen;
    }
    for (;;) {
        if (key->ignore) {
            while (a < alim && key->ignore[(unsigned char)*a]) a++;
            while (b < blim && key->ignore[(unsigned char)*b]) b++;
        }
        if (!(a < alim && b < blim)) break;
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (key->fold) ca = toupper(ca), cb = toupper(cb);
        if (ca != cb) return ca - cb;
        a++;
        b++;
    }
    return (a < alim) - (b < blim);
}

static int compare_key(const char *a, const char *alim, const char *b, const char *blim, const struct sort_key *key) {
    if (key->random) {
        uint64_t ha = hash_bytes(a, (size_t)(alim - a), key), hb = hash_bytes(b, (size_t)(blim - b), key);
        if (ha != hb) return ha < hb ? -1 : 1;
        return text_compare(a, alim, b, blim, key);
    }
    if (key->numeric) return numeric_compare(a, alim, b, blim);
    if (key->general_numeric) return general_compare(a, alim, b, blim);
    if (key->human_numeric) return human_compare(a, alim, b, blim);
    if (key->version) return version_compare(a, (size_t)(alim - a), b, (size_t)(blim - b));
    if (key->month) return month_of(a, alim) - month_of(b, blim);
    return text_compare(a, alim, b, blim, key);
}

int sort_compare(const struct sort_line *a, const struct sort_line *b) {
    for (size_t i = 0; i < order.nkeys; i++) {
        const struct sort_key *key = &order.keys[i];
        const char *aend = a->text + a->len, *bend = b->text + b->len;
        const char *alim = key->eword == SIZE_MAX ? aend : key_limit(a->text, aend, key);
        const char *blim = key->eword == SIZE_MAX ? bend : key_limit(b->text, bend, key);
        const char *abeg = key_begin(a->text, aend, key), *bbeg = key_begin(b->text, bend, key);
        if (alim < abeg) alim = abeg;
        if (blim < bbeg) blim = bbeg;
        int diff = compare_key(abeg, alim, bbeg, blim, key);
        if (diff) return key->reverse ? (diff < 0 ? 1 : -1) : diff;
    }
    if (order.nkeys && (order.unique || order.stable)) return 0;
    size_t n = a->len < b->len ? a->len : b->len;
    int diff = memcmp(a->text, b->text, n);
    if (!diff) diff = a->len < b->len ? -1 : a->len > b->len;
    return order.reverse ? -diff : diff;
}
