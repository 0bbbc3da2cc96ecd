import { describe, expect, it } from "vitest";
import { expandGlob } from "../../src/shell/glob.js";
import type { KernelVfs, VfsStat } from "../../src/vfs/types.js";

/** A read-only KernelVfs over a list of paths (directories end with "/"). */
function fakeVfs(paths: string[]): KernelVfs {
  const dirs = new Set<string>(["/"]);
  const files = new Set<string>();
  for (const p of paths) {
    const clean = p.replace(/\/$/, "");
    (p.endsWith("/") ? dirs : files).add(clean);
    for (let i = clean.indexOf("/", 1); i > 0; i = clean.indexOf("/", i + 1)) dirs.add(clean.slice(0, i));
  }
  const stat = async (path: string): Promise<VfsStat> => {
    if (!dirs.has(path) && !files.has(path)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return { mode: dirs.has(path) ? 0o040755 : 0o100644 } as VfsStat;
  };
  const readdir = async (path: string): Promise<string[]> => {
    const prefix = path === "/" ? "/" : path + "/";
    const names = [...dirs, ...files].filter((p) => p.startsWith(prefix) && p !== path && !p.slice(prefix.length).includes("/"));
    return names.map((p) => p.slice(prefix.length)).sort();
  };
  const readdirWithTypes = async (path: string) =>
    (await readdir(path)).map((name) => ({ name, type: dirs.has(`${path === "/" ? "" : path}/${name}`) ? "directory" : "file" }));
  return { stat, lstat: stat, readdir, readdirWithTypes } as unknown as KernelVfs;
}

const vfs = fakeVfs(["/w/b.txt", "/w/a.txt", "/w/.hidden.txt", "/w/c.md", "/w/sub/x.txt", "/w/sub/y.md", "/w/other/x.txt", "/w/emptydir/"]);

describe("expandGlob", () => {
  it("returns sorted matches relative to the working directory", async () => {
    expect(await expandGlob(vfs, "/w", "*.txt")).toEqual(["a.txt", "b.txt"]);
  });

  it("matches dot files only with a leading literal dot", async () => {
    expect(await expandGlob(vfs, "/w", ".*.txt")).toEqual([".hidden.txt"]);
  });

  it("matches across directory components, keeping only directories in the middle", async () => {
    expect(await expandGlob(vfs, "/w", "*/x.txt")).toEqual(["other/x.txt", "sub/x.txt"]);
    expect(await expandGlob(vfs, "/", "/w/s*/*.md")).toEqual(["/w/sub/y.md"]);
    expect(await expandGlob(vfs, "/w", "*/")).toEqual(["emptydir/", "other/", "sub/"]);
  });

  it("returns nothing when nothing matches", async () => {
    expect(await expandGlob(vfs, "/w", "*.zip")).toEqual([]);
    expect(await expandGlob(vfs, "/w", "nope/*")).toEqual([]);
  });

  it("matches any depth with globstar's **, listing dir/ itself for dir/** and only directories for **/", async () => {
    const deep = fakeVfs(["/g/a/x.txt", "/g/a/b/y.txt", "/g/top.txt"]);
    expect(await expandGlob(deep, "/g", "**/*.txt", { globstar: true })).toEqual(["a/b/y.txt", "a/x.txt", "top.txt"]);
    expect(await expandGlob(deep, "/g", "a/**", { globstar: true })).toEqual(["a/", "a/b", "a/b/y.txt", "a/x.txt"]);
    expect(await expandGlob(deep, "/g", "**/", { globstar: true })).toEqual(["a/", "a/b/"]);
  });

  it("treats backslash-quoted pattern characters literally", async () => {
    expect(await expandGlob(vfs, "/w", "\\*.txt")).toEqual([]);
  });
});
