// The shell's parser on its own: parsing a 200-character line. The parser is
// internal to the kernel, so it is bundled from source for the measurement.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { medianMicros } from "../lib.mjs";

const LINE =
  'for f in "$@"; do if [ -f "$f" ] && grep -q needle "$f" 2>/dev/null; then echo "found: ${f##*/}" | tee -a /tmp/log >&2; else n=$((n + 1)); fi; done; echo "$n missing" > out.txt';

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "bench-parser-"));
  try {
    const outfile = join(dir, "parser.mjs");
    await build({
      entryPoints: [fileURLToPath(new URL("../../packages/kernel/src/shell/parser.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "neutral",
      outfile,
      logLevel: "silent",
    });
    const { parseScript } = await import(pathToFileURL(outfile).href);
    const line = LINE.padEnd(200, " ");
    const micros = await medianMicros(() => parseScript(line), { runs: 5000, warmup: 500 });
    return [{ name: `parse a ${line.length}-character line, median`, value: micros, unit: "us", budget: { max: 20 } }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
