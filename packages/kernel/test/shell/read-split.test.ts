import { describe, expect, it } from "vitest";
import { splitForRead } from "../../src/shell/builtins/read.js";

const chars = (text: string, quotedAt: number[] = []) => [...text].map((ch, i) => ({ ch, quoted: quotedAt.includes(i) }));

describe("splitForRead", () => {
  it("gives each variable one field and the last one the rest of the line", () => {
    expect(splitForRead(chars("  a b  c d  "), " \t\n", 2)).toEqual(["a", "b  c d"]);
  });

  it("sets missing fields to empty strings", () => {
    expect(splitForRead(chars("a"), " \t\n", 3)).toEqual(["a", "", ""]);
  });

  it("splits on non-whitespace IFS characters, dropping one trailing delimiter from the last field", () => {
    expect(splitForRead(chars("x:y:"), ":", 2)).toEqual(["x", "y"]);
    expect(splitForRead(chars("x:y::"), ":", 2)).toEqual(["x", "y::"]);
    expect(splitForRead(chars("x::y"), ":", 3)).toEqual(["x", "", "y"]);
  });

  it("never splits at a backslash-quoted separator", () => {
    expect(splitForRead(chars("a b c", [1]), " \t\n", 2)).toEqual(["a b", "c"]);
  });
});
