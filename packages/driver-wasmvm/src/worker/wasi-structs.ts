/** Encoders for the WASI structs the host fills in guest memory: filestat and fdstat. */
import { FILESTAT_VALUES as F } from "../shared/ops.js";
import { decodeTimestamps } from "../shared/time.js";
import { Size } from "../shared/wasi-defs.js";
import type { GuestMemory } from "./guest-memory.js";

/** Writes a filestat struct from a FD_FILESTAT / PATH_FILESTAT reply (values and timestamp payload). */
export function writeFilestat(memory: GuestMemory, ptr: number, values: Float64Array, times: Uint8Array): void {
  const [atim, mtim, ctim] = decodeTimestamps(times, 3);
  memory.check(ptr, Size.FILESTAT);
  memory.setU64(ptr, values[F.DEV]);
  memory.setU64(ptr + 8, values[F.INO]);
  memory.setU8(ptr + 16, values[F.FILETYPE]);
  memory.setU64(ptr + 24, values[F.NLINK]);
  memory.setU64(ptr + 32, values[F.SIZE]);
  memory.setU64(ptr + 40, atim);
  memory.setU64(ptr + 48, mtim);
  memory.setU64(ptr + 56, ctim);
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
