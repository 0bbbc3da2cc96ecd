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

/** One call as the host handler sees it. */
export interface BridgeRequest {
  /** The op number the client passed. */
  op: number;
  /** The eight argument values (unset ones are 0); the handler's own copy. */
  args: Float64Array;
  /**
   * The request payload: the handler's own copy, or, with the host option
   * `borrowPayload`, a view of a buffer the host reuses once the handler
   * settles. Made when first read, so a handler that uses `sharedPayload`
   * instead pays for no copy.
   */
  readonly payload: Uint8Array;
  /**
   * The request payload without a copy: a view of the channel itself
   * (shared memory) when it came in one chunk. Valid until the handler's
   * result settles, and only until the handler writes to `replyBuffer`,
   * which overlaps it. Hand it only to code that copies what it keeps and
   * accepts shared memory (the kernel's `fdWrite` does; `TextDecoder` does
   * not in browsers).
   */
  readonly sharedPayload: Uint8Array;
  /**
   * The channel's payload area, shared memory nobody else touches while the
   * handler runs. A handler may write its reply bytes here and answer with
   * `replyLength` instead of a `payload`, saving a copy and an allocation
   * (a read lands straight in the channel). Write nothing here after the
   * result settles.
   */
  replyBuffer: Uint8Array;
}

/** What a handler answers. Every field is optional. */
export interface BridgeResponse {
  /** A status for the client (default 0). */
  status?: number;
  /** Up to eight result values. */
  values?: ArrayLike<number>;
  /** Result bytes of any length, or several pieces sent as one; the host copies them out. */
  payload?: Uint8Array | readonly Uint8Array[];
  /** Instead of `payload`: the reply is the first `replyLength` bytes of the request's `replyBuffer`, written there already. */
  replyLength?: number;
}

/** Options for a `BridgeHost`. */
export interface BridgeHostOptions {
  /**
   * Hand handlers request payloads in a buffer the host reuses for the next
   * call instead of a fresh copy each (allocating 64 KiB costs more than
   * copying it). Only for handlers that never keep the payload past the
   * moment their result settles.
   */
  borrowPayload?: boolean;
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
  private handling = false;
  private partial: Uint8Array | null = null;
  private partialLength = 0;
  private pending: readonly Uint8Array[] = [];
  private pendingPart = 0;
  private pendingOffset = 0;
  private scratch: Uint8Array = EMPTY;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly handler: BridgeHandler,
    private readonly options: BridgeHostOptions = {},
  ) {
    this.views = new BridgeViews(buffer);
    this.capacity = this.views.payload.length;
  }

  /** Whether the host stopped serving (`close` or `release`). */
  get closed(): boolean {
    return this.stopped;
  }

  /**
   * Whether a handler is running: the client is then blocked in `call`,
   * running nothing, and `close` wakes it with `BridgeClosedError`.
   */
  get busy(): boolean {
    return this.handling && !this.stopped;
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
        this.handling = true;
        try {
          const result = this.handler(request);
          response = isPromiseLike(result) ? await result : result;
          checkReplyLength(response.replyLength, this.capacity);
        } catch (error) {
          response = { status: STATUS_THROWN, payload: encoder.encode(JSON.stringify(describeThrown(error))) };
        }
        this.handling = false;
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
    let shared: Uint8Array;
    let own: Uint8Array | null = null;
    if (this.partial !== null) {
      copyBytes(this.partial, area.subarray(0, chunk), this.partialLength);
      shared = own = this.partial;
      this.partial = null;
    } else {
      shared = chunk === 0 ? EMPTY : area.subarray(0, chunk);
      if (chunk === 0) own = EMPTY;
    }
    return new ChannelRequest(this, i32[Slot.OP], values.slice(), shared, own, area);
  }

  /** A private copy of a request payload: fresh, or in the reused scratch buffer with `borrowPayload`. */
  ownCopy(shared: Uint8Array): Uint8Array {
    if (!this.options.borrowPayload) return copyOut(shared);
    const n = shared.length;
    if (this.scratch.length < n) this.scratch = new Uint8Array(Math.max(n, Math.min(this.capacity, 2 * this.scratch.length)));
    const payload = this.scratch.subarray(0, n);
    copyBytes(payload, shared);
    return payload;
  }

  private beginReply(response: BridgeResponse): void {
    const values = this.views.values;
    const given = response.values;
    const count = given ? Math.min(given.length, VALUE_COUNT) : 0;
    for (let i = 0; i < count; i++) values[i] = given![i];
    for (let i = count; i < VALUE_COUNT; i++) values[i] = 0;
    this.views.i32[Slot.STATUS] = response.status ?? 0;
    const inPlace = response.replyLength;
    if (inPlace !== undefined) {
      this.views.u32[Slot.TOTAL_LENGTH] = inPlace;
      this.views.u32[Slot.CHUNK_LENGTH] = inPlace;
      this.respond();
      return;
    }
    const payload = response.payload ?? EMPTY;
    this.pending = payload instanceof Uint8Array ? [payload] : payload;
    this.pendingPart = 0;
    this.pendingOffset = 0;
    let total = 0;
    for (const part of this.pending) total += part.length;
    this.views.u32[Slot.TOTAL_LENGTH] = total;
    this.sendPendingChunk();
  }

  /** Copies the next payload-area's worth of the pending reply into the channel and answers. */
  private sendPendingChunk(): void {
    const area = this.views.payload;
    let filled = 0;
    while (filled < this.capacity && this.pendingPart < this.pending.length) {
      const part = this.pending[this.pendingPart];
      const n = Math.min(this.capacity - filled, part.length - this.pendingOffset);
      if (n > 0) copyBytes(area, part.subarray(this.pendingOffset, this.pendingOffset + n), filled);
      filled += n;
      this.pendingOffset += n;
      if (this.pendingOffset >= part.length) {
        this.pendingPart += 1;
        this.pendingOffset = 0;
      }
    }
    if (this.pendingPart >= this.pending.length) this.pending = [];
    this.views.u32[Slot.CHUNK_LENGTH] = filled;
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

/** A request as handed to the handler; its private payload copy is made when first read. */
class ChannelRequest implements BridgeRequest {
  constructor(
    private readonly host: BridgeHost,
    readonly op: number,
    readonly args: Float64Array,
    readonly sharedPayload: Uint8Array,
    private own: Uint8Array | null,
    readonly replyBuffer: Uint8Array,
  ) {}

  get payload(): Uint8Array {
    this.own ??= this.host.ownCopy(this.sharedPayload);
    return this.own;
  }
}

function checkReplyLength(length: number | undefined, capacity: number): void {
  if (length !== undefined && !(Number.isInteger(length) && length >= 0 && length <= capacity)) {
    throw new RangeError(`replyLength ${length} is outside the reply buffer (${capacity} bytes)`);
  }
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
