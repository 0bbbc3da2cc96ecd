/**
 * fd_readdir's output: WASI dirent records (d_next, d_ino, d_namlen,
 * d_type, then the name), starting at a cookie (the entry index) and cut at
 * the guest's buffer size, a last partial record included, as the spec
 * asks. The listing starts with "." and ".."; it is taken once when a guest
 * starts at cookie 0 and reused for the following calls on that descriptor.
 */
import { Size } from "../shared/wasi-defs.js";

/** One directory entry in WASI terms. */
export interface WasiDirent {
  name: Uint8Array;
  ino: number;
  filetype: number;
}

/** Encodes `entries` from index `cookie` into at most `limit` bytes. */
export function encodeDirents(entries: WasiDirent[], cookie: number, limit: number): Uint8Array {
  let total = 0;
  for (let i = cookie; i < entries.length && total < limit; i++) total += Size.DIRENT + entries[i].name.length;
  const out = new Uint8Array(Math.min(total, limit));
  const full = new Uint8Array(total);
  const view = new DataView(full.buffer);
  let offset = 0;
  for (let i = cookie; i < entries.length && offset < limit; i++) {
    const entry = entries[i];
    view.setBigUint64(offset, BigInt(i + 1), true);
    view.setBigUint64(offset + 8, BigInt(entry.ino), true);
    view.setUint32(offset + 16, entry.name.length, true);
    view.setUint8(offset + 20, entry.filetype);
    full.set(entry.name, offset + Size.DIRENT);
    offset += Size.DIRENT + entry.name.length;
  }
  out.set(full.subarray(0, out.length));
  return out;
}
