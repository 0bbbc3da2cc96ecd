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

/** What `StdinLines.next` gives when its wait was cut short. */
export const INTERRUPTED = Symbol("interrupted");

/** Lines of fd 0. The bytes of a line not yet finished are kept across interrupted reads. */
export class StdinLines {
  private bytes: number[] = [];

  constructor(
    private readonly ki: KernelInterface,
    private readonly pid: number,
  ) {}

  /**
   * Reads one line (with its newline; the last line of the input may lack
   * it); null at end of input. With `interrupt`, a wait for input that it
   * aborts gives INTERRUPTED instead.
   */
  next(): Promise<string | null>;
  next(interrupt: AbortSignal): Promise<string | null | typeof INTERRUPTED>;
  async next(interrupt?: AbortSignal): Promise<string | null | typeof INTERRUPTED> {
    const { ki, pid } = this;
    let seekable = false;
    try {
      seekable = ki.fdStat(pid, 0).filetype === "file";
    } catch {
      return null;
    }
    for (;;) {
      if (interrupt?.aborted) return INTERRUPTED;
      if (interrupt !== undefined && !ki.fdPoll(pid, 0).readable) {
        await ki.fdWaitReady(pid, 0, "read", interrupt);
        if (interrupt.aborted) return INTERRUPTED;
      }
      const chunk = await ki.fdRead(pid, 0, seekable ? 4096 : 1);
      if (chunk.length === 0) return this.bytes.length === 0 ? null : this.take();
      const nl = chunk.indexOf(10);
      const end = nl < 0 ? chunk.length : nl + 1;
      for (let i = 0; i < end; i++) this.bytes.push(chunk[i]!);
      if (nl >= 0) {
        if (seekable && end < chunk.length) ki.fdSeek(pid, 0, BigInt(end - chunk.length), SEEK_CUR);
        return this.take();
      }
    }
  }

  /** Drops the start of a line read so far (Ctrl-C at a prompt). */
  discard(): void {
    this.bytes = [];
  }

  private take(): string {
    const line = decodeBytes(Uint8Array.from(this.bytes));
    this.bytes = [];
    return line;
  }
}

/** A parsed piece of the script, or a syntax error in it. */
export type ScriptPiece = { list: CommandList; source: string } | { error: ShellSyntaxError };

/**
 * Returns a function giving the script's next complete piece: lines are
 * added until they parse (or fail for a reason more lines cannot fix).
 */
export function stdinScript(ki: KernelInterface, pid: number, aliases: () => ReadonlyMap<string, string> | undefined): () => Promise<ScriptPiece | null> {
  const lines = new StdinLines(ki, pid);
  let line = 1;
  return async () => {
    let text = "";
    for (;;) {
      const next = await lines.next();
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
