import { afterEach, describe, expect, it } from "vitest";
import { createKernel, isKernelError, type Kernel, type RuntimeDriver } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createJsCommandsDriver, patternByte } from "./helpers/js-commands.js";

const text = (chunks: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(chunks));

let kernel: Kernel;
afterEach(async () => {
  await kernel?.dispose();
});

async function makeKernel(...drivers: RuntimeDriver[]): Promise<Kernel> {
  kernel = createKernel({ filesystem: createInMemoryFileSystem(), onWarning: () => {} });
  for (const d of drivers) await kernel.mount(d);
  return kernel;
}

describe("kernel.spawn", () => {
  it("throws ENOENT at once for an unknown command", async () => {
    await makeKernel();
    expect(() => kernel.spawn("no-such-command")).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });

  it("resolves wait with the exit code", async () => {
    await makeKernel(createJsCommandsDriver());
    expect(await kernel.spawn("jsexit", ["42"]).wait()).toBe(42);
  });

  it("delivers stdout through onStdout and takes stdin from writeStdin", async () => {
    await makeKernel(createJsCommandsDriver());
    const out: Uint8Array[] = [];
    const proc = kernel.spawn("jscat", [], { onStdout: (d) => out.push(d) });
    proc.writeStdin("one\n");
    proc.writeStdin(new TextEncoder().encode("two\n"));
    proc.closeStdin();
    expect(await proc.wait()).toBe(0);
    expect(text(out)).toBe("one\ntwo\n");
  });

  it("kill resolves the exit with 128 + signal, SIGTERM by default", async () => {
    await makeKernel(createJsCommandsDriver());
    const a = kernel.spawn("jssleep", ["10000"]);
    a.kill();
    const b = kernel.spawn("jssleep", ["10000"]);
    b.kill(9);
    expect([await a.wait(), await b.wait()]).toEqual([143, 137]);
  });

  it("runs the seed's pipe example: spawn with stdoutFd, then fdRead gives hello", async () => {
    await makeKernel(createEchoDriver(), createJsCommandsDriver());
    const out: Uint8Array[] = [];
    expect(await kernel.spawn("pipedemo", [], { onStdout: (d) => out.push(d) }).wait()).toBe(0);
    expect(text(out)).toBe("hello\n");
  });

  it("routes a callback driver's output through its fd 1", async () => {
    await makeKernel(createEchoDriver());
    const out: Uint8Array[] = [];
    expect(await kernel.spawn("myecho", ["hello", "world"], { onStdout: (d) => out.push(d) }).wait()).toBe(0);
    expect(text(out)).toBe("hello world\n");
  });

  it("lists running processes with their parent, group and driver", async () => {
    await makeKernel(createJsCommandsDriver());
    const proc = kernel.spawn("jssleep", ["10000"], { pgid: 0 });
    const info = kernel.processes.find((p) => p.pid === proc.pid)!;
    expect(info).toMatchObject({ ppid: 0, pgid: proc.pid, command: "jssleep", driver: "js-commands", state: "running" });
    proc.kill(9);
    await proc.wait();
    expect(kernel.processes.some((p) => p.pid === proc.pid)).toBe(false);
  });

  it("refuses a spawn beyond maxProcesses with EAGAIN and recovers", async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem(), limits: { maxProcesses: 2 } });
    await kernel.mount(createJsCommandsDriver());
    const a = kernel.spawn("jssleep", ["10000"]);
    const b = kernel.spawn("jssleep", ["10000"]);
    expect(() => kernel.spawn("jssleep", ["1"])).toThrow(expect.objectContaining({ code: "EAGAIN" }));
    a.kill(9);
    await a.wait();
    expect(await kernel.spawn("jsexit", ["3"]).wait()).toBe(3);
    b.kill(9);
  });

  it("moves 16 MiB through a pipe to a slow reader in order, never buffering more than 64 KiB", async () => {
    let delivered = 0;
    let worst = 0;
    let mismatch = -1;
    const probe = {
      afterWrite: (total: number) => {
        worst = Math.max(worst, total - delivered);
      },
    };
    await makeKernel(createJsCommandsDriver([], probe));
    const size = 16 * 1024 * 1024;
    const proc = kernel.spawn("genpipe", [String(size), "0", "16384"], {
      onStdout: (d) => {
        for (let i = 0; i < d.length && mismatch < 0; i++) if (d[i] !== patternByte(delivered + i)) mismatch = delivered + i;
        delivered += d.length;
      },
    });
    expect(await proc.wait()).toBe(0);
    expect(delivered).toBe(size);
    expect(mismatch).toBe(-1);
    expect(worst).toBeLessThanOrEqual(65536 + 16384);
  }, 60000);

  it("a writer whose reader has gone gets EPIPE and exits 141", async () => {
    await makeKernel(createJsCommandsDriver());
    // jsexit never reads: once it exits, jsyes's next write has no reader.
    expect(await kernel.exec("jsyes | jsexit 0; echo ${PIPESTATUS[@]}")).toMatchObject({ exitCode: 0, stdout: "141 0\n", stderr: "" });
  });
});

describe("mounting drivers", () => {
  it("a driver whose init throws is not mounted and the kernel stays usable", async () => {
    await makeKernel();
    const broken: RuntimeDriver = {
      name: "broken",
      commands: ["broken"],
      init: async () => {
        throw new Error("init failed");
      },
      spawn: () => {
        throw new Error("unreachable");
      },
      dispose: async () => {},
    };
    await expect(kernel.mount(broken)).rejects.toThrow("init failed");
    expect(kernel.commands.has("broken")).toBe(false);
    await kernel.mount(createJsCommandsDriver());
    expect(await kernel.spawn("jsexit", ["5"]).wait()).toBe(5);
  });

  it("a later mount of the same command replaces the earlier driver and says so", async () => {
    const warnings: string[] = [];
    kernel = createKernel({ filesystem: createInMemoryFileSystem(), onWarning: (m) => warnings.push(m) });
    await kernel.mount(createEchoDriver());
    const other: RuntimeDriver = { ...createEchoDriver(), name: "echo-two" };
    await kernel.mount(other);
    expect(kernel.commands.get("myecho")).toBe("echo-two");
    expect(warnings).toEqual(["secure-exec: command myecho now runs on driver echo-two (was echo-driver)"]);
  });

  it("mounting two drivers with one name fails with EEXIST", async () => {
    await makeKernel(createEchoDriver());
    await expect(kernel.mount(createEchoDriver())).rejects.toMatchObject({ code: "EEXIST" });
  });
});

describe("dispose", () => {
  it("ends running processes and refuses every later call with ESHUTDOWN", async () => {
    await makeKernel(createJsCommandsDriver());
    const proc = kernel.spawn("jssleep", ["100000"]);
    await kernel.dispose();
    expect(proc.exitCode).toBe(143);
    expect(() => kernel.spawn("jsexit")).toThrow(expect.objectContaining({ code: "ESHUTDOWN" }));
    await expect(kernel.exec("true")).rejects.toMatchObject({ code: "ESHUTDOWN" });
    await expect(kernel.readFile("/x")).rejects.toMatchObject({ code: "ESHUTDOWN" });
    await expect(kernel.mount(createEchoDriver())).rejects.toMatchObject({ code: "ESHUTDOWN" });
  });

  it("leaves no timer or handle behind", async () => {
    // Let what earlier tests queued run first, so `before` holds only what outlives them.
    await new Promise((r) => setImmediate(r));
    const before = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap");
    await makeKernel(createJsCommandsDriver(), createEchoDriver());
    kernel.spawn("jssleep", ["100000"]);
    kernel.spawn("jscat");
    await kernel.dispose();
    await new Promise((r) => setImmediate(r));
    const after = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap");
    expect(after).toEqual(before);
  });
});

describe("errors", () => {
  it("KernelError messages name the errno and the path", async () => {
    await makeKernel();
    const err = await kernel.readFile("/missing/file").catch((e: unknown) => e);
    expect(isKernelError(err, "ENOENT")).toBe(true);
    expect((err as Error).message).toBe("ENOENT: no such file or directory, open '/missing/file'");
  });
});
