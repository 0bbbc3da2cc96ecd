/**
 * Conversions between the kernel's millisecond times (fractional numbers)
 * and WASI's nanosecond timestamps (u64), and the 24-byte encoding of three
 * timestamps that filestat replies carry.
 */

/** Milliseconds (possibly fractional) → nanoseconds. */
export function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/** Nanoseconds → milliseconds (fractional). */
export function nsToMs(ns: bigint): number {
  return Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
}

/** Encodes timestamps as consecutive little-endian u64s. */
export function encodeTimestamps(values: bigint[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => view.setBigUint64(i * 8, BigInt.asUintN(64, value), true));
  return out;
}

/** Decodes `count` little-endian u64 timestamps. */
export function decodeTimestamps(bytes: Uint8Array, count: number): bigint[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: bigint[] = [];
  for (let i = 0; i < count; i++) values.push(view.getBigUint64(i * 8, true));
  return values;
}
