/**
 * A bounded first-in first-out queue of bytes kept in one array that is
 * reused: the storage of a pipe. Appending copies bytes in and taking
 * copies them out, so neither side allocates once the array has grown; it
 * starts small and grows up to `capacity` only as bytes actually wait in
 * it (most pipes carry a line or two). It never holds more than `capacity`.
 */
import { copyBytes } from "./bridge/copy.js";

const EMPTY = new Uint8Array(0);
/** The first array a ring allocates, unless its capacity is smaller. */
const INITIAL_BYTES = 4096;

/** A bounded byte queue over one reused array. */
export class ByteRing {
  private bytes: Uint8Array = EMPTY;
  /** Index in `bytes` of the oldest byte. */
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {}

  /** Bytes queued. */
  get size(): number {
    return this.count;
  }

  /** Bytes that can still be appended. */
  get room(): number {
    return this.capacity - this.count;
  }

  /** Appends as much of `source` as there is room for; returns the count appended. */
  push(source: Uint8Array): number {
    const n = Math.min(this.room, source.length);
    if (n === 0) return 0;
    this.reserve(this.count + n);
    const length = this.bytes.length;
    let tail = this.head + this.count;
    if (tail >= length) tail -= length;
    const first = Math.min(n, length - tail);
    copyBytes(this.bytes, first === source.length ? source : source.subarray(0, first), tail);
    if (n > first) copyBytes(this.bytes, source.subarray(first, n), 0);
    this.count += n;
    return n;
  }

  /** Moves up to `target.length` of the oldest bytes into `target`; returns the count moved. */
  shift(target: Uint8Array): number {
    const n = Math.min(this.count, target.length);
    if (n === 0) return 0;
    const length = this.bytes.length;
    const first = Math.min(n, length - this.head);
    copyBytes(target, this.bytes.subarray(this.head, this.head + first));
    if (n > first) copyBytes(target, this.bytes.subarray(0, n - first), first);
    this.count -= n;
    this.head += n;
    if (this.head >= length) this.head -= length;
    // An empty ring starts again at 0, so the next bytes land in one aligned piece.
    if (this.count === 0) this.head = 0;
    return n;
  }

  /** Drops every byte and the array. */
  clear(): void {
    this.bytes = EMPTY;
    this.head = 0;
    this.count = 0;
  }

  /** Grows the array (doubling, up to capacity) until `needed` bytes fit, keeping the queued bytes in order. */
  private reserve(needed: number): void {
    if (this.bytes.length >= needed) return;
    let length = Math.max(this.bytes.length, Math.min(INITIAL_BYTES, this.capacity));
    while (length < needed) length = Math.min(this.capacity, length * 2);
    const grown = new Uint8Array(length);
    const count = this.count;
    this.shift(grown);
    this.bytes = grown;
    this.head = 0;
    this.count = count;
  }
}
