/*
 * shell-quote.h: quoting a string so a POSIX shell reads it back unchanged,
 * the way GNU's quotearg "shell-escape" style does it (printf %q): bare when
 * nothing needs quoting, "double quotes" when only an apostrophe does,
 * 'single quotes' otherwise, with unprintable bytes as $'\ooo' pieces.
 */
#ifndef SE_SHELL_QUOTE_H
#define SE_SHELL_QUOTE_H

#include <stdio.h>

/* The letter of C's escape in C ('n' for a newline; a b f n r t v), or 0. */
int c_escape_letter(int c);
/* Writes S, quoted for the shell, to OUT. */
void shell_quote(const char *s, FILE *out);
/* S quoted for the shell, in a new string. */
char *shell_quoted(const char *s);
/*
 * S in one of quotearg's shell styles, in a new string: "shell-escape"
 * (ESCAPE: unprintable bytes as $'...' pieces) or "shell" (they stay as they
 * are, and only \n \r \t among them call for quotes); ALWAYS quotes even
 * when nothing needs it ("shell-always", "shell-escape-always").
 */
char *shell_quoted_style(const char *s, int escape, int always);
/*
 * S in quotearg's C-escape styles (C locale): \\, the QUOTE byte and
 * unprintable bytes escaped (\n, else \ooo), inside QUOTE (' for the
 * "locale" style, " for "c"; 0 for none, when BLANK escapes a space too, as
 * ls -b does). A new string.
 */
char *c_quoted_style(const char *s, char quote, int blank);
/*
 * NAME as GNU's quotef shows file names in messages: bare unless it needs
 * quoting. The result stays valid until the next call.
 */
const char *quotef(const char *name);
/* NAME as GNU's quoteaf shows it: like quotef, but always quoted ('name'). */
const char *quoteaf(const char *name);
/* quoteaf for messages that name several files: each SLOT (0-3) keeps its result until its next use. */
const char *quoteaf_n(int slot, const char *name);
/* S as GNU's quote() shows it in the C locale ('it\'s': the "locale" style); valid until the next call. */
const char *quote_locale(const char *s);

#endif
