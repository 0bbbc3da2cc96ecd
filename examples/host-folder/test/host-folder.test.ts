import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

it("edits the mounted folder within the policy and is refused everything else", async () => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [here("../index.mjs")]);
  expect(stderr).toBe("");
  expect(stdout).toBe(readFileSync(here("./expected-output.txt"), "utf8"));
});

it("leaves the example's own project folder unchanged", () => {
  expect(readFileSync(here("../project/src/app.js"), "utf8").split("\n")[1]).toBe("const port = 8080;");
});
