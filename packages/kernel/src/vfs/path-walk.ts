/**
 * The path walk (namei): turns a guest path into a mount, a backend path
 * and the final entry's metadata, one component at a time, so that symlinks
 * resolve in the kernel's namespace and may cross mounts. ".." applies to
 * the resolved directory (physical semantics) and stops at "/", so no path
 * can climb above the root. Errors: ENOENT for a missing parent, ENOTDIR for
 * a non-directory parent, ELOOP after 40 symlinks, ENAMETOOLONG.
 */
import { S_IFDIR, S_IFLNK, S_IFMT } from "../constants.js";
import { KernelError, isKernelError, pathError } from "../errors.js";
import type { Location, MountTable } from "./mount-table.js";
import { NAME_MAX, PATH_MAX } from "./path.js";
import type { VfsStat } from "./types.js";

/** The most symlinks one walk follows (Linux's MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/** A walked path. */
export interface WalkResult extends Location {
  /** The canonical absolute path (the final symlink resolved only if followed). */
  path: string;
  /** Metadata of the final entry, or null when it does not exist (its parent does). */
  stat: VfsStat | null;
}

/**
 * Walks an absolute path. `follow` resolves a symlink in the last component;
 * a trailing slash always does, and requires a directory.
 */
export function walkPath(mounts: MountTable, path: string, follow: boolean, syscall: string): WalkResult {
  if (path.length > PATH_MAX) throw pathError("ENAMETOOLONG", syscall, path.slice(0, 64) + "...");
  if (path.includes("\0")) throw new KernelError("EINVAL", "path contains a NUL byte", { syscall });
  const mustBeDir = path.length > 1 && path.endsWith("/");
  const todo = path.split("/").reverse();
  const resolved: string[] = [];
  let links = 0;
  let current = "/";
  let stat: VfsStat | null = null;
  let location = mounts.locate("/");

  while (todo.length > 0) {
    const name = todo.pop()!;
    if (name === "" || name === ".") continue;
    if (name === "..") {
      resolved.pop();
      current = "/" + resolved.join("/");
      location = mounts.locate(current);
      stat = null;
      continue;
    }
    if (name.length > NAME_MAX) throw pathError("ENAMETOOLONG", syscall, path);
    const candidate = current === "/" ? `/${name}` : `${current}/${name}`;
    const isLast = !todo.some((part) => part !== "" && part !== ".");
    const here = mounts.locate(candidate);
    let entry: VfsStat;
    try {
      entry = here.mount.fs.lstat(here.inner);
    } catch (err) {
      if (isKernelError(err, "ENOENT")) {
        if (isLast) return { path: candidate, stat: null, ...here };
        throw pathError("ENOENT", syscall, path);
      }
      throw renamePathError(err, syscall, path);
    }
    const type = entry.mode & S_IFMT;
    if (type === S_IFLNK && (!isLast || follow || mustBeDir)) {
      if (++links > MAX_SYMLINKS) throw pathError("ELOOP", syscall, path);
      const target = here.mount.fs.readlink(here.inner);
      if (target.startsWith("/")) {
        resolved.length = 0;
        current = "/";
        location = mounts.locate("/");
        stat = null;
      }
      for (const part of target.split("/").reverse()) todo.push(part);
      continue;
    }
    if (!isLast && type !== S_IFDIR) throw pathError("ENOTDIR", syscall, path);
    resolved.push(name);
    current = candidate;
    location = here;
    stat = entry;
  }

  if (stat === null) stat = location.mount.fs.lstat(location.inner);
  if (mustBeDir && (stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", syscall, path);
  return { path: current, stat, ...location };
}

/** A backend's error names the backend path; re-issue it with the guest path. */
function renamePathError(err: unknown, syscall: string, path: string): unknown {
  return isKernelError(err) ? pathError(err.code, syscall, path) : err;
}
