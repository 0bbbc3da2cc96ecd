/**
 * bash's `shopt [-s|-u] [-pq] [name...]` over bash's option names (see
 * ShellState.shopt for the ones that act here) and, with `-o`, the
 * `set -o` options. A name bash does not have is an error.
 */
import type { ShellOptions } from "../state.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** `shopt [-s|-u] [-pqo] [name...]`. */
export const shoptBuiltin: Builtin = async (sh, args, name) => {
  let mode: "set" | "unset" | "query" = "query";
  let print = false;
  let quiet = false;
  let setO = false;
  let i = 0;
  for (; i < args.length && /^-[supqo]+$/.test(args[i]!); i++) {
    for (const f of args[i]!.slice(1)) {
      if (f === "s") mode = "set";
      else if (f === "u") mode = "unset";
      else if (f === "p") print = true;
      else if (f === "q") quiet = true;
      else setO = true;
    }
  }
  const table: Record<string, boolean> = setO
    ? (sh.state.options as unknown as Record<string, boolean>)
    : (sh.state.shopt as unknown as Record<string, boolean>);
  const known = Object.keys(table).sort();
  const names = args.slice(i);
  for (const n of names) {
    if (!known.includes(n)) {
      await sh.error(`${name}: ${n}: invalid shell option name`);
      return 1;
    }
  }
  if (mode !== "query" && names.length > 0) {
    for (const n of names) table[n as keyof ShellOptions] = mode === "set";
    return 0;
  }
  const shown = (names.length > 0 ? names : known).filter((n) => mode === "query" || table[n] === (mode === "set"));
  if (quiet) return shown.every((n) => table[n]) ? 0 : 1;
  let out = "";
  for (const n of shown) {
    if (!print) out += `${n.padEnd(15)}\t${table[n] ? "on" : "off"}\n`;
    else if (setO) out += `set ${table[n] ? "-o" : "+o"} ${n}\n`;
    else out += `shopt ${table[n] ? "-s" : "-u"} ${n}\n`;
  }
  const status = await writeOut(sh, name, out);
  return status !== 0 ? status : names.length > 0 && !names.every((n) => table[n]) ? 1 : 0;
};
