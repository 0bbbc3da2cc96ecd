import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./packages.js";

const run = promisify(execFile);
const changeset = createRequire(join(REPO_ROOT, "package.json")).resolve("@changesets/cli/bin.js");

/** A git repository holding the workspace's manifests and changesets config, and nothing else. */
const repo = mkdtempSync(join(tmpdir(), "secure-exec-changesets-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function copy(path: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  copyFileSync(join(REPO_ROOT, path), join(repo, path));
}

function version(folder: string): string {
  return JSON.parse(readFileSync(join(repo, folder, "package.json"), "utf8")).version;
}

beforeAll(async () => {
  for (const path of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) copy(path);
  for (const group of ["packages", "examples", "tests"]) {
    for (const name of readdirSync(join(REPO_ROOT, group))) {
      if (existsSync(join(REPO_ROOT, group, name, "package.json"))) copy(`${group}/${name}/package.json`);
    }
  }
  const git = (...args: string[]) => run("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "workspace");
  writeFileSync(join(repo, ".changeset/kernel-feature.md"), '---\n"@secure-exec/kernel": minor\n---\n\nA feature.\n');
  await git("add", "-A");
  await git("commit", "-q", "-m", "changeset");
});

describe("changesets", () => {
  it("reports the pending bumps with `changeset status`", async () => {
    const { stdout, stderr } = await run(process.execPath, [changeset, "status"], { cwd: repo });
    // Colours depend on the environment (CI=1 turns them on): compare the text without them.
    const text = (stdout + stderr).replace(/\x1b\[[0-9;]*m/g, "");
    expect(text).toMatch(/Packages to be bumped at minor:[\s\S]*- @secure-exec\/kernel/);
    expect(text).toMatch(/Packages to be bumped at patch:[\s\S]*- @secure-exec\/driver-wasmvm/);
    expect(text).not.toContain("example-quickstart");
  });

  it("versions the published packages (dependents of a bumped kernel get a patch) and leaves private ones alone", async () => {
    const before = Object.fromEntries(["examples/quickstart", "tests/packaging"].map((f) => [f, version(f)]));
    await run(process.execPath, [changeset, "version"], { cwd: repo });
    expect(version("packages/kernel")).toBe("0.2.0");
    for (const folder of ["os-browser", "os-node", "driver-echo", "driver-wasmvm", "driver-quickjs", "cli"]) {
      expect(version(`packages/${folder}`), folder).toBe("0.1.1");
    }
    expect(Object.fromEntries(Object.keys(before).map((f) => [f, version(f)]))).toEqual(before);
    expect(existsSync(join(repo, "examples/quickstart/CHANGELOG.md"))).toBe(false);
    expect(readFileSync(join(repo, "packages/kernel/CHANGELOG.md"), "utf8")).toContain("A feature.");
  });
});
