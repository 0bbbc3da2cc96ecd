/**
 * The calls a WASI worker makes to the kernel thread over its bridge channel:
 * one op number each, with the meaning of its argument values, payload and
 * reply. Status is always a WASI errno (0 on success). Paths travel as UTF-8
 * payloads; two paths are separated by a NUL byte.
 */
export const Op = {
  /** [fd, maxBytes] → payload: the bytes read (empty at end of file). */
  FD_READ: 1,
  /** [fd] + payload → [bytesWritten]. */
  FD_WRITE: 2,
  /** [fd, maxBytes, offset] → payload. */
  FD_PREAD: 3,
  /** [fd, offset] + payload → [bytesWritten]. */
  FD_PWRITE: 4,
  /** [fd, offset, whence] → [newOffset]. */
  FD_SEEK: 5,
  /** [fd]. */
  FD_CLOSE: 6,
  /** [fd]. */
  FD_SYNC: 7,
  /** [fd] → [filetype, fdflags, isatty, accessMode]. */
  FD_FDSTAT: 8,
  /** [fd, fdflags]. */
  FD_SET_FLAGS: 9,
  /** [fd] → filestat values (see FILESTAT_VALUES) + payload: atim, mtim, ctim (u64 ns each). */
  FD_FILESTAT: 10,
  /** [fd, size]. */
  FD_SET_SIZE: 11,
  /** [fd, fstflags] + payload: atim, mtim (u64 ns each). */
  FD_SET_TIMES: 12,
  /** [fd, cookie, bufferBytes] → payload: dirent records, cut at bufferBytes. */
  FD_READDIR: 13,
  /** [from, to]. */
  FD_RENUMBER: 14,
  /** [fd, offset, length]. */
  FD_ALLOCATE: 15,
  /** [fd, offset, length, advice]. */
  FD_ADVISE: 16,
  /** [dirfd, lookupflags, oflags, fdflags, accessMode] + path → [fd, filetype]. */
  PATH_OPEN: 17,
  /** [dirfd] + path. */
  PATH_CREATE_DIRECTORY: 18,
  /** [dirfd] + path. */
  PATH_REMOVE_DIRECTORY: 19,
  /** [dirfd] + path. */
  PATH_UNLINK_FILE: 20,
  /** [oldDirfd, newDirfd] + "old\0new". */
  PATH_RENAME: 21,
  /** [dirfd] + "target\0path". */
  PATH_SYMLINK: 22,
  /** [dirfd] + path → payload: the link's target. */
  PATH_READLINK: 23,
  /** [oldDirfd, lookupflags, newDirfd] + "old\0new". */
  PATH_LINK: 24,
  /** [dirfd, lookupflags] + path → filestat values + payload: atim, mtim, ctim. */
  PATH_FILESTAT: 25,
  /** [dirfd, lookupflags, fstflags] + payload: atim, mtim (u64 ns each), then the path. */
  PATH_SET_TIMES: 26,
  /** [timeoutMs (-1: none)] + payload: (u32 fd, u32 eventtype) pairs → payload: (u32 index, u32 errno) pairs of ready entries. */
  POLL: 27,
  /** [stdinFd, stdoutFd, stderrFd] + JSON { argv, env?, cwd? } → [pid]. */
  PROC_SPAWN: 28,
  /** [pid, options] → [pid, status]. */
  PROC_WAITPID: 29,
  /** [pid, signal]. */
  PROC_KILL: 30,
  /** [] → [readFd, writeFd]. */
  FD_PIPE: 31,
  /** [fd] → [newFd]. */
  FD_DUP: 32,
  /** [oldFd, newFd]. */
  FD_DUP2: 33,
  /** path → payload: the new absolute cwd. */
  PROC_CHDIR: 34,
  /** [follow] + absolute path → [st_mode, uid, gid]. */
  PATH_STAT_EXT: 35,
  /** [mode] + absolute path. */
  PATH_CHMOD: 36,
} as const;

/** Indices of the values a filestat reply carries. */
export const FILESTAT_VALUES = { DEV: 0, INO: 1, FILETYPE: 2, NLINK: 3, SIZE: 4 } as const;

/** Access modes the worker derives from WASI rights and the host passes on as O_RDONLY / O_WRONLY / O_RDWR. */
export const AccessMode = { READ: 0, WRITE: 1, READ_WRITE: 2 } as const;
