/**
 * The compound commands with their own keywords: `if`, `for` and `case`,
 * parsed through the main parser's token stream and list parser (see the
 * grammar at the top of parser.ts). `while`/`until`, groups and
 * subshells are short enough to stay in parser.ts.
 */
import type { ArithForCommand, CaseCommand, CaseItem, CommandList, ForCommand, IfCommand, Word } from "./ast.js";
import type { TokenStream } from "./cond-parser.js";
import { describeToken, type Token } from "./lexer.js";
import { ShellSyntaxError } from "./syntax-error.js";
import { applyTilde } from "./word-tilde.js";
import { MODE_ARITH_FOR, readWordParts } from "./word-reader.js";

/** The main parser as the compound-command parsers use it. */
export interface ListParser extends TokenStream {
  /** A list up to a terminator; `required` makes an empty list an error. */
  parseList(required: boolean): CommandList;
  /** Takes the next token, which must be the word `text`. */
  expectWord(text: string): Token;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `if list then list [elif list then list]... [else list] fi`, at the `if`. */
export function parseIf(p: ListParser): IfCommand {
  const line = p.take().line;
  const clauses: { cond: CommandList; body: CommandList }[] = [];
  let elseBody: CommandList | null = null;
  for (;;) {
    const cond = p.parseList(true);
    p.expectWord("then");
    const body = p.parseList(true);
    clauses.push({ cond, body });
    const tok = p.take();
    if (p.isWord(tok, "elif")) continue;
    if (p.isWord(tok, "else")) {
      elseBody = p.parseList(true);
      p.expectWord("fi");
    } else if (!p.isWord(tok, "fi")) {
      p.fail(tok);
    }
    return { type: "if", clauses, elseBody, redirects: [], line };
  }
}

/** `for name [in words] do list done`, bash's `for (( ; ; ))`, or bash's `select` (parsed as a `for`), at the keyword. */
export function parseFor(p: ListParser): ForCommand | ArithForCommand {
  const keyword = p.take();
  const line = keyword.line;
  const src = p.lexer.src;
  p.lexer.skipBlanks();
  const select = keyword.text === "select";
  if (!select && src.text.charCodeAt(src.pos) === 40 && src.text.charCodeAt(src.pos + 1) === 40) return parseArithFor(p, line);
  const nameTok = p.take();
  if (nameTok.kind !== "word" || nameTok.text === null || !NAME_RE.test(nameTok.text)) {
    throw new ShellSyntaxError(`'${nameTok.text ?? describeToken(nameTok)}': not a valid identifier`, nameTok.line);
  }
  let items: Word[] | null = null;
  p.linebreak();
  let tok = p.peek();
  if (p.isWord(tok, "in")) {
    p.take();
    items = [];
    for (tok = p.peek(); tok.kind === "word"; tok = p.peek()) items.push(applyTilde(p.take().word!));
    if (!p.isOp(tok, ";") && tok.kind !== "newline") p.fail(tok);
    p.take();
  } else if (p.isOp(tok, ";")) {
    p.take();
  }
  p.linebreak();
  p.expectWord("do");
  const body = p.parseList(true);
  p.expectWord("done");
  return select ? { type: "for", name: nameTok.text, items, body, redirects: [], line, select } : { type: "for", name: nameTok.text, items, body, redirects: [], line };
}

/**
 * The rest of `for (( init; cond; step ))` from the `((`: three arithmetic
 * clauses, then the body as `do list done` or, as bash also allows, `{ list }`.
 */
function parseArithFor(p: ListParser, line: number): ArithForCommand {
  const src = p.lexer.src;
  src.pos += 2;
  const clauses: Word[] = [];
  for (let i = 0; i < 3; i++) {
    const parts = readWordParts(src, MODE_ARITH_FOR);
    const blank = parts.length === 0 || (parts.length === 1 && parts[0]!.type === "lit" && parts[0]!.text.trim() === "");
    clauses.push({ parts: blank ? [] : parts });
    const c = src.text[src.pos];
    if (i < 2 && c === ";") src.pos++;
    else if (i < 2 || c !== ")" || src.text[src.pos + 1] !== ")") throw new ShellSyntaxError("syntax error in arithmetic for loop", src.line);
  }
  src.pos += 2;
  if (p.isOp(p.peek(), ";")) p.take();
  p.linebreak();
  let body: CommandList;
  if (p.isWord(p.peek(), "{")) {
    p.take();
    body = p.parseList(true);
    p.expectWord("}");
  } else {
    p.expectWord("do");
    body = p.parseList(true);
    p.expectWord("done");
  }
  return { type: "arith-for", init: clauses[0]!, cond: clauses[1]!, step: clauses[2]!, body, redirects: [], line };
}

/** `case word in [(]pat[|pat]...) list ;; ... esac`, at the `case`. */
export function parseCase(p: ListParser): CaseCommand {
  const line = p.take().line;
  const subject = p.take();
  if (subject.kind !== "word") p.fail(subject);
  p.linebreak();
  p.expectWord("in");
  p.linebreak();
  const items: CaseItem[] = [];
  for (;;) {
    let tok = p.peek();
    if (p.isWord(tok, "esac")) {
      p.take();
      break;
    }
    if (p.isOp(tok, "(")) p.take();
    const patterns: Word[] = [];
    for (;;) {
      tok = p.take();
      if (tok.kind !== "word") p.fail(tok);
      patterns.push(applyTilde(tok.word!));
      tok = p.take();
      if (p.isOp(tok, ")")) break;
      if (!p.isOp(tok, "|")) p.fail(tok);
    }
    const body = p.parseList(false);
    tok = p.peek();
    let terminator: CaseItem["terminator"] = ";;";
    if (tok.kind === "op" && (tok.op === ";;" || tok.op === ";&" || tok.op === ";;&")) {
      terminator = tok.op;
      p.take();
    } else if (!p.isWord(tok, "esac")) {
      p.fail(tok);
    }
    items.push({ patterns, body, terminator });
    p.linebreak();
  }
  return { type: "case", word: applyTilde(subject.word!), items, redirects: [], line };
}
