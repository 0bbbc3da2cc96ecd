/**
 * `test expr` and `[ expr ]`: POSIX's rules for one to four arguments,
 * and for more a recursive-descent parse with `!`, `-a`, `-o` and
 * parentheses. Status 0 true, 1 false, 2 on a malformed expression.
 */
import type { Interpreter } from "../interpreter.js";
import { BINARY_OPS, binaryTest, TestError, UNARY_OPS, unaryTest } from "../test-ops.js";
import type { Builtin } from "./index.js";

class TestParser {
  private i = 0;
  constructor(private readonly sh: Interpreter, private readonly args: string[]) {}

  async evaluate(): Promise<boolean> {
    const n = this.args.length;
    const result = await this.evalN(0, n);
    return result;
  }

  /** POSIX's special cases by argument count, falling back to the full grammar. */
  private async evalN(start: number, end: number): Promise<boolean> {
    const a = this.args;
    const n = end - start;
    if (n === 0) return false;
    if (n === 1) return a[start] !== "";
    if (n === 2) {
      if (a[start] === "!") return a[start + 1] === "";
      if (UNARY_OPS.has(a[start]!)) return unaryTest(this.sh, a[start]!, a[start + 1]!);
      throw new TestError(`${a[start]}: unary operator expected`);
    }
    if (n === 3) {
      if (BINARY_OPS.has(a[start + 1]!)) return binaryTest(this.sh, a[start + 1]!, a[start]!, a[start + 2]!);
      if (a[start + 1] === "-a") return a[start] !== "" && a[start + 2] !== "";
      if (a[start + 1] === "-o") return a[start] !== "" || a[start + 2] !== "";
      if (a[start] === "!") return !(await this.evalN(start + 1, end));
      if (a[start] === "(" && a[end - 1] === ")") return this.evalN(start + 1, end - 1);
      throw new TestError(`${a[start + 1]}: binary operator expected`);
    }
    if (n === 4) {
      if (a[start] === "!") return !(await this.evalN(start + 1, end));
      if (a[start] === "(" && a[end - 1] === ")") return this.evalN(start + 1, end - 1);
    }
    this.i = start;
    const value = await this.orExpr(end);
    if (this.i !== end) throw new TestError(`${a[this.i]}: unexpected argument`);
    return value;
  }

  private async orExpr(end: number): Promise<boolean> {
    let value = await this.andExpr(end);
    while (this.i < end && this.args[this.i] === "-o") {
      this.i++;
      const right = await this.andExpr(end);
      value = value || right;
    }
    return value;
  }

  private async andExpr(end: number): Promise<boolean> {
    let value = await this.notExpr(end);
    while (this.i < end && this.args[this.i] === "-a") {
      this.i++;
      const right = await this.notExpr(end);
      value = value && right;
    }
    return value;
  }

  private async notExpr(end: number): Promise<boolean> {
    if (this.i < end && this.args[this.i] === "!") {
      this.i++;
      return !(await this.notExpr(end));
    }
    return this.primary(end);
  }

  private async primary(end: number): Promise<boolean> {
    const a = this.args;
    if (this.i >= end) throw new TestError("argument expected");
    const tok = a[this.i]!;
    if (tok === "(") {
      this.i++;
      const value = await this.orExpr(end);
      if (a[this.i] !== ")") throw new TestError("`)' expected");
      this.i++;
      return value;
    }
    if (this.i + 2 < end + 1 && this.i + 1 < end && BINARY_OPS.has(a[this.i + 1]!) && this.i + 2 < end) {
      this.i += 3;
      return binaryTest(this.sh, a[this.i - 2]!, tok, a[this.i - 1]!);
    }
    if (UNARY_OPS.has(tok) && this.i + 1 < end) {
      this.i += 2;
      return unaryTest(this.sh, tok, a[this.i - 1]!);
    }
    this.i++;
    return tok !== "";
  }
}

/** `test expr` and `[ expr ]`. */
export const testBuiltin: Builtin = async (sh, args, name) => {
  let operands = args;
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      await sh.error("[: missing `]'");
      return 2;
    }
    operands = args.slice(0, -1);
  }
  try {
    return (await new TestParser(sh, operands).evaluate()) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof TestError)) throw err;
    await sh.error(`${name}: ${err.message}`);
    return 2;
  }
};
