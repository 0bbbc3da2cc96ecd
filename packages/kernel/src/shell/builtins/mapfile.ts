/**
 * bash's `mapfile` / `readarray [-t] [-n count] [-s skip] [-d delim]
 * [-u fd] [-O origin] [-C callback [-c quantum]] [array]`: reads lines
 * from stdin (or fd) into an indexed array (MAPFILE by default), one
 * element per line, with `-t` dropping the delimiter; `-O` puts them from
 * that index on without clearing the array first; `-C` runs the callback
 * with an element's index and line every `quantum` lines (5000 by
 * default). With `-n` it reads byte by byte so that nothing after the
 * last line it takes is consumed.
 */
import { isKernelError, strerror } from "../../errors.js";
import { decodeBytes } from "../bytes.js";
import { ShellAborted } from "../control-flow.js";
import { shellQuote } from "../simple-command.js";
import { ReadonlyError } from "../state.js";
import type { Builtin } from "./index.js";
import { isName } from "./output.js";

/** `mapfile [options] [array]` and `readarray`. */
export const mapfileBuiltin: Builtin = async (sh, args, name) => {
  let trim = false;
  let count = 0;
  let skip = 0;
  let delim = 10;
  let fd = 0;
  let origin: number | null = null;
  let callback: string | null = null;
  let quantum = 5000;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith("-") && args[i] !== "-"; i++) {
    const f = args[i]![1];
    if (f === "t") {
      trim = true;
      continue;
    }
    const value = args[i]!.length > 2 ? args[i]!.slice(2) : args[++i];
    if (value === undefined || !"nsduOCc".includes(f ?? "")) {
      await sh.error(`${name}: ${args[i] ?? ""}: invalid option`);
      return 2;
    }
    if (f === "d") delim = value === "" ? 0 : value.charCodeAt(0);
    else if (f === "C") callback = value;
    else if (!/^[0-9]+$/.test(value)) {
      await sh.error(`${name}: ${value}: invalid number`);
      return 1;
    } else if (f === "n") count = Number(value);
    else if (f === "s") skip = Number(value);
    else if (f === "O") origin = Number(value);
    else if (f === "c") quantum = Math.max(1, Number(value));
    else fd = Number(value);
  }
  const target = args[i] ?? "MAPFILE";
  if (!isName(target)) {
    await sh.error(`${name}: \`${target}': not a valid identifier`);
    return 1;
  }
  const lines: string[] = [];
  let current: number[] = [];
  let taken = 0;
  const finishLine = (withDelim: boolean): void => {
    if (taken++ >= skip) {
      if (withDelim && !trim) current.push(delim);
      lines.push(decodeBytes(Uint8Array.from(current)));
    }
    current = [];
  };
  try {
    reading: for (;;) {
      if (count > 0 && lines.length >= count) break;
      const chunk = await sh.ki.fdRead(sh.pid, fd, count > 0 ? 1 : 65536);
      if (chunk.length === 0) break;
      for (const b of chunk) {
        if (b !== delim) {
          current.push(b);
          continue;
        }
        finishLine(true);
        if (count > 0 && lines.length >= count) break reading;
      }
    }
  } catch (err) {
    if (sh.signal.aborted) throw new ShellAborted();
    if (!isKernelError(err)) throw err;
    await sh.error(`${name}: ${fd}: ${strerror(err.code)}`);
    return 1;
  }
  if (current.length > 0) finishLine(false);
  const start = origin ?? 0;
  if (callback !== null) {
    for (let k = quantum - 1; k < lines.length; k += quantum) await sh.evalString(`${callback} ${start + k} ${shellQuote(lines[k]!)}`);
  }
  try {
    sh.state.setArray(target, lines.map((l, k) => [start + k, l]), origin !== null);
  } catch (err) {
    if (!(err instanceof ReadonlyError)) throw err;
    await sh.error(err.message);
    return 1;
  }
  return 0;
};
