import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("declare and its attributes", () => {
  it("evaluates assignments to a declare -i variable, += adding", async () => {
    expect(await stdoutOf("declare -i n=3+4; echo $n; n+=5; echo $n; n='2*3'; echo $n")).toBe("7\n12\n6\n");
  });

  it("converts case for declare -u and declare -l", async () => {
    expect(await stdoutOf("declare -u u=hello; u+=' world'; declare -l l=HeLLo; echo $u $l")).toBe("HELLO WORLD hello\n");
  });

  it("makes a name reference with declare -n, also across a function call", async () => {
    expect(await stdoutOf("declare -n r=x; x=5; echo $r; r=7; echo $x; f() { local -n out=$1; out+=(new); }; a=(1); f a; echo ${a[@]}")).toBe("5\n7\n1 new\n");
  });

  it("prints variables as bash does with declare -p, quoting values that need it", async () => {
    const script = "x=5; declare -ir i=3; a=(1 'two three'); t=$'a\\tb'; q='q\"$'; declare -p x i a t q";
    expect(await stdoutOf(script)).toBe('declare -- x="5"\ndeclare -ir i="3"\ndeclare -a a=([0]="1" [1]="two three")\ndeclare -- t=$\'a\\tb\'\ndeclare -- q="q\\"\\$"\n');
  });

  it("assigns an array literal before declare -r makes it readonly", async () => {
    expect(await runShell("declare -r a=(one two); echo ${a[@]} ${a@a}; a[0]=x")).toEqual({ status: 2, stdout: "one two ar\n", stderr: "sh: a: readonly variable\n" });
  });

  it("says when declare -p finds no such variable", async () => {
    expect(await runShell("declare -p nope; echo $?")).toEqual({ status: 0, stdout: "1\n", stderr: "sh: declare: nope: not found\n" });
  });

  it("lists exported variables in bash's form for export -p", async () => {
    expect(await stdoutOf("export E='a b'; export -p | while read -r line; do case $line in *' E='*) echo \"$line\";; esac; done")).toBe('declare -x E="a b"\n');
  });

  it("declares at the top level, and locally in a function unless -g", async () => {
    expect(await stdoutOf('declare x; declare -p x; f() { declare g=1; declare -g h=2; }; f; echo "[$g] [$h]"')).toBe("declare -- x\n[] [2]\n");
  });

  it("prints function definitions in bash's layout with declare -f", async () => {
    const script = "f() { local x=1; if [ $x = 1 ]; then echo yes; fi; for i in a b; do echo $i; done; }; declare -f f";
    expect(await stdoutOf(script)).toBe(
      "f () \n{ \n    local x=1;\n    if [ $x = 1 ]; then\n        echo yes;\n    fi;\n    for i in a b;\n    do\n        echo $i;\n    done\n}\n",
    );
  });

  it("tells whether functions exist with declare -F", async () => {
    expect(await stdoutOf("f() { :; }; declare -F f; declare -F nope || echo missing; declare -F")).toBe("f\nmissing\ndeclare -f f\n");
  });

  it("passes functions to child shells with export -f", async () => {
    expect(await stdoutOf("greet() { echo \"hello $1\"; }; export -f greet; sh -c 'greet world'")).toBe("hello world\n");
  });
});
