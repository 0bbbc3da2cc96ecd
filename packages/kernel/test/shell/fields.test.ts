import { describe, expect, it } from "vitest";
import { fieldBreak, fieldText, joinSegments, splitFields, type Segment } from "../../src/shell/fields.js";

const expanded = (text: string): Segment => ({ text, quoted: false, split: true });
const literal = (text: string): Segment => ({ text, quoted: false, split: false });
const quoted = (text: string): Segment => ({ text, quoted: true, split: false });
const split = (segments: Segment[], ifs?: string) => splitFields(segments, ifs).map(fieldText);

describe("splitFields", () => {
  it("splits on IFS whitespace, dropping leading and trailing runs", () => {
    expect(split([expanded("  a \t b\n ")])).toEqual(["a", "b"]);
  });

  it("makes every non-whitespace IFS character a delimiter, with adjacent whitespace absorbed", () => {
    expect(split([expanded("a::b")], ":")).toEqual(["a", "", "b"]);
    expect(split([expanded(":a:")], ":")).toEqual(["", "a"]);
    expect(split([expanded("a : b")], " :")).toEqual(["a", "b"]);
    expect(split([expanded("a: :b")], " :")).toEqual(["a", "", "b"]);
  });

  it("never splits literal or quoted text, and keeps a field that holds only quotes", () => {
    expect(split([literal("x y"), expanded("1 2")])).toEqual(["x y1", "2"]);
    expect(split([quoted("")])).toEqual([""]);
    expect(split([expanded("")])).toEqual([]);
  });

  it("does not split at all when IFS is empty", () => {
    expect(split([expanded("a b")], "")).toEqual(["a b"]);
  });

  it("ends a field at a quoted $@ break and treats an unquoted one as the first IFS character", () => {
    expect(split([quoted("a"), fieldBreak(false, true), quoted("")])).toEqual(["a", ""]);
    expect(split([expanded("one"), fieldBreak(false, false), expanded(""), fieldBreak(false, false), expanded("two")], "x")).toEqual(["one", "", "two"]);
    expect(split([expanded("one"), fieldBreak(false, false), expanded(""), fieldBreak(false, false), expanded("two")])).toEqual(["one", "two"]);
  });
});

describe("joinSegments", () => {
  it("joins $@ with spaces and $* with the first IFS character", () => {
    expect(joinSegments([quoted("x"), fieldBreak(false, false), quoted("y")], ":")).toBe("x y");
    expect(joinSegments([quoted("x"), fieldBreak(true, false), quoted("y")], ":")).toBe("x:y");
    expect(joinSegments([quoted("x"), fieldBreak(true, false), quoted("y")], undefined)).toBe("x y");
  });
});
