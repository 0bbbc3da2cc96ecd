/**
 * The "secure_exec" import module: what a guest can ask the kernel beyond
 * WASI (spawn, waitpid, kill, pipe, dup, dup2, pid, cwd, a stat with mode
 * and owner, chmod), exactly as c/lib/se-kernel.h documents it. Every
 * function returns a WASI errno and stores its results through pointers.
 */
import { decodeText } from "@secure-exec/kernel/worker-bridge";
import { Op } from "../shared/ops.js";
import { Errno } from "../shared/wasi-defs.js";
import type { WasiFunction } from "./wasi-fd.js";
import type { WorkerProcess } from "./worker-process.js";

const INHERIT = 0xffffffff;
const encoder = new TextEncoder();

/** Splits NUL-terminated strings laid end to end. */
function splitList(p: WorkerProcess, ptr: number, len: number): string[] {
  const text = p.memory.string(ptr, len);
  const items = text.split("\0");
  if (items[items.length - 1] === "") items.pop();
  return items;
}

/** The secure_exec imports for process `p`. */
export function kernelImports(p: WorkerProcess): Record<string, WasiFunction> {
  const calls = {
    proc_spawn(
      argvPtr: number,
      argvLen: number,
      envpPtr: number,
      envpLen: number,
      cwdPtr: number,
      cwdLen: number,
      stdinFd: number,
      stdoutFd: number,
      stderrFd: number,
      pidPtr: number,
    ): number {
      const argv = splitList(p, argvPtr, argvLen);
      const env = envpLen >>> 0 === INHERIT ? undefined : splitList(p, envpPtr, envpLen);
      const cwd = cwdLen >>> 0 === 0 ? undefined : p.memory.string(cwdPtr, cwdLen);
      p.memory.check(pidPtr, 4);
      if (argv.length === 0) return Errno.INVAL;
      const request = encoder.encode(JSON.stringify({ argv, env, cwd }));
      const reply = p.call(Op.PROC_SPAWN, [stdinFd, stdoutFd, stderrFd], request);
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(pidPtr, reply.values[0]);
      return Errno.SUCCESS;
    },

    proc_waitpid(pid: number, options: number, statusPtr: number, pidPtr: number): number {
      p.memory.check(statusPtr, 4);
      p.memory.check(pidPtr, 4);
      const reply = p.call(Op.PROC_WAITPID, [pid, options]);
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(pidPtr, reply.values[0]);
      p.memory.setU32(statusPtr, reply.values[1]);
      return Errno.SUCCESS;
    },

    proc_kill: (pid: number, signal: number) => p.call(Op.PROC_KILL, [pid, signal]).status,

    proc_getpid(pidPtr: number): number {
      p.memory.setU32(pidPtr, p.pid);
      return Errno.SUCCESS;
    },

    proc_getppid(pidPtr: number): number {
      p.memory.setU32(pidPtr, p.ppid);
      return Errno.SUCCESS;
    },

    fd_pipe(fdsPtr: number): number {
      p.memory.check(fdsPtr, 8);
      const reply = p.call(Op.FD_PIPE, []);
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(fdsPtr, reply.values[0]);
      p.memory.setU32(fdsPtr + 4, reply.values[1]);
      return Errno.SUCCESS;
    },

    fd_dup(fd: number, fdPtr: number): number {
      p.memory.check(fdPtr, 4);
      const reply = p.call(Op.FD_DUP, [fd]);
      if (reply.status !== 0) return reply.status;
      const copy = reply.values[0];
      p.fds.copy(fd, copy);
      p.preopens.delete(copy);
      p.memory.setU32(fdPtr, copy);
      return Errno.SUCCESS;
    },

    fd_dup2(oldFd: number, newFd: number): number {
      const status = p.call(Op.FD_DUP2, [oldFd, newFd]).status;
      if (status === 0 && oldFd !== newFd) {
        p.fds.copy(oldFd, newFd);
        p.preopens.delete(newFd);
      }
      return status;
    },

    proc_getcwd(bufPtr: number, bufLen: number, lenPtr: number): number {
      const cwd = encoder.encode(p.cwd);
      p.memory.check(lenPtr, 4);
      if (cwd.length > bufLen >>> 0) return Errno.RANGE;
      p.memory.bytes(bufPtr, cwd.length).set(cwd);
      p.memory.setU32(lenPtr, cwd.length);
      return Errno.SUCCESS;
    },

    proc_chdir(pathPtr: number, pathLen: number): number {
      const path = p.memory.bytes(pathPtr, pathLen).slice();
      p.memory.string(pathPtr, pathLen);
      const reply = p.call(Op.PROC_CHDIR, [], path);
      if (reply.status !== 0) return reply.status;
      p.cwd = decodeText(reply.payload);
      return Errno.SUCCESS;
    },

    path_stat_ext(pathPtr: number, pathLen: number, follow: number, outPtr: number): number {
      const path = p.memory.bytes(pathPtr, pathLen).slice();
      p.memory.string(pathPtr, pathLen);
      p.memory.check(outPtr, 12);
      const reply = p.call(Op.PATH_STAT_EXT, [follow], path);
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(outPtr, reply.values[0]);
      p.memory.setU32(outPtr + 4, reply.values[1]);
      p.memory.setU32(outPtr + 8, reply.values[2]);
      return Errno.SUCCESS;
    },

    path_chmod(pathPtr: number, pathLen: number, mode: number): number {
      const path = p.memory.bytes(pathPtr, pathLen).slice();
      p.memory.string(pathPtr, pathLen);
      return p.call(Op.PATH_CHMOD, [mode >>> 0], path).status;
    },
  };
  return calls as unknown as Record<string, WasiFunction>;
}
