/**
 * The rest of WASI preview1: args and environ (answered from the run
 * message, no kernel call), clocks and random (local), poll_oneoff (clock
 * waits sleep in the worker; descriptor waits block on the kernel thread),
 * proc_exit / proc_raise, sched_yield, and the sock_* calls, which give
 * EBADF for a bad descriptor and ENOTSOCK otherwise (the kernel has no
 * sockets).
 */
import { Op } from "../shared/ops.js";
import {
  Clock,
  Errno,
  Eventtype,
  Size,
  SUBSCRIPTION_CLOCK_ABSTIME,
} from "../shared/wasi-defs.js";
import type { WasiFunction } from "./wasi-fd.js";
import { msToNs, nsToMs } from "../shared/time.js";
import { ProcessExit, type WorkerProcess } from "./worker-process.js";

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the worker for `ms` milliseconds. */
export function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

interface PendingEvent {
  userdata: bigint;
  error: number;
  type: number;
}

/** The remaining preview1 imports for process `p`. */
export function miscCalls(p: WorkerProcess): Record<string, WasiFunction> {

  const now = (clock: number): bigint | undefined => {
    if (clock === Clock.REALTIME) return msToNs(performance.timeOrigin + performance.now());
    if (clock === Clock.MONOTONIC) return msToNs(performance.now());
    if (clock === Clock.PROCESS_CPUTIME_ID || clock === Clock.THREAD_CPUTIME_ID) return msToNs(performance.now() - p.startMs);
    return undefined;
  };

  const sizes = (items: Uint8Array[], countPtr: number, sizePtr: number): number => {
    p.memory.check(countPtr, 4);
    p.memory.check(sizePtr, 4);
    let total = 0;
    for (const item of items) total += item.length + 1;
    p.memory.setU32(countPtr, items.length);
    p.memory.setU32(sizePtr, total);
    return Errno.SUCCESS;
  };

  const socketCheck = (fd: number): number => {
    const status = p.call(Op.FD_FDSTAT, [fd]).status;
    return status !== 0 ? status : Errno.NOTSOCK;
  };

  const calls = {
    args_sizes_get: (countPtr: number, sizePtr: number) => sizes(p.argv, countPtr, sizePtr),
    args_get(listPtr: number, bufPtr: number): number {
      p.memory.writeStringList(p.argv, listPtr, bufPtr);
      return Errno.SUCCESS;
    },
    environ_sizes_get: (countPtr: number, sizePtr: number) => sizes(p.env, countPtr, sizePtr),
    environ_get(listPtr: number, bufPtr: number): number {
      p.memory.writeStringList(p.env, listPtr, bufPtr);
      return Errno.SUCCESS;
    },

    clock_res_get(clock: number, ptr: number): number {
      p.memory.check(ptr, 8);
      if (now(clock) === undefined) return Errno.INVAL;
      p.memory.setU64(ptr, 1000n);
      return Errno.SUCCESS;
    },
    clock_time_get(clock: number, _precision: bigint, ptr: number): number {
      p.memory.check(ptr, 8);
      const value = now(clock);
      if (value === undefined) return Errno.INVAL;
      p.memory.setU64(ptr, value);
      return Errno.SUCCESS;
    },

    random_get(ptr: number, len: number): number {
      const target = p.memory.bytes(ptr, len);
      for (let offset = 0; offset < target.length; offset += 65536) {
        crypto.getRandomValues(target.subarray(offset, Math.min(target.length, offset + 65536)) as Uint8Array<ArrayBuffer>);
      }
      return Errno.SUCCESS;
    },

    poll_oneoff(inPtr: number, outPtr: number, count: number, neventsPtr: number): number {
      const n = count >>> 0;
      p.memory.check(neventsPtr, 4);
      if (n === 0) return Errno.INVAL;
      p.memory.check(inPtr, n * Size.SUBSCRIPTION);
      p.memory.check(outPtr, n * Size.EVENT);
      const events: PendingEvent[] = [];
      const clocks: { userdata: bigint; deadline: number }[] = [];
      const fds: { userdata: bigint; fd: number; type: number }[] = [];
      const nowMs = performance.now();
      for (let i = 0; i < n; i++) {
        const at = (inPtr >>> 0) + i * Size.SUBSCRIPTION;
        const userdata = p.memory.u64(at);
        const type = p.memory.u8(at + 8);
        if (type === Eventtype.CLOCK) {
          const clock = p.memory.u32(at + 16);
          const timeoutMs = nsToMs(p.memory.u64(at + 24));
          const absolute = (p.memory.u16(at + 40) & SUBSCRIPTION_CLOCK_ABSTIME) !== 0;
          if (now(clock) === undefined) {
            events.push({ userdata, error: Errno.INVAL, type });
            continue;
          }
          let deadline = nowMs + timeoutMs;
          if (absolute) {
            deadline = clock === Clock.REALTIME ? nowMs + (timeoutMs - (performance.timeOrigin + nowMs)) : timeoutMs;
          }
          clocks.push({ userdata, deadline });
        } else if (type === Eventtype.FD_READ || type === Eventtype.FD_WRITE) {
          fds.push({ userdata, fd: p.memory.u32(at + 16), type });
        } else {
          return Errno.INVAL;
        }
      }
      const earliest = clocks.reduce((min, c) => Math.min(min, c.deadline), Infinity);
      if (fds.length > 0) {
        const request = new Uint8Array(fds.length * 8);
        const view = new DataView(request.buffer);
        fds.forEach((s, i) => {
          view.setUint32(i * 8, s.fd, true);
          view.setUint32(i * 8 + 4, s.type, true);
        });
        const timeout = events.length > 0 ? 0 : earliest === Infinity ? -1 : Math.max(0, earliest - performance.now());
        const reply = p.call(Op.POLL, [timeout], request);
        if (reply.status !== 0) return reply.status;
        const ready = new DataView(reply.payload.buffer, reply.payload.byteOffset, reply.payload.byteLength);
        for (let off = 0; off + 8 <= reply.payload.length; off += 8) {
          const s = fds[ready.getUint32(off, true)];
          events.push({ userdata: s.userdata, error: ready.getUint32(off + 4, true), type: s.type });
        }
      } else if (events.length === 0) {
        sleepMs(earliest - performance.now());
      }
      const after = performance.now();
      for (const c of clocks) {
        if (c.deadline <= after) events.push({ userdata: c.userdata, error: 0, type: Eventtype.CLOCK });
      }
      const out = outPtr >>> 0;
      events.forEach((e, i) => {
        const at = out + i * Size.EVENT;
        p.memory.bytes(at, Size.EVENT).fill(0);
        p.memory.setU64(at, e.userdata);
        p.memory.setU16(at + 8, e.error);
        p.memory.setU8(at + 10, e.type);
      });
      p.memory.setU32(neventsPtr, events.length);
      return Errno.SUCCESS;
    },

    proc_exit(code: number): number {
      throw new ProcessExit(code >>> 0);
    },
    proc_raise(signal: number): number {
      return p.call(Op.PROC_KILL, [p.pid, signal]).status;
    },
    sched_yield: () => Errno.SUCCESS,

    sock_accept: (fd: number) => socketCheck(fd),
    sock_recv: (fd: number) => socketCheck(fd),
    sock_send: (fd: number) => socketCheck(fd),
    sock_shutdown: (fd: number) => socketCheck(fd),
  };
  return calls as unknown as Record<string, WasiFunction>;
}
