/**
 * Builtins that leave the current construct: `break`, `continue`,
 * `return` and `exit`. They throw the typed signals of control-flow.ts,
 * which the loop, function, sourced script or process catches.
 */
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellFatal } from "../control-flow.js";
import type { Interpreter } from "../interpreter.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** Parses an optional numeric argument; null (after printing an error) if it is not a number. */
async function numericArg(sh: Interpreter, name: string, arg: string | undefined, fallback: number): Promise<number | null> {
  if (arg === undefined) return fallback;
  if (!/^\s*[+-]?[0-9]+\s*$/.test(arg)) {
    await sh.error(`${name}: ${arg}: numeric argument required`);
    return null;
  }
  return Number(arg);
}

async function loopControl(sh: Interpreter, args: string[], name: string, make: (n: number) => unknown): Promise<number> {
  const n = await numericArg(sh, name, args[0], 1);
  if (n === null) throw new ShellFatal(1);
  if (args.length > 1) {
    await sh.error(`${name}: too many arguments`);
    return 1;
  }
  if (n < 1) {
    await sh.error(`${name}: ${n}: loop count out of range`);
    return 1;
  }
  if (sh.state.loopDepth === 0) {
    await sh.error(`${name}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  throw make(Math.min(n, sh.state.loopDepth));
}

/** `break [n]`: leaves n enclosing loops. */
export const breakBuiltin: Builtin = (sh, args, name) => loopControl(sh, args, name, (n) => new BreakSignal(n));

/** `continue [n]`: starts the next iteration of the n-th enclosing loop. */
export const continueBuiltin: Builtin = (sh, args, name) => loopControl(sh, args, name, (n) => new ContinueSignal(n));

/** `return [n]`: returns from a function or sourced script. */
export const returnBuiltin: Builtin = async (sh, args, name) => {
  if (sh.state.callDepth === 0 && sh.state.sourceDepth === 0) {
    await sh.error(`${name}: can only \`return' from a function or sourced script`);
    return 2;
  }
  const n = await numericArg(sh, name, args[0], sh.state.lastStatus);
  throw new ReturnSignal(n === null ? 2 : n & 255);
};

/** `exit [n]`: ends the shell (or subshell); an interactive shell says "exit" on stderr first. */
export const exitBuiltin: Builtin = async (sh, args, name) => {
  if (args.length > 1) {
    await sh.error(`${name}: too many arguments`);
    return 1;
  }
  if (sh.state.interactive) await writeOut(sh, name, "exit\n", 2);
  const n = await numericArg(sh, name, args[0], sh.state.lastStatus);
  throw new ExitSignal(n === null ? 2 : n & 255);
};
