/**
 * Checks a path handed to the backend and splits it into components. The
 * kernel promises absolute, normalized paths; anything else is refused with
 * EINVAL rather than interpreted, and the limits of Linux apply (PATH_MAX
 * 4096 bytes, NAME_MAX 255 bytes per component, no NUL byte).
 */
import { pathError } from "@secure-exec/kernel";

const PATH_MAX = 4096;
const NAME_MAX = 255;
const encoder = new TextEncoder();

function byteLength(text: string): number {
  // ASCII fast path: one byte per UTF-16 unit unless a unit is above 0x7f.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return encoder.encode(text).length;
  }
  return text.length;
}

/** The components of `path` ("/" gives []); throws EINVAL or ENAMETOOLONG. */
export function splitCheckedPath(path: string, syscall: string): string[] {
  if (typeof path !== "string" || path[0] !== "/" || path.includes("\0")) {
    throw pathError("EINVAL", syscall, String(path).replace(/\0/g, "\\0"));
  }
  if (path.length > PATH_MAX / 4 && byteLength(path) > PATH_MAX) throw pathError("ENAMETOOLONG", syscall, path);
  if (path === "/") return [];
  const parts = path.slice(1).split("/");
  for (const part of parts) {
    if (part === "" || part === "." || part === "..") throw pathError("EINVAL", syscall, path);
    if (part.length > NAME_MAX / 4 && byteLength(part) > NAME_MAX) throw pathError("ENAMETOOLONG", syscall, path);
  }
  return parts;
}
