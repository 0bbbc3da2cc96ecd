/*
 * common.h: the small library every command links against: the command's
 * name for messages, GNU-style diagnostics, checked allocation, and a fast
 * line reader. Commands use stdio for output (main() gives stdout and stdin
 * 64 KiB buffers) and getopt_long for options.
 */
#ifndef SE_COMMON_H
#define SE_COMMON_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Marks FN as the entry point of command NAME. The build collects these
 * markers from c/cmd/ files into the multicall table and the binary's list of
 * commands. One function may serve several names (grep, egrep, fgrep).
 */
#define SE_COMMAND(fn, name) int fn(int argc, char **argv);

/* The name the command was invoked as ("grep"), for messages. */
extern const char *se_prog;

/* strerror with glibc's wording where wasi-libc's (musl's) differs ("Too many levels of symbolic links", not "Symbolic link loop"), so messages match GNU's. */
const char *se_strerror(int err);
/* Prints "PROG: MESSAGE\n" to stderr. */
void se_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "PROG: WHAT: strerror(errno)\n" to stderr. */
void se_warn_errno(const char *what);
/* Prints "PROG: MESSAGE\n" and exits with status. */
_Noreturn void se_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "PROG: WHAT: strerror(errno)\n" and exits with status. */
_Noreturn void se_die_errno(int status, const char *what);
/* Prints "Try 'PROG --help' for more information.\n" and exits with status (GNU's bad-usage text). */
_Noreturn void se_usage_error(int status);
/*
 * Prints the --version line of the GNU tool se_prog stands for ("ls (GNU
 * coreutils) 9.1 (secure-exec)", "find (GNU findutils) 4.9.0 (secure-exec)",
 * grep, sed, diffutils, util-linux's rev, net-tools' hostname) and exits
 * with status (0; false's is 1). se_getopt_long calls it for --version when
 * the command's table has no such option.
 */
_Noreturn void se_version(int status);
/*
 * Checks the operands after the options (argv[optind..]): fewer than `min`
 * prints "missing operand" (or "missing operand after 'LAST'"), more than
 * `max` (-1: no limit) prints "extra operand 'X'", each followed by the usage
 * hint and exit with `status`, as GNU's tools do.
 */
void se_require_operands(int argc, char **argv, int min, int max, int status);

/* Allocation that exits with "PROG: memory exhausted" on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Flushes stdout; on a write error reports it and returns nonzero. */
int se_flush_stdout(void);

/*
 * Reads lines of any length from a descriptor, in 64 KiB reads. A line is
 * returned without copying when it lies in the buffer; the pointer is valid
 * until the next call. The returned length includes the delimiter when
 * present (the last line may lack it).
 */
typedef struct se_reader {
    int fd;
    char *buf;
    size_t cap;
    size_t start;
    size_t end;
    int eof;
    int err; /* errno of a failed read, or 0 */
} se_reader;

void se_reader_init(se_reader *r, int fd);
/* Next line ending in delim; NULL at end of input or on error (see r->err). */
char *se_reader_line(se_reader *r, int delim, size_t *len);
void se_reader_free(se_reader *r);

/* Opens PATH for reading, or stdin for "-" or NULL; on failure reports "PROG: PATH: error" (PATH quoted as GNU's quotef does) and returns -1. */
int se_open_input(const char *path);

/* Writes all of buf to fd, retrying short writes; returns 0 or -1 with errno. */
int se_write_all(int fd, const void *buf, size_t n);

#endif
