import { execFileSync } from "node:child_process";
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, S_IFLNK, S_IFMT, isKernelError, type VirtualFileSystem } from "@secure-exec/kernel";
import { createNodeFileSystem } from "../src/index.js";
import { HostRoot } from "../src/host-root.js";
import { makeHostTree, snapshot, type HostTree } from "./host-tree.js";

/** Whether this process may create device nodes (root with CAP_MKNOD). */
function canMknod(): boolean {
  const probe = join(tmpdir(), `os-node-mknod-${process.pid}`);
  try {
    execFileSync("mknod", [probe, "c", "1", "3"], { stdio: "ignore" });
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

let tree: HostTree;
let fs: VirtualFileSystem;
let before: string;

function errorOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (err) {
    if (!isKernelError(err)) throw err;
    expect(err.message).not.toContain(tree.base);
    return { code: err.code, message: err.message };
  }
  throw new Error("expected a KernelError");
}

beforeEach(() => {
  tree = makeHostTree();
  fs = createNodeFileSystem({ root: tree.root });
  before = snapshot(tree.outside);
});

afterEach(() => {
  fs.dispose?.();
  expect(snapshot(tree.outside)).toBe(before);
  expect(readFileSync(tree.sentinel, "utf8")).toBe("host secret\n");
  tree.remove();
});

describe("confinement of createNodeFileSystem", () => {
  it("maps / to the root folder and nothing above it", () => {
    writeFileSync(join(tree.root, "inside.txt"), "in");
    expect(fs.readdir("/").map((e) => e.name)).toEqual(["inside.txt"]);
  });

  it("refuses .. and relative paths with EINVAL", () => {
    expect(errorOf(() => fs.lstat("/../outside/secret.txt")).code).toBe("EINVAL");
    expect(errorOf(() => fs.open("/../outside/secret.txt", O_RDONLY, 0)).code).toBe("EINVAL");
    expect(errorOf(() => fs.readdir("..")).code).toBe("EINVAL");
  });

  it("does not follow a host symlink that points outside, absolutely or relatively", () => {
    symlinkSync(tree.outside, join(tree.root, "abs"));
    symlinkSync("../outside", join(tree.root, "rel"));
    for (const link of ["/abs", "/rel"]) {
      expect(fs.lstat(link).mode & S_IFMT).toBe(S_IFLNK);
      expect(errorOf(() => fs.open(`${link}/secret.txt`, O_RDONLY, 0)).code).toBe("ELOOP");
      expect(errorOf(() => fs.readdir(link)).code).toBe("ENOTDIR");
      expect(errorOf(() => fs.lstat(`${link}/secret.txt`)).code).toBe("ELOOP");
      expect(errorOf(() => fs.open(`${link}/new.txt`, O_WRONLY | O_CREAT, 0o644)).code).toBe("ELOOP");
      expect(errorOf(() => fs.mkdir(`${link}/dir`, 0o755)).code).toBe("ELOOP");
      expect(errorOf(() => fs.unlink(`${link}/secret.txt`)).code).toBe("ELOOP");
      expect(errorOf(() => fs.chmod(link, 0o777)).code).toBe("ENOTSUP");
    }
    symlinkSync(tree.sentinel, join(tree.root, "file-link"));
    expect(errorOf(() => fs.open("/file-link", O_RDWR | O_TRUNC, 0)).code).toBe("ELOOP");
  });

  it("stores a guest symlink to a host path verbatim and never follows it", () => {
    fs.symlink(tree.outside, "/to-host");
    expect(fs.readlink("/to-host")).toBe(tree.outside);
    expect(errorOf(() => fs.open("/to-host/secret.txt", O_RDONLY, 0)).code).toBe("ELOOP");
    expect(errorOf(() => fs.link("/to-host/secret.txt", "/stolen")).code).toBe("ELOOP");
    expect(errorOf(() => fs.rename("/to-host/secret.txt", "/stolen")).code).toBe("ELOOP");
  });

  it("refuses a rename or hard link whose destination goes through a symlink out of root", () => {
    symlinkSync(tree.outside, join(tree.root, "out"));
    writeFileSync(join(tree.root, "mine.txt"), "mine");
    expect(errorOf(() => fs.rename("/mine.txt", "/out/secret.txt")).code).toBe("ELOOP");
    expect(errorOf(() => fs.link("/mine.txt", "/out/linked.txt")).code).toBe("ELOOP");
    expect(errorOf(() => fs.symlink("x", "/out/made")).code).toBe("ELOOP");
  });

  it("notices a folder swapped for a symlink after an earlier call", () => {
    mkdirSync(join(tree.root, "d"));
    writeFileSync(join(tree.root, "d", "f"), "inside");
    expect(fs.lstat("/d/f").size).toBe(6);
    renameSync(join(tree.root, "d"), join(tree.root, "d-old"));
    symlinkSync(tree.outside, join(tree.root, "d"));
    expect(errorOf(() => fs.lstat("/d/secret.txt")).code).toBe("ELOOP");
    expect(errorOf(() => fs.open("/d/secret.txt", O_WRONLY | O_TRUNC, 0)).code).toBe("ELOOP");
  });

  it("refuses the root folder once it has been replaced by another directory", () => {
    renameSync(tree.root, join(tree.base, "moved"));
    mkdirSync(tree.root);
    expect(errorOf(() => fs.readdir("/")).code).toBe("EACCES");
  });

  it("refuses a FIFO with EACCES without blocking", () => {
    execFileSync("mkfifo", [join(tree.root, "fifo")]);
    expect(fs.readdir("/")).toEqual([{ name: "fifo", type: "pipe" }]);
    expect(errorOf(() => fs.open("/fifo", O_RDONLY, 0)).code).toBe("EACCES");
    expect(errorOf(() => fs.open("/fifo", O_RDWR, 0)).code).toBe("EACCES");
  });

  it.skipIf(!canMknod())("refuses a host character device with EACCES (needs CAP_MKNOD)", () => {
    execFileSync("mknod", [join(tree.root, "zero"), "c", "1", "5"]);
    expect(fs.readdir("/")).toEqual([{ name: "zero", type: "chardev" }]);
    expect(errorOf(() => fs.open("/zero", O_RDONLY, 0)).code).toBe("EACCES");
    expect(errorOf(() => fs.open("/zero", O_WRONLY | O_TRUNC, 0)).code).toBe("EACCES");
  });

  it("refuses an opened descriptor that lies outside the root, by /proc and by inode", () => {
    for (const useProcFd of [true, false]) {
      const root = new HostRoot(tree.root, useProcFd);
      writeFileSync(join(tree.root, "decoy"), "");
      const fd = openSync(tree.sentinel, "r");
      try {
        expect(errorOf(() => root.verifyDescriptor(fd, "open", "/decoy")).code).toBe("EACCES");
      } finally {
        closeSync(fd);
      }
      const inside = openSync(join(tree.root, "decoy"), "r");
      try {
        expect(() => root.verifyDescriptor(inside, "open", "/decoy")).not.toThrow();
      } finally {
        closeSync(inside);
      }
    }
  });

  it("shares an inode only with hard links the host made inside the root itself", () => {
    writeFileSync(join(tree.root, "a"), "data");
    linkSync(join(tree.root, "a"), join(tree.root, "b"));
    expect(fs.lstat("/b").nlink).toBe(2);
    fs.link("/a", "/c");
    expect(fs.lstat("/a").nlink).toBe(3);
  });

  it("sets modes exactly as asked, whatever the host umask", () => {
    fs.mkdir("/open-dir", 0o777);
    fs.open("/open-file", O_WRONLY | O_CREAT, 0o666).close();
    expect(statSync(join(tree.root, "open-dir")).mode & 0o7777).toBe(0o777);
    expect(statSync(join(tree.root, "open-file")).mode & 0o7777).toBe(0o666);
  });

  it("leaves a file whole when O_TRUNC comes with a read-only open", () => {
    writeFileSync(join(tree.root, "f"), "keep");
    fs.open("/f", O_RDONLY | O_TRUNC, 0).close();
    expect(readFileSync(join(tree.root, "f"), "utf8")).toBe("keep");
  });

  it("closes every open handle on dispose", () => {
    const file = fs.open("/f", O_RDWR | O_CREAT, 0o644);
    fs.dispose?.();
    expect(errorOf(() => file.read(new Uint8Array(1), 0)).code).toBe("EBADF");
  });

  it("names the guest path in every error, never the host path", () => {
    expect(errorOf(() => fs.lstat("/missing/file")).message).toBe("ENOENT: no such file or directory, lstat '/missing/file'");
    expect(errorOf(() => fs.rmdir("/")).message).toBe("EBUSY: device or resource busy, rmdir '/'");
  });
});

describe("createNodeFileSystem options", () => {
  it("fails for a root that does not exist or is not a directory", () => {
    expect(() => createNodeFileSystem({ root: join(tree.base, "nope") })).toThrow(/does not exist/);
    expect(() => createNodeFileSystem({ root: tree.sentinel })).toThrow(/is not a directory/);
    expect(() => createNodeFileSystem({ root: "" })).toThrow(TypeError);
  });

  it("resolves a root given as a symlink once, at creation", () => {
    symlinkSync(tree.root, join(tree.base, "root-link"));
    writeFileSync(join(tree.root, "f"), "x");
    const viaLink = createNodeFileSystem({ root: join(tree.base, "root-link") });
    expect(viaLink.readdir("/").map((e) => e.name)).toEqual(["f"]);
  });
});
