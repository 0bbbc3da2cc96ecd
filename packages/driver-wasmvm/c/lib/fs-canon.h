/*
 * fs-canon.h: canonical absolute paths, as realpath, readlink -f/-e/-m and
 * the "same file" checks of cp and mv compute them: "." and ".." and
 * doubled slashes removed, symlinks resolved (up to 40 in a row).
 */
#ifndef SE_FS_CANON_H
#define SE_FS_CANON_H

/* How much of the path must exist. */
enum fs_canon_mode {
    FS_CANON_ALL_BUT_LAST, /* readlink -f, realpath: every component but the last */
    FS_CANON_EXISTING,     /* -e: every component */
    FS_CANON_MISSING,      /* -m: none; missing parts are taken as plain names */
};

/*
 * The canonical absolute form of path (malloc'd), or NULL with errno
 * (ENOENT, ENOTDIR, ELOOP...). With resolve_links == 0 symlinks are kept as
 * they are (realpath -s) and only the existence rules apply.
 */
char *fs_canonicalize(const char *path, enum fs_canon_mode mode, int resolve_links);

/* The path of target relative to the directory base, both canonical absolute (malloc'd). */
char *fs_relative(const char *target, const char *base);

#endif
