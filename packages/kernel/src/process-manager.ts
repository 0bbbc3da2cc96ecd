/**
 * Starting, signalling and ending processes. `spawn` resolves a command to a
 * driver (executable.ts), builds
 * the child's fd table (a copy of the parent's with the stdio overrides),
 * calls the driver and wires its callbacks so that every byte it emits goes
 * through the child's fd 1 and 2, in order. `fork` starts a child that runs
 * a function on the kernel's thread. A process's exit is final once its
 * queued output is written; a fatal signal ends it at once with 128 + n.
 */
import { O_RDONLY, O_WRONLY, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, SIGTSTP, S_IFDIR, S_IFMT } from "./constants.js";
import { KernelError, isKernelError } from "./errors.js";
import { readFd, writeFd } from "./fd-io.js";
import { FdTable } from "./fd-table.js";
import { OpenFile } from "./open-file.js";
import { OutputSink } from "./output-sink.js";
import { checkChildProcess, type Permissions } from "./permissions.js";
import { PipeBuffer, PipeReadEnd, PipeWriteEnd } from "./pipe.js";
import { ProcessEntry, ProcessTable } from "./process-table.js";
import type { CommandRegistry } from "./command-registry.js";
import type { DriverProcess, ProcessContext, ProcessHandle, RuntimeDriver, SpawnOptions } from "./types.js";
import type { KernelFileSystem } from "./vfs/kernel-fs.js";
import { absolutePath } from "./vfs/path.js";
import { ExecutableResolver } from "./executable.js";

/** Signals whose default action is to do nothing (no job control here, so stops are ignored too). */
const IGNORED_BY_DEFAULT = new Set([SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, 21, 22, 23, 28]);

/** Settings the process manager needs from the kernel. */
export interface ProcessManagerOptions {
  /** Most processes alive at once (EAGAIN beyond). */
  maxProcesses: number;
  /** Most descriptors per process (EMFILE beyond). */
  maxFdsPerProcess: number;
  /** The embedder's policy. */
  permissions?: Permissions;
  /** The kernel's working directory for processes the embedder starts. */
  cwd: string;
  /** The environment processes the embedder starts get by default. */
  env: Record<string, string>;
}

/** Spawn options inside the kernel: the parent (0 for the embedder) and output caps. */
export interface StartOptions extends SpawnOptions {
  /** The parent's pid; 0 for the embedder. */
  ppid: number;
  /** Most bytes the onStdout/onStderr sinks take each; beyond it writes fail with EPIPE. */
  maxOutputBytes?: number;
  /** Called when a sink first refuses output for the cap. */
  onOutputTruncated?: () => void;
}

/** Keeps a process's callback output in order while the writes it makes may wait. */
class OrderedOutput {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly manager: ProcessManager,
    private readonly entry: ProcessEntry,
    private readonly fd: number,
  ) {}

  write(data: Uint8Array): void {
    if (this.entry.state !== "running" || data.length === 0) return;
    const bytes = data.slice();
    this.tail = this.tail
      .then(() => (this.entry.state === "running" ? writeFd(this.entry, this.fd, bytes, this.manager.signal) : 0))
      .catch(() => 0);
  }

  drained(): Promise<unknown> {
    return this.tail;
  }
}

/** Owns the process table and every transition of a process's life. */
export class ProcessManager {
  readonly table = new ProcessTable();
  private readonly executables: ExecutableResolver;

  constructor(
    private readonly fs: KernelFileSystem,
    private readonly registry: CommandRegistry,
    drivers: () => readonly RuntimeDriver[],
    private readonly options: ProcessManagerOptions,
  ) {
    this.executables = new ExecutableResolver(fs, registry, drivers);
  }

  /** Sends a signal to one process (the kernel-internal form of kill). */
  readonly signal = (entry: ProcessEntry, signal: number): void => {
    if (entry.state !== "running") return;
    if (signal !== SIGKILL && (IGNORED_BY_DEFAULT.has(signal) || entry.ignoredSignals.has(signal))) return;
    const proc = entry.driverProcess;
    try {
      // A process that catches the signal (a shell's trap) goes on running; SIGKILL cannot be caught.
      if (signal !== SIGKILL && proc?.handleSignal?.(signal) === true) return;
      proc?.kill(signal);
    } catch {
      // The driver failed to stop its process; the kernel ends it regardless.
    }
    this.table.exit(entry.pid, 128 + signal);
  };

  /** Whether `name` is a registered command. */
  hasCommand(name: string): boolean {
    return this.registry.get(name) !== undefined;
  }

  /** kill(2): `target` > 0 a process, < 0 a process group; signal 0 only checks existence. */
  kill(target: number, signal: number): void {
    if (!Number.isInteger(signal) || signal < 0 || signal > 64) throw new KernelError("EINVAL", `signal ${signal}`, { syscall: "kill" });
    const victims = target > 0 ? [this.table.getOrThrow(target)] : this.table.group(-target);
    if (target === 0 || victims.length === 0) throw new KernelError("ESRCH", `pid ${target}`, { syscall: "kill" });
    if (signal === 0) return;
    for (const victim of victims) this.signal(victim, signal);
  }

  /** Starts `command` under its driver. */
  spawn(command: string, args: string[], options: StartOptions): ProcessHandle {
    const parent = this.liveParent(options.ppid);
    const cwd = this.childCwd(parent, options.cwd);
    const exe = this.executables.resolve(command, args, cwd);
    checkChildProcess(this.options.permissions, { command, args, cwd, ppid: options.ppid });
    return this.start(exe.driver, exe.command, exe.args, parent, cwd, options, true, (ctx) => {
      const proc = exe.driver.spawn(exe.command, exe.args, ctx);
      if (!proc || typeof proc.wait !== "function" || typeof proc.kill !== "function") {
        throw new KernelError("EINVAL", `driver ${exe.driver.name} returned no DriverProcess`, { syscall: "spawn", path: command });
      }
      return proc;
    });
  }

  /** Starts a child of `options.ppid` running `body` on this thread. */
  fork(
    owner: RuntimeDriver,
    body: (pid: number, signal: AbortSignal) => Promise<number>,
    options: StartOptions & { name?: string; onSignal?: (signal: number) => boolean },
  ): ProcessHandle {
    const parent = this.liveParent(options.ppid);
    if (!parent) throw new KernelError("EINVAL", "fork needs a parent process", { syscall: "fork" });
    const cwd = this.childCwd(parent, options.cwd);
    const name = options.name ?? parent.command;
    return this.start(owner, name, [], parent, cwd, options, false, (ctx) => {
      let resolveExit!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (resolveExit = resolve));
      const proc: DriverProcess = {
        writeStdin() {},
        closeStdin() {},
        kill: (signal) => resolveExit(128 + signal),
        handleSignal: options.onSignal,
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      const signal = this.table.getOrThrow(ctx.pid).signal;
      queueMicrotask(() => {
        body(ctx.pid, signal).then(resolveExit, (err: unknown) => {
          if (!signal.aborted) ctx.onStderr(new TextEncoder().encode(`${name}: ${(err as Error)?.message ?? err}\n`));
          resolveExit(isKernelError(err, "EPIPE") ? 141 : 1);
        });
      });
      return proc;
    });
  }

  /** Ends every running process: SIGTERM, then SIGKILL for any left after `graceMs`. */
  async terminateAll(graceMs: number): Promise<void> {
    const running = this.table.all().filter((p) => p.state === "running");
    for (const p of running) this.signal(p, 15);
    const left = running.filter((p) => p.state === "running");
    if (left.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(left.map((p) => p.exited)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    for (const p of left) this.signal(p, SIGKILL);
  }

  private liveParent(ppid: number): ProcessEntry | undefined {
    if (!ppid) return undefined;
    const parent = this.table.getOrThrow(ppid, "spawn");
    if (parent.state !== "running") throw new KernelError("ESRCH", `pid ${ppid} has exited`, { syscall: "spawn" });
    return parent;
  }

  private childCwd(parent: ProcessEntry | undefined, requested: string | undefined): string {
    const base = parent?.cwd ?? this.options.cwd;
    if (requested === undefined) return base;
    const cwd = this.fs.realpath(absolutePath(base, requested));
    const st = this.fs.stat(cwd);
    if ((st.mode & S_IFMT) !== S_IFDIR) throw new KernelError("ENOTDIR", undefined, { syscall: "chdir", path: requested });
    return cwd;
  }

  private start(
    driver: RuntimeDriver,
    command: string,
    args: string[],
    parent: ProcessEntry | undefined,
    cwd: string,
    options: StartOptions,
    forExec: boolean,
    launch: (ctx: ProcessContext) => DriverProcess,
  ): ProcessHandle {
    if (this.table.runningCount >= this.options.maxProcesses) {
      throw new KernelError("EAGAIN", `process limit ${this.options.maxProcesses} reached`, { syscall: "spawn", path: command });
    }
    const fds = parent ? parent.fds.clone(forExec, this.options.maxFdsPerProcess) : new FdTable(this.options.maxFdsPerProcess);
    let stdinWriter: OpenFile | null = null;
    try {
      stdinWriter = this.installStdio(fds, parent, options);
    } catch (err) {
      fds.closeAll();
      throw err;
    }
    const pid = this.table.allocatePid();
    const pgid = options.pgid === 0 ? pid : options.pgid ?? parent?.pgid ?? pid;
    const env = { ...(options.env ?? parent?.env ?? this.options.env) };
    const entry = new ProcessEntry(pid, parent?.pid ?? 0, pgid, command, args, driver.name, env, cwd, parent?.umask ?? 0o022, fds);
    // Ignored signals stay ignored in the child (POSIX keeps them across exec); caught ones do not carry over.
    for (const signal of parent?.ignoredSignals ?? []) entry.ignoredSignals.add(signal);
    this.table.add(entry);
    const outputs = [new OrderedOutput(this, entry, 1), new OrderedOutput(this, entry, 2)];
    const ctx: ProcessContext = {
      pid,
      ppid: entry.ppid,
      env: { ...env },
      cwd,
      fds: { stdin: 0, stdout: 1, stderr: 2 },
      onStdout: (data) => outputs[0].write(data),
      onStderr: (data) => outputs[1].write(data),
    };
    let proc: DriverProcess;
    try {
      proc = launch(ctx);
    } catch (err) {
      this.table.exit(pid, 127);
      this.table.reap(pid);
      stdinWriter?.release();
      throw err;
    }
    entry.driverProcess = proc;
    const finish = (code: unknown) => this.exitNormally(entry, code, outputs);
    proc.onStdout = ctx.onStdout;
    proc.onStderr = ctx.onStderr;
    proc.onExit = finish;
    proc.wait().then(finish, () => finish(1));
    if (driver.stdin !== "fd") void this.pumpStdin(entry, proc);
    return this.handle(entry, stdinWriter);
  }

  /** Puts the three standard descriptors in place; returns the kernel's end of a stdin pipe, if it made one. */
  private installStdio(fds: FdTable, parent: ProcessEntry | undefined, options: StartOptions): OpenFile | null {
    let stdinWriter: OpenFile | null = null;
    const fromParent = (fd: number) => {
      if (!parent) throw new KernelError("EBADF", `fd ${fd}: the embedder has no descriptors`, { syscall: "spawn" });
      return parent.fds.getOrThrow(fd, "spawn");
    };
    if (options.stdinFd !== undefined) fds.install(0, fromParent(options.stdinFd));
    else if (!parent) {
      const pipe = new PipeBuffer();
      fds.install(0, new OpenFile(new PipeReadEnd(pipe), O_RDONLY));
      stdinWriter = new OpenFile(new PipeWriteEnd(pipe), O_WRONLY).retain();
    }
    const outputs: [number, number | undefined, ((d: Uint8Array) => void) | undefined][] = [
      [1, options.stdoutFd, options.onStdout],
      [2, options.stderrFd, options.onStderr],
    ];
    for (const [target, fd, callback] of outputs) {
      if (fd !== undefined) fds.install(target, fromParent(fd));
      else if (callback) {
        const sink = new OutputSink(callback, options.maxOutputBytes, options.onOutputTruncated);
        fds.install(target, new OpenFile(sink, O_WRONLY));
      }
      else if (!parent) fds.install(target, new OpenFile(new OutputSink(() => {}), O_WRONLY));
    }
    return stdinWriter;
  }

  /** A driver reported an exit: make it final once the output it queued is written. */
  private exitNormally(entry: ProcessEntry, code: unknown, outputs: OrderedOutput[]): void {
    if (entry.state !== "running") return;
    const status = typeof code === "number" && Number.isInteger(code) ? code & 0xff : 1;
    void Promise.all(outputs.map((o) => o.drained())).then(() => this.table.exit(entry.pid, status));
  }

  /** Delivers fd 0 through writeStdin/closeStdin for drivers that take input that way. */
  private async pumpStdin(entry: ProcessEntry, proc: DriverProcess): Promise<void> {
    while (entry.state === "running") {
      let data: Uint8Array;
      try {
        data = await readFd(entry, 0, 65536);
      } catch {
        return;
      }
      if (entry.state !== "running") return;
      if (data.length === 0) {
        proc.closeStdin();
        return;
      }
      proc.writeStdin(data);
    }
  }

  private handle(entry: ProcessEntry, stdinWriter: OpenFile | null): ProcessHandle {
    let stdinTail: Promise<unknown> = Promise.resolve();
    let stdinClosed = false;
    const encoder = new TextEncoder();
    const table = this.table;
    return {
      pid: entry.pid,
      writeStdin(data: Uint8Array | string) {
        if (!stdinWriter) throw new KernelError("EBADF", "the process's stdin is not a kernel pipe", { syscall: "write" });
        if (stdinClosed) throw new KernelError("EBADF", "stdin is closed", { syscall: "write" });
        const bytes = typeof data === "string" ? encoder.encode(data) : data.slice();
        const writer = stdinWriter;
        stdinTail = stdinTail.then(() => writer.object.write(bytes, 0)).catch(() => 0);
      },
      closeStdin() {
        if (!stdinWriter || stdinClosed) return;
        stdinClosed = true;
        const writer = stdinWriter;
        stdinTail = stdinTail.then(() => writer.release());
      },
      kill: (signal = 15) => {
        if (entry.state === "running") this.kill(entry.pid, signal);
      },
      wait() {
        return entry.exited.then((code) => {
          table.reap(entry.pid);
          return code;
        });
      },
      get exitCode() {
        return entry.exitCode;
      },
    };
  }
}
