import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { afterEach, describe, expect, inject, it } from "vitest";
import { sourceAliases } from "../vitest.config.js";
import { SIGKILL, SIGTERM, type Kernel } from "@secure-exec/kernel";
import { run, wasiKernel } from "./helpers/kernel.js";

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
});

/** Starts `probe spin` and resolves once it is inside its endless loop. */
async function spinning(k: Kernel) {
  let ready!: () => void;
  const inLoop = new Promise<void>((resolve) => (ready = resolve));
  const child = k.spawn("probe", ["spin"], { onStdout: () => ready() });
  await inLoop;
  return child;
}

function threadCount(): number {
  return readdirSync("/proc/self/task").length;
}

describe("killing WASI processes", () => {
  it("ends a guest spinning in while(1) within 100 ms of SIGKILL, with exit 137", async () => {
    kernel = await wasiKernel();
    const child = await spinning(kernel);
    const start = performance.now();
    child.kill(SIGKILL);
    expect(await child.wait()).toBe(137);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("ends a spinning guest on SIGTERM with exit 143, and the next spawn runs on a fresh worker", async () => {
    kernel = await wasiKernel();
    const child = await spinning(kernel);
    child.kill(SIGTERM);
    expect(await child.wait()).toBe(143);
    expect(await run(kernel, "probe", ["args"])).toEqual({ exitCode: 0, stdout: "probe\nargs\n", stderr: "" });
  });

  it("ends a spinning guest when exec's timeout passes", async () => {
    kernel = await wasiKernel();
    const start = performance.now();
    await expect(kernel.exec("probe spin", { timeout: 150 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("ends a spinning guest when exec's AbortSignal aborts", async () => {
    kernel = await wasiKernel();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(kernel.exec("probe spin", { signal: controller.signal })).rejects.toMatchObject({ code: "ECANCELED" });
  });

  it("ignores SIGCHLD, which does not end a process by default", async () => {
    kernel = await wasiKernel();
    const child = kernel.spawn("probe", ["sleep", "80"], { onStdout: () => undefined });
    child.kill(17);
    expect(await child.wait()).toBe(0);
  });

  it("leaves no worker thread behind after dispose, even with a guest spinning", async () => {
    const warm = await wasiKernel();
    await run(warm, "probe", ["args"]);
    await warm.dispose();
    const baseline = threadCount();
    kernel = await wasiKernel({ poolSize: 3 });
    await spinning(kernel);
    await run(kernel, "probe", ["args"]);
    expect(threadCount()).toBeGreaterThan(baseline);
    await kernel.dispose();
    kernel = undefined;
    // A terminated worker's thread may take a moment to be reaped by the OS.
    for (let i = 0; i < 50 && threadCount() > baseline; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(threadCount()).toBe(baseline);
  });

  it("lets the host process exit on its own after dispose, even after a guest spun forever", async () => {
    const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
    const outDir = mkdtempSync(join(tmpdir(), "wasmvm-dispose-"));
    try {
      await build({
        entry: { script: here("./fixtures/dispose-exits.ts") },
        outDir,
        format: ["esm"],
        platform: "node",
        target: "node20",
        dts: false,
        silent: true,
        config: false,
        noExternal: [/.*/],
        outExtension: () => ({ js: ".mjs" }),
        // memfs, bundled in, requires Node builtins.
        banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
        esbuildOptions(options) {
          options.alias = Object.fromEntries(sourceAliases.map((a) => [String(a.find).slice(2, -2).replace(/\\/g, ""), a.replacement]));
        },
      });
      const child = spawnSync(process.execPath, [join(outDir, "script.mjs"), inject("workerUrl"), here("./fixtures/probe.wasm"), here("../wasm/commands.wasm")], {
        timeout: 10_000,
        encoding: "utf8",
      });
      expect({ status: child.status, stdout: child.stdout, stderr: child.stderr.slice(0, 600) }).toEqual({ status: 0, stdout: "probe args one; disposed\n", stderr: "" });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 30_000);
});
