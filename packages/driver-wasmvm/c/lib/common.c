/* common.c: diagnostics, allocation and the line reader declared in common.h. */
#include "common.h"
#include "shell-quote.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *se_prog = "secure-exec";

static void vwarn(const char *fmt, va_list ap) {
    fflush(stdout);
    fprintf(stderr, "%s: ", se_prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void se_warn(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

const char *se_strerror(int err) {
    switch (err) {
    case EIO: return "Input/output error";
    case ECHILD: return "No child processes";
    case ENOMEM: return "Cannot allocate memory";
    case EBUSY: return "Device or resource busy";
    case EXDEV: return "Invalid cross-device link";
    case EMFILE: return "Too many open files";
    case ENOTTY: return "Inappropriate ioctl for device";
    case ESPIPE: return "Illegal seek";
    case EDOM: return "Numerical argument out of domain";
    case ERANGE: return "Numerical result out of range";
    case EDEADLK: return "Resource deadlock avoided";
    case ENAMETOOLONG: return "File name too long";
    case ELOOP: return "Too many levels of symbolic links";
    case ENOTSUP: return "Operation not supported";
    case EOVERFLOW: return "Value too large for defined data type";
    case ETIMEDOUT: return "Connection timed out";
    case EILSEQ: return "Invalid or incomplete multibyte or wide character";
    default: return strerror(err);
    }
}

void se_warn_errno(const char *what) {
    int e = errno;
    fflush(stdout);
    fprintf(stderr, "%s: %s: %s\n", se_prog, what, se_strerror(e));
}

void se_die(int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
    exit(status);
}

void se_die_errno(int status, const char *what) {
    se_warn_errno(what);
    exit(status);
}

void se_usage_error(int status) {
    fprintf(stderr, "Try '%s --help' for more information.\n", se_prog);
    exit(status);
}

void se_version(int status) {
    static const char *const names[][2] = {
        {"cmp", "GNU diffutils) 3.8"}, {"diff", "GNU diffutils) 3.8"}, {"egrep", "GNU grep) 3.8"},
        {"fgrep", "GNU grep) 3.8"},    {"find", "GNU findutils) 4.9.0"}, {"grep", "GNU grep) 3.8"},
        {"sed", "GNU sed) 4.9"},       {"xargs", "GNU findutils) 4.9.0"},
    };
    const char *package = "GNU coreutils) 9.1";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(se_prog, names[i][0])) package = names[i][1];
    if (!strcmp(se_prog, "rev")) printf("rev from util-linux 2.38.1 (secure-exec)\n");
    else if (!strcmp(se_prog, "hostname")) printf("hostname 3.23 (secure-exec)\n");
    else printf("%s (%s (secure-exec)\n", strstr(se_prog, "grep") ? "grep" : se_prog, package);
    exit(se_flush_stdout() ? 1 : status);
}

void se_require_operands(int argc, char **argv, int min, int max, int status) {
    int count = argc - optind;
    if (count < min) {
        if (count == 0) se_warn("missing operand");
        else se_warn("missing operand after '%s'", argv[argc - 1]);
        se_usage_error(status);
    }
    if (max >= 0 && count > max) {
        se_warn("extra operand '%s'", argv[optind + max]);
        se_usage_error(status);
    }
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) se_die(1, "memory exhausted");
    return p;
}

void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) se_die(1, "memory exhausted");
    return p;
}

void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) se_die(1, "memory exhausted");
    return p;
}

char *xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

int se_flush_stdout(void) {
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE) return 1;
        se_warn_errno("write error");
        return 1;
    }
    return 0;
}

#define SE_READ_CHUNK 65536

void se_reader_init(se_reader *r, int fd) {
    r->fd = fd;
    r->cap = SE_READ_CHUNK * 2;
    r->buf = xmalloc(r->cap);
    r->start = r->end = 0;
    r->eof = 0;
    r->err = 0;
}

char *se_reader_line(se_reader *r, int delim, size_t *len) {
    size_t scanned = r->start;
    for (;;) {
        char *nl = memchr(r->buf + scanned, delim, r->end - scanned);
        if (nl) {
            char *line = r->buf + r->start;
            *len = (size_t)(nl - line) + 1;
            r->start += *len;
            return line;
        }
        if (r->eof) {
            if (r->start == r->end) return NULL;
            char *line = r->buf + r->start;
            *len = r->end - r->start;
            r->start = r->end;
            return line;
        }
        /* Make room: slide the partial line to the front, or grow. */
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        scanned = r->end;
        if (r->cap - r->end < SE_READ_CHUNK) {
            r->cap *= 2;
            r->buf = xrealloc(r->buf, r->cap);
        }
        ssize_t n = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (n < 0) {
            if (errno == EINTR) continue;
            r->err = errno;
            r->eof = 1;
        } else if (n == 0) {
            r->eof = 1;
        } else {
            r->end += (size_t)n;
        }
    }
}

void se_reader_free(se_reader *r) {
    free(r->buf);
    r->buf = NULL;
}

int se_open_input(const char *path) {
    if (!path || strcmp(path, "-") == 0) return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        se_warn("%s: %s", quotef(path), se_strerror(e));
    }
    return fd;
}

int se_write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}
