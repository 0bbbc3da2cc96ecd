/**
 * One WASI process as the kernel sees it (`DriverProcess`). Starting it
 * takes the compiled program, places the preopened root at descriptor 3 of
 * the process's kernel fd table, takes a pooled worker, opens a bridge
 * channel served by the process's syscall handler, and posts the run
 * message. The exit resolves once: with the guest's exit code, with 128 +
 * signal when killed (a guest blocked in a system call is unwound and its
 * worker reused; one running code has its worker terminated at once), or
 * with 126/127 when the program cannot be started (a message goes to the
 * process's stderr first).
 */
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY, type DriverProcess, type KernelInterface, type ProcessContext } from "@secure-exec/kernel";
import { BridgeHost } from "@secure-exec/kernel/worker-bridge";
import type { PreciseTimes } from "./host/precise-times.js";
import { createSyscallHandler } from "./host/syscall-handler.js";
import type { Program } from "./module-cache.js";
import type { RunMessage, WorkerMessage } from "./shared/messages.js";
import { programFor, type PooledWorker, type WorkerPool } from "./worker-pool.js";

/**
 * Signals that do not end a WASI process: those whose default action is to
 * ignore them (SIGCHLD, SIGCONT, SIGURG, SIGWINCH), the existence check 0,
 * and the stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU), since a worker
 * cannot be suspended.
 */
const IGNORED_SIGNALS = new Set([0, 17, 18, 19, 20, 21, 22, 23, 28]);
/** Descriptor WASI programs expect the first preopen at. */
const PREOPEN_FD = 3;

/** Why a program could not be started: the message for stderr and the exit status. */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "StartError";
  }
}

/** Everything a WASI process needs to start. */
export interface WasiProcessOptions {
  ki: KernelInterface;
  ctx: ProcessContext;
  argv: string[];
  program: Promise<Program>;
  pool: WorkerPool;
  /** The runtime's table of exact times guests set. */
  times: PreciseTimes;
  /** Whether to preopen the VFS root at descriptor 3. */
  preopenRoot: boolean;
  /** Called once the process has ended, however it ended. */
  onEnded(process: WasiProcess): void;
}

/** A running (or starting) WASI process. */
export class WasiProcess implements DriverProcess {
  onExit: ((code: number) => void) | null = null;
  onStdout: ((data: Uint8Array) => void) | null = null;
  onStderr: ((data: Uint8Array) => void) | null = null;

  private readonly exit: Promise<number>;
  private resolveExit!: (code: number) => void;
  private exitCode: number | undefined;
  private pooled: PooledWorker | undefined;
  private host: BridgeHost | undefined;
  private detach: (() => void) | undefined;

  constructor(private readonly options: WasiProcessOptions) {
    this.exit = new Promise((resolve) => (this.resolveExit = resolve));
    void this.start().catch((error: unknown) => this.failToStart(error));
  }

  writeStdin(): void {
    // This driver reads fd 0 itself (stdin: "fd"); the kernel never calls this.
  }

  closeStdin(): void {
    // See writeStdin.
  }

  kill(signal: number): void {
    this.stop(signal, true);
  }

  wait(): Promise<number> {
    return this.exit;
  }

  /**
   * Ends the process with 128 + `signal`. A guest waiting in a system call
   * runs nothing: closing its channel unwinds it, and with `reuseWorker`
   * the pool takes the worker back. Otherwise the worker is terminated.
   */
  private stop(signal: number, reuseWorker: boolean): void {
    if (this.exitCode !== undefined || IGNORED_SIGNALS.has(signal)) return;
    this.detach?.();
    const blocked = this.host?.busy === true;
    this.host?.close();
    const pooled = this.pooled;
    this.pooled = undefined;
    if (pooled && blocked && reuseWorker) this.options.pool.reclaim(pooled);
    else if (pooled) this.options.pool.discard(pooled);
    this.finish(128 + signal);
  }

  private async start(): Promise<void> {
    const { ki, ctx, argv, pool } = this.options;
    const program = await this.options.program;
    if (this.exitCode !== undefined) return;
    if (this.options.preopenRoot) this.placePreopen();
    const pooled = await pool.acquire();
    if (this.exitCode !== undefined) {
      pool.release(pooled);
      return;
    }
    this.pooled = pooled;
    const { worker, channel } = pooled;
    // The syscall handlers never keep a request payload past their reply (the kernel copies what it keeps).
    this.host = new BridgeHost(channel, createSyscallHandler(ki, ctx.pid, this.options.times), { borrowPayload: true });
    this.host.start();
    const offMessage = worker.onMessage((message) => {
      if ((message as WorkerMessage).type === "exit") this.exited((message as { code: number }).code);
    });
    const offError = worker.onError((error) => {
      if (this.pooled !== pooled) return;
      void this.report(`internal error in the WASI worker: ${error.message}`).finally(() => this.stop(6, false));
    });
    this.detach = () => {
      offMessage();
      offError();
    };
    const run: RunMessage = {
      type: "run",
      ...programFor(pooled, program),
      channel: pooled.hasChannel ? undefined : channel,
      argv,
      env: Object.entries(ctx.env).map(([name, value]) => `${name}=${value}`),
      pid: ctx.pid,
      ppid: ctx.ppid,
      cwd: ctx.cwd,
      preopens: this.options.preopenRoot ? [{ fd: PREOPEN_FD, name: "/" }] : [],
    };
    pooled.hasChannel = true;
    worker.postMessage(run);
  }

  /** Opens "/" as descriptor 3, moving an inherited descriptor 3 out of the way. */
  private placePreopen(): void {
    const { ki, ctx } = this.options;
    const pid = ctx.pid;
    // The usual case: 0-2 open, 3 free, so the root lands on 3 at once.
    const fd = ki.fdOpen(pid, "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd === PREOPEN_FD) return;
    // A lower number was free (stdio closed) or 3 is taken by an inherited descriptor, which moves up.
    const taken = fd > PREOPEN_FD || this.isOpen(PREOPEN_FD);
    if (taken) ki.fdDup(pid, PREOPEN_FD, PREOPEN_FD + 1);
    ki.fdDup2(pid, fd, PREOPEN_FD);
    ki.fdSetCloseOnExec(pid, PREOPEN_FD, true);
    ki.fdClose(pid, fd);
  }

  private isOpen(fd: number): boolean {
    try {
      this.options.ki.fdStat(this.options.ctx.pid, fd);
      return true;
    } catch {
      return false;
    }
  }

  private exited(code: number): void {
    if (this.exitCode !== undefined) return;
    const pooled = this.pooled;
    this.pooled = undefined;
    this.detach?.();
    this.host?.release();
    if (pooled) this.options.pool.release(pooled);
    this.finish(code);
  }

  private async failToStart(error: unknown): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exitCode = error instanceof StartError ? error.exitCode : 126;
    const message = error instanceof Error ? error.message : String(error);
    await this.report(message);
    this.finish(exitCode);
  }

  /** Writes "argv0: message" to the process's stderr, ignoring a failure to do so. */
  private async report(message: string): Promise<void> {
    const { ki, ctx, argv } = this.options;
    try {
      await ki.fdWrite(ctx.pid, ctx.fds.stderr, new TextEncoder().encode(`${argv[0]}: ${message}\n`));
    } catch {
      // No stderr to report on; the exit status still tells.
    }
  }

  private finish(code: number): void {
    if (this.exitCode !== undefined) return;
    this.exitCode = code;
    this.resolveExit(code);
    this.onExit?.(code);
    this.options.onEnded(this);
  }
}
