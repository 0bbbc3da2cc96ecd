import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
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
    expect(threadCount()).toBe(baseline);
  });
});
