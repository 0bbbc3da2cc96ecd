/*
 * fs-tree.c: fs_copy and fs_remove. Both recurse one directory level per
 * call, with each directory's names read in full first (fs_list_dir), so
 * the recursion holds no open directory and a tree may be modified while
 * it is walked. fs_copy remembers (device, inode) -> first copy for files
 * with several links when asked to preserve hard links.
 */
#include "fs-tree.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "fs-canon.h"
#include "fs-mode.h"
#include "fs-util.h"
#include "se-kernel.h"
#include "shell-quote.h"

#define COPY_CHUNK 131072

struct link_entry {
    dev_t dev;
    ino_t ino;
    char *path;
};

static struct link_entry *links;
static size_t nlinks, links_cap;

static void report(const char *what, const char *path, int err) {
    fflush(stdout);
    fprintf(stderr, "%s: %s %s: %s\n", se_prog, what, quoteaf(path), se_strerror(err));
}

static const char *find_link(const struct stat *st) {
    for (size_t i = 0; i < nlinks; i++)
        if (links[i].dev == st->st_dev && links[i].ino == st->st_ino) return links[i].path;
    return NULL;
}

static void remember_link(const struct stat *st, const char *path) {
    if (nlinks == links_cap) links = xrealloc(links, (links_cap = links_cap * 2 + 16) * sizeof *links);
    links[nlinks].dev = st->st_dev;
    links[nlinks].ino = st->st_ino;
    links[nlinks].path = xstrdup(path);
    nlinks++;
}

void fs_copy_done(void) {
    for (size_t i = 0; i < nlinks; i++) free(links[i].path);
    free(links);
    links = NULL;
    nlinks = links_cap = 0;
}

static void set_times(const char *path, const struct stat *st, int nofollow) {
    struct timespec ts[2] = {st->st_atim, st->st_mtim};
    fs_set_times(path, ts, nofollow);
}

static int copy_data(const char *src, const char *dst, int in, int out) {
    char *buf = xmalloc(COPY_CHUNK);
    int status = 0;
    for (;;) {
        ssize_t n = read(in, buf, COPY_CHUNK);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            report("error reading", src, errno);
            status = 1;
            break;
        }
        if (se_write_all(out, buf, (size_t)n) < 0) {
            report("error writing", dst, errno);
            status = 1;
            break;
        }
    }
    free(buf);
    return status;
}

static int copy_file(const char *src, const char *dst, const struct stat *sst, int dexists,
                     const struct fs_copy_opts *o) {
    if (o->preserve_links && sst->st_nlink > 1) {
        const char *first = find_link(sst);
        if (first) {
            if (dexists) unlink(dst);
            if (link(first, dst) == 0) return 0;
            report("cannot create hard link", dst, errno);
            return 1;
        }
    }
    int in = open(src, O_RDONLY);
    if (in < 0) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot open %s for reading: %s\n", se_prog, quoteaf(src), se_strerror(e));
        return 1;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, sst->st_mode & 0777);
    if (out < 0 && o->force && dexists) {
        unlink(dst);
        dexists = 0;
        out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, sst->st_mode & 0777);
    }
    if (out < 0) {
        fflush(stdout);
        fprintf(stderr, "%s: cannot create regular file %s: %s\n", se_prog, quoteaf(dst), se_strerror(errno));
        close(in);
        return 1;
    }
    int status = copy_data(src, dst, in, out);
    close(in);
    if (close(out) != 0 && !status) {
        report("error writing", dst, errno);
        status = 1;
    }
    if (o->preserve_mode) se_chmod(dst, sst->st_mode & 07777);
    else if (!dexists) se_chmod(dst, sst->st_mode & 0777 & ~fs_umask());
    if (o->preserve_times) set_times(dst, sst, 0);
    if (o->preserve_links && sst->st_nlink > 1) remember_link(sst, dst);
    return status;
}

/* Whether the directory dst lies inside (or is) the directory src. */
static int inside(const char *src, const char *dst) {
    char *s = fs_canonicalize(src, FS_CANON_MISSING, 1);
    char *d = fs_canonicalize(dst, FS_CANON_MISSING, 1);
    int r = 0;
    if (s && d) {
        size_t n = strlen(s);
        r = strncmp(s, d, n) == 0 && (d[n] == '/' || d[n] == '\0' || strcmp(s, "/") == 0);
    }
    free(s);
    free(d);
    return r;
}

/* The directory a top-level copy created inside its own source, never to be copied again; st_ino 0 when none. */
static struct stat into_itself;

static int copy_dir(const char *src, const char *dst, const struct stat *sst, int dexists,
                    const struct fs_copy_opts *o, int top) {
    int status = 0;
    int self = top && inside(src, dst);
    if (self) {
        /* As GNU does: say so, then copy everything but the copy itself. */
        fflush(stdout);
        fprintf(stderr, "%s: cannot copy a directory, %s, into itself, %s\n", se_prog, quoteaf_n(0, src), quoteaf_n(1, dst));
        status = 1;
    }
    if (!dexists && mkdir(dst, 0700) != 0) {
        report("cannot create directory", dst, errno);
        return 1;
    }
    if (self && lstat(dst, &into_itself) != 0) return 1;
    size_t n;
    char **names = fs_list_dir(src, &n);
    if (!names) {
        report("cannot access", src, errno);
        status = 1;
    } else {
        for (size_t i = 0; i < n; i++) {
            char *s = fs_join(src, names[i]), *d = fs_join(dst, names[i]);
            struct stat cst;
            int is_copy = into_itself.st_ino && lstat(s, &cst) == 0 && cst.st_dev == into_itself.st_dev &&
                          cst.st_ino == into_itself.st_ino;
            if (!is_copy) status |= fs_copy(s, d, o, 0);
            free(s);
            free(d);
        }
        fs_free_list(names);
    }
    if (o->preserve_mode) se_chmod(dst, sst->st_mode & 07777);
    else if (!dexists) se_chmod(dst, sst->st_mode & 0777 & ~fs_umask());
    if (o->preserve_times) set_times(dst, sst, 0);
    if (self) memset(&into_itself, 0, sizeof into_itself);
    return status;
}

int fs_copy(const char *src, const char *dst, const struct fs_copy_opts *o, int top) {
    struct stat sst, dst_st;
    int follow = o->deref == FS_DEREF_ALWAYS || (o->deref == FS_DEREF_COMMAND && top);
    if (fs_stat(src, &sst, follow) != 0) {
        report("cannot stat", src, errno);
        return 1;
    }
    if (S_ISDIR(sst.st_mode) && !o->recursive) {
        fflush(stdout);
        fprintf(stderr, "%s: -r not specified; omitting directory %s\n", se_prog, quoteaf(src));
        return 1;
    }
    struct stat dl;
    int dl_ok = lstat(dst, &dl) == 0;
    if (!dl_ok && errno == ENOTDIR) {
        report("cannot stat", dst, errno);
        return 1;
    }
    int dexists = dl_ok && (S_ISLNK(dl.st_mode) ? stat(dst, &dst_st) == 0 : (dst_st = dl, 1));
    int dlink = dl_ok && !dexists; /* a dangling symlink */
    if (dlink && !S_ISLNK(sst.st_mode)) {
        fflush(stdout);
        if (S_ISDIR(sst.st_mode))
            fprintf(stderr, "%s: cannot overwrite non-directory %s with directory %s\n", se_prog, quoteaf_n(0, dst), quoteaf_n(1, src));
        else
            fprintf(stderr, "%s: not writing through dangling symlink %s\n", se_prog, quoteaf(dst));
        return 1;
    }
    if (dl_ok && o->no_clobber && !(dexists && S_ISDIR(dst_st.st_mode))) return 0;
    int same = (dl_ok && dl.st_dev == sst.st_dev && dl.st_ino == sst.st_ino) ||
               (dexists && dst_st.st_dev == sst.st_dev && dst_st.st_ino == sst.st_ino && !S_ISLNK(sst.st_mode));
    if (same) {
        fflush(stdout);
        fprintf(stderr, "%s: %s and %s are the same file\n", se_prog, quoteaf_n(0, src), quoteaf_n(1, dst));
        return 1;
    }
    if (dexists) {
        if (S_ISDIR(dst_st.st_mode) && !S_ISDIR(sst.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "%s: cannot overwrite directory %s with non-directory\n", se_prog, quoteaf(dst));
            return 1;
        }
        if (!S_ISDIR(dst_st.st_mode) && S_ISDIR(sst.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "%s: cannot overwrite non-directory %s with directory %s\n", se_prog, quoteaf_n(0, dst), quoteaf_n(1, src));
            return 1;
        }
        if (!S_ISDIR(dst_st.st_mode) && o->update &&
            (dst_st.st_mtim.tv_sec > sst.st_mtim.tv_sec ||
             (dst_st.st_mtim.tv_sec == sst.st_mtim.tv_sec && dst_st.st_mtim.tv_nsec >= sst.st_mtim.tv_nsec)))
            return 0;
    }
    if (o->verbose) printf("%s -> %s\n", quoteaf_n(0, src), quoteaf_n(1, dst));
    if (S_ISLNK(sst.st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(src, target, sizeof target - 1);
        if (n < 0) {
            report("cannot read symbolic link", src, errno);
            return 1;
        }
        target[n] = '\0';
        if (dexists || dlink) unlink(dst);
        if (symlink(target, dst) != 0) {
            report("cannot create symbolic link", dst, errno);
            return 1;
        }
        if (o->preserve_times) set_times(dst, &sst, 1);
        return 0;
    }
    if (S_ISDIR(sst.st_mode)) return copy_dir(src, dst, &sst, dexists, o, top);
    return copy_file(src, dst, &sst, dexists, o);
}

int fs_remove(const char *path, const struct fs_remove_opts *o) {
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (o->force && (errno == ENOENT || errno == ENOTDIR)) return 0;
        report("cannot remove", path, errno);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (unlink(path) != 0) {
            report("cannot remove", path, errno);
            return 1;
        }
        if (o->verbose) printf("removed %s\n", quoteaf(path));
        return 0;
    }
    if (!o->recursive && !o->dirs) {
        report("cannot remove", path, EISDIR);
        return 1;
    }
    int status = 0;
    if (!o->recursive) {
        /* -d: say "not empty" for any directory with entries, "." and ".." included, as GNU does. */
        size_t n;
        char **names = fs_list_dir(path, &n);
        fs_free_list(names);
        if (names && n > 0) {
            report("cannot remove", path, ENOTEMPTY);
            return 1;
        }
    } else {
        size_t n;
        char **names = fs_list_dir(path, &n);
        if (!names) {
            report("cannot remove", path, errno);
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            char *child = fs_join(path, names[i]);
            status |= fs_remove(child, o);
            free(child);
        }
        fs_free_list(names);
    }
    if (rmdir(path) != 0) {
        if (!status) report("cannot remove", path, errno);
        return 1;
    }
    if (o->verbose) printf("removed directory %s\n", quoteaf(path));
    return status;
}
