/**
 * A shell process started with `kernel.spawn`, for tests that feed its
 * stdin a line at a time, send it signals and wait for what it prints.
 */
import type { Kernel, ProcessHandle } from "@secure-exec/kernel";

/** A running shell and what it has printed so far. */
export interface ShellSession {
  proc: ProcessHandle;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves once `stream` holds `text` `count` times (rejects after 5 s, naming what it holds). */
  waitFor(text: string, stream?: "stdout" | "stderr", count?: number): Promise<void>;
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Starts `sh ARGS` on `kernel`. */
export function startShell(kernel: Kernel, args: string[]): ShellSession {
  const decoder = new TextDecoder();
  const output = { stdout: "", stderr: "" };
  const listeners = new Set<() => void>();
  const collect = (stream: "stdout" | "stderr") => (data: Uint8Array) => {
    output[stream] += decoder.decode(data);
    for (const listener of [...listeners]) listener();
  };
  const proc = kernel.spawn("sh", args, { onStdout: collect("stdout"), onStderr: collect("stderr") });
  const waitFor = (text: string, stream: "stdout" | "stderr" = "stdout", count = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (occurrences(output[stream], text) < count) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${JSON.stringify(text)} on ${stream}: ${JSON.stringify(output)}`));
      }, 5000);
      listeners.add(check);
      check();
    });
  return { proc, stdout: () => output.stdout, stderr: () => output.stderr, waitFor };
}

/** Lets the shell reach the call it blocks in (a read of its input, a wait for a child). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}
