/*
 * signames.h: signal names and Linux numbers (the numbers the kernel uses
 * for 128+n exit statuses), for timeout -s and messages.
 */
#ifndef SE_SIGNAMES_H
#define SE_SIGNAMES_H

/* The number of a signal given as "TERM", "SIGTERM", "term" or "15"; -1 if unknown. */
int sig_from_name(const char *name);

/* The name of a signal number without "SIG" ("TERM"), or NULL. */
const char *sig_name(int sig);

#endif
