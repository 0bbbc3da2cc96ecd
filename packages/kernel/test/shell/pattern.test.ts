import { describe, expect, it } from "vitest";
import { escapePattern, hasGlobChars, matchPattern, replacePattern, stripPattern } from "../../src/shell/pattern.js";

describe("matchPattern", () => {
  it("matches *, ? and bracket expressions against the whole string", () => {
    expect(matchPattern("*.txt", "notes.txt")).toBe(true);
    expect(matchPattern("*.txt", "notes.txt.bak")).toBe(false);
    expect(matchPattern("a?c", "abc")).toBe(true);
    expect(matchPattern("[a-c]x", "bx")).toBe(true);
    expect(matchPattern("[!a-c]x", "bx")).toBe(false);
    expect(matchPattern("[^a-c]x", "dx")).toBe(true);
    expect(matchPattern("[[:digit:]][[:upper:]]", "7Q")).toBe(true);
    expect(matchPattern("[]x]", "]")).toBe(true);
  });

  it("treats an unclosed bracket as a literal [", () => {
    expect(matchPattern("[abc", "[abc")).toBe(true);
  });

  it("matches backslash-quoted characters literally", () => {
    expect(matchPattern("\\*", "*")).toBe(true);
    expect(matchPattern("\\*", "x")).toBe(false);
    expect(matchPattern(escapePattern("a*[b]-?"), "a*[b]-?")).toBe(true);
    expect(matchPattern("[C" + escapePattern("-") + "D]", "-")).toBe(true);
  });
});

describe("stripPattern", () => {
  it("removes the shortest or longest matching prefix or suffix", () => {
    expect(stripPattern("a/b/c.tar.gz", "*/", true, false)).toBe("b/c.tar.gz");
    expect(stripPattern("a/b/c.tar.gz", "*/", true, true)).toBe("c.tar.gz");
    expect(stripPattern("a/b/c.tar.gz", ".*", false, false)).toBe("a/b/c.tar");
    expect(stripPattern("a/b/c.tar.gz", ".*", false, true)).toBe("a/b/c");
    expect(stripPattern("abc", "x", true, true)).toBe("abc");
  });
});

describe("replacePattern", () => {
  it("replaces the first, every, leading or trailing match", () => {
    expect(replacePattern("aXbXc", "X", "-", false, null)).toBe("a-bXc");
    expect(replacePattern("aXbXc", "X", "-", true, null)).toBe("a-b-c");
    expect(replacePattern("aXbXc", "a", "-", false, "start")).toBe("-XbXc");
    expect(replacePattern("aXbXc", "c", "-", false, "end")).toBe("aXbX-");
    expect(replacePattern("hello", "l*", "L", false, null)).toBe("heL");
  });
});

describe("hasGlobChars", () => {
  it("counts *, ? and a closed bracket expression, but not a lone [ or quoted characters", () => {
    expect(["a*", "?", "[ab]", "[]]", "x[!y]"].map(hasGlobChars)).toEqual([true, true, true, true, true]);
    expect(["[", "[a", "a]", "\\*", "plain"].map(hasGlobChars)).toEqual([false, false, false, false, false]);
  });
});
