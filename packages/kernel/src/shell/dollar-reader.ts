/**
 * Reads what follows a `$` in a word: `$name`, `$1`, `$?` and the other
 * special parameters, `${...}` with its operators, `$( )` (parsed by the
 * parser through `Source.hooks`), `$(( ))`, bash's `$'...'`, `$"..."` and `$[ ]`.
 * A `$` that starts none of these is a literal dollar sign.
 */
import type { ParamOp, ParamPart, Word, WordPart } from "./ast.js";
import { rawByteChar } from "./bytes.js";
import { ShellSyntaxError } from "./syntax-error.js";
import {
  isDigit, isNameChar, isNameStart, isQuotedMode, MODE_ARITH, MODE_PARAM, MODE_PARAM_DQ, MODE_PARAM_OFFSET, MODE_PARAM_PAT,
  pushLit, readWordParts, type Source,
} from "./word-reader.js";

const LPAREN = 40, RPAREN = 41, SQUOTE = 39, DQUOTE = 34, DOLLAR = 36, RBRACE = 125, LBRACE = 123;

/** Reads a `$` expansion (or a literal `$`) at `src.pos` into `parts`. */
export function readDollar(src: Source, parts: WordPart[], mode: number): void {
  const text = src.text;
  const c = text.charCodeAt(src.pos + 1);
  if (c === LPAREN) {
    if (text.charCodeAt(src.pos + 2) === LPAREN && looksLikeArith(text, src.pos + 3)) {
      src.pos += 3;
      const startLine = src.line;
      const expr = readWordParts(src, MODE_ARITH);
      if (text.charCodeAt(src.pos) !== RPAREN || text.charCodeAt(src.pos + 1) !== RPAREN) {
        throw new ShellSyntaxError("unterminated arithmetic expansion", startLine);
      }
      src.pos += 2;
      parts.push({ type: "arith", expr: { parts: expr } });
      return;
    }
    src.pos += 2;
    parts.push({ type: "cmdsub", body: src.hooks.parseCommandSub(src) });
    return;
  }
  if (c === LBRACE) {
    parts.push(readBracedParam(src, mode));
    return;
  }
  if (c === 91 /* [ */) {
    // bash's old `$[ expr ]` arithmetic.
    const startLine = src.line;
    src.pos++;
    const expr = readSubscript(src, startLine);
    if (typeof expr === "string") throw new ShellSyntaxError("bad substitution", startLine);
    parts.push({ type: "arith", expr });
    return;
  }
  if (isNameStart(c)) {
    let end = src.pos + 2;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    parts.push(simpleParam(text.slice(src.pos + 1, end)));
    src.pos = end;
    return;
  }
  if (isDigit(c) || isSpecialParam(c)) {
    parts.push(simpleParam(text[src.pos + 1]!));
    src.pos += 2;
    return;
  }
  if (c === SQUOTE && !isQuotedMode(mode)) {
    src.pos++;
    const raw = readSingleQuotedAnsi(src);
    parts.push({ type: "sq", text: raw });
    return;
  }
  if (c === DQUOTE && !isQuotedMode(mode)) {
    src.pos++;
    return;
  }
  pushLit(parts, "$");
  src.pos++;
}

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ !
  return c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === DOLLAR || c === 33;
}

function simpleParam(name: string): ParamPart {
  return { type: "param", name, length: false, op: null, colon: false, arg: null, arg2: null };
}

/** Whether the text after `$((` closes with `))` (arithmetic) rather than `) )` (a subshell). */
function looksLikeArith(text: string, from: number): boolean {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LPAREN) depth++;
    else if (c === RPAREN) {
      if (depth === 0) return text.charCodeAt(i + 1) === RPAREN;
      depth--;
    } else if (c === SQUOTE) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return false;
      i = end;
    }
  }
  return false;
}

const ANSI_ESCAPES: Record<string, string> = {
  a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  "\\": "\\", "'": "'", '"': '"', "?": "?",
};

/** Reads bash's `$'...'` starting at the quote; returns the decoded text. */
function readSingleQuotedAnsi(src: Source): string {
  const text = src.text;
  const startLine = src.line;
  let i = src.pos + 1;
  for (;;) {
    if (i >= text.length) throw new ShellSyntaxError("unterminated quoted string", startLine);
    const ch = text[i]!;
    if (ch === "'") break;
    if (ch === "\n") src.line++;
    i += ch === "\\" && i + 1 < text.length ? 2 : 1;
  }
  const body = text.slice(src.pos + 1, i);
  src.pos = i + 1;
  return decodeAnsiC(body);
}

/** Decodes the backslash escapes of `$'...'` (also bash's `${x@E}`). */
export function decodeAnsiC(text: string): string {
  if (text.indexOf("\\") < 0) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== "\\" || i + 1 >= text.length) {
      out += ch;
      i++;
      continue;
    }
    const e = text[i + 1]!;
    i += 2;
    if (ANSI_ESCAPES[e] !== undefined) {
      out += ANSI_ESCAPES[e];
    } else if (e >= "0" && e <= "7") {
      let digits = e;
      while (digits.length < 3 && text[i]! >= "0" && text[i]! <= "7") digits += text[i++];
      out += rawByteChar(parseInt(digits, 8) & 0xff);
    } else if (e === "x" || e === "u" || e === "U") {
      const max = e === "x" ? 2 : e === "u" ? 4 : 8;
      let digits = "";
      while (digits.length < max && /[0-9a-fA-F]/.test(text[i] ?? "")) digits += text[i++];
      out += digits === "" ? "\\" + e : e === "x" ? rawByteChar(parseInt(digits, 16)) : String.fromCodePoint(parseInt(digits, 16));
    } else if (e === "c" && i < text.length) {
      out += String.fromCharCode(text.charCodeAt(i++) & 0x1f);
    } else {
      out += "\\" + e;
    }
  }
  return out;
}

const PARAM_OPS = new Set(["-", "=", "?", "+"]);

/** Reads `${...}` starting at the `$`. */
function readBracedParam(src: Source, mode: number): ParamPart {
  const text = src.text;
  const startLine = src.line;
  const inDq = isQuotedMode(mode);
  src.pos += 2;
  const part = simpleParam("");
  const c0 = text.charCodeAt(src.pos);
  if (c0 === 33 /* ! */ && text.charCodeAt(src.pos + 1) !== RBRACE) {
    // bash: ${!name} (indirection) and ${!prefix*} / ${!prefix@} (variable names).
    const nameEnd = scanParamName(text, src.pos + 1);
    if (nameEnd > src.pos + 1) {
      const after = text[nameEnd];
      if ((after === "*" || after === "@") && text.charCodeAt(nameEnd + 1) === RBRACE && isNameStart(text.charCodeAt(src.pos + 1))) {
        part.name = text.slice(src.pos + 1, nameEnd);
        part.names = after;
        src.pos = nameEnd + 2;
        return part;
      }
      part.indirect = true;
      src.pos++;
    }
  }
  if (c0 === 35 /* # */) {
    const n = text.charCodeAt(src.pos + 1);
    const nameEnd = scanParamName(text, src.pos + 1);
    if (n !== RBRACE && nameEnd > src.pos + 1 && (text.charCodeAt(nameEnd) === RBRACE || (text[nameEnd] === "[" && isNameStart(n)))) {
      part.length = true;
      src.pos++;
    } else if (nameEnd > src.pos + 1 && n !== RBRACE && !PARAM_OPS.has(text[src.pos + 1]!) && text[src.pos + 1] !== ":") {
      throw new ShellSyntaxError("bad substitution", startLine);
    }
  }
  const nameEnd = scanParamName(text, src.pos);
  if (nameEnd === src.pos) throw new ShellSyntaxError("bad substitution", startLine);
  part.name = text.slice(src.pos, nameEnd);
  src.pos = nameEnd;
  if (text[src.pos] === "[" && isNameStart(part.name.charCodeAt(0))) part.index = readSubscript(src, startLine);
  const c = text.charCodeAt(src.pos);
  if (c === RBRACE) {
    src.pos++;
    return part;
  }
  if (part.length) throw new ShellSyntaxError("bad substitution", startLine);
  const argMode = inDq ? MODE_PARAM_DQ : MODE_PARAM;
  let op = text[src.pos]!;
  if (op === ":") {
    const next = text[src.pos + 1]!;
    if (PARAM_OPS.has(next)) {
      part.colon = true;
      op = next;
      src.pos++;
    } else {
      src.pos++;
      part.op = "substr";
      part.arg = { parts: readWordParts(src, MODE_PARAM_OFFSET) };
      if (text[src.pos] === ":") {
        src.pos++;
        part.arg2 = { parts: readWordParts(src, MODE_PARAM_OFFSET) };
      }
      return closeParam(src, part, startLine);
    }
  }
  if (PARAM_OPS.has(op)) {
    src.pos++;
    part.op = op as ParamOp;
    part.arg = { parts: readWordParts(src, argMode) };
    return closeParam(src, part, startLine);
  }
  if (op === "%" || op === "#" || op === "^" || op === "," || op === "~") {
    const doubled = text[src.pos + 1] === op;
    src.pos += doubled ? 2 : 1;
    part.op = (doubled ? op + op : op) as ParamOp;
    part.arg = { parts: readWordParts(src, MODE_PARAM) };
    return closeParam(src, part, startLine);
  }
  if (op === "@" && /^[QEPAaUuLKk]\}/.test(text.slice(src.pos + 1, src.pos + 3))) {
    // bash's transformations: ${x@Q} and the rest.
    part.op = "@";
    part.arg = { parts: [{ type: "lit", text: text[src.pos + 1]! }] };
    src.pos += 2;
    return closeParam(src, part, startLine);
  }
  if (op === "/") {
    src.pos++;
    const n = text[src.pos];
    part.op = "/";
    if (n === "/" || n === "#" || n === "%") {
      part.op = ("/" + n) as ParamOp;
      src.pos++;
    }
    part.arg = { parts: readWordParts(src, MODE_PARAM_PAT) };
    if (text[src.pos] === "/") {
      src.pos++;
      // As in bash, quotes in the replacement are quotes even inside double quotes.
      part.arg2 = { parts: readWordParts(src, MODE_PARAM) };
    }
    return closeParam(src, part, startLine);
  }
  throw new ShellSyntaxError("bad substitution", startLine);
}

function closeParam(src: Source, part: ParamPart, startLine: number): ParamPart {
  if (src.text.charCodeAt(src.pos) !== RBRACE) {
    throw new ShellSyntaxError(src.pos >= src.text.length ? "unterminated parameter expansion" : "bad substitution", startLine);
  }
  src.pos++;
  return part;
}

/** End of a parameter name at `from`: an identifier, a run of digits, or one special character. */
function scanParamName(text: string, from: number): number {
  const c = text.charCodeAt(from);
  let i = from;
  if (isNameStart(c)) {
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return i;
  }
  if (isDigit(c)) {
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    return i;
  }
  return isSpecialParam(c) ? from + 1 : from;
}

/** Reads `[subscript]` at `src.pos`: "@", "*", or the subscript as a word (expanded, then evaluated as arithmetic). */
export function readSubscript(src: Source, startLine: number): Word | "@" | "*" {
  const text = src.text;
  let depth = 0;
  let i = src.pos + 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[") depth++;
    else if (ch === "]") {
      if (depth === 0) break;
      depth--;
    } else if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) break;
      i = close;
    }
  }
  if (i >= text.length) throw new ShellSyntaxError("unterminated array subscript", startLine);
  const inner = text.slice(src.pos + 1, i);
  src.pos = i + 1;
  if (inner === "@" || inner === "*") return inner;
  const sub: Source = { text: inner, pos: 0, line: startLine, hooks: src.hooks };
  return { parts: readWordParts(sub, MODE_ARITH) };
}
