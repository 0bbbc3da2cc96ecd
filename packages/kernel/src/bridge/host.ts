/**
 * The kernel thread's end of a bridge channel. The host never blocks: it
 * sleeps in `Atomics.waitAsync` until the worker hands it the turn, runs the
 * handler (which may be async: a pipe read waits here, on the kernel's event
 * loop, while the worker sleeps), writes the reply and wakes the worker. It
 * reassembles chunked requests and chunks large replies. A handler that
 * throws becomes a `BridgeRemoteError` in the worker.
 */
import { copyBytes, copyOut } from "./copy.js";
import {
  BridgeState,
  BridgeViews,
  Slot,
  STATUS_THROWN,
  VALUE_COUNT,
  type BridgeErrorInfo,
} from "./protocol.js";

/** One call as the host handler sees it. The arrays are the handler's own copies. */
export interface BridgeRequest {
  /** The op number the client passed. */
  op: number;
  /** The eight argument values (unset ones are 0). */
  args: Float64Array;
  /** The request payload. */
  payload: Uint8Array;
}

/** What a handler answers. Every field is optional. */
export interface BridgeResponse {
  /** A status for the client (default 0). */
  status?: number;
  /** Up to eight result values. */
  values?: ArrayLike<number>;
  /** Result bytes of any length; copied out before the handler's next call. */
  payload?: Uint8Array;
}

/** Serves one call; may return a promise. */
export type BridgeHandler = (request: BridgeRequest) => BridgeResponse | Promise<BridgeResponse>;

/** `Atomics.waitAsync` (ES2024), typed here because the project targets ES2022's lib. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

function describeThrown(error: unknown): BridgeErrorInfo {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return { name: "Error", message: String(error) };
}

/** The non-blocking, kernel-side end of a bridge channel. */
export class BridgeHost {
  private readonly views: BridgeViews;
  private readonly capacity: number;
  private running = false;
  private stopped = false;
  private partial: Uint8Array | null = null;
  private partialLength = 0;
  private pending: Uint8Array = EMPTY;
  private pendingOffset = 0;

  constructor(buffer: SharedArrayBuffer, private readonly handler: BridgeHandler) {
    this.views = new BridgeViews(buffer);
    this.capacity = this.views.payload.length;
  }

  /** Whether the host stopped serving (`close` or `release`). */
  get closed(): boolean {
    return this.stopped;
  }

  /** Starts serving calls. Idempotent. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.serve();
  }

  /**
   * Stops serving: marks the channel closed and wakes a waiting client, whose
   * current and later calls throw `BridgeClosedError`. A handler still
   * running finishes, but its reply is dropped.
   */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.views.i32, Slot.STATE, BridgeState.CLOSED);
    Atomics.notify(this.views.i32, Slot.STATE);
  }

  /**
   * Stops serving but leaves the channel open, so that a new host (with
   * another handler) can serve the same client, e.g. the next process on a
   * pooled worker. Call it only between calls, when the client is not
   * waiting for a reply.
   */
  release(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.notify(this.views.i32, Slot.STATE);
  }

  private async serve(): Promise<void> {
    const i32 = this.views.i32;
    while (!this.stopped) {
      const state = Atomics.load(i32, Slot.STATE);
      if (state === BridgeState.REQUEST) {
        const request = this.takeRequest();
        let response: BridgeResponse;
        try {
          const result = this.handler(request);
          response = isPromiseLike(result) ? await result : result;
        } catch (error) {
          response = { status: STATUS_THROWN, payload: encoder.encode(JSON.stringify(describeThrown(error))) };
        }
        if (this.stopped) return;
        this.beginReply(response);
      } else if (state === BridgeState.REQUEST_PART) {
        this.takePart();
        this.answer(0, 0);
      } else if (state === BridgeState.CONTINUE) {
        this.sendPendingChunk();
      } else if (state === BridgeState.CLOSED) {
        return;
      } else {
        Atomics.store(i32, Slot.HOST_WAITING, 1);
        const wait = waitAsync(i32, Slot.STATE, state);
        if (wait.async) await wait.value;
        if (this.stopped) return;
        Atomics.store(i32, Slot.HOST_WAITING, 0);
      }
    }
  }

  private takePart(): void {
    const { u32, payload } = this.views;
    const total = u32[Slot.TOTAL_LENGTH];
    const chunk = u32[Slot.CHUNK_LENGTH];
    if (this.partial === null) {
      this.partial = new Uint8Array(total);
      this.partialLength = 0;
    }
    copyBytes(this.partial, payload.subarray(0, chunk), this.partialLength);
    this.partialLength += chunk;
  }

  private takeRequest(): BridgeRequest {
    const { i32, u32, values, payload: area } = this.views;
    const chunk = u32[Slot.CHUNK_LENGTH];
    let payload: Uint8Array;
    if (this.partial !== null) {
      copyBytes(this.partial, area.subarray(0, chunk), this.partialLength);
      payload = this.partial;
      this.partial = null;
    } else {
      payload = chunk === 0 ? EMPTY : copyOut(area.subarray(0, chunk));
    }
    return { op: i32[Slot.OP], args: values.slice(), payload };
  }

  private beginReply(response: BridgeResponse): void {
    const values = this.views.values;
    const given = response.values;
    const count = given ? Math.min(given.length, VALUE_COUNT) : 0;
    for (let i = 0; i < count; i++) values[i] = given![i];
    for (let i = count; i < VALUE_COUNT; i++) values[i] = 0;
    this.pending = response.payload ?? EMPTY;
    this.pendingOffset = 0;
    this.views.u32[Slot.TOTAL_LENGTH] = this.pending.length;
    this.views.i32[Slot.STATUS] = response.status ?? 0;
    this.sendPendingChunk();
  }

  private sendPendingChunk(): void {
    const chunk = Math.min(this.capacity, this.pending.length - this.pendingOffset);
    if (chunk > 0) copyBytes(this.views.payload, this.pending.subarray(this.pendingOffset, this.pendingOffset + chunk));
    this.pendingOffset += chunk;
    if (this.pendingOffset >= this.pending.length) this.pending = EMPTY;
    this.views.u32[Slot.CHUNK_LENGTH] = chunk;
    this.respond();
  }

  /** Hands the turn back to the client, waking it only if it sleeps. */
  private respond(): void {
    const i32 = this.views.i32;
    Atomics.store(i32, Slot.STATE, BridgeState.RESPONSE);
    if (Atomics.load(i32, Slot.CLIENT_WAITING) !== 0) Atomics.notify(i32, Slot.STATE, 1);
  }

  private answer(status: number, chunk: number): void {
    this.views.i32[Slot.STATUS] = status;
    this.views.u32[Slot.CHUNK_LENGTH] = chunk;
    this.respond();
  }
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
