import { describe, expect, it } from "vitest";
import { runShell } from "./run-shell.js";

/** The stderr of `script` run with `set -x`. */
async function traceOf(script: string): Promise<string> {
  return (await runShell(`set -x; ${script}`)).stderr;
}

describe("set -x as bash shows it", () => {
  it("prints prefix assignments on lines of their own", async () => {
    expect(await traceOf("v=2 true")).toBe("+ v=2\n+ true\n");
  });

  it("repeats the first character of PS4 inside eval and command substitution", async () => {
    expect(await traceOf('eval "echo a" >/dev/null; x=$(echo $(echo deep))')).toBe("+ eval 'echo a'\n++ echo a\n+++ echo deep\n++ echo deep\n+ x=deep\n");
  });

  it("shows each [[ ]] primary as it is evaluated, with its operands expanded", async () => {
    expect(await traceOf("x=a; [[ $x == b || -n $x ]]; [[ ! -z $x ]]; [[ $x ]]")).toBe("+ x=a\n+ [[ a == b ]]\n+ [[ -n a ]]\n+ [[ ! -z a ]]\n+ [[ -n a ]]\n");
  });

  it("shows (( )), the clauses of an arithmetic for, for and case", async () => {
    expect(await traceOf('(( 1 + 1 )); for ((i=0;i<1;i++)); do :; done; for w in "a b"; do :; done; case $w in *) ;; esac')).toBe(
      '+ ((  1 + 1  ))\n+ (( i=0 ))\n+ (( i<1 ))\n+ :\n+ (( i++ ))\n+ (( i<1 ))\n+ for w in "a b"\n+ :\n+ case $w in\n',
    );
  });
});
