/**
 * Encoders for the WASI structs the host fills in guest memory (filestat,
 * fdstat) and the conversions between the kernel's millisecond times and
 * WASI's nanosecond timestamps.
 */
import { FILESTAT_VALUES as F } from "../shared/ops.js";
import { Size } from "../shared/wasi-defs.js";
import type { GuestMemory } from "./guest-memory.js";

/** Milliseconds (possibly fractional) → nanoseconds. */
export function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/** Nanoseconds → milliseconds (fractional). */
export function nsToMs(ns: bigint): number {
  return Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
}

/** Writes a filestat struct from the values of a FD_FILESTAT / PATH_FILESTAT reply. */
export function writeFilestat(memory: GuestMemory, ptr: number, values: Float64Array): void {
  memory.check(ptr, Size.FILESTAT);
  memory.setU64(ptr, values[F.DEV]);
  memory.setU64(ptr + 8, values[F.INO]);
  memory.setU8(ptr + 16, values[F.FILETYPE]);
  memory.setU64(ptr + 24, values[F.NLINK]);
  memory.setU64(ptr + 32, values[F.SIZE]);
  memory.setU64(ptr + 40, msToNs(values[F.ATIME_MS]));
  memory.setU64(ptr + 48, msToNs(values[F.MTIME_MS]));
  memory.setU64(ptr + 56, msToNs(values[F.CTIME_MS]));
}

/** Writes an fdstat struct. */
export function writeFdstat(
  memory: GuestMemory,
  ptr: number,
  filetype: number,
  flags: number,
  base: number,
  inheriting: number,
): void {
  memory.check(ptr, Size.FDSTAT);
  memory.setU8(ptr, filetype);
  memory.setU8(ptr + 1, 0);
  memory.setU16(ptr + 2, flags);
  memory.setU32(ptr + 4, 0);
  memory.setU64(ptr + 8, base);
  memory.setU64(ptr + 16, inheriting);
}
