/**
 * Turns a failure of a host call into a `KernelError` that names the guest
 * path. The host error's message, which holds the host path, is dropped on
 * purpose (it is not kept as `cause` either): nothing the guest can see may
 * reveal where its root lives on the host.
 */
import { ERRNO_MESSAGES, pathError, type ErrnoCode, type KernelError } from "@secure-exec/kernel";

/** Host codes that mean the same thing under another name. */
const ALIASES: Record<string, ErrnoCode> = {
  EOPNOTSUPP: "ENOTSUP",
  EWOULDBLOCK: "EAGAIN",
  EDQUOT: "ENOSPC",
  ERR_INVALID_ARG_VALUE: "EINVAL",
  ERR_INVALID_ARG_TYPE: "EINVAL",
  ERR_OUT_OF_RANGE: "EINVAL",
  ERR_FS_FILE_TOO_LARGE: "EFBIG",
};

/** The errno name of a host error (EIO when it has none the kernel knows). */
export function hostErrno(err: unknown): ErrnoCode {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "EIO";
  if (code in ERRNO_MESSAGES) return code as ErrnoCode;
  return ALIASES[code] ?? "EIO";
}

/** A `KernelError` for a failed host call on the guest path `path`. */
export function hostError(err: unknown, syscall: string, path: string): KernelError {
  return pathError(hostErrno(err), syscall, path);
}
