/**
 * @secure-exec/kernel: the kernel a sandbox is composed around, and the
 * contract its runtime drivers implement.
 */

// The kernel
export { createKernel } from "./kernel.js";
export type { Kernel, KernelOptions, KernelLimits, ProcessInfo } from "./kernel.js";
export { ExecError } from "./exec.js";
export type { ExecOptions, ExecResult } from "./exec.js";

// The driver contract
export type {
  RuntimeDriver,
  KernelInterface,
  ProcessContext,
  DriverProcess,
  SpawnOptions,
  ChildSpawnOptions,
  ProcessHandle,
  FdStat,
  FileType,
  DirEntry,
  WaitResult,
} from "./types.js";

// File systems
export type { VirtualFileSystem, VfsFile, VfsStat, KernelVfs, MkdirOptions } from "./vfs/types.js";
export { normalizePath, resolvePath, joinPath, dirnamePath, basenamePath, isPathWithin, splitPath } from "./vfs/path.js";
export { splitBackendPath } from "./vfs/backend-path.js";

// Errors
export { KernelError, ERRNO_MESSAGES, pathError, isKernelError, strerror } from "./errors.js";
export type { ErrnoCode } from "./errors.js";

// Permissions
export {
  MUTATING_FS_OPERATIONS,
  allowAll,
  readOnlyFs,
  allowFsUnder,
  allowCommands,
  allowEnv,
  allOf,
  anyOf,
} from "./permissions.js";
export type {
  Permissions,
  PermissionDecision,
  FsRequest,
  FsOperation,
  ChildProcessRequest,
  EnvRequest,
  PermissionCheck,
  AllowCommandsOptions,
} from "./permissions.js";

// ABI constants
export * from "./constants.js";
