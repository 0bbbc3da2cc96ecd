/**
 * bash's `[[ expr ]]`: operands are expanded without field splitting or
 * globbing; the right side of `==`/`!=` is a pattern and of `=~` an
 * extended regular expression; `-eq` and friends evaluate arithmetic.
 * Status 0 true, 1 false, 2 for a malformed expression.
 */
import type { CondExpr, Word } from "./ast.js";
import { arithValue, expandParts, expandPattern, expandString } from "./expand.js";
import { isBreak, type Segment } from "./fields.js";
import type { Interpreter } from "./interpreter.js";
import { matchPattern } from "./pattern.js";
import { ereRegExp, escapeEre } from "./regex.js";
import { binaryTest, TestError, unaryTest } from "./test-ops.js";
import { traceIfOn } from "./xtrace.js";

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

/** Evaluates a node; `negated`: it is the operand of `!` (which `set -x` shows with it). */
async function evalNode(sh: Interpreter, e: CondExpr, negated = false): Promise<boolean> {
  const trace = (text: string): Promise<void> => traceIfOn(sh, () => `[[ ${negated ? "! " : ""}${text} ]]`);
  switch (e.type) {
    case "and": return (await evalNode(sh, e.left)) && evalNode(sh, e.right);
    case "or": return (await evalNode(sh, e.left)) || evalNode(sh, e.right);
    case "not": return !(await evalNode(sh, e.expr, true));
    case "word": {
      const value = await expandString(sh, e.word);
      await trace(`-n ${value}`);
      return value !== "";
    }
    case "unary": {
      const arg = await expandString(sh, e.arg);
      await trace(`${e.op} ${arg}`);
      return unaryTest(sh, e.op, arg);
    }
    case "binary": {
      if (ARITH_OPS.has(e.op)) {
        const l = BigInt(await arithValue(sh, e.left, "[["));
        const r = BigInt(await arithValue(sh, e.right, "[["));
        await trace(`${l} ${e.op} ${r}`);
        return binaryTest(sh, e.op, l.toString(), r.toString());
      }
      const left = await expandString(sh, e.left);
      if (e.op === "==" || e.op === "=" || e.op === "!=") {
        const pattern = await expandPattern(sh, e.right);
        await trace(`${left} ${e.op} ${pattern}`);
        const matched = matchPattern(pattern, left, sh.state.shopt.nocasematch);
        return e.op === "!=" ? !matched : matched;
      }
      if (e.op === "=~") {
        const source = await expandRegex(sh, e.right);
        await trace(`${left} =~ ${source}`);
        return regexMatch(sh, source, left);
      }
      const right = await expandString(sh, e.right);
      await trace(`${left} ${e.op} ${right}`);
      return binaryTest(sh, e.op, left, right);
    }
  }
}

/** The right side of `=~` as an ERE: quoted parts match literally, as in bash. */
async function expandRegex(sh: Interpreter, word: Word): Promise<string> {
  const segments: Segment[] = [];
  await expandParts(sh, word.parts, false, false, segments);
  let out = "";
  for (const seg of segments) {
    if (isBreak(seg)) out += " ";
    else out += seg.quoted ? escapeEre(seg.text) : seg.text;
  }
  return out;
}

/** `=~`: an extended regular expression, searched for; BASH_REMATCH gets the match and its groups. */
function regexMatch(sh: Interpreter, source: string, text: string): boolean {
  let re: RegExp;
  try {
    re = ereRegExp(source, sh.state.shopt.nocasematch);
  } catch {
    throw new TestError(`${source}: invalid regular expression`);
  }
  const m = re.exec(text);
  sh.state.setArray("BASH_REMATCH", m === null ? [] : m.map((g) => [null, g ?? ""]), false);
  return m !== null;
}
