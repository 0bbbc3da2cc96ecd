/*
 * shell-quote.c: GNU quotearg's shell-escape style in the C locale. Three
 * outcomes: the bytes as they are (nothing special in them), "..." (an
 * apostrophe, and otherwise only letters, digits, spaces and harmless
 * punctuation), or '...' where ' becomes '\'' and control or non-ASCII
 * bytes become $'\n' or $'\ooo' pieces spliced between quoted runs.
 */
#include "shell-quote.h"

#include <ctype.h>
#include <string.h>

/* A byte that is special to the shell anywhere in a word. */
static int shell_special(int c) {
    return c && strchr("!\"$&()*;<=>[^`|' \\?", c) != NULL;
}

static int needs_quotes(const char *s) {
    if (!*s) return 1;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (shell_special(c) || !isprint(c)) return 1;
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

static const char *control_escape(int c) {
    switch (c) {
    case '\a': return "a";
    case '\b': return "b";
    case '\f': return "f";
    case '\n': return "n";
    case '\r': return "r";
    case '\t': return "t";
    case '\v': return "v";
    }
    return NULL;
}

void shell_quote(const char *s, FILE *out) {
    if (!needs_quotes(s)) {
        fputs(s, out);
        return;
    }
    if (strchr(s, '\'') && double_quote_compatible(s)) {
        fprintf(out, "\"%s\"", s);
        return;
    }
    int in_escape = 0; /* inside a $'...' piece */
    fputc('\'', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *esc = control_escape(c);
        if (esc || !isprint(c)) {
            if (!in_escape) fputs("'$'", out);
            in_escape = 1;
            if (esc) fprintf(out, "\\%s", esc);
            else fprintf(out, "\\%03o", c);
            continue;
        }
        if (c == '\'') {
            fputs("'\\''", out);
            in_escape = 0;
            continue;
        }
        if (in_escape) fputs("''", out);
        in_escape = 0;
        fputc(c, out);
    }
    fputc('\'', out);
}
