/**
 * The upper driver: one command, `upper [FILE]...`, which copies its files
 * (or stdin, for none or "-") to stdout with ASCII letters in upper case,
 * as `tr a-z A-Z` does in the C locale. Unlike the echo driver, which
 * hands output to callbacks, it does all its I/O with the kernel's fd
 * system calls: it declares `stdin: "fd"` and reads fd 0 itself, opens
 * files with `fdOpen` (relative to its cwd, the policy applied), and writes
 * fd 1 with `fdWrite`, which waits while a pipe is full. So it streams with
 * backpressure, and a reader that goes away ends it as SIGPIPE would.
 */
import {
  O_RDONLY,
  isKernelError,
  strerror,
  type DriverProcess,
  type KernelInterface,
  type ProcessContext,
  type RuntimeDriver,
} from "@secure-exec/kernel";

const encoder = new TextEncoder();
const CHUNK = 64 * 1024;

const USAGE = `Usage: upper [FILE]...
Copy each FILE (or standard input) to standard output with ASCII letters in upper case.
With no FILE, or when FILE is -, read standard input.
`;

/** Upper-cases ASCII letters in place and returns the same bytes. */
export function upperAscii(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x61 && b <= 0x7a) bytes[i] = b - 0x20;
  }
  return bytes;
}

/** Runs one `upper` process to its exit status. */
async function runUpper(ki: KernelInterface, pid: number, args: string[], signal: AbortSignal): Promise<number> {
  const complain = (message: string) => ki.fdWrite(pid, 2, encoder.encode(`upper: ${message}\n`));
  const files: string[] = [];
  let options = true;
  for (const arg of args) {
    if (options && arg === "--") options = false;
    else if (options && arg === "--help") {
      await ki.fdWrite(pid, 1, encoder.encode(USAGE));
      return 0;
    } else if (options && arg.startsWith("-") && arg !== "-") {
      await complain(`${arg.startsWith("--") ? `unrecognized option '${arg}'` : `invalid option -- '${arg[1]}'`}\nTry 'upper --help' for more information.`);
      return 2;
    } else files.push(arg);
  }
  let status = 0;
  for (const file of files.length > 0 ? files : ["-"]) {
    let fd = 0;
    try {
      if (file !== "-") fd = ki.fdOpen(pid, file, O_RDONLY);
      for (;;) {
        const data = await ki.fdRead(pid, fd, CHUNK);
        if (data.length === 0) break;
        await ki.fdWrite(pid, 1, upperAscii(data));
      }
    } catch (err) {
      if (signal.aborted || !isKernelError(err) || err.code === "EPIPE") throw err;
      await complain(`${file}: ${strerror(err.code)}`);
      status = 1;
    } finally {
      if (fd !== 0 && !signal.aborted) ki.fdClose(pid, fd);
    }
  }
  return status;
}

/** Creates the upper driver. */
export function createUpperDriver(): RuntimeDriver {
  let kernel: KernelInterface | null = null;
  return {
    name: "upper-driver",
    commands: ["upper"],
    stdin: "fd",
    async init(ki: KernelInterface) {
      if (kernel) throw new Error("upper-driver is already initialized");
      kernel = ki;
    },
    spawn(_command: string, args: string[], ctx: ProcessContext): DriverProcess {
      const ki = kernel;
      if (!ki) throw new Error("upper-driver is not initialized");
      const abort = new AbortController();
      let exited = false;
      let resolveExit!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (resolveExit = resolve));
      const finish = (code: number) => {
        if (exited) return;
        exited = true;
        resolveExit(code);
        proc.onExit?.(code);
      };
      const proc: DriverProcess = {
        writeStdin() {},
        closeStdin() {},
        kill(signal: number) {
          abort.abort();
          finish(128 + signal);
        },
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      // Start once spawn has returned and the kernel has registered the process.
      queueMicrotask(() => {
        runUpper(ki, ctx.pid, args, abort.signal).then(finish, () => finish(1));
      });
      return proc;
    },
    async dispose() {
      kernel = null;
    },
  };
}
