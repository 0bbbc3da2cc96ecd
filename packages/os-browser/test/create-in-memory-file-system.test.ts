import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { O_CREAT, O_RDONLY, O_RDWR, S_IFDIR } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "../src/index.js";

describe("createInMemoryFileSystem", () => {
  it("starts with the Unix skeleton under /", () => {
    const fs = createInMemoryFileSystem();
    expect(fs.readdir("/").map((e) => e.name).sort()).toEqual(["bin", "dev", "etc", "home", "tmp", "usr"]);
    expect(fs.readdir("/home").map((e) => e.name)).toEqual(["user"]);
    expect(fs.readdir("/usr").map((e) => e.name)).toEqual(["bin"]);
    expect(fs.lstat("/").mode).toBe(S_IFDIR | 0o755);
    expect(fs.lstat("/home/user").mode).toBe(S_IFDIR | 0o755);
  });

  it("makes /tmp world-writable and sticky", () => {
    expect(createInMemoryFileSystem().lstat("/tmp").mode).toBe(S_IFDIR | 0o1777);
  });

  it("with empty: true holds only /", () => {
    expect(createInMemoryFileSystem({ empty: true }).readdir("/")).toEqual([]);
  });

  it("counts two links plus one per subdirectory on a directory", () => {
    const fs = createInMemoryFileSystem();
    expect(fs.lstat("/").nlink).toBe(8);
    expect(fs.lstat("/tmp").nlink).toBe(2);
    fs.mkdir("/tmp/a", 0o755);
    expect(fs.lstat("/tmp").nlink).toBe(3);
    fs.rename("/tmp/a", "/home/a");
    expect([fs.lstat("/tmp").nlink, fs.lstat("/home").nlink]).toEqual([2, 4]);
  });

  it("gives every inode the configured owner", () => {
    const fs = createInMemoryFileSystem({ uid: 1000, gid: 100 });
    fs.open("/tmp/f", O_CREAT | O_RDWR, 0o644).close();
    const st = fs.lstat("/tmp/f");
    expect([st.uid, st.gid, fs.lstat("/").uid]).toEqual([1000, 100, 1000]);
  });

  it("keeps two file systems apart, each with its own device number", () => {
    const a = createInMemoryFileSystem();
    const b = createInMemoryFileSystem();
    a.mkdir("/tmp/only-in-a", 0o755);
    expect(b.readdir("/tmp")).toEqual([]);
    expect(a.lstat("/").dev).not.toBe(b.lstat("/").dev);
  });

  it("reads back 1 MiB written in 4 KiB chunks byte for byte", () => {
    const fs = createInMemoryFileSystem();
    const file = fs.open("/tmp/big", O_CREAT | O_RDWR, 0o644);
    const chunk = new Uint8Array(4096);
    for (let i = 0; i < 256; i++) {
      chunk.fill(i);
      file.write(chunk, i * 4096);
    }
    file.close();
    const reader = fs.open("/tmp/big", O_RDONLY, 0);
    const all = new Uint8Array(1 << 20);
    expect(reader.read(all, 0)).toBe(1 << 20);
    expect([all[0], all[4095], all[4096], all[(1 << 20) - 1]]).toEqual([0, 0, 1, 255]);
    reader.close();
  });

  it("frees an unlinked file's inode number only after its last handle closes", () => {
    const fs = createInMemoryFileSystem();
    fs.open("/tmp/f", O_CREAT | O_RDWR, 0o644).close();
    const ino = fs.lstat("/tmp/f").ino;
    const handle = fs.open("/tmp/f", O_RDONLY, 0);
    fs.unlink("/tmp/f");
    fs.mkdir("/tmp/while-open", 0o755);
    expect(fs.lstat("/tmp/while-open").ino).not.toBe(ino);
    handle.close();
    fs.mkdir("/tmp/after-close", 0o755);
    expect(fs.lstat("/tmp/after-close").ino).toBe(ino);
  });

  it("imports no node: module, so it runs in a browser", () => {
    const dir = new URL("../src/", import.meta.url);
    const sources = readdirSync(dir).map((name) => readFileSync(new URL(name, dir), "utf8"));
    expect(sources.filter((text) => /from\s+["']node:/.test(text))).toEqual([]);
  });
});
