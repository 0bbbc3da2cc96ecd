/**
 * The echo driver: the seed's minimal RuntimeDriver, handling one command,
 * `myecho`, which writes its arguments joined by spaces and a newline. It
 * shows the whole lifecycle a driver owes the kernel (see README.md): spawn
 * returns synchronously, output goes through callbacks wired after spawn
 * returns, kill resolves the exit with 128 + signal, onExit fires once.
 */
import type { DriverProcess, KernelInterface, ProcessContext, RuntimeDriver } from "@secure-exec/kernel";

/** Creates the echo driver (`myecho ARGS...` prints ARGS and a newline). */
export function createEchoDriver(): RuntimeDriver {
  let kernel: KernelInterface | null = null;
  return {
    name: "echo-driver",
    commands: ["myecho"],
    // myecho never reads its input, so the kernel leaves fd 0 for whoever reads next.
    stdin: "fd",
    async init(ki: KernelInterface) {
      if (kernel) throw new Error("echo-driver is already initialized");
      kernel = ki;
    },
    spawn(_command: string, args: string[], _ctx: ProcessContext): DriverProcess {
      if (!kernel) throw new Error("Driver not initialized");
      const encoded = new TextEncoder().encode(args.join(" ") + "\n");
      let exitResolve!: (code: number) => void;
      const exitPromise = new Promise<number>((r) => {
        exitResolve = r;
      });
      let exited = false;
      const exit = (code: number) => {
        if (exited) return;
        exited = true;
        exitResolve(code);
        driverProcess.onExit?.(code);
      };
      const driverProcess: DriverProcess = {
        writeStdin() {},
        closeStdin() {},
        kill(signal: number) {
          exit(128 + signal);
        },
        wait() {
          return exitPromise;
        },
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      // Emit on the next microtask, once the kernel has wired the callbacks.
      queueMicrotask(() => {
        if (exited) return;
        driverProcess.onStdout?.(encoded);
        exit(0);
      });
      return driverProcess;
    },
    async dispose() {
      kernel = null;
    },
  };
}
