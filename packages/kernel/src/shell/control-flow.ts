/**
 * Typed non-local exits of the interpreter. `break`, `continue`, `return`
 * and `exit` unwind the JavaScript stack as exceptions up to the construct
 * that handles them; `ShellFatal` ends the shell process (an expansion
 * error or a failed special builtin in a non-interactive shell);
 * `CommandFailure` fails just the current command (bash's failglob);
 * `InterruptSignal` abandons an interactive shell's command line (Ctrl-C);
 * `ShellAborted` unwinds a process that has been killed.
 */

/** `break n`: leave `levels` enclosing loops. */
export class BreakSignal {
  constructor(public levels: number) {}
}

/** `continue n`: next iteration of the `levels`-th enclosing loop. */
export class ContinueSignal {
  constructor(public levels: number) {}
}

/** `return [n]` from a function or a sourced script. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit [n]`, or the end of the shell for another reason. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** An error that ends a non-interactive shell with `status` (its message already printed). */
export class ShellFatal {
  constructor(readonly status: number) {}
}

/** The current command cannot run (its message already printed); it fails with `status`. */
export class CommandFailure {
  constructor(readonly status: number) {}
}

/** An interactive shell's SIGINT: abandon the command line and return to the prompt. */
export class InterruptSignal {}

/** The process was killed: stop without touching anything else. */
export class ShellAborted {}
