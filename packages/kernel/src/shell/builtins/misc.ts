/**
 * Small builtins: `let` (arithmetic; status 0 when the last value is not
 * zero), `times` (process times, always zero here), and `hash` (command
 * lookup is not cached, so there is nothing to remember or forget).
 */
import { arithValue } from "../expand.js";
import { parseArithWord } from "../parser.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

export const letBuiltin: Builtin = async (sh, args, name) => {
  if (args.length === 0) {
    await sh.error(`${name}: expression expected`);
    return 1;
  }
  let last = "0";
  for (const expr of args) last = await arithValue(sh, parseArithWord(expr));
  return last === "0" ? 1 : 0;
};

export const timesBuiltin: Builtin = async (sh, _args, name) => writeOut(sh, name, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");

export const hashBuiltin: Builtin = async () => 0;
