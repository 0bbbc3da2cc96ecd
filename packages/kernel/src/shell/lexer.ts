/**
 * The token level of the shell grammar: operators, newlines, IO numbers and
 * words (whose insides `word-reader.ts` reads). Reserved words are not
 * decided here; the parser recognizes them from a word's plain text where
 * the grammar allows one. Here-document bodies are read right after the
 * newline that ends the line holding their `<<` operator.
 */
import type { HereDoc, Word, WordPart } from "./ast.js";
import { ShellSyntaxError } from "./syntax-error.js";
import { MODE_HEREDOC, MODE_UNQUOTED, readWordParts, type ParserHooks, type Source } from "./word-reader.js";

/** A token: an operator, a word, a newline, an IO number, or the end of input. */
export interface Token {
  kind: "op" | "word" | "newline" | "io" | "eof";
  /** The operator text, for `op`. */
  op: string;
  /** The word, for `word`. */
  word: Word | null;
  /** The word's text when it is one unquoted literal (a reserved-word candidate), else null. */
  text: string | null;
  /** The descriptor number, for `io`. */
  fd: number;
  /** Line the token starts on. */
  line: number;
  /** Offset where the token starts. */
  start: number;
  /** Offset just past the token. */
  end: number;
}

/** A token as a syntax error names it. */
export function describeToken(tok: Token): string {
  if (tok.kind === "eof") return "end of file";
  if (tok.kind === "newline") return "newline";
  if (tok.kind === "op") return `'${tok.op}'`;
  if (tok.kind === "io") return `'${tok.fd}'`;
  return `'${tok.text ?? "word"}'`;
}

/** A here-document waiting for its body. */
interface PendingHereDoc {
  doc: HereDoc;
  delimiter: string;
  stripTabs: boolean;
  line: number;
}

const OPERATORS = [
  ";;&", "<<-", "<<<", "&>>",
  "&&", "||", ";;", ";&", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "|&",
  "|", "&", ";", "(", ")", "<", ">",
];

const SPACE = 32, TAB = 9, NL = 10, HASH = 35, BSLASH = 92, LT = 60, GT = 62;

function isOperatorStart(c: number): boolean {
  return c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === LT || c === GT;
}

/** Tokenizes script text on demand. */
export class Lexer {
  readonly src: Source;
  private pending: PendingHereDoc[] = [];

  constructor(src: Source) {
    this.src = src;
  }

  /** A lexer over `text`, starting at line `line`. */
  static fromText(text: string, hooks: ParserHooks, line = 1, aliases?: ReadonlyMap<string, string>, partial = false): Lexer {
    return new Lexer({ text, pos: 0, line, hooks, aliases, partial });
  }

  /** Replaces the word token `tok` in the source by `value` and moves back to re-read from there (alias expansion). */
  substitute(tok: Token, value: string): void {
    const src = this.src;
    src.text = src.text.slice(0, tok.start) + value + src.text.slice(tok.end);
    src.grown = (src.grown ?? 0) + value.length - (tok.end - tok.start);
    src.pos = tok.start;
    src.line = tok.line;
  }

  /** Queues a here-document; its body is read after the next newline token. */
  addHereDoc(doc: HereDoc, delimiter: string, stripTabs: boolean, line: number): void {
    this.pending.push({ doc, delimiter, stripTabs, line });
  }

  /** Whether here-documents are still waiting for their bodies. */
  hasPendingHereDocs(): boolean {
    return this.pending.length > 0;
  }

  /** Skips blanks, line continuations and comments. */
  skipBlanks(): void {
    const src = this.src;
    const text = src.text;
    for (;;) {
      const c = text.charCodeAt(src.pos);
      if (c === SPACE || c === TAB) src.pos++;
      else if (c === BSLASH && text.charCodeAt(src.pos + 1) === NL) {
        if (src.partial && src.pos + 2 === text.length) throw new ShellSyntaxError("unexpected end of file", src.line);
        src.pos += 2;
        src.line++;
      } else if (c === HASH) {
        while (src.pos < text.length && text.charCodeAt(src.pos) !== NL) src.pos++;
      } else return;
    }
  }

  /** Reads the next token. */
  next(): Token {
    this.skipBlanks();
    const src = this.src;
    const text = src.text;
    const start = src.pos;
    const line = src.line;
    if (start >= text.length) {
      if (this.pending.length > 0) this.readHereDocs();
      return { kind: "eof", op: "", word: null, text: null, fd: -1, line, start, end: start };
    }
    const c = text.charCodeAt(start);
    if (c === NL) {
      src.pos++;
      src.line++;
      if (this.pending.length > 0) this.readHereDocs();
      return { kind: "newline", op: "\n", word: null, text: null, fd: -1, line, start, end: src.pos };
    }
    if (isOperatorStart(c) && !((c === LT || c === GT) && text.charCodeAt(start + 1) === 40 /* ( */)) {
      for (const op of OPERATORS) {
        if (text.startsWith(op, start)) {
          src.pos += op.length;
          return { kind: "op", op, word: null, text: null, fd: -1, line, start, end: src.pos };
        }
      }
    }
    if (c >= 48 && c <= 57) {
      let end = start + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const n = text.charCodeAt(end);
      if (n === LT || n === GT) {
        src.pos = end;
        return { kind: "io", op: "", word: null, text: null, fd: Number(text.slice(start, end)), line, start, end };
      }
    }
    const parts = readWordParts(src, MODE_UNQUOTED);
    const word: Word = { parts };
    const only = parts.length === 1 ? parts[0]! : null;
    const plain = only !== null && only.type === "lit" ? only.text : parts.length === 0 ? "" : null;
    return { kind: "word", op: "", word, text: plain, fd: -1, line, start, end: src.pos };
  }

  /** Reads the bodies of every queued here-document, starting at the current position. */
  private readHereDocs(): void {
    const queue = this.pending;
    this.pending = [];
    for (const p of queue) this.readHereDoc(p);
  }

  private readHereDoc(p: PendingHereDoc): void {
    const src = this.src;
    const text = src.text;
    let body = "";
    let found = false;
    const bodyLine = src.line;
    while (src.pos < text.length) {
      let end = text.indexOf("\n", src.pos);
      const hasNewline = end >= 0;
      if (!hasNewline) end = text.length;
      let lineText = text.slice(src.pos, end);
      src.pos = hasNewline ? end + 1 : end;
      src.line++;
      if (p.stripTabs) lineText = lineText.replace(/^\t+/, "");
      if (lineText === p.delimiter) {
        found = true;
        break;
      }
      body += lineText + "\n";
    }
    if (!found && src.partial) throw new ShellSyntaxError("unterminated here-document", p.line);
    if (!found && p.delimiter !== "") {
      // Like bash, an unterminated here-document takes the rest of the input.
      src.pos = text.length;
    }
    if (p.doc.quoted) {
      p.doc.body = { parts: body === "" ? [] : [{ type: "sq", text: body }] };
      return;
    }
    p.doc.body = { parts: parseHereDocBody(body, src.hooks, bodyLine) };
  }
}

/** Parses an unquoted here-document body: expansions and `\` escapes as in double quotes. */
function parseHereDocBody(body: string, hooks: ParserHooks, line: number): WordPart[] {
  if (body.indexOf("$") < 0 && body.indexOf("`") < 0 && body.indexOf("\\") < 0) {
    return body === "" ? [] : [{ type: "lit", text: body }];
  }
  const sub: Source = { text: body, pos: 0, line, hooks };
  const parts = readWordParts(sub, MODE_HEREDOC);
  if (sub.pos < body.length) throw new ShellSyntaxError("bad here-document body", line);
  return parts;
}
