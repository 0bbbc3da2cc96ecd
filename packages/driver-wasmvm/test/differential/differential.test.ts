/**
 * The differential test in the sandbox: every line of cases/*.txt runs
 * through `kernel.exec` (the kernel's shell, the WASI commands) in a fresh
 * copy of the fixture tree, and on the host through `sh -c` with GNU tools
 * in a fresh copy of the same tree; stdout and the exit status must be
 * equal, and stderr must agree as run-native.sh (and README.md) describe. A
 * line whose GNU side lacks a command is skipped, never passed. Lines that
 * still differ are listed in known-failures.txt, so only a regression fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKernel, ExecError, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { S_IFDIR, S_IFLNK, S_IFMT } from "@secure-exec/kernel";

const here = new URL(".", import.meta.url).pathname;
const ENV = { LC_ALL: "C", TZ: "UTC", USER: "user", HOSTNAME: "sandbox" };

interface Case {
  file: string;
  line: number;
  command: string;
  errorCase: boolean;
}

interface Outcome {
  stdout: Buffer;
  stderr: string;
  status: number;
}

function readCases(): Case[] {
  const cases: Case[] = [];
  // DIFFERENTIAL_CASES=files.txt,text.txt runs only those case files (for working on one area).
  const only = process.env.DIFFERENTIAL_CASES?.split(",").filter(Boolean);
  for (const file of readdirSync(join(here, "cases")).filter((f) => f.endsWith(".txt") && (!only || only.includes(f))).sort()) {
    readFileSync(join(here, "cases", file), "utf8").split("\n").forEach((raw, i) => {
      const text = raw.trim();
      if (!text || text.startsWith("#")) return;
      // One line is one case: a trailing backslash would silently split a command across cases.
      if (/(^|[^\\])(\\\\)*\\$/.test(text)) throw new Error(`${file}:${i + 1}: a case must fit on one line`);
      const errorCase = text.startsWith("@stderr ");
      cases.push({ file, line: i + 1, command: errorCase ? text.slice(8) : text, errorCase });
    });
  }
  return cases;
}

const prefixes = (stderr: string) =>
  stderr.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1).map((l) => l.replace(/^([^:]*:).*/, "$1"));

/** Why two outcomes differ, or [] when the line passes. */
function differences(c: Case, ours: Outcome, gnu: Outcome): string[] {
  const why: string[] = [];
  if (!ours.stdout.equals(gnu.stdout)) why.push("stdout differs");
  if (ours.status !== gnu.status) why.push(`exit status ${ours.status}, GNU ${gnu.status}`);
  if (c.errorCase) {
    if (prefixes(ours.stderr).join("\n") !== prefixes(gnu.stderr).join("\n")) why.push("stderr shape differs");
  } else if ((ours.stderr === "") !== (gnu.stderr === "")) {
    why.push(ours.stderr ? "unexpected stderr" : "missing stderr");
  }
  return why;
}

/** Copies a VFS tree, keeping symlinks, hard links, modes and times. */
async function cloneTree(kernel: Kernel, from: string, to: string, links = new Map<number, string>()): Promise<void> {
  const vfs = kernel.vfs;
  const st = await vfs.lstat(from);
  const type = st.mode & S_IFMT;
  if (type === S_IFLNK) {
    await vfs.symlink(await vfs.readlink(from), to);
  } else if (type === S_IFDIR) {
    await vfs.mkdir(to);
    for (const name of await vfs.readdir(from)) await cloneTree(kernel, `${from}/${name}`, `${to}/${name}`, links);
    await vfs.chmod(to, st.mode & 0o7777);
  } else if (st.nlink > 1 && links.has(st.ino)) {
    await vfs.link(links.get(st.ino)!, to);
    return;
  } else {
    await vfs.writeFile(to, await vfs.readFile(from));
    await vfs.chmod(to, st.mode & 0o7777);
    if (st.nlink > 1) links.set(st.ino, to);
  }
  await vfs.utimes(to, st.atimeMs, st.mtimeMs, true);
}

/** Loads a host directory into the VFS (regular files and directories only). */
async function loadHostTree(kernel: Kernel, hostDir: string, to: string): Promise<void> {
  await kernel.vfs.mkdir(to, { recursive: true });
  for (const entry of readdirSync(hostDir, { withFileTypes: true })) {
    const source = join(hostDir, entry.name);
    if (entry.isDirectory()) await loadHostTree(kernel, source, `${to}/${entry.name}`);
    else if (entry.isFile()) await kernel.vfs.writeFile(`${to}/${entry.name}`, readFileSync(source));
  }
}

const cases = readCases();
/** How far the GNU side may run ahead of the sandbox side, in cases. */
const GNU_AHEAD = 6;
const knownFailures = new Set(
  readFileSync(join(here, "known-failures.txt"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")),
);

describe("differential: sandbox commands against GNU", () => {
  let kernel: Kernel;
  let hostTmp: string;
  let finished = false;

  beforeAll(async () => {
    hostTmp = mkdtempSync(join(tmpdir(), "se-differential-"));
    cpSync(join(here, "fixtures"), join(hostTmp, "pristine"), { recursive: true });
    const made = spawnSync("sh", [join(here, "make-fixtures.sh"), join(hostTmp, "pristine")], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`make-fixtures.sh failed on the host: ${made.stderr}`);

    kernel = createKernel({ filesystem: createInMemoryFileSystem(), env: { PATH: "/bin:/usr/bin", ...ENV } });
    await kernel.mount(createWasmVmRuntime({ workerUrl: inject("workerUrl") }));
    await loadHostTree(kernel, join(here, "fixtures"), "/pristine");
    await kernel.writeFile("/make-fixtures.sh", readFileSync(join(here, "make-fixtures.sh")));
    const inside = await kernel.exec("sh /make-fixtures.sh /pristine");
    if (inside.exitCode !== 0) throw new Error(`make-fixtures.sh failed in the sandbox: ${inside.stderr}`);
  }, 120_000);

  afterAll(async () => {
    finished = true;
    await kernel?.dispose();
    if (hostTmp) {
      spawnSync("chmod", ["-R", "u+rwx", hostTmp]);
      rmSync(hostTmp, { recursive: true, force: true });
    }
  });

  /** Runs a line with GNU tools in a fresh copy of the tree in work dir `slot`; null when GNU lacks a command. */
  const runGnu = (command: string, slot: number): Promise<Outcome | null> =>
    new Promise((resolve, reject) => {
      const work = join(hostTmp, `w${slot}`);
      const prepare = spawnSync("sh", ["-c", 'chmod -R u+rwx "$1" 2>/dev/null; rm -rf "$1" && cp -a "$2" "$1"', "sh", work, join(hostTmp, "pristine")]);
      if (prepare.status !== 0) return reject(new Error(`cannot copy the fixture tree: ${prepare.stderr}`));
      const child = spawn("sh", ["-c", command], {
        cwd: work,
        env: { PATH: process.env.PATH, HOME: work, TMPDIR: work, ...ENV },
        timeout: 20_000,
        killSignal: "SIGKILL",
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (d: Buffer) => out.push(d));
      child.stderr.on("data", (d: Buffer) => err.push(d));
      child.stdin.end();
      child.stdin.on("error", () => {});
      child.on("error", reject);
      child.on("close", (code, signal) => {
        const stderr = Buffer.concat(err).toString("utf8");
        if (/^sh: \d+: [^ ]+: not found$/m.test(stderr)) return resolve(null);
        resolve({ stdout: Buffer.concat(out), stderr, status: code ?? 128 + (signal === "SIGKILL" ? 9 : 15) });
      });
    });

  /**
   * Runs the cases on the GNU side, two at a time, in case order, at most
   * GNU_AHEAD cases ahead of the sandbox side (`progress()`), so the two
   * sides do not fight over the cores through a long sandbox case.
   */
  const gnuResults = (list: Case[], progress: () => number): Promise<Outcome | null>[] => {
    const settle: ((r: Promise<Outcome | null>) => void)[] = [];
    const results = list.map(() => new Promise<Outcome | null>((resolve) => settle.push(resolve)));
    let next = 0;
    const lane = async (slot: number) => {
      while (next < list.length && !finished) {
        if (next > progress() + GNU_AHEAD) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const i = next++;
        const result = runGnu(list[i].command, slot);
        // The test may stop awaiting (it failed); a later rejection must not go unhandled.
        result.catch(() => {});
        settle[i](result);
        await result.catch(() => null);
      }
    };
    void lane(0);
    void lane(1);
    return results;
  };

  const runSandbox = async (command: string): Promise<Outcome> => {
    await kernel.vfs.rm("/w", { recursive: true, force: true });
    await cloneTree(kernel, "/pristine", "/w");
    const stdout: Uint8Array[] = [];
    try {
      const r = await kernel.exec(command, {
        cwd: "/w",
        env: { PATH: "/bin:/usr/bin", HOME: "/w", TMPDIR: "/w", ...ENV },
        timeout: 60_000,
        onStdout: (d) => stdout.push(d),
      });
      return { stdout: Buffer.concat(stdout), stderr: r.stderr, status: r.exitCode };
    } catch (err) {
      if (!(err instanceof ExecError)) throw err;
      return { stdout: Buffer.concat(stdout), stderr: `${err.result.stderr}[${err.message}]\n`, status: 124 };
    }
  };

  it(`runs ${cases.length} command lines the same as GNU, except the checked-in known failures`, async () => {
    let passed = 0;
    const skipped: string[] = [];
    let sandboxTime = 0;
    let current = 0;
    const gnuOutcomes = gnuResults(cases, () => current);
    const failed: string[] = [];
    const report: string[] = [];
    for (const [index, c] of cases.entries()) {
      current = index;
      const id = `${c.file}:${c.command}`;
      const gnu = await gnuOutcomes[index];
      if (!gnu) {
        skipped.push(id);
        continue;
      }
      const started = performance.now();
      const ours = await runSandbox(c.command);
      const took = performance.now() - started;
      sandboxTime += took;
      if (took > 5000) console.log(`differential: slow case (${took.toFixed(0)} ms): ${c.file}:${c.line}: ${c.command}`);
      const why = differences(c, ours, gnu);
      if (why.length === 0) {
        passed++;
        continue;
      }
      failed.push(id);
      if (!knownFailures.has(id)) {
        report.push(`${c.file}:${c.line}: ${c.command}\n  (${why.join(", ")})\n  gnu: ${JSON.stringify(gnu.stdout.toString("latin1").slice(0, 300))} ${JSON.stringify(gnu.stderr.slice(0, 200))}\n  ours: ${JSON.stringify(ours.stdout.toString("latin1").slice(0, 300))} ${JSON.stringify(ours.stderr.slice(0, 200))}`);
      }
    }
    console.log(`differential: sandbox side ${(sandboxTime / 1000).toFixed(1)} s`);
    console.log(`differential: ${passed} passed, ${failed.length} failed, ${skipped.length} skipped (GNU command missing) of ${cases.length}`);
    if (skipped.length) console.log(`differential: skipped, the host lacks a command:\n  ${skipped.join("\n  ")}`);
    const fixed = [...knownFailures].filter((id) => !failed.includes(id));
    if (fixed.length) console.log(`differential: now passing, remove from known-failures.txt:\n  ${fixed.join("\n  ")}`);
    expect(report, report.join("\n")).toEqual([]);
  }, 1_800_000);
});
