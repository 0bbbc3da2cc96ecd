/*
 * se-getopt.h: GNU getopt_long, written out so that option errors read the
 * same under wasi-libc (musl's "unrecognized option: Z") as under glibc:
 *   PROG: invalid option -- 'Z'
 *   PROG: unrecognized option '--bogus'
 *   PROG: option requires an argument -- 'n'
 *   PROG: option '--lines' requires an argument
 *   PROG: option '--help' doesn't allow an argument
 *   PROG: option '--co' is ambiguous; possibilities: '--color' '--columns'
 * Same contract as getopt_long (optind, optarg, optopt, opterr; a leading
 * '+' stops at the first operand, ':' reports a missing argument as ':'),
 * with GNU's argument permutation and unique-prefix long options. PROG is
 * se_prog. One parse per process: the state is not reset.
 */
#ifndef SE_GETOPT_H
#define SE_GETOPT_H

#include <getopt.h>

int se_getopt_long(int argc, char **argv, const char *shortopts, const struct option *longopts, int *longindex);

#endif
