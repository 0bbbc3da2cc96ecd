/**
 * A test driver whose commands are small async functions over the
 * KernelInterface fd calls (a driver with `stdin: "fd"`), used to pin the
 * kernel's behaviour: `jscat` copies fd 0 to fd 1, `slowcat` does the same
 * with a pause per chunk, `jsyes` writes lines until its reader goes away,
 * `jsexit N` exits with N, `jssleep MS` waits, `pipedemo` runs the seed's
 * "create pipes" example and prints what it read.
 */
import type { DriverProcess, KernelInterface, ProcessContext, RuntimeDriver } from "@secure-exec/kernel";
import { O_RDONLY } from "@secure-exec/kernel";

/** Hooks the tests use to watch a command from inside. */
export interface JsCommandsProbe {
  /** Called by `genpipe` after each write is taken by the pipe, with the total so far. */
  afterWrite?: (total: number) => void;
}

type Command = (ki: KernelInterface, ctx: ProcessContext, args: string[], signal: AbortSignal, probe: JsCommandsProbe) => Promise<number>;

/** The byte at offset `i` of the `genpipe` stream. */
export const patternByte = (i: number) => (i * 7 + (i >> 16)) & 0xff;

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function copy(ki: KernelInterface, pid: number, from: number, to: number, pauseMs = 0, chunk = 65536): Promise<void> {
  for (;;) {
    const data = await ki.fdRead(pid, from, chunk);
    if (data.length === 0) return;
    await ki.fdWrite(pid, to, data);
    if (pauseMs) await sleep(pauseMs);
  }
}

const COMMANDS: Record<string, Command> = {
  async jscat(ki, ctx, args) {
    if (args.length === 0) await copy(ki, ctx.pid, 0, 1);
    for (const path of args) {
      const fd = ki.fdOpen(ctx.pid, path, O_RDONLY);
      await copy(ki, ctx.pid, fd, 1);
      ki.fdClose(ctx.pid, fd);
    }
    return 0;
  },
  async slowcat(ki, ctx, args) {
    await copy(ki, ctx.pid, 0, 1, Number(args[0] ?? 1), Number(args[1] ?? 65536));
    return 0;
  },
  async jsyes(ki, ctx) {
    const line = encoder.encode("y\n".repeat(4096));
    for (;;) await ki.fdWrite(ctx.pid, 1, line);
  },
  async jsexit(_ki, _ctx, args) {
    return Number(args[0] ?? 0);
  },
  async jssleep(_ki, _ctx, args, signal) {
    if (signal.aborted) return 0;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Number(args[0] ?? 1000));
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return 0;
  },
  async genpipe(ki, ctx, args, _signal, probe) {
    // Writes N pattern bytes through a pipe into `slowcat PAUSE`, whose stdout is ours.
    const total = Number(args[0]);
    const { readFd, writeFd } = ki.pipe(ctx.pid);
    const reader = ki.spawn("slowcat", [args[1] ?? "1", args[2] ?? "65536"], { ppid: ctx.pid, stdinFd: readFd });
    ki.fdClose(ctx.pid, readFd);
    let written = 0;
    while (written < total) {
      const n = Math.min(100_000, total - written);
      const chunk = new Uint8Array(n);
      for (let i = 0; i < n; i++) chunk[i] = patternByte(written + i);
      written += await ki.fdWrite(ctx.pid, writeFd, chunk);
      probe.afterWrite?.(written);
    }
    ki.fdClose(ctx.pid, writeFd);
    return reader.wait();
  },
  async pipedemo(ki, ctx) {
    // The seed's "Create pipes" example, as written there.
    const { readFd, writeFd } = ki.pipe(ctx.pid);
    const writer = ki.spawn("myecho", ["hello"], { ppid: ctx.pid, stdoutFd: writeFd });
    const data = await ki.fdRead(ctx.pid, readFd, 4096);
    ki.fdClose(ctx.pid, readFd);
    ki.fdClose(ctx.pid, writeFd);
    await writer.wait();
    await ki.fdWrite(ctx.pid, 1, data);
    return 0;
  },
};

/** Creates the test driver; `spawned` records each DriverProcess for inspection. */
export function createJsCommandsDriver(spawned: DriverProcess[] = [], probe: JsCommandsProbe = {}): RuntimeDriver {
  let ki: KernelInterface | null = null;
  return {
    name: "js-commands",
    commands: Object.keys(COMMANDS),
    stdin: "fd",
    async init(kernel) {
      if (ki) throw new Error("js-commands is already initialized");
      ki = kernel;
    },
    spawn(command, args, ctx) {
      if (!ki) throw new Error("js-commands is not initialized");
      const kernel = ki;
      const abort = new AbortController();
      let settle!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (settle = resolve));
      const proc: DriverProcess = {
        writeStdin() {},
        closeStdin() {},
        kill(signal) {
          abort.abort();
          settle(128 + signal);
        },
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      spawned.push(proc);
      queueMicrotask(() => {
        COMMANDS[command](kernel, ctx, args, abort.signal, probe).then(settle, (err: unknown) => {
          if (!abort.signal.aborted) ctx.onStderr(encoder.encode(`${command}: ${(err as Error).message}\n`));
          settle((err as { code?: string }).code === "EPIPE" ? 141 : 1);
        });
      });
      return proc;
    },
    async dispose() {
      ki = null;
    },
  };
}
