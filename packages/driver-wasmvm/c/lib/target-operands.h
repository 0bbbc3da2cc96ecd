/*
 * target-operands.h: GNU's operand rules for cp and mv: SOURCE DEST,
 * SOURCE... DIRECTORY, -t DIRECTORY SOURCE..., and -T (DEST is never a
 * directory to copy into).
 */
#ifndef SE_TARGET_OPERANDS_H
#define SE_TARGET_OPERANDS_H

/*
 * Checks the operands ops[0..*count) and decides where they go. On return
 * *count is the number of sources and *target_dir the directory they go into,
 * or NULL for SOURCE DEST (ops[0] → ops[1]). Bad usage prints GNU's message
 * and exits 1.
 */
void target_operands(int *count, char **ops, const char **target_dir, int no_target_dir);

/* DIR/NAME for SOURCE put into DIR: SOURCE's last component without trailing slashes. The caller frees it. */
char *target_path(const char *target_dir, const char *source);

#endif
