/**
 * File-system and descriptor system calls: each one checks its arguments
 * and calls the process's fd syscalls or the kernel VFS, with paths
 * resolved against the process's working directory.
 */
import { isKernelError, type KernelError, type VfsStat } from "@secure-exec/kernel";
import { GuestFailure, abs, as, json, nodeMessage, none, num, str, writeAll, type Op } from "./syscall-support.js";

function statJson(s: VfsStat): VfsStat {
  return {
    dev: s.dev, ino: s.ino, mode: s.mode, nlink: s.nlink, uid: s.uid, gid: s.gid, size: s.size,
    atimeMs: s.atimeMs, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, birthtimeMs: s.birthtimeMs,
  };
}


/** The file-system and descriptor ops, by name. */
export const FS_OPS: Record<string, Op> = {
  async open(c, a) {
    const path = str(a, "path");
    return json(await as("open", path, () => c.ki.fdOpen(c.pid, path, num(a, "flags"), typeof a.mode === "number" ? a.mode : 0o666)));
  },
  async close(c, a) {
    await as("close", undefined, () => c.ki.fdClose(c.pid, num(a, "fd")));
    return none;
  },
  async read(c, a) {
    const fd = num(a, "fd");
    const length = Math.max(0, Math.min(num(a, "length"), 1 << 24));
    const position = a.position;
    const bytes = await as("read", undefined, () =>
      typeof position === "number" ? c.ki.fdPread(c.pid, fd, length, BigInt(position)) : c.ki.fdRead(c.pid, fd, length),
    );
    return { bytes };
  },
  async write(c, a, data) {
    const fd = num(a, "fd");
    const position = a.position;
    if (typeof position === "number") return json(await as("write", undefined, () => c.ki.fdPwrite(c.pid, fd, data, BigInt(position))));
    return json(await as("write", undefined, () => writeAll(c, fd, data)));
  },
  async fstat(c, a) {
    return json(statJson(await as("fstat", undefined, () => c.ki.fdFilestat(c.pid, num(a, "fd")))));
  },
  async stat(c, a) {
    const path = str(a, "path");
    return json(statJson(await as("stat", path, () => c.ki.vfs.stat(abs(c, path)))));
  },
  async lstat(c, a) {
    const path = str(a, "path");
    return json(statJson(await as("lstat", path, () => c.ki.vfs.lstat(abs(c, path)))));
  },
  async probe(c, a) {
    try {
      const s = await c.ki.vfs.stat(abs(c, str(a, "path")));
      const type = s.mode & 0o170000;
      return json(type === 0o100000 ? "file" : type === 0o040000 ? "directory" : "other");
    } catch (err) {
      if (isKernelError(err)) return json(null);
      throw err;
    }
  },
  async access(c, a) {
    const path = str(a, "path");
    const s = await as("access", path, () => c.ki.vfs.stat(abs(c, path)));
    const mode = typeof a.mode === "number" ? a.mode : 0;
    if (mode & 1 && (s.mode & 0o111) === 0 && (s.mode & 0o170000) !== 0o040000) {
      throw new GuestFailure({ code: "EACCES", message: nodeMessage("EACCES", "access", path), syscall: "access", path });
    }
    return json(true);
  },
  async readFile(c, a) {
    const path = str(a, "path");
    try {
      return { bytes: await as("open", path, () => c.ki.vfs.readFile(abs(c, path))) };
    } catch (err) {
      // Node opens a directory without complaint; it is the read that fails, and names no path.
      if (err instanceof GuestFailure && err.failure.code === "EISDIR") {
        throw new GuestFailure({ code: "EISDIR", message: nodeMessage("EISDIR", "read"), syscall: "read" });
      }
      throw err;
    }
  },
  async writeFile(c, a, data) {
    const path = str(a, "path");
    const fd = await as("open", path, () => c.ki.fdOpen(c.pid, path, num(a, "flags"), typeof a.mode === "number" ? a.mode : 0o666));
    try {
      await as("write", undefined, () => writeAll(c, fd, data));
    } finally {
      c.ki.fdClose(c.pid, fd);
    }
    return none;
  },
  async copyFile(c, a) {
    const from = str(a, "from");
    const to = str(a, "to");
    const bytes = await as("copyfile", from, () => c.ki.vfs.readFile(abs(c, from)), to);
    if (a.exclusive === true && (await c.ki.vfs.exists(abs(c, to)))) {
      throw new GuestFailure({ code: "EEXIST", message: nodeMessage("EEXIST", "copyfile", from, to), syscall: "copyfile", path: from, dest: to });
    }
    await as("copyfile", from, () => c.ki.vfs.writeFile(abs(c, to), bytes), to);
    return none;
  },
  async readdir(c, a) {
    const path = str(a, "path");
    const entries = await as("scandir", path, () => c.ki.vfs.readdirWithTypes(abs(c, path)));
    return json(entries.map((e) => ({ name: e.name, type: e.type })));
  },
  async mkdir(c, a) {
    const path = str(a, "path");
    const target = abs(c, path);
    const recursive = a.recursive === true;
    let first: string | null = null;
    if (recursive) {
      let dir = target;
      while (dir !== "/" && !(await c.ki.vfs.exists(dir))) {
        first = dir;
        dir = dir.slice(0, dir.lastIndexOf("/")) || "/";
      }
    }
    await as("mkdir", path, () => c.ki.vfs.mkdir(target, { recursive, mode: typeof a.mode === "number" ? a.mode : 0o777 }));
    return json(first);
  },
  async rmdir(c, a) {
    const path = str(a, "path");
    await as("rmdir", path, () => c.ki.vfs.rmdir(abs(c, path)));
    return none;
  },
  async unlink(c, a) {
    const path = str(a, "path");
    await as("unlink", path, () => c.ki.vfs.unlink(abs(c, path)));
    return none;
  },
  async rm(c, a) {
    const path = str(a, "path");
    const target = abs(c, path);
    const recursive = a.recursive === true;
    const force = a.force === true;
    const st = await c.ki.vfs.lstat(target).catch((err: unknown) => {
      if (force && isKernelError(err, "ENOENT")) return null;
      throw new GuestFailure({ code: (err as KernelError).code ?? "EIO", message: nodeMessage((err as KernelError).code ?? "EIO", "lstat", path), syscall: "lstat", path });
    });
    if (st === null) return none;
    if ((st.mode & 0o170000) === 0o040000 && !recursive) {
      throw new GuestFailure({ code: "ERR_FS_EISDIR", message: `Path is a directory: rm returned EISDIR (is a directory) ${path}`, syscall: "rm", path });
    }
    await as("rm", path, () => c.ki.vfs.rm(target, { recursive, force }));
    return none;
  },
  async rename(c, a) {
    const from = str(a, "from");
    const to = str(a, "to");
    await as("rename", from, () => c.ki.vfs.rename(abs(c, from), abs(c, to)), to);
    return none;
  },
  async symlink(c, a) {
    const target = str(a, "target");
    const path = str(a, "path");
    await as("symlink", target, () => c.ki.vfs.symlink(target, abs(c, path)), path);
    return none;
  },
  async link(c, a) {
    const from = str(a, "from");
    const to = str(a, "to");
    await as("link", from, () => c.ki.vfs.link(abs(c, from), abs(c, to)), to);
    return none;
  },
  async readlink(c, a) {
    const path = str(a, "path");
    return json(await as("readlink", path, () => c.ki.vfs.readlink(abs(c, path))));
  },
  async realpath(c, a) {
    const path = str(a, "path");
    return json(await as("realpath", path, () => c.ki.vfs.realpath(abs(c, path))));
  },
  async chmod(c, a) {
    const path = str(a, "path");
    await as("chmod", path, () => c.ki.vfs.chmod(abs(c, path), num(a, "mode")));
    return none;
  },
  async fchmod(c, a) {
    const fd = num(a, "fd");
    const target = await as("fchmod", undefined, () => c.ki.fdStat(c.pid, fd).path);
    if (target === undefined) throw new GuestFailure({ code: "EINVAL", message: nodeMessage("EINVAL", "fchmod"), syscall: "fchmod" });
    await as("fchmod", undefined, () => c.ki.vfs.chmod(target, num(a, "mode")));
    return none;
  },
  async utimes(c, a) {
    const path = str(a, "path");
    await as("utime", path, () => c.ki.vfs.utimes(abs(c, path), num(a, "atimeMs"), num(a, "mtimeMs"), a.nofollow === true));
    return none;
  },
  async futimes(c, a) {
    await as("futime", undefined, () => c.ki.fdUtimes(c.pid, num(a, "fd"), num(a, "atimeMs"), num(a, "mtimeMs")));
    return none;
  },
  async truncate(c, a) {
    const path = str(a, "path");
    await as("open", path, () => c.ki.vfs.truncate(abs(c, path), num(a, "length")));
    return none;
  },
  async ftruncate(c, a) {
    await as("ftruncate", undefined, () => c.ki.fdTruncate(c.pid, num(a, "fd"), num(a, "length")));
    return none;
  },
  async fsync(c, a) {
    await as("fsync", undefined, () => c.ki.fdSync(c.pid, num(a, "fd")));
    return none;
  },
  async isatty(c, a) {
    try {
      return json(c.ki.isatty(c.pid, num(a, "fd")));
    } catch (err) {
      if (isKernelError(err)) return json(false);
      throw err;
    }
  },
  async chdir(c, a) {
    const path = str(a, "path");
    await as("chdir", path, () => c.ki.chdir(c.pid, path));
    return json(c.ki.getcwd(c.pid));
  },
  async umask(c, a) {
    return json(c.ki.umask(c.pid, typeof a.mask === "number" ? a.mask : undefined));
  },
};
