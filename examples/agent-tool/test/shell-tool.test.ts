import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createShellTool, formatToolResult, shellToolDefinition } from "../shell-tool.mjs";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let kernel: Kernel;
let shell: ReturnType<typeof createShellTool>;
let quick: ReturnType<typeof createShellTool>;

beforeAll(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime());
  await kernel.mount(createQuickJsRuntime());
  shell = createShellTool({ kernel, timeoutMs: 20_000, maxOutputBytes: 64 });
  quick = createShellTool({ kernel, timeoutMs: 1000 });
});
afterAll(() => kernel.dispose());

describe("the shell tool", () => {
  it("returns stdout, stderr and the exit code of a command line", async () => {
    expect(await shell({ command: "echo out; echo err >&2; exit 3" })).toEqual({
      stdout: "out\n", stderr: "err\n", exitCode: 3, truncated: false, timedOut: false,
    });
  });

  it("keeps files between calls, as one sandbox", async () => {
    await shell({ command: "echo remembered > /tmp/note" });
    expect((await shell({ command: "cat /tmp/note" })).stdout).toBe("remembered\n");
  });

  it("gives the command the stdin it was called with", async () => {
    expect(await shell({ command: "node -e \"process.stdin.on('data', d => process.stdout.write(String(d).toUpperCase()))\"", stdin: "abc\n" }))
      .toEqual({ stdout: "ABC\n", stderr: "", exitCode: 0, truncated: false, timedOut: false });
  });

  it("cuts output at maxOutputBytes and says so", async () => {
    const result = await shell({ command: "yes 0123456789abcdef" });
    expect(result).toEqual({ stdout: "0123456789abcdef\n".repeat(4).slice(0, 64), stderr: "", exitCode: 141, truncated: true, timedOut: false });
  });

  it("ends a command at the time limit with exit code 124 and what it printed before", async () => {
    const started = Date.now();
    const result = await quick({ command: "echo partial; node -e 'for (;;) {}'" });
    expect(result).toEqual({ stdout: "partial\n", stderr: "shell: timed out after 1000 ms\n", exitCode: 124, truncated: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("answers bad arguments with exit code 2 instead of throwing", async () => {
    const bad = (stderr: string) => ({ stdout: "", stderr, exitCode: 2, truncated: false, timedOut: false });
    expect(await shell({})).toEqual(bad("shell: `command` must be a non-empty string\n"));
    expect(await shell(null)).toEqual(bad("shell: `command` must be a non-empty string\n"));
    expect(await shell({ command: "  " })).toEqual(bad("shell: `command` must be a non-empty string\n"));
    expect(await shell({ command: "cat", stdin: 42 })).toEqual(bad("shell: `stdin` must be a string\n"));
  });

  it("describes its input as a JSON schema requiring command", () => {
    expect(shellToolDefinition.name).toBe("shell");
    expect(shellToolDefinition.input_schema.required).toEqual(["command"]);
    expect(Object.keys(shellToolDefinition.input_schema.properties)).toEqual(["command", "stdin"]);
  });
});

describe("formatToolResult", () => {
  it("writes the exit code with notes, then each non-empty stream", () => {
    expect(formatToolResult({ stdout: "a\n", stderr: "b", exitCode: 1, truncated: true, timedOut: true }))
      .toBe("exit code: 1 (output truncated, timed out)\nstdout:\na\n\nstderr:\nb");
    expect(formatToolResult({ stdout: "", stderr: "", exitCode: 0, truncated: false, timedOut: false })).toBe("exit code: 0\n(no output)");
  });
});

describe("agent.mjs", () => {
  it("prints each scripted call and what the model would be shown", async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [here("../agent.mjs")]);
    expect(stderr).toBe("");
    expect(stdout).toBe(readFileSync(here("./expected-output.txt"), "utf8"));
  });
});
