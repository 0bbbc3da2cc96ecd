// The seed document's examples, run as written (with the WASI binary's real path for "...").
import { describe, it, expect, afterEach } from "vitest";
import { createRequire } from "node:module";
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createJsCommandsDriver } from "./helpers/js-commands.js";
import { createUpperDriver } from "./helpers/stdin-reader.js";

const wasmBinaryPath = createRequire(import.meta.url).resolve("@secure-exec/driver-wasmvm/commands.wasm");

describe("MyDriver", () => {
  let kernel;
  afterEach(async () => {
    await kernel?.dispose();
  });
  it("handles myecho command", async () => {
    const vfs = createInMemoryFileSystem();
    kernel = createKernel({ filesystem: vfs });
    await kernel.mount(createEchoDriver());
    const result = await kernel.exec("myecho hello");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("hello\n");
  });
  it("coexists with WasmVM", async () => {
    const vfs = createInMemoryFileSystem();
    kernel = createKernel({ filesystem: vfs });
    await kernel.mount(createWasmVmRuntime({ wasmBinaryPath }));
    await kernel.mount(createEchoDriver());
    // myecho routes to your driver
    const r1 = await kernel.exec("myecho test");
    expect(r1.stdout).toBe("test\n");
    // cat still routes to WasmVM
    await kernel.writeFile("/tmp/f.txt", "data");
    const r2 = await kernel.exec("cat /tmp/f.txt");
    expect(r2.stdout).toBe("data");
  });
});

describe("the seed's mount-and-use example", () => {
  let kernel: ReturnType<typeof createKernel> | undefined;
  afterEach(async () => {
    await kernel?.dispose();
  });

  it('prints "hello world\\n"', async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(createEchoDriver());
    const result = await kernel.exec("myecho hello world");
    expect(result.stdout).toBe("hello world\n");
  });

  it("delivers a callback driver's output through fd 1 to a command reading fd 0", async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(createEchoDriver());
    await kernel.mount(createJsCommandsDriver());
    expect((await kernel.exec("myecho hello | jscat")).stdout).toBe("hello\n");
  });

  it("delivers a pipe's bytes to a driver that reads through writeStdin", async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(createEchoDriver());
    await kernel.mount(createUpperDriver());
    expect((await kernel.exec("myecho hello | upper")).stdout).toBe("HELLO\n");
  });

  it("routes a callback driver's output through redirections", async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(createEchoDriver());
    const result = await kernel.exec("myecho one > /tmp/out; myecho two >> /tmp/out; myecho err 1>&2");
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "err\n" });
    expect(new TextDecoder().decode(await kernel.readFile("/tmp/out"))).toBe("one\ntwo\n");
  });
});
