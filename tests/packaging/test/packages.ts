/**
 * Packing and installing for the packaging tests: `pnpm pack` each
 * published package (which rewrites `workspace:` ranges to versions), read
 * a tarball's file list and manifest, and install chosen tarballs with npm
 * into an empty project outside the workspace, so that nothing resolves
 * through the workspace's node_modules.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Folders under packages/ of every published package. */
export const PUBLISHED = ["kernel", "os-browser", "os-node", "driver-echo", "driver-wasmvm", "driver-quickjs", "cli"] as const;

/** One packed package. */
export interface PackedPackage {
  /** Its folder under packages/. */
  folder: (typeof PUBLISHED)[number];
  /** Its npm name. */
  name: string;
  /** The tarball's path. */
  tarball: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
  /** The package.json in the tarball. */
  manifest: Record<string, any>;
}

/** Packs one package into `dest`. */
async function pack(folder: PackedPackage["folder"], dest: string): Promise<PackedPackage> {
  const cwd = join(REPO_ROOT, "packages", folder);
  const { stdout } = await run("pnpm", ["pack", "--pack-destination", dest], { cwd });
  const tarball = stdout.trim().split("\n").filter((line) => line.endsWith(".tgz")).pop();
  if (!tarball) throw new Error(`pnpm pack in ${cwd} named no tarball:\n${stdout}`);
  const list = await run("tar", ["-tzf", tarball]);
  const files = list.stdout.trim().split("\n").map((path) => path.replace(/^package\//, ""));
  const manifest = JSON.parse((await run("tar", ["-xzOf", tarball, "package/package.json"])).stdout);
  return { folder, name: manifest.name, tarball, files, manifest };
}

/** Packs every published package into `dest`. */
export async function packAll(dest: string): Promise<PackedPackage[]> {
  mkdirSync(dest, { recursive: true });
  const packed: PackedPackage[] = [];
  // One at a time: pnpm pack is quick, and the machine has two cores.
  for (const folder of PUBLISHED) packed.push(await pack(folder, dest));
  return packed;
}

/**
 * Creates a project in `dir` depending on the `direct` tarballs and runs
 * `npm install` there. `overrides` point every range on one of the
 * `available` packages at its tarball, so npm never looks for them on the
 * registry and installs one only when something depends on it; third-party
 * dependencies come from the registry (or npm's cache).
 */
export async function installProject(dir: string, direct: readonly PackedPackage[], available: readonly PackedPackage[] = direct): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const dependencies: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  for (const { name, tarball } of direct) dependencies[name] = `file:${tarball}`;
  for (const { name, tarball } of available) overrides[name] = name in dependencies ? `$${name}` : `file:${tarball}`;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "packaging-check", private: true, dependencies, overrides }, null, 2));
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
}

/** Runs `node ARGS` in `cwd`; resolves with its stdout and stderr (rejects on a non-zero exit). */
export function runNode(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, args, { cwd });
}
