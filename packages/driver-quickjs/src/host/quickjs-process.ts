/**
 * One guest process as the kernel sees it (`DriverProcess`). It takes a
 * ready worker from the pool, serves the guest's system calls for its pid,
 * and resolves its exit exactly once: with the guest's code, with 128+n
 * when killed by signal n (the worker is terminated at once, even inside a
 * tight loop), or with 124 when its time limit passes while it is blocked
 * in a system call. stdin is read by the guest itself from fd 0.
 */
import type { DriverProcess, KernelInterface, ProcessContext } from "@secure-exec/kernel";
import { EXIT_OUT_OF_MEMORY, EXIT_TIME_LIMIT, OUT_OF_MEMORY_MESSAGE, timeLimitMessage, type JobSpec } from "../shared/protocol.js";
import type { ResolvedQuickJsOptions } from "../options.js";
import { createSyscallHandler } from "./syscalls.js";
import type { QuickJsWorker } from "./quickjs-worker.js";
import type { WorkerPool } from "./worker-pool.js";

/** Extra time the guest gets to stop itself at its deadline before the worker is terminated. */
const DEADLINE_GRACE_MS = 25;

const encoder = new TextEncoder();

function isTty(ki: KernelInterface, pid: number, fd: number): boolean {
  try {
    return ki.isatty(pid, fd);
  } catch {
    return false;
  }
}

/** Starts `command args` for the process described by `ctx` on a pooled worker. */
export function startQuickJsProcess(
  ki: KernelInterface,
  pool: WorkerPool,
  options: ResolvedQuickJsOptions,
  command: string,
  args: string[],
  ctx: ProcessContext,
): DriverProcess {
  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (resolveExit = resolve));
  let exited = false;
  let stopping = false;
  let worker: QuickJsWorker | null = null;
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  const ended = new AbortController();

  const proc: DriverProcess = {
    writeStdin() {
      // Never called: the driver declares `stdin: "fd"`, the guest reads fd 0 itself.
    },
    closeStdin() {
      // Never called, as above.
    },
    kill(signal: number) {
      if (exited) return;
      stopping = true;
      if (worker) pool.discard(worker);
      finish(128 + signal);
    },
    wait: () => exit,
    onExit: null,
    onStdout: null,
    onStderr: null,
  };

  function finish(code: number): void {
    if (exited) return;
    exited = true;
    if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
    ended.abort();
    resolveExit(code);
    proc.onExit?.(code);
  }

  async function writeStderr(text: string): Promise<void> {
    try {
      await ki.fdWrite(ctx.pid, ctx.fds.stderr, encoder.encode(text));
    } catch {
      // stderr is gone; the exit status still tells what happened
    }
  }

  const job: JobSpec = {
    pid: ctx.pid,
    ppid: ctx.ppid,
    argv0: command.slice(command.lastIndexOf("/") + 1),
    execPath: options.execPath,
    args,
    env: ctx.env,
    cwd: ctx.cwd,
    tty: [isTty(ki, ctx.pid, 0), isTty(ki, ctx.pid, 1), isTty(ki, ctx.pid, 2)],
    version: options.nodeVersion,
    timeOrigin: Date.now(),
    system: {
      hostname: options.hostname,
      release: "6.0.0-secure-exec",
      version: "#1 SMP secure-exec",
      cpus: (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1,
      totalmem: options.memoryLimitBytes,
    },
    timeLimitMs: options.timeLimitMs,
  };

  void (async () => {
    const w = await pool.acquire();
    if (exited) {
      pool.release(w);
      return;
    }
    worker = w;
    if (options.timeLimitMs > 0) {
      deadlineTimer = setTimeout(() => {
        if (exited) return;
        stopping = true;
        pool.discard(w);
        void writeStderr(timeLimitMessage(job.argv0, options.timeLimitMs)).then(() => finish(EXIT_TIME_LIMIT));
      }, options.timeLimitMs + DEADLINE_GRACE_MS);
    }
    const { handler } = createSyscallHandler(ki, ctx.pid, ended.signal);
    const outcome = await w.run(job, handler);
    if (exited || stopping) return;
    if (outcome.recycle) pool.discard(w);
    else pool.release(w);
    for (const { fd, bytes } of outcome.output) {
      try {
        for (let written = 0; written < bytes.length; ) written += await ki.fdWrite(ctx.pid, fd, bytes.subarray(written));
      } catch {
        break;
      }
    }
    finish(outcome.code);
  })().catch(async (error: unknown) => {
    if (exited || stopping) return;
    if (worker) pool.discard(worker);
    const message = error instanceof Error ? error.message : String(error);
    if (/memory/i.test(message)) {
      await writeStderr(OUT_OF_MEMORY_MESSAGE);
      finish(EXIT_OUT_OF_MEMORY);
      return;
    }
    await writeStderr(`${job.argv0}: internal error: ${message}\n`);
    finish(1);
  });

  return proc;
}
