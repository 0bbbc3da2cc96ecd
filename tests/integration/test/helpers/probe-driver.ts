/**
 * A driver that hands its KernelInterface to the test, so a test can make
 * system calls as one of the driver's processes: `idle` runs until killed;
 * `probe.start()` spawns one and returns its pid.
 */
import type { DriverProcess, Kernel, KernelInterface, RuntimeDriver } from "@secure-exec/kernel";

/** The probe driver and access to what it was given. */
export interface Probe {
  /** The driver to mount. */
  driver: RuntimeDriver;
  /** The KernelInterface the kernel gave it. */
  ki(): KernelInterface;
  /** Spawns an `idle` process through the kernel and returns its pid. */
  start(kernel: Kernel, options?: Parameters<Kernel["spawn"]>[2]): number;
}

/** Creates a probe driver named `name` (its command is `idle-NAME` when a name is given). */
export function createProbe(name = "probe"): Probe {
  let kernel: KernelInterface | null = null;
  const command = name === "probe" ? "idle" : `idle-${name}`;
  const driver: RuntimeDriver = {
    name,
    commands: [command],
    stdin: "fd",
    async init(ki) {
      kernel = ki;
    },
    spawn(): DriverProcess {
      let settle!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (settle = resolve));
      return {
        writeStdin() {},
        closeStdin() {},
        kill: (signal) => settle(128 + signal),
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
    },
    async dispose() {
      kernel = null;
    },
  };
  return {
    driver,
    ki: () => kernel!,
    start: (k, options) => k.spawn(command, [], options).pid,
  };
}
