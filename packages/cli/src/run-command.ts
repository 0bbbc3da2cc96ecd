/**
 * `secure-exec -c CMD` (and a script on stdin): one job whose stdin is the
 * host's stdin, streamed, and whose stdout and stderr are the host's. Ctrl-C
 * (SIGINT), SIGTERM and SIGHUP sent to the CLI go to the job's process
 * group; a host reader that goes away ends the job as SIGPIPE would. The
 * result is the job's exit status, or 124 after --timeout.
 */
import { SIGHUP, SIGINT, SIGPIPE, SIGTERM } from "@secure-exec/kernel";
import { forwardTo } from "./host-output.js";
import type { Sandbox } from "./sandbox.js";

const HOST_SIGNALS: [NodeJS.Signals, number][] = [["SIGINT", SIGINT], ["SIGTERM", SIGTERM], ["SIGHUP", SIGHUP]];

/** Formats milliseconds the way --timeout takes them. */
export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Runs `sh SHELL-ARGS` with the host's stdio; resolves with the exit status. */
export async function runCommand(sandbox: Sandbox, shellArgs: string[], timeoutMs: number | null): Promise<number> {
  const job = sandbox.terminal.start(sandbox.kernel, {
    shellArgs,
    cwd: sandbox.cwd,
    env: sandbox.env,
    input: process.stdin,
    onStdout: forwardTo(process.stdout, () => job.signal(SIGPIPE)),
    onStderr: forwardTo(process.stderr, () => {}),
    timeoutMs,
  });
  const forwarders = HOST_SIGNALS.map(([name, signal]) => {
    const forward = () => job.signal(signal);
    process.on(name, forward);
    return () => process.off(name, forward);
  });
  const result = await job.result;
  for (const remove of forwarders) remove();
  if (result.timedOut) {
    process.stderr.write(`secure-exec: command timed out after ${formatDuration(timeoutMs!)}\n`);
    return 124;
  }
  return result.status;
}
