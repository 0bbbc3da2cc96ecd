/**
 * The path_* calls of WASI preview1. The worker decodes the path (UTF-8,
 * bounds-checked), checks the directory descriptor's rights, derives the
 * access mode of path_open from the requested rights, and hands the rest to
 * the kernel thread, which resolves the path against the directory and
 * enforces the sandbox rules (no absolute paths, no escaping the directory).
 */
import { AccessMode, Op } from "../shared/ops.js";
import { ALL_RIGHTS, Errno, Oflags, Rights, Size } from "../shared/wasi-defs.js";
import { defaultRights } from "./fd-state.js";
import { SYNC_FLAGS, encodeTimes, type WasiFunction } from "./wasi-fd.js";
import { writeFilestat } from "./wasi-structs.js";
import type { WorkerProcess } from "./worker-process.js";

const R = Rights;
const READ_RIGHTS = R.FD_READ | R.FD_READDIR;
const WRITE_RIGHTS = R.FD_WRITE | R.FD_ALLOCATE | R.FD_FILESTAT_SET_SIZE;

function joinPaths(first: Uint8Array, second: Uint8Array): Uint8Array {
  const both = new Uint8Array(first.length + 1 + second.length);
  both.set(first);
  both.set(second, first.length + 1);
  return both;
}

/** The path_* imports for process `p`. */
export function pathCalls(p: WorkerProcess): Record<string, WasiFunction> {
  /** The path's bytes, checked to be valid UTF-8 (EILSEQ otherwise). */
  const path = (ptr: number, len: number): Uint8Array => {
    p.memory.string(ptr, len);
    return p.memory.bytes(ptr, len).slice();
  };
  const need = (fd: number, right: number): boolean => p.fds.has(fd, right);

  const calls = {
    path_open(
      dirfd: number,
      lookupflags: number,
      pathPtr: number,
      pathLen: number,
      oflags: number,
      rightsBase: bigint,
      rightsInheriting: bigint,
      fdflags: number,
      fdPtr: number,
    ): number {
      const name = path(pathPtr, pathLen);
      p.memory.check(fdPtr, 4);
      if ((oflags & ~0xf) !== 0 || (fdflags & ~0x1f) !== 0) return Errno.INVAL;
      if (!need(dirfd, R.PATH_OPEN)) return Errno.NOTCAPABLE;
      if ((oflags & Oflags.CREAT) && !need(dirfd, R.PATH_CREATE_FILE)) return Errno.NOTCAPABLE;
      if ((oflags & Oflags.TRUNC) && !need(dirfd, R.PATH_FILESTAT_SET_SIZE)) return Errno.NOTCAPABLE;
      const base = Number(BigInt.asUintN(64, rightsBase) & BigInt(ALL_RIGHTS));
      const inheriting = Number(BigInt.asUintN(64, rightsInheriting) & BigInt(ALL_RIGHTS));
      const writes = (base & WRITE_RIGHTS) !== 0 || (oflags & Oflags.TRUNC) !== 0;
      const reads = (base & READ_RIGHTS) !== 0 || !writes;
      const access = reads && writes ? AccessMode.READ_WRITE : writes ? AccessMode.WRITE : AccessMode.READ;
      const reply = p.call(Op.PATH_OPEN, [dirfd, lookupflags, oflags, fdflags, access], name);
      if (reply.status !== 0) return reply.status;
      const fd = reply.values[0];
      const full = defaultRights(reply.values[1], false);
      const parent = p.fds.get(dirfd);
      let granted = base & full.base;
      let passed = inheriting & full.inheriting;
      if (parent) {
        granted &= parent.inheriting;
        passed &= parent.inheriting;
      }
      p.fds.forget(fd);
      if (granted !== full.base || passed !== full.inheriting) p.fds.set(fd, granted, passed);
      p.fds.setSyncFlags(fd, fdflags & SYNC_FLAGS);
      p.preopens.delete(fd);
      p.memory.setU32(fdPtr, fd);
      return Errno.SUCCESS;
    },

    path_create_directory(dirfd: number, pathPtr: number, pathLen: number): number {
      const name = path(pathPtr, pathLen);
      if (!need(dirfd, R.PATH_CREATE_DIRECTORY)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_CREATE_DIRECTORY, [dirfd], name).status;
    },

    path_remove_directory(dirfd: number, pathPtr: number, pathLen: number): number {
      const name = path(pathPtr, pathLen);
      if (!need(dirfd, R.PATH_REMOVE_DIRECTORY)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_REMOVE_DIRECTORY, [dirfd], name).status;
    },

    path_unlink_file(dirfd: number, pathPtr: number, pathLen: number): number {
      const name = path(pathPtr, pathLen);
      if (!need(dirfd, R.PATH_UNLINK_FILE)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_UNLINK_FILE, [dirfd], name).status;
    },

    path_rename(oldDirfd: number, oldPtr: number, oldLen: number, newDirfd: number, newPtr: number, newLen: number): number {
      const from = path(oldPtr, oldLen);
      const to = path(newPtr, newLen);
      if (!need(oldDirfd, R.PATH_RENAME_SOURCE) || !need(newDirfd, R.PATH_RENAME_TARGET)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_RENAME, [oldDirfd, newDirfd], joinPaths(from, to)).status;
    },

    path_symlink(targetPtr: number, targetLen: number, dirfd: number, pathPtr: number, pathLen: number): number {
      const target = path(targetPtr, targetLen);
      const name = path(pathPtr, pathLen);
      if (!need(dirfd, R.PATH_SYMLINK)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_SYMLINK, [dirfd], joinPaths(target, name)).status;
    },

    path_readlink(dirfd: number, pathPtr: number, pathLen: number, bufPtr: number, bufLen: number, bufusedPtr: number): number {
      const name = path(pathPtr, pathLen);
      const buffer = p.memory.bytes(bufPtr, bufLen);
      p.memory.check(bufusedPtr, 4);
      if (!need(dirfd, R.PATH_READLINK)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.PATH_READLINK, [dirfd], name);
      if (reply.status !== 0) return reply.status;
      const n = Math.min(reply.payload.length, buffer.length);
      p.memory.bytes(bufPtr, n).set(reply.payload.subarray(0, n));
      p.memory.setU32(bufusedPtr, n);
      return Errno.SUCCESS;
    },

    path_link(
      oldDirfd: number,
      lookupflags: number,
      oldPtr: number,
      oldLen: number,
      newDirfd: number,
      newPtr: number,
      newLen: number,
    ): number {
      const from = path(oldPtr, oldLen);
      const to = path(newPtr, newLen);
      if (!need(oldDirfd, R.PATH_LINK_SOURCE) || !need(newDirfd, R.PATH_LINK_TARGET)) return Errno.NOTCAPABLE;
      return p.call(Op.PATH_LINK, [oldDirfd, lookupflags, newDirfd], joinPaths(from, to)).status;
    },

    path_filestat_get(dirfd: number, lookupflags: number, pathPtr: number, pathLen: number, bufPtr: number): number {
      const name = path(pathPtr, pathLen);
      p.memory.check(bufPtr, Size.FILESTAT);
      if (!need(dirfd, R.PATH_FILESTAT_GET)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.PATH_FILESTAT, [dirfd, lookupflags], name);
      if (reply.status !== 0) return reply.status;
      writeFilestat(p.memory, bufPtr, reply.values, reply.payload);
      return Errno.SUCCESS;
    },

    path_filestat_set_times(
      dirfd: number,
      lookupflags: number,
      pathPtr: number,
      pathLen: number,
      atim: bigint,
      mtim: bigint,
      fstflags: number,
    ): number {
      const name = path(pathPtr, pathLen);
      const times = encodeTimes(atim, mtim, fstflags);
      if (typeof times === "number") return times;
      if (!need(dirfd, R.PATH_FILESTAT_SET_TIMES)) return Errno.NOTCAPABLE;
      const request = new Uint8Array(times.length + name.length);
      request.set(times);
      request.set(name, times.length);
      return p.call(Op.PATH_SET_TIMES, [dirfd, lookupflags, fstflags], request).status;
    },
  };
  return calls as unknown as Record<string, WasiFunction>;
}
