/**
 * Redirections, applied to the shell's own fd table. Before a descriptor
 * is changed its old open file is saved at a descriptor ≥ 10 (or noted as
 * closed) so that `restoreRedirects` can put everything back after a
 * builtin, function or compound command; `exec` applies them without
 * saving. Here-documents and here-strings become pipes the shell fills.
 */
import { O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, PIPE_BUFFER_SIZE } from "../constants.js";
import { isKernelError, strerror, type KernelError } from "../errors.js";
import type { Redirect } from "./ast.js";
import { encodeText } from "./bytes.js";
import { ShellAborted } from "./control-flow.js";
import { expandString, expandWords } from "./expand.js";
import type { Interpreter } from "./interpreter.js";

/** A descriptor changed by a redirection: its saved copy, or -1 if it was closed before. */
export interface SavedFd {
  fd: number;
  saved: number;
}

/** Lowest descriptor the shell uses for its own saved copies. */
export const SAVED_FD_BASE = 10;

function defaultFd(op: Redirect["op"]): number {
  return op[0] === "<" ? 0 : 1;
}

function isOpen(sh: Interpreter, fd: number): boolean {
  try {
    sh.ki.fdStat(sh.pid, fd);
    return true;
  } catch {
    return false;
  }
}

/** Saves `fd` (once per redirection list) so it can be restored. */
function save(sh: Interpreter, fd: number, saved: SavedFd[] | null): void {
  if (saved === null || saved.some((s) => s.fd === fd)) return;
  if (!isOpen(sh, fd)) {
    saved.push({ fd, saved: -1 });
    return;
  }
  const copy = sh.ki.fdDup(sh.pid, fd, SAVED_FD_BASE, true);
  sh.internalFds.add(copy);
  saved.push({ fd, saved: copy });
}

/** Puts `file` (a descriptor of ours) at `fd` and closes the original number. */
function install(sh: Interpreter, file: number, fd: number): void {
  if (file === fd) return;
  sh.ki.fdDup2(sh.pid, file, fd);
  sh.ki.fdClose(sh.pid, file);
}

/**
 * Applies `redirects` in order. With `saved`, records what to restore;
 * with null, the changes are permanent (`exec`). On failure prints the
 * error, undoes nothing (the caller restores `saved`), and returns false.
 */
export async function applyRedirects(sh: Interpreter, redirects: Redirect[], saved: SavedFd[] | null): Promise<boolean> {
  for (const r of redirects) {
    const fd = r.fd ?? defaultFd(r.op);
    try {
      await applyOne(sh, r, fd, saved);
    } catch (err) {
      if (err instanceof ShellAborted || sh.signal.aborted) throw new ShellAborted();
      if (err instanceof RedirectError) {
        await sh.error(err.message);
        return false;
      }
      if (isKernelError(err)) {
        await sh.error(`${err.path ?? fd}: ${strerror((err as KernelError).code)}`);
        return false;
      }
      throw err;
    }
  }
  return true;
}

/** A redirection that cannot be carried out (the message is printed as is). */
class RedirectError extends Error {}

async function targetPath(sh: Interpreter, r: Redirect): Promise<string> {
  const fields = await expandWords(sh, [r.target]);
  if (fields.length !== 1) {
    throw new RedirectError(`${await expandString(sh, r.target)}: ambiguous redirect`);
  }
  return fields[0]!;
}

async function openPath(sh: Interpreter, path: string, flags: number): Promise<number> {
  try {
    return sh.ki.fdOpen(sh.pid, path, flags, 0o666);
  } catch (err) {
    if (isKernelError(err)) throw new RedirectError(`${path}: ${strerror(err.code)}`);
    throw err;
  }
}

async function applyOne(sh: Interpreter, r: Redirect, fd: number, saved: SavedFd[] | null): Promise<void> {
  switch (r.op) {
    case "<":
    case ">":
    case ">>":
    case ">|":
    case "<>": {
      const path = await targetPath(sh, r);
      let flags: number;
      if (r.op === "<") flags = O_RDONLY;
      else if (r.op === "<>") flags = O_RDWR | O_CREAT;
      else if (r.op === ">>") flags = O_WRONLY | O_CREAT | O_APPEND;
      else flags = O_WRONLY | O_CREAT | O_TRUNC;
      if (r.op === ">" && sh.state.options.noclobber && (await isRegularFile(sh, path))) {
        throw new RedirectError(`${path}: cannot overwrite existing file`);
      }
      const file = await openPath(sh, path, flags);
      save(sh, fd, saved);
      install(sh, file, fd);
      return;
    }
    case "&>":
    case "&>>": {
      const path = await targetPath(sh, r);
      const file = await openPath(sh, path, O_WRONLY | O_CREAT | (r.op === "&>" ? O_TRUNC : O_APPEND));
      save(sh, 1, saved);
      save(sh, 2, saved);
      sh.ki.fdDup2(sh.pid, file, 2);
      install(sh, file, 1);
      return;
    }
    case ">&":
    case "<&": {
      const target = await expandString(sh, r.target);
      if (target === "-") {
        save(sh, fd, saved);
        if (isOpen(sh, fd)) sh.ki.fdClose(sh.pid, fd);
        return;
      }
      const move = /^[0-9]+-$/.test(target);
      if (!move && !/^[0-9]+$/.test(target)) {
        if (r.op === ">&" && r.fd === null) {
          await applyOne(sh, { ...r, op: "&>" }, 1, saved);
          return;
        }
        throw new RedirectError(`${target}: ambiguous redirect`);
      }
      const from = Number(move ? target.slice(0, -1) : target);
      if (!isOpen(sh, from) || sh.internalFds.has(from)) throw new RedirectError(`${from}: Bad file descriptor`);
      if (from === fd) return;
      save(sh, fd, saved);
      sh.ki.fdDup2(sh.pid, from, fd);
      if (move) {
        // bash's `n>&m-`: move m to n, closing m.
        save(sh, from, saved);
        sh.ki.fdClose(sh.pid, from);
      }
      return;
    }
    case "<<":
    case "<<-":
    case "<<<": {
      let body: string;
      if (r.op === "<<<") body = (await expandString(sh, r.target)) + "\n";
      else body = await expandString(sh, r.heredoc!.body);
      const file = await bodyPipe(sh, body);
      save(sh, fd, saved);
      install(sh, file, fd);
      return;
    }
  }
}

async function isRegularFile(sh: Interpreter, path: string): Promise<boolean> {
  try {
    const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, path));
    return (st.mode & 0o170000) === 0o100000;
  } catch {
    return false;
  }
}

/** A pipe whose read end (returned) yields `body`, then end of file. */
async function bodyPipe(sh: Interpreter, body: string): Promise<number> {
  const bytes = encodeText(body);
  const { readFd, writeFd } = sh.ki.pipe(sh.pid);
  if (bytes.length <= PIPE_BUFFER_SIZE) {
    try {
      await sh.ki.fdWrite(sh.pid, writeFd, bytes);
    } finally {
      sh.ki.fdClose(sh.pid, writeFd);
    }
    return readFd;
  }
  // Too big for the pipe's buffer: a child writes it while the command reads.
  sh.internalFds.add(readFd);
  sh.internalFds.add(writeFd);
  const inherited = [...sh.internalFds].filter((fd) => fd !== writeFd);
  const writer = sh.ki.fork(async (pid) => {
    for (const fd of inherited) sh.ki.fdClose(pid, fd);
    await sh.ki.fdWrite(pid, writeFd, bytes);
    return 0;
  }, { ppid: sh.pid, name: "sh" });
  void writer.wait();
  sh.ki.fdClose(sh.pid, writeFd);
  sh.internalFds.delete(writeFd);
  sh.internalFds.delete(readFd);
  return readFd;
}

/** Undoes the redirections recorded in `saved`, last first. */
export function restoreRedirects(sh: Interpreter, saved: SavedFd[]): void {
  for (let i = saved.length - 1; i >= 0; i--) {
    const { fd, saved: copy } = saved[i]!;
    try {
      if (copy >= 0) {
        sh.ki.fdDup2(sh.pid, copy, fd);
        sh.ki.fdClose(sh.pid, copy);
        sh.internalFds.delete(copy);
      } else if (isOpen(sh, fd)) {
        sh.ki.fdClose(sh.pid, fd);
      }
    } catch (err) {
      if (!sh.signal.aborted) throw err;
    }
  }
  saved.length = 0;
}
