/**
 * A process's file-descriptor table: small integers mapped to shared
 * open-file descriptions. Allocation takes the lowest free number; dup and
 * inheritance share the description (and so its cursor); closing a slot
 * drops one reference. The table holds at most `limit` descriptors (EMFILE
 * beyond, EBADF for numbers at or above the limit). Each slot may be
 * close-on-exec: a fork copies it, a spawned command does not inherit it.
 */
import { KernelError } from "./errors.js";
import type { OpenFile } from "./open-file.js";

/** The default number of descriptors a process may hold. */
export const DEFAULT_FD_LIMIT = 1024;

/** One process's descriptors. */
export class FdTable {
  private slots: (OpenFile | undefined)[] = [];
  private readonly cloexec = new Set<number>();

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
  allocate(file: OpenFile, minFd = 0, closeOnExec = false): number {
    for (let fd = minFd; fd < this.limit; fd++) {
      if (this.slots[fd] === undefined) {
        this.slots[fd] = file.retain();
        if (closeOnExec) this.cloexec.add(fd);
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
    this.cloexec.delete(fd);
    old?.release();
  }

  /** Duplicates `fd` to the lowest free descriptor ≥ `minFd` (close-on-exec only if asked). */
  dup(fd: number, minFd = 0, closeOnExec = false): number {
    return this.allocate(this.getOrThrow(fd, "dup"), minFd, closeOnExec);
  }

  /** Whether `fd` is close-on-exec. */
  isCloseOnExec(fd: number): boolean {
    return this.cloexec.has(fd);
  }

  /** Sets or clears close-on-exec on an open descriptor. */
  setCloseOnExec(fd: number, on: boolean): void {
    this.getOrThrow(fd, "fcntl");
    if (on) this.cloexec.add(fd);
    else this.cloexec.delete(fd);
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
    this.cloexec.delete(fd);
    file.release();
  }

  /** Closes every descriptor. */
  closeAll(): void {
    const slots = this.slots;
    this.slots = [];
    this.cloexec.clear();
    for (const file of slots) file?.release();
  }

  /**
   * A copy sharing the descriptions: all of them for a fork, only those not
   * close-on-exec for a spawned command.
   */
  clone(forExec: boolean, limit = this.limit): FdTable {
    const copy = new FdTable(limit);
    this.slots.forEach((file, fd) => {
      if (!file || fd >= limit) return;
      if (this.cloexec.has(fd)) {
        if (forExec) return;
        copy.cloexec.add(fd);
      }
      copy.slots[fd] = file.retain();
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
