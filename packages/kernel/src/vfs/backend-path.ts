/**
 * For `VirtualFileSystem` backends: checks a path the kernel hands them and
 * splits it into components, in one pass over its characters (this runs for
 * every lookup). The kernel promises
 * absolute, normalized paths; anything else is refused with EINVAL rather
 * than interpreted: a relative path, an empty, "." or ".." component, a NUL
 * byte. The limits of Linux apply: ENAMETOOLONG past PATH_MAX (4096 bytes)
 * or NAME_MAX (255 bytes per component).
 */
import { pathError } from "../errors.js";
import { NAME_MAX, PATH_MAX } from "./path.js";

const SLASH = 47;
const DOT = 46;
const encoder = new TextEncoder();

/** The components of `path` ("/" gives []); throws EINVAL or ENAMETOOLONG. */
export function splitBackendPath(path: string, syscall: string): string[] {
  if (typeof path !== "string" || path.charCodeAt(0) !== SLASH) throw pathError("EINVAL", syscall, String(path));
  const parts: string[] = [];
  if (path.length === 1) return parts;
  let start = 1;
  let ascii = true;
  for (let i = 1; i <= path.length; i++) {
    const c = i === path.length ? SLASH : path.charCodeAt(i);
    if (c === 0) throw pathError("EINVAL", syscall, path.replace(/\0/g, "\\0"));
    if (c > 0x7f) ascii = false;
    if (c !== SLASH) continue;
    const length = i - start;
    const dots = path.charCodeAt(start) === DOT && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === DOT));
    if (length === 0 || dots) throw pathError("EINVAL", syscall, path);
    const part = path.slice(start, i);
    if (length > NAME_MAX / 3 && (ascii ? length : encoder.encode(part).length) > NAME_MAX) {
      throw pathError("ENAMETOOLONG", syscall, path);
    }
    parts.push(part);
    start = i + 1;
  }
  if (path.length > PATH_MAX / 3 && (ascii ? path.length : encoder.encode(path).length) > PATH_MAX) {
    throw pathError("ENAMETOOLONG", syscall, path);
  }
  return parts;
}
