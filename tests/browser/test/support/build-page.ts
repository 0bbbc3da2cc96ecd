/**
 * Builds the test page (page/, configured by vite.config.ts) into a fresh
 * temporary folder with the `vite build` command, in its own process and
 * without the test runner's NODE_ENV=test: the production build a web app
 * ships. The packages resolve through their package.json exports to their
 * built dist/ files, as they would from npm, so they must be built first
 * (`pnpm build`; `pnpm test` does).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const PACKAGES_DIR = join(PACKAGE_DIR, "../../packages");
const VITE_BIN = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin/vite.js");

/** The built files each package must have before the page can be bundled. */
const REQUIRED_BUILDS = [
  "kernel/dist/index.js",
  "kernel/dist/bridge/index.js",
  "os-browser/dist/index.js",
  "driver-wasmvm/dist/index.js",
  "driver-wasmvm/dist/worker.js",
  "driver-quickjs/dist/index.js",
  "driver-quickjs/dist/worker.js",
];

/** A built page on disk. */
export interface BuiltPage {
  /** The folder holding index.html and assets/. */
  dir: string;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

function checkPackagesBuilt(): void {
  const missing = REQUIRED_BUILDS.filter((file) => !existsSync(join(PACKAGES_DIR, file)));
  if (missing.length > 0) {
    throw new Error(
      `the browser page bundles the packages' built files, and these are missing: ${missing
        .map((file) => `packages/${file}`)
        .join(", ")}. Run \`pnpm build\` at the repository root first (\`pnpm test\` does).`,
    );
  }
}

function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name === "NODE_ENV" || name.startsWith("VITEST")) delete env[name];
  return env;
}

/** Bundles page/ for the browser with `vite build`. */
export async function buildPage(): Promise<BuiltPage> {
  checkPackagesBuilt();
  const dir = await mkdtemp(join(tmpdir(), "secure-exec-browser-page-"));
  const site = join(dir, "site");
  try {
    await promisify(execFile)(
      process.execPath,
      [VITE_BIN, "build", "--outDir", site, "--emptyOutDir", "--logLevel", "error"],
      { cwd: PACKAGE_DIR, env: buildEnvironment() },
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`vite build of the test page failed: ${(error as Error).message}\n${stdout ?? ""}${stderr ?? ""}`);
  }
  return { dir: site, remove: () => rm(dir, { recursive: true, force: true }) };
}
