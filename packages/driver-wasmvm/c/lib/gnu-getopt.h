/*
 * gnu-getopt.h: getopt_long with GNU's wording for bad options. The libc's
 * own messages differ by libc (musl says "unrecognized option: Y"); this
 * wrapper silences them and prints what glibc prints ("invalid option --
 * 'Y'", "unrecognized option '--foo'", "option requires an argument --
 * 'e'"), prefixed with se_prog. On a bad option it returns '?' and the
 * caller prints its usage hint.
 */
#ifndef SE_GNU_GETOPT_H
#define SE_GNU_GETOPT_H

#include <getopt.h>

/* Like getopt_long(argc, argv, shortopts, longopts, NULL); shortopts must not start with ':'. */
int se_gnu_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

#endif
