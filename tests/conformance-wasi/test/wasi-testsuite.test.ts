/**
 * The official WASI test suite, every test run through the kernel and the
 * WASI runtime. Known failures are listed in known-failures.json with a
 * reason each; a test on that list must still fail (so a fix shows), and
 * every other test must pass. The summary line gives the pass count.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runWasiTest } from "../src/run-test.js";
import { listTests } from "../src/suite.js";

const knownFailures: Record<string, string> = JSON.parse(
  readFileSync(new URL("../known-failures.json", import.meta.url), "utf8"),
);
const tests = listTests();
const results = new Map<string, boolean>();

afterAll(() => {
  const passed = [...results.values()].filter(Boolean).length;
  console.log(`WASI test suite: ${passed} passed, ${results.size - passed} failed`);
});

describe("wasi-testsuite", () => {
  it("has 72 tests", () => {
    expect(tests.length).toBe(72);
  });

  for (const test of tests) {
    const known = knownFailures[test.id];
    it(known ? `${test.id} fails (known: ${known})` : `${test.id} passes`, async () => {
      const outcome = await runWasiTest(test, inject("workerUrl"));
      results.set(test.id, outcome.failure === undefined);
      if (outcome.failure && !known) console.log(`FAIL ${test.id}: ${outcome.failure}\n${outcome.stderr}`);
      if (known) expect(outcome.failure, "a known failure now passes: remove it from known-failures.json").toBeDefined();
      else expect(outcome.failure, `stdout: ${outcome.stdout}\nstderr: ${outcome.stderr}`).toBeUndefined();
    });
  }
});
