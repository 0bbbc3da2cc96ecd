/**
 * The worker's end of the guest's system calls: encodes `{ op, args }` and
 * the data bytes into one bridge call and decodes the reply. Blocking is
 * the bridge's: the worker sleeps until the kernel thread answers.
 *
 * Writes to stdout and stderr are coalesced: they queue here, in order,
 * and go to the kernel in one write per run of the same descriptor when the
 * queue holds 64 KiB, when its oldest bytes are 10 ms old, before any other
 * system call (so output stays ordered with everything else the process
 * does, children included), and when the engine says so (the end of every
 * macrotask; at the end of the process what is left travels with the exit
 * message instead, saving a round trip). A queued write that fails makes
 * later writes to that descriptor fail with the same error.
 */
import { BridgeClient, decodeText } from "@secure-exec/kernel/worker-bridge";
import { OP_READ, OP_SYSCALL, OP_WRITE, REPLY_BYTES, REPLY_JSON, REPLY_JSON_BYTES, STATUS_FAILED, type SyscallFailure } from "../shared/protocol.js";

/** A system call's result as the worker hands it to the guest. */
export type SyscallResult =
  | { kind: "none" }
  | { kind: "json"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "json+bytes"; text: string; bytes: Uint8Array }
  | { kind: "failed"; failure: SyscallFailure };

const encoder = new TextEncoder();

/** Output a process left queued at its end, for the kernel thread to write. */
export interface QueuedOutput {
  fd: number;
  bytes: Uint8Array;
}

/** Queued output beyond which the queue is flushed at once. */
const QUEUE_LIMIT = 64 * 1024;
/** Age of the oldest queued byte beyond which the queue is flushed. */
const QUEUE_MAX_AGE_MS = 10;

/** Sends guest system calls to the kernel thread. */
export class SyscallChannel {
  private readonly client: BridgeClient;
  private queue: { fd: number; chunks: Uint8Array[]; size: number }[] = [];
  private queued = 0;
  private queuedSince = 0;
  private failed = new Map<number, SyscallFailure>();

  constructor(buffer: SharedArrayBuffer) {
    this.client = new BridgeClient(buffer);
  }

  /** Forgets the previous process's failed descriptors (the queue is empty between processes). */
  reset(): void {
    this.queue = [];
    this.queued = 0;
    this.failed.clear();
  }

  /** Writes `data` to descriptor `fd` of the process; returns the count or the failure. */
  write(fd: number, data: Uint8Array | string): number | SyscallFailure {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    if (fd === 1 || fd === 2) {
      const failure = this.failed.get(fd);
      if (failure) return failure;
      if (this.queued === 0) this.queuedSince = performance.now();
      const last = this.queue[this.queue.length - 1];
      const copy = typeof data === "string" ? bytes : bytes.slice();
      if (last && last.fd === fd) {
        last.chunks.push(copy);
        last.size += copy.length;
      } else {
        this.queue.push({ fd, chunks: [copy], size: copy.length });
      }
      this.queued += copy.length;
      if (this.queued >= QUEUE_LIMIT || performance.now() - this.queuedSince > QUEUE_MAX_AGE_MS) this.flush();
      return bytes.length;
    }
    this.flush();
    return this.writeNow(fd, bytes);
  }

  /** Sends queued stdout/stderr output to the kernel. */
  flush(): void {
    if (this.queued === 0) return;
    const queue = this.queue;
    this.queue = [];
    this.queued = 0;
    for (const run of queue) {
      if (this.failed.has(run.fd)) continue;
      let bytes = run.chunks[0];
      if (run.chunks.length > 1) {
        bytes = new Uint8Array(run.size);
        let pos = 0;
        for (const c of run.chunks) {
          bytes.set(c, pos);
          pos += c.length;
        }
      }
      const result = this.writeNow(run.fd, bytes);
      if (typeof result !== "number") this.failed.set(run.fd, result);
    }
  }

  /** Hands over the queued output (one entry per run of the same descriptor) and empties the queue. */
  takeQueued(): QueuedOutput[] {
    const out: QueuedOutput[] = [];
    for (const run of this.queue) {
      if (this.failed.has(run.fd)) continue;
      const bytes = new Uint8Array(run.size);
      let pos = 0;
      for (const c of run.chunks) {
        bytes.set(c, pos);
        pos += c.length;
      }
      out.push({ fd: run.fd, bytes });
    }
    this.queue = [];
    this.queued = 0;
    return out;
  }

  /** Flushes the queue if its oldest bytes are older than the age limit (for long synchronous runs). */
  flushIfStale(): void {
    if (this.queued > 0 && performance.now() - this.queuedSince > QUEUE_MAX_AGE_MS) this.flush();
  }

  private writeNow(fd: number, bytes: Uint8Array): number | SyscallFailure {
    const reply = this.client.call(OP_WRITE, [fd], bytes);
    if (reply.status === STATUS_FAILED) return JSON.parse(decodeText(reply.payload)) as SyscallFailure;
    return reply.values[0];
  }

  /** Reads up to `length` bytes from descriptor `fd`; returns a copy of the bytes or the failure. */
  read(fd: number, length: number): Uint8Array | SyscallFailure {
    this.flush();
    const reply = this.client.call(OP_READ, [fd, length]);
    if (reply.status === STATUS_FAILED) return JSON.parse(decodeText(reply.payload)) as SyscallFailure;
    return reply.payload.slice();
  }

  /** Runs `op` with its JSON-encoded `argsJson` and optional data; blocks until the answer. */
  call(op: string, argsJson: string | undefined, data: Uint8Array | string | undefined): SyscallResult {
    this.flush();
    const header = encoder.encode(`{"op":${JSON.stringify(op)},"args":${argsJson ?? "null"}}`);
    const body = typeof data === "string" ? encoder.encode(data) : data;
    let payload = header;
    if (body && body.length > 0) {
      payload = new Uint8Array(header.length + body.length);
      payload.set(header);
      payload.set(body, header.length);
    }
    const reply = this.client.call(OP_SYSCALL, [header.length], payload);
    if (reply.status === STATUS_FAILED) {
      return { kind: "failed", failure: JSON.parse(decodeText(reply.payload)) as SyscallFailure };
    }
    switch (reply.values[0]) {
      case REPLY_JSON:
        return { kind: "json", text: decodeText(reply.payload) };
      case REPLY_BYTES:
        return { kind: "bytes", bytes: reply.payload };
      case REPLY_JSON_BYTES: {
        const jsonLength = reply.values[1];
        return { kind: "json+bytes", text: decodeText(reply.payload.subarray(0, jsonLength)), bytes: reply.payload.subarray(jsonLength) };
      }
      default:
        return { kind: "none" };
    }
  }
}
