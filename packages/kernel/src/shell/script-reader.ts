/**
 * A script read from the shell's stdin, one complete command at a time.
 * Lines are read without reading ahead of them (byte by byte from a pipe;
 * from a file in blocks, seeking back), so that a command the script runs
 * reads exactly the input after the lines the shell has consumed, as
 * POSIX asks of a shell reading commands from standard input.
 */
import { SEEK_CUR } from "../constants.js";
import type { KernelInterface } from "../types.js";
import type { CommandList } from "./ast.js";
import { decodeBytes } from "./bytes.js";
import { parseScript } from "./parser.js";
import { isIncomplete, ShellSyntaxError } from "./syntax-error.js";

/** Reads one line (with its newline) from fd 0; null at end of input. */
async function readLine(ki: KernelInterface, pid: number): Promise<string | null> {
  let seekable = false;
  try {
    seekable = ki.fdStat(pid, 0).filetype === "file";
  } catch {
    return null;
  }
  const bytes: number[] = [];
  for (;;) {
    const chunk = await ki.fdRead(pid, 0, seekable ? 4096 : 1);
    if (chunk.length === 0) return bytes.length === 0 ? null : decodeBytes(Uint8Array.from(bytes));
    const nl = chunk.indexOf(10);
    const end = nl < 0 ? chunk.length : nl + 1;
    for (let i = 0; i < end; i++) bytes.push(chunk[i]!);
    if (nl >= 0) {
      if (seekable && end < chunk.length) ki.fdSeek(pid, 0, BigInt(end - chunk.length), SEEK_CUR);
      return decodeBytes(Uint8Array.from(bytes));
    }
  }
}

/** A parsed piece of the script, or a syntax error in it. */
export type ScriptPiece = { list: CommandList; source: string } | { error: ShellSyntaxError };

/**
 * Returns a function giving the script's next complete piece: lines are
 * added until they parse (or fail for a reason more lines cannot fix).
 */
export function stdinScript(ki: KernelInterface, pid: number, aliases: () => ReadonlyMap<string, string> | undefined): () => Promise<ScriptPiece | null> {
  let line = 1;
  return async () => {
    let text = "";
    for (;;) {
      const next = await readLine(ki, pid);
      if (next === null && text === "") return null;
      if (next !== null) text += next;
      try {
        const list = parseScript(text, line, aliases(), next !== null);
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) line++;
        return { list, source: text };
      } catch (err) {
        if (!(err instanceof ShellSyntaxError)) throw err;
        if (next !== null && isIncomplete(err)) continue;
        return { error: err };
      }
    }
  };
}
