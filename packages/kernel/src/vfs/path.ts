/**
 * Pure path arithmetic on absolute POSIX paths (no file-system access).
 * `normalize` is lexical: it removes "." and empty components and applies
 * ".." textually, which is right only where no symlink can intervene; the
 * path walk in path-walk.ts applies ".." after resolving symlinks.
 */

/** Longest path the kernel accepts, in bytes (PATH_MAX). */
export const PATH_MAX = 4096;
/** Longest single component, in bytes (NAME_MAX). */
export const NAME_MAX = 255;

/** Splits a path into its non-empty components, dropping ".". */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part !== "" && part !== ".") out.push(part);
  }
  return out;
}

/** Lexically normalizes an absolute path ("/a/./b/../c" → "/a/c"); ".." at the root stays at the root. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of splitPath(path)) {
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** Resolves `path` against the absolute directory `cwd`, lexically. */
export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${cwd}/${path}`);
}

/**
 * Makes `path` absolute by prefixing `cwd`, without touching "." or "..":
 * the path walk applies those after resolving symlinks.
 */
export function absolutePath(cwd: string, path: string): string {
  if (path.startsWith("/")) return path;
  return cwd === "/" ? `/${path}` : `${cwd}/${path}`;
}

/** Joins an absolute directory and a name. */
export function joinPath(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

/** The parent directory of a normalized absolute path ("/" for "/"). */
export function dirnamePath(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** The last component of a normalized absolute path ("" for "/"). */
export function basenamePath(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Whether `path` is `prefix` or lies under it (both normalized, absolute). */
export function isPathWithin(path: string, prefix: string): boolean {
  if (prefix === "/") return true;
  return path === prefix || path.startsWith(prefix + "/");
}
