/**
 * bash's dynamic variables, computed when read unless a script has
 * assigned them: `LINENO`, `RANDOM`, `SECONDS`, `BASHPID`,
 * `EPOCHSECONDS`, `EPOCHREALTIME`, `BASH_COMMAND` (the command running,
 * or the one whose trap is running), and the arrays `FUNCNAME` (the function
 * call stack, innermost first), `BASH_LINENO` (the lines they were called
 * from) and `BASH_SOURCE` (the files being run, innermost first). The fixed ones (`BASH_VERSION`, `BASH_VERSINFO`,
 * `OSTYPE`) are ordinary variables set when the shell starts: scripts
 * check them before using bash features.
 */
import { printCommand } from "./print.js";
import type { ShellState } from "./state.js";

/** The bash this shell answers as (the version its behaviour is compared with). */
const VERSION = ["5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"];

/** A dynamic scalar's value, or undefined when `name` is not one. */
export function dynamicValue(state: ShellState, name: string): string | undefined {
  switch (name) {
    case "LINENO": return String(state.lineno);
    case "RANDOM": return String(Math.floor(Math.random() * 32768));
    case "SECONDS": return String(Math.floor((Date.now() - state.startTime) / 1000));
    case "BASHPID": return String(state.pid);
    case "EPOCHSECONDS": return String(Math.floor(Date.now() / 1000));
    case "EPOCHREALTIME": return (Date.now() / 1000).toFixed(6);
    case "FUNCNAME": return state.funcNames[0];
    case "BASH_SOURCE": return state.sources[0];
    case "BASH_COMMAND": return state.currentCommand === null ? undefined : printCommand(state.currentCommand);
    default: return undefined;
  }
}

/** A dynamic array's elements, or undefined when `name` is not one. */
export function dynamicArray(state: ShellState, name: string): string[] | undefined {
  if (name === "FUNCNAME") return state.funcNames;
  if (name === "BASH_SOURCE") return state.sources;
  if (name === "BASH_LINENO") return state.callLines.map(String);
  return undefined;
}

/** Sets the variables bash defines at startup. */
export function setBashVariables(state: ShellState): void {
  state.vars.set("BASH_VERSION", { value: `${VERSION[0]}.${VERSION[1]}.${VERSION[2]}(${VERSION[3]})-${VERSION[4]}`, exported: false, readonly: false });
  state.vars.set("BASH_VERSINFO", { value: undefined, exported: false, readonly: true, array: new Map(VERSION.map((v, i) => [i, v])) });
  if (!state.vars.has("OSTYPE")) state.vars.set("OSTYPE", { value: "linux-gnu", exported: false, readonly: false });
}
