/**
 * Helpers that run the built `secure-exec` bin in a child process: to
 * completion with some stdin (`runCli`), or as a live session whose output
 * a test waits on while it writes input and sends signals (`startCli`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built bin. */
export const BIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** What a finished run produced. */
export interface CliRun {
  stdout: string;
  stderr: string;
  /** The exit status, or 128 + n when the CLI itself died of signal n. */
  status: number;
}

/** A running CLI. */
export interface CliSession {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves once `stream` contains `text` (rejects after 15 s with what it holds). */
  waitFor(text: string, stream?: "stdout" | "stderr"): Promise<void>;
  /** Resolves when the process has exited. */
  done: Promise<CliRun>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };

/** Starts the bin (or `command` with the bin's path appended, for a pty wrapper). */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; command?: string[] } = {}): CliSession {
  const [file, ...pre] = options.command ?? [process.execPath];
  const child = spawn(file!, options.command ? pre : [BIN, ...args], { env: options.env ?? process.env });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    err += d;
    for (const l of listeners) l();
  });
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (code, signal) => resolve({ stdout: out, stderr: err, status: code ?? 128 + (SIGNAL_NUMBERS[signal ?? ""] ?? 0) }));
  });
  const waitFor = (text: string, stream: "stdout" | "stderr" = "stdout") =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if ((stream === "stdout" ? out : err).includes(text)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${JSON.stringify(text)} on ${stream}; stdout: ${JSON.stringify(out)}, stderr: ${JSON.stringify(err)}`));
      }, 15_000);
      listeners.add(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, waitFor, done };
}

/** Runs the bin to completion with `input` on stdin. */
export function runCli(args: string[], input: string | Buffer = "", env?: NodeJS.ProcessEnv): Promise<CliRun> {
  const session = startCli(args, { env });
  session.child.stdin.on("error", () => {});
  session.child.stdin.end(input);
  return session.done;
}
