/**
 * Bundles a TypeScript worker entry into one ES module file for tests, so
 * Node's worker_threads (which cannot load .ts) can start it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "tsup";

/** A bundled worker file and a function that deletes it. */
export interface BuiltWorker {
  url: URL;
  remove(): void;
}

/** Bundles `entry` (absolute path) with everything it imports into a temporary .mjs file. */
export async function buildTestWorker(entry: string): Promise<BuiltWorker> {
  const outDir = mkdtempSync(join(tmpdir(), "bridge-worker-"));
  await build({
    entry: { worker: entry },
    outDir,
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: false,
    sourcemap: false,
    silent: true,
    config: false,
    noExternal: [/.*/],
    outExtension: () => ({ js: ".mjs" }),
  });
  return { url: pathToFileURL(join(outDir, "worker.mjs")), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
