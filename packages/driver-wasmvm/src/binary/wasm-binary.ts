/**
 * Just enough of the WebAssembly binary format to do three things without
 * compiling: recognize a module by its header, read a custom section (the
 * command list of the multicall binary), and cap the linear memory by
 * rewriting its limits (defined or imported), so that `memory.grow` past
 * the cap fails inside the guest like any out-of-memory.
 */

import { concatBytes } from "@secure-exec/kernel/worker-bridge";

/** The first eight bytes of every WebAssembly 1.0 module. */
export const WASM_HEADER = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
/** Bytes per linear-memory page. */
export const WASM_PAGE = 65536;
/** Pages in the largest 32-bit memory (4 GiB). */
const MAX_PAGES = 65536;

/** Whether `bytes` starts with the WebAssembly magic and version 1. */
export function isWasm(bytes: Uint8Array): boolean {
  if (bytes.length < WASM_HEADER.length) return false;
  for (let i = 0; i < WASM_HEADER.length; i++) if (bytes[i] !== WASM_HEADER[i]) return false;
  return true;
}

/** Thrown for a binary that is not a well-formed module. */
export class WasmFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WasmFormatError";
  }
}

class Reader {
  constructor(readonly bytes: Uint8Array, public pos: number, readonly end: number) {}

  byte(): number {
    if (this.pos >= this.end) throw new WasmFormatError("unexpected end of section");
    return this.bytes[this.pos++];
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new WasmFormatError("LEB128 too long");
    }
  }

  name(): string {
    const len = this.u32();
    if (this.pos + len > this.end) throw new WasmFormatError("name runs past its section");
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return text;
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

interface Section {
  id: number;
  /** Start of the section's content. */
  start: number;
  /** End of the section's content. */
  end: number;
  /** Start of the section header (the id byte). */
  headerStart: number;
}

function sections(bytes: Uint8Array): Section[] {
  if (!isWasm(bytes)) throw new WasmFormatError("not a WebAssembly module (bad magic or version)");
  const list: Section[] = [];
  let pos = WASM_HEADER.length;
  while (pos < bytes.length) {
    const headerStart = pos;
    const r = new Reader(bytes, pos + 1, bytes.length);
    const size = r.u32();
    if (r.pos + size > bytes.length) throw new WasmFormatError("section runs past the end of the module");
    list.push({ id: bytes[pos], start: r.pos, end: r.pos + size, headerStart });
    pos = r.pos + size;
  }
  return list;
}

/** The payloads of the custom sections called `name`. */
export function customSections(bytes: Uint8Array, name: string): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (const s of sections(bytes)) {
    if (s.id !== 0) continue;
    const r = new Reader(bytes, s.start, s.end);
    if (r.name() === name) found.push(bytes.subarray(r.pos, s.end));
  }
  return found;
}

/** Limits of a linear memory, in pages. */
interface Limits {
  flags: number;
  min: number;
  max: number | undefined;
  start: number;
  end: number;
}

function readLimits(r: Reader): Limits {
  const start = r.pos;
  const flags = r.byte();
  const min = r.u32();
  const max = flags & 1 ? r.u32() : undefined;
  return { flags, min, max, start, end: r.pos };
}

function skipImportDescription(r: Reader, kind: number): Limits | undefined {
  if (kind === 0) r.u32();
  else if (kind === 1) {
    r.byte();
    readLimits(r);
  } else if (kind === 2) return readLimits(r);
  else if (kind === 3) {
    r.byte();
    r.byte();
  } else if (kind === 4) {
    r.byte();
    r.u32();
  } else throw new WasmFormatError(`unknown import kind ${kind}`);
  return undefined;
}

/** A module with its memory capped, and the imported memory's description if it imports one. */
export interface CappedModule {
  bytes: Uint8Array;
  importedMemory?: { module: string; name: string; initial: number; maximum: number };
}

/**
 * Rewrites the module's memory limits so that its maximum is at most
 * `maxPages`. Throws a RangeError if the memory's minimum is already larger.
 * Shared and 64-bit memories are left as they are.
 */
export function capMemory(bytes: Uint8Array, maxPages: number): CappedModule {
  const cap = Math.min(maxPages, MAX_PAGES);
  const edits: { start: number; end: number; replacement: number[]; section: Section }[] = [];
  let importedMemory: CappedModule["importedMemory"];
  const plan = (limits: Limits, section: Section): number => {
    if (limits.flags > 1) return limits.max ?? limits.min;
    if (limits.min > cap) {
      throw new RangeError(`the program needs ${limits.min * 64} KiB of memory at start, over the cap of ${cap * 64} KiB`);
    }
    const max = Math.min(limits.max ?? MAX_PAGES, cap);
    if (limits.max !== max) edits.push({ start: limits.start, end: limits.end, replacement: [1, ...leb(limits.min), ...leb(max)], section });
    return max;
  };
  for (const s of sections(bytes)) {
    const r = new Reader(bytes, s.start, s.end);
    if (s.id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const module = r.name();
        const name = r.name();
        const limits = skipImportDescription(r, r.byte());
        if (limits) importedMemory = { module, name, initial: limits.min, maximum: plan(limits, s) };
      }
    } else if (s.id === 5) {
      const count = r.u32();
      for (let i = 0; i < count; i++) plan(readLimits(r), s);
    }
  }
  if (edits.length === 0) return { bytes, importedMemory };
  return { bytes: applyEdits(bytes, edits), importedMemory };
}

/** Splices replacements into their sections and re-encodes those sections' sizes. */
function applyEdits(bytes: Uint8Array, edits: { start: number; end: number; replacement: number[]; section: Section }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let cursor = 0;
  const touched = [...new Set(edits.map((e) => e.section))].sort((a, b) => a.headerStart - b.headerStart);
  for (const s of touched) {
    chunks.push(bytes.subarray(cursor, s.headerStart));
    const content: number[] = [];
    let pos = s.start;
    for (const edit of edits.filter((e) => e.section === s).sort((a, b) => a.start - b.start)) {
      content.push(...bytes.subarray(pos, edit.start), ...edit.replacement);
      pos = edit.end;
    }
    content.push(...bytes.subarray(pos, s.end));
    chunks.push(new Uint8Array([s.id, ...leb(content.length), ...content]));
    cursor = s.end;
  }
  chunks.push(bytes.subarray(cursor));
  return concatBytes(chunks);
}
