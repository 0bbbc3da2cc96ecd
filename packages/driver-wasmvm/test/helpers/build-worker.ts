/**
 * Vitest global setup: bundles the WASI worker (src/worker/main.ts) into one
 * temporary ES module, since Node's workers cannot load TypeScript, and
 * provides its URL to the tests as `workerUrl`. Like the tests themselves,
 * it takes the kernel's bridge from source.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "tsup";
import type {} from "vitest";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    workerUrl: string;
  }
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), "wasmvm-worker-"));
  await build({
    entry: { worker: here("../../src/worker/main.ts") },
    outDir,
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: false,
    sourcemap: "inline",
    silent: true,
    config: false,
    noExternal: [/.*/],
    outExtension: () => ({ js: ".mjs" }),
    esbuildOptions(options) {
      options.alias = { "@secure-exec/kernel/worker-bridge": here("../../../kernel/src/bridge/index.ts") };
    },
  });
  project.provide("workerUrl", pathToFileURL(join(outDir, "worker.mjs")).href);
  return () => rmSync(outDir, { recursive: true, force: true });
}
