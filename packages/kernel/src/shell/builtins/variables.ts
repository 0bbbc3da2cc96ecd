/**
 * The POSIX builtins that declare variables: `export`, `readonly` and
 * `unset` (bash's `declare`, `typeset` and `local` are in declare.ts).
 * With no names, `export -p` and `readonly -p` list in a form that can be
 * read back by the shell.
 */
import { arithValue } from "../expand.js";
import { parseArithWord } from "../parser.js";
import { ReadonlyError, type Variable } from "../state.js";
import type { Builtin } from "./index.js";
import type { Interpreter } from "../interpreter.js";
import { declaration } from "./declare.js";
import { isName, writeOut } from "./output.js";
import { parseFlags } from "./flags.js";

/** Splits `name=value` (or `name+=value`); value undefined when there is no `=`. */
function splitAssignment(arg: string): { name: string; value: string | undefined; append: boolean } {
  const eq = arg.indexOf("=");
  if (eq < 0) return { name: arg, value: undefined, append: false };
  const append = eq > 0 && arg[eq - 1] === "+";
  return { name: arg.slice(0, append ? eq - 1 : eq), value: arg.slice(eq + 1), append };
}

async function setValue(sh: Interpreter, name: string, value: string, append: boolean): Promise<boolean> {
  try {
    sh.state.set(name, value, append);
    return true;
  } catch (err) {
    if (!(err instanceof ReadonlyError)) throw err;
    await sh.error(err.message);
    return false;
  }
}

/** `export -p` and `readonly -p`: the variables with the attribute, as bash lists them (`declare -x NAME="value"`). */
async function list(sh: Interpreter, keyword: string, pick: (v: Variable) => boolean): Promise<number> {
  const names = [...sh.state.vars.keys()].sort();
  let out = "";
  for (const name of names) {
    const v = sh.state.vars.get(name)!;
    if (pick(v)) out += declaration(name, v, v.assoc !== undefined ? sh.state.arrayKeys(name) : undefined) + "\n";
  }
  return writeOut(sh, keyword, out);
}

/** `export [-p] [-n] name[=value]...`. */
export const exportBuiltin: Builtin = async (sh, args) => {
  const parsed = parseFlags(args, "pnf");
  if (typeof parsed === "string") {
    await sh.error(`export: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) return list(sh, "export", (v) => v.exported);
  if (parsed.on.has("f")) return exportFunctions(sh, parsed.rest, !parsed.on.has("n"));
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
    sh.state.export(name, !parsed.on.has("n"));
  }
  return status;
};

/** `export -f name...` (bash): passes the functions to child shells through the environment; `-n` stops that. */
async function exportFunctions(sh: Interpreter, names: string[], on: boolean): Promise<number> {
  let status = 0;
  for (const name of names) {
    if (!sh.state.functions.has(name)) {
      await sh.error(`export: ${name}: not a function`);
      status = 1;
    } else if (on) sh.state.exportedFunctions.add(name);
    else sh.state.exportedFunctions.delete(name);
  }
  return status;
}

/** `readonly [-p] name[=value]...`. */
export const readonlyBuiltin: Builtin = async (sh, args) => {
  const parsed = parseFlags(args, "pf");
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

/** `unset [-v|-f|-n] name...`: `-n` unsets a name reference itself rather than the variable it names. */
export const unsetBuiltin: Builtin = async (sh, args) => {
  const parsed = parseFlags(args, "vfn");
  if (typeof parsed === "string") {
    await sh.error(`unset: -${parsed}: invalid option`);
    return 2;
  }
  let status = 0;
  for (const arg of parsed.rest) {
    if (parsed.on.has("f")) {
      sh.state.functions.delete(arg);
      continue;
    }
    const name = parsed.on.has("n") ? arg : sh.state.target(arg);
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(name);
    if (element !== null) {
      const index = sh.state.isAssoc(element[1]!) ? element[2]! : Number(await arithValue(sh, parseArithWord(element[2]!)));
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
    if (!parsed.on.has("v") && !sh.state.vars.has(name) && sh.state.functions.has(name)) {
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
