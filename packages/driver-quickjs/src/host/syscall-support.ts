/**
 * What the system-call ops share: the per-process context (the kernel
 * interface, the pid, the children the guest started), argument checking,
 * and the failure type whose message is worded as Node words it
 * (`ENOENT: no such file or directory, open 'x'`, with the path as the
 * guest wrote it).
 */
import { ERRNO_MESSAGES, KernelError, type KernelInterface, type ProcessHandle } from "@secure-exec/kernel";
import type { SyscallFailure } from "../shared/protocol.js";

/** A child the guest started, until the guest has seen it exit. */
export interface Child {
  handle: ProcessHandle;
  status: number | null;
  exited: Promise<void>;
  killedWith: number;
}

/** Per-process state the handler keeps. */
export interface SyscallContext {
  readonly ki: KernelInterface;
  readonly pid: number;
  readonly children: Map<number, Child>;
  /** Aborts when the process has ended, so that waits it left behind (poll, spawnSync) stop. */
  readonly ended: AbortSignal;
}

/** JSON-decoded arguments of one call. */
export type Args = Record<string, unknown>;
/** What an op answers: JSON, bytes, both, or nothing. */
export type OpResult = { json?: unknown; bytes?: Uint8Array; none?: true };
/** One system call on the kernel thread. */
export type Op = (c: SyscallContext, args: Args, data: Uint8Array) => OpResult | Promise<OpResult>;

/** An answer of JSON. */
export const json = (value: unknown): OpResult => ({ json: value });
/** An answer of nothing. */
export const none: OpResult = { none: true };

/** An error for the guest: the errno, and Node's wording for `syscall` on `path`. */
export class GuestFailure extends Error {
  constructor(readonly failure: SyscallFailure) {
    super(failure.message);
  }
}

/**
 * libuv's wording of the errnos, which Node's messages use where it differs from the C library's
 * (`EEXIST: file already exists`, `EISDIR: illegal operation on a directory`).
 */
const LIBUV_MESSAGES: Record<string, string> = {
  EBUSY: "resource busy or locked",
  EEXIST: "file already exists",
  EFAULT: "bad address in system call argument",
  EIO: "i/o error",
  EISDIR: "illegal operation on a directory",
  ELOOP: "too many symbolic links encountered",
  ENAMETOOLONG: "name too long",
  ENOMEM: "not enough memory",
  ENOTCONN: "socket is not connected",
  ENOTSUP: "operation not supported on socket",
  ESPIPE: "invalid seek",
  ETIMEDOUT: "connection timed out",
  EXDEV: "cross-device link not permitted",
};

/** Node's message for an errno on a syscall and path. */
export function nodeMessage(code: string, syscall: string, path?: string, dest?: string): string {
  const text = LIBUV_MESSAGES[code] ?? (ERRNO_MESSAGES as Record<string, string>)[code] ?? "unknown error";
  let msg = `${code}: ${text}, ${syscall}`;
  if (path !== undefined) msg += ` '${path}'`;
  if (dest !== undefined) msg += ` -> '${dest}'`;
  return msg;
}

/** Runs `fn`; a KernelError becomes a GuestFailure naming the Node syscall and the guest's path. */
export async function as<T>(syscall: string, path: string | undefined, fn: () => T | Promise<T>, dest?: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof KernelError) {
      throw new GuestFailure({ code: err.code, message: nodeMessage(err.code, syscall, path, dest), syscall, path, dest });
    }
    throw err;
  }
}

/** The string argument `key`, or EINVAL. */
export function str(args: Args, key: string): string {
  const v = args[key];
  if (typeof v !== "string") throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, ${key} must be a string` });
  return v;
}

/** The numeric argument `key`, or EINVAL. */
export function num(args: Args, key: string): number {
  const v = args[key];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, ${key} must be a number` });
  return v;
}

/** `path` made absolute against the process's working directory. */
export function abs(c: SyscallContext, path: string): string {
  return c.ki.resolvePath(c.pid, path);
}

/** Writes all of `data` to `fd`, as many kernel writes as it takes. */
export async function writeAll(c: SyscallContext, fd: number, data: Uint8Array): Promise<number> {
  let written = 0;
  while (written < data.length) written += await c.ki.fdWrite(c.pid, fd, written === 0 ? data : data.subarray(written));
  return written;
}

