/**
 * Runs shell text through `kernel.exec` on a real kernel, for the shell's
 * behaviour tests. The kernel package cannot depend on os-browser, so the
 * root file system is a small in-memory tree written here: directories
 * and regular files (no symlinks or hard links, which these tests do not need).
 */
import { afterEach } from "vitest";
import { O_ACCMODE, O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, S_IFDIR, S_IFMT, S_IFREG } from "../../src/constants.js";
import { pathError } from "../../src/errors.js";
import { createKernel, type Kernel } from "../../src/kernel.js";
import type { DirEntry } from "../../src/types.js";
import type { VfsFile, VfsStat, VirtualFileSystem } from "../../src/vfs/types.js";

interface Node {
  mode: number;
  ino: number;
  data: Uint8Array;
  children: Map<string, Node> | null;
  mtimeMs: number;
}

let nextIno = 1;

function node(mode: number): Node {
  return { mode, ino: nextIno++, data: new Uint8Array(0), children: (mode & S_IFMT) === S_IFDIR ? new Map() : null, mtimeMs: Date.now() };
}

function stat(n: Node): VfsStat {
  const t = n.mtimeMs;
  return { dev: 1, ino: n.ino, mode: n.mode, nlink: 1, uid: 0, gid: 0, size: n.data.length, atimeMs: t, mtimeMs: t, ctimeMs: t, birthtimeMs: t };
}

/** A minimal in-memory VirtualFileSystem with /tmp, /bin and /home/user. */
function memoryFileSystem(): VirtualFileSystem {
  const root = node(S_IFDIR | 0o755);
  const split = (path: string): string[] => path.split("/").filter((c) => c !== "");
  const lookup = (path: string, syscall: string): Node => {
    let n = root;
    for (const c of split(path)) {
      const next = n.children?.get(c);
      if (next === undefined) throw pathError("ENOENT", syscall, path);
      n = next;
    }
    return n;
  };
  const parentOf = (path: string, syscall: string): [Node, string] => {
    const parts = split(path);
    const name = parts.pop()!;
    const parent = lookup("/" + parts.join("/"), syscall);
    if (parent.children === null) throw pathError("ENOTDIR", syscall, path);
    return [parent, name];
  };
  const fs: VirtualFileSystem = {
    lstat: (path) => stat(lookup(path, "lstat")),
    readdir: (path): DirEntry[] => {
      const n = lookup(path, "readdir");
      if (n.children === null) throw pathError("ENOTDIR", "readdir", path);
      return [...n.children].map(([name, c]) => ({ name, type: c.children !== null ? "directory" : "file" }) as DirEntry);
    },
    mkdir: (path, mode) => {
      const [parent, name] = parentOf(path, "mkdir");
      if (parent.children!.has(name)) throw pathError("EEXIST", "mkdir", path);
      parent.children!.set(name, node(S_IFDIR | (mode & 0o7777)));
    },
    rmdir: (path) => {
      const [parent, name] = parentOf(path, "rmdir");
      const n = parent.children!.get(name);
      if (n === undefined) throw pathError("ENOENT", "rmdir", path);
      if (n.children === null) throw pathError("ENOTDIR", "rmdir", path);
      if (n.children.size > 0) throw pathError("ENOTEMPTY", "rmdir", path);
      parent.children!.delete(name);
    },
    unlink: (path) => {
      const [parent, name] = parentOf(path, "unlink");
      const n = parent.children!.get(name);
      if (n === undefined) throw pathError("ENOENT", "unlink", path);
      if (n.children !== null) throw pathError("EISDIR", "unlink", path);
      parent.children!.delete(name);
    },
    rename: (from, to) => {
      const [fromParent, fromName] = parentOf(from, "rename");
      const n = fromParent.children!.get(fromName);
      if (n === undefined) throw pathError("ENOENT", "rename", from);
      const [toParent, toName] = parentOf(to, "rename");
      fromParent.children!.delete(fromName);
      toParent.children!.set(toName, n);
    },
    link: (_existing, path) => {
      throw pathError("ENOSYS", "link", path);
    },
    symlink: (_target, path) => {
      throw pathError("ENOSYS", "symlink", path);
    },
    readlink: (path) => {
      throw pathError("EINVAL", "readlink", path);
    },
    chmod: (path, mode) => {
      const n = lookup(path, "chmod");
      n.mode = (n.mode & S_IFMT) | (mode & 0o7777);
    },
    utimes: (path, _atimeMs, mtimeMs) => {
      lookup(path, "utimes").mtimeMs = mtimeMs;
    },
    open: (path, flags, mode): VfsFile => {
      const [parent, name] = parentOf(path, "open");
      let n = parent.children!.get(name);
      if (n !== undefined && (flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0) throw pathError("EEXIST", "open", path);
      if (n === undefined) {
        if ((flags & O_CREAT) === 0) throw pathError("ENOENT", "open", path);
        n = node(S_IFREG | (mode & 0o7777));
        parent.children!.set(name, n);
      }
      if (n.children !== null) throw pathError("EISDIR", "open", path);
      const file = n;
      if ((flags & O_TRUNC) !== 0 && (flags & O_ACCMODE) !== O_RDONLY) file.data = new Uint8Array(0);
      return {
        read(buffer, position) {
          const bytes = file.data.subarray(position, position + buffer.length);
          buffer.set(bytes);
          return bytes.length;
        },
        write(data, position) {
          const end = position + data.length;
          if (end > file.data.length) {
            const grown = new Uint8Array(end);
            grown.set(file.data);
            file.data = grown;
          }
          file.data.set(data, position);
          file.mtimeMs = Date.now();
          return data.length;
        },
        stat: () => stat(file),
        truncate(length) {
          const next = new Uint8Array(length);
          next.set(file.data.subarray(0, length));
          file.data = next;
        },
        utimes(_atimeMs, mtimeMs) {
          file.mtimeMs = mtimeMs;
        },
        sync() {},
        close() {},
      };
    },
  };
  for (const dir of ["/bin", "/home", "/home/user", "/tmp"]) fs.mkdir(dir, 0o777);
  return fs;
}

let kernel: Kernel | null = null;

afterEach(async () => {
  await kernel?.dispose();
  kernel = null;
});

/** Runs `script` as `sh -c script` in /tmp of a fresh kernel; resolves with its status, stdout and stderr. */
export async function runShell(script: string, stdin?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  await kernel?.dispose();
  kernel = createKernel({ filesystem: memoryFileSystem(), onWarning: () => {}, cwd: "/tmp", env: { HOME: "/home/user" } });
  const r = await kernel.exec(script, stdin === undefined ? {} : { stdin });
  return { status: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** The stdout of `script` (stderr must be empty). */
export async function stdoutOf(script: string): Promise<string> {
  const r = await runShell(script);
  if (r.stderr !== "") throw new Error(`unexpected stderr: ${r.stderr}`);
  return r.stdout;
}
