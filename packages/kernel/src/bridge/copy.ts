/**
 * Byte copies into and out of shared memory at memcpy-like speed. V8 copies
 * a Uint8Array to or from a SharedArrayBuffer one element at a time (and
 * `slice` of a shared array slower still), so when the two sides can be
 * aligned the bulk is moved as 64-bit elements, which is several times
 * faster; the bits are copied as they are.
 */

const MIN_WIDE = 256;

/** Copies `source` into `target` at `offset`. */
export function copyBytes(target: Uint8Array, source: Uint8Array, offset = 0): void {
  const length = source.length;
  const head = (8 - (source.byteOffset % 8)) % 8;
  const targetStart = target.byteOffset + offset;
  if (length < MIN_WIDE || (targetStart + head) % 8 !== 0) {
    target.set(source, offset);
    return;
  }
  const words = Math.floor((length - head) / 8);
  const tail = head + words * 8;
  if (head > 0) target.set(source.subarray(0, head), offset);
  new BigInt64Array(target.buffer, targetStart + head, words).set(
    new BigInt64Array(source.buffer, source.byteOffset + head, words),
  );
  if (tail < length) target.set(source.subarray(tail), offset + tail);
}

/** A fresh, unshared copy of `source`. */
export function copyOut(source: Uint8Array): Uint8Array {
  const copy = new Uint8Array(source.length);
  copyBytes(copy, source);
  return copy;
}
