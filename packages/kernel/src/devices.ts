/**
 * The device file system the kernel mounts at /dev: null, zero, full,
 * random, urandom, the stdin/stdout/stderr symlinks into /dev/fd, and /dev/fd
 * itself. It is read-only as a tree. Entries under /dev/fd stand for the
 * calling process's descriptors; the kernel resolves those per process
 * (see kernel-fs.ts), this file only gives them a shape.
 */
import { S_IFCHR, S_IFDIR, S_IFLNK } from "./constants.js";
import { KernelError, pathError } from "./errors.js";
import type { DirEntry } from "./types.js";
import type { VfsFile, VfsStat, VirtualFileSystem } from "./vfs/types.js";

interface Device {
  ino: number;
  read(buffer: Uint8Array): number;
  write(data: Uint8Array): number;
}

const fillRandom = (buffer: Uint8Array): number => {
  // getRandomValues takes at most 65536 bytes per call.
  for (let off = 0; off < buffer.length; off += 65536) {
    globalThis.crypto.getRandomValues(buffer.subarray(off, Math.min(buffer.length, off + 65536)) as Uint8Array<ArrayBuffer>);
  }
  return buffer.length;
};

const DEVICES: Record<string, Device> = {
  null: { ino: 3, read: () => 0, write: (d) => d.length },
  zero: { ino: 4, read: (b) => (b.fill(0), b.length), write: (d) => d.length },
  full: {
    ino: 5,
    read: (b) => (b.fill(0), b.length),
    write: () => {
      throw new KernelError("ENOSPC", undefined, { syscall: "write", path: "/dev/full" });
    },
  },
  random: { ino: 6, read: fillRandom, write: (d) => d.length },
  urandom: { ino: 7, read: fillRandom, write: (d) => d.length },
};

const LINKS: Record<string, string> = {
  stdin: "/dev/fd/0",
  stdout: "/dev/fd/1",
  stderr: "/dev/fd/2",
};

const BOOT_TIME = Date.now();

function deviceStat(mode: number, ino: number, size = 0): VfsStat {
  return {
    dev: 5, ino, mode, nlink: 1, uid: 0, gid: 0, size,
    atimeMs: BOOT_TIME, mtimeMs: BOOT_TIME, ctimeMs: BOOT_TIME, birthtimeMs: BOOT_TIME,
  };
}

const readOnly = (syscall: string, path: string) => pathError("EROFS", syscall, `/dev${path}`);

/** The /dev tree. */
export class DeviceFileSystem implements VirtualFileSystem {
  lstat(path: string): VfsStat {
    if (path === "/") return deviceStat(S_IFDIR | 0o755, 1);
    if (path === "/fd") return deviceStat(S_IFDIR | 0o755, 2);
    const name = path.slice(1);
    const device = DEVICES[name];
    if (device) return deviceStat(S_IFCHR | 0o666, device.ino);
    const link = LINKS[name];
    if (link) return deviceStat(S_IFLNK | 0o777, 100 + Object.keys(LINKS).indexOf(name), link.length);
    if (/^\/fd\/\d+$/.test(path)) return deviceStat(S_IFCHR | 0o600, 1000 + Number(path.slice(4)));
    throw pathError("ENOENT", "stat", `/dev${path}`);
  }

  readdir(path: string): DirEntry[] {
    if (path === "/fd") return [];
    if (path !== "/") throw pathError(this.exists(path) ? "ENOTDIR" : "ENOENT", "scandir", `/dev${path}`);
    return [
      ...Object.keys(DEVICES).map((name) => ({ name, type: "chardev" as const, ino: DEVICES[name].ino })),
      ...Object.keys(LINKS).map((name) => ({ name, type: "symlink" as const })),
      { name: "fd", type: "directory" as const, ino: 2 },
    ];
  }

  readlink(path: string): string {
    const link = LINKS[path.slice(1)];
    if (!link) throw pathError(this.exists(path) ? "EINVAL" : "ENOENT", "readlink", `/dev${path}`);
    return link;
  }

  open(path: string): VfsFile {
    const device = DEVICES[path.slice(1)];
    if (!device) throw pathError(this.exists(path) ? "EACCES" : "ENOENT", "open", `/dev${path}`);
    return {
      read: (buffer) => device.read(buffer),
      write: (data) => device.write(data),
      stat: () => this.lstat(path),
      truncate: () => {},
      utimes: () => {},
      sync: () => {},
      close: () => {},
    };
  }

  mkdir(path: string): void {
    throw readOnly("mkdir", path);
  }
  rmdir(path: string): void {
    throw readOnly("rmdir", path);
  }
  unlink(path: string): void {
    throw readOnly("unlink", path);
  }
  rename(from: string): void {
    throw readOnly("rename", from);
  }
  link(_existing: string, newPath: string): void {
    throw readOnly("link", newPath);
  }
  symlink(_target: string, path: string): void {
    throw readOnly("symlink", path);
  }
  chmod(path: string): void {
    throw readOnly("chmod", path);
  }
  utimes(): void {}

  private exists(path: string): boolean {
    try {
      this.lstat(path);
      return true;
    } catch {
      return false;
    }
  }
}
