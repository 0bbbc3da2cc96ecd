/**
 * `createWasmVmRuntime`: the WASI runtime driver. It serves the commands of
 * the bundled multicall binary (their names read from the binary itself),
 * extra commands given as bytes, host paths or compiled modules, and any VFS
 * file that starts with the WebAssembly magic. Each process runs in a pooled
 * worker with its memory capped; every descriptor it uses is a kernel
 * descriptor.
 */
import {
  KernelError,
  type DriverProcess,
  type KernelInterface,
  type ProcessContext,
  type RuntimeDriver,
} from "@secure-exec/kernel";
import { readCommandList } from "./binary/command-list.js";
import type { BinarySource } from "./binary/load-bytes.js";
import { WASM_PAGE, isWasm } from "./binary/wasm-binary.js";
import { loadBinary, programFromBytes, programFromContent, programFromModule, type Program } from "./module-cache.js";
import { PreciseTimes } from "./host/precise-times.js";
import { StartError, WasiProcess } from "./wasi-process.js";
import { WorkerPool } from "./worker-pool.js";

/** Options for `createWasmVmRuntime`. */
export interface WasmVmRuntimeOptions {
  /** The multicall command binary: a host path, a URL or its bytes. Default: the bundled `wasm/commands.wasm`. */
  binary?: BinarySource;
  /** Same as `binary`, given as a host path. */
  wasmBinaryPath?: string;
  /** Extra commands: name → WebAssembly bytes, a host path or URL to them, or a compiled module. */
  commands?: Record<string, Uint8Array | string | URL | WebAssembly.Module>;
  /**
   * The most linear memory one process may have, in bytes (rounded down to
   * 64 KiB pages). Default 512 MiB. Growing past it fails inside the guest
   * as an out-of-memory. Not applied to precompiled modules given in
   * `commands`, whose own limits stand.
   */
  memoryLimit?: number;
  /**
   * Whether guests get the VFS root preopened as "/" at descriptor 3 (the
   * default). Without it a guest has only the descriptors it inherits.
   */
  preopenRoot?: boolean;
  /** How many idle workers to keep started. Default 2. */
  poolSize?: number;
  /** Where the worker script is served from (for bundlers that move it). Default: `worker.cjs` beside this module on Node, `worker.js` elsewhere. */
  workerUrl?: string | URL;
}

const DEFAULT_MEMORY_LIMIT = 512 * 1024 * 1024;

function defaultBinary(): URL {
  return new URL("../wasm/commands.wasm", import.meta.url);
}

function runsOnNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

/**
 * Node's worker script: the CommonJS build, which starts sooner (see
 * worker/node-main.ts). Named through a constant because bundlers copy the
 * file of every `new URL("literal", import.meta.url)` into a web build, and
 * browsers never load this one.
 */
const NODE_WORKER = "./worker.cjs";

function defaultWorkerUrl(): URL {
  return runsOnNode() ? new URL(NODE_WORKER, import.meta.url) : new URL("./worker.js", import.meta.url);
}

/** Creates the WASI runtime driver. */
export function createWasmVmRuntime(options: WasmVmRuntimeOptions = {}): RuntimeDriver {
  const maxPages = Math.floor((options.memoryLimit ?? DEFAULT_MEMORY_LIMIT) / WASM_PAGE);
  if (!(maxPages >= 1)) throw new RangeError(`memoryLimit must be at least ${WASM_PAGE} bytes`);
  const extra = options.commands ?? {};
  let kernel: KernelInterface | null = null;
  let pool: WorkerPool | null = null;
  let multicall: Promise<Program> | null = null;
  const running = new Set<WasiProcess>();
  const times = new PreciseTimes();

  const givenModules = new Map<string, Promise<Program>>();
  const programFor = (name: string): Promise<Program> | undefined => {
    const given = extra[name];
    if (given instanceof WebAssembly.Module) {
      let program = givenModules.get(name);
      if (!program) givenModules.set(name, (program = Promise.resolve(programFromModule(given))));
      return program;
    }
    if (given !== undefined) return loadBinary(given).then((bytes) => programFromBytes(bytes, maxPages));
    return driver.commands.includes(name) ? multicall ?? undefined : undefined;
  };

  const programAtPath = async (ki: KernelInterface, path: string): Promise<Program> => {
    let bytes: Uint8Array;
    try {
      bytes = await ki.vfs.readFile(path);
    } catch (error) {
      const code = (error as KernelError).code;
      throw new StartError(`${(error as Error).message}`, code === "ENOENT" ? 127 : 126);
    }
    if (!isWasm(bytes)) throw new StartError("cannot execute: not a WebAssembly module", 126);
    return programFromContent(bytes, maxPages);
  };

  const driver: RuntimeDriver = {
    name: "wasmvm",
    commands: [],
    stdin: "fd",

    async init(ki: KernelInterface): Promise<void> {
      if (kernel) throw new Error("wasmvm driver initialized twice");
      // Workers boot while the binary loads and compiles.
      pool = new WorkerPool(options.workerUrl ?? defaultWorkerUrl(), options.poolSize ?? 2);
      pool.fill();
      const source = options.binary ?? options.wasmBinaryPath ?? defaultBinary();
      let bytes: Uint8Array;
      try {
        bytes = await loadBinary(source);
        multicall = programFromBytes(bytes, maxPages);
        pool.setPreload(await multicall);
      } catch (error) {
        await pool.dispose();
        pool = null;
        throw error;
      }
      const names = readCommandList(bytes);
      for (const name of Object.keys(extra)) if (!names.includes(name)) names.push(name);
      driver.commands = names;
      kernel = ki;
    },

    canExecute(header: Uint8Array): boolean {
      return isWasm(header);
    },

    spawn(command: string, args: string[], ctx: ProcessContext): DriverProcess {
      if (!kernel || !pool) throw new Error("wasmvm driver used before init");
      const ki = kernel;
      const program = command.includes("/")
        ? programAtPath(ki, ki.resolvePath(ctx.pid, command))
        : programFor(command) ?? Promise.reject(new StartError("command not found", 127));
      const process = new WasiProcess({
        ki,
        ctx,
        argv: [command, ...args],
        program,
        pool,
        preopenRoot: options.preopenRoot ?? true,
        times,
        onEnded: (p) => running.delete(p),
      });
      running.add(process);
      return process;
    },

    async dispose(): Promise<void> {
      const closing = pool?.dispose();
      for (const process of [...running]) process.kill(9);
      running.clear();
      await closing;
      pool = null;
      kernel = null;
      multicall = null;
    },
  };
  return driver;
}
