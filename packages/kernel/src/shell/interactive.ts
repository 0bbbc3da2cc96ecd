/**
 * The interactive shell (`sh -i`, or `sh` whose stdin is a terminal): it
 * prints PS1 on stderr before reading each command (PS2 before each line
 * that continues one), runs what it read, and asks again. A syntax error,
 * or an error that would end a non-interactive shell (a failing special
 * builtin, `${x?}`), is reported and the shell goes back to the prompt
 * with `$?` set. `exit` and end of input (Ctrl-D) print "exit" on stderr
 * and end it, after the EXIT trap. SIGINT (see signals.ts) abandons the
 * command line, or at the prompt the lines typed so far, prints a newline
 * and prompts again with `$?` 130. Trap actions for signals caught at the
 * prompt run there, and the prompt is printed again.
 */
import { CommandFailure, ExitSignal, InterruptSignal, ShellAborted, ShellFatal } from "./control-flow.js";
import type { CommandList } from "./ast.js";
import type { Interpreter } from "./interpreter.js";
import { parseScript } from "./parser.js";
import { expandPrompt, type PromptCounters } from "./prompt.js";
import { INTERRUPTED, StdinLines } from "./script-reader.js";
import { isIncomplete, ShellSyntaxError } from "./syntax-error.js";

/** Writes to the shell's stderr, ignoring a stderr that cannot be written. */
async function tell(sh: Interpreter, text: string): Promise<void> {
  try {
    await sh.write(2, text);
  } catch (err) {
    if (err instanceof ShellAborted) throw err;
  }
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Forgets background jobs that have ended, except the last one started (`$!`). */
function forgetFinishedJobs(sh: Interpreter): void {
  for (const [pid, handle] of sh.jobs) {
    if (handle.exitCode === null || pid === sh.state.lastBgPid) continue;
    void handle.wait();
    sh.jobs.delete(pid);
  }
}

/** Runs a command line read at the prompt (or trap actions due there); true when the shell should end. */
async function settle(sh: Interpreter, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (err) {
    if (err instanceof InterruptSignal) {
      sh.state.lastStatus = 130;
      await tell(sh, "\n");
      return false;
    }
    if (err instanceof ShellFatal || err instanceof CommandFailure) {
      sh.state.lastStatus = err.status;
      return false;
    }
    sh.state.lastStatus = sh.statusOf(err);
    return err instanceof ExitSignal;
  }
}

/** Reads and runs commands until `exit` or end of input; resolves with the shell's exit status. */
export async function runInteractive(sh: Interpreter): Promise<number> {
  const lines = new StdinLines(sh.ki, sh.pid);
  const counters: PromptCounters = { command: 1, jobs: 0 };
  let text = "";
  let line = 1;
  for (;;) {
    forgetFinishedJobs(sh);
    counters.jobs = sh.jobs.size;
    const ps = text === "" ? sh.state.get("PS1") ?? "$ " : sh.state.get("PS2") ?? "> ";
    await tell(sh, await expandPrompt(ps, sh, counters));
    const next = await lines.next(sh.signals.wakeup);
    if (next === INTERRUPTED) {
      if (sh.signals.takeInterrupt()) {
        lines.discard();
        text = "";
        sh.state.lastStatus = 130;
        await tell(sh, "\n");
      } else if (await settle(sh, () => sh.trapRunner.atSafePoint())) {
        break;
      }
      continue;
    }
    if (next === null) {
      if (text !== "") {
        await sh.error(`line ${line + newlines(text)}: syntax error: unexpected end of file`);
        sh.state.lastStatus = 2;
      }
      await tell(sh, "exit\n");
      break;
    }
    text += next;
    let list: CommandList;
    try {
      list = parseScript(text, line, sh.parserAliases(), true);
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      if (isIncomplete(err)) continue;
      await sh.error(`line ${err.line}: syntax error: ${err.message}`);
      sh.state.lastStatus = 2;
      line += newlines(text);
      text = "";
      continue;
    }
    const source = text;
    line += newlines(text);
    text = "";
    if (list.items.length === 0) continue;
    counters.command++;
    if (await settle(sh, () => sh.runScript(list, source))) break;
  }
  return sh.trapRunner.runExit(sh.state.lastStatus);
}
