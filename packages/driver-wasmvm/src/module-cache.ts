/**
 * Compiled programs, cached for the life of the host process: each binary
 * is loaded and compiled once (per memory cap, which is written into the
 * binary before compiling) and the `WebAssembly.Module` is posted to
 * workers, which only instantiate it. Binaries are keyed by where they came
 * from (a host path or URL), by the identity of the bytes given, or, for
 * files read from the VFS, by a SHA-256 of their content (a bounded LRU).
 */
import { capMemory } from "./binary/wasm-binary.js";
import { loadBytes, type BinarySource } from "./binary/load-bytes.js";
import type { ImportedMemory } from "./shared/messages.js";

/** A compiled program ready to post to a worker. */
export interface Program {
  /** Unique within the host process; workers key their pre-instantiated copies by it. */
  programId: number;
  module: WebAssembly.Module;
  /** Present when the module imports its memory: what to create for it. */
  importedMemory?: ImportedMemory;
}

let nextProgramId = 1;

/** A program for a module compiled elsewhere (its memory limits stand as they are). */
export function programFromModule(module: WebAssembly.Module): Program {
  return { programId: nextProgramId++, module };
}

const MAX_CONTENT_ENTRIES = 64;

const loaded = new Map<string, Promise<Uint8Array>>();
const byIdentity = new WeakMap<Uint8Array, Map<number, Promise<Program>>>();
const byContent = new Map<string, Promise<Program>>();

async function compile(bytes: Uint8Array, maxPages: number): Promise<Program> {
  const capped = capMemory(bytes, maxPages);
  const module = await WebAssembly.compile(capped.bytes as Uint8Array<ArrayBuffer>);
  return { programId: nextProgramId++, module, importedMemory: capped.importedMemory };
}

/** The bytes of a binary source; host paths and URLs are read once per host process. */
export function loadBinary(source: BinarySource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return Promise.resolve(source);
  const key = source instanceof URL ? source.href : source;
  let bytes = loaded.get(key);
  if (!bytes) {
    bytes = loadBytes(source);
    loaded.set(key, bytes);
    bytes.catch(() => loaded.delete(key));
  }
  return bytes;
}

/** The program compiled from these exact bytes (the same Uint8Array object) with this memory cap. */
export function programFromBytes(bytes: Uint8Array, maxPages: number): Promise<Program> {
  let perCap = byIdentity.get(bytes);
  if (!perCap) {
    perCap = new Map();
    byIdentity.set(bytes, perCap);
  }
  let program = perCap.get(maxPages);
  if (!program) {
    program = compile(bytes, maxPages);
    perCap.set(maxPages, program);
    program.catch(() => perCap!.delete(maxPages));
  }
  return program;
}

/** The program compiled from bytes with this content (a file read from the VFS) and this memory cap. */
export async function programFromContent(bytes: Uint8Array, maxPages: number): Promise<Program> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  const key = `${maxPages}:${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  let program = byContent.get(key);
  if (program) {
    byContent.delete(key);
  } else {
    program = compile(bytes, maxPages);
    program.catch(() => byContent.delete(key));
  }
  byContent.set(key, program);
  if (byContent.size > MAX_CONTENT_ENTRIES) byContent.delete(byContent.keys().next().value!);
  return program;
}
