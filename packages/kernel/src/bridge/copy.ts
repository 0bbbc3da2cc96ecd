/**
 * Byte copies into and out of shared memory at memcpy-like speed. V8 copies
 * to or from a SharedArrayBuffer with relaxed atomic stores: eight bytes at
 * a time when both sides sit at the same offset modulo 8, one byte at a
 * time otherwise (ten to twenty times slower). So the bulk moves as 64-bit
 * elements when the two sides line up, and when they do not it is staged
 * through an unshared buffer placed to line up with the shared side (an
 * ordinary copy between unshared arrays is a plain memcpy at any offset).
 * The bits are copied as they are.
 */

const MIN_WIDE = 256;
/** The most bytes staged at once, which bounds the staging buffer. */
const STAGE_BYTES = 64 * 1024;

/**
 * Where the target side's staging starts in `stage`, after the source
 * side's: half a page further than back to back, since a copy whose two
 * sides lie a few bytes apart modulo 4 KiB stalls the CPU (4K aliasing).
 */
const TARGET_STAGE = STAGE_BYTES + 8 + 2048;

let stage = new Uint8Array(0);

function isShared(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer !== "undefined" && buffer instanceof SharedArrayBuffer;
}

/** Whether `view` lies in shared memory (a SharedArrayBuffer). */
export function isSharedView(view: ArrayBufferView): boolean {
  return isShared(view.buffer);
}

/** Copies `source` into `target` at `offset`. */
export function copyBytes(target: Uint8Array, source: Uint8Array, offset = 0): void {
  const length = source.length;
  const targetStart = target.byteOffset + offset;
  if (length < MIN_WIDE) {
    target.set(source, offset);
  } else if ((targetStart - source.byteOffset) % 8 === 0) {
    copyAligned(target, source, offset);
  } else if (isShared(target.buffer) || isShared(source.buffer)) {
    copyStaged(target, source, offset);
  } else {
    target.set(source, offset);
  }
}

/** A fresh, unshared copy of `source`. */
export function copyOut(source: Uint8Array): Uint8Array {
  const copy = new Uint8Array(source.length);
  copyBytes(copy, source);
  return copy;
}

/** Both sides at the same offset modulo 8: the middle moves as 64-bit elements. */
function copyAligned(target: Uint8Array, source: Uint8Array, offset: number): void {
  const length = source.length;
  const head = (8 - (source.byteOffset % 8)) % 8;
  const words = Math.floor((length - head) / 8);
  const tail = head + words * 8;
  if (head > 0) target.set(source.subarray(0, head), offset);
  new BigInt64Array(target.buffer, target.byteOffset + offset + head, words).set(
    new BigInt64Array(source.buffer, source.byteOffset + head, words),
  );
  if (tail < length) target.set(source.subarray(tail), offset + tail);
}

/**
 * A shared side at a different offset modulo 8 from the other side: each
 * block goes through `stage`, placed to line up with the shared side, so
 * the shared copies are wide and the shifting copy is between unshared
 * arrays. Two shared sides stage through both parts of `stage`.
 */
function copyStaged(target: Uint8Array, source: Uint8Array, offset: number): void {
  if (stage.length === 0) stage = new Uint8Array(TARGET_STAGE + STAGE_BYTES + 8);
  const sourceShared = isShared(source.buffer);
  const targetShared = isShared(target.buffer);
  for (let done = 0; done < source.length; done += STAGE_BYTES) {
    const n = Math.min(STAGE_BYTES, source.length - done);
    let block = source.subarray(done, done + n);
    if (sourceShared) {
      const staged = stageAt(0, source.byteOffset + done, n);
      copyAligned(staged, block, 0);
      block = staged;
    }
    if (targetShared) {
      const staged = stageAt(TARGET_STAGE, target.byteOffset + offset + done, n);
      staged.set(block);
      copyAligned(target, staged, offset + done);
    } else {
      target.set(block, offset + done);
    }
  }
}

/** `n` bytes of `stage` from `base` (a multiple of 8), shifted to `alignWith`'s offset modulo 8. */
function stageAt(base: number, alignWith: number, n: number): Uint8Array {
  const start = base + (alignWith % 8);
  return stage.subarray(start, start + n);
}

/** The bytes of `chunks` end to end, in one array (the only chunk itself when there is one). */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

const utf8 = new TextDecoder();

/** Decodes UTF-8 from any view; browsers refuse to decode a view of shared memory, so such a view is copied first. */
export function decodeText(bytes: Uint8Array): string {
  const shared = typeof SharedArrayBuffer !== "undefined" && bytes.buffer instanceof SharedArrayBuffer;
  return utf8.decode(shared ? copyOut(bytes) : bytes);
}
