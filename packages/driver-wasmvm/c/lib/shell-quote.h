/*
 * shell-quote.h: quoting a string so a POSIX shell reads it back unchanged,
 * the way GNU's quotearg "shell-escape" style does it (printf %q): bare when
 * nothing needs quoting, "double quotes" when only an apostrophe does,
 * 'single quotes' otherwise, with unprintable bytes as $'\ooo' pieces.
 */
#ifndef SE_SHELL_QUOTE_H
#define SE_SHELL_QUOTE_H

#include <stdio.h>

/* Writes S, quoted for the shell, to OUT. */
void shell_quote(const char *s, FILE *out);
/* S quoted for the shell, in a new string. */
char *shell_quoted(const char *s);
/*
 * NAME as GNU's quotef shows file names in messages: bare unless it needs
 * quoting. The result stays valid until the next call.
 */
const char *quotef(const char *name);
/* NAME as GNU's quoteaf shows it: like quotef, but always quoted ('name'). */
const char *quoteaf(const char *name);

#endif
