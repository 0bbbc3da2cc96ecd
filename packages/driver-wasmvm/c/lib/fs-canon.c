/*
 * fs-canon.c: canonicalization by walking the path one component at a
 * time. The result is built in `out`; the components still to walk live in
 * `rest`, to which a symlink's target is prepended when one is met.
 */
#include "fs-canon.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

#define FS_MAX_LINKS 40

/* Drops the last component of the absolute path out (length *len), keeping "/". */
static void pop(char *out, size_t *len) {
    while (*len > 1 && out[*len - 1] != '/') (*len)--;
    if (*len > 1) (*len)--;
    out[*len] = '\0';
}

/* Replaces *rest by "prefix/remaining" (the walk continues through prefix). */
static char *prepend(const char *prefix, const char *remaining) {
    size_t a = strlen(prefix), b = strlen(remaining);
    char *s = xmalloc(a + b + 2);
    memcpy(s, prefix, a);
    s[a] = '/';
    memcpy(s + a + 1, remaining, b + 1);
    return s;
}

char *fs_canonicalize(const char *path, enum fs_canon_mode mode, int resolve_links) {
    if (path[0] == '\0') {
        errno = ENOENT;
        return NULL;
    }
    size_t cap = 4096 + strlen(path);
    char *out = xmalloc(cap);
    size_t len;
    if (path[0] == '/') {
        strcpy(out, "/");
    } else if (!getcwd(out, cap)) {
        free(out);
        return NULL;
    }
    len = strlen(out);
    char *rest = xstrdup(path);
    char *p = rest;
    int links = 0, missing = 0;
    for (;;) {
        while (*p == '/') p++;
        if (!*p) break;
        char *end = p + strcspn(p, "/");
        size_t n = (size_t)(end - p);
        int last = 1;
        for (char *q = end; *q; q++)
            if (*q != '/') {
                last = 0;
                break;
            }
        if (n == 1 && p[0] == '.') {
            p = end;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            pop(out, &len);
            p = end;
            continue;
        }
        if (len + n + 2 > cap) {
            cap = (len + n + 2) * 2;
            out = xrealloc(out, cap);
        }
        if (len > 1) out[len++] = '/';
        memcpy(out + len, p, n);
        len += n;
        out[len] = '\0';
        p = end;
        if (missing) continue;
        struct stat st;
        if (lstat(out, &st) != 0) {
            if (errno == ENOENT && (mode == FS_CANON_MISSING || (mode == FS_CANON_ALL_BUT_LAST && last))) {
                missing = 1;
                continue;
            }
            goto fail;
        }
        if (S_ISLNK(st.st_mode) && resolve_links) {
            if (++links > FS_MAX_LINKS) {
                errno = ELOOP;
                goto fail;
            }
            char target[PATH_MAX];
            ssize_t tn = readlink(out, target, sizeof target - 1);
            if (tn < 0) goto fail;
            target[tn] = '\0';
            char *next = prepend(target, p);
            free(rest);
            rest = p = next;
            if (target[0] == '/') {
                strcpy(out, "/");
                len = 1;
            } else {
                pop(out, &len);
            }
            continue;
        }
        if (!last && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) {
            if (mode == FS_CANON_MISSING) {
                missing = 1;
                continue;
            }
            errno = ENOTDIR;
            goto fail;
        }
    }
    free(rest);
    return out;
fail:;
    int e = errno;
    free(rest);
    free(out);
    errno = e;
    return NULL;
}

char *fs_relative(const char *target, const char *base) {
    /* Longest common prefix made of whole components. */
    size_t common = 0, i = 0;
    for (;; i++) {
        char t = target[i], b = base[i];
        if ((t == '/' || t == '\0') && (b == '/' || b == '\0')) common = i;
        if (t != b || t == '\0') break;
    }
    if (strcmp(base, "/") == 0) common = 0;
    size_t ups = 0;
    for (const char *q = base + common; *q; q++)
        if (*q == '/' && q[1]) ups++;
    if (base[common] == '/' && base[common + 1] == '\0') ups = 0;
    const char *down = target + common;
    while (*down == '/') down++;
    size_t n = ups * 3 + strlen(down) + 2;
    char *out = xmalloc(n);
    out[0] = '\0';
    for (size_t k = 0; k < ups; k++) strcat(out, k + 1 < ups || *down ? "../" : "..");
    strcat(out, down);
    if (!out[0]) strcpy(out, ".");
    return out;
}
