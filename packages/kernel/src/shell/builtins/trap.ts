/**
 * `trap [action condition...]`, `trap - condition...`, `trap` and `trap -p`
 * (list, in bash's order: EXIT, the signals by number, DEBUG, ERR,
 * RETURN), `trap -p condition...` (those, in the order given) and `trap -l`. Conditions are EXIT (or 0), ERR,
 * DEBUG, RETURN and signals by name (with or without SIG, any case) or
 * number. An action of '' ignores the signal; `-` (or a number first)
 * resets to the default. signals.ts delivers caught signals; subshells
 * start with the traps reset and ignored signals still ignored, and an
 * ignored signal is set in the kernel, so every command started afterwards
 * (of any driver) starts with it ignored, as POSIX exec keeps it.
 */
import { SIGKILL, SIGNAL_NAMES, SIGSTOP } from "../../constants.js";
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

/** Where a condition is listed: EXIT first, signals by number, then bash's pseudo-signals. */
function listOrder(cond: string): number {
  if (cond === "EXIT") return 0;
  const pseudo = ["DEBUG", "ERR", "RETURN"].indexOf(cond);
  return pseudo >= 0 ? 100 + pseudo : signalNumber(cond) ?? 99;
}

/** `trap [action condition...]`, `trap - condition...`, `trap`, `trap -l`. */
export const trapBuiltin: Builtin = async (sh, args, name) => {
  const traps = sh.state.traps;
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0 || args[0] === "-p") {
    const named = args.slice(1).map(conditionName).filter((cond): cond is string => cond !== null);
    const conditions = args.length > 1 ? named : [...traps.keys()].sort((a, b) => listOrder(a) - listOrder(b));
    let out = "";
    for (const cond of conditions) {
      const action = traps.get(cond);
      if (action !== undefined) out += `trap -- ${shellQuote(action)} ${listOrder(cond) < 100 && cond !== "EXIT" ? "SIG" + cond : cond}\n`;
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
    if (cond === "RETURN") sh.state.returnTrapCall = sh.state.currentCall;
    // An ignored signal is ignored in the kernel too, so the commands this shell starts inherit it.
    const signal = signalNumber(cond);
    if (signal !== null && signal > 0 && signal !== SIGKILL && signal !== SIGSTOP) sh.ki.setSignalIgnored(sh.pid, signal, action === "");
  }
  return status;
};
