import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("extended globs", () => {
  it("match alternatives in case and [[ ]]", async () => {
    const script = "shopt -s extglob\ncase foo.ts in *.@(js|ts)) echo script;; esac\n[[ 123 == +([0-9]) ]] && echo number\n[[ baz == ?(ba)z ]] && echo optional";
    expect(await stdoutOf(script)).toBe("script\nnumber\noptional\n");
  });

  it("negate with !(...) in case and in pathname expansion", async () => {
    const script = "shopt -s extglob\nfor f in x.c z.o; do case $f in !(*.o)) echo keep $f;; esac; done\n: > a.txt; : > b.log; : > c.md; echo !(*.txt)";
    expect(await stdoutOf(script)).toBe("keep x.c\nb.log c.md\n");
  });

  it("trim with *( ) in parameter operators", async () => {
    expect(await stdoutOf('shopt -s extglob\nv="  hi  "; v=${v##*( )}; echo "[${v%%*( )}]"')).toBe("[hi]\n");
  });

  it("leave !(list) where a command starts as a negated subshell", async () => {
    expect(await stdoutOf("!(false) && echo negated")).toBe("negated\n");
  });

  it("are ordinary characters when quoted", async () => {
    expect(await stdoutOf("[[ '@(a)' == '@(a)' ]] && echo literal; [[ a == \"@(a)\" ]] || echo no-match")).toBe("literal\nno-match\n");
  });
});
