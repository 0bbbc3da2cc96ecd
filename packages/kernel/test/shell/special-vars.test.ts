import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("bash's special variables", () => {
  it("keeps the function call stack in FUNCNAME", async () => {
    expect(await stdoutOf('f() { echo "$FUNCNAME ${FUNCNAME[*]}"; g; }; g() { echo "${FUNCNAME[@]}"; }; f; echo "[${FUNCNAME-}]"')).toBe("f f\ng f\n[]\n");
  });

  it("names the script in BASH_SOURCE, so the main guard of a script runs", async () => {
    const script = "printf '%s\\n' 'main() { echo \"main of ${BASH_SOURCE[0]}\"; }' '[[ \"${BASH_SOURCE[0]}\" == \"$0\" ]] && main' > s.sh; sh s.sh; echo \"[${BASH_SOURCE[0]}]\"";
    expect(await stdoutOf(script)).toBe("main of s.sh\n[]\n");
  });

  it("says which bash it follows in BASH_VERSION and BASH_VERSINFO", async () => {
    expect(await stdoutOf("echo $BASH_VERSION ${BASH_VERSINFO[0]} $OSTYPE")).toBe("5.2.15(1)-release 5 linux-gnu\n");
  });

  it("gives SECONDS, EPOCHSECONDS and a BASHPID that differs in a subshell", async () => {
    expect(await stdoutOf('echo $SECONDS; [[ $EPOCHSECONDS -gt 1600000000 ]] && echo epoch; p=$BASHPID; (( $(echo $BASHPID) != p )) && echo child')).toBe("0\nepoch\nchild\n");
  });

  it("reports call sites with caller and BASH_LINENO in a script file", async () => {
    const script = "printf '%s\\n' 'f() {' '  caller 0' '  echo ${BASH_LINENO[0]}' '}' 'f' > c.sh; sh c.sh; caller; echo $?";
    expect(await runShell(script)).toEqual({ status: 0, stdout: "5 main c.sh\n5\n1\n", stderr: "" });
  });

  it("names the failing command in BASH_COMMAND inside a trap", async () => {
    const script = "trap 'echo \"line $LINENO: $BASH_COMMAND\"' ERR; x=1; false; [[ $x == 2 ]]; f() { return 1; }; f arg";
    expect(await stdoutOf(script)).toBe("line 1: false\nline 1: [[ $x == 2 ]]\nline 1: return 1\n");
  });

  it("sets LINENO in an ERR trap to the line that failed", async () => {
    expect(await stdoutOf("trap 'echo failed at $LINENO' ERR\necho one\nfalse")).toBe("one\nfailed at 3\n");
  });
});
