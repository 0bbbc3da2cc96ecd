/**
 * Runs one WASI suite test in a fresh sandbox: an in-memory file system
 * holding a fresh copy of the test's root folder, the WASI runtime with the
 * test program registered as a command, stdin an empty pipe, and the
 * test's environment as the guest's whole environment. Returns what the
 * test produced and, if it failed, why.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import type { WasiTest } from "./suite.js";

/** The outcome of one test. */
export interface TestOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Why the test failed, or undefined when it passed. */
  failure?: string;
}

const COMMAND = "wasi-test";
const TIMEOUT_MS = 20_000;

async function copyTree(kernel: Kernel, hostDir: string, guestDir: string): Promise<void> {
  for (const name of readdirSync(hostDir)) {
    const hostPath = join(hostDir, name);
    const guestPath = guestDir === "/" ? `/${name}` : `${guestDir}/${name}`;
    if (statSync(hostPath).isDirectory()) {
      await kernel.mkdir(guestPath);
      await copyTree(kernel, hostPath, guestPath);
    } else {
      await kernel.writeFile(guestPath, readFileSync(hostPath));
    }
  }
}

/** Runs `test` with the worker script at `workerUrl`. */
export async function runWasiTest(test: WasiTest, workerUrl: string): Promise<TestOutcome> {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem(), env: {} });
  try {
    if (test.rootDir) await copyTree(kernel, test.rootDir, "/");
    const wasm = new Uint8Array(readFileSync(test.wasmPath));
    const preopenRoot = test.rootDir !== undefined;
    await kernel.mount(createWasmVmRuntime({ commands: { [COMMAND]: wasm }, workerUrl, poolSize: 1, preopenRoot }));
    const decoder = { out: new TextDecoder(), err: new TextDecoder() };
    let stdout = "";
    let stderr = "";
    const child = kernel.spawn(COMMAND, test.args, {
      env: test.env,
      onStdout: (data) => (stdout += decoder.out.decode(data, { stream: true })),
      onStderr: (data) => (stderr += decoder.err.decode(data, { stream: true })),
    });
    child.closeStdin();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS)));
    const exit = await Promise.race([child.wait(), timedOut]);
    clearTimeout(timer);
    if (exit === "timeout") {
      child.kill(9);
      return { exitCode: -1, stdout, stderr, failure: `timed out after ${TIMEOUT_MS} ms` };
    }
    const outcome: TestOutcome = { exitCode: exit, stdout, stderr };
    if (exit !== test.exitCode) outcome.failure = `exit code ${exit}, expected ${test.exitCode}`;
    else if (test.stdout !== undefined && !stdout.startsWith(test.stdout)) outcome.failure = `stdout ${JSON.stringify(stdout)} does not start with ${JSON.stringify(test.stdout)}`;
    else if (test.stderr !== undefined && !stderr.startsWith(test.stderr)) outcome.failure = `stderr ${JSON.stringify(stderr)} does not start with ${JSON.stringify(test.stderr)}`;
    return outcome;
  } finally {
    await kernel.dispose();
  }
}
