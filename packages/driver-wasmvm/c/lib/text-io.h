/*
 * text-io.h: input plumbing shared by the text commands: opening an operand
 * ("-" is standard input), its name in messages, reads that retry on EINTR,
 * a growable byte buffer for commands that must hold back data (head -n -N,
 * tail, tac, shuf), and the operands read as one byte stream (expand, od).
 */
#ifndef SE_TEXT_IO_H
#define SE_TEXT_IO_H

#include <stddef.h>
#include <sys/types.h>

/* Opens PATH for reading ("-" is fd 0); returns -1 with errno set on failure. */
int open_input(const char *path);
/* PATH as GNU names it in messages and headers: "standard input" for "-". */
const char *input_name(const char *path);
/* Closes FD unless it is standard input. */
void close_input(int fd);
/* read(2) that retries on EINTR. */
ssize_t read_retry(int fd, void *buf, size_t n);

/* A growable byte buffer: data lives in [start, end) of a block of cap bytes. */
typedef struct byte_buffer {
    char *data;
    size_t start, end, cap;
} byte_buffer;

/* Makes room for at least N more bytes after end (sliding live data to the front first). */
void buffer_reserve(byte_buffer *b, size_t n);
/* Reads once from FD into the buffer (64 KiB or more); returns the read's result. */
ssize_t buffer_fill(byte_buffer *b, int fd);
/* Reads all of FD into the buffer; returns 0, or -1 with errno. */
int buffer_read_all(byte_buffer *b, int fd);
/* Live bytes. */
static inline size_t buffer_len(const byte_buffer *b) { return b->end - b->start; }
void buffer_free(byte_buffer *b);

/*
 * The operands read as one stream, byte by byte (expand, unexpand): a file
 * that cannot be opened or read is reported as "PROG: NAME: error", marks
 * the status 1, and is skipped.
 */
typedef struct input_chain {
    char **files;
    int nfiles, next;
    int fd; /* -1 between files */
    const char *name;
    unsigned char *buf;
    size_t pos, len;
    int status;
} input_chain;

/* Starts reading FILES (or standard input when NFILES is 0). */
void chain_init(input_chain *c, char **files, int nfiles);
/* The next byte, or -1 when every operand is exhausted. */
int chain_getc(input_chain *c);
/* Opens the first operand that can be opened (reporting the others); returns 0 when none could. */
int chain_start(input_chain *c);

#endif
