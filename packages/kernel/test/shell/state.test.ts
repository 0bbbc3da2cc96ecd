import { describe, expect, it } from "vitest";
import { ReadonlyError, ShellState } from "../../src/shell/state.js";

describe("ShellState", () => {
  it("restores bindings when a scope closes", () => {
    const s = new ShellState();
    s.set("x", "global");
    s.pushScope("function");
    s.saveInScope("x");
    s.set("x", "local");
    s.saveInScope("y");
    s.set("y", "new");
    expect([s.get("x"), s.get("y")]).toEqual(["local", "new"]);
    s.popScope();
    expect([s.get("x"), s.get("y")]).toEqual(["global", undefined]);
  });

  it("reveals the shadowed value when a temporary binding is unset, but keeps an unset local local", () => {
    const s = new ShellState();
    s.set("x", "global");
    s.pushScope("temp");
    s.saveInScope("x");
    s.set("x", "temp");
    s.pushScope("function");
    s.unset("x");
    expect(s.get("x")).toBe("global");
    s.saveInScope("x");
    s.set("x", "local");
    s.unset("x");
    expect(s.get("x")).toBeUndefined();
    s.popScope();
    s.popScope();
    expect(s.get("x")).toBe("global");
  });

  it("lists only exported, set variables in the environment, and notices changes", () => {
    const s = new ShellState();
    s.set("a", "1");
    s.export("a");
    s.export("b");
    expect(s.environment()).toEqual({ a: "1" });
    s.set("a", "2");
    expect(s.environment()).toEqual({ a: "2" });
    s.unset("a");
    expect(s.environment()).toEqual({});
  });

  it("refuses to change a readonly variable", () => {
    const s = new ShellState();
    s.set("r", "1");
    s.markReadonly("r");
    expect(() => s.set("r", "2")).toThrow(ReadonlyError);
    expect(() => s.unset("r")).toThrow(ReadonlyError);
  });

  it("gives a subshell a copy that cannot change the original", () => {
    const s = new ShellState();
    s.set("x", "1");
    s.traps.set("EXIT", "echo bye");
    const copy = s.clone();
    copy.set("x", "2");
    expect(s.get("x")).toBe("1");
    expect(copy.traps.has("EXIT")).toBe(false);
  });

  it("keeps sparse indexed arrays, reading element 0 as the scalar value", () => {
    const s = new ShellState();
    s.setArray("a", [[null, "x"], [5, "y"], [null, "z"]], false);
    expect([s.arrayValues("a"), s.arrayKeys("a"), s.get("a"), s.getElement("a", -1)]).toEqual([["x", "y", "z"], ["0", "5", "6"], "x", "z"]);
    s.setArray("a", [[null, "w"]], true);
    s.unsetElement("a", 5);
    expect([s.arrayValues("a"), s.environment()]).toEqual([["x", "z", "w"], {}]);
    s.set("b", "scalar");
    s.setElement("b", 2, "two");
    expect(s.arrayValues("b")).toEqual(["scalar", "two"]);
  });
});
