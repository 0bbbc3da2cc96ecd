/**
 * Checked access to a guest's linear memory. Every pointer and length a
 * guest passes goes through here; one that reaches past the end of memory
 * raises `GuestFault`, which the import wrapper turns into EFAULT instead of
 * letting a RangeError escape into the host. Views are refreshed when the
 * memory grows (growing detaches the old ArrayBuffer).
 */
import { Errno } from "../shared/wasi-defs.js";

/** A guest pointer or length was out of range, or a string was not valid UTF-8. */
export class GuestFault {
  constructor(readonly errno: number) {}
}

const EFAULT = new GuestFault(Errno.FAULT);
const EILSEQ = new GuestFault(Errno.ILSEQ);
const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** One scatter/gather buffer in guest memory. */
export interface GuestBuffer {
  ptr: number;
  len: number;
}

/** A guest's linear memory with bounds-checked reads and writes. */
export class GuestMemory {
  private buffer: ArrayBuffer;
  private view: DataView;
  private bytesView: Uint8Array;

  constructor(private readonly memory: WebAssembly.Memory) {
    this.buffer = memory.buffer;
    this.view = new DataView(this.buffer);
    this.bytesView = new Uint8Array(this.buffer);
  }

  private fresh(): void {
    if (this.memory.buffer !== this.buffer) {
      this.buffer = this.memory.buffer;
      this.view = new DataView(this.buffer);
      this.bytesView = new Uint8Array(this.buffer);
    }
  }

  /** Checks that [ptr, ptr + len) lies inside memory; returns ptr as an unsigned number. */
  check(ptr: number, len: number): number {
    this.fresh();
    const start = ptr >>> 0;
    if (len < 0 || start + len > this.buffer.byteLength) throw EFAULT;
    return start;
  }

  /** A live view of [ptr, ptr + len); valid until the memory grows. */
  bytes(ptr: number, len: number): Uint8Array {
    const start = this.check(ptr, len >>> 0);
    return this.bytesView.subarray(start, start + (len >>> 0));
  }

  // Each accessor checks (which refreshes the views after a grow) before it touches `this.view`.
  u8(ptr: number): number {
    const at = this.check(ptr, 1);
    return this.view.getUint8(at);
  }
  u16(ptr: number): number {
    const at = this.check(ptr, 2);
    return this.view.getUint16(at, true);
  }
  u32(ptr: number): number {
    const at = this.check(ptr, 4);
    return this.view.getUint32(at, true);
  }
  u64(ptr: number): bigint {
    const at = this.check(ptr, 8);
    return this.view.getBigUint64(at, true);
  }
  setU8(ptr: number, value: number): void {
    const at = this.check(ptr, 1);
    this.view.setUint8(at, value);
  }
  setU16(ptr: number, value: number): void {
    const at = this.check(ptr, 2);
    this.view.setUint16(at, value, true);
  }
  setU32(ptr: number, value: number): void {
    const at = this.check(ptr, 4);
    this.view.setUint32(at, value >>> 0, true);
  }
  setU64(ptr: number, value: bigint | number): void {
    const at = this.check(ptr, 8);
    this.view.setBigUint64(at, BigInt.asUintN(64, BigInt(value)), true);
  }

  /** Decodes `len` bytes at `ptr` as UTF-8; EILSEQ if they are not valid UTF-8. */
  string(ptr: number, len: number): string {
    const raw = this.bytes(ptr, len);
    try {
      return utf8.decode(raw);
    } catch {
      throw EILSEQ;
    }
  }

  /** Reads `count` iovec structs at `ptr` and checks each buffer they point at. */
  iovecs(ptr: number, count: number): GuestBuffer[] {
    const n = count >>> 0;
    this.check(ptr, n * 8);
    const list: GuestBuffer[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const bufPtr = this.u32(ptr + i * 8);
      const len = this.u32(ptr + i * 8 + 4);
      this.check(bufPtr, len);
      list[i] = { ptr: bufPtr, len };
    }
    return list;
  }

  /**
   * Writes a list of strings as argv/environ do: each NUL-terminated, laid
   * end to end at `bufPtr`, with a pointer to each in the array at `listPtr`.
   */
  writeStringList(items: Uint8Array[], listPtr: number, bufPtr: number): void {
    let total = 0;
    for (const item of items) total += item.length + 1;
    this.check(listPtr, items.length * 4);
    const base = this.check(bufPtr, total);
    let offset = base;
    for (let i = 0; i < items.length; i++) {
      this.setU32(listPtr + i * 4, offset);
      this.bytesView.set(items[i], offset);
      this.bytesView[offset + items[i].length] = 0;
      offset += items[i].length + 1;
    }
  }
}

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
