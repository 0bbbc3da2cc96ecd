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

#endif
