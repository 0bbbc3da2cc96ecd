// Memory: peak RSS growth while 64 MiB flows through `cat | grep | wc -l`,
// and RSS growth over 1,000 sequential execs. Each runs in a fresh Node
// process (bench/memory-probe.mjs) so earlier work does not skew it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const probe = fileURLToPath(new URL("../memory-probe.mjs", import.meta.url));

function measure(kind) {
  const r = spawnSync(process.execPath, ["--expose-gc", probe, kind], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`memory probe ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

export async function run() {
  const pipeline = measure("pipeline");
  const execs = measure("execs");
  return [
    { name: "peak RSS growth, 64 MiB through cat | grep | wc -l", value: pipeline.growthMiB, unit: "MiB", budget: { max: 64 + 64 } },
    { name: `RSS growth over 1,000 sequential execs after 1,000 warm-up (${execs.line})`, value: execs.growthMiB, unit: "MiB", budget: { max: 10 } },
    { name: "  of which JS heap in use", value: execs.heapMiB, unit: "MiB" },
  ];
}
