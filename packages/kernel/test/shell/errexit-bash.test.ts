import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

describe("set -e as bash applies it", () => {
  it("exits when [[ ]] fails", async () => {
    expect(await runShell("set -e; [[ a == b ]]; echo not reached")).toEqual({ status: 1, stdout: "", stderr: "" });
  });

  it("exits when (( )) is false, as after count++ from 0", async () => {
    expect(await runShell("set -e; n=0; ((n++)); echo not reached")).toEqual({ status: 1, stdout: "", stderr: "" });
  });

  it("runs the ERR trap for a failing [[ ]]", async () => {
    expect(await stdoutOf("trap 'echo ERR' ERR; [[ a == b ]]; echo end")).toBe("ERR\nend\n");
  });

  it("does not reach into a command substitution unless inherit_errexit is set", async () => {
    expect(await stdoutOf('set -e; x=$(false; echo went on); echo "$x"')).toBe("went on\n");
    expect(await runShell('set -e; shopt -s inherit_errexit; y=$(false; echo no); echo "[$y]"')).toEqual({ status: 1, stdout: "", stderr: "" });
  });

  it("accepts set -E and set -T, which scripts put with -e", async () => {
    expect(await runShell("set -Eeuo pipefail; echo $-; false; echo not reached")).toEqual({ status: 1, stdout: "ehuBEc\n", stderr: "" });
  });
});
