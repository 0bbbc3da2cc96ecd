/**
 * Open-file descriptions and the objects they point at.
 *
 * An fd table maps numbers to `OpenFile`s; an `OpenFile` holds the cursor and
 * status flags and is shared by dup'd and inherited descriptors (so they
 * share one offset); it points at a `FileObject`: a regular file, a
 * directory, a pipe end, a device or an output sink. The object is released
 * when the last description referring to it closes: that is when a pipe end
 * counts as closed.
 */
import { copyBytes } from "./bridge/copy.js";
import { O_ACCMODE, O_APPEND, O_NONBLOCK, O_RDONLY, O_WRONLY, S_IFDIR, S_IFMT } from "./constants.js";
import { KernelError } from "./errors.js";
import type { DirEntry, FileType } from "./types.js";
import type { VfsFile, VfsStat, VirtualFileSystem } from "./vfs/types.js";

/** What a descriptor can name: each operation it does not support throws the right errno. */
export interface FileObject {
  /** The kind of object. */
  readonly filetype: FileType;
  /** Whether it has positions (files, devices); pipes and sinks do not (ESPIPE). */
  readonly seekable: boolean;
  /** Reads up to `length` bytes at `position`; may wait (pipes). */
  read(length: number, position: number, signal?: AbortSignal, nonblock?: boolean): Uint8Array | Promise<Uint8Array>;
  /**
   * Reads up to `target.length` bytes at `position` into `target` and
   * returns the count (0 at end of file); may wait like `read`. The caller
   * leaves `target` alone until it settles. Saves the allocation `read`
   * makes, which dominates when large chunks stream through.
   */
  readInto(target: Uint8Array, position: number, signal?: AbortSignal, nonblock?: boolean): number | Promise<number>;
  /** Writes `data` at `position`; may wait (pipes). Returns the count written. */
  write(data: Uint8Array, position: number, signal?: AbortSignal, nonblock?: boolean): number | Promise<number>;
  /** Metadata. */
  stat(): VfsStat;
  /** Truncates or extends. */
  truncate(length: number): void;
  /** Sets times. */
  utimes(atimeMs: number, mtimeMs: number): void;
  /** Flushes. */
  sync(): void;
  /** Directory entries (directories only). */
  readdir(): DirEntry[];
  /** Readiness without waiting. */
  poll(): { readable: boolean; writable: boolean };
  /** Resolves when ready for `events` (or when `signal` aborts). */
  waitReady(events: "read" | "write", signal?: AbortSignal): Promise<void>;
  /** Whether it is a terminal. */
  readonly isTerminal: boolean;
  /** Called once, when the last open-file description referring to it closes. */
  release(): void;
}

/** An open-file description: a reference-counted cursor and flags over one object. */
export class OpenFile {
  /** Number of fd-table slots (and kernel handles) referring to this description. */
  refs = 0;
  /** The cursor, for seekable objects. */
  offset = 0;

  constructor(
    readonly object: FileObject,
    /** O_ACCMODE bits plus O_APPEND / O_NONBLOCK. */
    public flags: number,
    /** The absolute path it was opened by, when it came from the file system. */
    readonly path?: string,
  ) {}

  /** Whether reads are allowed. */
  get readable(): boolean {
    return (this.flags & O_ACCMODE) !== O_WRONLY;
  }

  /** Whether writes are allowed. */
  get writable(): boolean {
    return (this.flags & O_ACCMODE) !== O_RDONLY;
  }

  /** Whether every write goes to the end. */
  get append(): boolean {
    return (this.flags & O_APPEND) !== 0;
  }

  /** Whether reads and writes fail with EAGAIN instead of waiting. */
  get nonblock(): boolean {
    return (this.flags & O_NONBLOCK) !== 0;
  }

  /** Adds a reference. */
  retain(): this {
    this.refs++;
    return this;
  }

  /** Drops a reference; the object is released with the last one. */
  release(): void {
    if (--this.refs === 0) this.object.release();
  }
}

const EMPTY = new Uint8Array(0);
/** The most one read of a regular file returns; a short read is legal, and callers loop. */
const MAX_FILE_READ = 16 * 1024 * 1024;

/** Base for objects that support little: every operation fails with the errno POSIX gives. */
export abstract class BaseFileObject implements FileObject {
  abstract readonly filetype: FileType;
  readonly seekable: boolean = false;
  readonly isTerminal: boolean = false;

  read(_length: number, _position: number, _signal?: AbortSignal, _nonblock?: boolean): Uint8Array | Promise<Uint8Array> {
    throw new KernelError("EBADF", undefined, { syscall: "read" });
  }
  /** By default a `read` copied into the target; objects on the data path override it. */
  readInto(target: Uint8Array, position: number, signal?: AbortSignal, nonblock?: boolean): number | Promise<number> {
    const data = this.read(target.length, position, signal, nonblock);
    if (data instanceof Uint8Array) return copyInto(target, data);
    return data.then((bytes) => copyInto(target, bytes));
  }
  write(_data: Uint8Array, _position: number, _signal?: AbortSignal, _nonblock?: boolean): number | Promise<number> {
    throw new KernelError("EBADF", undefined, { syscall: "write" });
  }
  abstract stat(): VfsStat;
  truncate(_length: number): void {
    throw new KernelError("EINVAL", undefined, { syscall: "ftruncate" });
  }
  utimes(_atimeMs: number, _mtimeMs: number): void {
    throw new KernelError("EPERM", undefined, { syscall: "futimens" });
  }
  sync(): void {}
  readdir(): DirEntry[] {
    throw new KernelError("ENOTDIR", undefined, { syscall: "readdir" });
  }
  poll(): { readable: boolean; writable: boolean } {
    return { readable: true, writable: true };
  }
  waitReady(_events: "read" | "write", _signal?: AbortSignal): Promise<void> {
    return Promise.resolve();
  }
  release(): void {}
}

/** A regular file (or a device file) on a backend, through its handle. */
export class RegularFileObject extends BaseFileObject {
  override readonly seekable = true;

  constructor(
    private readonly handle: VfsFile,
    readonly filetype: "file" | "chardev",
  ) {
    super();
  }

  override read(length: number, position: number): Uint8Array {
    // Size the buffer by what is left, so a large read near the end allocates little.
    const left = this.filetype === "file" ? this.handle.stat().size - position : length;
    const n = Math.min(length, left, MAX_FILE_READ);
    if (n <= 0) return EMPTY;
    const buffer = new Uint8Array(n);
    const got = this.handle.read(buffer, position);
    return got === n ? buffer : buffer.subarray(0, got);
  }
  override readInto(target: Uint8Array, position: number): number {
    // Devices fill what they are given (crypto refuses shared memory), so only files read in place.
    if (this.filetype !== "file") return copyInto(target, this.read(target.length, position));
    const n = Math.min(target.length, MAX_FILE_READ);
    return n === 0 ? 0 : this.handle.read(n === target.length ? target : target.subarray(0, n), position);
  }
  override write(data: Uint8Array, position: number): number {
    return this.handle.write(data, position);
  }
  stat(): VfsStat {
    return this.handle.stat();
  }
  override truncate(length: number): void {
    this.handle.truncate(length);
  }
  override utimes(atimeMs: number, mtimeMs: number): void {
    this.handle.utimes(atimeMs, mtimeMs);
  }
  override sync(): void {
    this.handle.sync();
  }
  override release(): void {
    this.handle.close();
  }
}

/** A directory opened for listing (and as a base for relative lookups). */
export class DirectoryObject extends BaseFileObject {
  readonly filetype = "directory" as const;

  constructor(
    private readonly fs: VirtualFileSystem,
    private readonly innerPath: string,
    private readonly listExtra: () => DirEntry[] = () => [],
  ) {
    super();
  }

  override read(): Uint8Array {
    throw new KernelError("EISDIR", undefined, { syscall: "read" });
  }
  override write(): number {
    throw new KernelError("EISDIR", undefined, { syscall: "write" });
  }
  stat(): VfsStat {
    return this.fs.lstat(this.innerPath);
  }
  override utimes(atimeMs: number, mtimeMs: number): void {
    this.fs.utimes(this.innerPath, atimeMs, mtimeMs);
  }
  override readdir(): DirEntry[] {
    const entries = this.fs.readdir(this.innerPath);
    const extra = this.listExtra();
    if (extra.length === 0) return entries;
    const names = new Set(entries.map((e) => e.name));
    return [...entries, ...extra.filter((e) => !names.has(e.name))];
  }
}

function copyInto(target: Uint8Array, data: Uint8Array): number {
  copyBytes(target, data);
  return data.length;
}

/** Whether an st_mode names a directory. */
export function isDirectoryMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR;
}

/** Keeps only the status flags a description carries. */
export function descriptionFlags(flags: number): number {
  return flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
}
