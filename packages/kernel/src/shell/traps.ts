/**
 * Trap actions of one shell process: the EXIT trap (once, as the shell
 * ends), the ERR trap (after a failure `set -e` would act on, never from
 * inside itself), bash's RETURN trap (as a function returns) and the actions of signals the shell caught (queued by
 * signals.ts), which run at safe points between commands with `$?` kept
 * and do not nest: signals caught while one runs wait until it has
 * finished. An interactive shell's interrupt due at a safe point unwinds
 * the command line as InterruptSignal; a signal that ends a shell with an
 * EXIT trap unwinds it as `exit 128+n`.
 */
import { SIGNAL_NAMES } from "../constants.js";
import { ExitSignal, InterruptSignal } from "./control-flow.js";
import type { Interpreter } from "./interpreter.js";

/** Runs one shell's trap actions. */
export class TrapRunner {
  private inSignalTrap = false;
  private inErrTrap = false;
  private inReturnTrap = false;

  constructor(private readonly sh: Interpreter) {}

  /** Runs the EXIT trap (once) and returns the final status. */
  async runExit(status: number): Promise<number> {
    const traps = this.sh.state.traps;
    const action = traps.get("EXIT");
    if (action === undefined || action === "") return status;
    traps.delete("EXIT");
    this.sh.state.lastStatus = status;
    try {
      await this.inTrap(() => this.sh.evalString(action));
    } catch (err) {
      return this.sh.statusOf(err);
    }
    return status;
  }

  /** Runs the ERR trap for a command that failed with `status`. */
  async runErr(status: number): Promise<void> {
    const action = this.sh.state.traps.get("ERR");
    if (action === undefined || action === "" || this.inErrTrap) return;
    this.inErrTrap = true;
    try {
      // As in bash, $LINENO in the action is the line of the command that failed.
      await this.inTrap(() => this.sh.evalString(action, this.sh.state.lineno));
    } finally {
      this.inErrTrap = false;
      this.sh.state.lastStatus = status;
    }
  }

  /**
   * Runs the RETURN trap as a function call returns, if it was set inside
   * that call (bash's functions do not inherit it unless `set -T`), with
   * `$?` the status of the last command before the return, as in bash.
   */
  async runReturn(): Promise<void> {
    const state = this.sh.state;
    const action = state.traps.get("RETURN");
    if (action === undefined || action === "" || this.inReturnTrap) return;
    if (!state.options.functrace && state.returnTrapCall !== state.currentCall) return;
    const status = state.lastStatus;
    this.inReturnTrap = true;
    try {
      await this.inTrap(() => this.sh.evalString(action, state.lineno));
    } finally {
      this.inReturnTrap = false;
      state.lastStatus = status;
    }
  }

  /** Acts on what caught signals asked for: an interactive interrupt, then each queued action. */
  async atSafePoint(): Promise<void> {
    if (this.inSignalTrap) return;
    this.throwIfInterrupted();
    const signals = this.sh.signals;
    const fatal = signals.takeFatal();
    if (fatal !== 0) throw new ExitSignal(128 + fatal);
    this.inSignalTrap = true;
    try {
      for (let queued = signals.takeQueued(); queued.length > 0; queued = signals.takeQueued()) {
        for (const signal of queued) await this.runSignalTrap(signal);
      }
    } finally {
      this.inSignalTrap = false;
    }
  }

  /** Throws InterruptSignal if an interactive interrupt is due (outside trap actions). */
  throwIfInterrupted(): void {
    if (!this.inSignalTrap && this.sh.signals.takeInterrupt()) throw new InterruptSignal();
  }

  /** Runs the action for `signal`, if it still has one. */
  private async runSignalTrap(signal: number): Promise<void> {
    const state = this.sh.state;
    const action = state.traps.get(SIGNAL_NAMES[signal] ?? "");
    if (action === undefined || action === "") return;
    const status = state.lastStatus;
    try {
      await this.inTrap(() => this.sh.evalString(action));
    } finally {
      state.lastStatus = status;
    }
  }

  /** Runs a trap action, during which `$BASH_COMMAND` keeps naming the command that led to it. */
  private async inTrap(run: () => Promise<number>): Promise<void> {
    this.sh.state.runningTrap++;
    try {
      await run();
    } finally {
      this.sh.state.runningTrap--;
    }
  }
}
