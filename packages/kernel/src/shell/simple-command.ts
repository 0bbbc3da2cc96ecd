/**
 * Simple commands: expand the words, then the redirections, then the
 * assignments; look the name up as a function, then a builtin, then a
 * command the kernel can spawn (its registry, then files on PATH); run it.
 * Assignments before a special builtin persist, before a function or
 * another builtin they last for the call, before an external command they
 * go only into its environment.
 */
import { isKernelError, strerror, type KernelError } from "../errors.js";
import type { ProcessHandle } from "../types.js";
import type { Assignment, FunctionDef, SimpleCommand, Word } from "./ast.js";
import { performAssignment } from "./assign.js";
import { runExec } from "./builtins/exec.js";
import { BUILTINS, SPECIAL_BUILTINS, type Builtin } from "./builtins/index.js";
import { ReturnSignal } from "./control-flow.js";
import { expandString, expandWords } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { applyRedirects, restoreRedirects, type SavedFd } from "./redirect.js";
import { waitChild } from "./subshell.js";
import { assignmentSplit } from "./word-tilde.js";
import { traceLine } from "./xtrace.js";

/** The search path when PATH is unset. */
const DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

/** Deepest function nesting before the call fails. */
export const MAX_CALL_DEPTH = 1000;

/** Builtins whose `NAME=value` arguments are expanded like assignments (no splitting or globbing). */
const DECLARATION_BUILTINS = new Set(["export", "readonly", "local", "declare", "typeset"]);

/**
 * Runs one simple command; returns its exit status. The order is POSIX's:
 * words are expanded, then the redirections performed, then the
 * assignments expanded (so their command substitutions see the
 * redirections), then the command runs.
 */
export async function runSimpleCommand(sh: Interpreter, cmd: SimpleCommand): Promise<number> {
  const due = sh.checkpoint();
  if (due !== null) await due;
  sh.cmdSubStatus = 0;
  sh.state.lineno = cmd.line;
  const arrays: Assignment[] = [];
  const words = cmd.words.length === 0 ? [] : await expandCommandWords(sh, cmd.words, arrays);
  if (words.length === 0) return assignOnly(sh, cmd);
  const name = words[0]!;
  if (name === "exec") return runExec(sh, words.slice(1), cmd);
  const saved: SavedFd[] = [];
  try {
    if (!(await applyRedirects(sh, cmd.redirects, saved))) return 1;
    const values = await assignmentValues(sh, cmd.assigns);
    if (arrays.length > 0) return await runDeclaration(sh, name, words, arrays);
    if (sh.state.options.xtrace) await trace(sh, values, words, saved);
    const fn = sh.state.functions.get(name);
    const builtin = fn === undefined ? BUILTINS.get(name) : undefined;
    if (fn === undefined && builtin === undefined) {
      const handle = await spawnExternal(sh, words, values);
      if (typeof handle === "number") return handle;
      restoreRedirects(sh, saved);
      return await waitChild(sh, handle);
    }
    return await runInShell(sh, name, words, values, fn, builtin);
  } finally {
    restoreRedirects(sh, saved);
  }
}

/**
 * Expands prefix assignments (after the redirections are in place). bash's
 * array forms cannot be passed on, so they are carried out at once.
 */
export async function assignmentValues(sh: Interpreter, assigns: Assignment[]): Promise<[string, string][]> {
  const values: [string, string][] = [];
  for (const a of assigns) {
    if (a.array !== undefined || a.index !== undefined) await performAssignment(sh, a);
    else values.push([a.name, await assignmentValue(sh, a)]);
  }
  return values;
}

/**
 * A declaration builtin with `name=(...)` arguments: `readonly` and
 * `export` see the arrays already assigned; `local`, `declare` and
 * `typeset` declare the names first, then the arrays are assigned to them.
 */
async function runDeclaration(sh: Interpreter, name: string, words: string[], arrays: Assignment[]): Promise<number> {
  const builtin = BUILTINS.get(name)!;
  const first = name === "readonly" || name === "export";
  if (first) for (const a of arrays) await performAssignment(sh, a);
  // `declare -r a=(...)`: the arrays are assigned before the names become readonly.
  const args = words.slice(1);
  const readonlyLast = !first && args.some((w) => /^-[A-Za-z]*r/.test(w));
  const status = await builtin(sh, readonlyLast ? args.map((w) => (/^-[A-Za-z]+$/.test(w) ? w.replace("r", "") : w)).filter((w) => w !== "-") : args, name);
  if (!first) for (const a of arrays) await performAssignment(sh, a);
  if (readonlyLast) for (const w of args) if (!w.startsWith("-")) sh.state.markReadonly(sh.state.target(w.replace(/\+?=.*$/, "")));
  return status;
}

/** A function or builtin with its prefix assignments: permanent for special builtins, else for the call. */
async function runInShell(
  sh: Interpreter, name: string, words: string[], values: [string, string][], fn: FunctionDef | undefined, builtin: Builtin | undefined,
): Promise<number> {
  const state = sh.state;
  const scoped = values.length > 0 && !SPECIAL_BUILTINS.has(name);
  if (scoped) state.pushScope("temp");
  try {
    for (const [n, v] of values) {
      if (scoped) {
        state.saveInScope(n);
        if (fn !== undefined) state.export(n);
      }
      await sh.assign(n, v);
    }
    return fn !== undefined ? await callFunction(sh, fn, words) : await builtin!(sh, words.slice(1), name);
  } finally {
    if (scoped) state.popScope();
  }
}

/** Expands a command's words; arguments of declaration builtins that look like assignments are not split. */
async function expandCommandWords(sh: Interpreter, words: Word[], arrays: Assignment[]): Promise<string[]> {
  const first = words[0]!.parts;
  const isDecl = first.length === 1 && first[0]!.type === "lit" && DECLARATION_BUILTINS.has(first[0]!.text);
  if (!isDecl) return expandWords(sh, words);
  const out: string[] = [];
  for (const w of words) {
    if (w.arrayAssign !== undefined) {
      arrays.push(w.arrayAssign);
      out.push(w.arrayAssign.name);
      continue;
    }
    const assign = assignmentSplit(w);
    if (assign === null || assign.index !== undefined) out.push(...(await expandWords(sh, [w])));
    else out.push(`${assign.name}${assign.append ? "+" : ""}=${await expandString(sh, assign.value)}`);
  }
  return out;
}

async function assignmentValue(sh: Interpreter, a: Assignment): Promise<string> {
  const value = await expandString(sh, a.value);
  return a.append ? (sh.state.get(a.name) ?? "") + value : value;
}

/** A command with no words: redirections (in effect while the assignments expand, then undone) and assignments. */
async function assignOnly(sh: Interpreter, cmd: SimpleCommand): Promise<number> {
  const saved: SavedFd[] = [];
  try {
    if (!(await applyRedirects(sh, cmd.redirects, saved))) return 1;
    for (const a of cmd.assigns) {
      const shown = await performAssignment(sh, a);
      if (sh.state.options.xtrace) await traceLine(sh, shown, saved);
    }
  } finally {
    restoreRedirects(sh, saved);
  }
  return sh.cmdSubStatus;
}

/** Calls a shell function with `argv[1..]` as its positional parameters. */
export async function callFunction(sh: Interpreter, fn: FunctionDef, argv: string[]): Promise<number> {
  const state = sh.state;
  if (state.callDepth >= MAX_CALL_DEPTH) {
    await sh.fatal(`${fn.name}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})`, 1);
  }
  const savedPositional = state.positional;
  state.positional = argv.slice(1);
  state.pushScope("function");
  state.callDepth++;
  state.funcNames.unshift(fn.name);
  state.callLines.unshift(state.lineno);
  const caller = state.currentCall;
  state.currentCall = ++state.callCount;
  try {
    let status: number;
    try {
      status = await sh.runCommand(fn.body);
    } catch (err) {
      if (!(err instanceof ReturnSignal)) throw err;
      status = err.status;
    }
    if (state.traps.has("RETURN")) await sh.trapRunner.runReturn();
    return status;
  } finally {
    state.currentCall = caller;
    state.funcNames.shift();
    state.callLines.shift();
    state.callDepth--;
    state.popScope();
    state.positional = savedPositional;
  }
}

/** Starts an external command with the prefix assignments in its environment (and PATH lookup). */
async function spawnExternal(sh: Interpreter, argv: string[], values: [string, string][]): Promise<ProcessHandle | number> {
  let env = sh.state.environment();
  if (values.length > 0) {
    env = { ...env };
    for (const [n, v] of values) env[n] = v;
  }
  const tempPath = values.find(([n]) => n === "PATH")?.[1];
  return spawnCommand(sh, argv, env, tempPath);
}

/**
 * Spawns `argv[0]` as an external command: a registered command by name,
 * else a file found on PATH, else a path. Prints the shell's error and
 * returns 126/127 when it cannot be run.
 */
export async function spawnCommand(sh: Interpreter, argv: string[], env: Record<string, string>, path?: string): Promise<ProcessHandle | number> {
  const name = argv[0]!;
  const args = argv.slice(1);
  const group = sh.signals.groupFor(false, undefined);
  const spawn = (command: string): ProcessHandle => {
    const handle = sh.ki.spawn(command, args, { ppid: sh.pid, env, ...group });
    sh.signals.started(handle.pid, group);
    return handle;
  };
  try {
    return spawn(name);
  } catch (err) {
    if (!isKernelError(err)) throw err;
    if (err.code !== "ENOENT" || name.includes("/")) return spawnError(sh, name, err);
  }
  const hash = sh.state.commandHash;
  let found = path === undefined ? hash.get(name) ?? null : null;
  if (found === null) {
    found = await searchPath(sh, name, path);
    if (found !== null && path === undefined) hash.set(name, found);
  }
  if (found === null) {
    await sh.error(`${name}: command not found`);
    return 127;
  }
  try {
    return spawn(found);
  } catch (err) {
    if (!isKernelError(err)) throw err;
    return spawnError(sh, found, err);
  }
}

async function spawnError(sh: Interpreter, name: string, err: KernelError): Promise<number> {
  switch (err.code) {
    case "ENOENT":
      await sh.error(`${name}: No such file or directory`);
      return 127;
    case "ENOTDIR":
      await sh.error(`${name}: Not a directory`);
      return 127;
    case "EACCES":
      await sh.error(`${name}: ${err.message.includes("is a directory") ? "Is a directory" : "Permission denied"}`);
      return 126;
    case "ENOEXEC":
      await sh.error(`${name}: cannot execute binary file: Exec format error`);
      return 126;
    default:
      await sh.error(`${name}: ${strerror(err.code)}`);
      return 126;
  }
}

/** The first PATH entry holding a file `name` (an executable one if any); null if none. */
export async function searchPath(sh: Interpreter, name: string, pathVar?: string): Promise<string | null> {
  const path = pathVar ?? sh.state.get("PATH") ?? DEFAULT_PATH;
  let nonExecutable: string | null = null;
  for (const dir of path.split(":")) {
    const candidate = dir === "" ? name : dir.endsWith("/") ? dir + name : `${dir}/${name}`;
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, candidate));
      if ((st.mode & 0o170000) !== 0o100000) continue;
      if ((st.mode & 0o111) !== 0) return candidate;
      nonExecutable ??= candidate;
    } catch {
      // Not here.
    }
  }
  return nonExecutable;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a word for `set -x` output and `set`/`export -p` listings. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return "'" + word.replace(/'/g, "'\\''") + "'";
}

/**
 * `set -x`: prints the assignments (one line each, as bash does) and the
 * command after expansion, on the shell's stderr as it was before the
 * command's own redirections (`saved`).
 */
async function trace(sh: Interpreter, values: [string, string][], words: string[], saved: SavedFd[]): Promise<void> {
  for (const [n, v] of values) await traceLine(sh, `${n}=${shellQuote(v)}`, saved);
  await traceLine(sh, words.map(shellQuote).join(" "), saved);
}
