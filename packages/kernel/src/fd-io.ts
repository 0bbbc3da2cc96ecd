/**
 * Reading, writing and seeking through a process's descriptors: the common
 * path of every byte a process moves, whichever driver it belongs to. Checks
 * the access mode, applies O_APPEND and O_NONBLOCK, moves the shared cursor
 * of seekable objects, and turns EPIPE into SIGPIPE for the writer.
 */
import { SEEK_CUR, SEEK_END, SEEK_SET, SIGPIPE } from "./constants.js";
import { KernelError, isKernelError } from "./errors.js";
import type { OpenFile } from "./open-file.js";
import type { ProcessEntry } from "./process-table.js";
import { writeObject } from "./shared-write.js";

/** Delivers a signal to a process (the kernel's `kill`). */
export type SignalSender = (entry: ProcessEntry, signal: number) => void;

function openForRead(entry: ProcessEntry, fd: number, syscall: string): OpenFile {
  const file = entry.fds.getOrThrow(fd, syscall);
  if (!file.readable) throw new KernelError("EBADF", `fd ${fd} is not open for reading`, { syscall });
  return file;
}

function openForWrite(entry: ProcessEntry, fd: number, syscall: string): OpenFile {
  const file = entry.fds.getOrThrow(fd, syscall);
  if (!file.writable) throw new KernelError("EBADF", `fd ${fd} is not open for writing`, { syscall });
  return file;
}

function checkLength(length: number, syscall: string): void {
  if (!Number.isInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall });
}

/** Reads up to `length` bytes at the cursor; waits on pipes. */
export async function readFd(entry: ProcessEntry, fd: number, length: number): Promise<Uint8Array> {
  checkLength(length, "read");
  const file = openForRead(entry, fd, "read");
  const data = await file.object.read(length, file.offset, entry.signal, file.nonblock);
  if (file.object.seekable) file.offset += data.length;
  return data;
}

/** Reads up to `target.length` bytes at the cursor into `target`; returns the count; waits on pipes. */
export async function readFdInto(entry: ProcessEntry, fd: number, target: Uint8Array): Promise<number> {
  const file = openForRead(entry, fd, "read");
  const count = await file.object.readInto(target, file.offset, entry.signal, file.nonblock);
  if (file.object.seekable) file.offset += count;
  return count;
}

/** Reads at `position` without moving the cursor. */
export async function preadFd(entry: ProcessEntry, fd: number, length: number, position: number): Promise<Uint8Array> {
  checkLength(length, "pread");
  const file = openForRead(entry, fd, "pread");
  if (!file.object.seekable) throw new KernelError("ESPIPE", undefined, { syscall: "pread" });
  if (position < 0) throw new KernelError("EINVAL", undefined, { syscall: "pread" });
  return file.object.read(length, position, entry.signal);
}

/** Writes all of `data` at the cursor (or the end, with O_APPEND). `data` may lie in shared memory. */
export async function writeFd(entry: ProcessEntry, fd: number, data: Uint8Array, kill: SignalSender): Promise<number> {
  const file = openForWrite(entry, fd, "write");
  const position = file.append && file.object.seekable ? file.object.stat().size : file.offset;
  let written: number;
  try {
    written = await writeObject(file.object, data, position, entry.signal, file.nonblock);
  } catch (err) {
    if (isKernelError(err, "EPIPE")) kill(entry, SIGPIPE);
    throw err;
  }
  if (file.object.seekable) file.offset = position + written;
  return written;
}

/** Writes at `position` without moving the cursor. `data` may lie in shared memory. */
export async function pwriteFd(entry: ProcessEntry, fd: number, data: Uint8Array, position: number): Promise<number> {
  const file = openForWrite(entry, fd, "pwrite");
  if (!file.object.seekable) throw new KernelError("ESPIPE", undefined, { syscall: "pwrite" });
  if (position < 0) throw new KernelError("EINVAL", undefined, { syscall: "pwrite" });
  return writeObject(file.object, data, position, entry.signal);
}

/** Moves the cursor; returns the new offset. */
export function seekFd(entry: ProcessEntry, fd: number, offset: bigint, whence: number): bigint {
  const file = entry.fds.getOrThrow(fd, "lseek");
  if (!file.object.seekable) throw new KernelError("ESPIPE", undefined, { syscall: "lseek" });
  let base: number;
  if (whence === SEEK_SET) base = 0;
  else if (whence === SEEK_CUR) base = file.offset;
  else if (whence === SEEK_END) base = file.object.stat().size;
  else throw new KernelError("EINVAL", `whence ${whence}`, { syscall: "lseek" });
  const next = base + Number(offset);
  if (!Number.isSafeInteger(next) || next < 0) throw new KernelError("EINVAL", `offset ${next}`, { syscall: "lseek" });
  file.offset = next;
  return BigInt(next);
}
