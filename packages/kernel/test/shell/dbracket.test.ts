import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("[[ ]] as bash parses it", () => {
  it("expands a tilde in its operands", async () => {
    expect(await stdoutOf("HOME=/home/bob; [[ ~ == /home/bob ]] && echo eq; [[ -d ~ ]] || echo no-dir; [[ $HOME =~ ~ ]] && echo re")).toBe("eq\nno-dir\nre\n");
  });

  it("allows newlines around && and || and before ]]", async () => {
    expect(await stdoutOf("[[ foo == foo\n&& bar == bar\n]] && echo true")).toBe("true\n");
  });

  it("ends a regex at a ) that closes a group of the expression", async () => {
    expect(await stdoutOf("[[ (foo =~ foo) ]] && echo one; [[ ! (\" a \" =~ \" b \" || x =~ y) ]] && echo two")).toBe("one\ntwo\n");
  });
});

describe("arithmetic errors in commands", () => {
  it("fail (( )), let, [[ ]] and the arithmetic for with status 1 and go on", async () => {
    const r = await stdoutOf("(( 1/0 )) 2>/dev/null; echo $?; let '1/0' 2>/dev/null; echo $?; [[ 1 -eq 1/0 ]] 2>/dev/null; echo $?");
    expect(r).toBe("1\n1\n1\n");
  });

  it("name the command in the message", async () => {
    expect(await runShell("(( x = 1 / 0 )); echo after")).toEqual({ status: 0, stdout: "after\n", stderr: "sh: ((: x = 1 / 0: division by 0\n" });
  });
});
