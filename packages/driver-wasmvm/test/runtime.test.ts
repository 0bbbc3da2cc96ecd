import { afterEach, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { wasiKernel } from "./helpers/kernel.js";

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
});

async function run(command: string, args: string[], stdin?: string) {
  let stdout = "";
  let stderr = "";
  const decoder = new TextDecoder();
  const child = kernel!.spawn(command, args, {
    onStdout: (d) => (stdout += decoder.decode(d, { stream: true })),
    onStderr: (d) => (stderr += decoder.decode(d, { stream: true })),
  });
  if (stdin !== undefined) child.writeStdin(stdin);
  child.closeStdin();
  const exitCode = await child.wait();
  return { exitCode, stdout, stderr };
}

describe("createWasmVmRuntime", () => {
  it("runs a WASI command with its argv and captures its stdout", async () => {
    kernel = await wasiKernel();
    expect(await run("probe", ["args", "a b", "c"])).toEqual({ exitCode: 0, stdout: "probe\nargs\na b\nc\n", stderr: "" });
  });
});
