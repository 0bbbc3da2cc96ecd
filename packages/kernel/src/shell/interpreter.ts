/**
 * The interpreter for one shell process: walks the syntax tree, keeps the
 * exit status, applies `set -e`, and owns the process's view of the kernel
 * (its pid, its abort signal, the descriptors it opened for itself).
 * Compound commands live here; simple commands, redirections and child
 * processes have their own files. Every byte goes through `ki` fd calls.
 */
import type { KernelInterface, ProcessHandle } from "../types.js";
import type { AndOr, Command, CommandList, CompoundCommand, Pipeline, Word } from "./ast.js";
import { encodeText } from "./bytes.js";
import { evalCond } from "./cond.js";
import { BreakSignal, CommandFailure, ContinueSignal, ExitSignal, InterruptSignal, ReturnSignal, ShellAborted, ShellFatal } from "./control-flow.js";
import { arithValue, expandPattern, expandString, expandWords, type ExpandHost } from "./expand.js";
import { expandGlob } from "./glob.js";
import { matchPattern } from "./pattern.js";
import { parseScript } from "./parser.js";
import { applyRedirects, restoreRedirects, type SavedFd } from "./redirect.js";
import { printWord } from "./print.js";
import { closeProcessSubs, startProcessSub, type ProcessSub } from "./process-sub.js";
import { yieldIfDue } from "./scheduler.js";
import { runSelect } from "./select.js";
import { ShellSignals } from "./signals.js";
import { TrapRunner } from "./traps.js";
import { runSimpleCommand } from "./simple-command.js";
import { ReadonlyError, type ShellState } from "./state.js";
import { runBackground, runCommandSub, runPipelineStages, runSubshell } from "./subshell.js";
import { ShellSyntaxError } from "./syntax-error.js";
import { traceIfOn, traceLine } from "./xtrace.js";

/** Runs shell syntax trees in one kernel process. */
export class Interpreter implements ExpandHost {
  /** Descriptors the shell opened for itself (saved stdio, pipe ends); children close them. */
  readonly internalFds = new Set<number>();
  /** Status of the last command substitution in the current simple command. */
  cmdSubStatus = 0;
  /** Background jobs not yet waited for, by pid. */
  readonly jobs = new Map<number, ProcessHandle>();
  /** Each background job's number (`%n`) and command, by pid. */
  readonly jobSpecs = new Map<number, { number: number; item: AndOr }>();
  /** A subshell's view of its parent's jobs, which `jobs` lists (bash's `kill $(jobs -p)`) but `wait` does not wait for. */
  readonly inheritedJobs = new Map<number, ProcessHandle>();
  /** Process substitutions of the commands running now, closed when the command that expanded them ends. */
  readonly processSubs: ProcessSub[] = [];

  /** Its signal dispositions, caught signals and foreground jobs. */
  readonly signals: ShellSignals;
  private traps: TrapRunner | null = null;

  constructor(
    readonly ki: KernelInterface,
    readonly pid: number,
    readonly state: ShellState,
    readonly signal: AbortSignal,
    signals?: ShellSignals,
  ) {
    this.signals = signals ?? new ShellSignals(ki, pid, state);
    state.pid = pid;
  }

  /**
   * Runs a whole script as this process's main program: exit handling and
   * the EXIT trap included. When `alias` or `unalias` changes the alias
   * table, the lines of `source` after the current one are parsed again
   * with the new aliases (as a shell reading line by line would see them).
   */
  async runMain(list: CommandList, source?: string): Promise<number> {
    let status: number;
    try {
      status = await this.runScript(list, source);
    } catch (err) {
      status = this.statusOf(err);
    }
    return this.trapRunner.runExit(status);
  }

  /**
   * Runs a script read piece by piece (from stdin): each piece is run as
   * soon as it parses, so commands it runs can read the input that
   * follows it. `next` gives the next piece, or null at the end (or
   * throws ShellFatal for a syntax error).
   */
  async runPieces(next: () => Promise<{ list: CommandList; source: string } | null>): Promise<number> {
    let status = 0;
    try {
      for (let piece = await next(); piece !== null; piece = await next()) {
        if (piece.list.items.length > 0) status = await this.runScript(piece.list, piece.source);
      }
    } catch (err) {
      status = this.statusOf(err);
    }
    return this.trapRunner.runExit(status);
  }

  /** Runs the top-level items of a script (see runMain); exits and fatal errors propagate. */
  async runScript(list: CommandList, source?: string): Promise<number> {
    let status = this.state.lastStatus;
    let echoedTo = 0;
    let items = list.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (this.state.options.noexec) break;
      if (this.state.options.verbose && source !== undefined && item.start >= echoedTo) {
        echoedTo = await this.echoSource(source, item.start, items[i + 1]?.start ?? source.length);
      }
      status = await this.runAndOr(item);
      if (!this.state.aliasesChanged || source === undefined) continue;
      this.state.aliasesChanged = false;
      const next = items.findIndex((it, k) => k > i && it.line > item.line);
      if (next >= 0) items = [...items.slice(0, next), ...(await this.parseRest(source, items[next]!)).items];
    }
    return status;
  }

  /** Runs its EXIT, ERR and signal trap actions (made on first use). */
  get trapRunner(): TrapRunner {
    return (this.traps ??= new TrapRunner(this));
  }

  /** The alias table the parser should expand, if any (for callers parsing script text). */
  parserAliases(): ReadonlyMap<string, string> | undefined {
    return this.aliasesToExpand();
  }

  /**
   * `set -v`: prints the script's lines from the one holding `from` up to
   * the one before `next` begins (whole lines, as a shell reading them
   * would); returns the offset printed up to.
   */
  private async echoSource(source: string, from: number, next: number): Promise<number> {
    const start = source.lastIndexOf("\n", from - 1) + 1;
    const nextLine = source.lastIndexOf("\n", next - 1) + 1;
    let end = nextLine > from ? nextLine : source.indexOf("\n", from) + 1;
    if (end === 0) end = source.length;
    const text = source.slice(start, end);
    try {
      await this.write(2, text.endsWith("\n") ? text : text + "\n");
    } catch (err) {
      if (err instanceof ShellAborted) throw err;
    }
    return end;
  }

  /** The alias table the parser should expand, if any. */
  private aliasesToExpand(): ReadonlyMap<string, string> | undefined {
    const state = this.state;
    return state.shopt.expand_aliases && state.aliases.size > 0 ? state.aliases : undefined;
  }

  /** Parses `source` again from `from` on, with the current aliases. */
  private async parseRest(source: string, from: AndOr): Promise<CommandList> {
    try {
      const rest = parseScript(source.slice(from.start), from.line, this.aliasesToExpand());
      for (const item of rest.items) item.start += from.start;
      return rest;
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      await this.error(`line ${err.line}: syntax error: ${err.message}`);
      throw new ShellFatal(2);
    }
  }

  /** The exit status an unwinding exception stands for; rethrows anything else. */
  statusOf(err: unknown): number {
    if (err instanceof ExitSignal || err instanceof ShellFatal || err instanceof ReturnSignal) return err.status;
    if (err instanceof BreakSignal || err instanceof ContinueSignal) return 0;
    if (err instanceof InterruptSignal) return 130;
    if (err instanceof ShellAborted || this.signal.aborted) throw new ShellAborted();
    if (err instanceof RangeError) {
      void this.error("maximum recursion depth exceeded");
      return 2;
    }
    throw err;
  }

  /** Parses and runs `text` in this shell (eval, traps, `.`), its first line numbered `line`. */
  async evalString(text: string, line = 1): Promise<number> {
    let list: CommandList;
    try {
      list = parseScript(text, line, this.aliasesToExpand());
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      await this.error(`line ${err.line}: syntax error: ${err.message}`);
      throw new ShellFatal(2);
    }
    return this.runList(list);
  }

  /**
   * Throws if the process has been killed; returns a promise to await when
   * a caught signal needs acting on or it is time to yield to the event
   * loop, otherwise null.
   */
  checkpoint(): Promise<void> | null {
    if (this.signal.aborted) throw new ShellAborted();
    if (this.signals.due) return this.trapRunner.atSafePoint();
    const due = yieldIfDue();
    return due === null ? null : due.then(() => {
      if (this.signal.aborted) throw new ShellAborted();
    });
  }

  /** Writes text or bytes to one of this process's descriptors. */
  async write(fd: number, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === "string" ? encodeText(data) : data;
    if (bytes.length === 0) return;
    try {
      await this.ki.fdWrite(this.pid, fd, bytes);
    } catch (err) {
      if (this.signal.aborted) throw new ShellAborted();
      throw err;
    }
  }

  /** Prints `sh: message` on stderr, ignoring a stderr that cannot be written. */
  async error(message: string): Promise<void> {
    try {
      await this.write(2, `sh: ${message}\n`);
    } catch (err) {
      if (err instanceof ShellAborted) throw err;
    }
  }

  // ExpandHost
  commandSub(body: CommandList): Promise<string> {
    return runCommandSub(this, body);
  }

  processSub(body: CommandList, output: boolean): Promise<string> {
    return startProcessSub(this, body, output);
  }

  glob(pattern: string): Promise<string[]> {
    return expandGlob(this.ki.vfs, this.ki.getcwd(this.pid), pattern, this.state.shopt);
  }

  async fatal(message: string, status: number): Promise<never> {
    await this.error(message);
    throw new ShellFatal(status);
  }

  async fail(message: string, status: number): Promise<never> {
    await this.error(message);
    throw new CommandFailure(status);
  }

  /** Runs a list; returns the status of the last and-or list. */
  async runList(list: CommandList): Promise<number> {
    let status = 0;
    for (const item of list.items) status = await this.runAndOr(item);
    return status;
  }

  /** Runs a list as a condition, where `set -e` does not apply. */
  async runCondition(list: CommandList): Promise<number> {
    this.state.errexitSuppressed++;
    try {
      return await this.runList(list);
    } finally {
      this.state.errexitSuppressed--;
    }
  }

  /** Runs one and-or list (or starts it in the background). */
  async runAndOr(item: AndOr): Promise<number> {
    if (item.background) {
      runBackground(this, item);
      this.state.lastStatus = 0;
      return 0;
    }
    const last = item.rest.length;
    let status = await this.runPipeline(item.first, last === 0);
    for (let i = 0; i < last; i++) {
      const link = item.rest[i]!;
      if ((link.op === "&&") !== (status === 0)) continue;
      status = await this.runPipeline(link.pipeline, i === last - 1);
    }
    return status;
  }

  /** Runs a pipeline; `isLast`: it ends its and-or list, so `set -e` applies to it. */
  async runPipeline(p: Pipeline, isLast: boolean): Promise<number> {
    const suppress = p.bang || !isLast;
    if (suppress) this.state.errexitSuppressed++;
    const started = p.timed ? Date.now() : 0;
    let status: number;
    try {
      if (p.commands.length === 0) status = 0;
      else if (p.commands.length === 1) {
        status = await this.runCommand(p.commands[0]!);
        this.state.setPipeStatus([status]);
      } else status = await runPipelineStages(this, p.commands);
    } finally {
      if (suppress) this.state.errexitSuppressed--;
    }
    if (p.timed) await this.reportTime(Date.now() - started);
    if (p.bang) status = status === 0 ? 1 : 0;
    this.state.lastStatus = status;
    if (this.signals.due) await this.trapRunner.atSafePoint();
    if (status !== 0 && !suppress && this.state.errexitSuppressed === 0) {
      const only = p.commands.length === 1 ? p.commands[0]! : null;
      // A compound command's own commands were already subject to `set -e`; `[[ ]]` and `(( ))` have none.
      const exempt = only !== null && only.type !== "simple" && only.type !== "subshell" && only.type !== "cond" && only.type !== "arith-cmd";
      if (!exempt) {
        await this.trapRunner.runErr(status);
        if (this.state.options.errexit) throw new ExitSignal(status);
      }
    }
    return status;
  }

  /** The `time` keyword's report in bash's format: the elapsed time (CPU time is not measured on the kernel's thread, so it shows as zero). */
  private async reportTime(ms: number): Promise<void> {
    const real = `${Math.floor(ms / 60000)}m${((ms % 60000) / 1000).toFixed(3)}s`;
    try {
      await this.write(2, `\nreal\t${real}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
    } catch (err) {
      if (err instanceof ShellAborted) throw err;
    }
  }

  /** Runs one command of any kind in this shell. */
  async runCommand(cmd: Command): Promise<number> {
    const subs = this.processSubs.length;
    if (this.state.runningTrap === 0) this.state.currentCommand = cmd;
    try {
      return await this.dispatch(cmd);
    } catch (err) {
      if (err instanceof CommandFailure) return err.status;
      throw err;
    } finally {
      if (this.processSubs.length > subs) await closeProcessSubs(this, subs);
    }
  }

  private async dispatch(cmd: Command): Promise<number> {
    switch (cmd.type) {
      case "simple":
        return runSimpleCommand(this, cmd);
      case "function":
        this.state.functions.set(cmd.name, cmd);
        return 0;
      default: {
        if (cmd.redirects.length === 0) return this.runCompound(cmd);
        const saved: SavedFd[] = [];
        try {
          if (!(await applyRedirects(this, cmd.redirects, saved))) {
            // The compound command never ran, so its failure is not exempt from `set -e`.
            if (this.state.options.errexit && this.state.errexitSuppressed === 0) throw new ExitSignal(1);
            return 1;
          }
          return await this.runCompound(cmd);
        } finally {
          restoreRedirects(this, saved);
        }
      }
    }
  }

  private async runCompound(cmd: CompoundCommand): Promise<number> {
    switch (cmd.type) {
      case "subshell":
        return runSubshell(this, cmd.body);
      case "group":
        return this.runList(cmd.body);
      case "if": {
        for (const clause of cmd.clauses) {
          if ((await this.runCondition(clause.cond)) === 0) return this.runList(clause.body);
        }
        return cmd.elseBody === null ? 0 : this.runList(cmd.elseBody);
      }
      case "while":
      case "until":
        return this.runLoop(async () => ((await this.runCondition(cmd.cond)) === 0) === (cmd.type === "while"), cmd.body);
      case "for": {
        if (cmd.select === true) return runSelect(this, cmd);
        const items = cmd.items === null ? [...this.state.positional] : await expandWords(this, cmd.items);
        let i = 0;
        return this.runLoop(async () => {
          if (i >= items.length) return false;
          await traceIfOn(this, () => `for ${cmd.name} in ${cmd.items === null ? '"$@"' : cmd.items.map(printWord).join(" ")}`);
          await this.assign(cmd.name, items[i++]!);
          return true;
        }, cmd.body);
      }
      case "arith-for": {
        if (cmd.init.parts.length > 0) await this.arithCommand(cmd.init);
        let first = true;
        return this.runLoop(async () => {
          if (!first && cmd.step.parts.length > 0) await this.arithCommand(cmd.step);
          first = false;
          return cmd.cond.parts.length === 0 || (await this.arithCommand(cmd.cond)) !== "0";
        }, cmd.body);
      }
      case "case":
        return this.runCase(cmd);
      case "cond":
        return evalCond(this, cmd.expr);
      case "arith-cmd":
        return (await this.arithCommand(cmd.expr)) === "0" ? 1 : 0;
    }
  }

  /** Evaluates the expression of `(( ))` (or a clause of the arithmetic for), traced as bash traces it. */
  private async arithCommand(expr: Word): Promise<string> {
    if (!this.state.options.xtrace) return arithValue(this, expr, "((");
    const text = await expandString(this, expr);
    await traceLine(this, `(( ${text} ))`);
    return arithValue(this, { parts: [{ type: "lit", text }] }, "((");
  }

  /** Assigns a variable, turning a readonly violation into a fatal error. */
  async assign(name: string, value: string): Promise<void> {
    try {
      this.state.set(name, value);
    } catch (err) {
      if (err instanceof ReadonlyError) await this.fatal(err.message, 2);
      throw err;
    }
  }

  /** Runs `body` while `next()` says so, handling break and continue. */
  async runLoop(next: () => Promise<boolean>, body: CommandList): Promise<number> {
    let status = 0;
    this.state.loopDepth++;
    try {
      for (;;) {
        const due = this.checkpoint();
        if (due !== null) await due;
        try {
          if (!(await next())) break;
          status = await this.runList(body);
        } catch (err) {
          if (err instanceof BreakSignal) {
            if (--err.levels > 0) throw err;
            status = 0;
            break;
          }
          if (err instanceof ContinueSignal) {
            if (--err.levels > 0) throw err;
            status = 0;
            continue;
          }
          throw err;
        }
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  private async runCase(cmd: Extract<CompoundCommand, { type: "case" }>): Promise<number> {
    await traceIfOn(this, () => `case ${printWord(cmd.word)} in`);
    const subject = await expandString(this, cmd.word);
    let status = 0;
    let fallthrough = false;
    for (const item of cmd.items) {
      if (!fallthrough) {
        let matched = false;
        for (const p of item.patterns) {
          if (matchPattern(await expandPattern(this, p), subject, this.state.shopt.nocasematch)) {
            matched = true;
            break;
          }
        }
        if (!matched) continue;
      }
      status = await this.runList(item.body);
      if (item.terminator === ";;") return status;
      fallthrough = item.terminator === ";&";
    }
    return status;
  }
}
