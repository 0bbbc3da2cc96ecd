/**
 * `createQuickJsRuntime`: the runtime driver for the `node` and `qjs`
 * commands. Each process runs Node-like JavaScript on QuickJS in a pooled,
 * pre-warmed worker; its blocking calls (sync fs, execSync, reading stdin)
 * cross the kernel's worker bridge and land in the process's own fd table,
 * so pipes, redirects and children of any driver work as they do for every
 * other command.
 */
import type { DriverProcess, KernelInterface, ProcessContext, RuntimeDriver } from "@secure-exec/kernel";
import { resolveOptions, type QuickJsRuntimeOptions } from "./options.js";
import { quickJsModule } from "./host/quickjs-wasm.js";
import { startQuickJsProcess } from "./host/quickjs-process.js";
import { WorkerPool } from "./host/worker-pool.js";

/** Creates the QuickJS driver; mount it with `kernel.mount(createQuickJsRuntime())`. */
export function createQuickJsRuntime(options: QuickJsRuntimeOptions = {}): RuntimeDriver {
  const resolved = resolveOptions(options);
  let kernel: KernelInterface | null = null;
  let pool: WorkerPool | null = null;

  return {
    name: "quickjs",
    commands: resolved.commands,
    stdin: "fd",
    async init(ki: KernelInterface) {
      if (kernel) throw new Error("QuickJS driver already initialized; dispose it first");
      kernel = ki;
      const url = resolved.workerUrl ?? new URL("./worker.js", import.meta.url);
      pool = new WorkerPool(url, () => quickJsModule(resolved.wasmModule), {
        memoryLimitBytes: resolved.memoryLimitBytes,
        maxStackSizeBytes: resolved.maxStackSizeBytes,
      }, resolved.poolSize);
      pool.fill();
    },
    spawn(command: string, args: string[], ctx: ProcessContext): DriverProcess {
      if (!kernel || !pool) throw new Error("QuickJS driver not initialized");
      return startQuickJsProcess(kernel, pool, resolved, command, args, ctx);
    },
    async dispose() {
      const p = pool;
      pool = null;
      kernel = null;
      await p?.dispose();
    },
  };
}
