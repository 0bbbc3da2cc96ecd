/**
 * `kernel.exec(line)`: `sh -c line` as the leader of a new process group,
 * with stdin a pipe (fed from `options.stdin`, then closed) and stdout and
 * stderr captured. A timeout or an abort sends SIGTERM to the whole group,
 * then SIGKILL after the grace period, and rejects (ETIMEDOUT / ECANCELED)
 * with the output captured so far on the error.
 */
import { SIGKILL, SIGTERM } from "./constants.js";
import { KernelError } from "./errors.js";
import type { ProcessManager } from "./process-manager.js";

/** Options for one `exec`. */
export interface ExecOptions {
  /** Environment of the shell (default: the kernel's). */
  env?: Record<string, string>;
  /** Working directory of the shell (default: the kernel's). */
  cwd?: string;
  /** Bytes for the shell's stdin, closed after they are written. */
  stdin?: string | Uint8Array;
  /** Milliseconds before the command is killed and exec rejects with ETIMEDOUT. */
  timeout?: number;
  /** Aborting kills the command and rejects with ECANCELED. */
  signal?: AbortSignal;
  /** Receives stdout as it is produced (it is captured as well). */
  onStdout?: (data: Uint8Array) => void;
  /** Receives stderr as it is produced (it is captured as well). */
  onStderr?: (data: Uint8Array) => void;
  /** Most bytes captured per stream; beyond it the writer gets EPIPE (SIGPIPE) and `truncated` is set. */
  maxOutputBytes?: number;
}

/** What an `exec` produced. */
export interface ExecResult {
  /** The shell's exit status (128 + n when killed by signal n). */
  exitCode: number;
  /** Captured stdout, decoded as UTF-8. */
  stdout: string;
  /** Captured stderr, decoded as UTF-8. */
  stderr: string;
  /** Whether output was cut at `maxOutputBytes`. */
  truncated: boolean;
}

/** The error exec rejects with on timeout or abort, carrying what was captured. */
export class ExecError extends KernelError {
  constructor(
    code: "ETIMEDOUT" | "ECANCELED",
    detail: string,
    /** Output captured before the command was killed. */
    readonly result: ExecResult,
  ) {
    super(code, detail, { syscall: "exec" });
  }
}

/** Collects a stream's bytes. */
class Capture {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly forward?: (data: Uint8Array) => void) {}

  readonly push = (data: Uint8Array): void => {
    this.chunks.push(data);
    this.size += data.length;
    this.forward?.(data);
  };

  text(): string {
    if (this.chunks.length === 1) return decoder.decode(this.chunks[0]);
    const all = new Uint8Array(this.size);
    let off = 0;
    for (const c of this.chunks) {
      all.set(c, off);
      off += c.length;
    }
    return decoder.decode(all);
  }
}

const decoder = new TextDecoder();

/** Runs one command line through the shell and collects its output. */
export function execLine(processes: ProcessManager, line: string, options: ExecOptions, graceMs: number): Promise<ExecResult> {
  const out = new Capture(options.onStdout);
  const err = new Capture(options.onStderr);
  let truncated = false;
  const handle = processes.spawn("sh", ["-c", line], {
    ppid: 0,
    pgid: 0,
    env: options.env,
    cwd: options.cwd,
    onStdout: out.push,
    onStderr: err.push,
    maxOutputBytes: options.maxOutputBytes,
    onOutputTruncated: () => (truncated = true),
  });
  if (options.stdin !== undefined && options.stdin.length > 0) handle.writeStdin(options.stdin);
  handle.closeStdin();

  const result = (exitCode: number): ExecResult => ({ exitCode, stdout: out.text(), stderr: err.text(), truncated });
  if (options.timeout === undefined && !options.signal) return handle.wait().then(result);

  return new Promise<ExecResult>((resolve, reject) => {
    let failure: { code: "ETIMEDOUT" | "ECANCELED"; detail: string } | null = null;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const group = -handle.pid;
    const signalGroup = (signal: number) => {
      try {
        processes.kill(group, signal);
      } catch {
        // The group has already ended.
      }
    };
    const stop = (code: "ETIMEDOUT" | "ECANCELED", detail: string) => {
      if (failure) return;
      failure = { code, detail };
      signalGroup(SIGTERM);
      killTimer = setTimeout(() => signalGroup(SIGKILL), graceMs);
    };
    const onAbort = () => stop("ECANCELED", "aborted");
    const timer = options.timeout === undefined ? undefined : setTimeout(() => stop("ETIMEDOUT", `after ${options.timeout} ms`), options.timeout);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
    void handle.wait().then((exitCode) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", onAbort);
      if (failure) reject(new ExecError(failure.code, failure.detail, result(exitCode)));
      else resolve(result(exitCode));
    });
  });
}
