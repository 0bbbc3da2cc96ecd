/**
 * The file-system contract. A backend (`VirtualFileSystem`: memfs in
 * os-browser, a host folder in os-node) is synchronous and never follows
 * symlinks: the kernel walks every path itself, component by component,
 * across mounts, so a backend only ever sees absolute paths inside its own
 * tree whose parent components are real directories. `KernelVfs` is the
 * kernel's view over its mount table, with symlinks, devices and
 * permissions, in the async form the seed uses (`await vfs.readFile(p)`).
 */
import type { DirEntry } from "../types.js";

/** File metadata, as `lstat`/`fstat` report it. */
export interface VfsStat {
  /** Device id of the file system. */
  dev: number;
  /** Inode number. */
  ino: number;
  /** Full st_mode: type bits (S_IFREG, S_IFDIR, ...) and permission bits. */
  mode: number;
  /** Number of hard links. */
  nlink: number;
  /** Owner user id. */
  uid: number;
  /** Owner group id. */
  gid: number;
  /** Size in bytes (for a symlink, the length of its target). */
  size: number;
  /** Last access, in milliseconds since the epoch. */
  atimeMs: number;
  /** Last modification, in milliseconds since the epoch. */
  mtimeMs: number;
  /** Last status change, in milliseconds since the epoch. */
  ctimeMs: number;
  /** Creation, in milliseconds since the epoch. */
  birthtimeMs: number;
}

/** A file opened on a backend; positions are explicit, the kernel keeps the cursor. */
export interface VfsFile {
  /** Reads into `buffer` from `position`; returns the number of bytes read (0 at end). */
  read(buffer: Uint8Array, position: number): number;
  /** Writes `data` at `position`; returns the number of bytes written. */
  write(data: Uint8Array, position: number): number;
  /** Metadata of the open file (still valid after an unlink). */
  stat(): VfsStat;
  /** Truncates or zero-extends to `length`. */
  truncate(length: number): void;
  /** Sets access and modification times. */
  utimes(atimeMs: number, mtimeMs: number): void;
  /** Flushes to stable storage where that means anything. */
  sync(): void;
  /** Releases the handle. */
  close(): void;
}

/**
 * A backend file system. Paths are absolute within the backend ("/" is its
 * root), normalized, and every parent component is a directory, not a
 * symlink. No method follows a symlink in the last component. Errors are
 * `KernelError`s with POSIX codes.
 */
export interface VirtualFileSystem {
  /** Metadata of the entry itself. */
  lstat(path: string): VfsStat;
  /** Entries of a directory, without "." and "..". */
  readdir(path: string): DirEntry[];
  /** Creates one directory. */
  mkdir(path: string, mode: number): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  /** Removes a non-directory entry. */
  unlink(path: string): void;
  /** Renames atomically, replacing `to` as POSIX rename does. */
  rename(from: string, to: string): void;
  /** Creates a hard link. */
  link(existing: string, newPath: string): void;
  /** Creates a symlink at `path` holding `target` verbatim. */
  symlink(target: string, path: string): void;
  /** The target a symlink holds. */
  readlink(path: string): string;
  /** Sets permission bits. */
  chmod(path: string, mode: number): void;
  /** Sets access and modification times. */
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  /**
   * Opens a regular file. `flags` carry only O_ACCMODE, O_CREAT, O_EXCL and
   * O_TRUNC; `mode` applies when the file is created.
   */
  open(path: string, flags: number, mode: number): VfsFile;
  /** Releases anything the backend holds. */
  dispose?(): void;
}

/** Options for `KernelVfs.mkdir`. */
export interface MkdirOptions {
  /** Create missing parents, and succeed if the directory exists. */
  recursive?: boolean;
  /** Permission bits (before umask); default 0o777. */
  mode?: number;
}

/** The kernel's file system as drivers and embedders see it. Paths are absolute. */
export interface KernelVfs {
  /** The whole file's bytes. */
  readFile(path: string): Promise<Uint8Array>;
  /** The whole file, decoded as UTF-8. */
  readTextFile(path: string): Promise<string>;
  /** Creates or replaces a file (parents must exist). */
  writeFile(path: string, content: string | Uint8Array, mode?: number): Promise<void>;
  /** Appends to a file, creating it if needed. */
  appendFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Names in a directory, sorted, without "." and "..". */
  readdir(path: string): Promise<string[]>;
  /** Entries of a directory with their types. */
  readdirWithTypes(path: string): Promise<DirEntry[]>;
  /** Metadata, following symlinks. */
  stat(path: string): Promise<VfsStat>;
  /** Metadata, not following a final symlink. */
  lstat(path: string): Promise<VfsStat>;
  /** Whether the path exists (following symlinks). */
  exists(path: string): Promise<boolean>;
  /** Creates a directory. */
  mkdir(path: string, options?: MkdirOptions): Promise<void>;
  /** Removes an empty directory. */
  rmdir(path: string): Promise<void>;
  /** Removes a non-directory. */
  unlink(path: string): Promise<void>;
  /** Removes a file or a directory tree. */
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  /** Renames. */
  rename(from: string, to: string): Promise<void>;
  /** Creates a symlink at `path` holding `target`. */
  symlink(target: string, path: string): Promise<void>;
  /** Reads a symlink. */
  readlink(path: string): Promise<string>;
  /** Creates a hard link. */
  link(existing: string, newPath: string): Promise<void>;
  /** Sets permission bits (following symlinks). */
  chmod(path: string, mode: number): Promise<void>;
  /** Sets times (following symlinks unless `nofollow`). */
  utimes(path: string, atimeMs: number, mtimeMs: number, nofollow?: boolean): Promise<void>;
  /** Truncates or extends a file. */
  truncate(path: string, length: number): Promise<void>;
  /** The canonical absolute path, all symlinks resolved. */
  realpath(path: string): Promise<string>;
}
