/**
 * What the kernel thread and a QuickJS worker say to each other. Messages
 * (postMessage) set a worker up and start and end processes; system calls
 * travel over the bridge channel as one op whose payload is the JSON of
 * `{ op, args }` followed by raw data bytes, and whose reply is JSON, bytes,
 * both, or nothing (`values[0]` says which), or an errno description on
 * failure; writes and reads have their own ops without JSON.
 */

/** The bridge op number of the general guest system call (`{ op, args }` as JSON). */
export const OP_SYSCALL = 1;
/** Fast path: write the payload to descriptor `args[0]`; the reply's `values[0]` is the count. */
export const OP_WRITE = 2;
/** Fast path: read up to `args[1]` bytes from descriptor `args[0]`; the reply's payload is the bytes. */
export const OP_READ = 3;

// Reply kinds, in `values[0]` of a successful reply.
/** The call returned nothing. */
export const REPLY_NONE = 0;
/** The payload is JSON text. */
export const REPLY_JSON = 1;
/** The payload is bytes. */
export const REPLY_BYTES = 2;
/** JSON followed by bytes; `values[1]` is the JSON's byte length. */
export const REPLY_JSON_BYTES = 3;

/** Status of a reply whose system call failed; the payload is a `SyscallFailure` as JSON. */
export const STATUS_FAILED = 1;

/** A failed system call as the guest sees it. */
export interface SyscallFailure {
  /** POSIX errno name, e.g. "ENOENT". */
  code: string;
  /** The message, e.g. "ENOENT: no such file or directory, open '/x'". */
  message: string;
  /** The syscall, when known. */
  syscall?: string;
  /** The guest path, when there is one. */
  path?: string;
  /** The second path of a two-path call (rename, copyfile, link), as Node's errors carry it. */
  dest?: string;
}

/** Limits a worker applies to every process it runs. */
export interface EngineLimits {
  /** QuickJS heap limit in bytes. */
  memoryLimitBytes: number;
  /** QuickJS stack limit in bytes. */
  maxStackSizeBytes: number;
}

/** Where a built image keeps the values a worker must reproduce exactly to take it. */
export interface ImageLayout {
  /** The QuickJS runtime pointer. */
  rt: number;
  /** The context pointer. */
  ctx: number;
  /** The runtime's system context (made by computeMemoryUsage). */
  system: number;
  /** The heap cell of the global object handle. */
  global: number;
  /** The heap cell of the binding handle. */
  binding: number;
}

/** A built runtime image: the whole linear memory after the bootstrap, shareable between workers. */
export interface SharedImage {
  memory: SharedArrayBuffer;
  /** Bytes of `memory` in use; the rest is zero. */
  used: number;
  layout: ImageLayout;
  /** Heap cells of the hook handles, in the engine's hook order. */
  hooks: number[];
}

/** Kernel thread → worker: set up (once). */
export interface InitMessage {
  type: "init";
  /** The compiled QuickJS WebAssembly module, shared by every worker. */
  wasmModule: WebAssembly.Module;
  /** The channel for this worker's system calls. */
  bridge: SharedArrayBuffer;
  limits: EngineLimits;
  /** An image another worker built with the same limits, to take instead of evaluating the bootstrap. */
  image?: SharedImage;
}

/** What a process needs to start; the guest parses `args` like Node's command line. */
export interface JobSpec {
  pid: number;
  ppid: number;
  /** The command name the process was started as ("node", "qjs"). */
  argv0: string;
  /** What `process.execPath` says. */
  execPath: string;
  /** The arguments after the command name. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Whether fds 0, 1 and 2 are terminals. */
  tty: [boolean, boolean, boolean];
  /** `process.version`, e.g. "v20.20.0". */
  version: string;
  /** Wall-clock ms at process start (performance.timeOrigin). */
  timeOrigin: number;
  /** What `os` reports. */
  system: { hostname: string; release: string; version: string; cpus: number; totalmem: number };
  /** Milliseconds of run time before the process is stopped with status 124 (0: none). */
  timeLimitMs: number;
}

/** Kernel thread → worker: run one process. */
export interface RunMessage {
  type: "run";
  job: JobSpec;
}

/** Worker → kernel thread. */
export type WorkerEvent =
  | { type: "ready"; image?: SharedImage }
  | { type: "exit"; code: number; recycle: boolean; output: { fd: number; bytes: Uint8Array }[] }
  | { type: "failed"; message: string };

/** Exit status for a process stopped by its time limit (as `timeout` reports it). */
export const EXIT_TIME_LIMIT = 124;
/** Exit status for a process that ran out of memory (SIGABRT, as Node aborts). */
export const EXIT_OUT_OF_MEMORY = 134;
/** What a process prints when it runs out of memory. */
export const OUT_OF_MEMORY_MESSAGE = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n";

/** What a process prints when its time limit stops it. */
export function timeLimitMessage(argv0: string, ms: number): string {
  return `${argv0}: CPU time limit exceeded: the script ran for more than ${ms} ms and was stopped\n`;
}
