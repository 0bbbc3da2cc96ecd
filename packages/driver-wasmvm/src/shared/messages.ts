/**
 * The messages between the kernel thread and a WASI worker (besides the
 * bridge channel, which carries the system calls). A worker announces
 * `ready`, then runs one process per `run` and answers with `exit`.
 */

/** Kernel thread → worker: start one process. */
export interface RunMessage {
  type: "run";
  /** The compiled program (shared with the worker, not copied). */
  module: WebAssembly.Module;
  /** The process's bridge channel. */
  channel: SharedArrayBuffer;
  /** argv, argv[0] included. */
  argv: string[];
  /** The environment as "NAME=value" strings. */
  env: string[];
  /** The process id and its parent's. */
  pid: number;
  ppid: number;
  /** The working directory. */
  cwd: string;
  /** Preopened directories: descriptor and the name the guest sees. */
  preopens: { fd: number; name: string }[];
  /** The memory to create, for a module that imports its memory instead of defining it. */
  importedMemory?: ImportedMemory;
}

/** A linear memory a module imports: where from, and its limits in 64 KiB pages (the cap applied). */
export interface ImportedMemory {
  module: string;
  name: string;
  initial: number;
  maximum: number;
}

/** Worker → kernel thread: it is started and idle. */
export interface ReadyMessage {
  type: "ready";
}

/** Worker → kernel thread: the process ended with this exit code. */
export interface ExitMessage {
  type: "exit";
  code: number;
}

/** Any message a worker sends. */
export type WorkerMessage = ReadyMessage | ExitMessage;
