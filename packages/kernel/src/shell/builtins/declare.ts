/**
 * bash's `declare`/`typeset` and `local`: declare variables with
 * attributes (`-a` indexed array, `-A` associative array, `-i` integer,
 * `-l`/`-u` case conversion, `-n` name reference, `-r`, `-x`; `+` takes
 * one off), local to the function call unless `-g`. `-p` prints
 * declarations in bash's format, `-f`/`-F` the functions (by name).
 */
import { ArithError } from "../arithmetic.js";
import type { Interpreter } from "../interpreter.js";
import { printFunction } from "../print.js";
import { declareQuote } from "../quote.js";
import { ReadonlyError, type Variable } from "../state.js";
import type { Builtin } from "./index.js";
import { isName, writeOut } from "./output.js";
import { parseFlags, type BuiltinFlags } from "./flags.js";

/** Attribute letters in the order bash prints them. */
const ATTRIBUTE_ORDER = "aAinrxlu";

/** The attribute letters `declare -p` (and `${x@a}`) show for a variable. */
export function attributeLetters(v: Variable): string {
  const has: Record<string, boolean> = {
    a: v.array !== undefined, A: v.assoc !== undefined, i: v.integer === true, n: v.nameref === true,
    r: v.readonly, x: v.exported, l: v.caseConv === "lower", u: v.caseConv === "upper",
  };
  return [...ATTRIBUTE_ORDER].filter((c) => has[c]).join("");
}

/** How `declare -p` shows a variable. */
export function declaration(name: string, v: Variable, keys?: string[]): string {
  const attrs = attributeLetters(v);
  const head = `declare ${attrs === "" ? "--" : "-" + attrs} ${name}`;
  if (v.array !== undefined) {
    if (v.array.size === 0) return head;
    const elements = [...v.array.entries()].sort((a, b) => a[0] - b[0]).map(([i, e]) => `[${i}]=${declareQuote(e)}`);
    return `${head}=(${elements.join(" ")})`;
  }
  if (v.assoc !== undefined) {
    if (v.assoc.size === 0) return head;
    return `${head}=(${(keys ?? [...v.assoc.keys()]).map((k) => `[${assocKey(k)}]=${declareQuote(v.assoc!.get(k)!)} `).join("")})`;
  }
  return v.value === undefined ? head : `${head}=${declareQuote(v.value)}`;
}

/** A key as bash shows it inside `[...]`: bare when it is plain, quoted otherwise. */
function assocKey(key: string): string {
  return /^[A-Za-z0-9_.@%+:,/-]+$/.test(key) ? key : declareQuote(key);
}

/** Parsed options: attribute letters turned on (`-x`) and off (`+x`). */
/** Splits `name=value` (or `name+=value`); value undefined when there is no `=`. */
function splitAssignment(arg: string): { name: string; value: string | undefined; append: boolean } {
  const eq = arg.indexOf("=");
  if (eq < 0) return { name: arg, value: undefined, append: false };
  const append = eq > 0 && arg[eq - 1] === "+";
  return { name: arg.slice(0, append ? eq - 1 : eq), value: arg.slice(eq + 1), append };
}

/** `declare`, `typeset` and `local`. */
export const declareBuiltin: Builtin = async (sh, args, name) => {
  if (sh.state.callDepth === 0 && name === "local") {
    await sh.error("local: can only be used in a function");
    return 1;
  }
  const opts = parseFlags(args, "aAfFgilnprtux");
  if (typeof opts === "string") {
    await sh.error(`${name}: -${opts}: invalid option`);
    return 2;
  }
  if (opts.on.has("f") || opts.on.has("F")) return listFunctions(sh, name, opts);
  if (opts.rest.length === 0) return listVariables(sh, name, opts);
  let status = 0;
  for (const arg of opts.rest) {
    const { name: varName, value, append } = splitAssignment(arg);
    if (!isName(varName)) {
      await sh.error(`${name}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (opts.on.has("p")) {
      const v = sh.state.vars.get(varName);
      if (v === undefined) {
        await sh.error(`${name}: ${varName}: not found`);
        status = 1;
      } else if (!(await print(sh, name, varName, v))) status = 1;
      continue;
    }
    if (!(await declareOne(sh, name, varName, value, append, opts))) status = 1;
  }
  return status;
};

async function print(sh: Interpreter, builtin: string, name: string, v: Variable): Promise<boolean> {
  const keys = v.assoc !== undefined ? sh.state.arrayKeys(name) : undefined;
  return (await writeOut(sh, builtin, declaration(name, v, keys) + "\n")) === 0;
}

/** `declare [-p] [-attrs]` with no names: every variable (with those attributes), in `declare` form. */
async function listVariables(sh: Interpreter, builtin: string, opts: BuiltinFlags): Promise<number> {
  const state = sh.state;
  let out = "";
  for (const name of [...state.vars.keys()].sort()) {
    const v = state.vars.get(name)!;
    const attrs = attributeLetters(v);
    if ([...opts.on].some((f) => ATTRIBUTE_ORDER.includes(f) && !attrs.includes(f))) continue;
    if (opts.on.size === 0 && v.value === undefined && v.array === undefined && v.assoc === undefined) continue;
    out += declaration(name, v, v.assoc !== undefined ? state.arrayKeys(name) : undefined) + "\n";
  }
  return writeOut(sh, builtin, out);
}

/** `declare -f [name...]` prints the functions' definitions, `declare -F` only their names; status 1 if one is missing. */
async function listFunctions(sh: Interpreter, builtin: string, opts: BuiltinFlags): Promise<number> {
  const functions = sh.state.functions;
  const names = opts.rest.length > 0 ? opts.rest : [...functions.keys()].sort();
  const namesOnly = opts.on.has("F");
  let out = "";
  let status = 0;
  for (const name of names) {
    const fn = functions.get(name);
    if (fn === undefined) {
      status = 1;
      continue;
    }
    if (!namesOnly) out += printFunction(fn) + "\n";
    else out += opts.rest.length > 0 ? `${name}\n` : `declare -f ${name}\n`;
  }
  const written = await writeOut(sh, builtin, out);
  return written !== 0 ? written : status;
}

/** Declares one variable: local unless `-g` (or at top level), then its attributes, then its value. */
async function declareOne(sh: Interpreter, builtin: string, name: string, value: string | undefined, append: boolean, opts: BuiltinFlags): Promise<boolean> {
  const state = sh.state;
  const { on, off } = opts;
  try {
    if (!on.has("g") && state.callDepth > 0) {
      state.saveInScope(name);
      if (value === undefined && !on.has("x") && !on.has("r") && off.size === 0) {
        if (state.isReadonly(name)) throw new ReadonlyError(name);
        state.unset(name);
        state.declare(name);
      }
    }
    if (on.has("n") || off.has("n")) return await setNameref(sh, builtin, name, value, on.has("n"));
    const target = state.target(name);
    if (on.has("A")) state.makeAssoc(target);
    else if (on.has("a") && !state.isArray(target) && !state.isAssoc(target)) state.setArray(target, [], true);
    const v = state.vars.get(target) ?? state.declare(target);
    if ((on.has("i") || on.has("l") || on.has("u") || off.size > 0) && v.readonly) throw new ReadonlyError(target);
    if (on.has("i")) v.integer = true;
    if (off.has("i")) v.integer = undefined;
    if (on.has("l")) v.caseConv = "lower";
    if (on.has("u")) v.caseConv = "upper";
    if ((off.has("l") && v.caseConv === "lower") || (off.has("u") && v.caseConv === "upper")) v.caseConv = undefined;
    if (value !== undefined) state.set(target, value, append);
    if (on.has("x")) state.export(target);
    if (off.has("x")) state.export(target, false);
    if (on.has("r")) state.markReadonly(target);
    return true;
  } catch (err) {
    if (err instanceof ReadonlyError) {
      await sh.error(`${builtin}: ${err.message}`);
      return false;
    }
    if (err instanceof ArithError || err instanceof RangeError) {
      await sh.error(`${builtin}: ${err.message}`);
      return false;
    }
    throw err;
  }
}

/** `declare -n ref=name` (the value is the name, not followed) and `declare +n ref`. */
async function setNameref(sh: Interpreter, builtin: string, name: string, value: string | undefined, on: boolean): Promise<boolean> {
  const v = sh.state.vars.get(name) ?? sh.state.declare(name);
  if (v.readonly) throw new ReadonlyError(name);
  if (!on) {
    v.nameref = undefined;
    return true;
  }
  if (value !== undefined && !isName(value) && !/^[A-Za-z_][A-Za-z0-9_]*\[.+\]$/.test(value)) {
    await sh.error(`${builtin}: \`${value}': invalid variable name for name reference`);
    return false;
  }
  if (value !== undefined) v.value = value;
  v.nameref = true;
  return true;
}
