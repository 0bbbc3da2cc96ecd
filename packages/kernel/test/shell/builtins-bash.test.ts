import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("bash builtins and builtin options", () => {
  it("runs a builtin past a function of the same name with builtin", async () => {
    expect(await runShell("echo() { builtin echo \"wrapped $*\"; }; echo hi; builtin nosuch; echo $?")).toEqual({
      status: 0, stdout: "wrapped hi\nwrapped 1\n", stderr: "sh: builtin: nosuch: not a shell builtin\n",
    });
  });

  it("keeps a directory stack with pushd, popd and dirs", async () => {
    expect(await stdoutOf("cd /tmp; pushd /home >/dev/null; pushd /bin; dirs -v; popd; pwd; popd >/dev/null; dirs")).toBe(
      "/bin /home /tmp\n 0  /bin\n 1  /home\n 2  /tmp\n/home /tmp\n/home\n/tmp\n",
    );
  });

  it("says popd's stack is empty", async () => {
    expect(await runShell("popd")).toEqual({ status: 1, stdout: "", stderr: "sh: popd: directory stack empty\n" });
  });

  it("quotes with printf %q the way bash does: backslashes, '' for empty, $'...' for control characters", async () => {
    expect(await stdoutOf(`printf '%q\\n' 'a b' "it's" '' '#x' 'a#' '~u' 'k=~v' 'p:~' $'t\\tb' 'plain-word_1.2/3'`)).toBe(
      "a\\ b\nit\\'s\n''\n\\#x\na#\n\\~u\nk=\\~v\np:\\~\n$'t\\tb'\nplain-word_1.2/3\n",
    );
  });

  it("shows a function's definition after type and command -V say it is one", async () => {
    expect(await stdoutOf("f() { echo hi; }; type f; command -V f; type -t f")).toBe(
      "f is a function\nf () \n{ \n    echo hi\n}\n".repeat(2) + "function\n",
    );
  });

  it("waits for the first job to end with wait -n", async () => {
    expect(await stdoutOf("(exit 3) & wait -n; echo $?; wait -n; echo $?")).toBe("3\n127\n");
  });

  it("assigns an array element with printf -v", async () => {
    expect(await stdoutOf("a=(x y); printf -v 'a[1]' '%s-%s' p q; declare -A m; printf -v 'm[k]' '%d' 7; echo ${a[@]} ${m[k]}")).toBe("x p-q 7\n");
  });

  it("fills an array from an origin with mapfile -O and calls back with -C", async () => {
    expect(await stdoutOf("a=(x); mapfile -t -O 1 a <<< $'p\\nq'; echo ${!a[@]} ${a[@]}; mapfile -t -C 'echo cb' -c 1 b <<< $'u\\nv'")).toBe("0 1 2 x p q\ncb 0 u\ncb 1 v\n");
  });

  it("counts printf field widths in bytes, as bash does", async () => {
    expect(await stdoutOf("printf '[%5s|%-5s]\\n' é é")).toBe("[   é|é   ]\n");
  });

  it("formats times with printf %(format)T, in UTC", async () => {
    expect(await stdoutOf("printf '%(%Y-%m-%d %H:%M:%S)T|%(%a %b %e)T|[%12(%F)T]\\n' 86400 0 0")).toBe("1970-01-02 00:00:00|Thu Jan  1|[  1970-01-01]\n");
  });

  it("decodes \\u and \\U in echo -e", async () => {
    expect(await stdoutOf("echo -e '\\u00e9 \\U0001F600'")).toBe("é 😀\n");
  });

  it("prints read's -p prompt only when the input is a terminal", async () => {
    expect(await runShell("read -p 'name? ' x <<< bob; echo $x")).toEqual({ status: 0, stdout: "bob\n", stderr: "" });
  });

  it("reads exactly n characters, newlines included, with read -N", async () => {
    expect(await stdoutOf("printf 'ab\\ncd' | { read -N 4 x; printf '[%s]' \"$x\"; }")).toBe("[ab\nc]");
  });

  it("fails return outside a function with status 2", async () => {
    expect(await runShell("return; echo $?")).toEqual({ status: 0, stdout: "2\n", stderr: "sh: return: can only `return' from a function or sourced script\n" });
  });

  it("says the hash table is empty", async () => {
    expect(await stdoutOf("hash")).toBe("hash: hash table empty\n");
  });

  it("reports real, user and sys for time", async () => {
    expect((await runShell("time true")).stderr).toMatch(/^\nreal\t0m0\.\d{3}s\nuser\t0m0\.000s\nsys\t0m0\.000s\n$/);
  });

  it("answers ulimit and times", async () => {
    expect(await stdoutOf("ulimit -n; ulimit -c unlimited; echo $?; times")).toBe("unlimited\n0\n0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
  });
});
