/**
 * An open host file: a `VfsFile` over a Node file descriptor that the file
 * system has already checked to be a regular file inside the root. Reads and
 * writes are positional (`pread`/`pwrite`); the OS enforces the access mode,
 * so reading a write-only handle gives EBADF. Errors name the guest path.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, futimesSync, readSync, writeSync } from "node:fs";
import { pathError, type VfsFile, type VfsStat } from "@secure-exec/kernel";
import { hostError } from "./host-errors.js";
import { hostSeconds, hostStat } from "./host-stat.js";

/** A handle on one host descriptor. */
export class HostFile implements VfsFile {
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly path: string,
    private readonly onClose: (file: HostFile) => void,
  ) {}

  read(buffer: Uint8Array, position: number): number {
    this.checkPosition(position, "read");
    return this.call("read", () => readSync(this.fd, buffer, 0, buffer.byteLength, position));
  }

  write(data: Uint8Array, position: number): number {
    this.checkPosition(position, "write");
    return this.call("write", () => writeSync(this.fd, data, 0, data.byteLength, position));
  }

  stat(): VfsStat {
    return hostStat(this.call("fstat", () => fstatSync(this.fd)));
  }

  truncate(length: number): void {
    if (!Number.isSafeInteger(length) || length < 0) throw pathError("EINVAL", "ftruncate", this.path);
    this.call("ftruncate", () => ftruncateSync(this.fd, length));
  }

  utimes(atimeMs: number, mtimeMs: number): void {
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "futimes", this.path);
    this.call("futimes", () => futimesSync(this.fd, hostSeconds(atimeMs), hostSeconds(mtimeMs)));
  }

  sync(): void {
    this.call("fsync", () => fsyncSync(this.fd));
  }

  close(): void {
    this.call("close", () => closeSync(this.fd));
    this.closed = true;
    this.onClose(this);
  }

  private checkPosition(position: number, syscall: string): void {
    if (!Number.isSafeInteger(position) || position < 0) throw pathError("EINVAL", syscall, this.path);
  }

  private call<T>(syscall: string, action: () => T): T {
    if (this.closed) throw pathError("EBADF", syscall, this.path);
    try {
      return action();
    } catch (err) {
      throw hostError(err, syscall, this.path);
    }
  }
}
