/**
 * The error the lexer and parser raise for malformed input. It carries the
 * line the problem was found on; the shell prints it as
 * `sh: line N: syntax error: ...` and exits with status 2.
 */

/** A syntax error at a given line of the script. */
export class ShellSyntaxError extends Error {
  /** 1-based line number where the error was detected. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = "ShellSyntaxError";
    this.line = line;
  }
}

/** Whether `err` means the text ended too soon: more lines could complete it. */
export function isIncomplete(err: ShellSyntaxError): boolean {
  return err.message === "unexpected end of file" || err.message.startsWith("unterminated");
}
