import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("bash's parameter operators", () => {
  it("toggles case with ~ and ~~", async () => {
    expect(await stdoutOf('x="Hello World"; echo ${x~} ${x~~}')).toBe("hello World hELLO wORLD\n");
  });

  it("changes the case of only the characters matching the pattern", async () => {
    expect(await stdoutOf("x=abc; echo ${x^^[ab]} ${x^[b]} ${x^[a]}")).toBe("ABc abc Abc\n");
  });

  it("prepends and appends with an empty anchored pattern", async () => {
    expect(await stdoutOf('x=abc; a=(1 2); echo "${x/#/pre-}" "${x/%/-suf}" "${a[@]/#/p}"')).toBe("pre-abc abc-suf p1 p2\n");
  });

  it("puts the match where an unquoted & stands in the replacement", async () => {
    expect(await stdoutOf('x=abc; echo "${x/b/[&]}" ${x//[ac]/<&>} "${x/b/\\&}" "${x/b/"&"}"')).toBe("a[b]c <a>b<c> a&c a&c\n");
  });

  it("transforms with @Q, @U, @u, @L, @E, @a and @A", async () => {
    const script = "x=\"a b'c\"; y=hello; e='a\\tb'; declare -i n=1; echo ${x@Q} ${y@U} ${y@u} ${y@L}; echo \"${e@E}\" ${n@a} \"${x@A}\"";
    expect(await stdoutOf(script)).toBe("'a b'\\''c' HELLO Hello hello\na\tb i x='a b'\\''c'\n");
  });

  it("says 'parameter null or not set' for ${x:?} and 'parameter not set' for ${x?}", async () => {
    expect((await runShell("x=; echo ${x:?}")).stderr).toBe("sh: x: parameter null or not set\n");
    expect((await runShell("echo ${nope?}")).stderr).toBe("sh: nope: parameter not set\n");
  });

  it("leaves a character whose other case is longer, as ß", async () => {
    expect(await stdoutOf("s=$'stra\u00dfe'; echo ${s^^} ${s@U}")).toBe("STRAßE STRAßE\n");
  });

  it("lists arrays among the names of ${!prefix@}", async () => {
    expect(await stdoutOf("hello1=1 hello2=2; hello=(); echo ${!hello@}")).toBe("hello hello1 hello2\n");
  });

  it("gives @a for each element of a list and through indirection", async () => {
    expect(await stdoutOf('a=(1 2 3); declare -A d=([k]=v); r=d; echo "${a[@]@a}" ${!r@a}')).toBe("a a a A\n");
  });

  it("reads the old $[ ] arithmetic", async () => {
    expect(await stdoutOf("echo $[2 * 3]")).toBe("6\n");
  });
});
