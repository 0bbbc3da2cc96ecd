/**
 * Carrying out an assignment word: `name=value`, `name+=value`, and
 * bash's array forms `name[index]=value` and `name=(elements)` (elements
 * are expanded like command words; `[index]=value` sets one explicitly).
 * Subscripts are arithmetic. A readonly variable or a bad subscript is a
 * fatal error, as for any assignment.
 */
import type { Assignment } from "./ast.js";
import { arithValue, expandString, expandWords } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { ReadonlyError } from "./state.js";
import { shellQuote } from "./simple-command.js";

/** Expands and performs one assignment; returns how `set -x` shows it. */
export async function performAssignment(sh: Interpreter, a: Assignment): Promise<string> {
  const state = sh.state;
  try {
    if (a.array !== undefined) {
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
      const index = Number(await arithValue(sh, a.index));
      state.setElement(a.name, index, a.append ? (state.getElement(a.name, index) ?? "") + value : value);
      return `${a.name}[${index}]=${shellQuote(value)}`;
    }
    state.set(a.name, a.append ? (state.get(a.name) ?? "") + value : value);
    return `${a.name}=${shellQuote(value)}`;
  } catch (err) {
    if (err instanceof ReadonlyError) return sh.fatal(err.message, 2);
    if (err instanceof RangeError) return sh.fatal(err.message, 1);
    throw err;
  }
}
