/**
 * How signals reach one shell process. The kernel offers the shell every
 * signal but SIGKILL (`DriverProcess.handleSignal`, fork's `onSignal`);
 * `handle` decides, from the shell's traps, synchronously and without
 * running any shell code:
 * - `trap '' SIG`: ignored, as if never sent.
 * - `trap 'action' SIG`: caught; the signal is queued and its action runs
 *   at the next safe point (between commands), then the script goes on.
 * - A background job of a shell without job control (every shell here)
 *   ignores SIGINT and SIGQUIT unless it traps them (POSIX 2.11).
 * - An interactive shell ignores SIGTERM and SIGQUIT, and catches SIGINT:
 *   it abandons the command line and returns to the prompt.
 * - Anything else takes the default action: the kernel ends the shell; but
 *   a shell with an EXIT trap (bash's way) exits with 128 + n at the next
 *   safe point instead, running the trap. SIGPIPE always ends it at once.
 *
 * A caught signal also wakes what the shell may be blocked in (the `wait`
 * builtin, `read`, the prompt) through `wakeup`. An interactive shell runs
 * each foreground job in a process group of its own and passes SIGINT on
 * to those groups, as a terminal would; like bash, it abandons the line
 * only if a job died of that SIGINT (or none was running), so a program
 * that handles Ctrl-C itself lets the line go on.
 *
 * Ignored signals are also set in the kernel (`setSignalIgnored`, by the
 * trap builtin and for background jobs), so every command the shell starts,
 * of any driver, starts with them ignored; caught ones reset to the default.
 */
import { SIGINT, SIGNAL_NAMES, SIGPIPE, SIGQUIT, SIGTERM } from "../constants.js";
import type { KernelInterface } from "../types.js";
import type { ShellState } from "./state.js";

/** Where an interactive shell's SIGINT stands: none, waiting for its foreground jobs to end, or due. */
type Interrupt = "none" | "waiting" | "due";

/** The signal dispositions, pending signals and foreground jobs of one shell process. */
export class ShellSignals {
  /** Caught signals whose action has not run yet, in arrival order. */
  private readonly queue: number[] = [];
  private interrupt: Interrupt = "none";
  /** A signal that ends the shell once its EXIT trap has run, or 0. */
  private fatal = 0;
  private wake: AbortController | null = null;
  /** Foreground children of an interactive shell: pid → process group (made on first use). */
  private foreground: Map<number, number> | null = null;

  constructor(
    private readonly ki: KernelInterface,
    /** The shell's pid (set once the kernel has given it one). */
    public pid: number,
    private readonly state: ShellState,
  ) {}

  /** The kernel's offer of `signal`: true when the shell catches or ignores it. */
  handle(signal: number): boolean {
    const name = SIGNAL_NAMES[signal];
    const action = name === undefined ? undefined : this.state.traps.get(name);
    if (action === "") return true;
    const interactive = this.state.interactive;
    if (interactive && signal === SIGINT) this.forwardToForeground(signal);
    if (action !== undefined) {
      this.queue.push(signal);
      this.notify();
      return true;
    }
    if (this.state.asyncJob && (signal === SIGINT || signal === SIGQUIT)) return true;
    if (interactive && signal === SIGINT) {
      this.interrupt = this.foreground !== null && this.foreground.size > 0 ? "waiting" : "due";
      this.notify();
      return true;
    }
    if (interactive && (signal === SIGTERM || signal === SIGQUIT)) return true;
    const exitTrap = this.state.traps.get("EXIT");
    if (exitTrap === undefined || exitTrap === "" || signal === SIGPIPE) return false;
    this.fatal ||= signal;
    this.notify();
    return true;
  }

  /** Whether a trap action, an interrupt or an exit is waiting for the next safe point. */
  get due(): boolean {
    return this.queue.length > 0 || this.interrupt === "due" || this.fatal !== 0;
  }

  /** Takes the signal the shell must now exit for (running its EXIT trap), or 0. */
  takeFatal(): number {
    const signal = this.fatal;
    this.fatal = 0;
    return signal;
  }

  /** Takes a due interrupt (true once per SIGINT). */
  takeInterrupt(): boolean {
    if (this.interrupt !== "due") return false;
    this.interrupt = "none";
    return true;
  }

  /** Takes the queued signals whose actions should run now. */
  takeQueued(): number[] {
    return this.queue.splice(0);
  }

  /** Forgets an interrupt (SIGINT at the prompt, handled there). */
  clearInterrupt(): void {
    this.interrupt = "none";
  }

  /**
   * The number of the signal that interrupts a blocking builtin now (the
   * first queued, or SIGINT for an interactive interrupt), or 0 if none.
   */
  pendingSignal(): number {
    if (this.fatal !== 0) return this.fatal;
    if (this.queue.length > 0) return this.queue[0]!;
    return this.interrupt === "none" ? 0 : SIGINT;
  }

  /**
   * Aborts when a signal the shell must act on arrives (already aborted
   * while one is pending), for the waits a caught signal cuts short.
   */
  get wakeup(): AbortSignal {
    if (this.pendingSignal() !== 0) return AbortSignal.abort();
    this.wake ??= new AbortController();
    return this.wake.signal;
  }

  /** Options for a child the shell starts: its own process group when it is an interactive shell's foreground job. */
  groupFor(background: boolean, joinGroup: number | undefined): { pgid?: number } {
    if (!this.state.interactive || background) return {};
    return { pgid: joinGroup ?? 0 };
  }

  /** Records a child just started (a foreground job when it got a group of its own). */
  started(pid: number, group: { pgid?: number }): void {
    if (group.pgid === undefined) return;
    (this.foreground ??= new Map()).set(pid, group.pgid === 0 ? pid : group.pgid);
  }

  /** Records that a child the shell waited for has ended with `status`. */
  finished(pid: number, status: number): void {
    if (this.foreground === null || !this.foreground.delete(pid) || this.interrupt !== "waiting") return;
    if (status === 128 + SIGINT) this.interrupt = "due";
    else if (this.foreground.size === 0) this.interrupt = "none";
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.abort();
  }

  /** Sends `signal` to every foreground job's group (after the kernel has finished delivering this one). */
  private forwardToForeground(signal: number): void {
    if (this.foreground === null || this.foreground.size === 0) return;
    const groups = new Set(this.foreground.values());
    queueMicrotask(() => {
      for (const pgid of groups) {
        try {
          this.ki.kill(this.pid, -pgid, signal);
        } catch {
          // The job has already ended.
        }
      }
    });
  }
}
