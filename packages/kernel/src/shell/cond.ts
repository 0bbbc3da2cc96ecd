/**
 * bash's `[[ expr ]]`: operands are expanded without field splitting or
 * globbing; the right side of `==`/`!=` is a pattern and of `=~` an
 * extended regular expression; `-eq` and friends evaluate arithmetic.
 * Status 0 true, 1 false, 2 for a malformed expression.
 */
import type { CondExpr } from "./ast.js";
import { arithValue, expandPattern, expandString } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { matchPattern } from "./pattern.js";
import { binaryTest, TestError, unaryTest } from "./test-ops.js";

const ARITH_OPS = new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]);

/** Evaluates a `[[ ]]` command; returns its exit status. */
export async function evalCond(sh: Interpreter, expr: CondExpr): Promise<number> {
  try {
    return (await evalNode(sh, expr)) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof TestError)) throw err;
    await sh.error(`[[: ${err.message}`);
    return 2;
  }
}

async function evalNode(sh: Interpreter, e: CondExpr): Promise<boolean> {
  switch (e.type) {
    case "and": return (await evalNode(sh, e.left)) && evalNode(sh, e.right);
    case "or": return (await evalNode(sh, e.left)) || evalNode(sh, e.right);
    case "not": return !(await evalNode(sh, e.expr));
    case "word": return (await expandString(sh, e.word)) !== "";
    case "unary": return unaryTest(sh, e.op, await expandString(sh, e.arg));
    case "binary": {
      if (ARITH_OPS.has(e.op)) {
        const l = BigInt(await arithValue(sh, e.left));
        const r = BigInt(await arithValue(sh, e.right));
        return binaryTest(sh, e.op, l.toString(), r.toString());
      }
      const left = await expandString(sh, e.left);
      if (e.op === "==" || e.op === "=" || e.op === "!=") {
        const matched = matchPattern(await expandPattern(sh, e.right), left);
        return e.op === "!=" ? !matched : matched;
      }
      if (e.op === "=~") return regexMatch(sh, await expandString(sh, e.right), left);
      return binaryTest(sh, e.op, left, await expandString(sh, e.right));
    }
  }
}

/** `=~`: an extended regular expression, searched for; BASH_REMATCH gets the match and its groups. */
function regexMatch(sh: Interpreter, source: string, text: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch {
    throw new TestError(`${source}: invalid regular expression`);
  }
  const m = re.exec(text);
  sh.state.setArray("BASH_REMATCH", m === null ? [] : m.map((g) => [null, g ?? ""]), false);
  return m !== null;
}
