/**
 * What the files, process and system commands answer inside the sandbox
 * where the host's GNU tools cannot be the reference: the fixed system of
 * uname, the user and host names, WASI's block estimate, permission bits and
 * ids through the kernel imports, commands started through the kernel, and
 * timeout's kill. The lines the host can answer are in cases/files.txt.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";

const ENV = { PATH: "/bin:/usr/bin", LC_ALL: "C", TZ: "UTC", USER: "agent", HOSTNAME: "box.example" };

describe("files commands: values only the sandbox defines", () => {
  let kernel: Kernel;

  beforeAll(async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem(), env: ENV });
    await kernel.mount(createWasmVmRuntime({ workerUrl: inject("workerUrl") }));
    await kernel.vfs.mkdir("/work", { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await kernel?.dispose();
  });

  const run = async (command: string, env: Record<string, string> = ENV) => {
    const r = await kernel.exec(command, { cwd: "/work", env, timeout: 20_000 });
    return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode };
  };

  it("uname -a reports Linux on wasm32 with the sandbox's release and HOSTNAME as the node name", async () => {
    expect(await run("uname -a")).toEqual({
      stdout: "Linux box.example 6.1.0-secure-exec #1 SMP secure-exec wasm32 Linux\n",
      stderr: "",
      status: 0,
    });
  });

  it("uname -s, -m and -o print Linux, wasm32 and Linux", async () => {
    expect((await run("uname -s; uname -m; uname -o")).stdout).toBe("Linux\nwasm32\nLinux\n");
  });

  it("whoami prints USER, and user when USER is unset", async () => {
    expect((await run("whoami; env -u USER whoami")).stdout).toBe("agent\nuser\n");
  });

  it("hostname prints HOSTNAME, its first label with -s, and sandbox when HOSTNAME is unset", async () => {
    expect((await run("hostname; hostname -s; env -u HOSTNAME hostname")).stdout).toBe("box.example\nbox\nsandbox\n");
  });

  it("nproc prints 1, or OMP_NUM_THREADS when set", async () => {
    expect((await run("nproc; OMP_NUM_THREADS=4 nproc")).stdout).toBe("1\n4\n");
  });

  it("du and ls -s count a 1-byte file as one 4 KiB block and du -b as 1 byte", async () => {
    expect((await run("printf x > one && du one && du -b one && ls -s one")).stdout).toBe("4\tone\n1\tone\n4 one\n");
  });

  it("chmod sets permission bits that stat and ls -l read back through the kernel", async () => {
    const r = await run("touch f && chmod 640 f && stat -c '%a %A %u %U' f && ls -l f | cut -d' ' -f1-4");
    expect(r.stdout).toBe("640 -rw-r----- 0 root\n-rw-r----- 1 root root\n");
  });

  it("mkdir -m and mktemp -d set the modes they promise", async () => {
    expect((await run("mkdir -m 711 m && stat -c %a m && stat -c %a \"$(mktemp -d -p .)\"")).stdout).toBe("711\n700\n");
  });

  it("touch -d sets the time that date -r and stat read", async () => {
    const r = await run("touch -d '2024-01-15 10:20:30' t && date -r t +%s && stat -c %y t");
    expect(r.stdout).toBe("1705314030\n2024-01-15 10:20:30.000000000 +0000\n");
  });

  it("env, xargs and find -exec start commands of any driver through the kernel", async () => {
    const r = await run("mkdir -p d && touch d/a d/b && env A=1 sh -c 'echo $A' && find d -type f -exec basename {} \\; | sort && echo x y | xargs -n 1 echo got");
    expect(r).toEqual({ stdout: "1\na\nb\ngot x\ngot y\n", stderr: "", status: 0 });
  });

  it("env reports a missing command with status 127", async () => {
    expect(await run("env no-such-command")).toEqual({
      stdout: "",
      stderr: "env: 'no-such-command': No such file or directory\n",
      status: 127,
    });
  });

  it("timeout ends a command that outlives its duration with status 124, well before the command would end", async () => {
    const started = Date.now();
    expect((await run("timeout 0.2 sleep 10; echo $?")).stdout).toBe("124\n");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("timeout -s KILL reports 137", async () => {
    expect((await run("timeout -s KILL 0.1 sleep 10; echo $?")).stdout).toBe("137\n");
  });

  it("option errors read as GNU's under wasi-libc too", async () => {
    expect(await run("ls --bogus")).toEqual({
      stdout: "",
      stderr: "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
    expect((await run("cat -Z")).stderr).toBe("cat: invalid option -- 'Z'\nTry 'cat --help' for more information.\n");
  });

  it("a symlink loop is reported in glibc's words", async () => {
    const r = await run("ln -s l1 l2 && ln -s l2 l1 && cat l1");
    expect(r).toEqual({ stdout: "", stderr: "cat: l1: Too many levels of symbolic links\n", status: 1 });
  });
});
