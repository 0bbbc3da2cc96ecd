/*
 * human.h: sizes as `ls -h` and `du -h` print them: below the base the
 * plain number; otherwise scaled to K, M, G, T, P, E and rounded up, with
 * one decimal below 10 ("1.1M", "12K"). --si uses powers of 1000 and "k".
 */
#ifndef SE_HUMAN_H
#define SE_HUMAN_H

/* Writes the human form of n into out (at least 16 bytes); returns out. */
char *human_size(unsigned long long n, int si, char *out);

/*
 * A --block-size SIZE (du -B, ls --block-size, the *BLOCK_SIZE variables):
 * a number, a unit (K M G T P E Z Y, k for K; powers of 1024, or of 1000
 * with a B after it: KB, MB; KiB is 1024 too), or both. Sets *size and
 * suffix, what GNU appends to each count: the unit as GNU writes it ("K",
 * "kB", "MiB") when SIZE starts with it, "" after a number. Returns 0, 1
 * for an invalid SIZE ("invalid -B argument"), 2 for a bad unit ("invalid
 * suffix in -B argument").
 */
int human_block_size(const char *spec, unsigned long long *size, char suffix[8]);

#endif
