/*
 * shell-quote.c: GNU quotearg's shell styles in the C locale. Three
 * outcomes: the bytes as they are (nothing special in them), "..." (an
 * apostrophe, and otherwise only letters, digits, spaces and harmless
 * punctuation), or '...' where ' becomes '\'' and control or non-ASCII
 * bytes become $'\n' or $'\ooo' pieces spliced between quoted runs (in the
 * escape styles; the plain shell styles leave them as they are).
 */
#include "shell-quote.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* A byte that is special to the shell anywhere in a word. */
static int shell_special(int c) {
    return c && strchr("!\"$&()*;<=>[^`|' \\?", c) != NULL;
}

/* Whether S needs quotes: in the plain shell style (not ESCAPE) only \n \r \t of the unprintable bytes force them. */
static int needs_quotes(const char *s, int escape) {
    if (!*s) return 1;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (shell_special(c) || (escape ? !isprint(c) : c == '\n' || c == '\r' || c == '\t')) return 1;
        if ((c == '#' || c == '~') && i == 0) return 1;
        if ((c == '{' || c == '}') && len == 1) return 1;
    }
    return 0;
}

/* Whether every byte may also stand inside "..." unchanged (quotearg's "c and shell compatible"). */
static int double_quote_compatible(const char *s) {
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\'') continue;
        if ((c == '#' || c == '~') && i == 0) continue;
        if ((c == '{' || c == '}') && len == 1) continue;
        if (c == '#' || c == '~' || c == '{' || c == '}') return 0;
        if (shell_special(c) || !isprint(c)) return 0;
    }
    return 1;
}

int c_escape_letter(int c) {
    switch (c) {
    case '\a': return 'a';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    }
    return 0;
}

/* A growing string. */
struct text {
    char *p;
    size_t len, cap;
};

static void add(struct text *t, const char *s) {
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->p = xrealloc(t->p, t->cap);
    }
    memcpy(t->p + t->len, s, n + 1);
    t->len += n;
}

char *shell_quoted_style(const char *s, int escape, int always) {
    struct text t = {NULL, 0, 0};
    add(&t, "");
    if (!needs_quotes(s, escape)) {
        if (always) add(&t, "'");
        add(&t, s);
        if (always) add(&t, "'");
        return t.p;
    }
    if (strchr(s, '\'') && double_quote_compatible(s)) {
        add(&t, "\"");
        add(&t, s);
        add(&t, "\"");
        return t.p;
    }
    int in_escape = 0; /* inside a $'...' piece */
    char piece[8];
    add(&t, "'");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        int esc = escape ? c_escape_letter(c) : 0;
        if (escape && (esc || !isprint(c))) {
            if (!in_escape) add(&t, "'$'");
            in_escape = 1;
            if (esc) snprintf(piece, sizeof piece, "\\%c", esc);
            else snprintf(piece, sizeof piece, "\\%03o", c);
            add(&t, piece);
            continue;
        }
        if (c == '\'') {
            add(&t, "'\\''");
            in_escape = 0;
            continue;
        }
        if (in_escape) add(&t, "''");
        in_escape = 0;
        piece[0] = (char)c;
        piece[1] = 0;
        add(&t, piece);
    }
    add(&t, "'");
    return t.p;
}

char *shell_quoted(const char *s) { return shell_quoted_style(s, 1, 0); }

void shell_quote(const char *s, FILE *out) {
    char *q = shell_quoted(s);
    fputs(q, out);
    free(q);
}

const char *quotef(const char *name) {
    static char *last;
    free(last);
    last = shell_quoted(name);
    return last;
}

const char *quoteaf_n(int slot, const char *name) {
    static char *last[4];
    free(last[slot & 3]);
    return last[slot & 3] = shell_quoted_style(name, 1, 1);
}

const char *quoteaf(const char *name) { return quoteaf_n(0, name); }

char *c_quoted_style(const char *s, char quote, int blank) {
    char *out = xmalloc(strlen(s) * 4 + 3), *w = out;
    if (quote) *w++ = quote;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (c_escape_letter(*p)) w += sprintf(w, "\\%c", c_escape_letter(*p));
        else if (*p == '\\' || (quote && *p == quote) || (blank && *p == ' ')) w += sprintf(w, "\\%c", *p);
        else if (!isprint(*p)) w += sprintf(w, "\\%03o", *p);
        else *w++ = (char)*p;
    }
    if (quote) *w++ = quote;
    *w = 0;
    return out;
}

const char *quote_locale(const char *s) {
    static char *last;
    free(last);
    return last = c_quoted_style(s, '\'', 0);
}
