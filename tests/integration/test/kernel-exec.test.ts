import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKernel, ExecError, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createJsCommandsDriver } from "./helpers/js-commands.js";

let kernel: Kernel;
beforeEach(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem(), env: { GREETING: "hi" }, limits: { killGraceMs: 50 } });
  await kernel.mount(createJsCommandsDriver());
});
afterEach(async () => {
  await kernel.dispose();
});

describe("kernel.exec", () => {
  it("returns stdout, stderr and the exit status", async () => {
    expect(await kernel.exec("echo out; echo err >&2; exit 3")).toEqual({ exitCode: 3, stdout: "out\n", stderr: "err\n", truncated: false });
  });

  it("writes stdin and closes it", async () => {
    expect((await kernel.exec("jscat", { stdin: "piped in\n" })).stdout).toBe("piped in\n");
    expect((await kernel.exec("jscat", { stdin: new TextEncoder().encode("bytes") })).stdout).toBe("bytes");
  });

  it("gives commands an empty, closed stdin when none is given", async () => {
    expect(await kernel.exec("jscat")).toMatchObject({ exitCode: 0, stdout: "" });
  });

  it("passes env and cwd", async () => {
    await kernel.mkdir("/home/user", { recursive: true });
    const r = await kernel.exec('echo "$GREETING $EXTRA $(pwd)"', { env: { GREETING: "hello", EXTRA: "x" }, cwd: "/home/user" });
    expect(r.stdout).toBe("hello x /home/user\n");
  });

  it("uses the kernel's environment by default", async () => {
    expect((await kernel.exec("echo $GREETING")).stdout).toBe("hi\n");
  });

  it("streams output to onStdout and onStderr as well as capturing it", async () => {
    const seen: string[] = [];
    const decoder = new TextDecoder();
    const r = await kernel.exec("echo a; echo b >&2", {
      onStdout: (d) => seen.push(`out:${decoder.decode(d)}`),
      onStderr: (d) => seen.push(`err:${decoder.decode(d)}`),
    });
    expect(seen).toEqual(["out:a\n", "err:b\n"]);
    expect(r.stdout).toBe("a\n");
  });

  it("rejects with ETIMEDOUT after the timeout, with the output so far, and the kernel stays usable", async () => {
    const started = Date.now();
    const err = await kernel.exec("echo started; jssleep 10000", { timeout: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecError);
    expect((err as ExecError).code).toBe("ETIMEDOUT");
    expect((err as ExecError).result.stdout).toBe("started\n");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(kernel.processes.filter((p) => p.state === "running")).toEqual([]);
    expect((await kernel.exec("echo again")).stdout).toBe("again\n");
  });

  it("ends a runaway shell loop on timeout", async () => {
    await expect(kernel.exec("while :; do :; done", { timeout: 100 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
  });

  it("rejects with ECANCELED when its AbortSignal aborts", async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    await expect(kernel.exec("jssleep 10000", { signal: abort.signal })).rejects.toMatchObject({ code: "ECANCELED" });
  });

  it("rejects at once when the signal has already aborted", async () => {
    await expect(kernel.exec("jssleep 10000", { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "ECANCELED" });
  });

  it("caps captured output at maxOutputBytes and ends the writer as by SIGPIPE", async () => {
    const r = await kernel.exec("jsyes", { maxOutputBytes: 10 });
    expect(r).toEqual({ exitCode: 141, stdout: "y\ny\ny\ny\ny\n", stderr: "", truncated: true });
  });

  it("reports no truncation for output that fits the cap exactly", async () => {
    expect(await kernel.exec("echo 12345", { maxOutputBytes: 6 })).toMatchObject({ stdout: "12345\n", truncated: false });
  });

  it("exits 127 with a message for an unknown command", async () => {
    expect(await kernel.exec("no-such-cmd arg")).toEqual({
      exitCode: 127, stdout: "", stderr: "sh: no-such-cmd: command not found\n", truncated: false,
    });
  });

  it("exits 2 with a message for a syntax error, running nothing", async () => {
    const r = await kernel.exec("echo ran > /tmp/ran; if then");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^sh: line 1: syntax error/);
    expect(await kernel.exists("/tmp/ran")).toBe(false);
  });

  it("leaves no process behind after many sequential execs", async () => {
    for (let i = 0; i < 200; i++) await kernel.exec("echo $i | jscat > /dev/null");
    expect(kernel.processes).toEqual([]);
  });
});

describe("ignored signals", () => {
  it("a command of another driver started after trap '' inherits the ignored signal", async () => {
    const r = await kernel.exec("trap '' TERM; jssleep 200 & p=$!; kill -TERM $p; wait $p; echo status=$?");
    expect(r.stdout).toBe("status=0\n");
  });

  it("a command the shell started before trap '' still takes the default action", async () => {
    const r = await kernel.exec("jssleep 5000 & p=$!; trap '' TERM; kill -TERM $p; wait $p; echo status=$?");
    expect(r.stdout).toBe("status=143\n");
  });

  it("a background job's commands ignore SIGINT, as without job control", async () => {
    const r = await kernel.exec("jssleep 200 & p=$!; kill -INT $p; wait $p; echo status=$?");
    expect(r.stdout).toBe("status=0\n");
  });
});
