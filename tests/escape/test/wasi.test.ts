/**
 * Escape attempts from WASI programs: the bundled C commands run by the
 * WASI driver, whose every path goes through the kernel. WASI's own rule
 * refuses a relative path that climbs above a directory descriptor with
 * EPERM; above the root preopen, as in Linux, ".." stays at "/". Every path
 * resolves in the guest's namespace, so escapes end in the in-memory root. The probe program
 * (fixtures/wasi-escape-probe.c) makes raw WASI calls, bypassing wasi-libc.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createSandbox, type ShellOutcome } from "./sandbox.js";

type Attempt = [line: string, expected: ShellOutcome];

const failed = (stderr: string, exitCode = 1): ShellOutcome => ({ exitCode, stdout: "", stderr });

const ATTEMPTS: Attempt[] = [
  ["cd /work && cat ../../etc/passwd", failed("cat: ../../etc/passwd: No such file or directory\n")],
  ["cd /work/sub && cat ../../../outside/secret.txt", failed("cat: ../../../outside/secret.txt: No such file or directory\n")],
  ["cat /dev/../work/../../outside/secret.txt", failed("cat: /dev/../work/../../outside/secret.txt: No such file or directory\n")],
  ["cat /work/../outside/secret.txt", failed("cat: /work/../outside/secret.txt: No such file or directory\n")],
  ["cd /work && ln -s / x && cat x/etc/passwd; echo x/*", {
    exitCode: 0,
    stdout: "x/bin x/dev x/etc x/home x/tmp x/usr x/work\n",
    stderr: "cat: x/etc/passwd: No such file or directory\n",
  }],
  ["cd /work && ln -s ../../.. up && cat up/outside/secret.txt", failed("cat: up/outside/secret.txt: No such file or directory\n")],
  ["ln -s /work/../../outside /work/o && cat /work/o/secret.txt", failed("cat: /work/o/secret.txt: No such file or directory\n")],
  ["cat /work/hostlink/secret.txt", failed("cat: /work/hostlink/secret.txt: No such file or directory\n")],
  ["cat /work/rel/secret.txt", failed("cat: /work/rel/secret.txt: No such file or directory\n")],
  ["realpath /work/rel", { exitCode: 0, stdout: "/outside\n", stderr: "" }],
  ["ln -s /tmp/x /work/t && echo data > /work/t && cat /tmp/x", { exitCode: 0, stdout: "data\n", stderr: "" }],
  ["chmod 777 /work/direct", failed("chmod: cannot operate on dangling symlink '/work/direct'\n")],
  ["touch /work/hostlink/new", failed("touch: cannot touch '/work/hostlink/new': No such file or directory\n")],
  ["mkdir /work/hostlink/d", failed("mkdir: cannot create directory '/work/hostlink/d': No such file or directory\n")],
  ["sed -i s/S/X/ /work/direct", failed("sed: can't read /work/direct: No such file or directory\n", 2)],
  ["cat /work/fifo", failed("cat: /work/fifo: No such device or address\n")],
  ["ln -s a /work/b; ln -s b /work/a; cat /work/a", failed("cat: /work/a: Too many levels of symbolic links\n")],
  ["env -i cat /work/rel/secret.txt", failed("cat: /work/rel/secret.txt: No such file or directory\n")],
  ["echo /work/rel/secret.txt | xargs cat", failed("cat: /work/rel/secret.txt: No such file or directory\n", 123)],
  ["head -c 16 /dev/zero > /work/../outside/secret.txt", failed("sh: /work/../outside/secret.txt: No such file or directory\n")],
  [`cat /work/${"n".repeat(300)}`, failed(`cat: /work/${"n".repeat(300)}: File name too long\n`)],
  ["ln /work/file.txt /tmp/hard", failed("ln: failed to create hard link '/tmp/hard': Invalid cross-device link\n")],
  ["ln /work/hostlink/secret.txt /work/stolen", failed("ln: failed to access '/work/hostlink/secret.txt': No such file or directory\n")],
];

describe("escape attempts from WASI commands", () => {
  for (const [line, expected] of ATTEMPTS) {
    const title = line.length > 80 ? `${line.slice(0, 77)}...` : line;
    it(`${title} → exit ${expected.exitCode}; the host is untouched`, async () => {
      const sandbox = createSandbox();
      try {
        await sandbox.kernel.mount(createWasmVmRuntime({ poolSize: 1 }));
        expect(await sandbox.run(line)).toEqual(expected);
      } finally {
        await sandbox.verifyHostUntouched();
      }
    });
  }

  it("grep -R over /work finds no secret, only the dangling links", async () => {
    const sandbox = createSandbox();
    try {
      await sandbox.kernel.mount(createWasmVmRuntime({ poolSize: 1 }));
      const { exitCode, stdout, stderr } = await sandbox.run("grep -R SENTINEL /work");
      expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: "" });
      expect(stderr.split("\n").filter(Boolean).sort()).toEqual([
        "grep: /work/direct: No such file or directory",
        "grep: /work/hostlink: No such file or directory",
        "grep: /work/rel: No such file or directory",
      ]);
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });
});

/** What fixtures/wasi-escape-probe.c prints, one attempt a line. */
const PROBE_OUTPUT = `open ../outside/secret.txt: ENOENT
open work/../../outside/secret.txt: ENOENT
open /etc/passwd (absolute): EPERM
open work/hostlink/secret.txt: ENOENT
open work/rel/secret.txt: ENOENT
open work/direct: ENOENT
open work/direct for writing, truncated: ENOENT
open work/direct without following: ELOOP
open work/hostlink as a directory: ENOENT
open with a NUL byte inside the path: EINVAL
open work/fifo: ENXIO
open a name of 300 bytes: ENAMETOOLONG
symlink / at work/x: ok
open work/x/etc/passwd: ENOENT
symlink ../../outside at work/up: ok
create work/up/planted: ENOENT
mkdir work/hostlink/d: ENOENT
stat work/rel, following: ENOENT
set times through work/direct: ENOENT
rename work/file.txt to tmp/f: EXDEV
rename work to tmp/w: EBUSY
rename work/file.txt into work/hostlink: ENOENT
link work/file.txt to tmp/l: EXDEV
link work/hostlink/secret.txt to work/l: ENOENT
rmdir work: EBUSY
unlink work/direct: ok
`;

describe("escape attempts with raw WASI calls", () => {
  it("every call of the probe program fails inside the sandbox or stays in it; the host is untouched", async () => {
    const sandbox = createSandbox();
    try {
      const probe = fileURLToPath(new URL("../fixtures/wasi-escape-probe.wasm", import.meta.url));
      await sandbox.kernel.mount(createWasmVmRuntime({ poolSize: 1, commands: { "escape-probe": probe } }));
      expect(await sandbox.run("escape-probe")).toEqual({ exitCode: 0, stdout: PROBE_OUTPUT, stderr: "" });
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });
});
