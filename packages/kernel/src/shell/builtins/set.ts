/**
 * `set`: with no arguments, lists the variables; otherwise turns options
 * on (`-e`, `-o errexit`) or off (`+e`, `+o errexit`) and, after `--` or
 * the first non-option, replaces the positional parameters. `set -o` and
 * `set +o` list the options.
 */
import { OPTION_LETTERS, type ShellOptions } from "../state.js";
import { shellQuote } from "../simple-command.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** `set -o` names that are accepted and have no effect here (interactive or bash-specific), with bash's defaults. */
const NO_OP_OPTIONS = new Map([
  ["posix", false], ["monitor", false], ["notify", false], ["ignoreeof", false], ["emacs", false], ["vi", false],
  ["nolog", false], ["interactive-comments", true], ["histexpand", false], ["history", false], ["physical", false],
  ["onecmd", false], ["keyword", false], ["privileged", false],
]);

const OPTION_NAMES = new Set<string>([...Object.values(OPTION_LETTERS), "pipefail"]);

/** Every `set -o` name, in the order bash lists them. */
const ALL_NAMES = [...OPTION_NAMES, ...NO_OP_OPTIONS.keys()].sort();

/** `set [options] [--] [args...]`. */
export const setBuiltin: Builtin = async (sh, args, name) => {
  const state = sh.state;
  if (args.length === 0) {
    let out = "";
    for (const key of [...state.vars.keys()].sort()) {
      const v = state.vars.get(key)!;
      if (v.value !== undefined) out += `${key}=${shellQuote(v.value)}\n`;
    }
    return writeOut(sh, name, out);
  }
  let i = 0;
  let replace = false;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      replace = true;
      i++;
      break;
    }
    if (a === "-") {
      state.options.xtrace = false;
      state.options.verbose = false;
      replace = i + 1 < args.length;
      i++;
      break;
    }
    if (a.length < 2 || (a[0] !== "-" && a[0] !== "+")) break;
    const on = a[0] === "-";
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (letter === "o") {
        const optName = args[i + 1];
        if (optName === undefined) return listOptions(sh, on);
        i++;
        if (OPTION_NAMES.has(optName)) state.options[optName as keyof ShellOptions] = on;
        else if (!NO_OP_OPTIONS.has(optName)) {
          await sh.error(`set: ${optName}: invalid option name`);
          return 2;
        }
        continue;
      }
      const option = OPTION_LETTERS[letter];
      if (option === undefined) {
        if (letter === "m" || letter === "b" || letter === "H" || letter === "P" || letter === "k" || letter === "p" || letter === "t") continue;
        await sh.error(`set: ${a[0]}${letter}: invalid option`);
        return 2;
      }
      state.options[option] = on;
    }
  }
  if (replace || i < args.length) state.positional = args.slice(i);
  return 0;
};

/** `set -o` (a table) and `set +o` (commands that restore the settings), over every name bash has. */
async function listOptions(sh: Parameters<Builtin>[0], on: boolean): Promise<number> {
  const opts = sh.state.options as unknown as Record<string, boolean>;
  let out = "";
  for (const key of ALL_NAMES) {
    const value = OPTION_NAMES.has(key) ? opts[key] : NO_OP_OPTIONS.get(key);
    out += on ? `${key.padEnd(15)}\t${value ? "on" : "off"}\n` : `set ${value ? "-" : "+"}o ${key}\n`;
  }
  return writeOut(sh, "set", out);
}
