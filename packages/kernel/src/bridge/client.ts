/**
 * The worker's end of a bridge channel. `call` writes a request into the
 * shared buffer, wakes the kernel thread and blocks in `Atomics.wait` until
 * the reply is there, so synchronous guest code (a WASI import, a
 * `readFileSync`) can wait for the asynchronous kernel. Payloads larger than
 * the buffer's payload area travel in chunks, both ways; no size is too big.
 * One client per channel, one call at a time (a worker is single-threaded).
 */
import { copyBytes, decodeText } from "./copy.js";
import {
  BridgeState,
  BridgeViews,
  Slot,
  STATUS_THROWN,
  VALUE_COUNT,
  type BridgeErrorInfo,
} from "./protocol.js";

/** A reply as the client sees it. Its views are valid until the next call on the same client. */
export interface BridgeReply {
  /** The handler's status (0 unless it set one). */
  status: number;
  /** The handler's eight result values (unset ones are 0). */
  values: Float64Array;
  /** The handler's payload bytes. */
  payload: Uint8Array;
}

/** Thrown by `BridgeClient.call` when the host handler threw; carries its name, message and code. */
export class BridgeRemoteError extends Error {
  /** The remote error's `code` (e.g. "ENOENT"), if it had one. */
  readonly code?: string;
  /** The remote error's name (e.g. "KernelError"). */
  readonly remoteName: string;

  constructor(info: BridgeErrorInfo) {
    super(info.message);
    this.name = "BridgeRemoteError";
    this.remoteName = info.name;
    this.code = info.code;
  }
}

/** Thrown by `BridgeClient.call` once the host has closed the channel. */
export class BridgeClosedError extends Error {
  constructor() {
    super("bridge channel closed by the host");
    this.name = "BridgeClosedError";
  }
}

/** Options for a `BridgeClient`. */
export interface BridgeClientOptions {
  /**
   * The most times to poll the state word before sleeping in `Atomics.wait`
   * (one poll costs 5 to 15 ns). A short spin catches fast replies without a
   * futex round trip; the client adapts the spin between a few polls and
   * this limit, spinning longer while replies come quickly and hardly at all
   * while they do not (a pipe read waiting for its writer). Default 1000; 0
   * never spins.
   */
  spinIterations?: number;
}

/** Replies that come this soon after the client went to sleep would have been caught by a longer spin. */
const QUICK_REPLY_MS = 0.03;
const MIN_SPIN = 16;

const EMPTY = new Uint8Array(0);

/** The blocking, worker-side end of a bridge channel. */
export class BridgeClient {
  private readonly views: BridgeViews;
  private readonly capacity: number;
  private readonly maxSpin: number;
  private spin: number;
  private readonly reply: BridgeReply;

  constructor(buffer: SharedArrayBuffer, options: BridgeClientOptions = {}) {
    this.views = new BridgeViews(buffer);
    this.capacity = this.views.payload.length;
    this.maxSpin = options.spinIterations ?? 1000;
    this.spin = this.maxSpin;
    this.reply = { status: 0, values: this.views.values, payload: EMPTY };
  }

  /** The largest payload that travels in one chunk. */
  get chunkBytes(): number {
    return this.capacity;
  }

  /**
   * Runs `op` on the host with up to eight numeric `args` and a payload, and
   * blocks until it answers. Throws `BridgeRemoteError` if the handler threw
   * and `BridgeClosedError` if the host is gone.
   */
  call(op: number, args?: ArrayLike<number>, payload: Uint8Array = EMPTY): BridgeReply {
    const { i32, u32, values, payload: area } = this.views;
    const total = payload.length;
    let sent = 0;
    while (total - sent > this.capacity) {
      copyBytes(area, payload.subarray(sent, sent + this.capacity));
      u32[Slot.CHUNK_LENGTH] = this.capacity;
      u32[Slot.TOTAL_LENGTH] = total;
      sent += this.capacity;
      this.exchange(BridgeState.REQUEST_PART);
    }
    i32[Slot.OP] = op;
    const count = args ? Math.min(args.length, VALUE_COUNT) : 0;
    for (let i = 0; i < count; i++) values[i] = args![i];
    for (let i = count; i < VALUE_COUNT; i++) values[i] = 0;
    if (total > sent) copyBytes(area, sent === 0 ? payload : payload.subarray(sent));
    u32[Slot.CHUNK_LENGTH] = total - sent;
    u32[Slot.TOTAL_LENGTH] = total;
    this.exchange(BridgeState.REQUEST);
    return this.readReply();
  }

  private readReply(): BridgeReply {
    const { i32, u32, payload: area } = this.views;
    const status = i32[Slot.STATUS];
    const total = u32[Slot.TOTAL_LENGTH];
    let chunk = u32[Slot.CHUNK_LENGTH];
    let payload: Uint8Array;
    if (chunk === total) {
      payload = total === 0 ? EMPTY : area.subarray(0, total);
    } else {
      payload = new Uint8Array(total);
      copyBytes(payload, area.subarray(0, chunk));
      let received = chunk;
      while (received < total) {
        this.exchange(BridgeState.CONTINUE);
        chunk = u32[Slot.CHUNK_LENGTH];
        copyBytes(payload, area.subarray(0, chunk), received);
        received += chunk;
      }
    }
    if (status === STATUS_THROWN) {
      throw new BridgeRemoteError(JSON.parse(decodeText(payload)) as BridgeErrorInfo);
    }
    this.reply.status = status;
    this.reply.payload = payload;
    return this.reply;
  }

  /** Hands the turn to the host and waits for its RESPONSE. */
  private exchange(state: number): void {
    const i32 = this.views.i32;
    if (Atomics.load(i32, Slot.STATE) === BridgeState.CLOSED) throw new BridgeClosedError();
    Atomics.store(i32, Slot.STATE, state);
    // Every waiter: a host that was released may still be parked on the word beside the one now serving.
    if (Atomics.load(i32, Slot.HOST_WAITING) !== 0) Atomics.notify(i32, Slot.STATE);
    for (let i = 0; i < this.spin; i++) {
      if (Atomics.load(i32, Slot.STATE) === BridgeState.RESPONSE) {
        this.spin = Math.min(this.maxSpin, this.spin * 2);
        return;
      }
    }
    this.sleep();
  }

  /** Sleeps until the host answers, then tunes the spin by how long that took. */
  private sleep(): void {
    const i32 = this.views.i32;
    const start = this.maxSpin > 0 ? performance.now() : 0;
    for (;;) {
      Atomics.store(i32, Slot.CLIENT_WAITING, 1);
      const current = Atomics.load(i32, Slot.STATE);
      if (current === BridgeState.RESPONSE || current === BridgeState.CLOSED) {
        Atomics.store(i32, Slot.CLIENT_WAITING, 0);
        if (current === BridgeState.CLOSED) throw new BridgeClosedError();
        if (this.maxSpin > 0) {
          const quick = performance.now() - start < QUICK_REPLY_MS;
          this.spin = Math.min(this.maxSpin, quick ? this.spin * 2 : Math.max(MIN_SPIN, this.spin >> 1));
        }
        return;
      }
      Atomics.wait(i32, Slot.STATE, current);
      Atomics.store(i32, Slot.CLIENT_WAITING, 0);
    }
  }
}
