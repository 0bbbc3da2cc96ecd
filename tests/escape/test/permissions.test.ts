/**
 * Permission policies as a guest meets them through the kernel: for every
 * file-system call, the policy sees the operation and the resolved guest
 * path, and a denial is EACCES with the policy's reason and changes nothing;
 * a symlink cannot carry a request out of an allowed prefix; commands and
 * environment variables are filtered; the host's environment never reaches
 * a guest unless the embedder passes it.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  O_CREAT,
  O_WRONLY,
  allowCommands,
  allowEnv,
  allowFsUnder,
  createKernel,
  isKernelError,
  readOnlyFs,
  type FsOperation,
  type Kernel,
  type KernelVfs,
  type Permissions,
  type RuntimeDriver,
  type VirtualFileSystem,
} from "@secure-exec/kernel";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createSandbox } from "./sandbox.js";

type Call = [name: string, run: (vfs: KernelVfs) => Promise<unknown>, requests: string[]];

/** Each KernelVfs call, and the policy requests (operation, resolved path) it makes. */
const CALLS: Call[] = [
  ["stat", (v) => v.stat("/data/link"), ["stat /data/file.txt"]],
  ["lstat", (v) => v.lstat("/data/link"), ["stat /data/link"]],
  ["readdir", (v) => v.readdir("/data/dir"), ["readdir /data/dir"]],
  ["readFile", (v) => v.readFile("/data/file.txt"), ["read /data/file.txt"]],
  ["writeFile on an existing file", (v) => v.writeFile("/data/file.txt", "new"), ["write /data/file.txt"]],
  ["writeFile of a new file", (v) => v.writeFile("/data/new.txt", "new"), ["create /data/new.txt"]],
  ["appendFile", (v) => v.appendFile("/data/file.txt", "more"), ["write /data/file.txt"]],
  ["mkdir", (v) => v.mkdir("/data/newdir"), ["mkdir /data/newdir"]],
  ["rmdir", (v) => v.rmdir("/data/dir"), ["rmdir /data/dir"]],
  ["unlink", (v) => v.unlink("/data/file.txt"), ["unlink /data/file.txt"]],
  ["rename", (v) => v.rename("/data/file.txt", "/data/moved.txt"), ["rename /data/file.txt", "rename /data/moved.txt"]],
  ["symlink", (v) => v.symlink("file.txt", "/data/sym"), ["symlink /data/sym"]],
  ["readlink", (v) => v.readlink("/data/link"), ["readlink /data/link"]],
  ["link", (v) => v.link("/data/file.txt", "/data/hard"), ["link /data/file.txt", "link /data/hard"]],
  ["chmod", (v) => v.chmod("/data/link", 0o600), ["chmod /data/file.txt"]],
  ["utimes", (v) => v.utimes("/data/file.txt", 1000, 1000), ["utimes /data/file.txt"]],
  ["realpath", (v) => v.realpath("/data/link"), ["stat /data/file.txt"]],
];

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
});

function populated(): VirtualFileSystem {
  const fs = createInMemoryFileSystem();
  fs.mkdir("/data", 0o755);
  fs.mkdir("/data/dir", 0o755);
  const file = fs.open("/data/file.txt", O_WRONLY | O_CREAT, 0o644);
  file.write(new TextEncoder().encode("content"), 0);
  file.close();
  fs.symlink("file.txt", "/data/link");
  fs.utimes("/data/file.txt", 5000, 5000);
  return fs;
}

/** Everything under /data as the backend holds it: names, modes, sizes, times, link targets. */
function listing(fs: VirtualFileSystem): string {
  const lines: string[] = [];
  const walk = (path: string): void => {
    const st = fs.lstat(path);
    const target = (st.mode & 0o170000) === 0o120000 ? fs.readlink(path) : "";
    lines.push(`${path} ${st.mode.toString(8)} ${st.size} ${st.mtimeMs} ${target}`);
    if ((st.mode & 0o170000) === 0o040000) for (const e of fs.readdir(path)) walk(`${path}/${e.name}`);
  };
  walk("/data");
  return lines.sort().join("\n");
}

async function outcome(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return "allowed";
  } catch (err) {
    if (isKernelError(err)) return err.message;
    throw err;
  }
}

describe("file-system policy through the kernel", () => {
  for (const [name, run, requests] of CALLS) {
    it(`${name} asks the policy for ${requests.join(" and ")}`, async () => {
      const seen: string[] = [];
      const permissions: Permissions = { fs: (r) => (seen.push(`${r.op} ${r.path}`), true) };
      kernel = createKernel({ filesystem: populated(), permissions, onWarning: () => {} });
      expect(await outcome(() => run(kernel!.vfs))).toBe("allowed");
      expect(seen.filter((line) => line.includes("/data"))).toEqual(requests);
    });

    it(`${name} denied by the policy gives EACCES with its reason and changes nothing`, async () => {
      const fs = populated();
      const [op, path] = requests[0]!.split(" ") as [FsOperation, string];
      const permissions: Permissions = { fs: (r) => (r.op === op && r.path === path ? { allow: false, reason: `no ${op} here` } : true) };
      kernel = createKernel({ filesystem: fs, permissions, onWarning: () => {} });
      const before = listing(fs);
      expect(await outcome(() => run(kernel!.vfs))).toBe(`EACCES: permission denied, ${op} '${path}' (no ${op} here)`);
      expect(listing(fs)).toBe(before);
    });
  }

  it("readOnlyFs lets every reading call through and stops every changing one", async () => {
    const fs = populated();
    kernel = createKernel({ filesystem: fs, permissions: { fs: readOnlyFs() }, onWarning: () => {} });
    const before = listing(fs);
    const results: Record<string, boolean> = {};
    for (const [name, run] of CALLS) results[name] = (await outcome(() => run(kernel!.vfs))) === "allowed";
    results.truncate = (await outcome(() => kernel!.vfs.truncate("/data/file.txt", 0))) === "allowed";
    expect(Object.keys(results).filter((name) => results[name])).toEqual(["stat", "lstat", "readdir", "readFile", "readlink", "realpath"]);
    expect(listing(fs)).toBe(before);
  });

  it("allowFsUnder keeps a symlink from carrying a read out of the prefix", async () => {
    const fs = populated();
    fs.mkdir("/secret", 0o700);
    fs.open("/secret/key", O_WRONLY | O_CREAT, 0o600).close();
    fs.symlink("/secret/key", "/data/key-link");
    kernel = createKernel({ filesystem: fs, permissions: { fs: allowFsUnder("/data") }, onWarning: () => {} });
    expect(await outcome(() => kernel!.vfs.readFile("/data/file.txt"))).toBe("allowed");
    expect(await outcome(() => kernel!.vfs.readFile("/data/key-link"))).toBe(
      "EACCES: permission denied, read '/secret/key' (outside /data)",
    );
    expect(await outcome(() => kernel!.vfs.readFile("/data/../secret/key"))).toBe(
      "EACCES: permission denied, read '/secret/key' (outside /data)",
    );
  });

  it("a policy without an fs check denies every file-system call", async () => {
    kernel = createKernel({ filesystem: populated(), permissions: {}, onWarning: () => {} });
    expect(await outcome(() => kernel!.vfs.stat("/data/file.txt"))).toBe(
      "EACCES: permission denied, stat '/data/file.txt' (no fs policy)",
    );
  });
});

/** A driver whose `probe` command prints its environment as JSON. */
function probeDriver(): RuntimeDriver {
  return {
    name: "probe",
    commands: ["probe"],
    async init() {},
    spawn(_command, _args, ctx) {
      ctx.onStdout(new TextEncoder().encode(JSON.stringify(ctx.env)));
      const exit = Promise.resolve(0);
      return { writeStdin() {}, closeStdin() {}, kill() {}, wait: () => exit, onExit: null, onStdout: null, onStderr: null };
    },
    async dispose() {},
  };
}

async function run(k: Kernel, command: string): Promise<string> {
  let out = "";
  const handle = k.spawn(command, [], { onStdout: (data) => (out += new TextDecoder().decode(data)) });
  await handle.wait();
  return out;
}

describe("process and environment policy through the kernel", () => {
  it("allowCommands starts listed commands and refuses others with EACCES", async () => {
    kernel = createKernel({
      filesystem: createInMemoryFileSystem(),
      permissions: { fs: () => true, childProcess: allowCommands(["probe"]) },
      onWarning: () => {},
    });
    await kernel.mount(probeDriver());
    expect(await run(kernel, "probe")).toBe("{}");
    let message = "";
    try {
      kernel.spawn("sh", ["-c", "probe"]);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe("EACCES: permission denied, spawn 'sh' (command 'sh' is not allowed)");
  });

  it("allowEnv passes guests only the listed variables of the kernel's environment", async () => {
    kernel = createKernel({
      filesystem: createInMemoryFileSystem(),
      env: { HOME: "/home/user", API_TOKEN: "t0ken" },
      permissions: { fs: () => true, childProcess: () => true, env: allowEnv(["HOME"]) },
      onWarning: () => {},
    });
    await kernel.mount(probeDriver());
    expect(JSON.parse(await run(kernel, "probe"))).toEqual({ HOME: "/home/user" });
  });

  it("never hands a guest the host's environment unless the embedder gives it", async () => {
    process.env.ESCAPE_SUITE_HOST_SECRET = "host-only";
    try {
      kernel = createKernel({ filesystem: createInMemoryFileSystem(), onWarning: () => {} });
      await kernel.mount(probeDriver());
      expect(await run(kernel, "probe")).toBe("{}");
    } finally {
      delete process.env.ESCAPE_SUITE_HOST_SECRET;
    }
  });

  it("reads through a denied policy fail before the backend is touched", async () => {
    const calls: string[] = [];
    const fs = populated();
    const spy: VirtualFileSystem = new Proxy(fs, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== "open") return value;
        return (...args: Parameters<VirtualFileSystem["open"]>) => {
          calls.push(args[0]);
          return target.open(...args);
        };
      },
    });
    kernel = createKernel({ filesystem: spy, permissions: { fs: (r) => r.op !== "read" }, onWarning: () => {} });
    expect(await outcome(() => kernel!.vfs.readFile("/data/file.txt"))).toBe("EACCES: permission denied, read '/data/file.txt' (denied by policy)");
    expect(calls).toEqual([]);
  });
});

describe("policies as the shell meets them", () => {
  it("a command the policy refuses exits 126 with Permission denied", async () => {
    const sandbox = createSandbox({ permissions: { fs: () => true, childProcess: allowCommands(["sh", "cat"]) } });
    try {
      await sandbox.kernel.mount(createWasmVmRuntime({ poolSize: 1 }));
      expect(await sandbox.run("cat /work/file.txt; grep inside /work/file.txt")).toEqual({
        exitCode: 126,
        stdout: "inside\n",
        stderr: "sh: grep: Permission denied\n",
      });
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });

  it("redirections and cd outside an allowed prefix fail with Permission denied", async () => {
    const sandbox = createSandbox({ permissions: { fs: allowFsUnder(["/work", "/tmp"]), childProcess: () => true } });
    try {
      expect(await sandbox.run("echo hi > /etc/x; cd /etc; echo ok > /tmp/ok; cd /work && echo *")).toEqual({
        exitCode: 0,
        stdout: "direct fifo file.txt hostlink rel sub\n",
        stderr: "sh: /etc/x: Permission denied\nsh: cd: /etc: Permission denied\n",
      });
      expect(await sandbox.kernel.vfs.readTextFile("/tmp/ok")).toBe("ok\n");
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });
});
