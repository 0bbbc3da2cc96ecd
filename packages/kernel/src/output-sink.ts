/**
 * An output sink: the write-only object behind a standard descriptor whose
 * bytes go to a host callback (exec's captured output, a spawn's onStdout).
 * It never blocks. With a byte cap, it keeps the first `cap` bytes and then
 * behaves as a pipe whose reader has gone: writes fail with EPIPE, so the
 * writer ends as by SIGPIPE, as `cmd | head -c N` would.
 */
import { S_IFIFO } from "./constants.js";
import { KernelError } from "./errors.js";
import { BaseFileObject } from "./open-file.js";
import type { VfsStat } from "./vfs/types.js";

/** A write-only descriptor target that hands bytes to a callback. */
export class OutputSink extends BaseFileObject {
  readonly filetype = "pipe" as const;
  /** Bytes delivered so far. */
  delivered = 0;

  constructor(
    private readonly deliver: (data: Uint8Array) => void,
    private readonly cap = Infinity,
    private readonly onTruncated?: () => void,
  ) {
    super();
  }

  override write(data: Uint8Array): number {
    const room = this.cap - this.delivered;
    if (room <= 0) {
      this.onTruncated?.();
      throw new KernelError("EPIPE", "output limit reached", { syscall: "write" });
    }
    const part = data.length > room ? data.subarray(0, room) : data;
    this.delivered += part.length;
    // The callback may keep the bytes: give it a copy the writer cannot change.
    this.deliver(part.slice());
    if (part.length < data.length) {
      this.onTruncated?.();
      throw new KernelError("EPIPE", "output limit reached", { syscall: "write" });
    }
    return data.length;
  }

  stat(): VfsStat {
    const now = Date.now();
    return {
      dev: 0xfe, ino: 0, mode: S_IFIFO | 0o200, nlink: 1, uid: 0, gid: 0, size: 0,
      atimeMs: now, mtimeMs: now, ctimeMs: now, birthtimeMs: now,
    };
  }
}
