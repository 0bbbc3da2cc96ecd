/**
 * A seed-style driver that takes its input through `writeStdin` (the
 * default `stdin` mode): `upper` collects what arrives and, at
 * `closeStdin`, writes it back upper-cased through `onStdout`.
 */
import type { DriverProcess, RuntimeDriver } from "@secure-exec/kernel";

/** Creates the `upper` driver. */
export function createUpperDriver(): RuntimeDriver {
  let ready = false;
  return {
    name: "upper-driver",
    commands: ["upper"],
    async init() {
      if (ready) throw new Error("upper-driver is already initialized");
      ready = true;
    },
    spawn(): DriverProcess {
      if (!ready) throw new Error("upper-driver is not initialized");
      let settle!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (settle = resolve));
      const received: string[] = [];
      const decoder = new TextDecoder();
      const proc: DriverProcess = {
        writeStdin(data) {
          received.push(decoder.decode(data, { stream: true }));
        },
        closeStdin() {
          proc.onStdout?.(new TextEncoder().encode(received.join("").toUpperCase()));
          settle(0);
          proc.onExit?.(0);
        },
        kill(signal) {
          settle(128 + signal);
        },
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      return proc;
    },
    async dispose() {
      ready = false;
    },
  };
}
