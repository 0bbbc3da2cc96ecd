/**
 * SyntaxErrors as V8 reports them. QuickJS places every syntax error at
 * column 1 of its line and words it its own way ("unexpected token in
 * expression: ';'"); Node prints the source line with carets under the
 * offending token and V8's message ("Unexpected token ';'"). Once the engine
 * has failed to compile a source, it is parsed again with acorn, which finds
 * the same first error, and acorn's error is turned into V8's message, the
 * position and the length V8 underlines. Only ever run after a failed
 * compile, so it costs nothing otherwise.
 */
import type { Parser as AcornParser } from "acorn";

/** Where V8 reports a syntax error: a 0-based offset in the source, the length it underlines, and its message. */
export interface SyntaxErrorSite {
  pos: number;
  length: number;
  message: string;
}

/** Thrown by the parser below where V8 says "missing ) after argument list". */
class MissingParen {
  constructor(readonly pos: number, readonly length: number) {}
}

interface ArgumentList {
  close: unknown;
  last: { start: number; end: number } | null;
}

let diagnoser: typeof AcornParser | undefined;

/** acorn with V8's "missing ) after argument list": a call's argument list that ends without `,` or `)`. */
function parser(): typeof AcornParser {
  if (diagnoser === undefined) {
    const { Parser, tokTypes } = require("acorn") as typeof import("acorn");
    diagnoser = Parser.extend(
      (Base) =>
        class extends (Base as any) {
          lists: ArgumentList[] = [];
          parseExprList(close: unknown, ...rest: unknown[]): unknown {
            this.lists.push({ close, last: null });
            try {
              return super.parseExprList(close, ...rest);
            } finally {
              this.lists.pop();
            }
          }
          parseMaybeAssign(...args: unknown[]): unknown {
            const node = super.parseMaybeAssign(...args);
            const top = this.lists[this.lists.length - 1];
            if (top) top.last = node;
            return node;
          }
          expect(type: unknown): void {
            if (this.eat(type)) return;
            const top = this.lists[this.lists.length - 1];
            if (type === tokTypes.comma && top && top.close === tokTypes.parenR && top.last) {
              throw new MissingParen(top.last.start, top.last.end - top.last.start);
            }
            this.unexpected();
          }
        } as unknown as typeof AcornParser,
    );
  }
  return diagnoser;
}

const KEYWORDS = new Set(
  ("break case catch class const continue debugger default delete do else export extends finally for function if import in " +
    "instanceof new return super switch this throw try typeof var void while with null true false").split(" "),
);
const STRICT_RESERVED = new Set("implements interface let package private protected public static yield".split(" "));
const PUNCTUATORS = [">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>"];

type Token = { kind: "eof" | "identifier" | "number" | "string" | "template" | "punctuator" | "invalid"; text: string };

/** The token that starts at `pos`. */
function tokenAt(source: string, pos: number): Token {
  if (pos >= source.length) return { kind: "eof", text: "" };
  const rest = source.slice(pos, pos + 256);
  let m = /^[$_\p{L}][$\w\p{L}\p{N}\u200c\u200d]*/u.exec(rest);
  if (m) return { kind: "identifier", text: m[0] };
  m = /^(?:0[xXbBoO][\da-fA-F_]+n?|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?n?|\.\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(rest);
  if (m) return { kind: "number", text: m[0] };
  m = /^(?:"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)/.exec(rest);
  if (m) return { kind: "string", text: m[0] };
  if (rest[0] === "`") return { kind: "template", text: "`" };
  for (const p of PUNCTUATORS) if (rest.startsWith(p)) return { kind: "punctuator", text: p };
  if ("{}()[];,<>+-*/%&|^!~?:=.".includes(rest[0])) return { kind: "punctuator", text: rest[0] };
  return { kind: "invalid", text: rest[0] };
}

/** The length from `pos` to the end of its line. */
function toLineEnd(source: string, pos: number): number {
  const end = source.indexOf("\n", pos);
  return (end === -1 ? source.length : end) - pos;
}

/** V8's message for an "Unexpected token" at `pos`, from the token there and what comes before it. */
function unexpected(source: string, pos: number, module: boolean): SyntaxErrorSite {
  const token = tokenAt(source, pos);
  const before = source.slice(Math.max(0, pos - 256), pos);
  let m = /\bconst\s+([$\w]+)\s*$/.exec(before);
  if (m && token.text !== "=") {
    return { pos: pos - m[0].length + m[0].indexOf(m[1], 5), length: m[1].length, message: "Missing initializer in const declaration" };
  }
  m = /(?<![$\w.])function\s*$/.exec(before);
  if (m && token.text === "(") return { pos: pos - m[0].length, length: 8, message: "Function statements require a function name" };
  m = /(?<![$\w.])await\s*$/.exec(before);
  if (m && !module) {
    return { pos: pos - m[0].length, length: 5, message: "await is only valid in async functions and the top level bodies of modules" };
  }
  switch (token.kind) {
    case "eof":
      return { pos, length: 0, message: "Unexpected end of input" };
    case "identifier":
      if (KEYWORDS.has(token.text)) return { pos, length: token.text.length, message: `Unexpected token '${token.text}'` };
      return { pos, length: token.text.length, message: `Unexpected identifier '${token.text}'` };
    case "number":
      return { pos, length: token.text.length, message: "Unexpected number" };
    case "string":
      return { pos, length: token.text.length, message: "Unexpected string" };
    case "template":
      return { pos, length: 1, message: "Unexpected template string" };
    case "punctuator":
      return { pos, length: token.text.length, message: `Unexpected token '${token.text}'` };
    default:
      return { pos, length: 1, message: "Invalid or unexpected token" };
  }
}

/**
 * The first syntax error in `source` (a script, a CommonJS module body when `functionBody`, or an
 * ES module), as V8 reports it; null when acorn finds none (the engine's own error stands then).
 */
export function syntaxErrorSite(source: string, module: boolean, functionBody: boolean): SyntaxErrorSite | null {
  try {
    parser().parse(source, { ecmaVersion: "latest", sourceType: module ? "module" : "script", allowHashBang: true, allowReturnOutsideFunction: functionBody });
    return null;
  } catch (err) {
    if (err instanceof MissingParen) return { pos: err.pos, length: err.length, message: "missing ) after argument list" };
    const pos = typeof (err as { pos?: unknown }).pos === "number" ? (err as { pos: number }).pos : -1;
    if (pos < 0) return null;
    const message = String((err as Error).message).replace(/ \(\d+:\d+\)$/, "");
    const token = tokenAt(source, pos);
    const tokenLength = Math.max(1, token.text.length);
    if (message.startsWith("'import' and 'export' may appear only")) {
      return token.text === "import"
        ? { pos, length: 6, message: "Cannot use import statement outside a module" }
        : { pos, length: tokenLength, message: `Unexpected token '${token.text}'` };
    }
    if (message === "Cannot use 'import.meta' outside a module") return { pos, length: 11, message };
    if (/^Identifier '.*' has already been declared$/.test(message) || message === "let is disallowed as a lexically bound name") {
      return { pos, length: tokenLength, message };
    }
    if (message === "Unterminated string constant" || message === "Unterminated comment") {
      return { pos, length: toLineEnd(source, pos), message: "Invalid or unexpected token" };
    }
    if (message.startsWith("Unterminated template")) return { pos: source.length, length: 0, message: "Unexpected end of input" };
    if (message === "Unterminated regular expression") {
      return { pos: source[pos - 1] === "/" ? pos - 1 : pos, length: 1, message: "Invalid regular expression: missing /" };
    }
    if (message === "'return' outside of function") return { pos, length: tokenLength, message: "Illegal return statement" };
    if (message === "Unsyntactic break") return { pos, length: tokenLength, message: "Illegal break statement" };
    if (message === "Unsyntactic continue") return { pos, length: tokenLength, message: "Illegal continue statement: no surrounding iteration statement" };
    if (message === "Assigning to rvalue") return { pos, length: tokenLength, message: "Invalid left-hand side in assignment" };
    if (message.startsWith("'new.target' can only be used")) return { pos: pos + 4, length: 6, message: "new.target expression is not allowed here" };
    let m = /^The keyword '(.*)' is reserved$/.exec(message);
    if (m) return { pos, length: tokenLength, message: STRICT_RESERVED.has(m[1]) ? "Unexpected strict mode reserved word" : "Unexpected reserved word" };
    // acorn reports a `#` that starts no private name at the character after it.
    if (message.startsWith("Unexpected character")) return { pos: source[pos - 1] === "#" ? pos - 1 : pos, length: 1, message: "Invalid or unexpected token" };
    m = /^Unexpected keyword '(.*)'$/.exec(message);
    if (m) return { pos, length: tokenLength, message: `Unexpected token '${m[1]}'` };
    if (message === "Unexpected token") return unexpected(source, pos, module);
    return null;
  }
}

/** Whether the ES module `source` awaits at its top level (outside any function), as require() of it must refuse. */
export function hasTopLevelAwait(source: string): boolean {
  let ast: unknown;
  try {
    ast = (require("acorn") as typeof import("acorn")).Parser.parse(source, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true });
  } catch {
    return false;
  }
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== "object") return false;
    if (Array.isArray(node)) return node.some(visit);
    const n = node as { type?: string; await?: boolean };
    if (n.type === "AwaitExpression" || (n.type === "ForOfStatement" && n.await === true)) return true;
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" || n.type === "MethodDefinition" || n.type === "PropertyDefinition" || n.type === "StaticBlock") return false;
    for (const key of Object.keys(n)) if (key !== "type" && visit((n as Record<string, unknown>)[key])) return true;
    return false;
  };
  return visit(ast);
}
