import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExecError, type Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("per-process limits", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({ memoryLimitBytes: 32 * 1024 * 1024, timeLimitMs: 400 });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("the time limit stops a busy loop with status 124", async () => {
    const started = Date.now();
    const r = await kernel.exec(`node -e ${sq("for (;;) {}")}`);
    expect(r.exitCode).toBe(124);
    expect(r.stderr).toBe("node: CPU time limit exceeded: the script ran for more than 400 ms and was stopped\n");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("the time limit also stops a process blocked reading stdin", async () => {
    const errors: string[] = [];
    const proc = kernel.spawn("node", ["-e", "require('fs').readFileSync(0)"], { onStderr: (d) => errors.push(new TextDecoder().decode(d)) });
    expect(await proc.wait()).toBe(124);
    expect(errors.join("")).toBe("node: CPU time limit exceeded: the script ran for more than 400 ms and was stopped\n");
  });

  it("deep recursion is a RangeError the program can catch", async () => {
    const r = await kernel.exec(`node -e ${sq("function f() { f() } try { f() } catch (e) { console.log(e instanceof RangeError, e.message) }")}`);
    expect(r.stdout).toBe("true Maximum call stack size exceeded\n");
  });

  it("the kernel keeps working after a process hit a limit", async () => {
    await kernel.exec(`node -e ${sq("for (;;) {}")}`);
    expect((await kernel.exec(`node -e ${sq("console.log('alive')")}`)).stdout).toBe("alive\n");
  });
});

describe("the memory limit", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({ memoryLimitBytes: 32 * 1024 * 1024 });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("running out of memory exits 134 with an out-of-memory message", async () => {
    const r = await kernel.exec(`node -e ${sq("const keep = []; for (;;) keep.push(new Uint8Array(1 << 20))")}`);
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain("out of memory");
  });

  it("a process after an out-of-memory one starts fresh", async () => {
    expect((await kernel.exec(`node -e ${sq("console.log(new Array(1000).fill(1).length)")}`)).stdout).toBe("1000\n");
  });
});

describe("killing a process", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel();
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("exec's timeout kills a tight loop within 100 ms of the deadline", async () => {
    const started = Date.now();
    const err = await kernel.exec(`node -e ${sq("while (true) {}")}`, { timeout: 300 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(ExecError);
    expect((err as ExecError).code).toBe("ETIMEDOUT");
    expect(elapsed).toBeLessThan(400);
    expect((await kernel.exec(`node -e ${sq("console.log('next')")}`)).stdout).toBe("next\n");
  });

  it("kill resolves the exit with 128 + signal", async () => {
    const proc = kernel.spawn("node", ["-e", "setInterval(() => {}, 1000)"]);
    await new Promise((r) => setTimeout(r, 50));
    proc.kill(9);
    expect(await proc.wait()).toBe(137);
  });
});
