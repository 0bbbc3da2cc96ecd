/**
 * One shell the CLI runs (`sh -c CMD`, a script on stdin, or the
 * interactive `sh -i`), as a process of its own driver: the job's anchor,
 * as a terminal session is the parent of what runs in it. The anchor
 * spawns `sh ARGS` as its child, leader of a new process group, with stdin
 * a kernel pipe it feeds from a host stream (waiting while the pipe is
 * full, so input streams with backpressure), and stdout and stderr
 * delivered to the CLI's callbacks. Interrupts and timeouts are kill(2)
 * calls made as the anchor: on the job's group, on the shell alone, or on
 * one of the shell's foreground groups. The anchor exits with the job's
 * status once the shell has exited.
 */
import {
  SIGKILL,
  SIGPIPE,
  SIGTERM,
  isKernelError,
  type DriverProcess,
  type KernelInterface,
  type ProcessContext,
  type ProcessHandle,
} from "@secure-exec/kernel";

/** What to run and where its input and output go. */
export interface JobRequest {
  /** Arguments of `sh` (e.g. `["-c", line]`). */
  shellArgs: string[];
  /** The shell's working directory. */
  cwd: string;
  /** The shell's environment. */
  env: Record<string, string>;
  /** The host stream fed to the job's stdin; its end closes the stdin. */
  input: NodeJS.ReadableStream;
  /** Receives the job's stdout. */
  onStdout: (data: Uint8Array) => void;
  /** Receives the job's stderr. */
  onStderr: (data: Uint8Array) => void;
  /** Milliseconds before the job is killed (SIGTERM, then SIGKILL), or null. */
  timeoutMs: number | null;
}

/** How a job ended. */
export interface JobResult {
  /** The shell's exit status (128 + n when killed by signal n). */
  status: number;
  /** Whether the timeout killed it. */
  timedOut: boolean;
}

/** Milliseconds between the SIGTERM and the SIGKILL of a timed-out job. */
const KILL_GRACE_MS = 250;

const encoder = new TextEncoder();

/** The anchor process of one job. */
export class JobProcess implements DriverProcess {
  onExit: ((code: number) => void) | null = null;
  onStdout: ((data: Uint8Array) => void) | null = null;
  onStderr: ((data: Uint8Array) => void) | null = null;
  /** Resolves once the job's shell has exited (or could not start). */
  readonly result: Promise<JobResult>;

  private shell: ProcessHandle | null = null;
  private pendingSignal: number | null = null;
  private timedOut = false;
  private ended = false;
  private stopInput: () => void = () => {};
  private resolveResult!: (result: JobResult) => void;
  private resolveExit!: (code: number) => void;
  private readonly exit = new Promise<number>((resolve) => (this.resolveExit = resolve));

  constructor(
    private readonly ki: KernelInterface,
    private readonly ctx: ProcessContext,
    private readonly request: JobRequest,
  ) {
    this.result = new Promise((resolve) => (this.resolveResult = resolve));
    queueMicrotask(() => void this.run());
  }

  writeStdin(): void {}
  closeStdin(): void {}

  kill(signal: number): void {
    // A pipe write after the job stopped reading is not the job's doing: only the feeding stops.
    if (signal === SIGPIPE) this.stopInput();
    else this.signal(signal);
    this.finish(128 + signal);
  }

  wait(): Promise<number> {
    return this.exit;
  }

  /** Sends `signal` to the job's whole process group (held until the shell has started). */
  signal(signal: number): void {
    if (this.shell === null) {
      this.pendingSignal ??= signal;
      return;
    }
    if (this.shell.exitCode !== null) return;
    try {
      this.ki.kill(this.ctx.pid, -this.shell.pid, signal);
    } catch {
      // The anchor itself has ended (a broken input pipe): signal the shell alone.
      this.shell.kill(signal);
    }
  }

  /** Sends `signal` to the job's shell alone (an interactive shell passes it on to its foreground job). */
  signalShell(signal: number): void {
    if (this.shell === null || this.shell.exitCode !== null) return;
    this.shell.kill(signal);
  }

  /** Sends `signal` to process group `pgid` (a foreground job of the shell), as the anchor. */
  signalGroup(pgid: number, signal: number): void {
    try {
      this.ki.kill(this.ctx.pid, -pgid, signal);
    } catch {
      // The group has already gone.
    }
  }

  /** The shell's pid, once it has started. */
  get shellPid(): number | null {
    return this.shell?.pid ?? null;
  }

  private async run(): Promise<void> {
    const shell = this.startShell();
    if (shell === null) return;
    if (this.pendingSignal !== null) this.signal(this.pendingSignal);
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const { timeoutMs } = this.request;
    const timer = timeoutMs === null ? undefined : setTimeout(() => {
      this.timedOut = true;
      this.signal(SIGTERM);
      killTimer = setTimeout(() => this.signal(SIGKILL), KILL_GRACE_MS);
    }, timeoutMs);
    const status = await shell.wait();
    clearTimeout(timer);
    clearTimeout(killTimer);
    this.stopInput();
    this.resolveResult({ status, timedOut: this.timedOut });
    this.finish(status);
  }

  /** Spawns the shell; on failure reports it on the job's stderr and ends the job with 126 (127 if not found). */
  private startShell(): ProcessHandle | null {
    const { ki, ctx, request } = this;
    try {
      const { readFd, writeFd } = ki.pipe(ctx.pid);
      this.shell = ki.spawn("sh", request.shellArgs, {
        ppid: ctx.pid, pgid: 0, cwd: request.cwd, env: request.env, stdinFd: readFd,
        onStdout: request.onStdout, onStderr: request.onStderr,
      });
      ki.fdClose(ctx.pid, readFd);
      this.feed(request.input, writeFd);
      return this.shell;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      request.onStderr(encoder.encode(`secure-exec: ${message}\n`));
      const status = isKernelError(err, "ENOENT") ? 127 : 126;
      this.resolveResult({ status, timedOut: false });
      this.finish(status);
      return null;
    }
  }

  /** Copies `input` into the pipe at `fd`, one chunk at a time, pausing the stream while a write waits. */
  private feed(input: NodeJS.ReadableStream, fd: number): void {
    let stopped = false;
    const close = () => {
      try {
        this.ki.fdClose(this.ctx.pid, fd);
      } catch {
        // Already closed with the anchor.
      }
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      input.pause();
      this.ki.fdWrite(this.ctx.pid, fd, bytes).then(
        () => {
          if (!stopped) input.resume();
        },
        () => this.stopInput(),
      );
    };
    this.stopInput = () => {
      if (stopped) return;
      stopped = true;
      input.off("data", onData);
      input.off("end", this.stopInput);
      input.off("error", this.stopInput);
      input.pause();
      close();
    };
    input.on("data", onData);
    input.on("end", this.stopInput);
    input.on("error", this.stopInput);
    input.resume();
  }

  private finish(code: number): void {
    if (this.ended) return;
    this.ended = true;
    this.resolveExit(code);
    this.onExit?.(code);
  }
}
