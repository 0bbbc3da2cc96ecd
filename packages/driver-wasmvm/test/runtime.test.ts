import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { readCommandList } from "../src/binary/command-list.js";
import { createWasmVmRuntime } from "../src/index.js";
import { probeWasm, run, runtimeOptions, wasiKernel } from "./helpers/kernel.js";

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
});

const bundled = new Uint8Array(readFileSync(new URL("../wasm/commands.wasm", import.meta.url)));

describe("createWasmVmRuntime", () => {
  it("registers the commands listed in the bundled binary's custom section, plus the extra ones", async () => {
    const driver = createWasmVmRuntime(runtimeOptions());
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(driver);
    const listed = readCommandList(bundled);
    expect(listed).toContain("cat");
    expect(listed).toContain("true");
    expect(driver.commands).toEqual([...listed, "probe"]);
    expect(kernel.commands.get("cat")).toBe("wasmvm");
  });

  it("runs extra commands given as a host path or a compiled module", async () => {
    const path = fileURLToPath(new URL("./fixtures/probe.wasm", import.meta.url));
    const module = await WebAssembly.compile(probeWasm);
    kernel = await wasiKernel({ commands: { "from-path": path, "from-module": module } });
    expect((await run(kernel, "from-path", ["args"])).stdout).toBe("from-path\nargs\n");
    expect((await run(kernel, "from-module", ["args"])).stdout).toBe("from-module\nargs\n");
  });

  it("compiles a binary once per host process, however many runtimes use it", async () => {
    const path = fileURLToPath(new URL("./fixtures/probe.wasm", import.meta.url));
    const compile = vi.spyOn(WebAssembly, "compile");
    try {
      const first = await wasiKernel({ commands: { "cached-probe": path }, memoryLimit: 48 * 1024 * 1024 });
      expect((await run(first, "cached-probe", ["exit", "0"])).exitCode).toBe(0);
      await first.dispose();
      const compiledBefore = compile.mock.calls.length;
      kernel = await wasiKernel({ commands: { "cached-probe": path }, memoryLimit: 48 * 1024 * 1024 });
      expect((await run(kernel, "cached-probe", ["exit", "0"])).exitCode).toBe(0);
      expect(compile.mock.calls.length).toBe(compiledBefore);
    } finally {
      compile.mockRestore();
    }
  });

  it("throws when initialized twice and when spawning before init", async () => {
    const driver = createWasmVmRuntime(runtimeOptions());
    const ctx = { pid: 1, ppid: 0, env: {}, cwd: "/", fds: { stdin: 0, stdout: 1, stderr: 2 }, onStdout() {}, onStderr() {} };
    expect(() => driver.spawn("true", [], ctx)).toThrow("wasmvm driver used before init");
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(driver);
    await expect(driver.init({} as never)).rejects.toThrow("wasmvm driver initialized twice");
  });

  it("passes argv, captures stdout, and returns the exit code", async () => {
    kernel = await wasiKernel();
    expect(await run(kernel, "probe", ["args", "a b", "c"])).toEqual({ exitCode: 0, stdout: "probe\nargs\na b\nc\n", stderr: "" });
    expect(await run(kernel, "probe", ["exit", "7"])).toEqual({ exitCode: 7, stdout: "", stderr: "" });
  });

  it("gives the guest exactly the environment of the process", async () => {
    kernel = await wasiKernel();
    const result = await kernel.exec("probe env GREETING", { env: { GREETING: "hello there" } });
    expect(result.stdout).toBe("hello there\n");
  });

  it("reports a trap on stderr and exits 134", async () => {
    kernel = await wasiKernel();
    const result = await run(kernel, "probe", ["trap"]);
    expect(result.exitCode).toBe(134);
    expect(result.stderr).toMatch(/^probe: wasm trap: unreachable/);
  });

  it("runs a VFS file that starts with the WebAssembly magic by its path", async () => {
    kernel = await wasiKernel();
    await kernel.mkdir("/opt/bin", { recursive: true });
    await kernel.writeFile("/opt/bin/prober", probeWasm);
    await kernel.vfs.chmod("/opt/bin/prober", 0o755);
    const result = await kernel.exec("/opt/bin/prober args x");
    expect(result).toEqual({ exitCode: 0, stdout: "/opt/bin/prober\nargs\nx\n", stderr: "", truncated: false });
  });

  it("resolves relative paths against the process's cwd", async () => {
    kernel = await wasiKernel();
    await kernel.mkdir("/work/sub", { recursive: true });
    await kernel.writeFile("/work/sub/note.txt", "in sub\n");
    const result = await kernel.exec("probe cwd note.txt", { cwd: "/work/sub" });
    expect(result.stdout).toBe("/work/sub\nin sub\n");
  });

  it("writes and reads files through the kernel VFS", async () => {
    kernel = await wasiKernel();
    await kernel.mkdir("/tmp", { recursive: true });
    expect((await kernel.exec("probe write /tmp/out.txt 'written by wasm'")).exitCode).toBe(0);
    expect(new TextDecoder().decode(await kernel.readFile("/tmp/out.txt"))).toBe("written by wasm");
    expect((await kernel.exec("probe read /tmp/out.txt")).stdout).toBe("written by wasm");
    const missing = await kernel.exec("probe read /tmp/missing");
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe("/tmp/missing: No such file or directory\n");
  });

  it("keeps the preopened root at descriptor 3 when the shell hands the process a descriptor 3", async () => {
    kernel = await wasiKernel();
    await kernel.writeFile("/a.txt", "file a\n");
    await kernel.writeFile("/b.txt", "file b\n");
    expect((await kernel.exec("probe read /a.txt 3</b.txt")).stdout).toBe("file a\n");
  });

  it("turns out-of-range guest pointers into EFAULT (21) without disturbing the host", async () => {
    kernel = await wasiKernel();
    const result = await run(kernel, "probe", ["fault"]);
    expect(result.stdout).toBe(
      "fd_write bad buffer: 21\nfd_write bad iovec: 21\nfd_read bad result pointer: 21\npath_open bad path: 21\n",
    );
  });

  it("caps linear memory: allocating past memoryLimit fails in the guest, below it works", async () => {
    kernel = await wasiKernel({ memoryLimit: 64 * 1024 * 1024 });
    expect(await run(kernel, "probe", ["alloc", "100"])).toEqual({ exitCode: 1, stdout: "malloc failed\n", stderr: "" });
    expect(await run(kernel, "probe", ["alloc", "32"])).toEqual({ exitCode: 0, stdout: "allocated 32 MiB, last byte 1\n", stderr: "" });
  });

  it("sleeps through poll_oneoff for the requested time", async () => {
    kernel = await wasiKernel();
    const start = performance.now();
    expect((await run(kernel, "probe", ["sleep", "60"])).stdout).toBe("slept\n");
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
  });

  it("polls stdin: times out with no data, reports readable when data is there", async () => {
    kernel = await wasiKernel();
    const idle = kernel.spawn("probe", ["poll", "50"], { onStdout: () => undefined });
    const start = performance.now();
    const outputs: string[] = [];
    const waiting = kernel.spawn("probe", ["poll", "5000"], { onStdout: (d) => outputs.push(new TextDecoder().decode(d)) });
    setTimeout(() => waiting.writeStdin("x"), 30);
    expect(await idle.wait()).toBe(0);
    expect(await waiting.wait()).toBe(0);
    expect(outputs.join("")).toBe("poll=1 revents=1\n");
    expect(performance.now() - start).toBeLessThan(2000);
    idle.closeStdin();
    waiting.closeStdin();
  });

  it("spawns a child of any command through the secure_exec imports and waits for it", async () => {
    kernel = await wasiKernel();
    expect((await run(kernel, "probe", ["spawn", "probe", "exit", "5"])).stdout).toBe("child probe exited 5\n");
  });

  it("builds a pipeline with secure_exec pipe and spawn: yes | head ends yes with SIGPIPE", async () => {
    kernel = await wasiKernel();
    const result = await run(kernel, "probe", ["pipe-spawn", "yes", "head", "-n2"]);
    expect(result).toEqual({ exitCode: 0, stdout: "y\ny\n", stderr: "statuses 141 0\n" });
  });
});
