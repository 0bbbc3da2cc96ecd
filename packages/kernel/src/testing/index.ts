/**
 * @secure-exec/kernel/testing: contract suites for the kernel's extension
 * points, to run with vitest. Every driver and every file-system backend,
 * first-party or a contributor's, is checked by the same cases.
 */
export { defineDriverContractTests } from "./driver-suite.js";
export type { DriverContractOptions, DriverInvocation } from "./driver-suite.js";
export { defineFileSystemSuite } from "./file-system-suite.js";
export type { FileSystemSuiteOptions } from "./file-system-suite.js";
