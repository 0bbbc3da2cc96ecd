/**
 * Pathname expansion: matches a pattern (see pattern.ts) against the
 * kernel's file system one path component at a time and returns the
 * matching paths sorted. Components without pattern characters are taken
 * literally; names starting with "." match only a pattern component that
 * starts with a literal "." (unless `dotglob`); "." and ".." are never
 * produced by a pattern. With `globstar`, a `**` component matches any
 * number of directory levels.
 */
import type { KernelVfs } from "../vfs/types.js";
import { hasGlobChars, patternRegExp, unescapePattern } from "./pattern.js";

/** Splits a pattern at its `/` separators (a quoted `\/` is still a separator). */
function splitComponents(pattern: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\" && i + 1 < pattern.length) {
      if (pattern[i + 1] === "/") {
        out.push(current);
        current = "";
        i++;
        continue;
      }
      current += ch + pattern[++i];
    } else if (ch === "/") {
      out.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function join(prefix: string, name: string): string {
  if (prefix === "") return name;
  return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
}

async function isDirectory(vfs: KernelVfs, path: string): Promise<boolean> {
  try {
    const st = await vfs.stat(path);
    return (st.mode & 0o170000) === 0o040000;
  } catch {
    return false;
  }
}

async function exists(vfs: KernelVfs, path: string): Promise<boolean> {
  try {
    await vfs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** bash's `shopt` glob options that change matching. */
export interface GlobOptions {
  dotglob?: boolean;
  globstar?: boolean;
  nocaseglob?: boolean;
}

/** Every directory under `prefix` (relative paths as globbing writes them), depth first, not following symlinks. */
async function descendants(vfs: KernelVfs, abs: (p: string) => string, prefix: string, dotglob: boolean, dirsOnly: boolean): Promise<string[]> {
  const out: string[] = [];
  let entries: { name: string; type: string }[];
  try {
    entries = await vfs.readdirWithTypes(abs(prefix));
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => compareNames(a.name, b.name))) {
    if (e.name.startsWith(".") && !dotglob) continue;
    const path = join(prefix, e.name);
    if (e.type === "directory") {
      out.push(path);
      out.push(...(await descendants(vfs, abs, path, dotglob, dirsOnly)));
    } else if (!dirsOnly) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Expands `pattern` relative to `cwd`; returns the matches sorted, or an
 * empty list when nothing matches.
 */
export async function expandGlob(vfs: KernelVfs, cwd: string, pattern: string, options: GlobOptions = {}): Promise<string[]> {
  const components = splitComponents(pattern);
  let prefixes: string[] = [components[0] === "" ? "/" : ""];
  const start = components[0] === "" ? 1 : 0;
  const abs = (p: string): string => (p.startsWith("/") ? p : p === "" ? cwd : join(cwd, p));
  for (let c = start; c < components.length; c++) {
    const comp = components[c]!;
    const last = c === components.length - 1;
    if (comp === "") {
      // A doubled or trailing slash: keep it, and require a directory.
      const next: string[] = [];
      // A prefix of "" is `**` matching no directory: a trailing slash cannot apply to it.
      for (const p of prefixes) if (p !== "" && (await isDirectory(vfs, abs(p)))) next.push(p.endsWith("/") ? p : p + "/");
      prefixes = next;
      continue;
    }
    const next: string[] = [];
    if (comp === "**" && options.globstar) {
      for (const p of prefixes) {
        // bash: `dir/**` lists dir/ itself first; `**/x` also looks in the directory itself.
        if (!last) next.push(p);
        else if (p !== "" && p !== "/") next.push(p.endsWith("/") ? p : p + "/");
        next.push(...(await descendants(vfs, abs, p, options.dotglob === true, !last)));
      }
    } else if (!hasGlobChars(comp)) {
      const name = unescapePattern(comp);
      for (const p of prefixes) {
        const candidate = join(p, name);
        if (last ? await exists(vfs, abs(candidate)) : await isDirectory(vfs, abs(candidate))) next.push(candidate);
      }
    } else {
      const re = patternRegExp(comp, options.nocaseglob === true);
      const dotOk = options.dotglob === true || comp.startsWith(".") || comp.startsWith("\\.");
      for (const p of prefixes) {
        let names: string[];
        try {
          names = await vfs.readdir(abs(p));
        } catch {
          continue;
        }
        for (const name of names) {
          if (name === "." || name === "..") continue;
          if (name.startsWith(".") && !dotOk) continue;
          if (!re.test(name)) continue;
          const candidate = join(p, name);
          if (last || (await isDirectory(vfs, abs(candidate)))) next.push(candidate);
        }
      }
    }
    prefixes = next;
    if (prefixes.length === 0) return [];
  }
  return prefixes.sort(compareNames);
}

/** Byte-order comparison, as the C locale sorts. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
