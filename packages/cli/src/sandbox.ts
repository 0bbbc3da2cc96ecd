/**
 * The sandbox the CLI runs commands in: a kernel over an in-memory file
 * system, the host folders given with --mount (os-node, confined, read-only
 * with :ro), every first-party driver (WASI commands, node/qjs on QuickJS,
 * myecho) and the CLI's terminal driver. The guest environment is a small
 * fixed one plus --env; nothing of the host's environment is passed in.
 */
import { S_IFDIR, S_IFMT, createKernel, type Kernel, type VirtualFileSystem } from "@secure-exec/kernel";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createNodeFileSystem } from "@secure-exec/os-node";
import type { CliOptions } from "./options.js";
import { TerminalDriver } from "./terminal-driver.js";

/** The default home directory and working directory. */
export const HOME = "/home/user";

/** A kernel ready for the CLI's jobs. */
export interface Sandbox {
  /** The kernel, every driver mounted. */
  kernel: Kernel;
  /** The driver that starts jobs. */
  terminal: TerminalDriver;
  /** The working directory jobs start in. */
  cwd: string;
  /** The environment jobs start with. */
  env: Record<string, string>;
}

/** A problem with the sandbox the options describe (a missing host folder, a bad --cwd). */
export class SandboxError extends Error {
  override readonly name = "SandboxError";
}

function hostFolders(options: CliOptions): Record<string, VirtualFileSystem> {
  const mounts: Record<string, VirtualFileSystem> = {};
  for (const { hostPath, guestPath, readOnly } of options.mounts) {
    try {
      mounts[guestPath] = createNodeFileSystem({ root: hostPath, readOnly });
    } catch {
      throw new SandboxError(`cannot mount '${hostPath}': no such directory`);
    }
  }
  return mounts;
}

/** Builds the kernel and mounts the drivers. */
export async function createSandbox(options: CliOptions): Promise<Sandbox> {
  const cwd = options.cwd ?? HOME;
  const env = { HOME, USER: "user", LOGNAME: "user", SHELL: "/bin/sh", PATH: "/usr/bin:/bin", ...options.env, PWD: cwd };
  const kernel = createKernel({
    filesystem: createInMemoryFileSystem(),
    mounts: hostFolders(options),
    env,
    cwd,
  });
  const memory = options.memoryBytes ?? undefined;
  const terminal = new TerminalDriver();
  try {
    await kernel.mount(createWasmVmRuntime({ memoryLimit: memory, poolSize: 1 }));
    await kernel.mount(createQuickJsRuntime({ memoryLimitBytes: memory, poolSize: 1 }));
    await kernel.mount(createEchoDriver());
    await kernel.mount(terminal);
    const stat = await kernel.stat(cwd).catch(() => null);
    if (!stat || (stat.mode & S_IFMT) !== S_IFDIR) throw new SandboxError(`cannot start in '${cwd}': no such directory`);
  } catch (err) {
    await kernel.dispose();
    throw err;
  }
  return { kernel, terminal, cwd, env };
}
