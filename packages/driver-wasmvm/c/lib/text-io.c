/* text-io.c: operand opening, EINTR-safe reads and the growable byte buffer of text-io.h. */
#include "text-io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "shell-quote.h"

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

static char *stdin_operand[] = {"-"};

void chain_init(input_chain *c, char **files, int nfiles) {
    c->files = nfiles ? files : stdin_operand;
    c->nfiles = nfiles ? nfiles : 1;
    c->next = 0;
    c->fd = -1;
    c->name = NULL;
    c->buf = xmalloc(READ_CHUNK);
    c->pos = c->len = 0;
    c->status = 0;
}

int chain_start(input_chain *c) {
    while (c->fd < 0) {
        if (c->next >= c->nfiles) return 0;
        c->name = c->files[c->next++];
        c->fd = open_input(c->name);
        if (c->fd < 0) {
            se_warn_errno(quotef(c->name));
            c->status = 1;
        }
    }
    return 1;
}

static int chain_refill(input_chain *c) {
    for (;;) {
        if (!chain_start(c)) return 0;
        ssize_t n = read_retry(c->fd, c->buf, READ_CHUNK);
        if (n > 0) {
            c->pos = 0;
            c->len = (size_t)n;
            return 1;
        }
        if (n < 0) {
            se_warn_errno(quotef(c->name));
            c->status = 1;
        }
        close_input(c->fd);
        c->fd = -1;
    }
}

int chain_getc(input_chain *c) {
    if (c->pos == c->len && !chain_refill(c)) return -1;
    return c->buf[c->pos++];
}
