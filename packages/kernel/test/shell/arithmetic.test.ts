import { describe, expect, it } from "vitest";
import { ArithError, evaluateArithmetic } from "../../src/shell/arithmetic.js";

function scope(vars: Record<string, string> = {}) {
  return { vars, get: (n: string) => vars[n], set: (n: string, v: string) => void (vars[n] = v) };
}

const calc = (text: string, vars?: Record<string, string>) => evaluateArithmetic(text, scope(vars)).toString();

describe("evaluateArithmetic", () => {
  it("follows C precedence and associativity", () => {
    expect(calc("1 + 2 * 3")).toBe("7");
    expect(calc("(1 + 2) * 3")).toBe("9");
    expect(calc("10 - 4 - 3")).toBe("3");
    expect(calc("2 ** 3 ** 2")).toBe("512");
    expect(calc("1 < 2 && 2 < 3 || 0")).toBe("1");
    expect(calc("7 % 3 == 1 ? 10 : 20")).toBe("10");
    expect(calc("-7 / 2")).toBe("-3");
    expect(calc("~0 & 0xff ^ 1 | 4")).toBe("254");
    expect(calc("1 << 4 >> 2")).toBe("4");
    expect(calc("!5, !0")).toBe("1");
  });

  it("reads decimal, octal, hex and base#digits constants", () => {
    expect(calc("010 + 0x10 + 2#101 + 36#z + 64#_")).toBe(String(8 + 16 + 5 + 35 + 63));
  });

  it("wraps around at 64 bits as C does", () => {
    expect(calc("9223372036854775807 + 1")).toBe("-9223372036854775808");
    expect(calc("1 << 63")).toBe("-9223372036854775808");
  });

  it("reads variables, recursively when their value is an expression, and treats unset as 0", () => {
    expect(calc("a + b + c", { a: "2", b: "a * 3" })).toBe("8");
  });

  it("assigns with =, op= and ++/--", () => {
    const s = scope({ x: "5" });
    expect(evaluateArithmetic("y = x++ + ++x", s).toString()).toBe("12");
    expect(s.vars).toEqual({ x: "7", y: "12" });
    expect(evaluateArithmetic("x <<= 2, x -= 3", s).toString()).toBe("25");
  });

  it("short-circuits && || and ?: so the skipped side has no effect", () => {
    const s = scope({ x: "0" });
    evaluateArithmetic("0 && (x = 1), 1 || (x = 2), 1 ? 0 : (x = 3)", s);
    expect(s.vars.x).toBe("0");
  });

  it("rejects division by zero, bad digits and stray characters", () => {
    expect(() => calc("1 / 0")).toThrow(new ArithError("division by 0"));
    expect(() => calc("09")).toThrow(/value too great for base/);
    expect(() => calc("1 + 2.5")).toThrow(/invalid arithmetic operator/);
    expect(() => calc("1 +")).toThrow(/operand expected/);
  });

  it("treats an empty expression as 0", () => {
    expect(calc("  ")).toBe("0");
  });

  it("reads and assigns array elements through the scope", () => {
    const elements = new Map<string, string>([["a:1", "5"]]);
    const scope = {
      get: (n: string, i?: number) => elements.get(`${n}:${i ?? 0}`),
      set: (n: string, v: string, i?: number) => void elements.set(`${n}:${i ?? 0}`, v),
    };
    expect(evaluateArithmetic("a[1] * 2 + a[0]", scope).toString()).toBe("10");
    expect(evaluateArithmetic("a[2] = a[1]++ + 1, a[1+1]", scope).toString()).toBe("6");
    expect(Object.fromEntries(elements)).toEqual({ "a:1": "6", "a:2": "6" });
  });
});
