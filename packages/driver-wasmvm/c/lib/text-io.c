/* text-io.c: operand opening, EINTR-safe reads and the growable byte buffer of text-io.h. */
#include "text-io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

#define READ_CHUNK 65536

int open_input(const char *path) {
    if (strcmp(path, "-") == 0) return 0;
    return open(path, O_RDONLY);
}

const char *input_name(const char *path) {
    return strcmp(path, "-") == 0 ? "standard input" : path;
}

void close_input(int fd) {
    if (fd > 0) close(fd);
}

ssize_t read_retry(int fd, void *buf, size_t n) {
    for (;;) {
        ssize_t r = read(fd, buf, n);
        if (r >= 0 || errno != EINTR) return r;
    }
}

void buffer_reserve(byte_buffer *b, size_t n) {
    if (b->cap - b->end >= n) return;
    if (b->start > 0) {
        memmove(b->data, b->data + b->start, b->end - b->start);
        b->end -= b->start;
        b->start = 0;
        if (b->cap - b->end >= n) return;
    }
    size_t cap = b->cap ? b->cap : READ_CHUNK;
    while (cap - b->end < n) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

ssize_t buffer_fill(byte_buffer *b, int fd) {
    buffer_reserve(b, READ_CHUNK);
    ssize_t n = read_retry(fd, b->data + b->end, b->cap - b->end);
    if (n > 0) b->end += (size_t)n;
    return n;
}

int buffer_read_all(byte_buffer *b, int fd) {
    for (;;) {
        ssize_t n = buffer_fill(b, fd);
        if (n == 0) return 0;
        if (n < 0) return -1;
    }
}

void buffer_free(byte_buffer *b) {
    free(b->data);
    b->data = NULL;
    b->start = b->end = b->cap = 0;
}
