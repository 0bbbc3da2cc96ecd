import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("process substitution", () => {
  it("feeds a loop from <(list) with done < <(...)", async () => {
    expect(await stdoutOf("t=0; while read -r n; do ((t += n)); done < <(printf '1\\n2\\n3\\n'); echo $t")).toBe("6\n");
  });

  it("reads into the current shell, unlike a pipeline", async () => {
    expect(await stdoutOf('read -r x < <(echo val); mapfile -t a < <(printf "p\\nq\\n"); echo "$x ${a[1]}"')).toBe("val q\n");
  });

  it("names a /dev/fd path counting down from 63, as bash does", async () => {
    expect(await stdoutOf("echo <(true) <(true)")).toBe("/dev/fd/63 /dev/fd/62\n");
  });

  it("passes the path to a function, which can open it", async () => {
    expect(await stdoutOf('f() { read -r line < "$1"; echo "got $line"; }; f <(echo inner)')).toBe("got inner\n");
  });

  it("writes to >(list), whose output is out before the next command", async () => {
    expect(await stdoutOf("echo data > >(while read -r l; do echo \"sub: $l\"; done); echo after")).toBe("sub: data\nafter\n");
  });
});
