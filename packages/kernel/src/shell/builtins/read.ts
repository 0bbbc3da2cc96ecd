/**
 * `read [-ers] [-p prompt] [-d delim] [-n|-N count] [-t secs] [-u fd] [-a array] [name...]`:
 * reads one line from stdin (or fd) and splits it by IFS into the named
 * variables (REPLY when none), the last taking the rest of the line. Without -r a backslash
 * quotes the next character and backslash-newline continues the line.
 * From a pipe it reads one byte at a time so that nothing after the line
 * is consumed; from a file it reads ahead and seeks back. Status 1 at end
 * of file, 142 when the -t timeout passes first (what was read is kept),
 * 128 + n when a signal n the shell catches arrives while it waits (no
 * variable is set; the trap runs next).
 * `-N` reads exactly that many characters, delimiters included, and
 * assigns them unsplit. The `-p` prompt goes to stderr only when the input
 * is a terminal, as in bash. `-s` (no echo) and `-e` (line editing)
 * change nothing here: the terminal side does the editing.
 */
import { SEEK_CUR } from "../../constants.js";
import { isKernelError, strerror } from "../../errors.js";
import { decodeBytes } from "../bytes.js";
import { ShellAborted } from "../control-flow.js";
import { ReadonlyError } from "../state.js";
import type { Interpreter } from "../interpreter.js";
import type { Builtin } from "./index.js";
import { isName, writeOut } from "./output.js";

/** One character of input and whether a backslash quoted it. */
interface InChar {
  ch: string;
  quoted: boolean;
}

function isTerminal(sh: Interpreter, fd: number): boolean {
  try {
    return sh.ki.isatty(sh.pid, fd);
  } catch {
    return false;
  }
}

/** How a read ended: at the delimiter (or count), at end of input, at the `-t` deadline, or by a caught signal. */
type RecordEnd = "delimiter" | "eof" | "timeout" | "signal";

/** Options of one record read. */
interface RecordOptions {
  fd: number;
  delim: number;
  /** Most characters to read (`-n`), or -1. */
  max: number;
  raw: boolean;
  /** `-t`: performance.now() deadline, or null. */
  deadline: number | null;
}

/**
 * Waits until `fd` has input (or end of file): "ready"; until the deadline
 * passes: "timeout"; or until a signal the shell catches arrives: "signal".
 */
async function waitForInput(sh: Interpreter, fd: number, deadline: number | null): Promise<Exclude<RecordEnd, "delimiter" | "eof"> | "ready"> {
  for (;;) {
    if (sh.ki.fdPoll(sh.pid, fd).readable) return "ready";
    const remaining = deadline === null ? 0 : deadline - performance.now();
    if (deadline !== null && remaining <= 0) return "timeout";
    const wake = sh.signals.wakeup;
    const abort = deadline === null ? wake : AbortSignal.any([wake, AbortSignal.timeout(Math.ceil(remaining))]);
    // Resolves when the descriptor is ready or the wait is cut short; the loop tells which.
    await sh.ki.fdWaitReady(sh.pid, fd, "read", abort);
    if (sh.signal.aborted) throw new ShellAborted();
    if (wake.aborted) return "signal";
  }
}

/** Reads raw bytes up to and excluding the delimiter (or `max` characters). */
async function readRecord(sh: Interpreter, o: RecordOptions): Promise<{ bytes: number[]; end: RecordEnd }> {
  const ki = sh.ki;
  const bytes: number[] = [];
  let seekable = false;
  try {
    seekable = ki.fdStat(sh.pid, o.fd).filetype === "file";
  } catch {
    seekable = false;
  }
  const seekBack = (used: number, length: number): void => {
    if (seekable && used < length) ki.fdSeek(sh.pid, o.fd, BigInt(used - length), SEEK_CUR);
  };
  let escaped = false;
  for (;;) {
    const ready = await waitForInput(sh, o.fd, o.deadline);
    if (ready !== "ready") return { bytes, end: ready };
    const chunk = await ki.fdRead(sh.pid, o.fd, seekable ? 512 : 1);
    if (chunk.length === 0) return { bytes, end: "eof" };
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (!escaped && b === o.delim) {
        seekBack(i + 1, chunk.length);
        return { bytes, end: "delimiter" };
      }
      bytes.push(b);
      escaped = !o.raw && !escaped && b === 92;
      if (o.max >= 0 && countChars(bytes) >= o.max) {
        seekBack(i + 1, chunk.length);
        return { bytes, end: "delimiter" };
      }
    }
  }
}

function countChars(bytes: number[]): number {
  let n = 0;
  for (const b of bytes) if ((b & 0xc0) !== 0x80) n++;
  return n;
}

/** Applies backslash processing (unless raw): `\x` → quoted x, backslash-newline removed. */
function unescape(text: string, raw: boolean): InChar[] {
  const out: InChar[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!raw && ch === "\\") {
      if (i + 1 < text.length) {
        i++;
        if (text[i] !== "\n") out.push({ ch: text[i]!, quoted: true });
      }
      continue;
    }
    out.push({ ch, quoted: false });
  }
  return out;
}

function joinChars(chars: InChar[]): string {
  let s = "";
  for (const c of chars) s += c.ch;
  return s;
}

/** Splits the input among `count` variables by IFS, the last one taking the rest. */
export function splitForRead(chars: InChar[], ifs: string, count: number): string[] {
  const isWs = (c: InChar): boolean => !c.quoted && (c.ch === " " || c.ch === "\t" || c.ch === "\n") && ifs.includes(c.ch);
  const isSep = (c: InChar): boolean => !c.quoted && ifs.includes(c.ch);
  let start = 0;
  let end = chars.length;
  while (start < end && isWs(chars[start]!)) start++;
  while (end > start && isWs(chars[end - 1]!)) end--;
  const values: string[] = [];
  let i = start;
  for (let v = 0; v < count - 1; v++) {
    if (i >= end) {
      values.push("");
      continue;
    }
    const fieldStart = i;
    while (i < end && !isSep(chars[i]!)) i++;
    values.push(joinChars(chars.slice(fieldStart, i)));
    while (i < end && isWs(chars[i]!)) i++;
    if (i < end && isSep(chars[i]!)) {
      i++;
      while (i < end && isWs(chars[i]!)) i++;
    }
  }
  let rest = chars.slice(i, end);
  const last = rest[rest.length - 1];
  if (last !== undefined && isSep(last) && !isWs(last)) {
    const inner = rest.slice(0, -1);
    if (!inner.some(isSep)) rest = inner;
  }
  values.push(joinChars(rest));
  return values;
}

/** Every IFS field of the input (for `read -a`). */
export function splitAllForRead(chars: InChar[], ifs: string): string[] {
  const isWs = (c: InChar): boolean => !c.quoted && (c.ch === " " || c.ch === "\t" || c.ch === "\n") && ifs.includes(c.ch);
  const isSep = (c: InChar): boolean => !c.quoted && ifs.includes(c.ch);
  const fields: string[] = [];
  const n = chars.length;
  let i = 0;
  while (i < n && isWs(chars[i]!)) i++;
  while (i < n) {
    const start = i;
    while (i < n && !isSep(chars[i]!)) i++;
    fields.push(joinChars(chars.slice(start, i)));
    while (i < n && isWs(chars[i]!)) i++;
    if (i < n && isSep(chars[i]!)) {
      i++;
      while (i < n && isWs(chars[i]!)) i++;
    }
  }
  return fields;
}

/** `read [options] [name...]`. */
export const readBuiltin: Builtin = async (sh, args, name) => {
  let raw = false;
  let delim = 10;
  let max = -1;
  let fd = 0;
  let arrayName: string | null = null;
  let timeout: number | null = null;
  let prompt: string | null = null;
  let exact = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (f === "r") raw = true;
      else if (f === "s" || f === "e") continue;
      else if (f === "p" || f === "d" || f === "n" || f === "N" || f === "t" || f === "u" || f === "a" || f === "i") {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) {
          await sh.error(`${name}: -${f}: option requires an argument`);
          return 2;
        }
        const number = Number(value);
        if (f === "p") prompt = value;
        else if (f === "a") arrayName = value;
        else if (f === "d") delim = value === "" ? 0 : value.charCodeAt(0);
        else if (f === "n" || f === "N" || f === "u" || f === "t") {
          if (value.trim() === "" || !Number.isFinite(number) || number < 0 || (f !== "t" && !Number.isInteger(number))) {
            await sh.error(`${name}: ${value}: invalid ${f === "t" ? "timeout specification" : f === "u" ? "file descriptor specification" : "number"}`);
            return 2;
          }
          if (f === "n" || f === "N") max = number;
          if (f === "N") exact = true;
          else if (f === "u") fd = number;
          else timeout = number;
        }
        break;
      } else {
        await sh.error(`${name}: -${f}: invalid option`);
        return 2;
      }
    }
  }
  const names = args.slice(i);
  for (const n of arrayName === null ? names : [arrayName]) {
    if (!isName(n)) {
      await sh.error(`${name}: \`${n}': not a valid identifier`);
      return 1;
    }
  }
  if (prompt !== null && isTerminal(sh, fd)) await writeOut(sh, name, prompt, 2);
  if (exact) delim = -1;
  let record: { bytes: number[]; end: RecordEnd };
  try {
    const deadline = timeout === null ? null : performance.now() + timeout * 1000;
    record = await readRecord(sh, { fd, delim, max, raw, deadline });
  } catch (err) {
    if (sh.signal.aborted) throw new ShellAborted();
    if (!isKernelError(err)) throw err;
    await sh.error(`${name}: read error: ${fd}: ${strerror(err.code)}`);
    return 1;
  }
  if (record.end === "signal") return 128 + sh.signals.pendingSignal();
  const text = decodeBytes(Uint8Array.from(record.bytes));
  const chars = unescape(text, raw);
  if (arrayName !== null) {
    const fields = splitAllForRead(chars, sh.state.get("IFS") ?? " \t\n");
    try {
      sh.state.setArray(arrayName, fields.map((f) => [null, f]), false);
    } catch (err) {
      if (!(err instanceof ReadonlyError)) throw err;
      await sh.error(err.message);
      return 1;
    }
  } else if (names.length === 0 || exact) {
    await sh.assign(names[0] ?? "REPLY", joinChars(chars));
  } else {
    const values = splitForRead(chars, sh.state.get("IFS") ?? " \t\n", names.length);
    for (let k = 0; k < names.length; k++) await sh.assign(names[k]!, values[k] ?? "");
  }
  return record.end === "delimiter" ? 0 : record.end === "eof" ? 1 : 142;
};
