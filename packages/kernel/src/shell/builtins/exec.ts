/**
 * `exec [cmd args...]`. Without a command its redirections stay in effect
 * for the rest of the shell. With one, the command runs with the shell's
 * descriptors and the shell then exits with its status (the kernel has no
 * way to replace a running process's program, so this is how "replace"
 * looks from outside). A builtin named by exec runs in place. A command
 * that cannot be run ends a non-interactive shell (126/127), but not an
 * interactive one.
 */
import type { SimpleCommand } from "../ast.js";
import { ExitSignal } from "../control-flow.js";
import type { Interpreter } from "../interpreter.js";
import { applyRedirects } from "../redirect.js";
import { assignmentValues, spawnCommand } from "../simple-command.js";
import { waitChild } from "../subshell.js";
import { BUILTINS } from "./index.js";

/** Runs `exec` with its expanded arguments, prefix assignments and redirections. */
export async function runExec(sh: Interpreter, args: string[], cmd: SimpleCommand): Promise<number> {
  let argv = args;
  if (argv[0] === "--") argv = argv.slice(1);
  if (!(await applyRedirects(sh, cmd.redirects, null))) {
    if (argv.length === 0) return 1;
    throw new ExitSignal(1);
  }
  const values = await assignmentValues(sh, cmd.assigns);
  // As in bash, assignments before a bare `exec` do not outlive it.
  if (argv.length === 0) return sh.cmdSubStatus;
  for (const [n, v] of values) {
    await sh.assign(n, v);
    sh.state.export(n);
  }
  const builtin = BUILTINS.get(argv[0]!);
  if (builtin !== undefined) throw new ExitSignal(await builtin(sh, argv.slice(1), argv[0]!));
  const handle = await spawnCommand(sh, argv, sh.state.environment());
  // As in bash, an interactive shell survives a command exec cannot run.
  if (typeof handle === "number" && sh.state.interactive) return handle;
  throw new ExitSignal(typeof handle === "number" ? handle : await waitChild(sh, handle));
}
