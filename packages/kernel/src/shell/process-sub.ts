/**
 * bash's process substitution: `<(list)` runs the list in a child whose
 * stdout is a pipe, `>(list)` one whose stdin is a pipe, and the word
 * becomes `/dev/fd/N` for the shell's end of that pipe, N counting down
 * from 63 as in bash (WASI programs keep 3 for their root). N stays open,
 * and is inherited by the commands the shell starts (which open the path),
 * until the command that expanded the word ends. Then the shell closes
 * it; for `>(list)` it also waits for the child, so that what the list
 * writes is out before the next command runs.
 */
import type { ProcessHandle } from "../types.js";
import type { CommandList } from "./ast.js";
import { ShellAborted } from "./control-flow.js";
import type { Interpreter } from "./interpreter.js";
import { closeInternal, forkShell, makePipe, waitChild } from "./subshell.js";

/** A running process substitution: the shell's end of its pipe and its child. */
export interface ProcessSub {
  fd: number;
  handle: ProcessHandle;
  output: boolean;
}

/** Starts `list` for `<(list)` or `>(list)`; returns the path naming the shell's end of the pipe. */
export async function startProcessSub(sh: Interpreter, body: CommandList, output: boolean): Promise<string> {
  const { readFd, writeFd } = makePipe(sh);
  const [ours, theirs] = output ? [writeFd, readFd] : [readFd, writeFd];
  let handle: ProcessHandle;
  try {
    handle = forkShell(sh, (child) => child.runList(body), output ? { stdinFd: theirs } : { stdoutFd: theirs });
  } catch (err) {
    closeInternal(sh, ours);
    throw err;
  } finally {
    closeInternal(sh, theirs);
  }
  // No longer the shell's own: the commands it starts must inherit it.
  const fd = moveHigh(sh, ours);
  sh.processSubs.push({ fd, handle, output });
  sh.state.lastBgPid = handle.pid;
  return `/dev/fd/${fd}`;
}

/** Moves the internal descriptor `fd` to the highest free one from 63 down (bash's numbers). */
function moveHigh(sh: Interpreter, fd: number): number {
  sh.internalFds.delete(fd);
  for (let target = 63; target > 9; target--) {
    try {
      sh.ki.fdStat(sh.pid, target);
      continue;
    } catch {
      // Free.
    }
    sh.ki.fdDup2(sh.pid, fd, target);
    sh.ki.fdClose(sh.pid, fd);
    return target;
  }
  return fd;
}

/** Closes the process substitutions from index `from` on (waiting for the `>(list)` children). */
export async function closeProcessSubs(sh: Interpreter, from: number): Promise<void> {
  const subs = sh.processSubs.splice(from);
  for (const sub of subs) {
    try {
      sh.ki.fdClose(sh.pid, sub.fd);
    } catch {
      // Already closed by the command (`exec N>&-`).
    }
  }
  for (const sub of subs) {
    if (sub.output && !sh.signal.aborted) {
      try {
        await waitChild(sh, sub.handle);
      } catch (err) {
        if (!(err instanceof ShellAborted)) throw err;
      }
    } else {
      void sub.handle.wait().then((code) => sh.signals.finished(sub.handle.pid, code), () => {});
    }
  }
}
