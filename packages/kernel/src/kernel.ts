/**
 * `createKernel`: wires the tables together (mounts and the file-system
 * layer, the process manager, the command registry), mounts the kernel's own
 * shell, and offers the embedder's API: mount drivers, spawn, exec, file
 * helpers, dispose. Drivers get their system calls from syscalls.ts.
 */
import { CommandRegistry } from "./command-registry.js";
import { DeviceFileSystem } from "./devices.js";
import { KernelError } from "./errors.js";
import { execLine, type ExecOptions, type ExecResult } from "./exec.js";
import { DEFAULT_FD_LIMIT } from "./fd-table.js";
import { filterEnv, type Permissions } from "./permissions.js";
import { ProcessManager } from "./process-manager.js";
import { createShellDriver } from "./shell/driver.js";
import { createKernelInterface } from "./syscalls.js";
import type { ProcessHandle, RuntimeDriver, SpawnOptions } from "./types.js";
import { CommandFiles } from "./vfs/command-files.js";
import { KernelFileSystem } from "./vfs/kernel-fs.js";
import { createKernelVfs } from "./vfs/kernel-vfs.js";
import { MountTable } from "./vfs/mount-table.js";
import { normalizePath } from "./vfs/path.js";
import type { KernelVfs, MkdirOptions, VfsStat, VirtualFileSystem } from "./vfs/types.js";

/** Safety limits; each has a clear error and leaves the kernel usable. */
export interface KernelLimits {
  /** Most processes alive at once; spawning beyond gives EAGAIN. Default 256. */
  maxProcesses?: number;
  /** Most descriptors per process; opening beyond gives EMFILE. Default 1024. */
  maxFdsPerProcess?: number;
  /** Milliseconds between SIGTERM and SIGKILL for exec timeouts and dispose. Default 250. */
  killGraceMs?: number;
}

/** Options of `createKernel`. */
export interface KernelOptions {
  /** The root file system. */
  filesystem: VirtualFileSystem;
  /** More file systems by mount point, e.g. `{ "/work": createNodeFileSystem(...) }`. */
  mounts?: Record<string, VirtualFileSystem>;
  /** The environment guests get (the host's is never passed unless given here). */
  env?: Record<string, string>;
  /** Working directory of processes the embedder starts. Default "/". */
  cwd?: string;
  /** The embedder's policy; when given, anything it does not allow is denied. */
  permissions?: Permissions;
  /** Safety limits. */
  limits?: KernelLimits;
  /** Receives notices such as a mount replacing another driver's command (default: console.warn). */
  onWarning?: (message: string) => void;
}

/** A process as `kernel.processes` lists it. */
export interface ProcessInfo {
  /** Its id. */
  pid: number;
  /** Its parent's id (0: the embedder). */
  ppid: number;
  /** Its process group. */
  pgid: number;
  /** The command it runs. */
  command: string;
  /** Its arguments. */
  args: readonly string[];
  /** The driver running it. */
  driver: string;
  /** "running", or "zombie" once exited and not yet waited for. */
  state: "running" | "zombie";
  /** Its exit code, once exited. */
  exitCode: number | null;
}

/** A sandbox: file systems, processes and the drivers mounted into it. */
export interface Kernel {
  /** The file system as guests see it (mounts, devices, policy). */
  readonly vfs: KernelVfs;
  /** Command name → driver name, for every registered command. */
  readonly commands: ReadonlyMap<string, string>;
  /** Every process in the table. */
  readonly processes: readonly ProcessInfo[];
  /** Initializes a driver and registers its commands. */
  mount(driver: RuntimeDriver): Promise<void>;
  /** Ends every process, disposes every driver (last mounted first), and releases everything. */
  dispose(): Promise<void>;
  /** Runs a command line through the shell (`sh -c`) and collects its output. */
  exec(line: string, options?: ExecOptions): Promise<ExecResult>;
  /** Starts a command directly (no shell); ENOENT at once for an unknown command. */
  spawn(command: string, args?: string[], options?: SpawnOptions): ProcessHandle;
  /** Reads a whole file. */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates or replaces a file. */
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Lists a directory's names, sorted. */
  readdir(path: string): Promise<string[]>;
  /** Metadata, following symlinks. */
  stat(path: string): Promise<VfsStat>;
  /** Creates a directory (recursive creates parents). */
  mkdir(path: string, options?: MkdirOptions): Promise<void>;
  /** Whether a path exists. */
  exists(path: string): Promise<boolean>;
}

/** Creates a kernel over `options.filesystem`, with the kernel's shell mounted. */
export function createKernel(options: KernelOptions): Kernel {
  return new KernelImpl(options);
}

class KernelImpl implements Kernel {
  readonly vfs: KernelVfs;
  private readonly mounts: MountTable;
  private readonly fs: KernelFileSystem;
  private readonly registry = new CommandRegistry();
  private readonly drivers: RuntimeDriver[] = [];
  private readonly processManager: ProcessManager;
  private readonly graceMs: number;
  private readonly warn: (message: string) => void;
  private readonly permissions?: Permissions;
  private readonly ready: Promise<void>;
  private disposed = false;

  constructor(options: KernelOptions) {
    if (!options?.filesystem) throw new KernelError("EINVAL", "createKernel needs a filesystem");
    this.mounts = new MountTable(options.filesystem);
    this.mounts.add("/dev", new DeviceFileSystem());
    for (const [point, fs] of Object.entries(options.mounts ?? {})) this.mounts.add(point, fs);
    this.permissions = options.permissions;
    const commandFiles = new CommandFiles((name) => this.registry.get(name) !== undefined, () => [...this.registry.list().keys()]);
    this.fs = new KernelFileSystem(this.mounts, commandFiles, options.permissions);
    this.vfs = createKernelVfs(this.fs);
    this.graceMs = options.limits?.killGraceMs ?? 250;
    this.warn = options.onWarning ?? ((message) => console.warn(message));
    this.processManager = new ProcessManager(this.fs, this.registry, () => this.drivers, {
      maxProcesses: options.limits?.maxProcesses ?? 256,
      maxFdsPerProcess: options.limits?.maxFdsPerProcess ?? DEFAULT_FD_LIMIT,
      permissions: options.permissions,
      cwd: normalizePath(options.cwd ?? "/"),
      env: filterEnv(options.permissions, options.env ?? {}),
    });
    this.ready = this.mountNow(createShellDriver(), false);
    // A kernel disposed before its shell finished mounting rejects `ready` with ESHUTDOWN; only
    // later calls (which check first) care, so the rejection is not left unhandled.
    this.ready.catch(() => {});
  }

  get commands(): ReadonlyMap<string, string> {
    return this.registry.list();
  }

  get processes(): readonly ProcessInfo[] {
    return this.processManager.table.all().map((p) => ({
      pid: p.pid, ppid: p.ppid, pgid: p.pgid, command: p.command, args: p.args,
      driver: p.owner, state: p.state, exitCode: p.exitCode,
    }));
  }

  async mount(driver: RuntimeDriver): Promise<void> {
    this.assertLive();
    await this.ready;
    await this.mountNow(driver, true);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.processManager.terminateAll(this.graceMs);
    for (const driver of [...this.drivers].reverse()) {
      try {
        await driver.dispose();
      } catch (err) {
        this.warn(`secure-exec: driver ${driver.name} failed to dispose: ${(err as Error)?.message ?? err}`);
      }
    }
    this.drivers.length = 0;
    for (const fs of this.mounts.backends()) fs.dispose?.();
  }

  async exec(line: string, options: ExecOptions = {}): Promise<ExecResult> {
    this.assertLive();
    if (typeof line !== "string") throw new KernelError("EINVAL", "exec takes a command line string", { syscall: "exec" });
    await this.ready;
    return execLine(this.processManager, line, options, this.graceMs);
  }

  spawn(command: string, args: string[] = [], options: SpawnOptions = {}): ProcessHandle {
    this.assertLive();
    if (typeof command !== "string" || !Array.isArray(args) || args.some((a) => typeof a !== "string")) {
      throw new KernelError("EINVAL", "spawn takes a command string and an array of string arguments", { syscall: "spawn" });
    }
    return this.processManager.spawn(command, args, { ...options, ppid: 0 });
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.live(() => this.vfs.readFile(path));
  }
  writeFile(path: string, content: string | Uint8Array): Promise<void> {
    return this.live(() => this.vfs.writeFile(path, content));
  }
  readdir(path: string): Promise<string[]> {
    return this.live(() => this.vfs.readdir(path));
  }
  stat(path: string): Promise<VfsStat> {
    return this.live(() => this.vfs.stat(path));
  }
  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    return this.live(() => this.vfs.mkdir(path, options));
  }
  exists(path: string): Promise<boolean> {
    return this.live(() => this.vfs.exists(path));
  }

  private async mountNow(driver: RuntimeDriver, report: boolean): Promise<void> {
    if (!driver || typeof driver.spawn !== "function" || typeof driver.init !== "function") {
      throw new KernelError("EINVAL", "mount takes a RuntimeDriver", { syscall: "mount" });
    }
    if (this.drivers.some((d) => d.name === driver.name)) {
      throw new KernelError("EEXIST", `a driver named ${driver.name} is already mounted`, { syscall: "mount" });
    }
    const context = { processes: this.processManager, fs: this.fs, vfs: this.vfs, permissions: this.permissions, assertLive: () => this.assertLive() };
    await driver.init(createKernelInterface(context, driver));
    if (this.disposed) {
      await driver.dispose();
      this.assertLive();
    }
    this.drivers.push(driver);
    for (const r of this.registry.register(driver)) {
      if (report) this.warn(`secure-exec: command ${r.command} now runs on driver ${r.next} (was ${r.previous})`);
    }
  }

  private live<T>(fn: () => Promise<T>): Promise<T> {
    try {
      this.assertLive();
    } catch (err) {
      return Promise.reject(err);
    }
    return fn();
  }

  private assertLive(): void {
    if (this.disposed) throw new KernelError("ESHUTDOWN", "the kernel has been disposed");
  }
}
