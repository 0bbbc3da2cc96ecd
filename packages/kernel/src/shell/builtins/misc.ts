/**
 * Small builtins: `let` (arithmetic; status 0 when the last value is not
 * zero) and `hash` (the table of where PATH lookups found commands: list,
 * add, or forget with -r).
 */
import { arithValue } from "../expand.js";
import { resolveName } from "./command.js";
import { parseArithWord } from "../parser.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** `let expr...`: evaluates arithmetic; status 0 when the last value is not zero. */
export const letBuiltin: Builtin = async (sh, args, name) => {
  if (args.length === 0) {
    await sh.error(`${name}: expression expected`);
    return 1;
  }
  let last = "0";
  for (const expr of args) last = await arithValue(sh, parseArithWord(expr), name);
  return last === "0" ? 1 : 0;
};


/** `hash [-r] [name...]`: lists, adds to or clears the PATH lookup table. */
export const hashBuiltin: Builtin = async (sh, args, name) => {
  const table = sh.state.commandHash;
  let names = args;
  if (names[0] === "-r") {
    table.clear();
    names = names.slice(1);
    if (names.length === 0) return 0;
  }
  if (names.length === 0) {
    if (table.size === 0) return writeOut(sh, name, `${name}: hash table empty\n`);
    let out = "";
    for (const path of table.values()) out += path + "\n";
    return writeOut(sh, name, out);
  }
  let status = 0;
  for (const n of names) {
    const found = n.includes("/") ? null : await resolveName(sh, n, false);
    if (found === null) {
      await sh.error(`${name}: ${n}: not found`);
      status = 1;
    } else if (found.kind === "file") {
      table.set(n, found.path);
    }
  }
  return status;
};
