import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("bash's RETURN trap", () => {
  it("runs as the function that set it returns, and not for other functions", async () => {
    expect(await stdoutOf("f() { trap 'echo ret $?' RETURN; echo in; return 3; }; f; echo \"after $?\"; g() { echo g; }; g")).toBe("in\nret 0\nafter 3\ng\n");
  });

  it("runs for every function with set -T", async () => {
    expect(await stdoutOf("set -T; trap 'echo top' RETURN; f() { :; }; f; echo done")).toBe("top\ndone\n");
  });
});
