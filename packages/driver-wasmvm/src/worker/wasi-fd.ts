/**
 * The fd_* calls of WASI preview1. Each decodes and checks its guest
 * arguments, makes at most one kernel call for the common case, and writes
 * the result back; the descriptor itself is always the kernel's. Rights are
 * checked here (the kernel has no notion of them) for descriptors whose
 * rights were narrowed.
 */
import { copyBytes } from "@secure-exec/kernel/worker-bridge";
import { Op } from "../shared/ops.js";
import { ADVICE_MAX, ALL_RIGHTS, Errno, Fdflags, Fstflags, PREOPENTYPE_DIR, Rights, Size } from "../shared/wasi-defs.js";
import { defaultRights } from "./fd-state.js";
import type { GuestBuffer } from "./guest-memory.js";
import { encodeTimestamps } from "../shared/time.js";
import { writeFdstat, writeFilestat } from "./wasi-structs.js";
import type { WorkerProcess } from "./worker-process.js";

/** A WASI import: numbers and bigints in, an errno out. */
export type WasiFunction = (...args: never[]) => number;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The fdflags the kernel does not keep (its file systems are synchronous anyway). */
export const SYNC_FLAGS = Fdflags.DSYNC | Fdflags.RSYNC | Fdflags.SYNC;

/** Validates fstflags; returns EINVAL, or the two timestamps encoded for the host. */
export function encodeTimes(atim: bigint, mtim: bigint, fstflags: number): Uint8Array | number {
  const F = Fstflags;
  if ((fstflags & ~(F.ATIM | F.ATIM_NOW | F.MTIM | F.MTIM_NOW)) !== 0) return Errno.INVAL;
  if ((fstflags & F.ATIM) && (fstflags & F.ATIM_NOW)) return Errno.INVAL;
  if ((fstflags & F.MTIM) && (fstflags & F.MTIM_NOW)) return Errno.INVAL;
  return encodeTimestamps([atim, mtim]);
}

function gather(p: WorkerProcess, iovs: GuestBuffer[]): Uint8Array {
  if (iovs.length === 1) return p.memory.bytes(iovs[0].ptr, iovs[0].len);
  let total = 0;
  for (const iov of iovs) total += iov.len;
  const data = new Uint8Array(total);
  let offset = 0;
  for (const iov of iovs) {
    data.set(p.memory.bytes(iov.ptr, iov.len), offset);
    offset += iov.len;
  }
  return data;
}

function scatter(p: WorkerProcess, iovs: GuestBuffer[], data: Uint8Array): void {
  let offset = 0;
  for (const iov of iovs) {
    if (offset >= data.length) break;
    const n = Math.min(iov.len, data.length - offset);
    copyBytes(p.memory.bytes(iov.ptr, n), data.subarray(offset, offset + n));
    offset += n;
  }
}

function totalLength(iovs: GuestBuffer[]): number {
  let total = 0;
  for (const iov of iovs) total += iov.len;
  return total;
}

/** The fd_* imports for process `p`. */
export function fdCalls(p: WorkerProcess): Record<string, WasiFunction> {
  const need = (fd: number, right: number): boolean => p.fds.has(fd, right);

  const fdstat = (fd: number): { status: number; filetype: number; flags: number; isatty: boolean } => {
    const reply = p.call(Op.FD_FDSTAT, [fd]);
    return { status: reply.status, filetype: reply.values[0], flags: reply.values[1], isatty: reply.values[2] === 1 };
  };

  const currentRights = (fd: number, filetype: number, isatty: boolean) => {
    const full = defaultRights(filetype, isatty);
    const narrowed = p.fds.get(fd);
    return narrowed ? { base: narrowed.base & full.base, inheriting: narrowed.inheriting & full.inheriting } : full;
  };

  const calls = {
    fd_read(fd: number, iovsPtr: number, iovsLen: number, nreadPtr: number): number {
      const iovs = p.memory.iovecs(iovsPtr, iovsLen);
      p.memory.check(nreadPtr, 4);
      if (!need(fd, Rights.FD_READ)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.FD_READ, [fd, totalLength(iovs)]);
      if (reply.status !== 0) return reply.status;
      scatter(p, iovs, reply.payload);
      p.memory.setU32(nreadPtr, reply.payload.length);
      return Errno.SUCCESS;
    },

    fd_write(fd: number, iovsPtr: number, iovsLen: number, nwrittenPtr: number): number {
      const iovs = p.memory.iovecs(iovsPtr, iovsLen);
      p.memory.check(nwrittenPtr, 4);
      if (!need(fd, Rights.FD_WRITE)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.FD_WRITE, [fd], gather(p, iovs));
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(nwrittenPtr, reply.values[0]);
      return Errno.SUCCESS;
    },

    fd_pread(fd: number, iovsPtr: number, iovsLen: number, offset: bigint, nreadPtr: number): number {
      const iovs = p.memory.iovecs(iovsPtr, iovsLen);
      p.memory.check(nreadPtr, 4);
      if (!need(fd, Rights.FD_READ | Rights.FD_SEEK)) return Errno.NOTCAPABLE;
      const at = BigInt.asUintN(64, offset);
      if (at > MAX_SAFE) return Errno.INVAL;
      const reply = p.call(Op.FD_PREAD, [fd, totalLength(iovs), Number(at)]);
      if (reply.status !== 0) return reply.status;
      scatter(p, iovs, reply.payload);
      p.memory.setU32(nreadPtr, reply.payload.length);
      return Errno.SUCCESS;
    },

    fd_pwrite(fd: number, iovsPtr: number, iovsLen: number, offset: bigint, nwrittenPtr: number): number {
      const iovs = p.memory.iovecs(iovsPtr, iovsLen);
      p.memory.check(nwrittenPtr, 4);
      if (!need(fd, Rights.FD_WRITE | Rights.FD_SEEK)) return Errno.NOTCAPABLE;
      const at = BigInt.asUintN(64, offset);
      if (at > MAX_SAFE) return Errno.INVAL;
      const reply = p.call(Op.FD_PWRITE, [fd, Number(at)], gather(p, iovs));
      if (reply.status !== 0) return reply.status;
      p.memory.setU32(nwrittenPtr, reply.values[0]);
      return Errno.SUCCESS;
    },

    fd_seek(fd: number, offset: bigint, whence: number, newOffsetPtr: number): number {
      p.memory.check(newOffsetPtr, 8);
      if (whence < 0 || whence > 2) return Errno.INVAL;
      const tellOnly = offset === 0n && whence === 1;
      if (!need(fd, Rights.FD_SEEK) && !(tellOnly && need(fd, Rights.FD_TELL))) return Errno.NOTCAPABLE;
      if (offset > MAX_SAFE || offset < -MAX_SAFE) return Errno.INVAL;
      const reply = p.call(Op.FD_SEEK, [fd, Number(offset), whence]);
      if (reply.status !== 0) return reply.status;
      p.memory.setU64(newOffsetPtr, reply.values[0]);
      return Errno.SUCCESS;
    },

    fd_tell(fd: number, offsetPtr: number): number {
      p.memory.check(offsetPtr, 8);
      if (!need(fd, Rights.FD_TELL)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.FD_SEEK, [fd, 0, 1]);
      if (reply.status !== 0) return reply.status;
      p.memory.setU64(offsetPtr, reply.values[0]);
      return Errno.SUCCESS;
    },

    fd_close(fd: number): number {
      const status = p.call(Op.FD_CLOSE, [fd]).status;
      if (status === 0) {
        p.fds.forget(fd);
        p.preopens.delete(fd);
      }
      return status;
    },

    fd_sync(fd: number): number {
      if (!need(fd, Rights.FD_SYNC)) return Errno.NOTCAPABLE;
      return p.call(Op.FD_SYNC, [fd]).status;
    },

    fd_datasync(fd: number): number {
      if (!need(fd, Rights.FD_DATASYNC)) return Errno.NOTCAPABLE;
      return p.call(Op.FD_SYNC, [fd]).status;
    },

    fd_fdstat_get(fd: number, ptr: number): number {
      p.memory.check(ptr, Size.FDSTAT);
      const st = fdstat(fd);
      if (st.status !== 0) return st.status;
      const rights = currentRights(fd, st.filetype, st.isatty);
      writeFdstat(p.memory, ptr, st.filetype, st.flags | p.fds.syncFlags(fd), rights.base, rights.inheriting);
      return Errno.SUCCESS;
    },

    fd_fdstat_set_flags(fd: number, flags: number): number {
      if ((flags & ~0x1f) !== 0) return Errno.INVAL;
      if (!need(fd, Rights.FD_FDSTAT_SET_FLAGS)) return Errno.NOTCAPABLE;
      const status = p.call(Op.FD_SET_FLAGS, [fd, flags & (Fdflags.APPEND | Fdflags.NONBLOCK)]).status;
      if (status === 0) p.fds.setSyncFlags(fd, flags & SYNC_FLAGS);
      return status;
    },

    fd_fdstat_set_rights(fd: number, base: bigint, inheriting: bigint): number {
      const st = fdstat(fd);
      if (st.status !== 0) return st.status;
      const current = currentRights(fd, st.filetype, st.isatty);
      const newBase = Number(BigInt.asUintN(64, base) & BigInt(ALL_RIGHTS));
      const newInheriting = Number(BigInt.asUintN(64, inheriting) & BigInt(ALL_RIGHTS));
      if ((newBase & ~current.base) !== 0 || (newInheriting & ~current.inheriting) !== 0) return Errno.NOTCAPABLE;
      p.fds.set(fd, newBase, newInheriting);
      return Errno.SUCCESS;
    },

    fd_filestat_get(fd: number, ptr: number): number {
      p.memory.check(ptr, Size.FILESTAT);
      if (!need(fd, Rights.FD_FILESTAT_GET)) return Errno.NOTCAPABLE;
      const reply = p.call(Op.FD_FILESTAT, [fd]);
      if (reply.status !== 0) return reply.status;
      writeFilestat(p.memory, ptr, reply.values, reply.payload);
      return Errno.SUCCESS;
    },

    fd_filestat_set_size(fd: number, size: bigint): number {
      if (!need(fd, Rights.FD_FILESTAT_SET_SIZE)) return Errno.NOTCAPABLE;
      const length = BigInt.asUintN(64, size);
      if (length > MAX_SAFE) return Errno.FBIG;
      return p.call(Op.FD_SET_SIZE, [fd, Number(length)]).status;
    },

    fd_filestat_set_times(fd: number, atim: bigint, mtim: bigint, fstflags: number): number {
      const times = encodeTimes(atim, mtim, fstflags);
      if (typeof times === "number") return times;
      if (!need(fd, Rights.FD_FILESTAT_SET_TIMES)) return Errno.NOTCAPABLE;
      return p.call(Op.FD_SET_TIMES, [fd, fstflags], times).status;
    },

    fd_allocate(fd: number, offset: bigint, len: bigint): number {
      if (!need(fd, Rights.FD_ALLOCATE)) return Errno.NOTCAPABLE;
      const start = BigInt.asUintN(64, offset);
      const length = BigInt.asUintN(64, len);
      if (start + length > MAX_SAFE) return Errno.FBIG;
      return p.call(Op.FD_ALLOCATE, [fd, Number(start), Number(length)]).status;
    },

    fd_advise(fd: number, offset: bigint, len: bigint, advice: number): number {
      if (advice < 0 || advice > ADVICE_MAX) return Errno.INVAL;
      if (!need(fd, Rights.FD_ADVISE)) return Errno.NOTCAPABLE;
      const start = BigInt.asUintN(64, offset);
      const length = BigInt.asUintN(64, len);
      if (start > MAX_SAFE || length > MAX_SAFE) return Errno.INVAL;
      return p.call(Op.FD_ADVISE, [fd, Number(start), Number(length), advice]).status;
    },

    fd_readdir(fd: number, bufPtr: number, bufLen: number, cookie: bigint, bufusedPtr: number): number {
      const buffer = p.memory.bytes(bufPtr, bufLen);
      p.memory.check(bufusedPtr, 4);
      if (!need(fd, Rights.FD_READDIR)) return Errno.NOTCAPABLE;
      const index = BigInt.asUintN(64, cookie);
      if (index > MAX_SAFE) return Errno.INVAL;
      const reply = p.call(Op.FD_READDIR, [fd, Number(index), bufLen >>> 0]);
      if (reply.status !== 0) return reply.status;
      p.memory.bytes(bufPtr, reply.payload.length).set(reply.payload);
      p.memory.setU32(bufusedPtr, Math.min(reply.payload.length, buffer.length));
      return Errno.SUCCESS;
    },

    fd_renumber(from: number, to: number): number {
      const status = p.call(Op.FD_RENUMBER, [from, to]).status;
      if (status === 0 && from !== to) {
        p.fds.move(from, to);
        const name = p.preopens.get(from);
        p.preopens.delete(from);
        if (name) p.preopens.set(to, name);
        else p.preopens.delete(to);
      }
      return status;
    },

    fd_prestat_get(fd: number, ptr: number): number {
      p.memory.check(ptr, Size.PRESTAT);
      const name = p.preopens.get(fd);
      if (!name) return Errno.BADF;
      p.memory.setU32(ptr, PREOPENTYPE_DIR);
      p.memory.setU32(ptr + 4, name.length);
      return Errno.SUCCESS;
    },

    fd_prestat_dir_name(fd: number, pathPtr: number, pathLen: number): number {
      const name = p.preopens.get(fd);
      if (!name) return Errno.BADF;
      if (pathLen >>> 0 < name.length) return Errno.NAMETOOLONG;
      p.memory.bytes(pathPtr, name.length).set(name);
      return Errno.SUCCESS;
    },
  };
  return calls as unknown as Record<string, WasiFunction>;
}
