/**
 * The per-descriptor state WASI has and the kernel does not keep: rights,
 * and the DSYNC / RSYNC / SYNC fdflags (accepted and reported; the VFS is
 * always synchronous). A descriptor starts with every right its type allows;
 * `path_open` and `fd_fdstat_set_rights` can only narrow that. Only
 * narrowed descriptors are recorded, so ordinary calls need no lookup beyond
 * one Map miss; the table follows close, renumber and dup2 so a recycled
 * number starts afresh.
 */
import { Filetype, Rights } from "../shared/wasi-defs.js";

const R = Rights;

/** Rights of an open regular file (or a seekable device such as /dev/null). */
export const FILE_RIGHTS =
  R.FD_DATASYNC | R.FD_READ | R.FD_SEEK | R.FD_FDSTAT_SET_FLAGS | R.FD_SYNC | R.FD_TELL | R.FD_WRITE |
  R.FD_ADVISE | R.FD_ALLOCATE | R.FD_FILESTAT_GET | R.FD_FILESTAT_SET_SIZE | R.FD_FILESTAT_SET_TIMES |
  R.POLL_FD_READWRITE;

/** Rights of an open directory. */
export const DIRECTORY_RIGHTS =
  R.FD_FDSTAT_SET_FLAGS | R.FD_SYNC | R.FD_DATASYNC | R.FD_ADVISE | R.PATH_CREATE_DIRECTORY | R.PATH_CREATE_FILE |
  R.PATH_LINK_SOURCE | R.PATH_LINK_TARGET | R.PATH_OPEN | R.FD_READDIR | R.PATH_READLINK | R.PATH_RENAME_SOURCE |
  R.PATH_RENAME_TARGET | R.PATH_FILESTAT_GET | R.PATH_FILESTAT_SET_SIZE | R.PATH_FILESTAT_SET_TIMES |
  R.FD_FILESTAT_GET | R.FD_FILESTAT_SET_TIMES | R.PATH_SYMLINK | R.PATH_REMOVE_DIRECTORY | R.PATH_UNLINK_FILE;

/** Rights of a pipe, a terminal or a socket: no seeking, which is how wasi-libc's isatty tells a terminal. */
export const STREAM_RIGHTS = R.FD_READ | R.FD_WRITE | R.FD_FDSTAT_SET_FLAGS | R.FD_FILESTAT_GET | R.POLL_FD_READWRITE;

/** The base and inheriting rights a descriptor of this type starts with. */
export function defaultRights(filetype: number, isatty: boolean): { base: number; inheriting: number } {
  if (filetype === Filetype.DIRECTORY) return { base: DIRECTORY_RIGHTS, inheriting: DIRECTORY_RIGHTS | FILE_RIGHTS };
  if (filetype === Filetype.REGULAR_FILE) return { base: FILE_RIGHTS, inheriting: 0 };
  if (filetype === Filetype.CHARACTER_DEVICE && !isatty) return { base: FILE_RIGHTS, inheriting: 0 };
  return { base: STREAM_RIGHTS, inheriting: 0 };
}

/** The narrowed rights and sync flags of the process's descriptors. */
export class FdState {
  private readonly narrowed = new Map<number, { base: number; inheriting: number }>();
  private readonly sync = new Map<number, number>();

  /** The DSYNC / RSYNC / SYNC fdflags set on `fd`. */
  syncFlags(fd: number): number {
    return this.sync.get(fd) ?? 0;
  }

  /** Records the sync fdflags of `fd`. */
  setSyncFlags(fd: number, flags: number): void {
    if (flags) this.sync.set(fd, flags);
    else this.sync.delete(fd);
  }

  /** The recorded rights of `fd`, or undefined when it has its type's full set. */
  get(fd: number): { base: number; inheriting: number } | undefined {
    return this.narrowed.get(fd);
  }

  /** Whether `fd` holds every right in `needed` (descriptors never narrowed hold all). */
  has(fd: number, needed: number): boolean {
    const entry = this.narrowed.get(fd);
    return entry === undefined || (entry.base & needed) === needed;
  }

  /** Whether `fd` may pass every right in `needed` on to descriptors opened through it. */
  canInherit(fd: number, needed: number): boolean {
    const entry = this.narrowed.get(fd);
    return entry === undefined || (entry.inheriting & needed) === needed;
  }

  /** Records narrowed rights for `fd`. */
  set(fd: number, base: number, inheriting: number): void {
    this.narrowed.set(fd, { base, inheriting });
  }

  /** Forgets `fd` (closed, or replaced by another descriptor). */
  forget(fd: number): void {
    this.narrowed.delete(fd);
    this.sync.delete(fd);
  }

  /** `to` now refers to what `from` referred to (dup2), keeping `from`. */
  copy(from: number, to: number): void {
    const entry = this.narrowed.get(from);
    if (entry) this.narrowed.set(to, entry);
    else this.narrowed.delete(to);
    this.setSyncFlags(to, this.syncFlags(from));
  }

  /** `to` takes over `from` (renumber). */
  move(from: number, to: number): void {
    this.copy(from, to);
    this.forget(from);
  }
}
