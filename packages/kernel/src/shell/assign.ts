/**
 * Carrying out an assignment word: `name=value`, `name+=value`, and
 * bash's array forms `name[index]=value` and `name=(elements)` (elements
 * are expanded like command words; `[index]=value` sets one explicitly).
 * Subscripts are arithmetic. A readonly variable or a bad subscript is a
 * fatal error, as for any assignment.
 */
import { ArithError } from "./arithmetic.js";
import type { ArrayElement, Assignment } from "./ast.js";
import { arithValue, expandString, expandWords, subscriptValue } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { parseArithWord } from "./parser.js";
import { ReadonlyError } from "./state.js";
import { shellQuote } from "./simple-command.js";

/** Expands and performs one assignment; returns how `set -x` shows it. */
export async function performAssignment(sh: Interpreter, a: Assignment): Promise<string> {
  const state = sh.state;
  try {
    if (a.array !== undefined) {
      if (state.isAssoc(a.name)) return await assignAssoc(sh, a, a.array);
      const elements: [number | null, string][] = [];
      for (const e of a.array) {
        if (e.index !== null) elements.push([Number(await arithValue(sh, e.index)), await expandString(sh, e.value)]);
        else for (const field of await expandWords(sh, [e.value])) elements.push([null, field]);
      }
      state.setArray(a.name, elements, a.append);
      return `${a.name}${a.append ? "+" : ""}=(${elements.map(([, v]) => shellQuote(v)).join(" ")})`;
    }
    const value = await expandString(sh, a.value);
    if (a.index !== undefined) {
      const index = await subscriptValue(sh, a.name, a.index);
      state.setElement(a.name, index, value, a.append);
      return `${a.name}[${index}]=${shellQuote(value)}`;
    }
    state.set(a.name, value, a.append);
    return `${a.name}=${shellQuote(value)}`;
  } catch (err) {
    if (err instanceof ReadonlyError) return sh.fatal(err.message, 2);
    if (err instanceof RangeError) return sh.fatal(err.message, 1);
    if (err instanceof ArithError) return sh.fatal(err.message, 1);
    throw err;
  }
}

/**
 * `m=([key]=value ...)` for an associative array. Elements without a key
 * are taken in pairs, key then value, as bash 5.1 does.
 */
async function assignAssoc(sh: Interpreter, a: Assignment, literal: ArrayElement[]): Promise<string> {
  const entries: [string, string][] = [];
  const loose: string[] = [];
  for (const e of literal) {
    if (e.index !== null) entries.push([await expandString(sh, e.index), await expandString(sh, e.value)]);
    else loose.push(...(await expandWords(sh, [e.value])));
  }
  for (let i = 0; i < loose.length; i += 2) entries.push([loose[i]!, loose[i + 1] ?? ""]);
  sh.state.setAssoc(a.name, entries, a.append);
  return `${a.name}${a.append ? "+" : ""}=(${entries.map(([k, v]) => `[${shellQuote(k)}]=${shellQuote(v)}`).join(" ")})`;
}

/** Whether `target` names a variable or an array element (`name[subscript]`), as `printf -v` accepts. */
export function isAssignTarget(target: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\[.+\])?$/.test(target);
}

/** Assigns `value` to a variable or to an array element written `name[subscript]`. */
export async function assignTarget(sh: Interpreter, target: string, value: string): Promise<void> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(target);
  if (m === null) return sh.assign(target, value);
  const name = m[1]!;
  const index = sh.state.isAssoc(name) ? m[2]! : Number(await arithValue(sh, parseArithWord(m[2]!)));
  try {
    sh.state.setElement(name, index, value);
  } catch (err) {
    if (err instanceof ReadonlyError) return sh.fatal(err.message, 2);
    if (err instanceof RangeError) return sh.fatal(err.message, 1);
    throw err;
  }
}
