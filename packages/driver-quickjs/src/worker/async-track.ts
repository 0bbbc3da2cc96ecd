/**
 * Makes the promises that async functions return observable to the guest's
 * unhandled-rejection tracker (guest/internal/promise-tracker.js). QuickJS
 * creates those promises inside the engine, and the packaged engine has no
 * rejection hook, so guest source is rewritten before it is compiled: every
 * non-generator async function is handed, where it is defined, to the
 * guest's `__secureExecAsync`, which returns a transparent Proxy whose calls
 * register the returned promise. The function itself, its body, parameters,
 * `this`, `arguments`, `super`, name and length are untouched (but for
 * private methods, the last case below):
 *
 * - expressions and arrows: `__secureExecAsync(async () => x, "name")`,
 *   with the name the engine would have inferred from the binding, field
 *   or property (one with a computed key is left alone, as its name is
 *   only known at run time);
 * - declarations: `;{let __secureExecAsync$=(f=__secureExecAsync(f))}`
 *   before the first statement of the scope they are hoisted in (after any
 *   directives);
 * - class methods: `static{__secureExecAsync.c(this)}` first in the class
 *   body, which wraps the class's own async methods, static and not;
 * - object literal methods: `__secureExecAsync.o({...}, ["m"])`;
 * - private methods (which cannot be replaced): the method becomes a plain
 *   one whose body calls an async arrow holding the parameters and body.
 *
 * Only text is inserted (and a private method's `async` blanked), never a
 * line break, so line numbers stay; the inserted spans are returned so the
 * guest's stack traces can give columns of the original source and leave out
 * the frames of the wrappers. Source that does not parse is left to the engine.
 * Parsing costs roughly 150 ms per MiB on a warm worker, so results for
 * files of 2 KiB and more are cached per worker (processes load the same
 * files again and again).
 */
import type { Parser as AcornParser } from "acorn";

/** The guest global the rewritten code calls (see promise-tracker.js). */
export const ASYNC_TRACKER = "__secureExecAsync";

/** `async` where it may start an async function (not `async.x`, `async = …`, `"async"`, …). */
const MAYBE_ASYNC_FUNCTION = /\basync\b(?!\s*(?:[.,;:)\]}=?"'`]|$))/;

/** The rewritten source and its inserted spans: [line, byte column, byte length, hidden] per span, flattened. */
export interface TrackedSource {
  code: string;
  spans: number[];
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: any;
}

interface Edit {
  at: number;
  text: string;
  /** Characters of the source the text replaces (same length: columns do not move). */
  replaces: number;
  /** A frame at this text is a wrapper's own and is left out of stack traces. */
  hidden: boolean;
}

/**
 * acorn without its redeclaration checks, which keep every scope's names in arrays and so take
 * quadratic time on a scope with thousands of declarations (a bundle's top level); the engine
 * reports those early errors itself when it compiles the source. Loaded on first use: `require`
 * of the bundled module is initialized lazily, so a worker whose guests never use async
 * functions pays nothing at start-up.
 */
let fastParser: typeof AcornParser | undefined;
function parser(): typeof AcornParser {
  if (fastParser === undefined) {
    const { Parser } = require("acorn") as typeof import("acorn");
    fastParser = Parser.extend(
      (Base) =>
        class extends (Base as any) {
          declareName(): void {}
          checkLocalExport(): void {}
        } as unknown as typeof AcornParser,
    );
  }
  return fastParser;
}

/** Results for sources seen before (a worker runs many processes, which load the same files), oldest first. */
const cache = new Map<string, TrackedSource | null>();
let cachedChars = 0;
/** Characters of source and rewritten code the cache holds at most. */
const CACHE_CHARS = 16 * 1024 * 1024;
/** Sources shorter than this are parsed again rather than kept. */
const CACHE_MIN_CHARS = 2048;

const sizeOf = (key: string, result: TrackedSource | null) => key.length + (result ? result.code.length : 0);

/** Rewrites `source` (a script, or an ES module when `module`) so its async functions report their promises; null when nothing changes. */
export function trackAsyncFunctions(source: string, module: boolean): TrackedSource | null {
  if (!MAYBE_ASYNC_FUNCTION.test(source)) return null;
  if (source.length < CACHE_MIN_CHARS) return rewrite(source, module);
  const key = (module ? "m" : "s") + source;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = rewrite(source, module);
  const size = sizeOf(key, result);
  if (size <= CACHE_CHARS / 4) {
    cache.set(key, result);
    cachedChars += size;
    for (const [oldKey, oldResult] of cache) {
      if (cachedChars <= CACHE_CHARS) break;
      cache.delete(oldKey);
      cachedChars -= sizeOf(oldKey, oldResult);
    }
  }
  return result;
}

/**
 * How `source` parses, for Node's syntax detection once the engine failed to compile it as
 * CommonJS: 0 it parses as an ES module; 1 it does not, but a script parse stops at ES module
 * syntax (an `import` or `export` statement, or `import.meta`: Node then reports the module's own
 * compile error); 2 neither. acorn rather than the engine, whose compile of a module resolves and
 * loads its imports.
 */
export function moduleSyntax(source: string): number {
  try {
    // acorn with its redeclaration checks (a redeclaration fails the module too): this runs only after a failed compile.
    (require("acorn") as typeof import("acorn")).Parser.parse(source, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true });
    return 0;
  } catch {
    // not a module either: see where the script parse stops
  }
  try {
    parser().parse(source, { ecmaVersion: "latest", sourceType: "script", allowHashBang: true, allowReturnOutsideFunction: true });
    return 2;
  } catch (err) {
    const atModuleSyntax = /^(?:'import' and 'export' may appear only with 'sourceType: module'|Cannot use 'import\.meta' outside a module)/;
    return atModuleSyntax.test(String((err as Error).message)) ? 1 : 2;
  }
}

function rewrite(source: string, module: boolean): TrackedSource | null {
  let ast: Node;
  try {
    ast = parser().parse(source, { ecmaVersion: "latest", sourceType: module ? "module" : "script", allowHashBang: true }) as unknown as Node;
  } catch {
    return null;
  }
  const edits: Edit[] = [];
  new Rewriter(source, edits).visit(ast, null);
  if (edits.length === 0) return null;
  return apply(source, edits);
}

const isTrackedFunction = (n: Node | null | undefined): boolean =>
  !!n && (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" || n.type === "FunctionDeclaration") && n.async === true && n.generator !== true;

/** The property key a non-computed key names, as a string. */
function staticKey(key: Node): string | null {
  if (key.type === "Identifier") return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal") return String(key.value ?? key.bigint);
  return null;
}

/** What an anonymous function gets from where it stands: its inferred name, none, or "skip" (the name comes from a computed key). */
function inferredName(node: Node, parent: Node | null): string | null | "skip" {
  if (!parent) return null;
  switch (parent.type) {
    case "VariableDeclarator":
      return parent.init === node && parent.id.type === "Identifier" ? parent.id.name : null;
    case "AssignmentExpression":
      return parent.right === node && parent.left.type === "Identifier" && ["=", "||=", "&&=", "??="].includes(parent.operator) ? parent.left.name : null;
    case "AssignmentPattern":
      return parent.right === node && parent.left.type === "Identifier" ? parent.left.name : null;
    case "Property":
      if (parent.value !== node || parent.kind !== "init") return null;
      if (parent.computed) return "skip";
      if (!parent.shorthand && staticKey(parent.key) === "__proto__") return "skip";
      return staticKey(parent.key);
    case "PropertyDefinition":
      if (parent.value !== node) return null;
      return parent.computed ? "skip" : staticKey(parent.key);
    case "ExportDefaultDeclaration":
      return "default";
    default:
      return null;
  }
}

/** The fields of each ESTree node type that can hold nodes with functions in them (others are read with Object.keys). */
const CHILDREN: Record<string, readonly string[]> = {
  Program: ["body"],
  ExpressionStatement: ["expression"],
  BlockStatement: ["body"],
  StaticBlock: ["body"],
  EmptyStatement: [],
  DebuggerStatement: [],
  WithStatement: ["object", "body"],
  ReturnStatement: ["argument"],
  LabeledStatement: ["body"],
  BreakStatement: [],
  ContinueStatement: [],
  IfStatement: ["test", "consequent", "alternate"],
  SwitchStatement: ["discriminant", "cases"],
  SwitchCase: ["test", "consequent"],
  ThrowStatement: ["argument"],
  TryStatement: ["block", "handler", "finalizer"],
  CatchClause: ["param", "body"],
  WhileStatement: ["test", "body"],
  DoWhileStatement: ["body", "test"],
  ForStatement: ["init", "test", "update", "body"],
  ForInStatement: ["left", "right", "body"],
  ForOfStatement: ["left", "right", "body"],
  FunctionDeclaration: ["params", "body"],
  FunctionExpression: ["params", "body"],
  ArrowFunctionExpression: ["params", "body"],
  VariableDeclaration: ["declarations"],
  VariableDeclarator: ["id", "init"],
  ClassDeclaration: ["superClass", "body"],
  ClassExpression: ["superClass", "body"],
  ClassBody: ["body"],
  MethodDefinition: ["key", "value"],
  PropertyDefinition: ["key", "value"],
  ImportDeclaration: [],
  ExportNamedDeclaration: ["declaration"],
  ExportDefaultDeclaration: ["declaration"],
  ExportAllDeclaration: [],
  Identifier: [],
  PrivateIdentifier: [],
  Literal: [],
  ThisExpression: [],
  Super: [],
  MetaProperty: [],
  TemplateElement: [],
  ArrayExpression: ["elements"],
  ObjectExpression: ["properties"],
  Property: ["key", "value"],
  SpreadElement: ["argument"],
  UnaryExpression: ["argument"],
  UpdateExpression: ["argument"],
  BinaryExpression: ["left", "right"],
  LogicalExpression: ["left", "right"],
  AssignmentExpression: ["left", "right"],
  MemberExpression: ["object", "property"],
  ConditionalExpression: ["test", "consequent", "alternate"],
  CallExpression: ["callee", "arguments"],
  NewExpression: ["callee", "arguments"],
  SequenceExpression: ["expressions"],
  YieldExpression: ["argument"],
  AwaitExpression: ["argument"],
  TemplateLiteral: ["expressions"],
  TaggedTemplateExpression: ["tag", "quasi"],
  ChainExpression: ["expression"],
  ImportExpression: ["source", "options"],
  ParenthesizedExpression: ["expression"],
  ObjectPattern: ["properties"],
  ArrayPattern: ["elements"],
  RestElement: ["argument"],
  AssignmentPattern: ["left", "right"],
};

class Rewriter {
  constructor(
    private readonly source: string,
    private readonly edits: Edit[],
  ) {}

  private insert(at: number, text: string, hidden = false): void {
    this.edits.push({ at, text, replaces: 0, hidden });
  }

  visit(node: Node, parent: Node | null): void {
    let close: (() => void) | null = null;
    switch (node.type) {
      case "Program":
      case "BlockStatement":
      case "StaticBlock":
        this.hoisted(node);
        break;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (isTrackedFunction(node) && !(parent && (parent.type === "MethodDefinition" || (parent.type === "Property" && (parent.method || parent.kind !== "init"))))) {
          close = this.wrapExpression(node, parent, inferredName(node, parent));
        }
        break;
      case "FunctionDeclaration":
        if (node.id === null && isTrackedFunction(node) && parent?.type === "ExportDefaultDeclaration") {
          const end = this.wrapExpression(node, parent, "default");
          close = () => {
            end?.();
            this.insert(node.end, ";");
          };
        }
        break;
      case "ClassBody":
        if (node.body.some((m: Node) => m.type === "MethodDefinition" && m.kind === "method" && m.key.type !== "PrivateIdentifier" && isTrackedFunction(m.value))) {
          this.insert(node.start + 1, `static{${ASYNC_TRACKER}.c(this)}`);
        }
        break;
      case "MethodDefinition":
        if (node.kind === "method" && node.key.type === "PrivateIdentifier" && isTrackedFunction(node.value)) close = this.privateMethod(node);
        break;
      case "ObjectExpression":
        close = this.objectMethods(node);
        break;
    }
    for (const key of CHILDREN[node.type] ?? Object.keys(node)) {
      const value = node[key];
      if (value === null || value === undefined || typeof value !== "object") continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === "string") this.visit(child, node);
      } else if (typeof value.type === "string") {
        this.visit(value, node);
      }
    }
    close?.();
  }

  /** Async function declarations directly in a scope are wrapped before its first statement runs. */
  private hoisted(scope: Node): void {
    const statements: Node[] = scope.body;
    const names: string[] = [];
    for (const s of statements) {
      const decl = s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration" ? s.declaration : s;
      if (decl && decl.type === "FunctionDeclaration" && decl.id && isTrackedFunction(decl) && !names.includes(decl.id.name)) names.push(decl.id.name);
    }
    if (names.length === 0) return;
    const first = statements.find((s) => s.directive === undefined);
    if (!first) return;
    // A block holding a declaration has no completion value, so `node -p` prints what it would without it.
    this.insert(first.start, `;{let ${ASYNC_TRACKER}$=(${names.map((n) => `${n}=${ASYNC_TRACKER}(${n})`).join(",")})}`);
  }

  /** `__secureExecAsync(fn, "name")` around a function expression; returns what closes it, after its body's edits. */
  private wrapExpression(node: Node, parent: Node | null, name: string | null | "skip"): (() => void) | null {
    if (name === "skip") return null;
    const paren = parent?.type === "NewExpression" && parent.callee === node;
    this.insert(node.start, `${paren ? "(" : ""}${ASYNC_TRACKER}(`);
    return () => this.insert(node.end, `${name !== null && !node.id ? `,${JSON.stringify(name)}` : ""})${paren ? ")" : ""}`);
  }

  /** An object literal's async methods with static keys (the last definition of each key) are wrapped once it is built. */
  private objectMethods(node: Node): (() => void) | null {
    const keys: string[] = [];
    const props: Node[] = node.properties;
    props.forEach((p, i) => {
      if (p.type !== "Property" || !p.method || p.computed || !isTrackedFunction(p.value)) return;
      const key = staticKey(p.key);
      if (key === null || keys.includes(key)) return;
      const redefined = props.slice(i + 1).some((q) => q.type !== "Property" || q.computed || staticKey(q.key) === key);
      if (!redefined) keys.push(key);
    });
    if (keys.length === 0) return null;
    this.insert(node.start, `${ASYNC_TRACKER}.o(`);
    return () => this.insert(node.end, `,${JSON.stringify(keys)})`);
  }

  /** `async #m(a) {…}` → `      #m(){return __secureExecAsync.p(async (a)=>{…},"#m",arguments)}`. */
  private privateMethod(node: Node): (() => void) | null {
    const fn = node.value as Node;
    const head = this.source.slice(node.start, node.key.start);
    const asyncAt = head.lastIndexOf("async");
    let close = fn.body.start - 1;
    while (close > fn.start && /\s/.test(this.source[close])) close--;
    if (asyncAt < 0 || this.source[close] !== ")") return null;
    this.edits.push({ at: node.start + asyncAt, text: "     ", replaces: 5, hidden: false });
    this.insert(fn.start, `(){return ${ASYNC_TRACKER}.p(async `, true);
    this.insert(close + 1, "=>", true);
    const name = JSON.stringify(`#${node.key.name}`);
    return () => this.insert(fn.end, `,${name},arguments)}`, true);
  }
}

/** UTF-8 length of `s` from `from` to `to` (QuickJS counts columns in bytes). */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function apply(source: string, edits: Edit[]): TrackedSource {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const out: string[] = [];
  const spans: number[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let column = 0;
  for (const { e } of order) {
    // Line and byte column of e.at in the original source, counted on from the last edit.
    for (let i = scanned; i < e.at; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
        column = 0;
        scanned = i + 1;
      }
    }
    column += utf8Length(source, Math.max(scanned, lineStart), e.at);
    scanned = e.at;
    out.push(source.slice(pos, e.at), e.text);
    pos = e.at + e.replaces;
    if (e.replaces === 0) spans.push(line, column, utf8Length(e.text, 0, e.text.length), e.hidden ? 1 : 0);
  }
  out.push(source.slice(pos));
  return { code: out.join(""), spans };
}
