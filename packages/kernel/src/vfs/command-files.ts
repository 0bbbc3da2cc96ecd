/**
 * The registered commands as files: /bin/NAME and /usr/bin/NAME exist for
 * every registered command that the file system does not hold itself, so
 * `ls /bin`, `test -x /bin/grep` and `command -v` see what can run. Each is
 * a read-only executable whose text is a two-line script that runs the
 * command; spawning it by path goes to the command directly (executable.ts).
 * A real file at the same path always wins.
 */
import { S_IFREG } from "../constants.js";
import { KernelError } from "../errors.js";
import type { DirEntry } from "../types.js";
import { basenamePath, dirnamePath } from "./path.js";
import type { VfsFile, VfsStat } from "./types.js";

/** The directories that list registered commands. */
export const COMMAND_DIRECTORIES: ReadonlySet<string> = new Set(["/bin", "/usr/bin"]);

const BOOT_TIME = Date.now();
const encoder = new TextEncoder();

/** The commands the registry knows, seen as files. */
export class CommandFiles {
  constructor(
    private readonly has: (name: string) => boolean,
    private readonly names: () => string[],
  ) {}

  /** The command a path names, if it is one of the synthetic files. */
  commandAt(path: string): string | null {
    if (!COMMAND_DIRECTORIES.has(dirnamePath(path))) return null;
    const name = basenamePath(path);
    return name && this.has(name) ? name : null;
  }

  /** Metadata of the synthetic file at `path`, or null. */
  stat(path: string): VfsStat | null {
    const name = this.commandAt(path);
    if (name === null) return null;
    return {
      dev: 6, ino: inodeOf(name), mode: S_IFREG | 0o755, nlink: 1, uid: 0, gid: 0, size: script(name).length,
      atimeMs: BOOT_TIME, mtimeMs: BOOT_TIME, ctimeMs: BOOT_TIME, birthtimeMs: BOOT_TIME,
    };
  }

  /** A read-only handle on the synthetic file at `path`. */
  open(path: string): VfsFile {
    const name = this.commandAt(path)!;
    const text = script(name);
    const readOnly = () => {
      throw new KernelError("EROFS", "command entries are read-only", { path });
    };
    return {
      read(buffer, position) {
        const part = text.subarray(position, position + buffer.length);
        buffer.set(part);
        return part.length;
      },
      write: readOnly,
      stat: () => this.stat(path)!,
      truncate: readOnly,
      utimes: readOnly,
      sync() {},
      close() {},
    };
  }

  /** Entries a listing of `dir` adds. */
  list(dir: string): DirEntry[] {
    if (!COMMAND_DIRECTORIES.has(dir)) return [];
    return this.names().map((name) => ({ name, type: "file" as const, ino: inodeOf(name) }));
  }
}

function script(name: string): Uint8Array {
  return encoder.encode(`#!/bin/sh\nexec ${name} "$@"\n`);
}

function inodeOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return (hash >>> 0) | 1;
}
