/**
 * The embedder's policy over what guests may do. A `Permissions` object
 * holds one optional check per kind of request; when a permission object is
 * given, a kind with no check is denied, and with no object at all
 * everything is allowed. A denial is a `KernelError` EACCES naming the
 * request and the policy's reason. The helpers at the end build the common
 * checks (read-only, only under some paths, only listed commands, only
 * listed variables) and combine them (`allOf`, `anyOf`).
 */
import { KernelError } from "./errors.js";
import { basenamePath, dirnamePath, isPathWithin, normalizePath } from "./vfs/path.js";

/** File-system operations a policy can see. */
export type FsOperation =
  | "read"
  | "write"
  | "create"
  | "stat"
  | "readdir"
  | "mkdir"
  | "rmdir"
  | "unlink"
  | "rename"
  | "symlink"
  | "readlink"
  | "link"
  | "chmod"
  | "utimes"
  | "truncate";

/** Operations that change the file system. */
export const MUTATING_FS_OPERATIONS: ReadonlySet<FsOperation> = new Set<FsOperation>([
  "write", "create", "mkdir", "rmdir", "unlink", "rename", "symlink", "link", "chmod", "utimes", "truncate",
]);

/** A file-system request: the operation and the absolute guest path. */
export interface FsRequest {
  /** What is being done. */
  op: FsOperation;
  /** The absolute guest path (for rename and link, each path is checked on its own). */
  path: string;
  /** The calling process, when a process makes the request. */
  pid?: number;
}

/** A request to start a process. */
export interface ChildProcessRequest {
  /** The command as given (a name or a path). */
  command: string;
  /** Its arguments. */
  args: string[];
  /** The working directory it would start in. */
  cwd: string;
  /** The spawning process (0 for the embedder). */
  ppid: number;
}

/** A request to read an environment variable the embedder gave the kernel. */
export interface EnvRequest {
  /** Reading the variable into a guest's environment. */
  op: "read";
  /** The variable's name. */
  name: string;
}

/** A policy's answer: a boolean, or a decision with a reason for the error message. */
export type PermissionDecision = boolean | { allow: boolean; reason?: string };

/** The embedder's policy; each check allows or denies one request. */
export interface Permissions {
  /** File-system operations. */
  fs?: (request: FsRequest) => PermissionDecision;
  /** Process creation. */
  childProcess?: (request: ChildProcessRequest) => PermissionDecision;
  /** Which of the kernel's configured environment variables guests receive. */
  env?: (request: EnvRequest) => PermissionDecision;
}

function verdict(decision: PermissionDecision): { allow: boolean; reason?: string } {
  return typeof decision === "boolean" ? { allow: decision } : decision;
}

/** Throws EACCES unless the policy allows the file-system request. */
export function checkFs(permissions: Permissions | undefined, request: FsRequest): void {
  if (!permissions) return;
  const { allow, reason } = permissions.fs ? verdict(permissions.fs(request)) : { allow: false, reason: "no fs policy" };
  if (!allow) {
    throw new KernelError("EACCES", reason ?? "denied by policy", { syscall: request.op, path: request.path });
  }
}

/** Throws EACCES unless the policy allows starting the process. */
export function checkChildProcess(permissions: Permissions | undefined, request: ChildProcessRequest): void {
  if (!permissions) return;
  const { allow, reason } = permissions.childProcess
    ? verdict(permissions.childProcess(request))
    : { allow: false, reason: "no childProcess policy" };
  if (!allow) {
    throw new KernelError("EACCES", reason ?? "denied by policy", { syscall: "spawn", path: request.command });
  }
}

/** The subset of `env` the policy lets guests see. */
export function filterEnv(permissions: Permissions | undefined, env: Record<string, string>): Record<string, string> {
  if (!permissions) return { ...env };
  const out: Record<string, string> = {};
  if (!permissions.env) return out;
  for (const [name, value] of Object.entries(env)) {
    if (verdict(permissions.env({ op: "read", name })).allow) out[name] = value;
  }
  return out;
}

/** One check of a policy, for requests of type `R`. */
export type PermissionCheck<R> = (request: R) => PermissionDecision;

/** A policy that allows everything, spelled out (the same as giving no policy). */
export const allowAll: Readonly<Required<Permissions>> = Object.freeze({
  fs: () => true,
  childProcess: () => true,
  env: () => true,
});

/** Allows every file-system operation that changes nothing; denies the rest. */
export function readOnlyFs(): PermissionCheck<FsRequest> {
  return (request) =>
    MUTATING_FS_OPERATIONS.has(request.op) ? { allow: false, reason: "read-only policy" } : true;
}

/**
 * Allows file-system requests on paths that are one of `prefixes` or lie
 * under one, plus `stat` of the directories above them (so that a process
 * can start in "/" and walk down to /work); denies the rest.
 */
export function allowFsUnder(prefixes: string | readonly string[]): PermissionCheck<FsRequest> {
  const roots = (typeof prefixes === "string" ? [prefixes] : [...prefixes]).map(checkedAbsolute);
  const reason = `outside ${roots.join(", ")}`;
  return (request) => {
    if (roots.some((root) => isPathWithin(request.path, root))) return true;
    if (request.op === "stat" && roots.some((root) => isPathWithin(root, request.path))) return true;
    return { allow: false, reason };
  };
}

/** Options of `allowCommands`. */
export interface AllowCommandsOptions {
  /**
   * Directories whose commands may be named by path: `/bin/ls` counts as
   * `ls` when "/bin" is listed here. Default: /bin and /usr/bin.
   */
  binDirs?: readonly string[];
}

/** Allows starting only the listed commands (by name, or by path inside `binDirs`). */
export function allowCommands(commands: readonly string[], options: AllowCommandsOptions = {}): PermissionCheck<ChildProcessRequest> {
  const names = new Set(commands);
  const binDirs = (options.binDirs ?? ["/bin", "/usr/bin"]).map(checkedAbsolute);
  return (request) => {
    const { command } = request;
    if (!command.includes("/")) {
      return names.has(command) ? true : { allow: false, reason: `command '${command}' is not allowed` };
    }
    const path = normalizePath(command.startsWith("/") ? command : `${request.cwd}/${command}`);
    if (names.has(basenamePath(path)) && binDirs.includes(dirnamePath(path))) return true;
    return { allow: false, reason: `command '${command}' is not allowed` };
  };
}

/** Lets guests see only the listed environment variables. */
export function allowEnv(names: readonly string[]): PermissionCheck<EnvRequest> {
  const allowed = new Set(names);
  return (request) => allowed.has(request.name);
}

/** Allows a request only if every check allows it; the first denial's reason is kept. */
export function allOf<R>(...checks: PermissionCheck<R>[]): PermissionCheck<R> {
  return (request) => {
    for (const check of checks) {
      const decision = verdict(check(request));
      if (!decision.allow) return decision;
    }
    return true;
  };
}

/** Allows a request if any check allows it; otherwise the reasons of all denials, joined. */
export function anyOf<R>(...checks: PermissionCheck<R>[]): PermissionCheck<R> {
  return (request) => {
    const reasons: string[] = [];
    for (const check of checks) {
      const decision = verdict(check(request));
      if (decision.allow) return true;
      if (decision.reason) reasons.push(decision.reason);
    }
    return reasons.length > 0 ? { allow: false, reason: reasons.join("; ") } : false;
  };
}

function checkedAbsolute(path: string): string {
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw new KernelError("EINVAL", `a policy path must be absolute: '${String(path)}'`);
  }
  return normalizePath(path);
}
