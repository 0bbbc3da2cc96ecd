/**
 * A hand-written recursive-descent parser from script text to the syntax
 * tree in `ast.ts`. It reads tokens from `Lexer` with one token of
 * lookahead and decides reserved words by position. The whole script is
 * parsed before anything runs, so a syntax error anywhere stops it all.
 *
 * Grammar (POSIX, plus the bash forms noted):
 *
 *   script        = linebreak [list] EOF
 *   list          = and_or { (';' | '&' | newline) linebreak and_or } [';' | '&']
 *   and_or        = pipeline { ('&&' | '||') linebreak pipeline }
 *   pipeline      = ['time' ['-p']] ['!'] command { ('|' | '|&') linebreak command }
 *   command       = compound redirect* | function_def | simple_command
 *   compound      = '{' list '}' | '(' list ')' | if | while | until | for | case
 *                 | '[[' cond ']]' | '((' arith '))'   (bash; cond in cond-parser.ts)
 *   if            = 'if' list 'then' list { 'elif' list 'then' list } ['else' list] 'fi'
 *   while/until   = ('while' | 'until') list 'do' list 'done'
 *   for           = ('for' | 'select') NAME [linebreak 'in' word* (';' | newline)] linebreak 'do' list 'done'
 *                 | 'for' '((' arith ';' arith ';' arith '))' [';'] linebreak ('do' list 'done' | '{' list '}')   (bash)
 *   case          = 'case' word linebreak 'in' linebreak { case_item } 'esac'
 *   case_item     = ['('] word { '|' word } ')' [list] (';;' | ';&' | ';;&' | before 'esac') linebreak
 *   function_def  = NAME '(' ')' linebreak compound redirect*
 *                 | 'function' NAME ['(' ')'] linebreak compound redirect*   (bash)
 *   simple_command= { assignment | redirect } [ word { word | redirect } ]
 *   redirect      = [IO_NUMBER] ('<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>'
 *                   | '<<' | '<<-' | '<<<') word
 *   linebreak     = newline*
 */
import type {
  AndOr, ArrayElement, Command, CommandList, CompoundCommand, CondCommand, FunctionDef, Pipeline, Redirect, RedirectOp, SimpleCommand, Word,
} from "./ast.js";
import { parseCase, parseFor, parseIf, type ListParser } from "./compound-parser.js";
import { parseCondExpr } from "./cond-parser.js";
import { describeToken, Lexer, type Token } from "./lexer.js";
import { ShellSyntaxError } from "./syntax-error.js";
import { applyTilde, assignmentSplit } from "./word-tilde.js";
import { heredocDelimiter, MODE_ARITH, MODE_HEREDOC, readWordParts, type ParserHooks, type Source } from "./word-reader.js";

/** Words that end a list when they appear where a command could start. */
const LIST_END_WORDS = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}"]);
const LIST_END_OPS = new Set([")", ";;", ";&", ";;&"]);
/** Builtins whose `name=(...)` arguments are array assignments. */
const DECLARATION_WORDS = new Set(["local", "declare", "typeset", "readonly", "export"]);
const REDIRECT_OPS = new Set(["<", ">", ">>", ">|", "<>", "<&", ">&", "&>", "&>>", "<<", "<<-", "<<<"]);

const hooks: ParserHooks = {
  parseCommandSub(src: Source): CommandList {
    return new Parser(new Lexer(src)).parseSubstitutionBody();
  },
  parseString(text: string, line: number): CommandList {
    return new Parser(Lexer.fromText(text, hooks, line)).parseScript();
  },
};

/**
 * Parses a whole script; throws `ShellSyntaxError` on malformed input
 * (nesting too deep for the stack included). `aliases` are expanded where
 * a command word can appear; with `partial`, the text may be the start of
 * a longer script, so a here-document missing its delimiter is incomplete.
 */
export function parseScript(text: string, line = 1, aliases?: ReadonlyMap<string, string>, partial = false): CommandList {
  try {
    return new Parser(Lexer.fromText(text, hooks, line, aliases, partial)).parseScript();
  } catch (err) {
    if (err instanceof RangeError) throw new ShellSyntaxError("nested too deeply", line);
    throw err;
  }
}

/**
 * Parses text whose `$` expansions, backquotes and backslashes act as in
 * an unquoted here-document (a prompt string after its `\` escapes);
 * throws `ShellSyntaxError` for a malformed expansion.
 */
export function parseExpandableText(text: string): Word {
  const src: Source = { text, pos: 0, line: 1, hooks };
  return { parts: readWordParts(src, MODE_HEREDOC) };
}

/** Parses the text of an arithmetic expression word (used for `let`-style evaluation). */
export function parseArithWord(text: string): Word {
  const src: Source = { text, pos: 0, line: 1, hooks };
  return { parts: readWordParts(src, MODE_ARITH) };
}


/** One parse over one lexer; `peeked` is the single token of lookahead. */
class Parser implements ListParser {
  private peeked: Token | null = null;
  /** Aliases expanded for the command being parsed (an alias never expands inside itself). */
  private aliasGuard = new Set<string>();
  /** Where the text of an alias ending in a blank ended: the next word from there may be an alias too (-1: none). */
  private aliasCheckAt = -1;

  constructor(readonly lexer: Lexer) {}

  peek(): Token {
    if (this.peeked === null) this.peeked = this.lexer.next();
    return this.peeked;
  }

  take(): Token {
    const tok = this.peek();
    this.peeked = null;
    return tok;
  }

  fail(tok: Token): never {
    throw new ShellSyntaxError(`unexpected ${describeToken(tok)}`, tok.line);
  }

  isOp(tok: Token, op: string): boolean {
    return tok.kind === "op" && tok.op === op;
  }

  isWord(tok: Token, text: string): boolean {
    return tok.kind === "word" && tok.text === text;
  }

  expectWord(text: string): Token {
    const tok = this.take();
    if (!this.isWord(tok, text)) this.fail(tok);
    return tok;
  }

  expectOp(op: string): Token {
    const tok = this.take();
    if (!this.isOp(tok, op)) this.fail(tok);
    return tok;
  }

  linebreak(): void {
    while (this.peek().kind === "newline") this.take();
  }

  private atListEnd(tok: Token): boolean {
    if (tok.kind === "eof") return true;
    if (tok.kind === "op") return LIST_END_OPS.has(tok.op);
    return tok.kind === "word" && tok.text !== null && LIST_END_WORDS.has(tok.text);
  }

  /** The whole input. */
  parseScript(): CommandList {
    const list = this.parseList(false);
    const tok = this.peek();
    if (tok.kind !== "eof") this.fail(tok);
    return list;
  }

  /** The inside of `$( )`, consuming the closing parenthesis. */
  parseSubstitutionBody(): CommandList {
    const list = this.parseList(false);
    const tok = this.take();
    if (!this.isOp(tok, ")")) {
      if (tok.kind === "eof") throw new ShellSyntaxError("unterminated command substitution", tok.line);
      this.fail(tok);
    }
    return list;
  }

  /** A list up to a terminator; `required` makes an empty list an error. */
  parseList(required: boolean): CommandList {
    const items: AndOr[] = [];
    this.linebreak();
    while (!this.atListEnd(this.peek())) {
      const item = this.parseAndOr();
      items.push(item);
      const sep = this.peek();
      if (this.isOp(sep, "&")) {
        item.background = true;
        this.take();
      } else if (this.isOp(sep, ";")) {
        this.take();
      } else if (sep.kind !== "newline") {
        break;
      }
      this.linebreak();
    }
    if (required && items.length === 0) this.fail(this.peek());
    return { type: "list", items };
  }

  private parseAndOr(): AndOr {
    const { line, start } = this.peek();
    const written = start - (this.lexer.src.grown ?? 0);
    const first = this.parsePipeline();
    const node: AndOr = { type: "andor", first, rest: [], background: false, line, start: written };
    for (;;) {
      const tok = this.peek();
      if (!this.isOp(tok, "&&") && !this.isOp(tok, "||")) return node;
      this.take();
      this.linebreak();
      node.rest.push({ op: tok.op as "&&" | "||", pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    let tok = this.peek();
    const line = tok.line;
    let bang = false;
    let timed = false;
    if (this.isWord(tok, "time")) {
      timed = true;
      this.take();
      tok = this.peek();
      if (this.isWord(tok, "-p")) {
        this.take();
        tok = this.peek();
      }
      if (tok.kind === "eof" || tok.kind === "newline" || (tok.kind === "op" && tok.op !== "(")) {
        return { type: "pipeline", bang, timed, commands: [], line };
      }
    }
    if (this.isWord(tok, "!")) {
      bang = true;
      this.take();
      tok = this.peek();
    } else if (tok.kind === "word" && this.lexer.src.text.startsWith("!(", tok.start)) {
      // `!(list)` where a command starts is `! (list)`, not an extended glob.
      bang = true;
      this.lexer.src.pos = tok.start + 1;
      this.lexer.src.line = tok.line;
      this.peeked = null;
      tok = this.peek();
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      tok = this.peek();
      if (!this.isOp(tok, "|") && !this.isOp(tok, "|&")) break;
      this.take();
      if (tok.op === "|&") redirectsOf(commands[commands.length - 1]!).push(stderrToStdout());
      this.linebreak();
      commands.push(this.parseCommand());
    }
    return { type: "pipeline", bang, timed, commands, line };
  }

  /** Expands `tok` if it is an alias; returns whether it did. */
  private expandAlias(tok: Token): boolean {
    const aliases = this.lexer.src.aliases;
    if (aliases === undefined || tok.kind !== "word" || tok.text === null || this.aliasGuard.has(tok.text)) return false;
    const value = aliases.get(tok.text);
    if (value === undefined) return false;
    this.aliasGuard.add(tok.text);
    this.aliasCheckAt = /[ \t]$/.test(value) ? tok.start + value.length : -1;
    this.peeked = null;
    this.lexer.substitute(tok, value);
    return true;
  }

  private parseCommand(): Command {
    this.aliasGuard.clear();
    this.aliasCheckAt = -1;
    while (this.expandAlias(this.peek())) {
      // Re-read the command from the alias's text.
    }
    const tok = this.peek();
    const line = tok.line;
    if (tok.kind === "op" && tok.op === "(") {
      if (this.lexer.src.text.charCodeAt(tok.start + 1) === 40 && this.tryArithCommand(tok)) {
        return this.finishCompound({ type: "arith-cmd", expr: this.arithExpr!, redirects: [], line });
      }
      this.take();
      const body = this.parseList(true);
      this.expectOp(")");
      return this.finishCompound({ type: "subshell", body, redirects: [], line });
    }
    if (tok.kind === "word" && tok.text !== null) {
      switch (tok.text) {
        case "{": {
          this.take();
          const body = this.parseList(true);
          this.expectWord("}");
          return this.finishCompound({ type: "group", body, redirects: [], line });
        }
        case "if": return this.finishCompound(parseIf(this));
        case "while": case "until": {
          this.take();
          const cond = this.parseList(true);
          this.expectWord("do");
          const body = this.parseList(true);
          this.expectWord("done");
          return this.finishCompound({ type: tok.text, cond, body, redirects: [], line });
        }
        case "for": case "select": return this.finishCompound(parseFor(this));
        case "case": return this.finishCompound(parseCase(this));
        case "[[": return this.finishCompound(this.parseCond());
        case "function": return this.parseFunctionKeyword();
        case "then": case "else": case "elif": case "fi": case "do": case "done": case "esac": case "}": case "in":
          this.fail(tok);
      }
    }
    return this.parseSimple();
  }

  private arithExpr: Word | null = null;

  /** Tries `(( expr ))` at `tok`; on success the expression is in `arithExpr`. */
  private tryArithCommand(tok: Token): boolean {
    const src = this.lexer.src;
    const savedPos = src.pos, savedLine = src.line;
    src.pos = tok.start + 2;
    src.line = tok.line;
    try {
      const parts = readWordParts(src, MODE_ARITH);
      if (src.text.charCodeAt(src.pos) === 41 && src.text.charCodeAt(src.pos + 1) === 41) {
        src.pos += 2;
        this.peeked = null;
        this.arithExpr = { parts };
        return true;
      }
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
    }
    src.pos = savedPos;
    src.line = savedLine;
    return false;
  }

  /** Reads trailing redirections of a compound command. */
  private finishCompound<T extends CompoundCommand>(node: T): T {
    for (;;) {
      const tok = this.peek();
      if (tok.kind === "io" || (tok.kind === "op" && REDIRECT_OPS.has(tok.op))) node.redirects.push(this.parseRedirect());
      else return node;
    }
  }

  private parseFunctionKeyword(): Command {
    const line = this.take().line;
    const nameTok = this.take();
    if (nameTok.kind !== "word" || nameTok.text === null) this.fail(nameTok);
    if (this.isOp(this.peek(), "(")) {
      this.take();
      this.expectOp(")");
    }
    const fn = this.parseFunctionBody(nameTok.text, line);
    fn.keyword = true;
    return fn;
  }

  private parseFunctionBody(name: string, line: number): FunctionDef {
    this.linebreak();
    const tok = this.peek();
    const body = this.parseCommand();
    if (body.type === "simple" || body.type === "function") this.fail(tok);
    return { type: "function", name, body, line };
  }

  private parseCond(): CondCommand {
    const line = this.take().line;
    const expr = parseCondExpr(this);
    this.linebreak();
    this.expectWord("]]");
    return { type: "cond", expr, redirects: [], line };
  }

  private parseSimple(): Command {
    const first = this.peek();
    const node: SimpleCommand = { type: "simple", assigns: [], words: [], redirects: [], line: first.line };
    for (;;) {
      const tok = this.peek();
      if (tok.kind === "io" || (tok.kind === "op" && REDIRECT_OPS.has(tok.op))) {
        node.redirects.push(this.parseRedirect());
        continue;
      }
      if (tok.kind !== "word") break;
      const assign = node.words.length === 0 ? assignmentSplit(tok.word!) : null;
      const afterBlankAlias = this.aliasCheckAt >= 0 && tok.start >= this.aliasCheckAt;
      if (afterBlankAlias) this.aliasCheckAt = -1;
      if (assign === null && (node.words.length === 0 || afterBlankAlias) && this.expandAlias(tok)) continue;
      this.take();
      const firstWord = node.words[0]?.parts;
      const inDeclaration = firstWord !== undefined && firstWord.length === 1 && firstWord[0]!.type === "lit" && DECLARATION_WORDS.has(firstWord[0]!.text);
      const literal = assign !== null || inDeclaration ? this.arrayLiteral(tok) : null;
      if (assign !== null) {
        if (literal !== null) assign.array = literal;
        node.assigns.push(assign);
        continue;
      }
      if (literal !== null) {
        const decl = assignmentSplit(tok.word!)!;
        decl.array = literal;
        node.words.push({ parts: tok.word!.parts, arrayAssign: decl });
        continue;
      }
      node.words.push(applyTilde(tok.word!));
      if (node.words.length === 1 && node.assigns.length === 0 && this.isOp(this.peek(), "(")) {
        this.take();
        this.expectOp(")");
        if (tok.text === null) this.fail(tok);
        return this.parseFunctionBody(tok.text, tok.line);
      }
    }
    if (node.assigns.length === 0 && node.words.length === 0 && node.redirects.length === 0) this.fail(first);
    return node;
  }

  /**
   * bash's `name=(elements)`, when `tok` is `name=` or `name+=` with `(`
   * right after it: reads the elements up to `)`; otherwise null.
   */
  private arrayLiteral(tok: Token): ArrayElement[] | null {
    const text = this.lexer.src.text;
    if (text.charCodeAt(tok.end) !== 40 || tok.text === null || !/^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(tok.text)) return null;
    this.expectOp("(");
    const elements: ArrayElement[] = [];
    for (;;) {
      const next = this.take();
      if (next.kind === "newline") continue;
      if (this.isOp(next, ")")) return elements;
      if (next.kind !== "word") this.fail(next);
      // An element written `[index]=value` reads as the subscript assignment `x[index]=value` would.
      const head = next.word!.parts[0];
      const explicit = head?.type === "lit" && head.text.startsWith("[")
        ? assignmentSplit({ parts: [{ type: "lit", text: "x" + head.text }, ...next.word!.parts.slice(1)] })
        : null;
      if (explicit !== null && explicit.index !== undefined && !explicit.append) elements.push({ index: explicit.index, value: explicit.value });
      else elements.push({ index: null, value: applyTilde(next.word!) });
    }
  }

  private parseRedirect(): Redirect {
    let tok = this.take();
    let fd: number | null = null;
    if (tok.kind === "io") {
      fd = tok.fd;
      tok = this.take();
      if (tok.kind !== "op" || !REDIRECT_OPS.has(tok.op)) this.fail(tok);
    }
    const op = tok.op as RedirectOp;
    const target = this.take();
    if (target.kind !== "word") this.fail(target);
    if (op === "<<" || op === "<<-") {
      const delim = heredocDelimiter(this.lexer.src.text.slice(target.start, target.end));
      const redirect: Redirect = { fd, op, target: target.word!, heredoc: { quoted: delim.quoted, body: { parts: [] } } };
      this.lexer.addHereDoc(redirect.heredoc!, delim.text, op === "<<-", target.line);
      return redirect;
    }
    return { fd, op, target: applyTilde(target.word!) };
  }
}

function redirectsOf(cmd: Command): Redirect[] {
  if (cmd.type === "function") return redirectsOf(cmd.body);
  return cmd.redirects;
}

function stderrToStdout(): Redirect {
  return { fd: 2, op: ">&", target: { parts: [{ type: "lit", text: "1" }] } };
}
