/**
 * `printf [-v var] format [args...]`: C-style conversions (`%d %i %o %u %x
 * %X %c %s %b %q %f %F %e %E %g %G %%`, and bash's `%(datefmt)T`) with flags, width and precision
 * (`*` takes them from the arguments). The format is reused while
 * arguments remain; missing arguments read as "" or 0. A numeric argument
 * that does not parse prints an error, uses what parsed, and makes the
 * status 1.
 */
import { backslashQuote } from "../quote.js";
import { decodeEscapes } from "./escapes.js";
import type { Builtin } from "./index.js";
import { assignTarget, isAssignTarget } from "../assign.js";
import { writeOut } from "./output.js";
import { strftime } from "./strftime.js";

interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
  conv: string;
}

/** State of one printf run: the arguments left and whether an argument was bad. */
class Args {
  index = 0;
  failed = false;
  errors: string[] = [];
  constructor(readonly list: string[]) {}

  next(): string | undefined {
    return this.index < this.list.length ? this.list[this.index++] : undefined;
  }

  /** Parses an integer argument: decimal, 0octal, 0xhex, or 'c for a character code. */
  integer(): bigint {
    const raw = this.next();
    if (raw === undefined || raw === "") return 0n;
    if (raw[0] === "'" || raw[0] === '"') return BigInt(raw.length > 1 ? raw.codePointAt(1)! : 0);
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(raw);
    if (m === null) {
      this.fail(`${raw}: invalid number`);
      return 0n;
    }
    let v = BigInt(m[2]!.length > 1 && m[2]![0] === "0" && !/^0[xX]/.test(m[2]!) ? "0o" + m[2]!.slice(1) : m[2]!);
    if (m[1] === "-") v = -v;
    if (m[0].length !== raw.length) this.fail(`${raw}: invalid number`);
    return BigInt.asIntN(64, v);
  }

  float(): number {
    const raw = this.next();
    if (raw === undefined || raw === "") return 0;
    if (raw[0] === "'" || raw[0] === '"') return raw.length > 1 ? raw.codePointAt(1)! : 0;
    const t = raw.trim();
    const v = /^[+-]?0[xX][0-9a-fA-F]+$/.test(t) ? Number.parseInt(t, 16) : Number(t);
    if (Number.isNaN(v) && !/^[+-]?nan$/i.test(t)) {
      this.fail(`${raw}: invalid number`);
      const prefix = /^\s*[+-]?[0-9]*\.?[0-9]*(e[+-]?[0-9]+)?/i.exec(raw);
      return prefix === null ? 0 : Number(prefix[0]) || 0;
    }
    return v;
  }

  private fail(message: string): void {
    this.failed = true;
    this.errors.push(message);
  }
}

/** Pads to the field width, which counts bytes as bash's (C's) printf does. */
function pad(text: string, spec: Spec, zeroOk: boolean): string {
  const width = spec.width ?? 0;
  const size = byteLength(text);
  if (size >= width) return text;
  if (spec.flags.includes("-")) return text + " ".repeat(width - size);
  if (zeroOk && spec.flags.includes("0")) {
    const sign = /^[+\- ]|^0[xX]/.exec(text)?.[0] ?? "";
    return sign + "0".repeat(width - size) + text.slice(sign.length);
  }
  return " ".repeat(width - size) + text;
}

/** The length of `text` in UTF-8 (a raw byte's escape character counts as one byte). */
function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc80 && c <= 0xdcff)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function formatInteger(v: bigint, spec: Spec): string {
  const conv = spec.conv;
  const unsigned = conv !== "d" && conv !== "i";
  const value = unsigned ? BigInt.asUintN(64, v) : v;
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let digits = conv === "o" ? abs.toString(8) : conv === "x" ? abs.toString(16) : conv === "X" ? abs.toString(16).toUpperCase() : abs.toString();
  if (spec.precision !== null) {
    if (spec.precision === 0 && abs === 0n) digits = "";
    else if (digits.length < spec.precision) digits = "0".repeat(spec.precision - digits.length) + digits;
  }
  if (spec.flags.includes("#") && abs !== 0n) {
    if (conv === "o" && !digits.startsWith("0")) digits = "0" + digits;
    else if (conv === "x") digits = "0x" + digits;
    else if (conv === "X") digits = "0X" + digits;
  }
  let sign = "";
  if (negative) sign = "-";
  else if (!unsigned && spec.flags.includes("+")) sign = "+";
  else if (!unsigned && spec.flags.includes(" ")) sign = " ";
  return pad(sign + digits, spec, spec.precision === null);
}

function formatFloat(v: number, spec: Spec): string {
  const conv = spec.conv;
  const upper = conv === "E" || conv === "G" || conv === "F";
  const alt = spec.flags.includes("#");
  let precision = spec.precision ?? 6;
  let body: string;
  if (!Number.isFinite(v)) {
    body = Number.isNaN(v) ? "nan" : "inf";
  } else if (conv === "f" || conv === "F") {
    body = Math.abs(v).toFixed(precision);
    if (alt && precision === 0) body += ".";
  } else if (conv === "e" || conv === "E") {
    body = exponential(Math.abs(v), precision, alt);
  } else {
    if (precision === 0) precision = 1;
    const abs = Math.abs(v);
    const exp = abs === 0 ? 0 : Math.floor(Math.log10(Number(abs.toExponential(precision - 1))));
    if (exp < -4 || exp >= precision) body = exponential(abs, precision - 1, alt);
    else body = abs.toFixed(Math.max(precision - 1 - exp, 0));
    if (!alt && body.includes(".")) body = body.replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1");
  }
  if (upper) body = body.toUpperCase();
  let sign = "";
  if (v < 0 || Object.is(v, -0)) sign = "-";
  else if (spec.flags.includes("+")) sign = "+";
  else if (spec.flags.includes(" ")) sign = " ";
  return pad(sign + body, spec, Number.isFinite(v));
}

function exponential(abs: number, precision: number, alt: boolean): string {
  const [mantissa, exp] = abs.toExponential(precision).split("e") as [string, string];
  const e = Number(exp);
  const m = alt && precision === 0 ? mantissa + "." : mantissa;
  return `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** bash's `%(format)T`: the argument (seconds since the epoch; none or -1 for now) as strftime formats it. */
function formatTime(m: RegExpExecArray, args: Args): string {
  const present = args.index < args.list.length;
  let seconds = present ? Number(args.integer()) : -1;
  if (seconds === -1 || seconds === -2) seconds = Math.floor(Date.now() / 1000);
  let text = strftime(m[4]!, seconds);
  if (m[3] !== undefined) text = text.slice(0, Number(m[3] || "0"));
  return pad(text, { flags: m[1]!, width: m[2] === undefined ? null : Number(m[2]), precision: null, conv: "T" }, false);
}

/** One pass over the format: its output, whether to stop (`\c` or a bad format), and how many conversions it has. */
interface Pass {
  out: string;
  stop: boolean;
  conversions: number;
  /** A malformed conversion, which ends printf with status 1. */
  error?: string;
}

const CONVERSIONS = "diouxXcsbqfFeEgGaA%";

/** Formats `format` once against `args`; `stop` is set when `%b` met `\c`. */
function formatOnce(format: string, args: Args): Pass {
  let out = "";
  let conversions = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    const literalEnd = pct < 0 ? format.length : pct;
    if (literalEnd > i) out += decodeEscapes(format.slice(i, literalEnd), "format").text;
    if (pct < 0) break;
    const time = /^%([-+ #0]*)([0-9]+)?(?:\.([0-9]*))?\(([^)]*)\)T/.exec(format.slice(pct));
    if (time !== null) {
      i = pct + time[0].length;
      conversions++;
      out += formatTime(time, args);
      continue;
    }
    const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?(?:hh|h|ll|l|L|j|z|t)?([\s\S])?/.exec(format.slice(pct))!;
    if (m[4] === undefined) return { out, stop: true, conversions, error: "`%': missing format character" };
    if (!CONVERSIONS.includes(m[4])) return { out, stop: true, conversions, error: `\`${m[4]}': invalid format character` };
    i = pct + m[0].length;
    if (m[4] === "%") {
      out += "%";
      continue;
    }
    conversions++;
    const spec: Spec = { flags: m[1]!, width: null, precision: null, conv: m[4]! };
    if (m[2] === "*") spec.width = Number(args.integer());
    else if (m[2] !== undefined) spec.width = Number(m[2]);
    if (spec.width !== null && spec.width < 0) {
      spec.flags += "-";
      spec.width = -spec.width;
    }
    if (m[3] === "*") spec.precision = Number(args.integer());
    else if (m[3] !== undefined) spec.precision = m[3] === "" ? 0 : Number(m[3]);
    if (spec.precision !== null && spec.precision < 0) spec.precision = null;
    switch (spec.conv) {
      case "d": case "i": case "o": case "u": case "x": case "X":
        out += formatInteger(args.integer(), spec);
        break;
      case "f": case "F": case "e": case "E": case "g": case "G": case "a": case "A":
        out += formatFloat(args.float(), spec.conv === "a" || spec.conv === "A" ? { ...spec, conv: "e" } : spec);
        break;
      case "c":
        out += pad([...(args.next() ?? "")][0] ?? "", spec, false);
        break;
      case "b": {
        const decoded = decodeEscapes(args.next() ?? "", "percent-b");
        out += pad(spec.precision === null ? decoded.text : decoded.text.slice(0, spec.precision), spec, false);
        if (decoded.stop) return { out, stop: true, conversions };
        break;
      }
      case "q":
        out += pad(backslashQuote(args.next() ?? ""), spec, false);
        break;
      default: {
        const s = args.next() ?? "";
        out += pad(spec.precision === null ? s : s.slice(0, spec.precision), spec, false);
      }
    }
  }
  return { out, stop: false, conversions };
}

/** `printf [-v var] format [args...]`. */
export const printfBuiltin: Builtin = async (sh, argv, name) => {
  let args = argv;
  let target: string | null = null;
  if (args[0] === "-v") {
    target = args[1] ?? "";
    if (!isAssignTarget(target)) {
      await sh.error(`printf: \`${target}': not a valid identifier`);
      return 2;
    }
    args = args.slice(2);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await sh.error("printf: usage: printf [-v var] format [arguments]");
    return 2;
  }
  const format = args[0]!;
  const rest = new Args(args.slice(1));
  let out = "";
  let formatError: string | undefined;
  for (;;) {
    const once = formatOnce(format, rest);
    out += once.out;
    formatError = once.error;
    if (once.stop || once.conversions === 0 || rest.index >= rest.list.length) break;
  }
  for (const message of rest.errors) await sh.error(`printf: ${message}`);
  if (formatError !== undefined) {
    await sh.error(`printf: ${formatError}`);
    rest.failed = true;
  }
  if (target !== null) {
    await assignTarget(sh, target, out);
    return rest.failed ? 1 : 0;
  }
  const status = await writeOut(sh, name, out);
  return status !== 0 ? status : rest.failed ? 1 : 0;
};
