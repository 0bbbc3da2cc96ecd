import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("bash's set and shopt options", () => {
  it("shows $- in bash's order, with h, B and c for sh -c", async () => {
    expect((await runShell("echo $-; set -xv +h; echo $-")).stdout).toBe("hBc\nvxBc\n");
  });

  it("lists every set -o name bash has, with the values in effect", async () => {
    const out = await stdoutOf("set -o pipefail; set -o");
    expect(out.split("\n").length).toBe(28);
    expect(out).toContain("braceexpand    \ton\n");
    expect(out).toContain("interactive-comments\ton\n");
    expect(out).toContain("pipefail       \ton\n");
  });

  it("turns brace expansion off with set +B", async () => {
    expect(await stdoutOf("echo {a,b}; set +B; echo {a,b}")).toBe("a b\n{a,b}\n");
  });

  it("accepts bash's shopt names and reports them, rejecting unknown ones", async () => {
    expect(await runShell("shopt -s extglob checkwinsize; shopt extglob; shopt -q lastpipe || echo off; shopt -s nosuch")).toEqual({
      status: 1, stdout: "extglob        \ton\noff\n", stderr: "sh: shopt: nosuch: invalid shell option name\n",
    });
  });

  it("runs the last stage of a pipeline in the shell with lastpipe", async () => {
    expect(await stdoutOf('shopt -s lastpipe; echo "x y" | read a b; echo "[$a] [$b] ${PIPESTATUS[@]}"')).toBe("[x] [y] 0 0\n");
  });

  it("makes echo interpret escapes with xpg_echo", async () => {
    expect(await stdoutOf("shopt -s xpg_echo; echo 'a\\tb'")).toBe("a\tb\n");
  });

  it("keeps & literal in replacements when patsub_replacement is off", async () => {
    expect(await stdoutOf("shopt -u patsub_replacement; x=abc; echo ${x/b/&}")).toBe("a&c\n");
  });
});
