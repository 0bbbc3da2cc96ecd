/**
 * A host folder as a `VirtualFileSystem`. It owns the open host descriptors
 * (closed on `dispose`) and the read-only switch; `HostRoot` owns the mapping
 * of guest paths to host paths. Each call resolves its path through
 * `HostRoot` (every parent a real directory inside the root) and then uses a
 * host call that does not follow the last component. `open` adds O_NOFOLLOW
 * and O_NONBLOCK (so a FIFO cannot hang the kernel), refuses anything but a
 * regular file (a directory with EISDIR, a device, FIFO or socket with
 * EACCES), checks the descriptor is inside the root, and only then truncates
 * (O_TRUNC applies to a handle opened for writing, never to a read-only one).
 * Modes are set exactly as asked, whatever the host umask. With `readOnly`,
 * every call that would change the folder fails with EROFS before touching it.
 */
import {
  constants as HOST,
  fchmodSync,
  fstatSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  openSync,
  closeSync,
  chmodSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import {
  O_ACCMODE,
  O_CREAT,
  O_EXCL,
  O_RDONLY,
  O_TRUNC,
  isKernelError,
  pathError,
  type DirEntry,
  type VfsFile,
  type VfsStat,
  type VirtualFileSystem,
} from "@secure-exec/kernel";
import { hostErrno, hostError } from "./host-errors.js";
import { HostFile } from "./host-file.js";
import type { HostRoot } from "./host-root.js";
import { direntType, hostSeconds, hostStat } from "./host-stat.js";

const PERMISSION_BITS = 0o7777;
const HOST_ACCESS = [HOST.O_RDONLY, HOST.O_WRONLY, HOST.O_RDWR];

/** A confined view of one host directory. */
export class NodeFileSystem implements VirtualFileSystem {
  private readonly openFiles = new Set<HostFile>();

  constructor(
    private readonly root: HostRoot,
    private readonly readOnly: boolean,
  ) {}

  lstat(path: string): VfsStat {
    const host = this.root.resolve(path, "lstat");
    return hostStat(this.host("lstat", path, () => lstatSync(host)));
  }

  readdir(path: string): DirEntry[] {
    const host = this.root.resolve(path, "scandir");
    const st = this.host("scandir", path, () => lstatSync(host));
    if (!st.isDirectory()) throw pathError("ENOTDIR", "scandir", path);
    const entries = this.host("scandir", path, () => readdirSync(host, { withFileTypes: true }));
    return entries.map((entry) => ({ name: entry.name, type: direntType(entry) }));
  }

  mkdir(path: string, mode: number): void {
    const host = this.writable("mkdir", path);
    this.host("mkdir", path, () => mkdirSync(host, mode & PERMISSION_BITS));
    this.setMode(host, mode, "mkdir", path);
  }

  rmdir(path: string): void {
    const host = this.writable("rmdir", path);
    if (path === "/") throw pathError("EBUSY", "rmdir", path);
    this.host("rmdir", path, () => rmdirSync(host));
  }

  unlink(path: string): void {
    const host = this.writable("unlink", path);
    this.host("unlink", path, () => unlinkSync(host));
  }

  rename(from: string, to: string): void {
    const hostFrom = this.writable("rename", from);
    const hostTo = this.writable("rename", to);
    if (from === "/") throw pathError("EBUSY", "rename", from);
    if (to === "/") throw pathError("EBUSY", "rename", to);
    try {
      renameSync(hostFrom, hostTo);
    } catch (err) {
      const code = hostErrno(err);
      const blamed = code === "ENOENT" || code === "EPERM" ? from : to;
      throw pathError(code, "rename", blamed);
    }
  }

  link(existing: string, newPath: string): void {
    const hostExisting = this.writable("link", existing);
    const hostNew = this.writable("link", newPath);
    try {
      linkSync(hostExisting, hostNew);
    } catch (err) {
      const code = hostErrno(err);
      throw pathError(code, "link", code === "EEXIST" ? newPath : existing);
    }
  }

  symlink(target: string, path: string): void {
    const host = this.writable("symlink", path);
    if (target === "" || target.includes("\0")) throw pathError(target === "" ? "ENOENT" : "EINVAL", "symlink", path);
    this.host("symlink", path, () => symlinkSync(target, host));
  }

  readlink(path: string): string {
    const host = this.root.resolve(path, "readlink");
    return this.host("readlink", path, () => readlinkSync(host, "utf8"));
  }

  chmod(path: string, mode: number): void {
    const host = this.writable("chmod", path);
    if (this.host("chmod", path, () => lstatSync(host)).isSymbolicLink()) throw pathError("ENOTSUP", "chmod", path);
    this.setMode(host, mode, "chmod", path);
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    const host = this.writable("utimes", path);
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "utimes", path);
    this.host("utimes", path, () => lutimesSync(host, hostSeconds(atimeMs), hostSeconds(mtimeMs)));
  }

  open(path: string, flags: number, mode: number): VfsFile {
    const mutates = (flags & O_ACCMODE) !== O_RDONLY || (flags & O_CREAT) !== 0;
    const host = mutates ? this.writable("open", path) : this.root.resolve(path, "open");
    const access = HOST_ACCESS[flags & O_ACCMODE] ?? HOST.O_RDWR;
    const base = access | HOST.O_NOFOLLOW | HOST.O_NONBLOCK;
    const { fd, created } = this.openHost(host, base, flags, mode, path);
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw pathError("EISDIR", "open", path);
      if (!st.isFile()) throw pathError("EACCES", "open", path);
      this.root.verifyDescriptor(fd, "open", path);
      if (created) fchmodSync(fd, mode & PERMISSION_BITS);
      if (flags & O_TRUNC && (flags & O_ACCMODE) !== O_RDONLY) ftruncateSync(fd, 0);
    } catch (err) {
      closeSync(fd);
      throw isKernelError(err) ? err : hostError(err, "open", path);
    }
    const file = new HostFile(fd, path, (closed) => this.openFiles.delete(closed));
    this.openFiles.add(file);
    return file;
  }

  dispose(): void {
    for (const file of [...this.openFiles]) file.close();
  }

  /** Opens without following the last component; creates with O_EXCL so that `created` is known. */
  private openHost(host: string, base: number, flags: number, mode: number, path: string): { fd: number; created: boolean } {
    const exclusive = (flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!exclusive) {
        try {
          return { fd: openSync(host, base), created: false };
        } catch (err) {
          if (!(flags & O_CREAT) || hostErrno(err) !== "ENOENT") throw hostError(err, "open", path);
        }
      }
      try {
        return { fd: openSync(host, base | HOST.O_CREAT | HOST.O_EXCL, mode & PERMISSION_BITS), created: true };
      } catch (err) {
        if (exclusive || hostErrno(err) !== "EEXIST") throw hostError(err, "open", path);
      }
    }
    throw pathError("EAGAIN", "open", path);
  }

  /** Sets exactly `mode`, through a descriptor that cannot follow a symlink where the host allows it. */
  private setMode(host: string, mode: number, syscall: string, path: string): void {
    let fd: number | undefined;
    try {
      fd = openSync(host, HOST.O_RDONLY | HOST.O_NOFOLLOW | HOST.O_NONBLOCK);
    } catch (err) {
      if (hostErrno(err) !== "EACCES") throw hostError(err, syscall, path);
    }
    try {
      if (fd === undefined) chmodSync(host, mode & PERMISSION_BITS);
      else fchmodSync(fd, mode & PERMISSION_BITS);
    } catch (err) {
      throw hostError(err, syscall, path);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** The host path of a path about to be changed; EROFS when read-only. */
  private writable(syscall: string, path: string): string {
    if (this.readOnly) throw pathError("EROFS", syscall, path);
    return this.root.resolve(path, syscall);
  }

  private host<T>(syscall: string, path: string, action: () => T): T {
    try {
      return action();
    } catch (err) {
      throw hostError(err, syscall, path);
    }
  }
}
