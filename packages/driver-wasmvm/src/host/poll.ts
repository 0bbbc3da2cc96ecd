/**
 * The descriptor half of poll_oneoff. Given (fd, eventtype) pairs and a
 * timeout, it answers at once with whatever is ready; otherwise it waits on
 * the kernel thread (the worker sleeps meanwhile) until one descriptor
 * becomes ready or the timeout passes, then checks them all again. A bad
 * descriptor is "ready" with its errno, as the spec has it.
 */
import type { KernelInterface } from "@secure-exec/kernel";
import { Errno, errnoFromCode, Eventtype } from "../shared/wasi-defs.js";

interface Subscription {
  fd: number;
  type: number;
}

function decode(payload: Uint8Array): Subscription[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const subs: Subscription[] = [];
  for (let off = 0; off + 8 <= payload.length; off += 8) {
    subs.push({ fd: view.getUint32(off, true), type: view.getUint32(off + 4, true) });
  }
  return subs;
}

function readyList(ki: KernelInterface, pid: number, subs: Subscription[]): [number, number][] {
  const ready: [number, number][] = [];
  subs.forEach((sub, index) => {
    try {
      const state = ki.fdPoll(pid, sub.fd);
      if (sub.type === Eventtype.FD_READ ? state.readable : state.writable) ready.push([index, 0]);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      ready.push([index, typeof code === "string" ? errnoFromCode(code) : Errno.IO]);
    }
  });
  return ready;
}

function encode(ready: [number, number][]): Uint8Array {
  const out = new Uint8Array(ready.length * 8);
  const view = new DataView(out.buffer);
  ready.forEach(([index, errno], i) => {
    view.setUint32(i * 8, index, true);
    view.setUint32(i * 8 + 4, errno, true);
  });
  return out;
}

/** Waits until a subscribed descriptor is ready or `timeoutMs` passes (-1: no timeout); returns the encoded ready list. */
export async function pollFds(ki: KernelInterface, pid: number, timeoutMs: number, payload: Uint8Array): Promise<Uint8Array> {
  const subs = decode(payload);
  let ready = readyList(ki, pid, subs);
  if (ready.length > 0 || timeoutMs === 0) return encode(ready);
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waits: Promise<unknown>[] = subs.map((sub) =>
    ki.fdWaitReady(pid, sub.fd, sub.type === Eventtype.FD_READ ? "read" : "write", abort.signal).catch(() => undefined),
  );
  if (timeoutMs > 0) waits.push(new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))));
  try {
    await Promise.race(waits);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  ready = readyList(ki, pid, subs);
  return encode(ready);
}
