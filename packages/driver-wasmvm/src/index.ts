/**
 * @secure-exec/driver-wasmvm: a WASI preview1 runtime for the secure-exec
 * kernel, whose every descriptor is a kernel descriptor, running guests in
 * pooled workers, with the bundled multicall binary of C commands.
 */
export { createWasmVmRuntime, type WasmVmRuntimeOptions } from "./runtime.js";
export type { BinarySource } from "./binary/load-bytes.js";
