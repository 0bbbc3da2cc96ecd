/**
 * The contract suite for `VirtualFileSystem` backends. Every backend (memfs
 * in os-browser, a host folder in os-node, a contributor's own) runs the same
 * cases, each on a fresh file system from the factory, inside a scratch
 * directory "/fs-suite". A backend that cannot honour a case lists it in
 * `skip` with the reason; a skip naming no case is an error, so the list
 * stays true. The cases pin what the kernel relies on: no symlink is ever
 * followed, POSIX errno names with the guest path, rename/link rules, and
 * open files addressed by position that outlive an unlink.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from "../constants.js";
import { isKernelError, type ErrnoCode } from "../errors.js";
import type { VirtualFileSystem } from "../vfs/types.js";

/** Options of `defineFileSystemSuite`. */
export interface FileSystemSuiteOptions {
  /** Cases this backend does not run, by case name, each with the reason. */
  skip?: Record<string, string>;
  /** Text that must never appear in an error message, such as a host path; read after each case starts. */
  hiddenText?: () => string[];
  /** Called after each case, after the file system's own `dispose`. */
  cleanup?: () => void | Promise<void>;
}

type Case = (fs: VirtualFileSystem, expectErrno: ExpectErrno) => void;
type ExpectErrno = (action: () => unknown, code: ErrnoCode, path: string) => void;

const D = "/fs-suite";
const enc = new TextEncoder();
const dec = new TextDecoder();

function writeFile(fs: VirtualFileSystem, path: string, text: string, mode = 0o644): void {
  const file = fs.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  file.write(enc.encode(text), 0);
  file.close();
}

function readFile(fs: VirtualFileSystem, path: string): string {
  const file = fs.open(path, O_RDONLY, 0);
  const buffer = new Uint8Array(file.stat().size + 1);
  const count = file.read(buffer, 0);
  file.close();
  return dec.decode(buffer.subarray(0, count));
}

function names(fs: VirtualFileSystem, path: string): string[] {
  return fs.readdir(path).map((entry) => entry.name).sort();
}

const CASES: Record<string, Record<string, Case>> = {
  lstat: {
    "lstat of / reports a directory": (fs) => {
      expect(fs.lstat("/").mode & S_IFMT).toBe(S_IFDIR);
    },
    "lstat of a written file reports its type, permission bits, size and one link": (fs) => {
      writeFile(fs, `${D}/f`, "hello", 0o640);
      const st = fs.lstat(`${D}/f`);
      expect([st.mode & S_IFMT, st.mode & 0o7777, st.size, st.nlink]).toEqual([S_IFREG, 0o640, 5, 1]);
    },
    "lstat of a missing path fails with ENOENT naming the path": (fs, expectErrno) => {
      expectErrno(() => fs.lstat(`${D}/missing`), "ENOENT", `${D}/missing`);
    },
    "lstat through a regular file fails with ENOTDIR": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.lstat(`${D}/f/x`), "ENOTDIR", `${D}/f/x`);
    },
    "lstat of a symlink reports the link itself, sized by its target": (fs) => {
      fs.symlink("target-name", `${D}/l`);
      const st = fs.lstat(`${D}/l`);
      expect([st.mode & S_IFMT, st.size]).toEqual([S_IFLNK, 11]);
    },
    "a symlink in a parent position is never followed and gives ELOOP": (fs, expectErrno) => {
      fs.mkdir(`${D}/dir`, 0o755);
      writeFile(fs, `${D}/dir/f`, "x");
      fs.symlink("dir", `${D}/l`);
      expectErrno(() => fs.lstat(`${D}/l/f`), "ELOOP", `${D}/l/f`);
      expectErrno(() => fs.open(`${D}/l/f`, O_RDONLY, 0), "ELOOP", `${D}/l/f`);
      expectErrno(() => fs.mkdir(`${D}/l/new`, 0o755), "ELOOP", `${D}/l/new`);
    },
    "distinct files have distinct inode numbers and a file keeps its own": (fs) => {
      writeFile(fs, `${D}/a`, "");
      writeFile(fs, `${D}/b`, "");
      const a = fs.lstat(`${D}/a`).ino;
      expect(fs.lstat(`${D}/b`).ino).not.toBe(a);
      expect(fs.lstat(`${D}/a`).ino).toBe(a);
    },
  },
  readdir: {
    "readdir lists entries with their types and without . and ..": (fs) => {
      fs.mkdir(`${D}/sub`, 0o755);
      writeFile(fs, `${D}/file`, "");
      fs.symlink("nowhere", `${D}/link`);
      const entries = fs.readdir(D).map(({ name, type }) => ({ name, type }));
      entries.sort((x, y) => x.name.localeCompare(y.name));
      expect(entries).toEqual([
        { name: "file", type: "file" },
        { name: "link", type: "symlink" },
        { name: "sub", type: "directory" },
      ]);
    },
    "readdir of a file fails with ENOTDIR and of a missing path with ENOENT": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.readdir(`${D}/f`), "ENOTDIR", `${D}/f`);
      expectErrno(() => fs.readdir(`${D}/none`), "ENOENT", `${D}/none`);
    },
  },
  mkdir: {
    "mkdir creates a directory with exactly the given permission bits": (fs) => {
      fs.mkdir(`${D}/a`, 0o777);
      fs.mkdir(`${D}/b`, 0o1750);
      expect(fs.lstat(`${D}/a`).mode).toBe(S_IFDIR | 0o777);
      expect(fs.lstat(`${D}/b`).mode).toBe(S_IFDIR | 0o1750);
      expect(fs.readdir(`${D}/a`)).toEqual([]);
    },
    "mkdir fails with EEXIST on an existing name and ENOENT under a missing parent": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.mkdir(`${D}/f`, 0o755), "EEXIST", `${D}/f`);
      expectErrno(() => fs.mkdir("/", 0o755), "EEXIST", "/");
      expectErrno(() => fs.mkdir(`${D}/no/sub`, 0o755), "ENOENT", `${D}/no/sub`);
    },
  },
  remove: {
    "rmdir removes an empty directory": (fs) => {
      fs.mkdir(`${D}/a`, 0o755);
      fs.rmdir(`${D}/a`);
      expect(names(fs, D)).toEqual([]);
    },
    "rmdir fails with ENOTEMPTY, ENOTDIR and ENOENT": (fs, expectErrno) => {
      fs.mkdir(`${D}/a`, 0o755);
      writeFile(fs, `${D}/a/f`, "");
      expectErrno(() => fs.rmdir(`${D}/a`), "ENOTEMPTY", `${D}/a`);
      expectErrno(() => fs.rmdir(`${D}/a/f`), "ENOTDIR", `${D}/a/f`);
      expectErrno(() => fs.rmdir(`${D}/b`), "ENOENT", `${D}/b`);
    },
    "unlink removes a file and fails with EISDIR on a directory": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      fs.unlink(`${D}/f`);
      expectErrno(() => fs.lstat(`${D}/f`), "ENOENT", `${D}/f`);
      fs.mkdir(`${D}/d`, 0o755);
      expectErrno(() => fs.unlink(`${D}/d`), "EISDIR", `${D}/d`);
      expectErrno(() => fs.unlink(`${D}/f`), "ENOENT", `${D}/f`);
    },
    "unlink of a symlink removes the link and leaves its target": (fs) => {
      writeFile(fs, `${D}/f`, "kept");
      fs.symlink("f", `${D}/l`);
      fs.unlink(`${D}/l`);
      expect(names(fs, D)).toEqual(["f"]);
      expect(readFile(fs, `${D}/f`)).toBe("kept");
    },
  },
  rename: {
    "rename moves a file and its contents": (fs) => {
      writeFile(fs, `${D}/a`, "content");
      fs.mkdir(`${D}/d`, 0o755);
      fs.rename(`${D}/a`, `${D}/d/b`);
      expect(names(fs, D)).toEqual(["d"]);
      expect(readFile(fs, `${D}/d/b`)).toBe("content");
    },
    "rename replaces an existing file": (fs) => {
      writeFile(fs, `${D}/a`, "new");
      writeFile(fs, `${D}/b`, "old");
      fs.rename(`${D}/a`, `${D}/b`);
      expect(names(fs, D)).toEqual(["b"]);
      expect(readFile(fs, `${D}/b`)).toBe("new");
    },
    "rename moves a directory with everything under it": (fs) => {
      fs.mkdir(`${D}/a`, 0o755);
      fs.mkdir(`${D}/a/b`, 0o755);
      writeFile(fs, `${D}/a/b/f`, "deep");
      fs.rename(`${D}/a`, `${D}/z`);
      expect(readFile(fs, `${D}/z/b/f`)).toBe("deep");
      expect(names(fs, D)).toEqual(["z"]);
    },
    "rename of a directory replaces an empty directory only": (fs, expectErrno) => {
      fs.mkdir(`${D}/a`, 0o755);
      fs.mkdir(`${D}/empty`, 0o755);
      fs.mkdir(`${D}/full`, 0o755);
      writeFile(fs, `${D}/full/f`, "");
      expectErrno(() => fs.rename(`${D}/a`, `${D}/full`), "ENOTEMPTY", `${D}/full`);
      fs.rename(`${D}/a`, `${D}/empty`);
      expect(names(fs, D)).toEqual(["empty", "full"]);
    },
    "rename between a file and a directory fails with ENOTDIR or EISDIR": (fs, expectErrno) => {
      fs.mkdir(`${D}/d`, 0o755);
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.rename(`${D}/d`, `${D}/f`), "ENOTDIR", `${D}/f`);
      expectErrno(() => fs.rename(`${D}/f`, `${D}/d`), "EISDIR", `${D}/d`);
    },
    "rename of a directory into itself fails with EINVAL": (fs, expectErrno) => {
      fs.mkdir(`${D}/d`, 0o755);
      fs.mkdir(`${D}/d/sub`, 0o755);
      expectErrno(() => fs.rename(`${D}/d`, `${D}/d/sub/d`), "EINVAL", `${D}/d/sub/d`);
      expect(names(fs, `${D}/d`)).toEqual(["sub"]);
    },
    "rename of the root fails with EBUSY and of a missing path with ENOENT": (fs, expectErrno) => {
      expectErrno(() => fs.rename("/", `${D}/root`), "EBUSY", "/");
      expectErrno(() => fs.rename(`${D}/none`, `${D}/x`), "ENOENT", `${D}/none`);
    },
    "rename of a hard link onto another link of the same file changes nothing": (fs) => {
      writeFile(fs, `${D}/a`, "same");
      fs.link(`${D}/a`, `${D}/b`);
      fs.rename(`${D}/a`, `${D}/b`);
      expect(names(fs, D)).toEqual(["a", "b"]);
    },
    "rename moves a symlink without following it": (fs) => {
      fs.symlink("../elsewhere", `${D}/l`);
      fs.rename(`${D}/l`, `${D}/m`);
      expect(fs.readlink(`${D}/m`)).toBe("../elsewhere");
    },
  },
  links: {
    "a hard link shares contents and inode, and outlives the original name": (fs) => {
      writeFile(fs, `${D}/a`, "shared");
      fs.link(`${D}/a`, `${D}/b`);
      expect(fs.lstat(`${D}/b`).ino).toBe(fs.lstat(`${D}/a`).ino);
      expect(fs.lstat(`${D}/a`).nlink).toBe(2);
      fs.unlink(`${D}/a`);
      expect(readFile(fs, `${D}/b`)).toBe("shared");
      expect(fs.lstat(`${D}/b`).nlink).toBe(1);
    },
    "link fails with EPERM on a directory and EEXIST on an existing name": (fs, expectErrno) => {
      fs.mkdir(`${D}/d`, 0o755);
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.link(`${D}/d`, `${D}/d2`), "EPERM", `${D}/d`);
      expectErrno(() => fs.link(`${D}/f`, `${D}/d`), "EEXIST", `${D}/d`);
    },
    "symlink stores its target verbatim, dangling or absolute": (fs) => {
      fs.symlink("../../x/./y", `${D}/rel`);
      fs.symlink("/etc/passwd", `${D}/abs`);
      expect(fs.readlink(`${D}/rel`)).toBe("../../x/./y");
      expect(fs.readlink(`${D}/abs`)).toBe("/etc/passwd");
    },
    "symlink fails with EEXIST on an existing name and readlink of a file with EINVAL": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      expectErrno(() => fs.symlink("x", `${D}/f`), "EEXIST", `${D}/f`);
      expectErrno(() => fs.readlink(`${D}/f`), "EINVAL", `${D}/f`);
    },
    "open of a symlink fails with ELOOP instead of following it": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "secret");
      fs.symlink("f", `${D}/l`);
      expectErrno(() => fs.open(`${D}/l`, O_RDONLY, 0), "ELOOP", `${D}/l`);
      expectErrno(() => fs.open(`${D}/l`, O_WRONLY | O_CREAT | O_TRUNC, 0o644), "ELOOP", `${D}/l`);
      expect(readFile(fs, `${D}/f`)).toBe("secret");
    },
  },
  attributes: {
    "chmod sets permission bits and keeps the file type": (fs) => {
      writeFile(fs, `${D}/f`, "");
      fs.chmod(`${D}/f`, 0o4711);
      expect(fs.lstat(`${D}/f`).mode).toBe(S_IFREG | 0o4711);
    },
    "chmod of a symlink fails with ENOTSUP and leaves its target alone": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "", 0o600);
      fs.symlink("f", `${D}/l`);
      expectErrno(() => fs.chmod(`${D}/l`, 0o777), "ENOTSUP", `${D}/l`);
      expect(fs.lstat(`${D}/f`).mode & 0o7777).toBe(0o600);
    },
    "utimes sets access and modification times to the millisecond": (fs) => {
      writeFile(fs, `${D}/f`, "");
      fs.utimes(`${D}/f`, 1_000_000_001_000, 1_200_000_000_500);
      const st = fs.lstat(`${D}/f`);
      expect([st.atimeMs, st.mtimeMs]).toEqual([1_000_000_001_000, 1_200_000_000_500]);
    },
    "utimes of a symlink changes the link, not its target": (fs) => {
      writeFile(fs, `${D}/f`, "");
      fs.utimes(`${D}/f`, 5_000_000_000, 5_000_000_000);
      fs.symlink("f", `${D}/l`);
      fs.utimes(`${D}/l`, 7_000_000_000, 7_000_000_000);
      expect(fs.lstat(`${D}/l`).mtimeMs).toBe(7_000_000_000);
      expect(fs.lstat(`${D}/f`).mtimeMs).toBe(5_000_000_000);
    },
    "writing a file moves its modification time forward": (fs) => {
      writeFile(fs, `${D}/f`, "");
      fs.utimes(`${D}/f`, 1_000_000_000, 1_000_000_000);
      const file = fs.open(`${D}/f`, O_WRONLY, 0);
      file.write(enc.encode("x"), 0);
      file.close();
      expect(fs.lstat(`${D}/f`).mtimeMs).toBeGreaterThan(1_000_000_000);
    },
  },
  open: {
    "open with O_CREAT creates an empty file with the given mode": (fs) => {
      fs.open(`${D}/f`, O_WRONLY | O_CREAT, 0o600).close();
      const st = fs.lstat(`${D}/f`);
      expect([st.mode, st.size]).toEqual([S_IFREG | 0o600, 0]);
    },
    "open fails with EEXIST, ENOENT and EISDIR": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "");
      fs.mkdir(`${D}/d`, 0o755);
      expectErrno(() => fs.open(`${D}/f`, O_WRONLY | O_CREAT | O_EXCL, 0o644), "EEXIST", `${D}/f`);
      expectErrno(() => fs.open(`${D}/none`, O_RDONLY, 0), "ENOENT", `${D}/none`);
      expectErrno(() => fs.open(`${D}/d`, O_RDONLY, 0), "EISDIR", `${D}/d`);
      expectErrno(() => fs.open(`${D}/no/f`, O_WRONLY | O_CREAT, 0o644), "ENOENT", `${D}/no/f`);
    },
    "open with O_TRUNC empties the file": (fs) => {
      writeFile(fs, `${D}/f`, "long content");
      fs.open(`${D}/f`, O_WRONLY | O_TRUNC, 0).close();
      expect(fs.lstat(`${D}/f`).size).toBe(0);
    },
    "positional writes and reads return exactly the bytes, zero-filling gaps": (fs) => {
      const file = fs.open(`${D}/f`, O_RDWR | O_CREAT, 0o644);
      expect(file.write(enc.encode("abc"), 0)).toBe(3);
      expect(file.write(enc.encode("Z"), 5)).toBe(1);
      const buffer = new Uint8Array(10);
      expect(file.read(buffer, 0)).toBe(6);
      expect(Array.from(buffer.subarray(0, 6))).toEqual([97, 98, 99, 0, 0, 90]);
      expect(file.read(buffer, 6)).toBe(0);
      expect(file.read(buffer.subarray(0, 2), 1)).toBe(2);
      expect(dec.decode(buffer.subarray(0, 2))).toBe("bc");
      expect(file.stat().size).toBe(6);
      file.close();
    },
    "a handle refuses the access its mode does not grant with EBADF": (fs, expectErrno) => {
      writeFile(fs, `${D}/f`, "data");
      const reader = fs.open(`${D}/f`, O_RDONLY, 0);
      expectErrno(() => reader.write(enc.encode("x"), 0), "EBADF", `${D}/f`);
      reader.close();
      const writer = fs.open(`${D}/f`, O_WRONLY, 0);
      expectErrno(() => writer.read(new Uint8Array(4), 0), "EBADF", `${D}/f`);
      writer.close();
      expect(readFile(fs, `${D}/f`)).toBe("data");
    },
    "truncate through a handle shrinks and zero-extends": (fs) => {
      writeFile(fs, `${D}/f`, "abcdef");
      const file = fs.open(`${D}/f`, O_RDWR, 0);
      file.truncate(2);
      file.truncate(4);
      const buffer = new Uint8Array(8);
      expect(Array.from(buffer.subarray(0, file.read(buffer, 0)))).toEqual([97, 98, 0, 0]);
      file.close();
    },
    "a handle keeps reading and writing after its file is unlinked": (fs) => {
      writeFile(fs, `${D}/f`, "before");
      const file = fs.open(`${D}/f`, O_RDWR, 0);
      fs.unlink(`${D}/f`);
      file.write(enc.encode("after!"), 0);
      const buffer = new Uint8Array(6);
      file.read(buffer, 0);
      expect(dec.decode(buffer)).toBe("after!");
      expect(file.stat().nlink).toBe(0);
      file.close();
      expect(names(fs, D)).toEqual([]);
    },
    "a handle follows its file across a rename": (fs) => {
      writeFile(fs, `${D}/a`, "");
      const file = fs.open(`${D}/a`, O_WRONLY, 0);
      fs.rename(`${D}/a`, `${D}/b`);
      file.write(enc.encode("moved"), 0);
      file.close();
      expect(readFile(fs, `${D}/b`)).toBe("moved");
    },
    "closing a handle twice fails with EBADF": (fs, expectErrno) => {
      const file = fs.open(`${D}/f`, O_WRONLY | O_CREAT, 0o644);
      file.close();
      expectErrno(() => file.close(), "EBADF", `${D}/f`);
    },
  },
  paths: {
    "a relative or unnormalized path fails with EINVAL": (fs, expectErrno) => {
      expectErrno(() => fs.lstat("fs-suite"), "EINVAL", "fs-suite");
      expectErrno(() => fs.lstat(`${D}/../fs-suite`), "EINVAL", `${D}/../fs-suite`);
      expectErrno(() => fs.mkdir(`${D}/./x`, 0o755), "EINVAL", `${D}/./x`);
    },
    "a path with a NUL byte fails with EINVAL": (fs) => {
      let caught: unknown;
      try {
        fs.lstat(`${D}/a\0b`);
      } catch (err) {
        caught = err;
      }
      expect(isKernelError(caught, "EINVAL")).toBe(true);
    },
    "a component longer than 255 bytes fails with ENAMETOOLONG": (fs, expectErrno) => {
      const long = `${D}/${"n".repeat(256)}`;
      expectErrno(() => fs.mkdir(long, 0o755), "ENAMETOOLONG", long);
      fs.mkdir(`${D}/${"n".repeat(255)}`, 0o755);
    },
    "NAME_MAX counts bytes: 128 two-byte characters are too long, 127 fit": (fs, expectErrno) => {
      const long = `${D}/${"é".repeat(128)}`;
      expectErrno(() => fs.mkdir(long, 0o755), "ENAMETOOLONG", long);
      fs.mkdir(`${D}/${"é".repeat(127)}`, 0o755);
      expect(names(fs, D)).toEqual(["é".repeat(127)]);
    },
    "a path longer than 4096 bytes fails with ENAMETOOLONG": (fs, expectErrno) => {
      const long = `${D}${"/d".repeat(2100)}`;
      expectErrno(() => fs.lstat(long), "ENAMETOOLONG", long);
    },
  },
};

/** Registers the contract cases (vitest `describe`/`it`) for a backend. */
export function defineFileSystemSuite(
  name: string,
  factory: () => VirtualFileSystem | Promise<VirtualFileSystem>,
  options: FileSystemSuiteOptions = {},
): void {
  const skip = options.skip ?? {};
  const known = new Set(Object.values(CASES).flatMap((group) => Object.keys(group)));
  const unknown = Object.keys(skip).filter((caseName) => !known.has(caseName));
  if (unknown.length > 0) throw new Error(`defineFileSystemSuite(${name}): skip names no case: ${unknown.join(", ")}`);

  describe(`file-system contract: ${name}`, () => {
    let fs: VirtualFileSystem;
    const expectErrno: ExpectErrno = (action, code, path) => {
      let caught: unknown;
      try {
        action();
      } catch (err) {
        caught = err;
      }
      expect(isKernelError(caught), `expected KernelError ${code}, got ${String(caught)}`).toBe(true);
      const err = caught as Error & { code: string; path?: string };
      expect({ code: err.code, path: err.path }).toEqual({ code, path });
      expect(err.message).toContain(`'${path}'`);
      for (const text of options.hiddenText?.() ?? []) expect(err.message).not.toContain(text);
    };

    beforeEach(async () => {
      fs = await factory();
      fs.mkdir(D, 0o755);
    });
    afterEach(async () => {
      fs.dispose?.();
      await options.cleanup?.();
    });

    for (const [group, cases] of Object.entries(CASES)) {
      describe(group, () => {
        for (const [caseName, run] of Object.entries(cases)) {
          const reason = skip[caseName];
          if (reason !== undefined) it.skip(`${caseName} (skipped: ${reason})`, () => {});
          else it(caseName, () => run(fs, expectErrno));
        }
      });
    }
  });
}
