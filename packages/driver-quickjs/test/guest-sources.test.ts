import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the bundled guest sources", () => {
  it("list every file under src/guest", () => {
    const script = new URL("../scripts/guest-sources.mjs", import.meta.url).pathname;
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
