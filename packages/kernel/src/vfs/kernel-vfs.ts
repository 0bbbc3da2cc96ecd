/**
 * `KernelVfs`, the async file-system API of the seed (`await
 * kernel.vfs.readFile(p)`), as a thin layer over the synchronous
 * KernelFileSystem. Relative paths resolve against `cwd()`; new files and
 * directories get `mode & ~umask()`.
 */
import { concatBytes } from "../bridge/copy.js";
import { O_APPEND, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY, S_IFDIR, S_IFMT } from "../constants.js";
import { isKernelError } from "../errors.js";
import type { DirEntry } from "../types.js";
import type { KernelFileSystem } from "./kernel-fs.js";
import { absolutePath, dirnamePath, joinPath } from "./path.js";
import type { KernelVfs, MkdirOptions, VfsStat } from "./types.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Builds the async view of `fs`, resolving relative paths against `cwd()`. */
export function createKernelVfs(fs: KernelFileSystem, cwd: () => string = () => "/", umask: () => number = () => 0o022): KernelVfs {
  const abs = (path: string) => absolutePath(cwd(), path);
  const run = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const readFileSync = (path: string): Uint8Array => {
    const { object } = fs.open(abs(path), O_RDONLY, 0);
    try {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const chunk = object.read(1 << 20, total) as Uint8Array;
        if (chunk.length === 0) break;
        chunks.push(chunk);
        total += chunk.length;
      }
      return concatBytes(chunks);
    } finally {
      object.release();
    }
  };

  const writeSync = (path: string, content: string | Uint8Array, flags: number, mode: number) => {
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const { object } = fs.open(abs(path), O_WRONLY | O_CREAT | flags, mode & ~umask());
    try {
      const position = flags & O_APPEND ? object.stat().size : 0;
      let written = 0;
      while (written < data.length) written += object.write(data.subarray(written), position + written) as number;
    } finally {
      object.release();
    }
  };

  const mkdirSync = (path: string, options: MkdirOptions = {}) => {
    const mode = (options.mode ?? 0o777) & ~umask();
    const target = abs(path);
    if (!options.recursive) return fs.mkdir(target, mode);
    const missing: string[] = [];
    for (let dir = target; ; dir = dirnamePath(dir)) {
      try {
        if ((fs.stat(dir).mode & S_IFMT) !== S_IFDIR) return fs.mkdir(target, mode);
        break;
      } catch (err) {
        if (!isKernelError(err, "ENOENT") || dir === "/") throw err;
        missing.push(dir);
      }
    }
    for (const dir of missing.reverse()) {
      try {
        fs.mkdir(dir, mode);
      } catch (err) {
        if (!isKernelError(err, "EEXIST")) throw err;
      }
    }
  };

  const rmSync = (path: string, recursive: boolean) => {
    const target = abs(path);
    const st = fs.lstat(target);
    if ((st.mode & S_IFMT) !== S_IFDIR) return fs.unlink(target);
    if (!recursive) return fs.rmdir(target);
    for (const entry of fs.readdir(target)) rmSync(joinPath(target, entry.name), true);
    fs.rmdir(target);
  };

  return {
    readFile: (path) => run(() => readFileSync(path)),
    readTextFile: (path) => run(() => decoder.decode(readFileSync(path))),
    writeFile: (path, content, mode = 0o666) => run(() => writeSync(path, content, O_TRUNC, mode)),
    appendFile: (path, content) => run(() => writeSync(path, content, O_APPEND, 0o666)),
    readdir: (path) => run(() => fs.readdir(abs(path)).map((e) => e.name).sort()),
    readdirWithTypes: (path): Promise<DirEntry[]> => run(() => fs.readdir(abs(path))),
    stat: (path): Promise<VfsStat> => run(() => fs.stat(abs(path))),
    lstat: (path) => run(() => fs.lstat(abs(path))),
    exists: (path) =>
      run(() => {
        try {
          fs.stat(abs(path));
          return true;
        } catch (err) {
          if (isKernelError(err, "ENOENT") || isKernelError(err, "ENOTDIR") || isKernelError(err, "ELOOP")) return false;
          throw err;
        }
      }),
    mkdir: (path, options) => run(() => mkdirSync(path, options)),
    rmdir: (path) => run(() => fs.rmdir(abs(path))),
    unlink: (path) => run(() => fs.unlink(abs(path))),
    rm: (path, options = {}) =>
      run(() => {
        try {
          rmSync(path, options.recursive ?? false);
        } catch (err) {
          if (!(options.force && isKernelError(err, "ENOENT"))) throw err;
        }
      }),
    rename: (from, to) => run(() => fs.rename(abs(from), abs(to))),
    symlink: (target, path) => run(() => fs.symlink(target, abs(path))),
    readlink: (path) => run(() => fs.readlink(abs(path))),
    link: (existing, newPath) => run(() => fs.link(abs(existing), abs(newPath))),
    chmod: (path, mode) => run(() => fs.chmod(abs(path), mode)),
    utimes: (path, atimeMs, mtimeMs, nofollow) => run(() => fs.utimes(abs(path), atimeMs, mtimeMs, nofollow)),
    truncate: (path, length) => run(() => fs.truncate(abs(path), length)),
    realpath: (path) => run(() => fs.realpath(abs(path))),
  };
}
