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
 */
import { PIPE_BUFFER_SIZE, S_IFIFO } from "./constants.js";
import { KernelError } from "./errors.js";
import { BaseFileObject } from "./open-file.js";
import type { VfsStat } from "./vfs/types.js";

interface ReadWaiter {
  length: number;
  resolve: (data: Uint8Array) => void;
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
  /** Chunks in arrival order; the first may be partly consumed (see `headOffset`). */
  private chunks: Uint8Array[] = [];
  private headOffset = 0;
  private size = 0;
  private readWaiters: ReadWaiter[] = [];
  private writeWaiters: WriteWaiter[] = [];
  private readyWaiters: ReadyWaiter[] = [];
  /** Whether the read end is still open. */
  readerOpen = true;
  /** Whether the write end is still open. */
  writerOpen = true;
  /** The largest number of bytes ever buffered at once (for tests). */
  highWaterMark = 0;

  constructor(readonly capacity = PIPE_BUFFER_SIZE) {}

  /** Bytes currently buffered. */
  get buffered(): number {
    return this.size;
  }

  /** Reads up to `length` bytes; waits while the pipe is empty and a writer remains. */
  read(length: number, signal?: AbortSignal, nonblock = false): Uint8Array | Promise<Uint8Array> {
    if (this.size > 0 && this.readWaiters.length === 0) return this.take(length);
    if (!this.writerOpen && this.size === 0) return EMPTY;
    if (nonblock) throw new KernelError("EAGAIN", undefined, { syscall: "read" });
    return new Promise<Uint8Array>((resolve, reject) => {
      const waiter: ReadWaiter = { length, resolve, reject };
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
      readable: this.size > 0 || !this.writerOpen,
      writable: !this.readerOpen || this.size < this.capacity,
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
    this.chunks = [];
    this.size = 0;
    this.headOffset = 0;
    const writers = this.writeWaiters;
    this.writeWaiters = [];
    for (const w of writers) w.reject(new KernelError("EPIPE", undefined, { syscall: "write" }));
    this.wakeReady();
  }

  /** Closes the write end: readers drain the buffer, then see end of file. */
  closeWriter(): void {
    if (!this.writerOpen) return;
    this.writerOpen = false;
    if (this.size === 0) {
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
    while (offset < data.length && this.readWaiters.length > 0 && this.size === 0) {
      const reader = this.readWaiters.shift()!;
      const n = Math.min(reader.length, data.length - offset);
      reader.resolve(data.slice(offset, offset + n));
      offset += n;
    }
    const room = this.capacity - this.size;
    const n = Math.min(room, data.length - offset);
    if (n > 0) {
      this.chunks.push(data.slice(offset, offset + n));
      this.size += n;
      offset += n;
      if (this.size > this.highWaterMark) this.highWaterMark = this.size;
      this.serveReaders();
    }
    return offset - from;
  }

  /** Removes up to `length` bytes from the front of the buffer. */
  private take(length: number): Uint8Array {
    const n = Math.min(length, this.size);
    const head = this.chunks[0];
    let out: Uint8Array;
    if (head.length - this.headOffset >= n) {
      out = head.subarray(this.headOffset, this.headOffset + n);
      this.headOffset += n;
      if (this.headOffset === head.length) {
        this.chunks.shift();
        this.headOffset = 0;
      }
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const part = Math.min(chunk.length - this.headOffset, n - filled);
        out.set(chunk.subarray(this.headOffset, this.headOffset + part), filled);
        filled += part;
        this.headOffset += part;
        if (this.headOffset === chunk.length) {
          this.chunks.shift();
          this.headOffset = 0;
        }
      }
    }
    this.size -= n;
    this.serveWriters();
    if (this.size === 0 && !this.writerOpen) {
      const readers = this.readWaiters;
      this.readWaiters = [];
      for (const r of readers) r.resolve(EMPTY);
    }
    return out;
  }

  private serveReaders(): void {
    while (this.size > 0 && this.readWaiters.length > 0) {
      const reader = this.readWaiters.shift()!;
      reader.resolve(this.take(reader.length));
    }
    this.wakeReady();
  }

  private serveWriters(): void {
    while (this.writeWaiters.length > 0 && this.size < this.capacity) {
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

function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

/**
 * Runs `cancel` if `signal` aborts while `waiter` waits, and detaches the
 * listener once the waiter settles either way, so a long-lived process's
 * signal does not collect one listener per blocking call.
 */
function cancelOnAbort(
  signal: AbortSignal | undefined,
  waiter: { resolve: (value: never) => void; reject?: (err: unknown) => void },
  cancel: () => void,
): void {
  if (!signal) return;
  if (signal.aborted) {
    queueMicrotask(cancel);
    return;
  }
  signal.addEventListener("abort", cancel, { once: true });
  const detach = () => signal.removeEventListener("abort", cancel);
  const { resolve, reject } = waiter;
  waiter.resolve = ((value: never) => {
    detach();
    resolve(value);
  }) as never;
  if (reject) {
    waiter.reject = (err: unknown) => {
      detach();
      reject(err);
    };
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
