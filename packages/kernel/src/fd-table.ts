/**
 * A process's file-descriptor table: small integers mapped to shared
 * open-file descriptions. Allocation takes the lowest free number; dup and
 * inheritance share the description (and so its cursor); closing a slot
 * drops one reference. The table holds at most `limit` descriptors (EMFILE
 * beyond, EBADF for numbers at or above the limit).
 */
import { KernelError } from "./errors.js";
import type { OpenFile } from "./open-file.js";

/** The default number of descriptors a process may hold. */
export const DEFAULT_FD_LIMIT = 1024;

/** One process's descriptors. */
export class FdTable {
  private slots: (OpenFile | undefined)[] = [];

  constructor(readonly limit = DEFAULT_FD_LIMIT) {}

  /** The description behind `fd`, or undefined. */
  get(fd: number): OpenFile | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.slots[fd] : undefined;
  }

  /** The description behind `fd`; EBADF if it is not open. */
  getOrThrow(fd: number, syscall = "fd"): OpenFile {
    const file = this.get(fd);
    if (!file) throw new KernelError("EBADF", `fd ${fd}`, { syscall });
    return file;
  }

  /** Installs `file` at the lowest free descriptor ≥ `minFd` and returns it. */
  allocate(file: OpenFile, minFd = 0): number {
    for (let fd = minFd; fd < this.limit; fd++) {
      if (this.slots[fd] === undefined) {
        this.slots[fd] = file.retain();
        return fd;
      }
    }
    throw new KernelError("EMFILE", `limit ${this.limit}`, { syscall: "open" });
  }

  /** Installs `file` at exactly `fd`, closing what was there. */
  install(fd: number, file: OpenFile): void {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.limit) throw new KernelError("EBADF", `fd ${fd}`, { syscall: "dup2" });
    const old = this.slots[fd];
    this.slots[fd] = file.retain();
    old?.release();
  }

  /** Duplicates `fd` to the lowest free descriptor ≥ `minFd`. */
  dup(fd: number, minFd = 0): number {
    return this.allocate(this.getOrThrow(fd, "dup"), minFd);
  }

  /** Makes `newFd` refer to `oldFd`'s description; a no-op when they are equal. */
  dup2(oldFd: number, newFd: number): void {
    const file = this.getOrThrow(oldFd, "dup2");
    if (oldFd !== newFd) this.install(newFd, file);
  }

  /** Closes `fd`; EBADF if it is not open. */
  close(fd: number): void {
    const file = this.getOrThrow(fd, "close");
    this.slots[fd] = undefined;
    file.release();
  }

  /** Closes every descriptor. */
  closeAll(): void {
    const slots = this.slots;
    this.slots = [];
    for (const file of slots) file?.release();
  }

  /** A copy sharing every description (what a child inherits). */
  clone(limit = this.limit): FdTable {
    const copy = new FdTable(limit);
    this.slots.forEach((file, fd) => {
      if (file && fd < limit) copy.slots[fd] = file.retain();
    });
    return copy;
  }

  /** The open descriptor numbers, ascending. */
  openFds(): number[] {
    const fds: number[] = [];
    this.slots.forEach((file, fd) => {
      if (file) fds.push(fd);
    });
    return fds;
  }
}
