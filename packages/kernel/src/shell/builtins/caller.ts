/**
 * bash's `caller [n]`: where the n-th enclosing function was called from,
 * as "LINE FUNCTION FILE" (with no argument, "LINE FILE" for the current
 * one). Like bash, it fails when no script file is being run (`sh -c`).
 */
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

export const callerBuiltin: Builtin = async (sh, args, name) => {
  const state = sh.state;
  const frame = args.length === 0 ? 0 : Number(args[0]);
  if (!Number.isInteger(frame) || frame < 0) {
    await sh.error(`${name}: ${args[0]}: invalid number`);
    return 2;
  }
  if (state.sources.length === 0 || frame >= state.funcNames.length) return 1;
  const line = state.callLines[frame]!;
  const file = state.sources[state.sources.length - 1]!;
  if (args.length === 0) return writeOut(sh, name, `${line} ${file}\n`);
  return writeOut(sh, name, `${line} ${state.funcNames[frame + 1] ?? "main"} ${file}\n`);
};
