/*
 * fs-util.h: file-system helpers shared by the "files" commands (ls, stat,
 * cp, mv, rm, find, du, chmod...): a stat that fills in what WASI's filestat
 * lacks, block counts, path joining and mode strings.
 */
#ifndef SE_FS_UTIL_H
#define SE_FS_UTIL_H

#include <stddef.h>
#include <sys/stat.h>

/*
 * stat (follow != 0) or lstat PATH into *st, complete: under WASI the
 * permission bits, uid and gid come from the kernel's path_stat_ext import
 * (WASI's filestat has only the file type), and st_blocks is estimated by
 * fs_blocks. Returns 0, or -1 with errno.
 */
int fs_stat(const char *path, struct stat *st, int follow);

/*
 * fs_stat for walks that never look at permission bits or owners (du, find
 * without -perm/-user/-printf/-ls, ls without -l/-F/--color): under WASI it
 * skips the path_stat_ext call, one kernel round trip per file, and leaves
 * the permission bits, uid and gid zero. Type, size, times, links, inode and
 * blocks are as fs_stat gives them.
 */
int fs_stat_fast(const char *path, struct stat *st, int follow);

/*
 * The 512-byte blocks a file occupies. Natively this is st_blocks. Under
 * WASI, which reports no block count, it is what ext4 with 4 KiB blocks
 * would allocate for a file written without holes: the size rounded up to
 * 4 KiB for regular files and directories (at least one block for a
 * directory), nothing for symlinks and other types.
 */
unsigned long long fs_blocks(const struct stat *st);

/* "dir/name" (no doubled slash when dir ends in '/'); the caller frees it. */
char *fs_join(const char *dir, const char *name);

/* The 10-character "drwxr-xr-x" form of a mode, with setuid/setgid/sticky letters, NUL-terminated. */
void fs_mode_string(unsigned mode, char out[11]);

/* GNU's "regular file", "directory", "symbolic link", ... for the type bits of mode (as stat %F prints). */
const char *fs_type_name(unsigned mode, long long size);

/* Whether path names "." or ".." as its last component (rm and cp refuse those). */
int fs_is_dot_or_dotdot(const char *path);

/* The start of the last component of path ("a/b/" -> "b/"): trailing slashes are skipped over, not removed. */
const char *fs_last_component(const char *path);

/*
 * utimensat(AT_FDCWD, path, ts, nofollow ? AT_SYMLINK_NOFOLLOW : 0), with
 * UTIME_NOW and UTIME_OMIT replaced by the clock and the file's current
 * times first: wasi-libc refuses those two markers with EINVAL.
 */
int fs_set_times(const char *path, const struct timespec ts[2], int nofollow);

/*
 * The name of a user or group id. The sandbox has no user database, so
 * the mapping is fixed: 0 is "root"; any other id has no name (NULL), and
 * callers print the number instead, as GNU tools do for unknown ids.
 */
const char *fs_user_name(unsigned uid);
const char *fs_group_name(unsigned gid);

/*
 * The names in directory path, without "." and "..", in the order readdir
 * gives them, as a NULL-terminated malloc'd array (free with fs_free_list);
 * *count receives their number. NULL with errno on failure. Reading the
 * whole directory first lets callers recurse or delete entries freely.
 */
char **fs_list_dir(const char *path, size_t *count);
void fs_free_list(char **names);

#endif
