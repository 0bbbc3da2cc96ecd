/**
 * WASI's path rule, applied before a path reaches the kernel: a path_* call
 * names a directory descriptor and a relative path, which may not be
 * absolute (EPERM) and may not climb above that directory with ".."
 * (EPERM). The result is an absolute kernel path; the kernel then walks it
 * (following symlinks as POSIX does). A trailing slash is kept, since it
 * means "must be a directory".
 */
import { KernelError, type KernelInterface } from "@secure-exec/kernel";

/** An absolute kernel path for `path` relative to the directory `dirfd` of process `pid`. */
export function resolveAt(ki: KernelInterface, pid: number, dirfd: number, path: string, syscall: string): string {
  const dir = ki.fdStat(pid, dirfd);
  if (dir.filetype !== "directory" || dir.path === undefined) {
    throw new KernelError("ENOTDIR", `fd ${dirfd} is not a directory`, { syscall });
  }
  if (path.length === 0) throw new KernelError("ENOENT", "empty path", { syscall });
  if (path.includes("\0")) throw new KernelError("EINVAL", "NUL byte in path", { syscall });
  if (path.startsWith("/")) throw new KernelError("EPERM", "absolute path", { syscall, path });
  // Above the root there is nothing to leave: there, as in Linux, ".." stays at "/".
  if (dir.path !== "/") {
    let depth = 0;
    for (const part of path.split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") {
        depth -= 1;
        if (depth < 0) throw new KernelError("EPERM", "path leaves its directory", { syscall, path });
      } else {
        depth += 1;
      }
    }
  }
  return dir.path === "/" ? `/${path}` : `${dir.path}/${path}`;
}

/** Whether a path ends in a slash (so it must name a directory). */
export function hasTrailingSlash(path: string): boolean {
  return path.length > 1 && path.endsWith("/");
}
