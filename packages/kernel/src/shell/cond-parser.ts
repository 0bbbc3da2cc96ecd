/**
 * The expression grammar of bash's `[[ ]]`, parsed from the main parser's
 * token stream: `!`, `&&`, `||`, parentheses, unary tests (`-f x`),
 * binary tests (`a == pattern`, `a < b`, `1 -lt 2`) and a lone word; the
 * right side of `=~` is read raw so that `(`, `)` and `|` stay in the regex.
 *
 *   cond  = or
 *   or    = and { '||' linebreak and }
 *   and   = not { '&&' linebreak not }
 *   not   = '!' not | '(' or ')' | UNARY word | word [BINARY word]
 */
import type { CondExpr, Word } from "./ast.js";
import type { Lexer, Token } from "./lexer.js";
import { ShellSyntaxError } from "./syntax-error.js";
import { applyTilde } from "./word-tilde.js";

/** What the `[[ ]]` parser needs from the main parser. */
export interface TokenStream {
  readonly lexer: Lexer;
  peek(): Token;
  take(): Token;
  fail(tok: Token): never;
  isOp(tok: Token, op: string): boolean;
  isWord(tok: Token, text: string): boolean;
  linebreak(): void;
  expectOp(op: string): Token;
}

const COND_UNARY = new Set([
  "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
  "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o", "-v",
]);
const COND_BINARY = new Set([
  "=", "==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
]);

/** Parses the expression between `[[` and `]]` (the caller consumes both). */
export function parseCondExpr(ts: TokenStream): CondExpr {
  return parseCondOr(ts);
}

function parseCondOr(ts: TokenStream): CondExpr {
  let left = parseCondAnd(ts);
  for (;;) {
    ts.linebreak();
    if (!ts.isOp(ts.peek(), "||")) break;
    ts.take();
    ts.linebreak();
    left = { type: "or", left, right: parseCondAnd(ts) };
  }
  return left;
}

function parseCondAnd(ts: TokenStream): CondExpr {
  let left = parseCondNot(ts);
  for (;;) {
    ts.linebreak();
    if (!ts.isOp(ts.peek(), "&&")) break;
    ts.take();
    ts.linebreak();
    left = { type: "and", left, right: parseCondNot(ts) };
  }
  return left;
}

function parseCondNot(ts: TokenStream): CondExpr {
  ts.linebreak();
  const tok = ts.peek();
  if (ts.isWord(tok, "!")) {
    ts.take();
    return { type: "not", expr: parseCondNot(ts) };
  }
  if (ts.isOp(tok, "(")) {
    ts.take();
    const inner = parseCondOr(ts);
    ts.linebreak();
    ts.expectOp(")");
    return inner;
  }
  const first = ts.take();
  if (first.kind !== "word") ts.fail(first);
  if (first.text !== null && COND_UNARY.has(first.text)) {
    const next = ts.peek();
    if (next.kind === "word" && !ts.isWord(next, "]]")) {
      ts.take();
      return { type: "unary", op: first.text, arg: applyTilde(next.word!) };
    }
    if (ts.isWord(next, "]]")) throw new ShellSyntaxError(`unexpected argument \`]]' to conditional unary operator`, next.line);
  }
  const opTok = ts.peek();
  const op = opTok.kind === "op" && (opTok.op === "<" || opTok.op === ">") ? opTok.op
    : opTok.kind === "word" && opTok.text !== null && COND_BINARY.has(opTok.text) ? opTok.text : null;
  if (op === null) return { type: "word", word: applyTilde(first.word!) };
  ts.take();
  const right = op === "=~" ? readRegexWord(ts) : ts.take();
  if (right.kind !== "word") ts.fail(right);
  return { type: "binary", op, left: applyTilde(first.word!), right: applyTilde(right.word!) };
}

/** The right side of `=~`: a word in which `(`, `)` and `|` are ordinary characters (an unbalanced `)` closes a group of the expression). */
function readRegexWord(ts: TokenStream): Token {
  const src = ts.lexer.src;
  ts.lexer.skipBlanks();
  const start = src.pos;
  const parts: Word["parts"] = [];
  let depth = 0;
  while (src.pos < src.text.length) {
    const c = src.text[src.pos]!;
    if ((c === " " || c === "\t" || c === "\n" || c === ")") && depth === 0) break;
    if (c === "(") depth++;
    else if (c === ")") depth--;
    if ("'\"\\$`".includes(c)) {
      const tok = ts.lexer.next();
      if (tok.kind !== "word") ts.fail(tok);
      parts.push(...tok.word!.parts);
      continue;
    }
    let end = src.pos + 1;
    while (end < src.text.length && !" \t\n'\"\\$`()".includes(src.text[end]!)) end++;
    parts.push({ type: "lit", text: src.text.slice(src.pos, end) });
    src.pos = end;
  }
  return { kind: "word", op: "", word: { parts }, text: null, fd: -1, line: src.line, start, end: src.pos };
}
