/*
 * version-compare.h: GNU's version ordering (filevercmp, used by sort -V
 * and ls -v): runs of digits compare as numbers, letters before other
 * bytes, '~' before everything, file suffixes like ".tar.gz" count only to
 * break ties, and ".", "..", then other dot names come first.
 */
#ifndef SE_VERSION_COMPARE_H
#define SE_VERSION_COMPARE_H

#include <stddef.h>

/* Compares the byte strings A (ALEN bytes) and B (BLEN bytes) in version order: <0, 0 or >0. */
int version_compare(const char *a, size_t alen, const char *b, size_t blen);

#endif
