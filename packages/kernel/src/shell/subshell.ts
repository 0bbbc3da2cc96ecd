/**
 * Child shell processes: subshells `( )`, pipeline stages, background jobs
 * and command substitution. Each runs in a kernel `fork` with a deep copy
 * of the shell's state and a copy of its fd table; the child first closes
 * the descriptors the parent opened for itself (pipe ends, saved stdio),
 * so that pipes see end of file and SIGPIPE when they should. An
 * interactive shell's foreground children get a process group of their
 * own (a pipeline's stages share one); see signals.ts.
 */
import { O_RDONLY, SIGINT, SIGNAL_NAMES, SIGQUIT } from "../constants.js";
import type { ProcessHandle } from "../types.js";
import { isKernelError, strerror } from "../errors.js";
import type { AndOr, Command, CommandList, Redirect } from "./ast.js";
import { decodeBytes } from "./bytes.js";
import { ShellAborted } from "./control-flow.js";
import { expandString } from "./expand.js";
import { SAVED_FD_BASE } from "./redirect.js";
import { Interpreter } from "./interpreter.js";
import { nextJobNumber } from "./builtins/job-control.js";
import { ShellSignals } from "./signals.js";

/** Standard descriptors to give a child, from the parent's table. */
interface ChildStdio {
  stdinFd?: number;
  stdoutFd?: number;
}

/** How a child relates to the shell's jobs. */
interface ChildJob {
  /** A background job (`&`): ignores SIGINT and SIGQUIT, and never a foreground group. */
  background?: boolean;
  /** A later pipeline stage of an interactive shell: the group of the first stage. */
  joinGroup?: number;
}

/**
 * Starts a child shell running `body`; its exit status is what `body`
 * returns (EXIT trap included). The child's traps are reset (ignored
 * signals stay ignored) and it catches signals by its own traps.
 */
export function forkShell(sh: Interpreter, body: (child: Interpreter) => Promise<number>, stdio: ChildStdio = {}, job: ChildJob = {}): ProcessHandle {
  const inherited = [...sh.internalFds];
  const { jobs, inheritedJobs, jobSpecs } = sh;
  const state = sh.state.clone();
  if (job.background) state.asyncJob = true;
  const ki = sh.ki;
  const signals = new ShellSignals(ki, 0, state);
  const group = sh.signals.groupFor(job.background === true, job.joinGroup);
  const handle = ki.fork(async (pid, signal) => {
    signals.pid = pid;
    // POSIX 2.11: without job control, a background job ignores SIGINT and SIGQUIT (unless it traps
    // them), and so do the commands it starts.
    if (job.background) for (const s of [SIGINT, SIGQUIT]) if (!state.traps.has(SIGNAL_NAMES[s]!)) ki.setSignalIgnored(pid, s, true);
    const child = new Interpreter(ki, pid, state, signal, signals);
    for (const [jobPid, handle] of [...jobs, ...inheritedJobs]) child.inheritedJobs.set(jobPid, handle);
    for (const [jobPid, spec] of jobSpecs) child.jobSpecs.set(jobPid, spec);
    for (const fd of inherited) {
      try {
        ki.fdClose(pid, fd);
      } catch {
        // Already replaced by a stdio override.
      }
    }
    try {
      let status: number;
      try {
        status = await body(child);
      } catch (err) {
        status = child.statusOf(err);
      }
      return await child.trapRunner.runExit(status);
    } catch (err) {
      if (err instanceof ShellAborted || signal.aborted) return 143;
      throw err;
    }
  }, { ppid: sh.pid, name: "sh", ...stdio, ...group, onSignal: (s) => signals.handle(s) });
  sh.signals.started(handle.pid, group);
  return handle;
}

/**
 * Waits for a child, giving up if this process is killed meanwhile. An
 * `interruptible` wait (the `wait` builtin) also ends, with 128 + n, when a
 * signal n the shell catches arrives; the child goes on.
 */
export function waitChild(sh: Interpreter, handle: ProcessHandle, interruptible = false): Promise<number> {
  const signal = sh.signal;
  if (signal.aborted) return Promise.reject(new ShellAborted());
  const signals = sh.signals;
  const wake = interruptible ? signals.wakeup : null;
  if (wake?.aborted) return Promise.resolve(128 + signals.pendingSignal());
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      signal.removeEventListener("abort", onAbort);
      wake?.removeEventListener("abort", onWake);
    };
    const onAbort = (): void => {
      stop();
      reject(new ShellAborted());
    };
    const onWake = (): void => {
      stop();
      resolve(128 + signals.pendingSignal());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    wake?.addEventListener("abort", onWake, { once: true });
    handle.wait().then((code) => {
      stop();
      signals.finished(handle.pid, code);
      resolve(code);
    }, reject);
  });
}

/** A pipe in the shell's table with both ends at 3 or above, marked internal. */
export function makePipe(sh: Interpreter): { readFd: number; writeFd: number } {
  let { readFd, writeFd } = sh.ki.pipe(sh.pid);
  if (readFd < 3) readFd = moveUp(sh, readFd);
  if (writeFd < 3) writeFd = moveUp(sh, writeFd);
  sh.internalFds.add(readFd);
  sh.internalFds.add(writeFd);
  return { readFd, writeFd };
}

function moveUp(sh: Interpreter, fd: number): number {
  const moved = sh.ki.fdDup(sh.pid, fd, 3);
  sh.ki.fdClose(sh.pid, fd);
  return moved;
}

/** Closes a descriptor the shell opened for itself. */
export function closeInternal(sh: Interpreter, fd: number): void {
  sh.internalFds.delete(fd);
  sh.ki.fdClose(sh.pid, fd);
}

/** `( list )`. */
export function runSubshell(sh: Interpreter, body: CommandList): Promise<number> {
  return waitChild(sh, forkShell(sh, (child) => child.runList(body)));
}

/**
 * `cmd1 | cmd2 | ...`: every stage in its own child, except that with
 * bash's `shopt -s lastpipe` (and no job control) the last runs in this
 * shell with its stdin on the pipe, so `... | read x` sets x. The status is
 * the last stage's (or pipefail's).
 */
export async function runPipelineStages(sh: Interpreter, commands: Command[]): Promise<number> {
  const handles: ProcessHandle[] = [];
  const inShell = sh.state.shopt.lastpipe && !sh.state.interactive ? commands[commands.length - 1]! : null;
  const forked = inShell === null ? commands.length : commands.length - 1;
  let prevRead = -1;
  try {
    for (let i = 0; i < forked; i++) {
      const cmd = commands[i]!;
      const pipe = i < commands.length - 1 ? makePipe(sh) : null;
      const stdio: ChildStdio = {};
      if (prevRead >= 0) stdio.stdinFd = prevRead;
      if (pipe !== null) stdio.stdoutFd = pipe.writeFd;
      try {
        handles.push(forkShell(sh, (child) => child.runCommand(cmd), stdio, { joinGroup: handles[0]?.pid }));
      } finally {
        if (prevRead >= 0) closeInternal(sh, prevRead);
        if (pipe !== null) closeInternal(sh, pipe.writeFd);
        prevRead = pipe === null ? -1 : pipe.readFd;
      }
    }
  } catch (err) {
    if (prevRead >= 0) closeInternal(sh, prevRead);
    for (const h of handles) void h.wait().then((code) => sh.signals.finished(h.pid, code));
    if (sh.signal.aborted) throw new ShellAborted();
    await sh.error(`fork: ${(err as Error).message}`);
    return 1;
  }
  const last = inShell === null ? null : await runWithStdin(sh, inShell, prevRead);
  const statuses: number[] = [];
  for (const h of handles) statuses.push(await waitChild(sh, h));
  if (last !== null) statuses.push(last);
  sh.state.setPipeStatus(statuses);
  if (sh.state.options.pipefail) {
    for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i]!;
    return 0;
  }
  return statuses[statuses.length - 1]!;
}

/** Runs `cmd` in this shell with the internal descriptor `fd` as its stdin (closed after). */
async function runWithStdin(sh: Interpreter, cmd: Command, fd: number): Promise<number> {
  let saved = -1;
  try {
    saved = sh.ki.fdDup(sh.pid, 0, SAVED_FD_BASE, true);
    sh.internalFds.add(saved);
  } catch {
    // stdin was closed; it is closed again after.
  }
  sh.ki.fdDup2(sh.pid, fd, 0);
  closeInternal(sh, fd);
  try {
    return await sh.runCommand(cmd);
  } finally {
    if (saved >= 0) {
      sh.ki.fdDup2(sh.pid, saved, 0);
      closeInternal(sh, saved);
    } else {
      sh.ki.fdClose(sh.pid, 0);
    }
  }
}

/** `item &`: runs in a child with stdin from /dev/null; records `$!`. */
export function runBackground(sh: Interpreter, item: AndOr): void {
  const job: AndOr = { ...item, background: false };
  let devNull = -1;
  try {
    devNull = sh.ki.fdOpen(sh.pid, "/dev/null", O_RDONLY);
  } catch {
    // No /dev/null: the job shares the shell's stdin.
  }
  try {
    const handle = forkShell(sh, (child) => child.runAndOr(job), devNull >= 0 ? { stdinFd: devNull } : {}, { background: true });
    sh.jobSpecs.set(handle.pid, { number: nextJobNumber(sh), item: job });
    sh.jobs.set(handle.pid, handle);
    sh.state.lastBgPid = handle.pid;
  } finally {
    if (devNull >= 0) sh.ki.fdClose(sh.pid, devNull);
  }
}

/** `$(list)`: the child's stdout, read to end of file. Sets the status of the substitution. */
export async function runCommandSub(sh: Interpreter, body: CommandList): Promise<string> {
  const file = fileOnlyRedirect(body);
  if (file !== null) return readWholeFile(sh, file);
  const { readFd, writeFd } = makePipe(sh);
  let handle: ProcessHandle;
  try {
    handle = forkShell(sh, (child) => {
      // As in bash, `set -e` does not reach into a command substitution unless `shopt -s inherit_errexit`.
      if (!child.state.shopt.inherit_errexit) child.state.options.errexit = false;
      child.state.traceLevel++;
      return child.runList(body);
    }, { stdoutFd: writeFd });
  } catch (err) {
    closeInternal(sh, readFd);
    throw err;
  } finally {
    closeInternal(sh, writeFd);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const data = await sh.ki.fdRead(sh.pid, readFd, 65536);
      if (data.length === 0) break;
      chunks.push(data);
      size += data.length;
    }
  } catch (err) {
    if (sh.signal.aborted) throw new ShellAborted();
    throw err;
  } finally {
    if (!sh.signal.aborted) closeInternal(sh, readFd);
  }
  const status = await waitChild(sh, handle);
  sh.trapRunner.throwIfInterrupted();
  sh.cmdSubStatus = status;
  sh.state.lastStatus = status;
  if (chunks.length === 1) return decodeBytes(chunks[0]!);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return decodeBytes(all);
}

/** The `< file` of bash's `$(< file)` (a list that is only that redirection), or null. */
function fileOnlyRedirect(body: CommandList): Redirect | null {
  if (body.items.length !== 1) return null;
  const item = body.items[0]!;
  if (item.background || item.rest.length > 0 || item.first.bang || item.first.commands.length !== 1) return null;
  const cmd = item.first.commands[0]!;
  if (cmd.type !== "simple" || cmd.words.length > 0 || cmd.assigns.length > 0 || cmd.redirects.length !== 1) return null;
  const r = cmd.redirects[0]!;
  return r.op === "<" && (r.fd === null || r.fd === 0) ? r : null;
}

/** `$(< file)`: the file's contents, read without starting a child. */
async function readWholeFile(sh: Interpreter, r: Redirect): Promise<string> {
  const path = await expandString(sh, r.target);
  try {
    const text = decodeBytes(await sh.ki.vfs.readFile(sh.ki.resolvePath(sh.pid, path)));
    sh.cmdSubStatus = 0;
    sh.state.lastStatus = 0;
    return text;
  } catch (err) {
    if (!isKernelError(err)) throw err;
    await sh.error(`${path}: ${strerror(err.code)}`);
    sh.cmdSubStatus = 1;
    sh.state.lastStatus = 1;
    return "";
  }
}
