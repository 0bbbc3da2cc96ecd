// Shared helpers for bench suites: timing, medians, and running native commands.
import { spawnSync } from "node:child_process";

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times, then `runs` times, and returns the median in microseconds. */
export async function medianMicros(fn, { runs = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(samples);
}

/** Median wall time of a native shell command, in microseconds. */
export function nativeMedianMicros(command, { runs = 30, input } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync("sh", ["-c", command], { input, stdio: [input ? "pipe" : "ignore", "ignore", "ignore"] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`native '${command}' exited ${r.status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(samples);
}
