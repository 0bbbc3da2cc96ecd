/*
 * diff-analyze.h: which lines of two files changed, computed the way GNU
 * diff computes it so the hunks come out the same: lines are equivalence
 * classes (ints); lines with no partner in the other file are set aside
 * first ("discard_confusing_lines"), Myers' linear-space middle-snake search
 * splits the rest, and runs of changes are then slid to merge and to line
 * up with the other file ("shift_boundaries").
 */
#ifndef SE_DIFF_ANALYZE_H
#define SE_DIFF_ANALYZE_H

#include <stddef.h>

/*
 * Given the classes of N0 lines of file 0 and N1 lines of file 1 (the lines
 * between the files' common prefix and suffix, as GNU trims them), fills
 * changed0[0..n0) and changed1[0..n1) with 1 for deleted/inserted lines.
 * Both arrays must have room for one element before and after (indices -1
 * and n), which are set to 0.
 */
void diff_analyze(const int *eq0, size_t n0, const int *eq1, size_t n1, char *changed0, char *changed1);

#endif
