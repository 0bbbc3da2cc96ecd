/**
 * POSIX error names, their strerror texts, and `KernelError`, the one error
 * type every expected failure in the kernel and its drivers raises. A message
 * reads like the C library's: `ENOENT: no such file or directory, open '/x'`.
 */

/** strerror text for each errno name the kernel uses. */
export const ERRNO_MESSAGES = {
  E2BIG: "argument list too long",
  EACCES: "permission denied",
  EADDRINUSE: "address already in use",
  EAFNOSUPPORT: "address family not supported",
  EAGAIN: "resource temporarily unavailable",
  EBADF: "bad file descriptor",
  EBUSY: "device or resource busy",
  ECANCELED: "operation canceled",
  ECHILD: "no child processes",
  ECONNREFUSED: "connection refused",
  EEXIST: "file exists",
  EFAULT: "bad address",
  EFBIG: "file too large",
  EINTR: "interrupted system call",
  EINVAL: "invalid argument",
  EIO: "input/output error",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
  EMFILE: "too many open files",
  EMLINK: "too many links",
  ENAMETOOLONG: "file name too long",
  ENOENT: "no such file or directory",
  ENOEXEC: "exec format error",
  ENOMEM: "cannot allocate memory",
  ENOSPC: "no space left on device",
  ENOSYS: "function not implemented",
  ENOTCONN: "transport endpoint is not connected",
  ENOTDIR: "not a directory",
  ENOTEMPTY: "directory not empty",
  ENOTSOCK: "socket operation on non-socket",
  ENOTSUP: "operation not supported",
  ENOTTY: "inappropriate ioctl for device",
  ENXIO: "no such device or address",
  EPERM: "operation not permitted",
  EPIPE: "broken pipe",
  ERANGE: "result too large",
  EROFS: "read-only file system",
  ESHUTDOWN: "cannot send after transport endpoint shutdown",
  ESPIPE: "illegal seek",
  ESRCH: "no such process",
  ETIMEDOUT: "timed out",
  EXDEV: "invalid cross-device link",
} as const;

/** A POSIX error name. */
export type ErrnoCode = keyof typeof ERRNO_MESSAGES;

/** An expected failure with a POSIX error name in `code`. */
export class KernelError extends Error {
  /** The POSIX error name, e.g. "ENOENT". */
  readonly code: ErrnoCode;
  /** The syscall or operation that failed, e.g. "open". */
  readonly syscall?: string;
  /** The guest path involved, if any (never a host path). */
  readonly path?: string;

  constructor(code: ErrnoCode, detail?: string, options?: { syscall?: string; path?: string; cause?: unknown }) {
    const parts = [`${code}: ${ERRNO_MESSAGES[code]}`];
    if (options?.syscall) parts.push(`, ${options.syscall}`);
    if (options?.path !== undefined) parts.push(options.syscall ? ` '${options.path}'` : `, '${options.path}'`);
    if (detail) parts.push(` (${detail})`);
    super(parts.join(""), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KernelError";
    this.code = code;
    this.syscall = options?.syscall;
    this.path = options?.path;
  }
}

/** Builds the usual path error: `new KernelError(code, undefined, { syscall, path })`. */
export function pathError(code: ErrnoCode, syscall: string, path: string): KernelError {
  return new KernelError(code, undefined, { syscall, path });
}

/** Whether `err` is a KernelError, optionally with the given code. */
export function isKernelError(err: unknown, code?: ErrnoCode): err is KernelError {
  return err instanceof KernelError && (code === undefined || err.code === code);
}

/** Capitalized strerror text, as C programs and shells print it ("No such file or directory"). */
export function strerror(code: ErrnoCode): string {
  const text: string = ERRNO_MESSAGES[code];
  return text.charAt(0).toUpperCase() + text.slice(1);
}
