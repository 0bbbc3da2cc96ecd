/**
 * The builtins that declare variables: `export`, `readonly`, `unset`,
 * `local`, and bash's `declare`/`typeset` (their common options only).
 * With no names, `export -p` and `readonly -p` list in a form that can be
 * read back by the shell.
 */
import { arithValue } from "../expand.js";
import { parseArithWord } from "../parser.js";
import { ReadonlyError, type Variable } from "../state.js";
import { shellQuote } from "../simple-command.js";
import type { Builtin } from "./index.js";
import type { Interpreter } from "../interpreter.js";
import { isName, writeOut } from "./output.js";

/** Splits `name=value` (or `name+=value`); value undefined when there is no `=`. */
function splitAssignment(arg: string): { name: string; value: string | undefined; append: boolean } {
  const eq = arg.indexOf("=");
  if (eq < 0) return { name: arg, value: undefined, append: false };
  const append = eq > 0 && arg[eq - 1] === "+";
  return { name: arg.slice(0, append ? eq - 1 : eq), value: arg.slice(eq + 1), append };
}

async function setValue(sh: Interpreter, name: string, value: string, append: boolean): Promise<boolean> {
  try {
    sh.state.set(name, append ? (sh.state.get(name) ?? "") + value : value);
    return true;
  } catch (err) {
    if (!(err instanceof ReadonlyError)) throw err;
    await sh.error(err.message);
    return false;
  }
}

async function list(sh: Interpreter, keyword: string, pick: (v: { exported: boolean; readonly: boolean }) => boolean): Promise<number> {
  const names = [...sh.state.vars.keys()].sort();
  let out = "";
  for (const name of names) {
    const v = sh.state.vars.get(name)!;
    if (!pick(v)) continue;
    out += v.value === undefined ? `${keyword} ${name}\n` : `${keyword} ${name}=${shellQuote(v.value)}\n`;
  }
  return writeOut(sh, keyword, out);
}

function options(args: string[], allowed: string): { flags: Set<string>; rest: string[] } | string {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (!allowed.includes(f)) return f;
      flags.add(a[0] === "+" ? "+" + f : f);
    }
  }
  return { flags, rest: args.slice(i) };
}

/** `export [-p] [-n] name[=value]...`. */
export const exportBuiltin: Builtin = async (sh, args) => {
  const parsed = options(args, "pnf");
  if (typeof parsed === "string") {
    await sh.error(`export: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) return list(sh, "export", (v) => v.exported);
  let status = 0;
  for (const arg of parsed.rest) {
    const { name, value, append } = splitAssignment(arg);
    if (!isName(name)) {
      await sh.error(`export: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (value !== undefined && !(await setValue(sh, name, value, append))) {
      status = 1;
      continue;
    }
    sh.state.export(name, !parsed.flags.has("n"));
  }
  return status;
};

/** `readonly [-p] name[=value]...`. */
export const readonlyBuiltin: Builtin = async (sh, args) => {
  const parsed = options(args, "pf");
  if (typeof parsed === "string") {
    await sh.error(`readonly: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) return list(sh, "readonly", (v) => v.readonly);
  let status = 0;
  for (const arg of parsed.rest) {
    const { name, value, append } = splitAssignment(arg);
    if (!isName(name)) {
      await sh.error(`readonly: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (value !== undefined && !(await setValue(sh, name, value, append))) {
      status = 1;
      continue;
    }
    sh.state.markReadonly(name);
  }
  return status;
};

/** `unset [-v|-f] name...`. */
export const unsetBuiltin: Builtin = async (sh, args) => {
  const parsed = options(args, "vf");
  if (typeof parsed === "string") {
    await sh.error(`unset: -${parsed}: invalid option`);
    return 2;
  }
  let status = 0;
  for (const name of parsed.rest) {
    if (parsed.flags.has("f")) {
      sh.state.functions.delete(name);
      continue;
    }
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(name);
    if (element !== null) {
      const index = Number(await arithValue(sh, parseArithWord(element[2]!)));
      try {
        sh.state.unsetElement(element[1]!, index);
      } catch (err) {
        if (!(err instanceof ReadonlyError)) throw err;
        await sh.error(`unset: ${element[1]}: cannot unset: readonly variable`);
        status = 1;
      }
      continue;
    }
    if (!isName(name)) {
      await sh.error(`unset: \`${name}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (!parsed.flags.has("v") && !sh.state.vars.has(name) && sh.state.functions.has(name)) {
      sh.state.functions.delete(name);
      continue;
    }
    try {
      sh.state.unset(name);
    } catch (err) {
      if (!(err instanceof ReadonlyError)) throw err;
      await sh.error(`unset: ${name}: cannot unset: readonly variable`);
      status = 1;
    }
  }
  return status;
};

/** `local` and, inside a function, `declare`/`typeset`: make each name local to the function call. */
async function declareLocal(sh: Interpreter, name: string, value: string | undefined, append: boolean, flags: Set<string>): Promise<boolean> {
  const state = sh.state;
  if (!flags.has("g") && state.callDepth > 0) {
    state.saveInScope(name);
    if (value === undefined && !flags.has("x") && !flags.has("r")) {
      if (state.isReadonly(name)) {
        await sh.error(`local: ${name}: readonly variable`);
        return false;
      }
      state.unset(name);
    }
  }
  if (flags.has("a") && value === undefined && !state.isArray(name)) state.setArray(name, [], false);
  if (value !== undefined && !(await setValue(sh, name, value, append))) return false;
  if (flags.has("x")) state.export(name);
  if (flags.has("+x")) state.export(name, false);
  if (flags.has("r")) state.markReadonly(name);
  return true;
}

/** `local`, and bash's `declare`/`typeset`: declare variables, local to the function call. */
export const localBuiltin: Builtin = async (sh, args, name) => {
  if (sh.state.callDepth === 0 && name === "local") {
    await sh.error("local: can only be used in a function");
    return 1;
  }
  const parsed = options(args, "afFgilnprtux");
  if (typeof parsed === "string") {
    await sh.error(parsed === "A" ? `${name}: -A: associative arrays are not supported` : `${name}: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) {
    if (parsed.flags.has("x")) return list(sh, "export", (v) => v.exported);
    if (parsed.flags.has("r")) return list(sh, "readonly", (v) => v.readonly);
    return 0;
  }
  let status = 0;
  for (const arg of parsed.rest) {
    const { name: varName, value, append } = splitAssignment(arg);
    if (!isName(varName)) {
      await sh.error(`${name}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (parsed.flags.has("p")) {
      const v = sh.state.vars.get(varName);
      if (v === undefined) status = 1;
      else await writeOut(sh, name, declaration(varName, v) + "\n");
      continue;
    }
    if (!(await declareLocal(sh, varName, value, append, parsed.flags))) status = 1;
  }
  return status;
};

/** How `declare -p` shows a variable. */
function declaration(name: string, v: Variable): string {
  const attrs = (v.array !== undefined ? "a" : "") + (v.exported ? "x" : "") + (v.readonly ? "r" : "");
  const flag = attrs === "" ? "--" : "-" + attrs;
  if (v.array !== undefined) {
    const elements = [...v.array.entries()].sort((a, b) => a[0] - b[0]).map(([i, e]) => `[${i}]=${JSON.stringify(e)}`);
    return `declare ${flag} ${name}=(${elements.join(" ")})`;
  }
  return `declare ${flag} ${name}${v.value === undefined ? "" : "=" + JSON.stringify(v.value)}`;
}
