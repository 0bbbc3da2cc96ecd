import { afterEach, describe, expect, it, vi } from "vitest";
import { SIGKILL, SIGTERM, type Kernel } from "@secure-exec/kernel";
import { WorkerPool } from "../src/worker-pool.js";
import { run, wasiKernel } from "./helpers/kernel.js";

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
  vi.restoreAllMocks();
});

/** Resolves with the first call of a WorkerPool method, or rejects after `ms`. */
function nextCall(method: "release" | "discard", ms = 2000): Promise<void> {
  // Both methods take (entry, ...) and return nothing; one signature serves the spy.
  const pool = WorkerPool.prototype as unknown as Record<typeof method, (...args: unknown[]) => void>;
  const original = pool[method];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no WorkerPool.${method} within ${ms} ms`)), ms);
    vi.spyOn(pool, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
      clearTimeout(timer);
      resolve();
      return original.apply(this, args);
    });
  });
}

/** Spawns `probe cat` with stdin left open, so it waits in fd_read; resolves once it echoed "ready". */
async function blockedReader(k: Kernel) {
  let echoed!: () => void;
  const reading = new Promise<void>((resolve) => (echoed = resolve));
  const child = k.spawn("probe", ["cat"], { onStdout: () => echoed() });
  child.writeStdin("ready\n");
  await reading;
  return child;
}

describe("killing a WASI process blocked in a system call", () => {
  it("exits 137 on SIGKILL and gives its worker back to the pool instead of terminating it", async () => {
    kernel = await wasiKernel({ poolSize: 1 });
    const child = await blockedReader(kernel);
    const discard = vi.spyOn(WorkerPool.prototype, "discard");
    const released = nextCall("release");
    child.kill(SIGKILL);
    expect(await child.wait()).toBe(137);
    await released;
    expect(discard).not.toHaveBeenCalled();
  });

  it("runs the next processes on the reclaimed worker with every byte intact", async () => {
    kernel = await wasiKernel({ poolSize: 1 });
    const child = await blockedReader(kernel);
    const released = nextCall("release");
    child.kill(SIGTERM);
    expect(await child.wait()).toBe(143);
    await released;
    for (const word of ["one", "two", "three"]) {
      expect(await run(kernel, "probe", ["cat"], `${word}\n`)).toEqual({ exitCode: 0, stdout: `${word}\n`, stderr: "" });
    }
  });

  it("finishes yes | head -n 1 without terminating a worker: yes is killed by SIGPIPE inside its write", async () => {
    kernel = await wasiKernel();
    await kernel.exec("true");
    const discard = vi.spyOn(WorkerPool.prototype, "discard");
    const released = nextCall("release");
    expect(await kernel.exec("yes | head -n 1")).toMatchObject({ exitCode: 0, stdout: "y\n" });
    await released;
    expect(discard).not.toHaveBeenCalled();
  });

  it("still terminates the worker of a process killed while running guest code", async () => {
    kernel = await wasiKernel();
    let ready!: () => void;
    const inLoop = new Promise<void>((resolve) => (ready = resolve));
    const child = kernel.spawn("probe", ["spin"], { onStdout: () => ready() });
    await inLoop;
    // The output arrives while its write is still being answered: give the guest time to enter its loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const discarded = nextCall("discard");
    child.kill(SIGKILL);
    expect(await child.wait()).toBe(137);
    await discarded;
  });
});
