/**
 * The kernel thread's side of a guest's system calls: each op is argument
 * checking and a call into the process's `KernelInterface` (fd syscalls,
 * the VFS, spawn, pipes, waitpid). Failures become errno descriptions
 * worded as Node words them (`ENOENT: no such file or directory, open
 * 'x'`, with the path as the guest wrote it). Children a guest spawns are
 * tracked here so that `poll` can report their exits without losing one.
 */
import {
  ERRNO_MESSAGES,
  KernelError,
  O_RDONLY,
  O_WRONLY,
  SIGTERM,
  isKernelError,
  type ErrnoCode,
  type KernelInterface,
  type ProcessHandle,
  type VfsStat,
} from "@secure-exec/kernel";
import type { BridgeHandler, BridgeResponse } from "@secure-exec/kernel/worker-bridge";
import { OP_READ, OP_WRITE, REPLY_BYTES, REPLY_JSON, REPLY_JSON_BYTES, REPLY_NONE, STATUS_FAILED, type SyscallFailure } from "../shared/protocol.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A child the guest started, until the guest has seen it exit. */
interface Child {
  handle: ProcessHandle;
  status: number | null;
  exited: Promise<void>;
  killedWith: number;
}

/** Per-process state the handler keeps. */
export interface SyscallContext {
  readonly ki: KernelInterface;
  readonly pid: number;
  readonly children: Map<number, Child>;
}

type Args = Record<string, unknown>;
type OpResult = { json?: unknown; bytes?: Uint8Array; none?: true };
type Op = (c: SyscallContext, args: Args, data: Uint8Array) => OpResult | Promise<OpResult>;

const json = (value: unknown): OpResult => ({ json: value });
const none: OpResult = { none: true };

/** An error for the guest: the errno, and Node's wording for `syscall` on `path`. */
class GuestFailure extends Error {
  constructor(readonly failure: SyscallFailure) {
    super(failure.message);
  }
}

function nodeMessage(code: string, syscall: string, path?: string, dest?: string): string {
  const text = (ERRNO_MESSAGES as Record<string, string>)[code] ?? "unknown error";
  let msg = `${code}: ${text}, ${syscall}`;
  if (path !== undefined) msg += ` '${path}'`;
  if (dest !== undefined) msg += ` -> '${dest}'`;
  return msg;
}

/** Runs `fn`; a KernelError becomes a GuestFailure naming the Node syscall and the guest's path. */
async function as<T>(syscall: string, path: string | undefined, fn: () => T | Promise<T>, dest?: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof KernelError) {
      throw new GuestFailure({ code: err.code, message: nodeMessage(err.code, syscall, path, dest), syscall, path });
    }
    throw err;
  }
}

function str(args: Args, key: string): string {
  const v = args[key];
  if (typeof v !== "string") throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, ${key} must be a string` });
  return v;
}

function num(args: Args, key: string): number {
  const v = args[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, ${key} must be a number` });
  return v;
}

function abs(c: SyscallContext, path: string): string {
  return c.ki.resolvePath(c.pid, path);
}

function statJson(s: VfsStat): VfsStat {
  return {
    dev: s.dev, ino: s.ino, mode: s.mode, nlink: s.nlink, uid: s.uid, gid: s.gid, size: s.size,
    atimeMs: s.atimeMs, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, birthtimeMs: s.birthtimeMs,
  };
}

async function writeAll(c: SyscallContext, fd: number, data: Uint8Array): Promise<number> {
  let written = 0;
  while (written < data.length) written += await c.ki.fdWrite(c.pid, fd, written === 0 ? data : data.subarray(written));
  return written;
}

function trackChild(c: SyscallContext, handle: ProcessHandle): Child {
  const child: Child = { handle, status: null, killedWith: 0, exited: Promise.resolve() };
  child.exited = handle.wait().then((status) => {
    child.status = status;
  });
  c.children.set(handle.pid, child);
  return child;
}

type StdioSpec = "pipe" | "inherit" | "ignore" | number;

function stdioList(args: Args): StdioSpec[] {
  const list = Array.isArray(args.stdio) ? (args.stdio as unknown[]) : ["pipe", "pipe", "pipe"];
  return [0, 1, 2].map((i) => {
    const s = list[i];
    if (s === "pipe" || s === "inherit" || s === "ignore") return s;
    if (typeof s === "number" && Number.isInteger(s) && s >= 0) return s;
    if (s === undefined || s === null) return "pipe";
    throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, stdio[${i}] must be "pipe", "inherit", "ignore" or a descriptor` });
  });
}

function spawnOptions(c: SyscallContext, args: Args): { command: string; argv: string[]; env?: Record<string, string>; cwd?: string } {
  const command = str(args, "command");
  const argv = Array.isArray(args.args) ? (args.args as unknown[]).map(String) : [];
  const env = args.env && typeof args.env === "object" ? (args.env as Record<string, string>) : undefined;
  const cwd = typeof args.cwd === "string" ? abs(c, args.cwd) : undefined;
  return { command, argv, env, cwd };
}

const OPS: Record<string, Op> = {
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
    return { bytes: await as("open", path, () => c.ki.vfs.readFile(abs(c, path))) };
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
      throw new GuestFailure({ code: "EEXIST", message: nodeMessage("EEXIST", "copyfile", from, to), syscall: "copyfile", path: from });
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
  async kill(c, a) {
    const target = num(a, "pid");
    const signal = num(a, "signal");
    const child = c.children.get(target);
    if (child && child.status === null) child.killedWith = signal;
    await as("kill", undefined, () => c.ki.kill(c.pid, target, signal));
    return none;
  },
  async spawn(c, a) {
    const { command, argv, env, cwd } = spawnOptions(c, a);
    const stdio = stdioList(a);
    const childFds: number[] = [];
    const parentFds: (number | null)[] = [null, null, null];
    const opened: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const s = stdio[i];
        if (s === "pipe") {
          const { readFd, writeFd } = c.ki.pipe(c.pid);
          opened.push(readFd, writeFd);
          childFds[i] = i === 0 ? readFd : writeFd;
          parentFds[i] = i === 0 ? writeFd : readFd;
        } else if (s === "ignore") {
          const fd = c.ki.fdOpen(c.pid, "/dev/null", i === 0 ? O_RDONLY : O_WRONLY);
          opened.push(fd);
          childFds[i] = fd;
        } else {
          childFds[i] = s === "inherit" ? i : s;
        }
      }
      const handle = await as(`spawn ${command}`, command, () =>
        c.ki.spawn(command, argv, { ppid: c.pid, env, cwd, stdinFd: childFds[0], stdoutFd: childFds[1], stderrFd: childFds[2] }),
      );
      trackChild(c, handle);
      for (const fd of opened) if (!parentFds.includes(fd)) c.ki.fdClose(c.pid, fd);
      return json({ pid: handle.pid, fds: parentFds });
    } catch (err) {
      for (const fd of opened) c.ki.fdClose(c.pid, fd);
      throw err;
    }
  },
  async spawnSync(c, a, input) {
    const { command, argv, env, cwd } = spawnOptions(c, a);
    const stdio = stdioList(a);
    const timeout = typeof a.timeout === "number" && a.timeout > 0 ? a.timeout : 0;
    const killSignal = typeof a.killSignal === "number" ? a.killSignal : SIGTERM;
    const maxBuffer = typeof a.maxBuffer === "number" ? a.maxBuffer : Infinity;
    const out: Uint8Array[][] = [[], []];
    const sizes = [0, 0];
    const opened: number[] = [];
    let overflow = false;
    let killedWith = 0;
    let handle: ProcessHandle | undefined;
    const fdFor = (i: number): number | undefined => {
      const s = stdio[i];
      if (s === "pipe") return undefined;
      if (s === "inherit") return i;
      if (s === "ignore") {
        const fd = c.ki.fdOpen(c.pid, "/dev/null", i === 0 ? O_RDONLY : O_WRONLY);
        opened.push(fd);
        return fd;
      }
      return s;
    };
    const collector = (i: number) => (data: Uint8Array) => {
      if (overflow) return;
      sizes[i] += data.length;
      out[i].push(data.slice());
      if (sizes[i] > maxBuffer) {
        overflow = true;
        killedWith = SIGTERM;
        handle?.kill(SIGTERM);
      }
    };
    let stdinWriteFd: number | undefined;
    try {
      let stdinFd = fdFor(0);
      if (stdinFd === undefined) {
        const { readFd, writeFd } = c.ki.pipe(c.pid);
        opened.push(readFd);
        stdinFd = readFd;
        stdinWriteFd = writeFd;
      }
      const stdoutFd = fdFor(1);
      const stderrFd = fdFor(2);
      handle = await as(`spawnSync ${command}`, command, () =>
        c.ki.spawn(command, argv, {
          ppid: c.pid, env, cwd, stdinFd, stdoutFd, stderrFd,
          onStdout: stdoutFd === undefined ? collector(0) : undefined,
          onStderr: stderrFd === undefined ? collector(1) : undefined,
        }),
      );
      const h = handle;
      if (stdinWriteFd !== undefined) {
        const fd = stdinWriteFd;
        stdinWriteFd = undefined;
        void (async () => {
          try {
            if (input.length > 0) await writeAll(c, fd, input);
          } catch {
            // the child exited without reading all of its input
          } finally {
            c.ki.fdClose(c.pid, fd);
          }
        })();
      }
      let timedOut = false;
      const timer = timeout > 0 ? setTimeout(() => {
        timedOut = true;
        killedWith = killSignal;
        h.kill(killSignal);
      }, timeout) : undefined;
      const status = await h.wait();
      if (timer !== undefined) clearTimeout(timer);
      const stdout = concat(out[0]);
      const stderr = concat(out[1]);
      const bytes = new Uint8Array(stdout.length + stderr.length);
      bytes.set(stdout);
      bytes.set(stderr, stdout.length);
      const signal = killedWith !== 0 && status === 128 + killedWith ? killedWith : 0;
      return {
        json: {
          pid: h.pid, status, signal, timedOut, overflow,
          stdoutLength: stdio[1] === "pipe" ? stdout.length : null,
          stderrLength: stdio[2] === "pipe" ? stderr.length : null,
        },
        bytes,
      };
    } finally {
      for (const fd of opened) c.ki.fdClose(c.pid, fd);
      if (stdinWriteFd !== undefined) c.ki.fdClose(c.pid, stdinWriteFd);
    }
  },
  async poll(c, a) {
    const fds = Array.isArray(a.fds) ? (a.fds as number[]) : [];
    const pids = (Array.isArray(a.pids) ? (a.pids as number[]) : []).filter((p) => c.children.has(p));
    const timeout = typeof a.timeout === "number" ? a.timeout : -1;
    const collect = () => {
      const readable = fds.filter((fd) => {
        try {
          return c.ki.fdPoll(c.pid, fd).readable;
        } catch {
          return true;
        }
      });
      const exited: { pid: number; status: number; signal: number }[] = [];
      for (const p of pids) {
        const child = c.children.get(p)!;
        if (child.status !== null) {
          c.children.delete(p);
          exited.push({ pid: p, status: child.status, signal: child.killedWith });
        }
      }
      return { readable, exited };
    };
    let ready = collect();
    if (ready.readable.length > 0 || ready.exited.length > 0 || timeout === 0) return json(ready);
    const abort = new AbortController();
    const waits: Promise<unknown>[] = [
      ...fds.map((fd) => c.ki.fdWaitReady(c.pid, fd, "read", abort.signal).catch(() => undefined)),
      ...pids.map((p) => c.children.get(p)!.exited),
    ];
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (timeout > 0) waits.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, timeout))));
    if (waits.length === 0) return json(ready);
    await Promise.race(waits);
    abort.abort();
    if (timer !== undefined) clearTimeout(timer);
    ready = collect();
    return json(ready);
  },
};

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const ch of chunks) total += ch.length;
  const out = new Uint8Array(total);
  let pos = 0;
  for (const ch of chunks) {
    out.set(ch, pos);
    pos += ch.length;
  }
  return out;
}

function reply(result: OpResult): BridgeResponse {
  if (result.json !== undefined && result.bytes !== undefined) {
    const text = encoder.encode(JSON.stringify(result.json));
    const payload = new Uint8Array(text.length + result.bytes.length);
    payload.set(text);
    payload.set(result.bytes, text.length);
    return { values: [REPLY_JSON_BYTES, text.length], payload };
  }
  if (result.bytes !== undefined) return { values: [REPLY_BYTES], payload: result.bytes };
  if (result.json !== undefined) return { values: [REPLY_JSON], payload: encoder.encode(JSON.stringify(result.json)) };
  return { values: [REPLY_NONE] };
}

function failed(failure: SyscallFailure): BridgeResponse {
  return { status: STATUS_FAILED, payload: encoder.encode(JSON.stringify(failure)) };
}

/** A bridge handler serving the guest system calls of process `pid`. */
export function createSyscallHandler(ki: KernelInterface, pid: number): { handler: BridgeHandler; context: SyscallContext } {
  const context: SyscallContext = { ki, pid, children: new Map() };
  const handler: BridgeHandler = async ({ op: opNumber, args, payload }) => {
    if (opNumber === OP_WRITE || opNumber === OP_READ) {
      try {
        if (opNumber === OP_WRITE) return { values: [await as("write", undefined, () => writeAll(context, args[0], payload))] };
        return { payload: await as("read", undefined, () => ki.fdRead(pid, args[0], Math.max(0, Math.min(args[1], 1 << 24)))) };
      } catch (err) {
        if (err instanceof GuestFailure) return failed(err.failure);
        throw err;
      }
    }
    const headerLength = args[0];
    let request: { op: string; args: Args | null };
    try {
      request = JSON.parse(decoder.decode(payload.subarray(0, headerLength))) as { op: string; args: Args | null };
    } catch {
      return failed({ code: "EINVAL", message: "EINVAL: invalid argument, malformed system call" });
    }
    const op = Object.prototype.hasOwnProperty.call(OPS, request.op) ? OPS[request.op] : undefined;
    if (!op) return failed({ code: "ENOSYS", message: `ENOSYS: function not implemented, ${request.op}` });
    try {
      return reply(await op(context, request.args ?? {}, payload.subarray(headerLength)));
    } catch (err) {
      if (err instanceof GuestFailure) return failed(err.failure);
      if (err instanceof KernelError) return failed({ code: err.code, message: err.message, syscall: err.syscall, path: err.path });
      const code: ErrnoCode = "EIO";
      return failed({ code, message: `EIO: input/output error, ${request.op} (${err instanceof Error ? err.message : String(err)})` });
    }
  };
  return { handler, context };
}
