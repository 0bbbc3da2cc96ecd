/**
 * The interactive shell. node:readline gives line editing and history; the
 * prompt (on stderr, as sh prints it) shows the working directory. Each
 * line runs as its own job (`sh -c`), in the working directory and with
 * the exported variables the previous line's shell left (it reports them
 * from an EXIT trap), and with `$?` set to the previous status. A line
 * that is not complete yet (an open quote, `if` without `fi`, a trailing
 * backslash) is continued on the next, after a "> " prompt.
 *
 * Ctrl-C interrupts the running job (SIGINT to its process group) and
 * leaves the shell; at the prompt it discards the line. Ctrl-D at an empty
 * prompt, end of input, or `exit [N]` ends the session. Jobs read no
 * terminal input: their stdin is /dev/null, and lines typed while one runs
 * wait their turn, as type-ahead.
 */
import { createInterface } from "node:readline";
import { SIGINT, SIGPIPE } from "@secure-exec/kernel";
import { forwardTo } from "./host-output.js";
import type { JobProcess, ShellState } from "./job-process.js";
import { formatDuration } from "./run-command.js";
import type { Sandbox } from "./sandbox.js";
import { STATE_COMMAND } from "./terminal-driver.js";

const decoder = new TextDecoder();

/** The prompt for working directory `cwd`, with the home directory shown as ~. */
export function promptFor(cwd: string, home: string | undefined): string {
  const shown = home && home !== "/" && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
  return `secure-exec:${shown}$ `;
}

/** Whether `text` ends in an unescaped backslash (a line continuation). */
function endsInContinuation(text: string): boolean {
  const trailing = /\\*$/.exec(text)![0].length;
  return trailing % 2 === 1;
}

/** Runs the interactive shell until Ctrl-D, end of input or `exit`; resolves with the last status. */
export async function runRepl(sandbox: Sandbox, timeoutMs: number | null): Promise<number> {
  const session: ShellState & { status: number } = { cwd: sandbox.cwd, env: { ...sandbox.env }, status: 0 };
  const terminal = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal, historySize: 1000, removeHistoryDuplicates: true });
  let current: JobProcess | null = null;
  const toStdout = forwardTo(process.stdout, () => current?.signal(SIGPIPE));
  const toStderr = forwardTo(process.stderr, () => {});

  const lines: string[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  let partial = "";
  const showPrompt = () => {
    rl.setPrompt(partial === "" ? promptFor(session.cwd, session.env.HOME) : "> ");
    rl.prompt();
  };
  rl.on("line", (line) => {
    lines.push(line);
    wake?.();
  });
  rl.on("close", () => {
    ended = true;
    wake?.();
  });
  const interrupt = () => {
    if (terminal) process.stderr.write("^C\n");
    if (current) {
      current.signal(SIGINT);
      return;
    }
    partial = "";
    lines.length = 0;
    if (terminal) {
      rl.write(null, { ctrl: true, name: "u" });
      showPrompt();
    }
  };
  rl.on("SIGINT", interrupt);
  process.on("SIGINT", interrupt);

  const run = async (shellArgs: string[], onStderr: (data: Uint8Array) => void): Promise<JobProcess["result"]> => {
    if (!(await sandbox.kernel.exists(session.cwd))) {
      toStderr(new TextEncoder().encode(`secure-exec: ${session.cwd} no longer exists; now in /\n`));
      session.cwd = "/";
    }
    current = sandbox.terminal.start(sandbox.kernel, {
      shellArgs, cwd: session.cwd, env: session.env, input: null, onStdout: toStdout, onStderr, timeoutMs,
    });
    try {
      return await current.result;
    } finally {
      current = null;
    }
  };

  /** Whether the shell would read more lines to complete `text`. */
  const incomplete = async (text: string): Promise<boolean> => {
    if (endsInContinuation(text)) return true;
    let stderr = "";
    const { status } = await run(["-n", "-c", text], (data) => (stderr += decoder.decode(data)));
    return status === 2 && /syntax error: (unexpected end of file|unterminated)/.test(stderr);
  };

  const runLine = async (text: string): Promise<void> => {
    const restoreStatus = session.status === 0 ? "" : `(exit ${session.status}); `;
    const result = await run(["-c", `trap ${STATE_COMMAND} EXIT; ${restoreStatus}${text}`], toStderr);
    session.status = result.status;
    if (result.timedOut) {
      toStderr(new TextEncoder().encode(`secure-exec: command timed out after ${formatDuration(timeoutMs!)}\n`));
      session.status = 124;
    }
    if (result.state) {
      session.cwd = result.state.cwd;
      session.env = result.state.env;
    }
  };

  try {
    if (terminal) process.stderr.write("secure-exec: a sandboxed shell. Ctrl-C interrupts a command; Ctrl-D or `exit` leaves.\n");
    showPrompt();
    for (;;) {
      if (lines.length === 0) {
        if (ended) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      const line = lines.shift()!;
      partial = partial === "" ? line : `${partial}\n${line}`;
      if (!ended || lines.length > 0) {
        if (await incomplete(partial)) {
          showPrompt();
          continue;
        }
      }
      const text = partial;
      partial = "";
      const exit = /^\s*exit(?:\s+(\d+))?\s*;?\s*$/.exec(text);
      if (exit) return exit[1] === undefined ? session.status : Number(exit[1]) & 0xff;
      if (text.trim() !== "") await runLine(text);
      showPrompt();
    }
    if (partial !== "") await runLine(partial);
    if (terminal) process.stderr.write("exit\n");
    return session.status;
  } finally {
    process.off("SIGINT", interrupt);
    rl.close();
  }
}
