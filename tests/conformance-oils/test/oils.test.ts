/**
 * The oils shell spec cases through `kernel.exec`. Prints `N passed, N
 * failed, N skipped` (overall and for the cases both bash and dash pass),
 * and fails if a case fails that known-failures.txt does not list. A case
 * whose utilities are not all registered is skipped, never passed.
 * OILS_ONLY=substring runs only the cases whose key contains it, and
 * OILS_VERBOSE=1 prints every failure's reason.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { caseKey, isCore, loadCases } from "./cases.js";
import { makeKernel, runCase, type CaseResult } from "./run-case.js";

const KNOWN_FAILURES_PATH = fileURLToPath(new URL("../known-failures.txt", import.meta.url));

/** Case keys listed as known failures (one per line; `#` starts a comment). */
function knownFailures(): Set<string> {
  const lines = readFileSync(KNOWN_FAILURES_PATH, "utf8").split("\n");
  return new Set(lines.map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#")));
}

describe("oils spec cases", () => {
  it("pass, except the checked-in known failures", async () => {
    const only = process.env.OILS_ONLY;
    const cases = loadCases().filter((c) => only === undefined || caseKey(c).includes(only));
    const known = knownFailures();
    const results = new Map<string, CaseResult>();
    for (const c of cases) {
      const kernel = await makeKernel();
      try {
        results.set(caseKey(c), await runCase(c, kernel));
      } finally {
        await kernel.dispose();
      }
    }
    const count = (subset: typeof cases, status: CaseResult["status"]) =>
      subset.filter((c) => results.get(caseKey(c))!.status === status).length;
    const core = cases.filter(isCore);
    console.log(`oils: ${count(cases, "passed")} passed, ${count(cases, "failed")} failed, ${count(cases, "skipped")} skipped`);
    console.log(`oils (bash and dash pass): ${count(core, "passed")} passed, ${count(core, "failed")} failed, ${count(core, "skipped")} skipped of ${core.length}`);
    const unexpected: string[] = [];
    const fixed: string[] = [];
    for (const c of cases) {
      const key = caseKey(c);
      const r = results.get(key)!;
      if (r.status === "failed" && process.env.OILS_VERBOSE) console.log(`FAIL ${key}\n  ${r.reason}`);
      if (r.status === "failed" && !known.has(key)) unexpected.push(`${key}\n  ${r.reason}`);
      if (r.status === "passed" && known.has(key)) fixed.push(key);
    }
    if (fixed.length > 0) console.log(`now passing, remove from known-failures.txt:\n${fixed.join("\n")}`);
    expect(unexpected, "failures not listed in known-failures.txt").toEqual([]);
  });
});
