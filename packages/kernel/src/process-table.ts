/**
 * The process table: pids, parents and children, process groups, exit and
 * reaping.
 *
 * Invariants: a pid is in the table from spawn until it is reaped; `exit`
 * happens once per process and closes all its descriptors, aborts its
 * signal (cancelling its blocked calls) and resolves `exited` exactly once.
 * An exited process stays as a zombie only while its parent lives and has
 * not waited for it; children of the embedder (ppid 0), and of a parent that
 * is gone, are reaped at once. Orphans are handed to the embedder (ppid 0).
 */
import { WNOHANG } from "./constants.js";
import { KernelError } from "./errors.js";
import type { FdTable } from "./fd-table.js";
import type { DriverProcess, WaitResult } from "./types.js";

/** The reason a process's signal aborts with. */
const EXITED = Object.freeze({ name: "ProcessExited", message: "the process has exited" });

/** Highest pid before allocation wraps around (as Linux's pid_max). */
const PID_MAX = 4194304;

/** One process. */
export class ProcessEntry {
  /** "running" until `exit`, then "zombie" until reaped. */
  state: "running" | "zombie" = "running";
  /** The exit code, once exited. */
  exitCode: number | null = null;
  private controller: AbortController | null = null;
  /** Resolves with the exit code, once. */
  readonly exited: Promise<number>;
  /** Live and zombie children. */
  readonly children = new Set<number>();
  /** The driver's handle, once `spawn` returned it. */
  driverProcess: DriverProcess | null = null;
  /** Signal numbers whose default action (termination) is ignored. */
  readonly ignoredSignals = new Set<number>();
  private resolveExited!: (code: number) => void;
  private childWaiters: (() => void)[] = [];

  constructor(
    readonly pid: number,
    public ppid: number,
    public pgid: number,
    /** The command as spawned. */
    readonly command: string,
    /** Its arguments. */
    readonly args: readonly string[],
    /** The driver that owns the process. */
    readonly owner: string,
    public env: Record<string, string>,
    public cwd: string,
    public umask: number,
    readonly fds: FdTable,
  ) {
    this.exited = new Promise<number>((resolve) => {
      this.resolveExited = resolve;
    });
  }

  /**
   * Aborts when the process exits, so its blocked calls give up. Made on
   * first use: most short processes never block, and an AbortController per
   * process is a measurable share of a builtin's exec.
   */
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.state !== "running" && !this.controller.signal.aborted) this.controller.abort(EXITED);
    return this.controller.signal;
  }

  /** Marks the process exited with `code` (first call wins). */
  finish(code: number): boolean {
    if (this.state !== "running") return false;
    this.state = "zombie";
    this.exitCode = code;
    this.fds.closeAll();
    // A fixed reason: abort() without one builds a DOMException each time.
    this.controller?.abort(EXITED);
    this.resolveExited(code);
    return true;
  }

  /** Resolves when one of this process's children has exited. */
  nextChildExit(): Promise<void> {
    return new Promise((resolve) => this.childWaiters.push(resolve));
  }

  /** Wakes everything waiting for a child of this process to exit. */
  notifyChildExit(): void {
    const waiters = this.childWaiters;
    this.childWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** All processes, by pid. */
export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();
  private lastPid = 0;
  private running = 0;

  /** The number of processes that have not exited. */
  get runningCount(): number {
    return this.running;
  }

  /** The next free pid. */
  allocatePid(): number {
    do {
      this.lastPid = this.lastPid >= PID_MAX ? 1 : this.lastPid + 1;
    } while (this.entries.has(this.lastPid));
    return this.lastPid;
  }

  /** Adds a new process (and links it to its parent). */
  add(entry: ProcessEntry): void {
    this.entries.set(entry.pid, entry);
    this.running++;
    this.entries.get(entry.ppid)?.children.add(entry.pid);
  }

  /** The process, or undefined (also once reaped). */
  get(pid: number): ProcessEntry | undefined {
    return this.entries.get(pid);
  }

  /** The process; ESRCH if there is none. */
  getOrThrow(pid: number, syscall = "kill"): ProcessEntry {
    const entry = this.entries.get(pid);
    if (!entry) throw new KernelError("ESRCH", `pid ${pid}`, { syscall });
    return entry;
  }

  /** Every process in the table (running and zombie). */
  all(): ProcessEntry[] {
    return [...this.entries.values()];
  }

  /** Running members of a process group. */
  group(pgid: number): ProcessEntry[] {
    return this.all().filter((p) => p.pgid === pgid && p.state === "running");
  }

  /** Exits a process: closes its fds, wakes its waiters, reaps what no one will wait for. */
  exit(pid: number, code: number): void {
    const entry = this.entries.get(pid);
    if (!entry || !entry.finish(code)) return;
    this.running--;
    for (const childPid of entry.children) {
      const child = this.entries.get(childPid);
      if (!child) continue;
      child.ppid = 0;
      if (child.state === "zombie") this.entries.delete(childPid);
    }
    entry.children.clear();
    const parent = this.entries.get(entry.ppid);
    if (parent && parent.state === "running") parent.notifyChildExit();
    else this.reap(pid);
  }

  /** Removes an exited process. */
  reap(pid: number): void {
    const entry = this.entries.get(pid);
    if (!entry || entry.state !== "zombie") return;
    this.entries.delete(pid);
    this.entries.get(entry.ppid)?.children.delete(pid);
  }

  /**
   * Waits for a child of `parentPid`: `target` > 0 that child, -1 any child,
   * < -1 any child in group -target. With WNOHANG, null when none has exited.
   */
  async waitpid(parentPid: number, target: number, options = 0): Promise<WaitResult | null> {
    const parent = this.getOrThrow(parentPid, "waitpid");
    for (;;) {
      const candidates = [...parent.children]
        .map((pid) => this.entries.get(pid))
        .filter((c): c is ProcessEntry => !!c && (target === -1 || (target > 0 ? c.pid === target : c.pgid === -target)));
      if (candidates.length === 0) throw new KernelError("ECHILD", undefined, { syscall: "waitpid" });
      const done = candidates.find((c) => c.state === "zombie");
      if (done) {
        this.reap(done.pid);
        return { pid: done.pid, status: done.exitCode! };
      }
      if (options & WNOHANG) return null;
      if (parent.state !== "running") throw new KernelError("EINTR", undefined, { syscall: "waitpid" });
      await Promise.race([parent.nextChildExit(), parent.exited]);
    }
  }
}
