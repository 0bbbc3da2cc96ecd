import { describe, expect, it } from "vitest";
import { runShell } from "./run-shell.js";

describe("bash's select", () => {
  it("shows the menu and prompt on stderr and sets the name and REPLY from each line", async () => {
    expect(await runShell("select x in a b; do echo \"got $x ($REPLY)\"; done <<< $'1\\n\\n3\\n2'; echo \"st=$?\"")).toEqual({
      status: 0,
      stdout: "got a (1)\ngot  (3)\ngot b (2)\n\nst=1\n",
      stderr: "1) a\n2) b\n#? #? 1) a\n2) b\n#? #? #? ",
    });
  });

  it("ends at break, using PS3 and the positional parameters", async () => {
    expect(await runShell("set -- p q; PS3='pick: '; select x; do echo $x; break; done <<< 2; echo st=$?")).toEqual({
      status: 0, stdout: "q\nst=0\n", stderr: "1) p\n2) q\npick: ",
    });
  });
});
