/*
 * tr-sets.c: GNU tr's set syntax. Escapes are decoded first, each byte
 * remembering whether it was escaped (an escaped '-' or '[' is literal);
 * then constructs are recognized left to right: [:name:], [=c=], [c*n]
 * (n octal with a leading 0), then c1-c2 ranges, then single bytes.
 */
#include "tr-sets.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

struct unescaped {
    unsigned char *bytes;
    unsigned char *escaped;
    size_t len;
};

static void unescape(const char *s, struct unescaped *u) {
    size_t n = strlen(s);
    u->bytes = xmalloc(n + 1);
    u->escaped = xcalloc(n + 1, 1);
    u->len = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int esc = 0;
        if (c == '\\') {
            esc = 1;
            if (i + 1 == n) {
                se_warn("warning: an unescaped backslash at end of string is not portable");
                c = '\\';
            } else {
                c = (unsigned char)s[++i];
                switch (c) {
                case 'a': c = '\a'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'v': c = '\v'; break;
                case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    int v = c - '0';
                    if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
                        v = v * 8 + (s[++i] - '0');
                        if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
                            int v3 = v * 8 + (s[i + 1] - '0');
                            if (v3 <= 0377) {
                                v = v3;
                                i++;
                            } else {
                                se_warn("warning: the ambiguous octal escape \\%c%c%c is being\n\tinterpreted as the 2-byte sequence \\0%c%c, %c",
                                        s[i - 1], s[i], s[i + 1], s[i - 1], s[i], s[i + 1]);
                            }
                        }
                    }
                    c = (unsigned char)v;
                    break;
                }
                default: break;
                }
            }
        }
        u->bytes[u->len] = c;
        u->escaped[u->len] = (unsigned char)esc;
        u->len++;
    }
}

/* C as GNU tr prints it in messages: itself if printable, else \ooo. */
static const char *printable(unsigned char c, char buf[8]) {
    if (isprint(c)) snprintf(buf, 8, "%c", c);
    else snprintf(buf, 8, "\\%03o", c);
    return buf;
}

static int is_at(const struct unescaped *u, size_t i, int c) {
    return i < u->len && u->bytes[i] == c && !u->escaped[i];
}

static void push(struct tr_set *set, unsigned char c, int ul, int start) {
    if ((set->len & (set->len - 1)) == 0) set->chars = xrealloc(set->chars, (set->len ? set->len * 2 : 1) * sizeof *set->chars);
    set->chars[set->len].c = c;
    set->chars[set->len].ul = (unsigned char)ul;
    set->chars[set->len].start = (unsigned char)start;
    set->len++;
}

void tr_set_insert(struct tr_set *set, size_t at, unsigned char c, size_t count) {
    if (count == 0) return;
    size_t tail = set->len - at;
    set->chars = xrealloc(set->chars, (set->len + count + 1) * sizeof *set->chars);
    memmove(set->chars + at + count, set->chars + at, tail * sizeof *set->chars);
    for (size_t i = 0; i < count; i++) set->chars[at + i] = (struct tr_char){c, TR_UL_NONE, i == 0};
    set->len += count;
}

static const char *const class_names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                          "lower", "print", "punct", "space", "upper", "xdigit"};

static int in_class(int k, int c) {
    switch (k) {
    case 0: return isalnum(c);
    case 1: return isalpha(c);
    case 2: return isblank(c);
    case 3: return iscntrl(c);
    case 4: return isdigit(c);
    case 5: return isgraph(c);
    case 6: return islower(c);
    case 7: return isprint(c);
    case 8: return ispunct(c);
    case 9: return isspace(c);
    case 10: return isupper(c);
    default: return isxdigit(c);
    }
}

/* Finds "D]" (unescaped) at or after START; returns its index or 0. */
static size_t closing(const struct unescaped *u, size_t start, int d) {
    for (size_t i = start; i + 1 < u->len; i++)
        if (is_at(u, i, d) && is_at(u, i + 1, ']')) return i;
    return 0;
}

/* Tries [c*n] at I ('[' at I); returns 1 and stores the construct, 0 if it is not one. */
static int bracketed_repeat(const struct unescaped *u, size_t i, size_t *end, unsigned char *c, size_t *count, int *indefinite) {
    if (!(i + 2 < u->len && is_at(u, i + 2, '*'))) return 0;
    for (size_t j = i + 3; j < u->len && !u->escaped[j]; j++) {
        if (u->bytes[j] != ']') continue;
        const char *digits = (const char *)u->bytes + i + 3;
        size_t ndigits = j - i - 3;
        *c = u->bytes[i + 1];
        *end = j;
        *count = 0;
        if (ndigits) {
            int base = digits[0] == '0' ? 8 : 10;
            size_t v = 0;
            for (size_t k = 0; k < ndigits; k++) {
                int d = digits[k] - '0';
                if (digits[k] < '0' || d >= base || v > ((size_t)-1 >> 4)) {
                    se_die(1, "invalid repeat count '%.*s' in [c*n] construct", (int)ndigits, digits);
                }
                v = v * (size_t)base + (size_t)d;
            }
            *count = v;
        }
        *indefinite = *count == 0;
        return 1;
    }
    return 0;
}

void tr_set_parse(const char *arg, struct tr_set *set) {
    struct unescaped u;
    unescape(arg, &u);
    memset(set, 0, sizeof *set);
    size_t i = 0;
    while (i + 2 < u.len) {
        set->last_is_class = 0;
        if (is_at(&u, i, '[')) {
            int kind = u.bytes[i + 1];
            if ((kind == ':' || kind == '=') && !u.escaped[i + 1]) {
                size_t close = closing(&u, i + 2, kind);
                if (close) {
                    const char *name = (const char *)u.bytes + i + 2;
                    int len = (int)(close - i - 2);
                    if (kind == ':') {
                        int k = -1;
                        for (int n = 0; n < 12; n++)
                            if ((int)strlen(class_names[n]) == len && memcmp(class_names[n], name, (size_t)len) == 0) k = n;
                        if (len == 0) se_die(1, "missing character class name '[::]'");
                        if (k < 0) se_die(1, "invalid character class '%.*s'", len, name);
                        int ul = k == 6 ? TR_UL_LOWER : k == 10 ? TR_UL_UPPER : TR_UL_NONE;
                        int first = 1;
                        for (int c = 0; c < 256; c++)
                            if (in_class(k, c)) push(set, (unsigned char)c, ul, first), first = 0;
                        set->has_class = 1;
                        if (ul == TR_UL_NONE) set->has_restricted_class = 1;
                        set->last_is_class = 1;
                    } else {
                        if (len == 0) se_die(1, "missing equivalence class character '[==]'");
                        if (len != 1) se_die(1, "%.*s: equivalence class operand must be a single character", len, name);
                        push(set, (unsigned char)name[0], TR_UL_NONE, 1);
                        set->has_equiv = 1;
                    }
                    i = close + 2;
                    continue;
                }
            }
            size_t end, count;
            unsigned char c;
            int indefinite;
            if (bracketed_repeat(&u, i, &end, &c, &count, &indefinite)) {
                if (indefinite) {
                    if (set->indefinite_repeats++ == 0) {
                        set->fill_at = set->len;
                        set->fill_char = c;
                    }
                } else {
                    for (size_t k = 0; k < count; k++) push(set, c, TR_UL_NONE, k == 0);
                }
                i = end + 1;
                continue;
            }
        }
        if (is_at(&u, i + 1, '-')) {
            unsigned char a = u.bytes[i], b = u.bytes[i + 2];
            char pa[8], pb[8];
            if (b < a)
                se_die(1, "range-endpoints of '%s-%s' are in reverse collating sequence order", printable(a, pa), printable(b, pb));
            for (int c = a; c <= b; c++) push(set, (unsigned char)c, TR_UL_NONE, c == a);
            i += 3;
            continue;
        }
        push(set, u.bytes[i], TR_UL_NONE, 1);
        i++;
    }
    for (; i < u.len; i++) {
        push(set, u.bytes[i], TR_UL_NONE, 1);
        set->last_is_class = 0;
    }
    free(u.bytes);
    free(u.escaped);
}

void tr_set_members(const struct tr_set *set, int complement, unsigned char members[256]) {
    memset(members, complement, 256);
    for (size_t i = 0; i < set->len; i++) members[set->chars[i].c] = (unsigned char)!complement;
}
