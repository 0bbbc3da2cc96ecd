/**
 * Runs one oils case the way the spec harness does: a fresh kernel over a
 * fresh in-memory file system, the WASI commands and `argv.py` mounted,
 * `$TMP` a writable directory, `$SH` the shell, the case's directories
 * created in a fresh empty working directory, and the case's code given
 * to `kernel.exec`.
 */
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime, type WasmVmRuntimeOptions } from "@secure-exec/driver-wasmvm";
import { createArgvDriver } from "./argv-driver.js";
import type { OilsCase } from "./cases.js";

/** What running a case gave, and whether it matched. */
export interface CaseResult {
  status: "passed" | "failed" | "skipped";
  reason?: string;
}

/** Where the cases' working directory, `$TMP` and helper scripts live. */
const WORK_DIR = "/home/user/work";
const TMP_DIR = "/tmp/oils";
const SPEC_BIN = "/usr/local/spec-bin";
const CASE_TIMEOUT_MS = 10_000;

/** A kernel with everything a case may use (`wasm` overrides the WASI runtime's defaults). */
export async function makeKernel(wasm: WasmVmRuntimeOptions = {}): Promise<Kernel> {
  const kernel = createKernel({
    filesystem: createInMemoryFileSystem(),
    onWarning: () => {},
    cwd: WORK_DIR,
    env: {
      HOME: "/home/user",
      PATH: `${SPEC_BIN}:/usr/bin:/bin`,
      TMP: TMP_DIR,
      SH: "sh",
      LC_ALL: "C",
    },
  });
  await kernel.mount(createWasmVmRuntime({ poolSize: 0, ...wasm }));
  await kernel.mount(createArgvDriver());
  await kernel.mkdir(WORK_DIR, { recursive: true });
  await kernel.mkdir(TMP_DIR, { recursive: true });
  await kernel.mkdir(SPEC_BIN, { recursive: true });
  await kernel.writeFile(`${SPEC_BIN}/foo=bar`, "#!/bin/sh\necho HI\n");
  await kernel.vfs.chmod(`${SPEC_BIN}/foo=bar`, 0o755);
  return kernel;
}

function describeMismatch(what: string, expected: unknown, actual: unknown): string {
  return `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Runs `c` on `kernel`, whose command set is `commands`. */
export async function runCase(c: OilsCase, kernel: Kernel): Promise<CaseResult> {
  const missing = c.utils.filter((u) => !kernel.commands.has(u));
  if (missing.length > 0) return { status: "skipped", reason: `needs ${missing.join(", ")}` };
  for (const dir of c.setup_dirs) await kernel.mkdir(`${WORK_DIR}/${dir}`, { recursive: true });
  let result;
  try {
    result = await kernel.exec(c.code, { cwd: WORK_DIR, timeout: CASE_TIMEOUT_MS });
  } catch (err) {
    return { status: "failed", reason: (err as Error).message };
  }
  const problems: string[] = [];
  if (c.expected_stdout !== null && result.stdout !== c.expected_stdout) {
    problems.push(describeMismatch("stdout", c.expected_stdout, result.stdout));
  }
  if (c.expected_status !== null && result.exitCode !== c.expected_status) {
    problems.push(describeMismatch("status", c.expected_status, result.exitCode));
  }
  if (c.expected_stderr !== null && result.stderr !== c.expected_stderr) {
    problems.push(describeMismatch("stderr", c.expected_stderr, result.stderr));
  }
  if (problems.length > 0) problems.push(`stderr was ${JSON.stringify(result.stderr.slice(0, 300))}`);
  return problems.length === 0 ? { status: "passed" } : { status: "failed", reason: problems.join("; ") };
}
