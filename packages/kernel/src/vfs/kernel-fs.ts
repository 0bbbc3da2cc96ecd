/**
 * The kernel's synchronous file-system layer: every path operation walks the
 * path through the mount table (path-walk.ts), checks the embedder's policy,
 * and calls one backend. Errors name the guest path, never a backend path.
 * Opening a path yields a `FileObject` for an open-file description. Where
 * the backend has no entry, the registered commands appear under /bin and
 * /usr/bin (command-files.ts), read-only.
 */
import {
  O_ACCMODE, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_TRUNC, O_WRONLY,
  S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
} from "../constants.js";
import { KernelError, isKernelError, pathError } from "../errors.js";
import { DirectoryObject, RegularFileObject, type FileObject } from "../open-file.js";
import { checkFs, type FsOperation, type Permissions } from "../permissions.js";
import type { DirEntry, FileType } from "../types.js";
import type { MountTable } from "./mount-table.js";
import type { CommandFiles } from "./command-files.js";
import { walkPath, type WalkResult } from "./path-walk.js";
import { isPathWithin } from "./path.js";
import type { VfsStat } from "./types.js";

/** The file type an st_mode names. */
export function fileTypeOfMode(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFREG: return "file";
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symlink";
    case S_IFCHR: return "chardev";
    case 0o010000: return "pipe";
    case 0o140000: return "socket";
    default: return "unknown";
  }
}

/** A walked path, marked when it is one of the synthetic command files. */
type Found = WalkResult & { command?: boolean };

/** Path operations over the mount table, with permissions applied. */
export class KernelFileSystem {
  constructor(
    private readonly mounts: MountTable,
    private readonly commands: CommandFiles,
    private readonly permissions?: Permissions,
  ) {}

  /** Walks a path (absolute) and checks the policy for `op` on the result. */
  walk(path: string, follow: boolean, op: FsOperation, syscall: string): Found {
    const found = this.find(path, follow, syscall);
    checkFs(this.permissions, { op, path: found.path });
    return found;
  }

  /** Whether `path` is one of the synthetic command files (no real entry there). */
  isCommandFile(path: string): boolean {
    try {
      return this.find(path, true, "stat").command === true;
    } catch {
      return false;
    }
  }

  private find(path: string, follow: boolean, syscall: string): Found {
    const found: Found = walkPath(this.mounts, path, follow, syscall);
    if (found.stat !== null) return found;
    const stat = this.commands.stat(found.path);
    return stat ? { ...found, stat, command: true } : found;
  }

  /** Refuses to change a synthetic command file. */
  private writable(at: Found, syscall: string, path: string): void {
    if (at.command) throw pathError("EROFS", syscall, path);
  }

  /** Metadata, following symlinks. */
  stat(path: string): VfsStat {
    return this.existing(path, true, "stat", "stat").stat;
  }

  /** Metadata of the entry itself. */
  lstat(path: string): VfsStat {
    return this.existing(path, false, "stat", "lstat").stat;
  }

  /** Directory entries, with mount points inside it. */
  readdir(path: string): DirEntry[] {
    const dir = this.existing(path, true, "readdir", "scandir");
    if ((dir.stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "scandir", path);
    return this.listDirectory(dir);
  }

  /** Creates a directory (EEXIST if anything is there). */
  mkdir(path: string, mode: number): void {
    const at = this.walk(path, false, "mkdir", "mkdir");
    if (at.stat) throw pathError("EEXIST", "mkdir", path);
    this.guard("mkdir", path, () => at.mount.fs.mkdir(at.inner, mode));
  }

  /** Removes an empty directory. */
  rmdir(path: string): void {
    const at = this.existing(path, false, "rmdir", "rmdir");
    if (at.inner === "/") throw pathError("EBUSY", "rmdir", path);
    if ((at.stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "rmdir", path);
    this.guard("rmdir", path, () => at.mount.fs.rmdir(at.inner));
  }

  /** Removes a non-directory. */
  unlink(path: string): void {
    const at = this.existing(path, false, "unlink", "unlink");
    this.writable(at, "unlink", path);
    if ((at.stat.mode & S_IFMT) === S_IFDIR) throw pathError("EISDIR", "unlink", path);
    this.guard("unlink", path, () => at.mount.fs.unlink(at.inner));
  }

  /** Renames within one mount (EXDEV across mounts). */
  rename(from: string, to: string): void {
    const src = this.existing(from, false, "rename", "rename");
    const dst = this.walk(to, false, "rename", "rename");
    this.writable(src, "rename", from);
    this.writable(dst, "rename", to);
    if (src.inner === "/" || dst.inner === "/") throw pathError("EBUSY", "rename", from);
    if (src.mount !== dst.mount) throw pathError("EXDEV", "rename", from);
    if (src.path === dst.path) return;
    const srcIsDir = (src.stat.mode & S_IFMT) === S_IFDIR;
    if (srcIsDir && isPathWithin(dst.path, src.path)) throw pathError("EINVAL", "rename", from);
    if (dst.stat) {
      const dstIsDir = (dst.stat.mode & S_IFMT) === S_IFDIR;
      if (srcIsDir && !dstIsDir) throw pathError("ENOTDIR", "rename", to);
      if (!srcIsDir && dstIsDir) throw pathError("EISDIR", "rename", to);
    }
    this.guard("rename", from, () => src.mount.fs.rename(src.inner, dst.inner));
  }

  /** Creates a hard link (not to directories; EXDEV across mounts). */
  link(existing: string, newPath: string): void {
    const src = this.existing(existing, false, "link", "link");
    const dst = this.walk(newPath, false, "link", "link");
    this.writable(src, "link", existing);
    if (dst.stat) throw pathError("EEXIST", "link", newPath);
    if ((src.stat.mode & S_IFMT) === S_IFDIR) throw pathError("EPERM", "link", existing);
    if (src.mount !== dst.mount) throw pathError("EXDEV", "link", existing);
    this.guard("link", newPath, () => src.mount.fs.link(src.inner, dst.inner));
  }

  /** Creates a symlink holding `target` verbatim. */
  symlink(target: string, path: string): void {
    if (target === "") throw pathError("ENOENT", "symlink", path);
    const at = this.walk(path, false, "symlink", "symlink");
    if (at.stat) throw pathError("EEXIST", "symlink", path);
    this.guard("symlink", path, () => at.mount.fs.symlink(target, at.inner));
  }

  /** The target of a symlink. */
  readlink(path: string): string {
    const at = this.existing(path, false, "readlink", "readlink");
    if ((at.stat.mode & S_IFMT) !== S_IFLNK) throw pathError("EINVAL", "readlink", path);
    return this.guard("readlink", path, () => at.mount.fs.readlink(at.inner));
  }

  /** Sets permission bits (following symlinks). */
  chmod(path: string, mode: number): void {
    const at = this.existing(path, true, "chmod", "chmod");
    this.writable(at, "chmod", path);
    this.guard("chmod", path, () => at.mount.fs.chmod(at.inner, mode & 0o7777));
  }

  /** Sets times. */
  utimes(path: string, atimeMs: number, mtimeMs: number, nofollow = false): void {
    const at = this.existing(path, !nofollow, "utimes", "utime");
    this.writable(at, "utime", path);
    this.guard("utime", path, () => at.mount.fs.utimes(at.inner, atimeMs, mtimeMs));
  }

  /** Truncates or extends a regular file. */
  truncate(path: string, length: number): void {
    if (!Number.isSafeInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall: "truncate", path });
    const at = this.existing(path, true, "truncate", "truncate");
    this.writable(at, "truncate", path);
    const type = at.stat.mode & S_IFMT;
    if (type === S_IFDIR) throw pathError("EISDIR", "truncate", path);
    if (type !== S_IFREG) throw pathError("EINVAL", "truncate", path);
    const handle = this.guard("truncate", path, () => at.mount.fs.open(at.inner, O_WRONLY, 0));
    try {
      handle.truncate(length);
    } finally {
      handle.close();
    }
  }

  /** The canonical path with every symlink resolved. */
  realpath(path: string): string {
    return this.existing(path, true, "stat", "realpath").path;
  }

  /**
   * Opens a path for an open-file description. Handles O_CREAT, O_EXCL,
   * O_TRUNC, O_DIRECTORY and O_NOFOLLOW; directories open read-only;
   * `mode` is applied with the caller's umask already removed.
   */
  open(path: string, flags: number, mode: number): { object: FileObject; path: string } {
    const access = flags & O_ACCMODE;
    const wantsWrite = access !== O_RDONLY;
    const follow = (flags & O_NOFOLLOW) === 0 && !((flags & O_CREAT) && (flags & O_EXCL));
    const at = this.find(path, follow, "open");
    if (at.stat === null) {
      if (!(flags & O_CREAT)) throw pathError("ENOENT", "open", path);
      if (flags & O_DIRECTORY) throw pathError("EINVAL", "open", path);
      checkFs(this.permissions, { op: "create", path: at.path });
      const created = this.guard("open", path, () => at.mount.fs.open(at.inner, access | O_CREAT | O_EXCL, mode));
      return { object: new RegularFileObject(created, "file"), path: at.path };
    }
    const type = at.stat.mode & S_IFMT;
    if ((flags & O_CREAT) && (flags & O_EXCL)) throw pathError("EEXIST", "open", path);
    if (type === S_IFLNK) throw pathError("ELOOP", "open", path);
    // A directory is opened to list it or to look names up under it: that is a stat, not a read.
    checkFs(this.permissions, { op: type === S_IFDIR ? "stat" : wantsWrite ? "write" : "read", path: at.path });
    if (at.command) {
      if (wantsWrite || flags & O_TRUNC) throw pathError("EROFS", "open", path);
      return { object: new RegularFileObject(this.commands.open(at.path), "file"), path: at.path };
    }
    if (type === S_IFDIR) {
      if (wantsWrite) throw pathError("EISDIR", "open", path);
      const dir = at;
      return { object: new DirectoryObject(dir.mount.fs, dir.inner, () => this.extraEntries(dir.path)), path: at.path };
    }
    if (flags & O_DIRECTORY) throw pathError("ENOTDIR", "open", path);
    if (type !== S_IFREG && type !== S_IFCHR) throw pathError("ENXIO", "open", path);
    const truncate = (flags & O_TRUNC) !== 0 && wantsWrite && type === S_IFREG;
    const handle = this.guard("open", path, () => at.mount.fs.open(at.inner, access | (truncate ? O_TRUNC : 0), mode));
    return { object: new RegularFileObject(handle, type === S_IFCHR ? "chardev" : "file"), path: at.path };
  }

  /** Walks to an entry that must exist. */
  private existing(path: string, follow: boolean, op: FsOperation, syscall: string): Found & { stat: VfsStat } {
    const at = this.walk(path, follow, op, syscall);
    if (at.stat === null) throw pathError("ENOENT", syscall, path);
    return at as Found & { stat: VfsStat };
  }

  private listDirectory(dir: WalkResult): DirEntry[] {
    const entries = this.guard("scandir", dir.path, () => dir.mount.fs.readdir(dir.inner));
    return withExtra(entries, this.extraEntries(dir.path));
  }

  /** Mount points, and command files, that a listing of `dir` shows beside the backend's entries. */
  private extraEntries(dir: string): DirEntry[] {
    const mounts = this.mounts.childMountNames(dir).map((name) => ({ name, type: "directory" as const }));
    return [...mounts, ...this.commands.list(dir)];
  }

  /** Runs a backend call; a backend error is re-issued naming the guest path. */
  private guard<T>(syscall: string, path: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (isKernelError(err)) throw pathError(err.code, syscall, path);
      // A backend's own error text may name host paths: report only that it failed.
      throw new KernelError("EIO", "the file system failed", { syscall, path, cause: err });
    }
  }
}

/** `entries` plus those of `extra` whose names it lacks. */
function withExtra(entries: DirEntry[], extra: DirEntry[]): DirEntry[] {
  if (extra.length === 0) return entries;
  const names = new Set(entries.map((e) => e.name));
  return [...entries, ...extra.filter((e) => !names.has(e.name))];
}
