/**
 * The interactive shell: one `sh -i` for the whole session, so variables,
 * functions, aliases, the working directory and traps last from line to
 * line, and the shell does its own prompting (PS1, by default
 * `secure-exec:\w\$ `, and PS2), line continuation, error reporting and
 * Ctrl-C handling. Its stdin is the terminal: commands it runs read the
 * lines typed after them.
 *
 * In a terminal, node:readline edits each line (with history) and the
 * entered line is written to the shell's stdin; the shell's prompt becomes
 * readline's prompt (terminal-screen.ts), so editing never erases it.
 * Ctrl-C drops the line being typed and sends SIGINT to the shell, which
 * interrupts its foreground job (or, at the prompt, the command being
 * continued); Ctrl-D on an empty line closes the shell's stdin, which
 * ends it. With `-i` and stdin not a terminal, the host's stdin is passed
 * to the shell as it is, and SIGINT sent to the CLI goes to the shell.
 * SIGTERM and SIGHUP sent to the CLI hang the shell up (SIGHUP).
 * `--timeout` limits each foreground job (foreground-limit.ts).
 */
import { createInterface } from "node:readline";
import { PassThrough } from "node:stream";
import { SIGHUP, SIGINT, SIGPIPE } from "@secure-exec/kernel";
import { limitForegroundJobs } from "./foreground-limit.js";
import { forwardTo } from "./host-output.js";
import type { JobProcess } from "./job-process.js";
import { formatDuration } from "./run-command.js";
import type { Sandbox } from "./sandbox.js";
import { TerminalScreen } from "./terminal-screen.js";

/** The PS1 the CLI gives the shell unless `--env PS1=...` says otherwise. */
export const PROMPT = "secure-exec:\\w\\$ ";

const BANNER = "secure-exec: a sandboxed shell. Ctrl-C interrupts a command; Ctrl-D or `exit` leaves.\n";

/** Where the shell's input comes from and its output goes. */
interface HostIo {
  input: NodeJS.ReadableStream;
  stdout: (data: Uint8Array) => void;
  stderr: (data: Uint8Array) => void;
  /** Connects the terminal to the running shell; returns what undoes it. */
  attach(job: JobProcess): () => void;
}

/** The host terminal: readline for input, the screen for output. */
function terminalIo(onBroken: () => void): HostIo {
  const input = new PassThrough();
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true, historySize: 1000, removeHistoryDuplicates: true });
  const screen = new TerminalScreen(rl, process.stderr);
  return {
    input,
    stdout: forwardTo(process.stdout, onBroken, (data) => screen.write(process.stdout, data)),
    stderr: forwardTo(process.stderr, () => {}, (data) => screen.write(process.stderr, data)),
    attach(job) {
      rl.on("line", (line) => {
        screen.lineEntered();
        input.write(`${line}\n`);
      });
      rl.on("SIGINT", () => {
        screen.interrupted();
        job.signalShell(SIGINT);
      });
      rl.on("close", () => {
        screen.close();
        input.end();
      });
      return () => rl.close();
    },
  };
}

/** stdin that is not a terminal: passed to the shell as it comes. */
function pipeIo(onBroken: () => void): HostIo {
  return {
    input: process.stdin,
    stdout: forwardTo(process.stdout, onBroken),
    stderr: forwardTo(process.stderr, () => {}),
    attach: () => () => {},
  };
}

/** Runs the interactive shell until it exits; resolves with its exit status. */
export async function runRepl(sandbox: Sandbox, timeoutMs: number | null): Promise<number> {
  const terminal = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  let job: JobProcess | null = null;
  const io = terminal ? terminalIo(() => job?.signal(SIGPIPE)) : pipeIo(() => job?.signal(SIGPIPE));
  if (terminal) process.stderr.write(BANNER);
  const shell = sandbox.terminal.start(sandbox.kernel, {
    shellArgs: ["-i"],
    cwd: sandbox.cwd,
    env: { PS1: PROMPT, ...sandbox.env },
    input: io.input,
    onStdout: io.stdout,
    onStderr: io.stderr,
    timeoutMs: null,
  });
  job = shell;
  const detach = io.attach(shell);
  const interrupt = () => shell.signalShell(SIGINT);
  const hangUp = () => shell.signalShell(SIGHUP);
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", hangUp);
  process.on("SIGHUP", hangUp);
  const timedOut = () => io.stderr(new TextEncoder().encode(`secure-exec: command timed out after ${formatDuration(timeoutMs!)}\n`));
  const unlimit = timeoutMs === null ? () => {} : limitForegroundJobs(sandbox.kernel, shell, timeoutMs, timedOut);
  try {
    return (await shell.result).status;
  } finally {
    unlimit();
    detach();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", hangUp);
    process.off("SIGHUP", hangUp);
  }
}
