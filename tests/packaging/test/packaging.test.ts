import { execFile } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installProject, packAll, PUBLISHED, REPO_ROOT, runNode, type PackedPackage } from "./packages.js";

const work = mkdtempSync(join(tmpdir(), "secure-exec-packaging-"));
let packed: PackedPackage[] = [];
const byFolder = (folder: string) => packed.find((p) => p.folder === folder)!;

beforeAll(async () => {
  packed = await packAll(join(work, "tarballs"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the quickstart (its program and the folder it mounts) into a project. */
function copyQuickstart(project: string): void {
  copyFileSync(join(REPO_ROOT, "examples/quickstart/index.mjs"), join(project, "quickstart.mjs"));
  cpSync(join(REPO_ROOT, "examples/quickstart/data"), join(project, "data"), { recursive: true });
}

/** Every file a manifest points at through main, module, types, bin and exports. */
function manifestTargets(manifest: Record<string, any>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") targets.push(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const field of ["main", "module", "types", "bin", "exports"]) collect(manifest[field]);
  return targets;
}

describe("the packed tarballs", () => {
  it.each(PUBLISHED)("%s holds only package.json, README.md and dist/ (and the command binary)", (folder) => {
    const { files } = byFolder(folder);
    expect(files).toContain("package.json");
    expect(files).toContain("README.md");
    expect(files.some((f) => f.startsWith("dist/"))).toBe(true);
    expect(files.filter((f) => !/^(package\.json|README\.md|dist\/.+|wasm\/commands\.wasm)$/.test(f))).toEqual([]);
  });

  it.each(PUBLISHED)("%s has every file its main, module, types, bin and exports name", (folder) => {
    const { files, manifest } = byFolder(folder);
    expect(manifestTargets(manifest).filter((target) => !files.includes(target))).toEqual([]);
  });

  it.each(PUBLISHED)("%s declares an ES module package without side effects, for Node 20 and later", (folder) => {
    const { manifest } = byFolder(folder);
    expect(manifest).toMatchObject({ type: "module", sideEffects: false, engines: { node: ">=20" }, license: "Apache-2.0" });
    expect(manifest.description.length).toBeGreaterThan(0);
  });

  it.each(PUBLISHED.filter((f) => f !== "cli"))("%s gives each export types for import and for require, types first", (folder) => {
    const { manifest } = byFolder(folder);
    for (const [subpath, target] of Object.entries<any>(manifest.exports)) {
      if (typeof target === "string") continue;
      expect(Object.keys(target), subpath).toEqual(["import", "require"]);
      expect(Object.keys(target.import), subpath).toEqual(["types", "default"]);
      expect(target.import.types, subpath).toMatch(/\.d\.ts$/);
      expect(target.require.types, subpath).toMatch(/\.d\.cts$/);
    }
  });

  it("depend on no sibling but the kernel (except the CLI, which runs them all), with versions, not workspace ranges", () => {
    const siblings = Object.fromEntries(
      packed.map((p) => [p.folder, Object.keys(p.manifest.dependencies ?? {}).filter((d) => d.startsWith("@secure-exec/")).sort()]),
    );
    expect(siblings).toEqual({
      kernel: [],
      "os-browser": ["@secure-exec/kernel"],
      "os-node": ["@secure-exec/kernel"],
      "driver-echo": ["@secure-exec/kernel"],
      "driver-wasmvm": ["@secure-exec/kernel"],
      "driver-quickjs": ["@secure-exec/kernel"],
      cli: PUBLISHED.filter((f) => f !== "cli").map((f) => `@secure-exec/${f}`).sort(),
    });
    for (const p of packed) {
      for (const range of Object.values<string>(p.manifest.dependencies ?? {})) expect(range, p.name).not.toMatch(/^workspace:/);
    }
  });

  it("ships the command binary inside driver-wasmvm, the same bytes as the repository's", async () => {
    const { tarball, files } = byFolder("driver-wasmvm");
    expect(files).toContain("wasm/commands.wasm");
    const { stdout } = await promisify(execFile)("tar", ["-xzOf", tarball, "package/wasm/commands.wasm"], { encoding: "buffer", maxBuffer: 64 << 20 });
    const committed = readFileSync(join(REPO_ROOT, "packages/driver-wasmvm/wasm/commands.wasm"));
    expect([...stdout.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(Buffer.compare(stdout, committed)).toBe(0);
  });
});

describe("each library installed alone", () => {
  it.each(PUBLISHED.filter((f) => f !== "kernel" && f !== "cli"))("%s brings the kernel and no other secure-exec package", async (folder) => {
    const project = join(work, `alone-${folder}`);
    await installProject(project, [byFolder(folder)], packed);
    expect(readdirSync(join(project, "node_modules/@secure-exec")).sort()).toEqual([folder, "kernel"].sort());
  });
});

describe("installed with kernel, os-browser and driver-echo only", () => {
  const project = join(work, "minimal");

  beforeAll(async () => {
    await installProject(project, ["kernel", "os-browser", "driver-echo"].map(byFolder));
    copyQuickstart(project);
  });

  it("installs those three secure-exec packages and no other", () => {
    expect(readdirSync(join(project, "node_modules/@secure-exec")).sort()).toEqual(["driver-echo", "kernel", "os-browser"]);
  });

  it("runs the quickstart with the echo driver and the kernel's shell", async () => {
    const { stdout, stderr } = await runNode(project, ["quickstart.mjs"]);
    expect(stderr).toBe("");
    expect(stdout).toBe(
      [
        "secure-exec quickstart with kernel, os-browser, driver-echo",
        "",
        '$ myecho hello sandbox | { read a b; echo "the shell read: $b, $a"; }',
        "the shell read: sandbox, hello",
        "",
        `$ for w in one two three; do printf '%s:%d ' "$w" "\${#w}"; done; echo`,
        "one:3 two:3 three:5 ",
        "",
      ].join("\n"),
    );
  });
});

describe("installed with every package", () => {
  const project = join(work, "everything");
  const entryPoints = [
    "@secure-exec/kernel=createKernel",
    "@secure-exec/kernel/worker-bridge=BridgeHost",
    "@secure-exec/os-browser=createInMemoryFileSystem",
    "@secure-exec/os-node=createNodeFileSystem",
    "@secure-exec/driver-echo=createEchoDriver",
    "@secure-exec/driver-wasmvm=createWasmVmRuntime",
    "@secure-exec/driver-quickjs=createQuickJsRuntime",
  ];
  const functionsEverywhere = Object.fromEntries(entryPoints.map((e) => [e, "function"]));

  beforeAll(async () => {
    await installProject(project, packed);
    copyQuickstart(project);
    cpSync(join(REPO_ROOT, "tests/packaging/fixtures"), project, { recursive: true });
  });

  it("installs all seven secure-exec packages", () => {
    expect(readdirSync(join(project, "node_modules/@secure-exec")).sort()).toEqual([...PUBLISHED].sort());
  });

  it("runs the quickstart with every runtime, as in the repository", async () => {
    const { stdout, stderr } = await runNode(project, ["quickstart.mjs"]);
    expect(stderr).toBe("");
    expect(stdout).toBe(readFileSync(join(REPO_ROOT, "examples/quickstart/test/expected-output.txt"), "utf8"));
  });

  it("import() of each entry point gives its factory", async () => {
    const { stdout } = await runNode(project, ["entry-points.mjs", ...entryPoints]);
    expect(JSON.parse(stdout)).toEqual(functionsEverywhere);
  });

  it("require() of each entry point gives its factory", async () => {
    const { stdout } = await runNode(project, ["entry-points.cjs", ...entryPoints]);
    expect(JSON.parse(stdout)).toEqual(functionsEverywhere);
  });

  it("resolves the subpath exports to ESM files for import and CommonJS files for require", async () => {
    const subpaths = ["@secure-exec/kernel/testing", "@secure-exec/kernel/worker-bridge", "@secure-exec/driver-wasmvm/commands.wasm"];
    const args = subpaths.map((s) => `resolve:${s}`);
    expect(JSON.parse((await runNode(project, ["entry-points.mjs", ...args])).stdout)).toEqual({
      "resolve:@secure-exec/kernel/testing": "@secure-exec/kernel/dist/testing/index.js",
      "resolve:@secure-exec/kernel/worker-bridge": "@secure-exec/kernel/dist/bridge/index.js",
      "resolve:@secure-exec/driver-wasmvm/commands.wasm": "@secure-exec/driver-wasmvm/wasm/commands.wasm",
    });
    expect(JSON.parse((await runNode(project, ["entry-points.cjs", ...args])).stdout)).toEqual({
      "resolve:@secure-exec/kernel/testing": "@secure-exec/kernel/dist/testing/index.cjs",
      "resolve:@secure-exec/kernel/worker-bridge": "@secure-exec/kernel/dist/bridge/index.cjs",
      "resolve:@secure-exec/driver-wasmvm/commands.wasm": "@secure-exec/driver-wasmvm/wasm/commands.wasm",
    });
  });

  it("runs a pipeline across runtimes from a CommonJS program", async () => {
    expect(await runNode(project, ["pipeline.cjs"])).toEqual({ stdout: "0 2:y\n", stderr: "" });
  });

  it("type-checks imports and requires of every package with TypeScript's node16 resolution", async () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    expect(await runNode(project, [tsc, "-p", "."])).toEqual({ stdout: "", stderr: "" });
  });

  it("installs a working secure-exec bin", async () => {
    const bin = join(project, "node_modules/.bin/secure-exec");
    const { stdout } = await promisify(execFile)(bin, ["-c", "myecho one two | wc -w; node -p 6*7"]);
    expect(stdout).toBe("2\n42\n");
  });
});
