/**
 * The system calls a driver receives (`KernelInterface`). Each one checks
 * that the calling pid exists and belongs to the driver (ESRCH / EPERM),
 * translates its arguments, and calls a table: the fd table, the file-system
 * layer, the pipe, or the process manager. Nothing here holds state.
 */
import { SIGKILL, SIGSTOP, O_ACCMODE, O_APPEND, O_CLOEXEC, O_NONBLOCK, O_RDONLY, O_WRONLY, S_IFDIR, S_IFMT } from "./constants.js";
import { KernelError, pathError } from "./errors.js";
import { preadFd, pwriteFd, readFd, readFdInto, seekFd, writeFd } from "./fd-io.js";
import { OpenFile, descriptionFlags } from "./open-file.js";
import { checkFs, type Permissions } from "./permissions.js";
import { PipeBuffer, PipeReadEnd, PipeWriteEnd } from "./pipe.js";
import type { ProcessManager } from "./process-manager.js";
import type { ProcessEntry } from "./process-table.js";
import type { DirEntry, KernelInterface, RuntimeDriver } from "./types.js";
import type { KernelFileSystem } from "./vfs/kernel-fs.js";
import { absolutePath, normalizePath, resolvePath } from "./vfs/path.js";
import type { KernelVfs } from "./vfs/types.js";

/** The /dev/fd/N (and, through the /dev symlinks, /dev/stdin...) paths name the caller's descriptors. */
const DEV_FD = /^\/dev\/fd\/(\d+)$/;

/** What the syscall layer needs from the kernel. */
export interface SyscallContext {
  /** The process manager (table, spawn, fork, kill). */
  processes: ProcessManager;
  /** The file-system layer. */
  fs: KernelFileSystem;
  /** The kernel's own async view (policy applied, absolute paths). */
  vfs: KernelVfs;
  /** Throws if the kernel has been disposed. */
  assertLive(): void;
  /** The embedder's policy. */
  permissions?: Permissions;
}

/** Builds the KernelInterface handed to `driver.init`. */
export function createKernelInterface(kernel: SyscallContext, driver: RuntimeDriver): KernelInterface {
  const { processes, fs, permissions } = kernel;
  const table = processes.table;

  /** The caller: must exist, be running, and belong to this driver. */
  const caller = (pid: number, syscall: string): ProcessEntry => {
    kernel.assertLive();
    const entry = table.get(pid);
    if (!entry || entry.state !== "running") throw new KernelError("ESRCH", `pid ${pid}`, { syscall });
    if (entry.owner !== driver.name) {
      throw new KernelError("EPERM", `pid ${pid} belongs to driver ${entry.owner}, not ${driver.name}`, { syscall });
    }
    return entry;
  };

  const openPath = (entry: ProcessEntry, path: string, flags: number, mode: number): OpenFile => {
    const abs = absolutePath(entry.cwd, path);
    const resolved = normalizePath(abs).startsWith("/dev/") ? DEV_FD.exec(safeRealpath(fs, abs)) : null;
    if (resolved) {
      const fd = Number(resolved[1]);
      const file = entry.fds.get(fd);
      if (!file) throw pathError("ENOENT", "open", path);
      return file;
    }
    const { object, path: canonical } = fs.open(abs, flags, mode & ~entry.umask);
    return new OpenFile(object, descriptionFlags(flags), canonical);
  };

  const ki: KernelInterface = {
    vfs: kernel.vfs,

    fdOpen(pid, path, flags, mode = 0o666) {
      const entry = caller(pid, "open");
      const file = openPath(entry, path, flags, mode);
      return entry.fds.allocate(file, 0, (flags & O_CLOEXEC) !== 0);
    },
    fdRead: async (pid, fd, length) => readFd(caller(pid, "read"), fd, length),
    fdReadInto: async (pid, fd, target) => readFdInto(caller(pid, "read"), fd, target),
    fdWrite: async (pid, fd, data) => writeFd(caller(pid, "write"), fd, data, processes.signal),
    fdPread: async (pid, fd, length, offset) => preadFd(caller(pid, "pread"), fd, length, Number(offset)),
    fdPwrite: async (pid, fd, data, offset) => pwriteFd(caller(pid, "pwrite"), fd, data, Number(offset)),
    fdSeek: (pid, fd, offset, whence) => seekFd(caller(pid, "lseek"), fd, offset, whence),
    fdClose(pid, fd) {
      caller(pid, "close").fds.close(fd);
    },
    fdDup: (pid, fd, minFd = 0, closeOnExec = false) => caller(pid, "dup").fds.dup(fd, minFd, closeOnExec),
    fdDup2(pid, oldFd, newFd) {
      caller(pid, "dup2").fds.dup2(oldFd, newFd);
    },
    fdStat(pid, fd) {
      const entry = caller(pid, "fstat");
      const file = entry.fds.getOrThrow(fd, "fstat");
      return { filetype: file.object.filetype, flags: file.flags, path: file.path, closeOnExec: entry.fds.isCloseOnExec(fd) };
    },
    fdSetFlags(pid, fd, flags) {
      const file = caller(pid, "fcntl").fds.getOrThrow(fd, "fcntl");
      file.flags = (file.flags & O_ACCMODE) | (flags & (O_APPEND | O_NONBLOCK));
    },
    fdSetCloseOnExec(pid, fd, on) {
      caller(pid, "fcntl").fds.setCloseOnExec(fd, on);
    },
    fdFilestat: (pid, fd) => caller(pid, "fstat").fds.getOrThrow(fd, "fstat").object.stat(),
    fdTruncate(pid, fd, length) {
      const file = caller(pid, "ftruncate").fds.getOrThrow(fd, "ftruncate");
      if (!file.writable) throw new KernelError("EINVAL", "not open for writing", { syscall: "ftruncate" });
      if (!Number.isSafeInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall: "ftruncate" });
      file.object.truncate(length);
    },
    fdUtimes(pid, fd, atimeMs, mtimeMs) {
      caller(pid, "futimens").fds.getOrThrow(fd, "futimens").object.utimes(atimeMs, mtimeMs);
    },
    fdSync(pid, fd) {
      caller(pid, "fsync").fds.getOrThrow(fd, "fsync").object.sync();
    },
    fdReaddir(pid, fd): DirEntry[] {
      const entry = caller(pid, "getdents");
      const file = entry.fds.getOrThrow(fd, "getdents");
      if (file.path !== undefined) checkFs(permissions, { op: "readdir", path: file.path, pid });
      if (file.path === "/dev/fd") return entry.fds.openFds().map((n) => ({ name: String(n), type: "chardev" }));
      return file.object.readdir();
    },
    fdPoll: (pid, fd) => caller(pid, "poll").fds.getOrThrow(fd, "poll").object.poll(),
    fdWaitReady(pid, fd, events, signal) {
      const entry = caller(pid, "poll");
      const object = entry.fds.getOrThrow(fd, "poll").object;
      const abort = signal ? AbortSignal.any([signal, entry.signal]) : entry.signal;
      return object.waitReady(events, abort);
    },
    isatty: (pid, fd) => caller(pid, "isatty").fds.getOrThrow(fd, "isatty").object.isTerminal,

    pipe(pid) {
      const entry = caller(pid, "pipe");
      const pipe = new PipeBuffer();
      const readFd = entry.fds.allocate(new OpenFile(new PipeReadEnd(pipe), O_RDONLY), 0, true);
      try {
        return { readFd, writeFd: entry.fds.allocate(new OpenFile(new PipeWriteEnd(pipe), O_WRONLY), 0, true) };
      } catch (err) {
        entry.fds.close(readFd);
        throw err;
      }
    },

    spawn(command, args, options) {
      caller(options.ppid, "spawn");
      return processes.spawn(command, args, options);
    },
    fork(body, options) {
      caller(options.ppid, "fork");
      return processes.fork(driver, body, options);
    },
    waitpid(pid, target, options) {
      caller(pid, "waitpid");
      return table.waitpid(pid, target, options);
    },
    kill(pid, target, signal) {
      const entry = caller(pid, "kill");
      processes.kill(target === 0 ? -entry.pgid : target, signal);
    },
    commandExists: (name) => processes.hasCommand(name),
    setSignalIgnored(pid, signal, ignored) {
      const entry = caller(pid, "sigaction");
      if (!Number.isInteger(signal) || signal < 1 || signal > 64 || signal === SIGKILL || signal === SIGSTOP) {
        throw new KernelError("EINVAL", `signal ${signal}`, { syscall: "sigaction" });
      }
      if (ignored) entry.ignoredSignals.add(signal);
      else entry.ignoredSignals.delete(signal);
    },
    getppid: (pid) => caller(pid, "getppid").ppid,
    getpgid: (pid) => caller(pid, "getpgid").pgid,
    setpgid(pid, target, pgid) {
      const entry = caller(pid, "setpgid");
      const subject = target === 0 || target === pid ? entry : table.getOrThrow(target, "setpgid");
      if (subject !== entry && subject.ppid !== pid) throw new KernelError("ESRCH", `pid ${target} is not a child`, { syscall: "setpgid" });
      if (pgid < 0) throw new KernelError("EINVAL", `pgid ${pgid}`, { syscall: "setpgid" });
      subject.pgid = pgid === 0 ? subject.pid : pgid;
    },
    getenv: (pid) => ({ ...caller(pid, "getenv").env }),
    setenv(pid, env) {
      caller(pid, "setenv").env = { ...env };
    },
    getcwd: (pid) => caller(pid, "getcwd").cwd,
    chdir(pid, path) {
      const entry = caller(pid, "chdir");
      const target = fs.realpath(absolutePath(entry.cwd, path));
      if ((fs.stat(target).mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "chdir", path);
      entry.cwd = target;
    },
    umask(pid, mask) {
      const entry = caller(pid, "umask");
      const old = entry.umask;
      if (mask !== undefined) entry.umask = mask & 0o777;
      return old;
    },
    resolvePath: (pid, path) => resolvePath(caller(pid, "resolvePath").cwd, path),
  };
  return ki;
}

/** The canonical form of a path, or the path itself when it cannot be resolved. */
function safeRealpath(fs: KernelFileSystem, path: string): string {
  try {
    return fs.realpath(path);
  } catch {
    return path;
  }
}
