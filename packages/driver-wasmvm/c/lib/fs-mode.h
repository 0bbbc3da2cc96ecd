/*
 * fs-mode.h: chmod-style mode specifications, octal ("755", "0644",
 * "00755") or symbolic ("u+x,go-w", "a=rX", "g=u", "+t"), as chmod and
 * mkdir -m take them.
 */
#ifndef SE_FS_MODE_H
#define SE_FS_MODE_H

/* Whether spec is a syntactically valid mode. */
int fs_mode_valid(const char *spec);

/*
 * The permission bits (07777) spec makes of old for a file that is a
 * directory or not. Clauses without u/g/o/a act on all classes but leave
 * alone the bits set in umask, as GNU chmod does. An octal mode of at most
 * four digits keeps a directory's setuid/setgid bits. Returns 0, or -1 for
 * an invalid spec.
 */
int fs_mode_apply(const char *spec, unsigned old, int is_dir, unsigned umask, unsigned *out);

/* The process's umask: the host's natively; 022 under WASI, which has none. */
unsigned fs_umask(void);

#endif
