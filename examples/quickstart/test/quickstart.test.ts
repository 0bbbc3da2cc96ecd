import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

it("prints each pipeline with its output when every first-party package is installed", async () => {
  const { stdout, stderr } = await run(process.execPath, [here("../index.mjs")]);
  expect(stderr).toBe("");
  expect(stdout).toBe(readFileSync(here("./expected-output.txt"), "utf8"));
});
