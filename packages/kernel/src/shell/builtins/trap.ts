/**
 * `trap [action condition...]`, `trap - condition...`, `trap` (list) and
 * `trap -l`. The shell runs the EXIT trap when it exits; other conditions
 * are recorded, listed and reset in subshells (signals are delivered by
 * the kernel, which ends the process).
 */
import { SIGNAL_NAMES } from "../../constants.js";
import { shellQuote } from "../simple-command.js";
import type { Builtin } from "./index.js";
import { signalNumber } from "./jobs.js";
import { writeOut } from "./output.js";

/** The canonical condition name ("EXIT", "INT", ...) or null if unknown. */
function conditionName(spec: string): string | null {
  if (spec === "0" || spec.toUpperCase() === "EXIT" || spec.toUpperCase() === "SIGEXIT") return "EXIT";
  if (spec.toUpperCase() === "ERR" || spec.toUpperCase() === "DEBUG" || spec.toUpperCase() === "RETURN") return spec.toUpperCase();
  const n = signalNumber(spec);
  return n === null || n === 0 ? null : SIGNAL_NAMES[n]!;
}

/** `trap [action condition...]`, `trap - condition...`, `trap`, `trap -l`. */
export const trapBuiltin: Builtin = async (sh, args, name) => {
  const traps = sh.state.traps;
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0 || args[0] === "-p") {
    let out = "";
    const only = args.slice(1).map(conditionName);
    for (const [cond, action] of traps) {
      if (only.length > 0 && !only.includes(cond)) continue;
      out += `trap -- ${shellQuote(action)} ${cond === "EXIT" ? "EXIT" : "SIG" + cond}\n`;
    }
    return writeOut(sh, name, out);
  }
  if (args[0] === "-l") {
    return writeOut(sh, name, Object.entries(SIGNAL_NAMES).map(([n, s]) => `${n}) SIG${s}`).join("\n") + "\n");
  }
  let action: string | null = args[0]!;
  let conditions = args.slice(1);
  if (conditions.length === 0 || /^[0-9]+$/.test(action)) {
    conditions = args;
    action = null;
  } else if (action === "-") {
    action = null;
  }
  let status = 0;
  for (const c of conditions) {
    const cond = conditionName(c);
    if (cond === null) {
      await sh.error(`${name}: ${c}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === null) traps.delete(cond);
    else traps.set(cond, action);
  }
  return status;
};
