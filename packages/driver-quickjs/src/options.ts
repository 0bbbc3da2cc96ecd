/**
 * Options of `createQuickJsRuntime` and their defaults.
 */

/** How the QuickJS driver is configured. */
export interface QuickJsRuntimeOptions {
  /** Command names the driver handles. Default `["node", "qjs"]`. */
  commands?: string[];
  /** Per-process QuickJS heap limit in bytes. Default 256 MiB. */
  memoryLimitBytes?: number;
  /** Per-process limit on run time in milliseconds; past it the process stops with status 124. Default none. */
  timeLimitMs?: number;
  /** Per-process QuickJS stack limit in bytes. Default 1 MiB (workers have a 4 MiB native stack). */
  maxStackSizeBytes?: number;
  /** Workers kept started and ready. Default 2. */
  poolSize?: number;
  /** What `process.version` reports. Default "v20.20.0". */
  nodeVersion?: string;
  /** What `process.execPath` reports. Default "/usr/bin/node". */
  execPath?: string;
  /** What `os.hostname()` reports. Default "sandbox". */
  hostname?: string;
  /** The compiled QuickJS module or its bytes (needed where the package's .wasm file cannot be read, e.g. some bundlers). */
  wasmModule?: WebAssembly.Module | Uint8Array<ArrayBuffer>;
  /** The worker script's URL (for bundlers that move it). Default: worker.js next to this module. */
  workerUrl?: URL | string;
}

/** Options with every default applied. */
export type ResolvedQuickJsOptions = Required<Omit<QuickJsRuntimeOptions, "wasmModule" | "workerUrl">> & Pick<QuickJsRuntimeOptions, "wasmModule" | "workerUrl">;

const MiB = 1024 * 1024;

/** Fills in the defaults and checks the values. */
export function resolveOptions(options: QuickJsRuntimeOptions = {}): ResolvedQuickJsOptions {
  const resolved: ResolvedQuickJsOptions = {
    commands: options.commands ?? ["node", "qjs"],
    memoryLimitBytes: options.memoryLimitBytes ?? 256 * MiB,
    timeLimitMs: options.timeLimitMs ?? 0,
    maxStackSizeBytes: options.maxStackSizeBytes ?? 1 * MiB,
    poolSize: options.poolSize ?? 2,
    nodeVersion: options.nodeVersion ?? "v20.20.0",
    execPath: options.execPath ?? "/usr/bin/node",
    hostname: options.hostname ?? "sandbox",
    wasmModule: options.wasmModule,
    workerUrl: options.workerUrl,
  };
  if (!Number.isInteger(resolved.memoryLimitBytes) || resolved.memoryLimitBytes < 4 * MiB) {
    throw new RangeError(`memoryLimitBytes must be an integer of at least 4 MiB, got ${options.memoryLimitBytes}`);
  }
  if (!(resolved.timeLimitMs >= 0)) throw new RangeError(`timeLimitMs must be 0 or more, got ${options.timeLimitMs}`);
  if (!Number.isInteger(resolved.maxStackSizeBytes) || resolved.maxStackSizeBytes < 64 * 1024 || resolved.maxStackSizeBytes > MiB) {
    throw new RangeError(`maxStackSizeBytes must be between 64 KiB and 1 MiB, got ${options.maxStackSizeBytes}`);
  }
  if (!Number.isInteger(resolved.poolSize) || resolved.poolSize < 0) throw new RangeError(`poolSize must be a non-negative integer, got ${options.poolSize}`);
  if (resolved.commands.length === 0) throw new RangeError("commands must name at least one command");
  return resolved;
}
