import { describe, expect, it } from "vitest";
import { parseScript } from "../../src/shell/parser.js";
import { ShellSyntaxError } from "../../src/shell/syntax-error.js";
import type { CommandList, SimpleCommand } from "../../src/shell/ast.js";

function firstCommand(list: CommandList) {
  return list.items[0]!.first.commands[0]!;
}

function syntaxError(text: string, partial = false): { message: string; line: number } {
  try {
    parseScript(text, 1, undefined, partial);
  } catch (err) {
    if (err instanceof ShellSyntaxError) return { message: err.message, line: err.line };
    throw err;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe("parseScript", () => {
  it("splits a simple command into assignments, words and redirections", () => {
    const cmd = firstCommand(parseScript("A=1 B=two echo hi >out 2>&1")) as SimpleCommand;
    expect(cmd.type).toBe("simple");
    expect(cmd.assigns.map((a) => a.name)).toEqual(["A", "B"]);
    expect(cmd.words.map((w) => w.parts)).toEqual([[{ type: "lit", text: "echo" }], [{ type: "lit", text: "hi" }]]);
    expect(cmd.redirects.map((r) => [r.fd, r.op])).toEqual([[null, ">"], [2, ">&"]]);
  });

  it("keeps quoting as word parts", () => {
    const cmd = firstCommand(parseScript(`echo a'b c'"d $x"\\e`)) as SimpleCommand;
    expect(cmd.words[1]!.parts).toEqual([
      { type: "lit", text: "a" },
      { type: "sq", text: "b c" },
      { type: "dq", parts: [{ type: "lit", text: "d " }, { type: "param", name: "x", length: false, op: null, colon: false, arg: null, arg2: null }] },
      { type: "esc", text: "e" },
    ]);
  });

  it("parses ${x:-word}, ${#x} and ${x%%pat} operators", () => {
    const cmd = firstCommand(parseScript("echo ${x:-a b} ${#y} ${z%%*.c}")) as SimpleCommand;
    const [a, b, c] = cmd.words.slice(1).map((w) => w.parts[0]);
    expect(a).toMatchObject({ type: "param", name: "x", op: "-", colon: true, arg: { parts: [{ type: "lit", text: "a b" }] } });
    expect(b).toMatchObject({ type: "param", name: "y", length: true, op: null });
    expect(c).toMatchObject({ type: "param", name: "z", op: "%%", arg: { parts: [{ type: "lit", text: "*.c" }] } });
  });

  it("tells $(( )) arithmetic from $( ( ) ) subshells", () => {
    const arith = firstCommand(parseScript("echo $((1 + (2 * 3)))")) as SimpleCommand;
    expect(arith.words[1]!.parts[0]!.type).toBe("arith");
    const sub = firstCommand(parseScript("echo $( (echo hi) )")) as SimpleCommand;
    expect(sub.words[1]!.parts[0]!.type).toBe("cmdsub");
  });

  it("parses a case pattern containing ) inside a command substitution", () => {
    const cmd = firstCommand(parseScript("echo $(case x in x) echo yes;; esac)")) as SimpleCommand;
    expect(cmd.words[1]!.parts[0]!.type).toBe("cmdsub");
  });

  it("reads here-document bodies after the line that opens them, stripping tabs for <<-", () => {
    const list = parseScript("cat <<A; cat <<-'B'\nhello $x\nA\n\tliteral $y\n\tB\necho after\n");
    const a = (list.items[0]!.first.commands[0] as SimpleCommand).redirects[0]!.heredoc!;
    const b = (list.items[1]!.first.commands[0] as SimpleCommand).redirects[0]!.heredoc!;
    expect(a.quoted).toBe(false);
    expect(a.body.parts.map((p) => p.type)).toEqual(["lit", "param", "lit"]);
    expect(b).toEqual({ quoted: true, body: { parts: [{ type: "sq", text: "literal $y\n" }] } });
    expect(list.items).toHaveLength(3);
  });

  it("parses compound commands with their redirections", () => {
    const list = parseScript("if a; then b; elif c; then d; else e; fi >f\nwhile x; do y; done\nfor i in 1 2; do :; done\n{ g; } 2>/dev/null\n(h)");
    expect(list.items.map((i) => i.first.commands[0]!.type)).toEqual(["if", "while", "for", "group", "subshell"]);
    expect((list.items[0]!.first.commands[0] as { redirects: unknown[] }).redirects).toHaveLength(1);
  });

  it("parses function definitions in both syntaxes", () => {
    const list = parseScript("f() { echo f; }\nfunction g { echo g; }");
    expect(list.items.map((i) => i.first.commands[0])).toMatchObject([
      { type: "function", name: "f", body: { type: "group" } },
      { type: "function", name: "g", body: { type: "group" } },
    ]);
  });

  it("marks background jobs, negation and and-or links", () => {
    const list = parseScript("a & ! b | c && d || e");
    expect(list.items[0]!.background).toBe(true);
    const second = list.items[1]!;
    expect(second.first.bang).toBe(true);
    expect(second.first.commands).toHaveLength(2);
    expect(second.rest.map((r) => r.op)).toEqual(["&&", "||"]);
  });

  it("recognizes reserved words only where a command starts", () => {
    const cmd = firstCommand(parseScript("echo if then fi")) as SimpleCommand;
    expect(cmd.words).toHaveLength(4);
  });

  it("expands a leading tilde and tildes after : in assignments", () => {
    const cmd = firstCommand(parseScript("P=~/a:~b/c echo ~/x")) as SimpleCommand;
    expect(cmd.assigns[0]!.value.parts).toEqual([
      { type: "tilde", user: "" }, { type: "lit", text: "/a:" }, { type: "tilde", user: "b" }, { type: "lit", text: "/c" },
    ]);
    expect(cmd.words[1]!.parts).toEqual([{ type: "tilde", user: "" }, { type: "lit", text: "/x" }]);
  });

  it("reports syntax errors with their line", () => {
    expect(syntaxError("echo ok\nif true; then\n")).toEqual({ message: "unexpected end of file", line: 3 });
    expect(syntaxError("echo )")).toEqual({ message: "unexpected ')'", line: 1 });
    expect(syntaxError(";")).toEqual({ message: "unexpected ';'", line: 1 });
    expect(syntaxError("echo 'abc")).toEqual({ message: "unterminated quoted string", line: 1 });
    expect(syntaxError("echo ${a&}")).toEqual({ message: "bad substitution", line: 1 });
    expect(syntaxError("{ }")).toEqual({ message: "unexpected '}'", line: 1 });
  });

  it("treats a line continuation or a here-document left open at the end of partial text as unfinished", () => {
    expect(syntaxError("echo x \\\n", true)).toEqual({ message: "unexpected end of file", line: 1 });
    expect(syntaxError("echo x\\\n", true)).toEqual({ message: "unexpected end of file", line: 1 });
    expect(syntaxError("cat <<EOF\nbody\n", true)).toEqual({ message: "unterminated here-document", line: 1 });
    expect(firstCommand(parseScript("echo x \\\n")).type).toBe("simple");
    expect(parseScript("# a comment \\\n", 1, undefined, true).items).toEqual([]);
  });

  it("expands aliases where a command word can appear, never inside their own expansion", () => {
    const aliases = new Map([["ll", "ls -l"], ["ls", "ls --color"], ["s", "sudo "], ["w", "world"], ["g", "{ echo"]]);
    const words = (text: string) => (firstCommand(parseScript(text, 1, aliases)) as SimpleCommand).words.map((w) => (w.parts[0] as { text: string }).text);
    expect(words("ll x")).toEqual(["ls", "--color", "-l", "x"]);
    expect(words("s w")).toEqual(["sudo", "world"]);
    expect(words("echo w")).toEqual(["echo", "w"]);
    expect(firstCommand(parseScript("g hi; }", 1, aliases)).type).toBe("group");
  });
});
