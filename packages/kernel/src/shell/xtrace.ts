/**
 * `set -x` output: each line prefixed by PS4, whose first character is
 * repeated once more for each level of `eval` or command substitution the
 * command runs in (`++ echo` inside `$(...)`), as bash shows it. It goes
 * to the shell's stderr as it was before the command's own redirections.
 */
import { ShellAborted } from "./control-flow.js";
import type { Interpreter } from "./interpreter.js";
import type { SavedFd } from "./redirect.js";

/** Prints one trace line (`saved`: the command's redirections, to write past them). */
export async function traceLine(sh: Interpreter, line: string, saved: SavedFd[] = []): Promise<void> {
  const ps4 = sh.state.get("PS4") ?? "+ ";
  const stderr = saved.find((s) => s.fd === 2);
  if (stderr !== undefined && stderr.saved < 0) return;
  try {
    await sh.write(stderr?.saved ?? 2, `${ps4.slice(0, 1).repeat(sh.state.traceLevel)}${ps4}${line}\n`);
  } catch (err) {
    if (err instanceof ShellAborted) throw err;
  }
}

/** Prints a trace line when `set -x` is on. */
export async function traceIfOn(sh: Interpreter, line: () => string): Promise<void> {
  if (sh.state.options.xtrace) await traceLine(sh, line());
}
