/**
 * Test helpers: a kernel on the in-memory file system with the WASI runtime
 * mounted (worker from the bundle the global setup built, the probe fixture
 * registered as the command `probe`), and a byte-pattern generator.
 */
import { readFileSync } from "node:fs";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { inject } from "vitest";
import { createWasmVmRuntime, type WasmVmRuntimeOptions } from "../../src/index.js";

/** The probe fixture's bytes (test/fixtures/probe.c). */
export const probeWasm = new Uint8Array(readFileSync(new URL("../fixtures/probe.wasm", import.meta.url)));

/** Options for the runtime under test, with the bundled worker and the probe command. */
export function runtimeOptions(extra: WasmVmRuntimeOptions = {}): WasmVmRuntimeOptions {
  return { workerUrl: inject("workerUrl"), ...extra, commands: { probe: probeWasm, ...extra.commands } };
}

/** A fresh kernel with the WASI runtime mounted. */
export async function wasiKernel(extra: WasmVmRuntimeOptions = {}): Promise<Kernel> {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime(runtimeOptions(extra)));
  return kernel;
}

/** `length` bytes of a pattern that shifts with `seed`, so misordered or dropped chunks show. */
export function pattern(length: number, seed = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >>> 13) + seed) & 0xff;
  return bytes;
}

/** Spawns `command` directly (no shell) with stdin closed, collecting its output as text. */
export async function run(
  kernel: Kernel,
  command: string,
  args: string[],
  stdin?: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = new TextDecoder();
  const err = new TextDecoder();
  const child = kernel.spawn(command, args, {
    onStdout: (data) => (stdout += out.decode(data, { stream: true })),
    onStderr: (data) => (stderr += err.decode(data, { stream: true })),
  });
  if (stdin !== undefined) child.writeStdin(stdin);
  child.closeStdin();
  const exitCode = await child.wait();
  return { exitCode, stdout, stderr };
}
