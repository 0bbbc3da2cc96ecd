import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createUpperDriver, upperAscii } from "../src/index.js";

let kernel: Kernel;

beforeEach(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime());
  await kernel.mount(createEchoDriver());
  await kernel.mount(createUpperDriver());
});
afterEach(() => kernel.dispose());

describe("upperAscii", () => {
  it("changes ASCII letters only, leaving other bytes (UTF-8 included) alone", () => {
    const text = new TextDecoder().decode(upperAscii(new TextEncoder().encode("abc xyz ABC 123 é ß {}")));
    expect(text).toBe("ABC XYZ ABC 123 é ß {}");
  });
});

describe("upper in pipelines", () => {
  it("filters stdin between two drivers: the echo driver into upper into WASI wc", async () => {
    expect(await kernel.exec("myecho hello there | upper; myecho hello there | upper | wc -c")).toMatchObject({
      stdout: "HELLO THERE\n12\n", stderr: "", exitCode: 0,
    });
  });

  it("reads files relative to its working directory, and - for stdin, in order", async () => {
    await kernel.writeFile("/tmp/a.txt", "first\n");
    const result = await kernel.exec("cd /tmp && printf 'middle\\n' | upper a.txt - /tmp/a.txt");
    expect(result).toMatchObject({ stdout: "FIRST\nMIDDLE\nFIRST\n", stderr: "", exitCode: 0 });
  });

  it("writes through fd 1, so its output can be redirected into a file", async () => {
    await kernel.exec("printf 'to a file' | upper > /tmp/out.txt");
    expect(new TextDecoder().decode(await kernel.readFile("/tmp/out.txt"))).toBe("TO A FILE");
  });

  it("streams a MiB through 64 KiB pipes without losing a byte", async () => {
    const result = await kernel.exec("yes abcdefghijklmnopqrstuvwxyz | head -c 1048576 | upper | grep -c ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    expect(result).toMatchObject({ stdout: "38836\n", exitCode: 0 });
  });

  it("ends as by SIGPIPE when its reader goes away, so yes | upper | head finishes", async () => {
    const result = await kernel.exec("set -o pipefail; yes | upper | head -n 2; echo \"status $?\"");
    expect(result).toMatchObject({ stdout: "Y\nY\nstatus 141\n", stderr: "", exitCode: 0 });
  });

  it("reports a missing file GNU-style, goes on with the rest, and exits 1", async () => {
    await kernel.writeFile("/tmp/a.txt", "ok\n");
    expect(await kernel.exec("upper /tmp/missing /tmp/a.txt /tmp")).toMatchObject({
      stdout: "OK\n",
      stderr: "upper: /tmp/missing: No such file or directory\nupper: /tmp: Is a directory\n",
      exitCode: 1,
    });
  });

  it("exits 2 with a hint for an unknown option, and prints its usage for --help", async () => {
    expect(await kernel.exec("upper -x")).toMatchObject({
      stdout: "", stderr: "upper: invalid option -- 'x'\nTry 'upper --help' for more information.\n", exitCode: 2,
    });
    expect(await kernel.exec("upper --frob")).toMatchObject({
      stderr: "upper: unrecognized option '--frob'\nTry 'upper --help' for more information.\n", exitCode: 2,
    });
    const help = await kernel.exec("upper --help");
    expect(help.stdout.split("\n")[0]).toBe("Usage: upper [FILE]...");
    expect(help.exitCode).toBe(0);
  });

  it("treats arguments after -- as files", async () => {
    await kernel.writeFile("/tmp/-x", "dash\n");
    expect(await kernel.exec("cd /tmp && upper -- -x")).toMatchObject({ stdout: "DASH\n", exitCode: 0 });
  });
});
