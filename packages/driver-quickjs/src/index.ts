/**
 * `@secure-exec/driver-quickjs`: `node` and `qjs` commands for the
 * secure-exec kernel, running a Node-like JavaScript runtime on QuickJS.
 */
export { createQuickJsRuntime } from "./driver.js";
export type { QuickJsRuntimeOptions } from "./options.js";
export { EXIT_OUT_OF_MEMORY, EXIT_TIME_LIMIT } from "./shared/protocol.js";
