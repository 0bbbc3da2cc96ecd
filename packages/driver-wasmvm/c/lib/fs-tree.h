/*
 * fs-tree.h: copying and removing whole trees, the shared core of cp, mv
 * (which copies and removes when a rename crosses file systems) and rm.
 * Both report failures GNU-style under se_prog and keep going.
 */
#ifndef SE_FS_TREE_H
#define SE_FS_TREE_H

/* How fs_copy treats symlinks it meets. */
enum fs_deref {
    FS_DEREF_NEVER,   /* -P, and the default with -R: copy the link itself */
    FS_DEREF_ALWAYS,  /* -L */
    FS_DEREF_COMMAND, /* -H, and the default without -R: follow only operands */
};

struct fs_copy_opts {
    int recursive;
    enum fs_deref deref;
    int preserve_mode, preserve_times, preserve_links;
    int no_clobber, force, update, verbose;
};

/*
 * Copies src to dst (dst is the final name, not a directory to copy into).
 * top marks a command-line operand. Returns 0, or 1 after reporting errors.
 */
int fs_copy(const char *src, const char *dst, const struct fs_copy_opts *o, int top);

/* Frees the hard-link table fs_copy keeps for preserve_links. */
void fs_copy_done(void);

struct fs_remove_opts {
    int recursive, force, dirs, verbose;
};

/* Removes path (a tree with recursive). Returns 0, or 1 after reporting errors. */
int fs_remove(const char *path, const struct fs_remove_opts *o);

#endif
