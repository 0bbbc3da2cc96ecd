/* fs-util.c: the file-system helpers declared in fs-util.h. */
#include "fs-util.h"

#include <dirent.h>
#include <fcntl.h>
#include <time.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "se-kernel.h"

int fs_stat(const char *path, struct stat *st, int follow) {
    if ((follow ? stat(path, st) : lstat(path, st)) != 0) return -1;
#ifdef __wasi__
    unsigned mode, uid, gid;
    if (se_stat_ext(path, follow, &mode, &uid, &gid) == 0) {
        st->st_mode = (st->st_mode & S_IFMT) | (mode & 07777);
        st->st_uid = uid;
        st->st_gid = gid;
    } else {
        /* A host without the import: the usual defaults for the type. */
        st->st_mode |= S_ISDIR(st->st_mode) ? 0755 : S_ISLNK(st->st_mode) ? 0777 : 0644;
    }
    st->st_blksize = 4096;
    st->st_blocks = 0;
    st->st_blocks = (blkcnt_t)fs_blocks(st);
#endif
    return 0;
}

int fs_stat_fast(const char *path, struct stat *st, int follow) {
#ifdef __wasi__
    if ((follow ? stat(path, st) : lstat(path, st)) != 0) return -1;
    st->st_mode &= S_IFMT;
    st->st_uid = st->st_gid = 0;
    st->st_blksize = 4096;
    st->st_blocks = 0;
    st->st_blocks = (blkcnt_t)fs_blocks(st);
    return 0;
#else
    return fs_stat(path, st, follow);
#endif
}

unsigned long long fs_blocks(const struct stat *st) {
#ifdef __wasi__
    unsigned long long size = st->st_size > 0 ? (unsigned long long)st->st_size : 0;
    if (S_ISDIR(st->st_mode)) {
        if (size < 4096) size = 4096;
    } else if (!S_ISREG(st->st_mode)) {
        return 0;
    }
    return (size + 4095) / 4096 * 8;
#else
    return (unsigned long long)st->st_blocks;
#endif
}

char *fs_join(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *out = xmalloc(a + b + 2);
    memcpy(out, dir, a);
    if (a > 0 && dir[a - 1] != '/') out[a++] = '/';
    memcpy(out + a, name, b + 1);
    return out;
}

void fs_mode_string(unsigned mode, char out[11]) {
    out[0] = S_ISREG(mode) ? '-' : S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : S_ISCHR(mode) ? 'c'
           : S_ISBLK(mode) ? 'b' : S_ISFIFO(mode) ? 'p' : S_ISSOCK(mode) ? 's' : '?';
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) out[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
    if (mode & S_ISUID) out[3] = (mode & 0100) ? 's' : 'S';
    if (mode & S_ISGID) out[6] = (mode & 0010) ? 's' : 'S';
    if (mode & S_ISVTX) out[9] = (mode & 0001) ? 't' : 'T';
    out[10] = '\0';
}

const char *fs_type_name(unsigned mode, long long size) {
    /* wasi-libc gives fifos and sockets the same type bits, so no switch on S_IF* here. */
    if (S_ISREG(mode)) return size == 0 ? "regular empty file" : "regular file";
    if (S_ISDIR(mode)) return "directory";
    if (S_ISLNK(mode)) return "symbolic link";
    if (S_ISFIFO(mode)) return "fifo";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISCHR(mode)) return "character special file";
    if (S_ISBLK(mode)) return "block special file";
    return "weird file";
}

int fs_is_dot_or_dotdot(const char *path) {
    const char *last = fs_last_component(path);
    size_t n = strcspn(last, "/");
    return (n == 1 && last[0] == '.') || (n == 2 && last[0] == '.' && last[1] == '.');
}

const char *fs_last_component(const char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    size_t i = n;
    while (i > 0 && path[i - 1] != '/') i--;
    return path + i;
}

char **fs_list_dir(const char *path, size_t *count) {
    DIR *d = opendir(path);
    if (!d) return NULL;
    size_t n = 0, cap = 16;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0'))) continue;
        if (n + 2 > cap) names = xrealloc(names, (cap *= 2) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    int err = errno;
    closedir(d);
    names[n] = NULL;
    if (err) {
        fs_free_list(names);
        errno = err;
        return NULL;
    }
    if (count) *count = n;
    return names;
}

void fs_free_list(char **names) {
    if (!names) return;
    for (char **p = names; *p; p++) free(*p);
    free(names);
}

const char *fs_user_name(unsigned uid) { return uid == 0 ? "root" : NULL; }

const char *fs_group_name(unsigned gid) { return gid == 0 ? "root" : NULL; }

int fs_set_times(const char *path, const struct timespec ts[2], int nofollow) {
    struct timespec t[2] = {ts[0], ts[1]};
    if (t[0].tv_nsec == UTIME_OMIT || t[1].tv_nsec == UTIME_OMIT) {
        struct stat st;
        if ((nofollow ? lstat(path, &st) : stat(path, &st)) != 0) return -1;
        if (t[0].tv_nsec == UTIME_OMIT) t[0] = st.st_atim;
        if (t[1].tv_nsec == UTIME_OMIT) t[1] = st.st_mtim;
    }
    if (t[0].tv_nsec == UTIME_NOW || t[1].tv_nsec == UTIME_NOW) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        if (t[0].tv_nsec == UTIME_NOW) t[0] = now;
        if (t[1].tv_nsec == UTIME_NOW) t[1] = now;
    }
    return utimensat(AT_FDCWD, path, t, nofollow ? AT_SYMLINK_NOFOLLOW : 0);
}
