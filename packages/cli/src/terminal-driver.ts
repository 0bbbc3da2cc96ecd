/**
 * The CLI's own runtime driver, standing in for the host terminal. Its one
 * command, `secure-exec-job`, is the anchor process of a shell the CLI
 * runs (see job-process.ts); the CLI starts it with `start`, never by
 * name, and spawning it by name fails with status 2.
 */
import {
  KernelError,
  type DriverProcess,
  type Kernel,
  type KernelInterface,
  type ProcessContext,
  type RuntimeDriver,
} from "@secure-exec/kernel";
import { JobProcess, type JobRequest } from "./job-process.js";

/** The anchor process's command name. */
export const JOB_COMMAND = "secure-exec-job";

const encoder = new TextEncoder();

/** The driver that runs the CLI's jobs. */
export class TerminalDriver implements RuntimeDriver {
  readonly name = "secure-exec-cli";
  readonly commands = [JOB_COMMAND];
  readonly stdin = "fd" as const;
  private kernel: KernelInterface | null = null;
  private nextTicket = 1;
  /** Requests handed to `kernel.spawn`, by ticket, until the driver's spawn takes them. */
  private readonly requests = new Map<string, JobRequest>();
  /** The anchor each ticket started. */
  private readonly started = new Map<string, JobProcess>();

  async init(kernel: KernelInterface): Promise<void> {
    if (this.kernel) throw new KernelError("EBUSY", `${this.name} is already initialized`);
    this.kernel = kernel;
  }

  async dispose(): Promise<void> {
    this.kernel = null;
  }

  /** Starts one job on `kernel` (where this driver is mounted). */
  start(kernel: Kernel, request: JobRequest): JobProcess {
    const ticket = String(this.nextTicket++);
    this.requests.set(ticket, request);
    let handle;
    try {
      handle = kernel.spawn(JOB_COMMAND, [ticket], { pgid: 0, cwd: "/", env: {} });
    } finally {
      this.requests.delete(ticket);
    }
    const job = this.started.get(ticket);
    this.started.delete(ticket);
    if (!job) throw new Error(`${JOB_COMMAND} was not spawned by kernel.spawn`);
    handle.closeStdin();
    void job.result.then(() => handle.wait());
    return job;
  }

  spawn(_command: string, args: string[], ctx: ProcessContext): DriverProcess {
    const ki = this.kernel;
    if (!ki) throw new KernelError("EINVAL", `${this.name} is not initialized`);
    const ticket = args[0] ?? "";
    const request = this.requests.get(ticket);
    if (!request) return finished(ctx, 2, `${JOB_COMMAND}: internal command of the secure-exec CLI, not for running by name\n`);
    const job = new JobProcess(ki, ctx, request);
    this.started.set(ticket, job);
    return job;
  }
}

/** A process that writes `message` to stderr and exits with `code` on the next microtask. */
function finished(ctx: ProcessContext, code: number, message: string): DriverProcess {
  let done = false;
  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (resolveExit = resolve));
  const end = (status: number) => {
    if (done) return;
    done = true;
    resolveExit(status);
    proc.onExit?.(status);
  };
  const proc: DriverProcess = {
    writeStdin() {},
    closeStdin() {},
    kill: (signal) => end(128 + signal),
    wait: () => exit,
    onExit: null,
    onStdout: null,
    onStderr: null,
  };
  if (message !== "") ctx.onStderr(encoder.encode(message));
  queueMicrotask(() => end(code));
  return proc;
}
