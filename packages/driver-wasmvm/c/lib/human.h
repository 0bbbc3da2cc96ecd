/*
 * human.h: sizes as `ls -h` and `du -h` print them: below the base the
 * plain number; otherwise scaled to K, M, G, T, P, E and rounded up, with
 * one decimal below 10 ("1.1M", "12K"). --si uses powers of 1000 and "k".
 */
#ifndef SE_HUMAN_H
#define SE_HUMAN_H

/* Writes the human form of n into out (at least 16 bytes); returns out. */
char *human_size(unsigned long long n, int si, char *out);

#endif
