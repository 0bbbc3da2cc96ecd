/**
 * Output helpers for builtins: write to a descriptor and turn a failed
 * write into the usual `NAME: write error: REASON` message and status 1.
 */
import { isKernelError, strerror } from "../../errors.js";
import { ShellAborted } from "../control-flow.js";
import type { Interpreter } from "../interpreter.js";

/** Writes `data` to `fd` for builtin `name`; returns 0, or 1 after printing the write error. */
export async function writeOut(sh: Interpreter, name: string, data: string | Uint8Array, fd = 1): Promise<number> {
  try {
    await sh.write(fd, data);
    return 0;
  } catch (err) {
    if (err instanceof ShellAborted || sh.signal.aborted) throw new ShellAborted();
    if (!isKernelError(err)) throw err;
    await sh.error(`${name}: write error: ${strerror(err.code)}`);
    return 1;
  }
}

/** Whether `name` is a valid shell variable name. */
export function isName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
