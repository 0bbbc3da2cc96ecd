/**
 * Reads the parts of one word from a shared source cursor: literal text,
 * quotes, backslash escapes and `$`/backquote expansions. The same routine
 * serves every quoting context (unquoted words, double quotes, here-document
 * bodies, `${...}` arguments, `$(( ))`), selected by a mode; each mode
 * fixes which characters end the word and what a backslash escapes.
 * Command substitutions are handed back to the parser through
 * `Source.hooks`, which parses a nested list on the same cursor.
 */
import type { CommandList, WordPart } from "./ast.js";
import { readDollar } from "./dollar-reader.js";
import { ShellSyntaxError } from "./syntax-error.js";

/** Parser callbacks the word reader needs for command substitution. */
export interface ParserHooks {
  /** Parses a list on `src` up to and including the closing `)` of `$(`. */
  parseCommandSub(src: Source): CommandList;
  /** Parses the unescaped text of a backquoted substitution. */
  parseString(text: string, line: number): CommandList;
}

/** A cursor over script text, shared by the lexer, word reader and parser. */
export interface Source {
  text: string;
  pos: number;
  line: number;
  hooks: ParserHooks;
  /** Aliases to expand in command position (the text is edited in place as they expand). */
  aliases?: ReadonlyMap<string, string>;
  /** How many characters alias expansion has added before `pos` (original offset = pos - grown). */
  grown?: number;
  /**
   * The text may continue on later lines: a here-document without its
   * delimiter, or a line continuation at its very end, is an error that
   * more lines can fix (see isIncomplete), not the end of the input.
   */
  partial?: boolean;
}

/** Word-reading context: an unquoted word, ended by a blank or an operator character. */
export const MODE_UNQUOTED = 0;
/** Inside double quotes, ended by the closing quote. */
export const MODE_DQ = 1;
/** An unquoted here-document body: expansions as in double quotes, `"` is ordinary. */
export const MODE_HEREDOC = 2;
/** `${x-arg}` argument outside double quotes: blanks are literal, `}` ends. */
export const MODE_PARAM = 3;
/** `${x-arg}` argument inside double quotes. */
export const MODE_PARAM_DQ = 4;
/** `${x/pat/rep}` pattern: like MODE_PARAM but `/` also ends. */
export const MODE_PARAM_PAT = 5;
/** `$(( ))` and `(( ))`: ends at an unbalanced `)`. */
export const MODE_ARITH = 7;
/** `${x:off:len}` offset: ends at `:` or `}`. */
export const MODE_PARAM_OFFSET = 8;
/** One clause of `for (( ; ; ))`: arithmetic that also ends at a `;` outside parentheses. */
export const MODE_ARITH_FOR = 9;

const SPACE = 32, TAB = 9, NL = 10, SEMI = 59, AMP = 38, PIPE = 124, LPAREN = 40, RPAREN = 41;
const LT = 60, GT = 62, SQUOTE = 39, DQUOTE = 34, BSLASH = 92, DOLLAR = 36, BQUOTE = 96;
const RBRACE = 125, SLASH = 47, COLON = 58;

function isMeta(c: number): boolean {
  return c === SPACE || c === TAB || c === NL || c === SEMI || c === AMP || c === PIPE ||
    c === LPAREN || c === RPAREN || c === LT || c === GT;
}

/** Whether `c` may start a variable name. */
export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Whether `c` may continue a variable name. */
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** Whether `c` is an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Appends literal (or escaped) text, merging it into a preceding part of the same kind. */
export function pushLit(parts: WordPart[], text: string, type: "lit" | "esc" = "lit"): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/** Whether `mode` is a double-quoted context. */
export function isQuotedMode(mode: number): boolean {
  return mode === MODE_DQ || mode === MODE_HEREDOC || mode === MODE_PARAM_DQ;
}

/** Whether `c` ends a word in `mode` (at paren depth `depth` for arithmetic). */
function endsWord(mode: number, c: number, depth: number): boolean {
  switch (mode) {
    case MODE_UNQUOTED: return isMeta(c);
    case MODE_DQ: return c === DQUOTE;
    case MODE_HEREDOC: return false;
    case MODE_PARAM: case MODE_PARAM_DQ: return c === RBRACE;
    case MODE_PARAM_PAT: return c === RBRACE || c === SLASH;
    case MODE_PARAM_OFFSET: return c === RBRACE || c === COLON;
    case MODE_ARITH_FOR: return (c === RPAREN || c === SEMI) && depth === 0;
    default: return c === RPAREN && depth === 0;
  }
}

/** Characters a backslash escapes inside double quotes (and here-documents). */
function dqEscapes(c: number, mode: number): boolean {
  if (c === DOLLAR || c === BQUOTE || c === BSLASH || c === NL) return true;
  if (c === DQUOTE) return mode !== MODE_HEREDOC;
  if (c === RBRACE) return mode === MODE_PARAM_DQ;
  return false;
}

/** Reads word parts from `src.pos` until the mode's terminator (not consumed) or end of text. */
export function readWordParts(src: Source, mode: number): WordPart[] {
  const parts: WordPart[] = [];
  const text = src.text;
  const quoted = isQuotedMode(mode);
  let depth = 0;
  let runStart = src.pos;
  const flush = (): void => {
    if (src.pos > runStart) pushLit(parts, text.slice(runStart, src.pos));
  };
  const wordStart = src.pos;
  while (src.pos < text.length) {
    const c = text.charCodeAt(src.pos);
    if (endsWord(mode, c, depth)) {
      // bash's extended glob `@(a|b)` (and `?( *( +( !(`): the group is part of the word.
      if (c === LPAREN && mode === MODE_UNQUOTED && src.pos > runStart && EXTGLOB_PREFIX.includes(text[src.pos - 1]!)) {
        src.pos = extglobEnd(src);
        continue;
      }
      // bash's process substitution `<(list)` / `>(list)` is a word of its own.
      if (mode !== MODE_UNQUOTED || src.pos !== wordStart || (c !== LT && c !== GT) || text.charCodeAt(src.pos + 1) !== LPAREN) break;
      const output = c === GT;
      src.pos += 2;
      parts.push({ type: "procsub", output, body: src.hooks.parseCommandSub(src) });
      runStart = src.pos;
      continue;
    }
    if (c === BSLASH) {
      flush();
      const n = text.charCodeAt(src.pos + 1);
      if (n === NL) {
        if (src.partial && src.pos + 2 === text.length) throw new ShellSyntaxError("unexpected end of file", src.line);
        src.pos += 2;
        src.line++;
      } else if (src.pos + 1 >= text.length) {
        pushLit(parts, "\\", quoted ? "lit" : "esc");
        src.pos++;
      } else if (!quoted || dqEscapes(n, mode)) {
        pushLit(parts, text[src.pos + 1]!, "esc");
        src.pos += 2;
      } else {
        pushLit(parts, "\\");
        src.pos++;
      }
      runStart = src.pos;
      continue;
    }
    if (c === DOLLAR) {
      flush();
      readDollar(src, parts, mode);
      runStart = src.pos;
      continue;
    }
    if (c === BQUOTE) {
      flush();
      parts.push(readBackquote(src, quoted));
      runStart = src.pos;
      continue;
    }
    if (!quoted && c === SQUOTE) {
      flush();
      parts.push({ type: "sq", text: readSingleQuoted(src) });
      runStart = src.pos;
      continue;
    }
    if (c === DQUOTE && (!quoted || mode === MODE_PARAM_DQ)) {
      flush();
      const startLine = src.line;
      src.pos++;
      const inner = readWordParts(src, MODE_DQ);
      if (src.pos >= text.length) throw new ShellSyntaxError("unterminated quoted string", startLine);
      src.pos++;
      parts.push({ type: "dq", parts: inner });
      runStart = src.pos;
      continue;
    }
    if (c === NL) src.line++;
    else if (mode === MODE_ARITH || mode === MODE_ARITH_FOR) {
      if (c === LPAREN) depth++;
      else if (c === RPAREN) depth--;
    }
    src.pos++;
  }
  flush();
  return parts;
}

/** Characters that make a following `(` open an extended glob group. */
const EXTGLOB_PREFIX = "?*+@!";

/** The offset after the `)` closing the extended glob group whose `(` is at `src.pos`. */
function extglobEnd(src: Source): number {
  const text = src.text;
  let depth = 0;
  for (let i = src.pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BSLASH) i++;
    else if (c === LPAREN) depth++;
    else if (c === RPAREN && --depth === 0) return i + 1;
    else if (c === NL) break;
  }
  throw new ShellSyntaxError("unterminated extended glob", src.line);
}

/** Reads `'...'` starting at the opening quote; returns the text between the quotes. */
function readSingleQuoted(src: Source): string {
  const startLine = src.line;
  const end = src.text.indexOf("'", src.pos + 1);
  if (end < 0) throw new ShellSyntaxError("unterminated quoted string", startLine);
  const body = src.text.slice(src.pos + 1, end);
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === NL) src.line++;
  src.pos = end + 1;
  return body;
}

/** Reads `` `...` `` starting at the opening backquote. */
function readBackquote(src: Source, inDq: boolean): WordPart {
  const startLine = src.line;
  const text = src.text;
  let i = src.pos + 1;
  let body = "";
  let runStart = i;
  for (;;) {
    if (i >= text.length) throw new ShellSyntaxError("unterminated command substitution", startLine);
    const c = text.charCodeAt(i);
    if (c === BQUOTE) break;
    if (c === BSLASH) {
      const n = text.charCodeAt(i + 1);
      if (n === DOLLAR || n === BQUOTE || n === BSLASH || (inDq && n === DQUOTE)) {
        body += text.slice(runStart, i);
        runStart = i + 1;
        i += 2;
        continue;
      }
    }
    if (c === NL) src.line++;
    i++;
  }
  body += text.slice(runStart, i);
  src.pos = i + 1;
  return { type: "cmdsub", body: src.hooks.parseString(body, startLine), backquote: true };
}

/**
 * A here-document delimiter from its source text: quote removal applied,
 * and whether any part of it was quoted (which turns off expansion).
 */
export function heredocDelimiter(raw: string): { text: string; quoted: boolean } {
  let text = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "'") {
      const end = raw.indexOf("'", i + 1);
      text += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
      quoted = true;
    } else if (ch === '"') {
      quoted = true;
      for (i++; i < raw.length && raw[i] !== '"'; i++) {
        if (raw[i] === "\\" && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1]!)) i++;
        text += raw[i];
      }
    } else if (ch === "\\" && i + 1 < raw.length) {
      quoted = true;
      text += raw[++i];
    } else {
      text += ch;
    }
  }
  return { text, quoted };
}
