/**
 * Test helpers: a scratch host tree with a root folder for the file system
 * and a sentinel outside it, and a snapshot of a host tree (every entry's
 * type, mode, size, mtime and contents) to prove that nothing changed.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A scratch tree: `base/root` is mounted, `base/outside/secret.txt` must never change. */
export interface HostTree {
  base: string;
  root: string;
  outside: string;
  sentinel: string;
  remove(): void;
}

/** Creates a fresh scratch tree. */
export function makeHostTree(): HostTree {
  const base = mkdtempSync(join(tmpdir(), "os-node-test-"));
  const root = join(base, "root");
  const outside = join(base, "outside");
  mkdirSync(root);
  mkdirSync(outside);
  const sentinel = join(outside, "secret.txt");
  writeFileSync(sentinel, "host secret\n");
  return { base, root, outside, sentinel, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Every entry under `dir`, one line each, sorted: path, type, mode, size, mtime and contents or link target. */
export function snapshot(dir: string): string {
  const lines: string[] = [];
  const walk = (path: string, rel: string): void => {
    const st = lstatSync(path);
    let detail = "";
    if (st.isSymbolicLink()) detail = `-> ${readlinkSync(path)}`;
    else if (st.isFile()) detail = JSON.stringify(readFileSync(path, "utf8"));
    lines.push(`${rel} ${st.mode.toString(8)} ${st.size} ${st.mtimeMs} ${detail}`);
    if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), `${rel}/${name}`);
  };
  walk(dir, ".");
  return lines.join("\n");
}
