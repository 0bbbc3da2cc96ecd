/**
 * The escape suite's harness. Each attempt runs in a fresh sandbox: a kernel
 * whose root is in memory and whose /work is a host folder (`root`) inside a
 * scratch host tree. Beside `root` the tree holds a sentinel file with a
 * random secret and a few more entries, and inside `root` the host has put
 * traps: symlinks out (absolute and relative), a symlink to the sentinel
 * itself, and a FIFO. After each attempt, `verifyHostUntouched` checks that
 * the host tree outside `root` is exactly as before (every entry's type,
 * mode, size, mtime to the millisecond and contents), that the sentinel still holds its secret,
 * and that nothing the guest saw (outputs, error messages less the path the
 * guest itself named) contains the secret or any host path of the tree.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createKernel, isKernelError, type Kernel, type KernelOptions } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createNodeFileSystem } from "@secure-exec/os-node";

/** A sandbox and the host tree around its /work folder. */
export interface Sandbox {
  kernel: Kernel;
  /** The scratch host tree (its real path). */
  base: string;
  /** The host folder mounted at /work. */
  root: string;
  /** A host folder beside root, holding the sentinel. */
  outside: string;
  /** The sentinel file's host path. */
  sentinel: string;
  /** The random text in the sentinel. */
  secret: string;
  /** Everything the guest produced or was told, for the leak check. */
  seen: string[];
  /** Runs an attempt: "ok" plus its result, or the KernelError code; both recorded in `seen`. */
  attempt(action: () => unknown): Promise<string>;
  /** Runs a command line through the kernel's shell in `cwd`; its output is recorded in `seen`. */
  run(line: string, cwd?: string): Promise<ShellOutcome>;
  /** Disposes the kernel, asserts the host is untouched and nothing leaked, and removes the tree. */
  verifyHostUntouched(): Promise<void>;
}

/** What a command line did. */
export interface ShellOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Every entry under `dir` except `skip`, one line each: path, type and mode, size, mtime, contents or target. */
export function snapshot(dir: string, skip: string): string {
  const lines: string[] = [];
  const walk = (path: string, rel: string): void => {
    if (path === skip) return;
    const st = lstatSync(path);
    let detail = "";
    if (st.isSymbolicLink()) detail = `-> ${readlinkSync(path)}`;
    else if (st.isFile()) detail = JSON.stringify(readFileSync(path, "utf8"));
    lines.push(`${rel} ${st.mode.toString(8)} ${st.size} ${Math.floor(st.mtimeMs)} ${detail}`);
    if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), `${rel}/${name}`);
  };
  walk(dir, ".");
  return lines.join("\n");
}

/** Builds the host tree and the kernel over it. */
export function createSandbox(options: Partial<KernelOptions> = {}): Sandbox {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "escape-")));
  const root = join(base, "root");
  const outside = join(base, "outside");
  const sentinel = join(outside, "secret.txt");
  const secret = `SENTINEL-${randomBytes(8).toString("hex")}`;
  mkdirSync(root);
  mkdirSync(outside);
  mkdirSync(join(outside, "dir"));
  writeFileSync(sentinel, secret);
  writeFileSync(join(base, "beside-root.txt"), secret);
  writeFileSync(join(root, "file.txt"), "inside\n");
  mkdirSync(join(root, "sub"));
  symlinkSync(outside, join(root, "hostlink"));
  symlinkSync("../outside", join(root, "rel"));
  symlinkSync(sentinel, join(root, "direct"));
  execFileSync("mkfifo", [join(root, "fifo")]);

  const kernel = createKernel({
    filesystem: createInMemoryFileSystem(),
    mounts: { "/work": createNodeFileSystem({ root }) },
    onWarning: () => {},
    ...options,
  });
  const before = snapshot(base, root);
  const seen: string[] = [];

  return {
    kernel,
    base,
    root,
    outside,
    sentinel,
    secret,
    seen,
    async attempt(action) {
      try {
        const value = await action();
        const text = typeof value === "string" ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value);
        seen.push(text ?? "");
        return `ok ${text}`;
      } catch (err) {
        if (!isKernelError(err)) throw err;
        // The path an error names is the one the guest gave; only the rest could leak.
        seen.push(err.path === undefined ? err.message : err.message.split(err.path).join("<path>"));
        return err.code;
      }
    },
    async run(line, cwd = "/") {
      const { exitCode, stdout, stderr } = await kernel.exec(line, { cwd });
      seen.push(stdout, stderr);
      return { exitCode, stdout, stderr };
    },
    async verifyHostUntouched() {
      try {
        await kernel.dispose();
        expect(snapshot(base, root)).toBe(before);
        expect(readFileSync(sentinel, "utf8")).toBe(secret);
        for (const text of seen) {
          expect(text).not.toContain(secret);
          expect(text).not.toContain(base);
        }
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
