import { describe, expect, it } from "vitest";
import { expandBraces } from "../../src/shell/brace.js";
import type { Word } from "../../src/shell/ast.js";
import { parseScript } from "../../src/shell/parser.js";
import type { SimpleCommand } from "../../src/shell/ast.js";

function word(text: string): Word {
  return (parseScript(`echo ${text}`).items[0]!.first.commands[0] as SimpleCommand).words[1]!;
}

/** The expansions of `text` shown as source-like strings (non-literal parts as their type). */
function braces(text: string): string[] {
  return expandBraces(word(text)).map((w) => w.parts.map((p) => (p.type === "lit" ? p.text : `<${p.type}>`)).join(""));
}

describe("expandBraces", () => {
  it("expands alternatives with a prefix and suffix, nested and empty ones included", () => {
    expect(braces("x{a,b}y")).toEqual(["xay", "xby"]);
    expect(braces("{a,{b,c}d}")).toEqual(["a", "bd", "cd"]);
    expect(braces("f{,.bak}")).toEqual(["f", "f.bak"]);
    expect(braces("{a,b}{1,2}")).toEqual(["a1", "a2", "b1", "b2"]);
  });

  it("expands numeric and letter sequences, with steps, reversal and zero padding", () => {
    expect(braces("{1..4}")).toEqual(["1", "2", "3", "4"]);
    expect(braces("{3..1}")).toEqual(["3", "2", "1"]);
    expect(braces("{0..10..5}")).toEqual(["0", "5", "10"]);
    expect(braces("{08..10}")).toEqual(["08", "09", "10"]);
    expect(braces("{a..c}")).toEqual(["a", "b", "c"]);
  });

  it("keeps expansions and quoted text inside alternatives", () => {
    expect(braces("{$x,'a,b'}")).toEqual(["<param>", "<sq>"]);
  });

  it("leaves groups without a comma or a valid sequence, and quoted braces, as written", () => {
    expect(braces("{}")).toEqual(["{}"]);
    expect(braces("{a}")).toEqual(["{a}"]);
    expect(braces("{1..b}")).toEqual(["{1..b}"]);
    expect(braces("'{a,b}'")).toEqual(["<sq>"]);
    expect(braces("{a,b")).toEqual(["{a,b"]);
  });
});
