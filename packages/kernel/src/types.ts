/**
 * The driver contract: what a runtime driver implements (`RuntimeDriver`,
 * `DriverProcess`) and what the kernel offers it (`KernelInterface`,
 * `ProcessContext`). The first four interfaces are the seed's, member for
 * member; optional members after them are extensions a driver may ignore.
 */
import type { VfsStat, KernelVfs } from "./vfs/types.js";

/** A pluggable execution engine; the kernel routes commands to it through the command registry. */
export interface RuntimeDriver {
  /** Unique name for this driver (e.g., "ruby", "deno"). */
  name: string;
  /** Commands this driver handles (e.g., ["ruby", "irb", "gem"]). Read after `init` resolves. */
  commands: string[];
  /** Called once when mounting. Receive the KernelInterface for syscalls. */
  init(kernel: KernelInterface): Promise<void>;
  /** Spawn a process. Must return synchronously. */
  spawn(command: string, args: string[], ctx: ProcessContext): DriverProcess;
  /** Clean up all resources. Called during kernel.dispose(). */
  dispose(): Promise<void>;
  /**
   * How this driver's processes take their input. "writeStdin" (the default):
   * the kernel reads the process's fd 0 and delivers it through
   * `DriverProcess.writeStdin`/`closeStdin`. "fd": the process reads fd 0
   * itself with `fdRead`, and the kernel never touches it.
   */
  stdin?: "writeStdin" | "fd";
  /** Whether this driver runs the executable file at `path`, whose first bytes are `header`. */
  canExecute?(header: Uint8Array, path: string): boolean;
}

/** Everything a driver needs to start one process. */
export interface ProcessContext {
  /** The new process's id. */
  pid: number;
  /** Its parent's id (0 when the embedder spawned it). */
  ppid: number;
  /** Its environment; a copy the driver may keep. */
  env: Record<string, string>;
  /** Its working directory, absolute. */
  cwd: string;
  /** Its standard descriptors in its own fd table. */
  fds: { stdin: number; stdout: number; stderr: number };
  /** Writes to the process's fd 1; usable during `spawn`, before callbacks are wired. */
  onStdout: (data: Uint8Array) => void;
  /** Writes to the process's fd 2; usable during `spawn`, before callbacks are wired. */
  onStderr: (data: Uint8Array) => void;
}

/** A running process as its driver represents it. */
export interface DriverProcess {
  /** Delivers bytes read from the process's fd 0 (drivers with `stdin: "writeStdin"`). */
  writeStdin(data: Uint8Array): void;
  /** Signals end of input on fd 0. */
  closeStdin(): void;
  /** Ends the process; its exit must resolve with 128 + signal. */
  kill(signal: number): void;
  /**
   * Optional: offered every signal but SIGKILL before the kernel ends the
   * process. Returning true means the process caught it (a shell's `trap`,
   * an interactive shell's Ctrl-C) and goes on running; otherwise the
   * kernel calls `kill` and ends it with 128 + signal.
   */
  handleSignal?(signal: number): boolean;
  /** Resolves once with the exit code. */
  wait(): Promise<number>;
  /** Set by the kernel after `spawn` returns: call once with the exit code. */
  onExit: ((code: number) => void) | null;
  /** Set by the kernel after `spawn` returns: bytes for fd 1. */
  onStdout: ((data: Uint8Array) => void) | null;
  /** Set by the kernel after `spawn` returns: bytes for fd 2. */
  onStderr: ((data: Uint8Array) => void) | null;
}

/**
 * Options for spawning a process through the kernel. A child spawned by a
 * process inherits the parent's descriptors that are not close-on-exec; each
 * standard descriptor is then, in order of preference, the parent's
 * `std*Fd`, a sink feeding `onStdout`/`onStderr`, or the parent's own. A
 * process the embedder spawns gets a stdin pipe fed by `writeStdin`, and
 * stdout/stderr that reach the callbacks or nowhere.
 */
export interface SpawnOptions {
  /** Environment; defaults to the parent's (or the kernel's) environment. */
  env?: Record<string, string>;
  /** Working directory; defaults to the parent's (or the kernel's). */
  cwd?: string;
  /** A descriptor of the parent's to use as the child's stdin; otherwise a pipe fed by `writeStdin`. */
  stdinFd?: number;
  /** A descriptor of the parent's to use as the child's stdout. */
  stdoutFd?: number;
  /** A descriptor of the parent's to use as the child's stderr. */
  stderrFd?: number;
  /** Receives the child's stdout when no `stdoutFd` is given. */
  onStdout?: (data: Uint8Array) => void;
  /** Receives the child's stderr when no `stderrFd` is given. */
  onStderr?: (data: Uint8Array) => void;
  /** Process group to join; 0 makes the child the leader of a new group. Defaults to the parent's. */
  pgid?: number;
}

/** Spawn options as a driver passes them: the caller's pid is the parent. */
export interface ChildSpawnOptions extends SpawnOptions {
  /** The calling process, which becomes the parent. */
  ppid: number;
}

/** A handle on a process spawned through the kernel. */
export interface ProcessHandle {
  /** The process id. */
  readonly pid: number;
  /** Writes to the child's stdin pipe (when no `stdinFd` was given). */
  writeStdin(data: Uint8Array | string): void;
  /** Closes the child's stdin pipe. */
  closeStdin(): void;
  /** Sends a signal (default SIGTERM). */
  kill(signal?: number): void;
  /** Resolves with the exit code and reaps the process. */
  wait(): Promise<number>;
  /** The exit code once the process has exited, otherwise null. */
  readonly exitCode: number | null;
}

/** What `fdStat` reports about a descriptor. */
export interface FdStat {
  /** The kind of object behind the descriptor. */
  filetype: FileType;
  /** The open-file status flags (O_ACCMODE bits, O_APPEND, O_NONBLOCK). */
  flags: number;
  /** The absolute path it was opened by, for files and directories. */
  path?: string;
  /** Whether the descriptor is close-on-exec (not inherited by spawned commands). */
  closeOnExec: boolean;
}

/** Kinds of objects a descriptor or directory entry can name. */
export type FileType = "file" | "directory" | "symlink" | "pipe" | "chardev" | "socket" | "unknown";

/** One directory entry. */
export interface DirEntry {
  /** The entry's name (no slashes). */
  name: string;
  /** What it names, without following symlinks. */
  type: FileType;
  /** Inode number, when the file system has one. */
  ino?: number;
}

/** The result of `waitpid`. */
export interface WaitResult {
  /** The reaped child. */
  pid: number;
  /** Its exit code (128 + n when killed by signal n). */
  status: number;
}

/** The system calls the kernel offers drivers. Every call names the calling pid; the kernel checks the driver owns it. */
export interface KernelInterface {
  /** The kernel's file system: mounts, devices and permissions applied. */
  vfs: KernelVfs;

  /** Opens `path` (relative to the process's cwd) and returns the lowest free descriptor; O_CLOEXEC makes it close-on-exec. */
  fdOpen(pid: number, path: string, flags: number, mode?: number): number;
  /** Reads up to `length` bytes; waits on pipes; an empty result is end of file. */
  fdRead(pid: number, fd: number, length: number): Promise<Uint8Array>;
  /**
   * Reads up to `target.length` bytes into `target` (`fdRead` without the
   * allocation) and resolves with the count; 0 is end of file. Leave
   * `target` alone until it settles.
   */
  fdReadInto(pid: number, fd: number, target: Uint8Array): Promise<number>;
  /**
   * Writes all of `data`; on a full pipe, resolves once every byte is taken.
   * `data` may be a view of shared memory; the kernel copies what it keeps,
   * so the caller may reuse it once this settles.
   */
  fdWrite(pid: number, fd: number, data: Uint8Array): Promise<number>;
  /** Reads at `offset` without moving the cursor. */
  fdPread(pid: number, fd: number, length: number, offset: bigint): Promise<Uint8Array>;
  /** Writes at `offset` without moving the cursor. */
  fdPwrite(pid: number, fd: number, data: Uint8Array, offset: bigint): Promise<number>;
  /** Moves the shared cursor; returns the new offset. ESPIPE on pipes. */
  fdSeek(pid: number, fd: number, offset: bigint, whence: number): bigint;
  /** Closes a descriptor. */
  fdClose(pid: number, fd: number): void;
  /** Duplicates to the lowest free descriptor at or above `minFd` (F_DUPFD, or F_DUPFD_CLOEXEC with `closeOnExec`). */
  fdDup(pid: number, fd: number, minFd?: number, closeOnExec?: boolean): number;
  /** Makes `newFd` refer to the same open file as `oldFd` (and clears its close-on-exec). */
  fdDup2(pid: number, oldFd: number, newFd: number): void;
  /** Describes a descriptor. */
  fdStat(pid: number, fd: number): FdStat;
  /** Sets O_APPEND / O_NONBLOCK on the open file. */
  fdSetFlags(pid: number, fd: number, flags: number): void;
  /** Sets or clears close-on-exec on a descriptor (FD_CLOEXEC). */
  fdSetCloseOnExec(pid: number, fd: number, on: boolean): void;
  /** Stats the file behind a descriptor. */
  fdFilestat(pid: number, fd: number): VfsStat;
  /** Truncates or extends the file behind a descriptor. */
  fdTruncate(pid: number, fd: number, length: number): void;
  /** Sets access and modification times of the file behind a descriptor. */
  fdUtimes(pid: number, fd: number, atimeMs: number, mtimeMs: number): void;
  /** Flushes the file behind a descriptor. */
  fdSync(pid: number, fd: number): void;
  /** Lists the directory behind a descriptor. */
  fdReaddir(pid: number, fd: number): DirEntry[];
  /** Whether a read on the descriptor would not block (data, EOF, or not a pipe). */
  fdPoll(pid: number, fd: number): { readable: boolean; writable: boolean };
  /** Resolves when the descriptor becomes readable (or writable), or when `signal` aborts. */
  fdWaitReady(pid: number, fd: number, events: "read" | "write", signal?: AbortSignal): Promise<void>;
  /** Whether the descriptor is a terminal. */
  isatty(pid: number, fd: number): boolean;

  /**
   * Creates a pipe in the process's table. Both ends are close-on-exec (as
   * pipe2(O_CLOEXEC)): a spawned child gets an end only as its stdinFd /
   * stdoutFd / stderrFd, so a reader never holds a stray write end.
   */
  pipe(pid: number): { readFd: number; writeFd: number };

  /** Spawns any registered command (any driver) as a child of `options.ppid`. */
  spawn(command: string, args: string[], options: ChildSpawnOptions): ProcessHandle;
  /**
   * Starts a child of `options.ppid` that runs `body` on the kernel's thread,
   * as fork() does for in-process runtimes (the shell's subshells and
   * pipeline stages): it gets a copy of the parent's fd table (with any stdio
   * overrides), env and cwd. `signal` aborts when the child is killed; its
   * exit code is what `body` resolves to. `onSignal` is the child's
   * `handleSignal` (see DriverProcess).
   */
  fork(
    body: (pid: number, signal: AbortSignal) => Promise<number>,
    options: ChildSpawnOptions & { name?: string; onSignal?: (signal: number) => boolean },
  ): ProcessHandle;
  /** Waits for a child (`target` > 0), any child (-1), or any child in group -target; WNOHANG returns null. */
  waitpid(pid: number, target: number, options?: number): Promise<WaitResult | null>;
  /** Sends `signal` to `target` (> 0) or to process group -target; 0 only checks it exists. */
  kill(pid: number, target: number, signal: number): void;
  /** Whether `name` is a registered command (what a shell's `command -v` and `type` report as /bin/NAME). */
  commandExists?(name: string): boolean;
  /**
   * Sets whether a signal is ignored (`trap '' SIG`): an ignored signal is
   * not delivered to the process at all, and children it spawns or forks
   * start with it ignored too, as POSIX exec keeps ignored dispositions.
   * EINVAL for SIGKILL, SIGSTOP or a number out of range.
   */
  setSignalIgnored(pid: number, signal: number, ignored: boolean): void;
  /** The parent's pid. */
  getppid(pid: number): number;
  /** The process group. */
  getpgid(pid: number): number;
  /** Moves a process (itself or a child) into a group; 0 means its own pid. */
  setpgid(pid: number, target: number, pgid: number): void;
  /** A copy of the process's environment. */
  getenv(pid: number): Record<string, string>;
  /** Replaces the process's environment (what its children inherit). */
  setenv(pid: number, env: Record<string, string>): void;
  /** The process's working directory. */
  getcwd(pid: number): string;
  /** Changes the process's working directory; ENOENT / ENOTDIR when it is not a directory. */
  chdir(pid: number, path: string): void;
  /** The process's file mode creation mask. */
  umask(pid: number, mask?: number): number;
  /** Resolves a path against the process's cwd. */
  resolvePath(pid: number, path: string): string;
}
