/**
 * The layout of a bridge channel: one SharedArrayBuffer shared by exactly one
 * worker (the client, which blocks) and the kernel thread (the host, which
 * never blocks). A 128-byte header holds the state word the two sides wait
 * on, the op, a status, chunk lengths and eight float64 values; the rest of
 * the buffer carries payload bytes, one chunk at a time.
 *
 * One call is a short conversation driven by the state word:
 *   client: REQUEST_PART* REQUEST  (payload chunks, the last one starts the call)
 *   host:   RESPONSE after every part (an ack) and after the call (first reply chunk)
 *   client: CONTINUE while reply bytes remain; host answers each with RESPONSE
 * Only the side whose turn it is writes the header or the payload area.
 * Each side flags when it is about to sleep, so the other pays for a wake-up
 * (a futex call, or a task on the kernel thread) only when one is needed:
 * set the flag, re-read the state, then sleep; the other side stores the
 * state, then reads the flag. With sequentially consistent atomics one of
 * the two always sees the other.
 */

/** The state word: whose turn it is and what the last message was. */
export const BridgeState = {
  /** No conversation in progress. */
  IDLE: 0,
  /** The client sent the last (or only) chunk of a request; the host runs the call. */
  REQUEST: 1,
  /** The client sent a chunk of a request and more chunks follow. */
  REQUEST_PART: 2,
  /** The client asks for the next chunk of the reply payload. */
  CONTINUE: 3,
  /** The host answered: a reply chunk, or an ack of a request part. */
  RESPONSE: 4,
  /** The host is gone; the client's calls fail from now on. */
  CLOSED: 5,
} as const;

/** Int32 slot indices in the header. */
export const Slot = {
  STATE: 0,
  OP: 1,
  STATUS: 2,
  /** Payload bytes in the current chunk. */
  CHUNK_LENGTH: 3,
  /** Payload bytes of the whole message (request or reply). */
  TOTAL_LENGTH: 4,
  /** 1 while the client sleeps in Atomics.wait: only then does the host notify. */
  CLIENT_WAITING: 5,
  /** 1 while the host sleeps in Atomics.waitAsync: only then does the client notify. */
  HOST_WAITING: 6,
} as const;

/** Byte offset of the eight float64 values (arguments in a request, results in a reply). */
export const VALUES_OFFSET = 32;
/** How many float64 values a request or reply carries. */
export const VALUE_COUNT = 8;
/** Bytes of header before the payload area. */
export const HEADER_BYTES = 128;
/** Payload area size used when none is given: 1 MiB. */
export const DEFAULT_PAYLOAD_BYTES = 1 << 20;

/** Status of a reply whose handler threw; the payload is the JSON of a `BridgeErrorInfo`. */
export const STATUS_THROWN = -0x7fff_ffff;

/** What the client learns about an exception thrown by a host handler. */
export interface BridgeErrorInfo {
  /** The error's name, e.g. "KernelError". */
  name: string;
  /** Its message. */
  message: string;
  /** Its `code`, e.g. "ENOENT", when it had one. */
  code?: string;
}

/** Allocates the shared buffer of one channel with room for `payloadBytes` per chunk. */
export function createBridgeBuffer(payloadBytes: number = DEFAULT_PAYLOAD_BYTES): SharedArrayBuffer {
  if (!Number.isInteger(payloadBytes) || payloadBytes < 64) {
    throw new RangeError(`bridge payload area must be an integer of at least 64 bytes, got ${payloadBytes}`);
  }
  return new SharedArrayBuffer(HEADER_BYTES + payloadBytes);
}

/**
 * Makes a closed channel usable again, for a new host and client. Call it
 * only once the old client has seen the close and stopped calling (its
 * worker said so): a client still calling would overwrite the state.
 */
export function reopenBridgeBuffer(buffer: SharedArrayBuffer): void {
  const i32 = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  Atomics.store(i32, Slot.CLIENT_WAITING, 0);
  Atomics.store(i32, Slot.HOST_WAITING, 0);
  Atomics.store(i32, Slot.STATE, BridgeState.IDLE);
}

/** Typed views over one channel buffer, shared by host and client. */
export class BridgeViews {
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly values: Float64Array;
  readonly payload: Uint8Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    if (buffer.byteLength < HEADER_BYTES + 64) throw new RangeError("bridge buffer too small");
    this.i32 = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.u32 = new Uint32Array(buffer, 0, HEADER_BYTES / 4);
    this.values = new Float64Array(buffer, VALUES_OFFSET, VALUE_COUNT);
    this.payload = new Uint8Array(buffer, HEADER_BYTES);
  }
}
