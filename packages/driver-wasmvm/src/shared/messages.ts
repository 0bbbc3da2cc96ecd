/**
 * The messages between the kernel thread and a WASI worker (besides the
 * bridge channel, which carries the system calls). A worker announces
 * `ready`, may be asked to `prepare` a program, then runs one process per
 * `run` and answers with `exit`, or with `unwound` when the process was
 * killed while it waited in a system call.
 */

/** How many compiled programs a worker keeps (least recently sent dropped first). */
export const WORKER_PROGRAM_SLOTS = 16;

/** A compiled program as workers get it. */
export interface ProgramMessage {
  /** Identifies the program within the host process. */
  programId: number;
  /**
   * The compiled program (shared with the worker, not copied). Left out when
   * the worker already holds it: posting a module costs far more than the
   * rest of a spawn. Both sides track the last WORKER_PROGRAM_SLOTS modules sent.
   */
  module?: WebAssembly.Module;
  /** The memory to create, for a module that imports its memory instead of defining it. */
  importedMemory?: ImportedMemory;
}

/** Kernel thread → worker: instantiate this program ahead of time, for the next `run` of it. */
export interface PrepareMessage extends ProgramMessage {
  type: "prepare";
}

/** Kernel thread → worker: start one process. */
export interface RunMessage extends ProgramMessage {
  type: "run";
  /** The worker's bridge channel, sent with its first process only. */
  channel?: SharedArrayBuffer;
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

/**
 * Worker → kernel thread: the process was killed while it waited in a
 * system call; the closed channel unwound it and the worker is idle again.
 */
export interface UnwoundMessage {
  type: "unwound";
}

/** Any message a worker sends. */
export type WorkerMessage = ReadyMessage | ExitMessage | UnwoundMessage;
