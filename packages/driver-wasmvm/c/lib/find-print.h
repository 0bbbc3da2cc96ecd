/*
 * find-print.h: the output actions of find that format a file: -printf
 * (its directives, escapes, widths and precisions) and -ls.
 */
#ifndef SE_FIND_PRINT_H
#define SE_FIND_PRINT_H

#include <stdio.h>
#include <sys/stat.h>

/* What find knows about the file being printed. */
struct find_file {
    const char *path;  /* as find prints it: start point joined with the names below it */
    const char *start; /* the start point it was found under */
    int depth;
    const struct stat *st; /* may be NULL when the file could not be stat'ed */
};

/* Checks a -printf format; returns NULL, or a message for find to report. */
const char *find_printf_check(const char *fmt);

/* Writes fmt expanded for f to out. */
void find_printf(FILE *out, const char *fmt, const struct find_file *f);

/* Writes the -ls line for f to out. */
void find_ls(FILE *out, const struct find_file *f);

#endif
