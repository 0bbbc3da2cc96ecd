/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`): a parser for the C
 * expression grammar and an evaluator over 64-bit signed integers that wrap
 * like C's. Variables are read and assigned through `ArithScope`; a
 * variable whose value is itself an expression is evaluated recursively,
 * as bash does. Parsed expressions are cached by their text.
 */

/**
 * Variable access for an evaluation; `index` addresses an array element
 * (`a[i]`), or a key of an associative array (`m[key]`, the subscript's text).
 */
export interface ArithScope {
  /** The variable's (or element's) value, or undefined when unset. */
  get(name: string, index?: number | string): string | undefined;
  /** Assigns a variable (or element). */
  set(name: string, value: string, index?: number | string): void;
  /** Whether `name` is an associative array, whose subscripts are keys rather than expressions. */
  isAssoc?(name: string): boolean;
}

/** An arithmetic error; the shell prints `expr: message` and fails the command. */
export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArithError";
  }
}

/**
 * A variable reference: a name, with the text of its subscript (null for
 * none). The subscript is an expression for an indexed array and a key
 * for an associative one, so it is only parsed when used.
 */
interface Ref {
  name: string;
  sub: string | null;
}

type Node =
  | { t: "num"; v: bigint }
  | { t: "var"; ref: Ref }
  | { t: "un"; op: string; e: Node }
  | { t: "incr"; op: "++" | "--"; prefix: boolean; ref: Ref }
  | { t: "bin"; op: string; l: Node; r: Node }
  | { t: "assign"; op: string; ref: Ref; e: Node }
  | { t: "cond"; c: Node; a: Node; b: Node };

const OPS = [
  "<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
  "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
  "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=", ",", "(", ")", "[", "]",
];

const BINARY_PRECEDENCE: Record<string, number> = {
  "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
  "<": 7, "<=": 7, ">": 7, ">=": 7, "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
};
const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="]);

/** A token, with `at`: its offset in the expression text. */
type Tok = { k: "num"; v: bigint; text: string } | { k: "name"; v: string } | { k: "op"; v: string } | { k: "sub"; v: string } | { k: "end" };

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let end = i;
      while (end < text.length && /[0-9A-Za-z_@#]/.test(text[end]!)) end++;
      const raw = text.slice(i, end);
      out.push({ k: "num", v: parseNumber(raw), text: raw });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
      out.push({ k: "name", v: text.slice(i, end) });
      i = end;
      if (text[i] === "[") i = readSubscript(text, i, out);
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${text.slice(i)}")`);
    out.push({ k: "op", v: op });
    i += op.length;
  }
  out.push({ k: "end" });
  return out;
}

/** Reads the `[subscript]` at `text[open]` as one token; returns the offset after the `]`. */
function readSubscript(text: string, open: number, out: Tok[]): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && depth-- === 0) {
      out.push({ k: "sub", v: text.slice(open + 1, i) });
      return i + 1;
    }
  }
  throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${text.slice(open)}")`);
}

function digitValue(ch: string): number {
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  if (ch >= "a" && ch <= "z") return ch.charCodeAt(0) - 97 + 10;
  if (ch >= "A" && ch <= "Z") return ch.charCodeAt(0) - 65 + 36;
  if (ch === "@") return 62;
  if (ch === "_") return 63;
  return 99;
}

/** Parses an integer constant: decimal, 0octal, 0xhex, or base#digits. */
function parseNumber(raw: string): bigint {
  let base = 10;
  let digits = raw;
  const hash = raw.indexOf("#");
  if (hash >= 0) {
    base = Number(raw.slice(0, hash));
    digits = raw.slice(hash + 1);
    if (!/^[1-9][0-9]*$/.test(raw.slice(0, hash)) || base < 2 || base > 64) {
      throw new ArithError(`invalid arithmetic base (error token is "${raw}")`);
    }
  } else if (/^0[xX]/.test(raw)) {
    base = 16;
    digits = raw.slice(2);
  } else if (raw.length > 1 && raw[0] === "0") {
    base = 8;
    digits = raw.slice(1);
  }
  if (digits === "") throw new ArithError(`invalid number (error token is "${raw}")`);
  let value = 0n;
  const b = BigInt(base);
  for (const ch of digits) {
    let d = digitValue(ch);
    if (base <= 36 && ch >= "A" && ch <= "Z") d -= 26;
    if (d >= base) throw new ArithError(`value too great for base (error token is "${raw}")`);
    value = BigInt.asIntN(64, value * b + BigInt(d));
  }
  return value;
}

class ArithParser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === "op" && t.v === v;
  }

  private fail(): never {
    const rest = this.toks.slice(this.i).map((t) => (t.k === "end" ? "" : t.k === "num" ? t.text : t.k === "sub" ? `[${t.v}]` : t.v)).join(" ");
    throw new ArithError(`syntax error: operand expected (error token is "${rest}")`);
  }

  parse(): Node {
    const node = this.comma();
    if (this.peek().k !== "end") {
      const t = this.peek();
      const text = t.k === "num" ? t.text : t.k === "end" ? "" : t.k === "sub" ? `[${t.v}]` : t.v;
      throw new ArithError(`syntax error in expression (error token is "${text}")`);
    }
    return node;
  }

  private comma(): Node {
    let node = this.assign();
    while (this.isOp(",")) {
      this.i++;
      node = { t: "bin", op: ",", l: node, r: this.assign() };
    }
    return node;
  }

  private assign(): Node {
    const t = this.peek();
    if (t.k === "name") {
      const start = this.i;
      this.i++;
      const ref = this.ref(t.v);
      const next = this.peek();
      if (next.k === "op" && ASSIGN_OPS.has(next.v)) {
        this.i++;
        return { t: "assign", op: next.v, ref, e: this.assign() };
      }
      this.i = start;
    }
    return this.conditional();
  }

  /** A reference to `name` (just consumed), with its `[subscript]` if one follows. */
  private ref(name: string): Ref {
    const t = this.peek();
    if (t.k !== "sub") return { name, sub: null };
    this.i++;
    return { name, sub: t.v };
  }

  private conditional(): Node {
    const c = this.binary(1);
    if (!this.isOp("?")) return c;
    this.i++;
    const a = this.comma();
    if (!this.isOp(":")) this.fail();
    this.i++;
    const b = this.assign();
    return { t: "cond", c, a, b };
  }

  private binary(minPrec: number): Node {
    let left = this.power();
    for (;;) {
      const t = this.peek();
      const prec = t.k === "op" ? BINARY_PRECEDENCE[t.v] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.i++;
      const right = this.binary(prec + 1);
      left = { t: "bin", op: (t as { v: string }).v, l: left, r: right };
    }
  }

  private power(): Node {
    const base = this.unary();
    if (!this.isOp("**")) return base;
    this.i++;
    return { t: "bin", op: "**", l: base, r: this.power() };
  }

  private unary(): Node {
    const t = this.peek();
    if (t.k === "op") {
      if (t.v === "++" || t.v === "--") {
        this.i++;
        const name = this.peek();
        if (name.k !== "name") this.fail();
        this.i++;
        return { t: "incr", op: t.v, prefix: true, ref: this.ref(name.v) };
      }
      if (t.v === "+" || t.v === "-" || t.v === "!" || t.v === "~") {
        this.i++;
        return { t: "un", op: t.v, e: this.unary() };
      }
    }
    return this.postfix();
  }

  private postfix(): Node {
    const t = this.peek();
    if (t.k === "num") {
      this.i++;
      return { t: "num", v: t.v };
    }
    if (t.k === "name") {
      this.i++;
      const ref = this.ref(t.v);
      if (this.isOp("++") || this.isOp("--")) {
        const op = (this.peek() as { v: "++" | "--" }).v;
        this.i++;
        return { t: "incr", op, prefix: false, ref };
      }
      return { t: "var", ref };
    }
    if (this.isOp("(")) {
      this.i++;
      const inner = this.comma();
      if (!this.isOp(")")) this.fail();
      this.i++;
      return inner;
    }
    return this.fail();
  }
}

const cache = new Map<string, Node | null>();
const CACHE_LIMIT = 512;

function parseExpr(text: string): Node | null {
  let node = cache.get(text);
  if (node !== undefined) return node;
  node = text.trim() === "" ? null : new ArithParser(tokenize(text)).parse();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, node);
  return node;
}

/** Evaluates `text`; an empty expression is 0. Throws `ArithError`. */
export function evaluateArithmetic(text: string, scope: ArithScope): bigint {
  const node = parseExpr(text);
  return node === null ? 0n : new Evaluator(scope).eval(node);
}

const MAX_VARIABLE_DEPTH = 64;

class Evaluator {
  private depth = 0;
  constructor(private readonly scope: ArithScope) {}

  private index(ref: Ref): number | string | undefined {
    if (ref.sub === null) return undefined;
    if (this.scope.isAssoc?.(ref.name) === true) return ref.sub;
    const node = parseExpr(ref.sub);
    if (node === null) throw new ArithError(`${ref.name}[]: bad array subscript`);
    return Number(this.eval(node));
  }

  private read(ref: Ref): bigint {
    const raw = this.scope.get(ref.name, this.index(ref));
    if (raw === undefined || raw.trim() === "") return 0n;
    const trimmed = raw.trim();
    if (/^-?[0-9]+$/.test(trimmed) && !/^-?0[0-9]/.test(trimmed)) return BigInt.asIntN(64, BigInt(trimmed));
    if (this.depth >= MAX_VARIABLE_DEPTH) throw new ArithError(`expression recursion level exceeded (error token is "${trimmed}")`);
    this.depth++;
    try {
      const node = parseExpr(trimmed);
      return node === null ? 0n : this.eval(node);
    } finally {
      this.depth--;
    }
  }

  private write(ref: Ref, value: bigint): bigint {
    this.scope.set(ref.name, value.toString(), this.index(ref));
    return value;
  }

  eval(n: Node): bigint {
    switch (n.t) {
      case "num": return n.v;
      case "var": return this.read(n.ref);
      case "un": {
        const v = this.eval(n.e);
        if (n.op === "-") return BigInt.asIntN(64, -v);
        if (n.op === "+") return v;
        if (n.op === "!") return v === 0n ? 1n : 0n;
        return BigInt.asIntN(64, ~v);
      }
      case "incr": {
        const old = this.read(n.ref);
        const next = BigInt.asIntN(64, n.op === "++" ? old + 1n : old - 1n);
        this.write(n.ref, next);
        return n.prefix ? next : old;
      }
      case "assign": {
        const rhs = this.eval(n.e);
        const value = n.op === "=" ? rhs : binop(n.op.slice(0, -1), this.read(n.ref), rhs);
        return this.write(n.ref, value);
      }
      case "cond": return this.eval(n.c) !== 0n ? this.eval(n.a) : this.eval(n.b);
      case "bin": {
        if (n.op === "&&") return this.eval(n.l) !== 0n && this.eval(n.r) !== 0n ? 1n : 0n;
        if (n.op === "||") return this.eval(n.l) !== 0n || this.eval(n.r) !== 0n ? 1n : 0n;
        const l = this.eval(n.l);
        const r = this.eval(n.r);
        return n.op === "," ? r : binop(n.op, l, r);
      }
    }
  }
}

function binop(op: string, l: bigint, r: bigint): bigint {
  switch (op) {
    case "+": return BigInt.asIntN(64, l + r);
    case "-": return BigInt.asIntN(64, l - r);
    case "*": return BigInt.asIntN(64, l * r);
    case "/": case "%":
      if (r === 0n) throw new ArithError("division by 0");
      return BigInt.asIntN(64, op === "/" ? l / r : l % r);
    case "**":
      if (r < 0n) throw new ArithError("exponent less than 0");
      return power(l, r);
    case "<<": return BigInt.asIntN(64, l << (r & 63n));
    case ">>": return BigInt.asIntN(64, l >> (r & 63n));
    case "<": return l < r ? 1n : 0n;
    case "<=": return l <= r ? 1n : 0n;
    case ">": return l > r ? 1n : 0n;
    case ">=": return l >= r ? 1n : 0n;
    case "==": return l === r ? 1n : 0n;
    case "!=": return l !== r ? 1n : 0n;
    case "&": return l & r;
    case "^": return l ^ r;
    case "|": return l | r;
    default: throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${op}")`);
  }
}

/** `base ** exp` modulo 2^64, by repeated squaring. */
function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asIntN(64, result * b);
    b = BigInt.asIntN(64, b * b);
    e >>= 1n;
  }
  return result;
}
