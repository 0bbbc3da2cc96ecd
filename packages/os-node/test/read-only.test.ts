import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, isKernelError, type VirtualFileSystem } from "@secure-exec/kernel";
import { createNodeFileSystem } from "../src/index.js";
import { makeHostTree, snapshot, type HostTree } from "./host-tree.js";

let tree: HostTree;
let fs: VirtualFileSystem;
let before: string;

beforeEach(() => {
  tree = makeHostTree();
  mkdirSync(join(tree.root, "dir"));
  writeFileSync(join(tree.root, "file"), "content");
  fs = createNodeFileSystem({ root: tree.root, readOnly: true });
  before = snapshot(tree.base);
});

afterEach(() => {
  expect(snapshot(tree.base)).toBe(before);
  tree.remove();
});

const MUTATIONS: Record<string, (fs: VirtualFileSystem) => unknown> = {
  mkdir: (fs) => fs.mkdir("/new", 0o755),
  rmdir: (fs) => fs.rmdir("/dir"),
  unlink: (fs) => fs.unlink("/file"),
  rename: (fs) => fs.rename("/file", "/renamed"),
  link: (fs) => fs.link("/file", "/linked"),
  symlink: (fs) => fs.symlink("file", "/sym"),
  chmod: (fs) => fs.chmod("/file", 0o777),
  utimes: (fs) => fs.utimes("/file", 0, 0),
  "open for writing": (fs) => fs.open("/file", O_WRONLY, 0),
  "open for reading and writing": (fs) => fs.open("/file", O_RDWR, 0),
  "open with O_CREAT": (fs) => fs.open("/created", O_RDONLY | O_CREAT, 0o644),
  "open with O_TRUNC for writing": (fs) => fs.open("/file", O_WRONLY | O_TRUNC, 0),
};

describe("createNodeFileSystem with readOnly", () => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`refuses ${name} with EROFS and changes nothing`, () => {
      let caught: unknown;
      try {
        mutate(fs);
      } catch (err) {
        caught = err;
      }
      expect(isKernelError(caught, "EROFS")).toBe(true);
    });
  }

  it("still lists, stats, reads and resolves links", () => {
    expect(fs.readdir("/").map((e) => e.name).sort()).toEqual(["dir", "file"]);
    expect(fs.lstat("/file").size).toBe(7);
    const file = fs.open("/file", O_RDONLY, 0);
    const buffer = new Uint8Array(7);
    expect(file.read(buffer, 0)).toBe(7);
    file.close();
    expect(new TextDecoder().decode(buffer)).toBe(readFileSync(join(tree.root, "file"), "utf8"));
  });
});
