/**
 * `echo [-neE] [args...]`, as bash has it: arguments joined by spaces and
 * followed by a newline; `-n` drops the newline, `-e` interprets backslash
 * escapes (`\c` ends the output), `-E` turns that off again. bash's
 * `shopt -s xpg_echo` makes `-e` the default.
 */
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";
import { decodeEscapes } from "./escapes.js";

/** `echo [-neE] [args...]`. */
export const echoBuiltin: Builtin = async (sh, args, name) => {
  let newline = true;
  let escapes = sh.state.shopt.xpg_echo;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const flag of a.slice(1)) {
      if (flag === "n") newline = false;
      else if (flag === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const decoded = decodeEscapes(text, "echo");
    text = decoded.text;
    if (decoded.stop) newline = false;
  }
  return writeOut(sh, name, newline ? text + "\n" : text);
};
