/**
 * The primaries shared by `test`/`[` and `[[ ]]`: file tests against the
 * kernel's file system, string tests and integer comparisons. A malformed
 * operand is a `TestError` (status 2, message printed by the caller).
 */
import type { VfsStat } from "../vfs/types.js";
import { arithValue } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { parseArithWord } from "./parser.js";

/** A usage error in a test expression. */
export class TestError extends Error {}

/** Unary primaries (`-f file`, `-z string`, ...). */
export const UNARY_OPS = new Set([
  "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
  "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-v", "-o",
]);

/** Binary primaries. */
export const BINARY_OPS = new Set([
  "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
]);

const S_IFMT = 0o170000;

async function statOf(sh: Interpreter, path: string, follow: boolean): Promise<VfsStat | null> {
  if (path === "") return null;
  try {
    const abs = sh.ki.resolvePath(sh.pid, path);
    return follow ? await sh.ki.vfs.stat(abs) : await sh.ki.vfs.lstat(abs);
  } catch {
    return null;
  }
}

/** Parses a decimal integer operand (surrounding blanks allowed). */
export function parseInteger(text: string): bigint {
  const t = text.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(t);
}

/** `-v name` and bash's `-v name[subscript]`: whether the variable (or element) is set. */
async function isSetVariable(sh: Interpreter, arg: string): Promise<boolean> {
  const state = sh.state;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(arg);
  if (m === null) return state.get(arg) !== undefined;
  const [, name, sub] = m as unknown as [string, string, string];
  if (sub === "@" || sub === "*") return state.arrayValues(name).length > 0;
  const index = state.isAssoc(name) ? sub : Number(await arithValue(sh, parseArithWord(sub)));
  return state.getElement(name, index) !== undefined;
}

/** Evaluates a unary primary. */
export async function unaryTest(sh: Interpreter, op: string, arg: string): Promise<boolean> {
  switch (op) {
    case "-z": return arg === "";
    case "-n": return arg !== "";
    case "-v": return isSetVariable(sh, arg);
    case "-o": return (sh.state.options as unknown as Record<string, boolean>)[arg] === true;
    case "-t": {
      try {
        return sh.ki.isatty(sh.pid, Number(parseInteger(arg)));
      } catch (err) {
        if (err instanceof TestError) throw err;
        return false;
      }
    }
    case "-h": case "-L": {
      const st = await statOf(sh, arg, false);
      return st !== null && (st.mode & S_IFMT) === 0o120000;
    }
  }
  const st = await statOf(sh, arg, true);
  if (st === null) return false;
  const type = st.mode & S_IFMT;
  switch (op) {
    case "-a": case "-e": return true;
    case "-f": return type === 0o100000;
    case "-d": return type === 0o040000;
    case "-b": return type === 0o060000;
    case "-c": return type === 0o020000;
    case "-p": return type === 0o010000;
    case "-S": return type === 0o140000;
    case "-s": return st.size > 0;
    case "-r": return (st.mode & 0o444) !== 0;
    case "-w": return (st.mode & 0o222) !== 0;
    case "-x": return (st.mode & 0o111) !== 0;
    case "-g": return (st.mode & 0o2000) !== 0;
    case "-u": return (st.mode & 0o4000) !== 0;
    case "-k": return (st.mode & 0o1000) !== 0;
    case "-O": case "-G": return true;
    case "-N": return st.mtimeMs > st.atimeMs;
  }
  throw new TestError(`${op}: unary operator expected`);
}

/** Evaluates a binary primary (string equality is literal here; `[[ ]]` does its own pattern match). */
export async function binaryTest(sh: Interpreter, op: string, left: string, right: string): Promise<boolean> {
  switch (op) {
    case "=": case "==": return left === right;
    case "!=": return left !== right;
    case "<": return left < right;
    case ">": return left > right;
    case "-eq": return parseInteger(left) === parseInteger(right);
    case "-ne": return parseInteger(left) !== parseInteger(right);
    case "-lt": return parseInteger(left) < parseInteger(right);
    case "-le": return parseInteger(left) <= parseInteger(right);
    case "-gt": return parseInteger(left) > parseInteger(right);
    case "-ge": return parseInteger(left) >= parseInteger(right);
    case "-nt": case "-ot": {
      const a = await statOf(sh, left, true);
      const b = await statOf(sh, right, true);
      if (op === "-nt") return a !== null && (b === null || a.mtimeMs > b.mtimeMs);
      return b !== null && (a === null || a.mtimeMs < b.mtimeMs);
    }
    case "-ef": {
      const a = await statOf(sh, left, true);
      const b = await statOf(sh, right, true);
      return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
    }
  }
  throw new TestError(`${op}: binary operator expected`);
}
