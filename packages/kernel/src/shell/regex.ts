/**
 * bash's `[[ text =~ regex ]]`: a POSIX extended regular expression,
 * translated to a JavaScript RegExp. The differences that matter are
 * bracket expressions (character classes such as `[[:digit:]]`, a `]`
 * written first, a backslash that is an ordinary character) and escapes:
 * `\.` is a literal dot, and the GNU escapes `\w \s \b \< \>` keep their
 * meaning. Quoted parts of the word reach here already backslash-escaped,
 * so they match literally.
 */
import { CLASSES } from "./pattern.js";

const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 256;

/** The RegExp for an ERE (case-insensitive with `ignoreCase`); throws SyntaxError when it is malformed. */
export function ereRegExp(source: string, ignoreCase = false): RegExp {
  const key = (ignoreCase ? "i" : "s") + source;
  let re = compiled.get(key);
  if (re === undefined) {
    re = new RegExp(translate(source), ignoreCase ? "i" : "");
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/** Escapes `text` so that it matches itself in an ERE. */
export function escapeEre(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

function translate(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[++i];
      if (next === undefined) throw new SyntaxError("trailing backslash");
      if ("wWsSbB".includes(next)) out += "\\" + next;
      else if (next === "<" || next === ">") out += "\\b";
      else out += /[A-Za-z0-9]/.test(next) ? next : "\\" + next;
    } else if (ch === "[") {
      const end = bracketEnd(source, i);
      if (end < 0) throw new SyntaxError("unterminated bracket expression");
      out += bracket(source.slice(i + 1, end));
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The index of the `]` that closes the bracket expression opened at `start`, or -1. */
function bracketEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === "^") i++;
  if (source[i] === "]") i++;
  for (; i < source.length; i++) {
    if (source[i] === "]") return i;
    if (source[i] === "[" && ":.=".includes(source[i + 1] ?? "")) {
      const close = source.indexOf(source[i + 1]! + "]", i + 2);
      if (close >= 0) i = close + 1;
    }
  }
  return -1;
}

/** A bracket expression's inside as a JavaScript character class. */
function bracket(body: string): string {
  let out = "";
  const first = body[0] === "^" ? 1 : 0;
  if (first === 1) out += "^";
  for (let i = first; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "[" && ":.=".includes(body[i + 1] ?? "")) {
      const kind = body[i + 1]!;
      const close = body.indexOf(kind + "]", i + 2);
      const name = body.slice(i + 2, close);
      if (kind === ":") out += CLASSES[name] ?? "";
      else out += escapeClass(name);
      i = close + 1;
    } else if (ch === "-" && i > first && i < body.length - 1) {
      out += "-";
    } else {
      out += escapeClass(ch);
    }
  }
  return `[${out}]`;
}

function escapeClass(text: string): string {
  return text.replace(/[\\\]\[^-]/g, "\\$&");
}
