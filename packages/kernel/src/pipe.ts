/**
 * A pipe: a bounded byte buffer (64 KiB) between a read end and a write end.
 *
 * Invariants: the buffer never holds more than `capacity` bytes; a write
 * waits until every byte has been taken into the buffer (it never drops
 * data); a read waits for data or for end of file; end of file comes once
 * the write end is closed and the buffer is empty; writing with the read end
 * closed fails with EPIPE. Waiters are served in arrival order. A waiting
 * read or write can be cancelled through its AbortSignal (its process
 * exited); a cancelled read takes nothing, so no byte is ever lost.
 *
 * Bytes are copied, never kept by reference: a write copies into the ring
 * (or straight into a waiting reader's buffer), and `readInto` copies out
 * into the caller's buffer, so a steady stream allocates nothing.
 */
import { copyBytes } from "./bridge/copy.js";
import { ByteRing } from "./byte-ring.js";
import { cancelOnAbort, remove } from "./cancel-on-abort.js";
import { PIPE_BUFFER_SIZE, S_IFIFO } from "./constants.js";
import { KernelError } from "./errors.js";
import { BaseFileObject } from "./open-file.js";
import type { VfsStat } from "./vfs/types.js";

interface ReadWaiter {
  /** The caller's buffer to fill (`readInto`), or null for a fresh array (`read`). */
  target: Uint8Array | null;
  /** The most bytes wanted. */
  length: number;
  /** Settles the read with the bytes taken: a view of `target`, or the fresh array. */
  resolve: (taken: Uint8Array) => void;
  reject: (err: unknown) => void;
}

interface WriteWaiter {
  data: Uint8Array;
  written: number;
  resolve: (written: number) => void;
  reject: (err: unknown) => void;
}

interface ReadyWaiter {
  events: "read" | "write";
  resolve: () => void;
}

const EMPTY = new Uint8Array(0);

/** The shared state of one pipe. */
export class PipeBuffer {
  private readonly ring: ByteRing;
  private readWaiters: ReadWaiter[] = [];
  private writeWaiters: WriteWaiter[] = [];
  private readyWaiters: ReadyWaiter[] = [];
  /** Whether the read end is still open. */
  readerOpen = true;
  /** Whether the write end is still open. */
  writerOpen = true;
  /** The largest number of bytes ever buffered at once (for tests). */
  highWaterMark = 0;

  constructor(readonly capacity = PIPE_BUFFER_SIZE) {
    this.ring = new ByteRing(capacity);
  }

  /** Bytes currently buffered. */
  get buffered(): number {
    return this.ring.size;
  }

  /** Reads up to `length` bytes into a fresh array; waits while the pipe is empty and a writer remains. */
  read(length: number, signal?: AbortSignal, nonblock = false): Uint8Array | Promise<Uint8Array> {
    return this.readTo(null, length, signal, nonblock);
  }

  /**
   * Reads up to `target.length` bytes into `target` and returns the count;
   * waits like `read`. Nothing else may touch `target` until it settles.
   */
  readInto(target: Uint8Array, signal?: AbortSignal, nonblock = false): number | Promise<number> {
    const taken = this.readTo(target, target.length, signal, nonblock);
    return taken instanceof Uint8Array ? taken.length : taken.then((bytes) => bytes.length);
  }

  private readTo(target: Uint8Array | null, length: number, signal?: AbortSignal, nonblock = false): Uint8Array | Promise<Uint8Array> {
    if (this.ring.size > 0 && this.readWaiters.length === 0) return this.take(target, length, true);
    if (!this.writerOpen && this.ring.size === 0) return EMPTY;
    if (nonblock) throw new KernelError("EAGAIN", undefined, { syscall: "read" });
    return new Promise<Uint8Array>((resolve, reject) => {
      const waiter: ReadWaiter = { target, length, resolve, reject };
      this.readWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.readWaiters, waiter)) reject(new KernelError("EINTR", undefined, { syscall: "read" }));
      });
    });
  }

  /** Writes all of `data`; resolves with its length once every byte is in the buffer. */
  write(data: Uint8Array, signal?: AbortSignal, nonblock = false): number | Promise<number> {
    if (!this.readerOpen) throw new KernelError("EPIPE", undefined, { syscall: "write" });
    if (data.length === 0) return 0;
    if (this.writeWaiters.length === 0) {
      const accepted = this.accept(data);
      if (accepted === data.length) return accepted;
      if (nonblock) {
        if (accepted > 0) return accepted;
        throw new KernelError("EAGAIN", undefined, { syscall: "write" });
      }
      return this.waitToWrite(data, accepted, signal);
    }
    if (nonblock) throw new KernelError("EAGAIN", undefined, { syscall: "write" });
    return this.waitToWrite(data, 0, signal);
  }

  /** Whether a read would not wait, and whether a write would not wait. */
  poll(): { readable: boolean; writable: boolean } {
    return {
      readable: this.ring.size > 0 || !this.writerOpen,
      writable: !this.readerOpen || this.ring.room > 0,
    };
  }

  /** Resolves once `poll()` reports the event (or the signal aborts). */
  waitReady(events: "read" | "write", signal?: AbortSignal): Promise<void> {
    const ready = this.poll();
    if (events === "read" ? ready.readable : ready.writable) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter: ReadyWaiter = { events, resolve };
      this.readyWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.readyWaiters, waiter)) resolve();
      });
    });
  }

  /** Closes the read end: pending and future writes fail with EPIPE. */
  closeReader(): void {
    if (!this.readerOpen) return;
    this.readerOpen = false;
    this.ring.clear();
    const writers = this.writeWaiters;
    this.writeWaiters = [];
    for (const w of writers) w.reject(new KernelError("EPIPE", undefined, { syscall: "write" }));
    this.wakeReady();
  }

  /** Closes the write end: readers drain the buffer, then see end of file. */
  closeWriter(): void {
    if (!this.writerOpen) return;
    this.writerOpen = false;
    if (this.ring.size === 0) {
      const readers = this.readWaiters;
      this.readWaiters = [];
      for (const r of readers) r.resolve(EMPTY);
    }
    this.wakeReady();
  }

  private waitToWrite(data: Uint8Array, written: number, signal?: AbortSignal): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const waiter: WriteWaiter = { data, written, resolve, reject };
      this.writeWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.writeWaiters, waiter)) reject(new KernelError("EINTR", undefined, { syscall: "write" }));
      });
    });
  }

  /** Takes as much of `data` as fits, serving waiting readers first; returns the count taken. */
  private accept(data: Uint8Array, from = 0): number {
    let offset = from;
    // Readers wait only on an empty buffer: hand them the bytes directly.
    while (offset < data.length && this.readWaiters.length > 0 && this.ring.size === 0) {
      const reader = this.readWaiters.shift()!;
      const n = Math.min(reader.length, data.length - offset);
      const out = reader.target ? reader.target.subarray(0, n) : new Uint8Array(n);
      copyBytes(out, data.subarray(offset, offset + n));
      offset += n;
      reader.resolve(out);
    }
    const n = offset < data.length ? this.ring.push(offset === 0 ? data : data.subarray(offset)) : 0;
    if (n > 0) {
      offset += n;
      if (this.ring.size > this.highWaterMark) this.highWaterMark = this.ring.size;
      this.serveReaders();
    }
    return offset - from;
  }

  /**
   * Removes up to `length` bytes from the front of the pipe, into `target`
   * or a fresh array: the buffer's bytes, then, with `fromWriters`, those
   * of writers waiting for room, in order, straight from their data (the
   * bytes they would move into the buffer next), which saves a copy through
   * the buffer. Not while a writer's bytes are being accepted (its count is
   * not settled yet).
   */
  private take(target: Uint8Array | null, length: number, fromWriters: boolean): Uint8Array {
    const n = Math.min(length, this.ring.size + (fromWriters ? this.waitingWriteBytes() : 0));
    const out = target ? target.subarray(0, n) : new Uint8Array(n);
    let filled = this.ring.shift(out);
    while (filled < n) {
      const writer = this.writeWaiters[0];
      const part = Math.min(n - filled, writer.data.length - writer.written);
      copyBytes(out, writer.data.subarray(writer.written, writer.written + part), filled);
      writer.written += part;
      filled += part;
      if (writer.written === writer.data.length) {
        this.writeWaiters.shift();
        writer.resolve(writer.data.length);
      }
    }
    this.serveWriters();
    if (this.ring.size === 0 && !this.writerOpen) {
      const readers = this.readWaiters;
      this.readWaiters = [];
      for (const r of readers) r.resolve(EMPTY);
    }
    return out;
  }

  private waitingWriteBytes(): number {
    let total = 0;
    for (const writer of this.writeWaiters) total += writer.data.length - writer.written;
    return total;
  }

  private serveReaders(): void {
    while (this.ring.size > 0 && this.readWaiters.length > 0) {
      const reader = this.readWaiters.shift()!;
      reader.resolve(this.take(reader.target, reader.length, false));
    }
    this.wakeReady();
  }

  private serveWriters(): void {
    while (this.writeWaiters.length > 0 && this.ring.room > 0) {
      const writer = this.writeWaiters[0];
      writer.written += this.accept(writer.data, writer.written);
      if (writer.written < writer.data.length) break;
      this.writeWaiters.shift();
      writer.resolve(writer.data.length);
    }
    this.wakeReady();
  }

  private wakeReady(): void {
    if (this.readyWaiters.length === 0) return;
    const ready = this.poll();
    const still: ReadyWaiter[] = [];
    for (const w of this.readyWaiters) {
      if (w.events === "read" ? ready.readable : ready.writable) w.resolve();
      else still.push(w);
    }
    this.readyWaiters = still;
  }
}

/** The read end of a pipe, as a descriptor sees it. */
export class PipeReadEnd extends BaseFileObject {
  readonly filetype = "pipe" as const;

  constructor(readonly pipe: PipeBuffer) {
    super();
  }

  override read(length: number, _position: number, signal?: AbortSignal, nonblock?: boolean): Uint8Array | Promise<Uint8Array> {
    return this.pipe.read(length, signal, nonblock);
  }
  override readInto(target: Uint8Array, _position: number, signal?: AbortSignal, nonblock?: boolean): number | Promise<number> {
    return this.pipe.readInto(target, signal, nonblock);
  }
  stat(): VfsStat {
    return fifoStat(this.pipe.buffered);
  }
  override poll(): { readable: boolean; writable: boolean } {
    return { readable: this.pipe.poll().readable, writable: false };
  }
  override waitReady(events: "read" | "write", signal?: AbortSignal): Promise<void> {
    // Waiting to write on a read end never blocks: the write itself fails with EBADF.
    return events === "read" ? this.pipe.waitReady("read", signal) : Promise.resolve();
  }
  override release(): void {
    this.pipe.closeReader();
  }
}

/** The write end of a pipe, as a descriptor sees it. */
export class PipeWriteEnd extends BaseFileObject {
  readonly filetype = "pipe" as const;

  constructor(readonly pipe: PipeBuffer) {
    super();
  }

  override write(data: Uint8Array, _position: number, signal?: AbortSignal, nonblock?: boolean): number | Promise<number> {
    return this.pipe.write(data, signal, nonblock);
  }
  stat(): VfsStat {
    return fifoStat(this.pipe.buffered);
  }
  override poll(): { readable: boolean; writable: boolean } {
    return { readable: false, writable: this.pipe.poll().writable };
  }
  override waitReady(events: "read" | "write", signal?: AbortSignal): Promise<void> {
    return events === "write" ? this.pipe.waitReady("write", signal) : Promise.resolve();
  }
  override release(): void {
    this.pipe.closeWriter();
  }
}

let nextPipeIno = 1;

function fifoStat(size: number): VfsStat {
  const now = Date.now();
  return {
    dev: 0xfe, ino: nextPipeIno++, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, size,
    atimeMs: now, mtimeMs: now, ctimeMs: now, birthtimeMs: now,
  };
}
