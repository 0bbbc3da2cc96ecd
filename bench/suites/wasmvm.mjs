// WASI runtime (driver-wasmvm): first and warm spawns of a trivial WASI
// command through exec, 64 MiB through two pipelines (each beside native sh +
// GNU coreutils on the same data, in the same run), `yes | head -n 1`, and
// the bridge's syscall round trip. Uses the packages' builds (pnpm bench
// builds first). Throughputs are medians of 7 runs after three warm-up runs;
// the first of those is reported too.
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWasmVmRuntime } from "../../packages/driver-wasmvm/dist/index.js";
import { median, medianMicros, nativeMedianMicros } from "../lib.mjs";

const MiB = 1024 * 1024;
const RUNS = 7;

const probe = new Uint8Array(readFileSync(new URL("../../packages/driver-wasmvm/test/fixtures/probe.wasm", import.meta.url)));
const firstSpawnProbe = fileURLToPath(new URL("../first-spawn-probe.mjs", import.meta.url));

async function newKernel() {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime({ commands: { probe } }));
  return kernel;
}

async function check(kernel, command, stdout) {
  const result = await kernel.exec(command);
  if (result.exitCode !== 0 || result.stdout !== stdout) throw new Error(`${command} gave ${JSON.stringify(result)}`);
}

/** Mount + first exec, each in a fresh Node process: the binary is read and compiled, the first worker boots. */
function firstSpawnInFreshProcessMillis() {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [firstSpawnProbe], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) throw new Error(`first-spawn probe failed: ${r.stderr}`);
    samples.push(JSON.parse(r.stdout.trim().split("\n").pop()).millis);
  }
  return median(samples);
}

/** Mount + first exec on a fresh kernel in this process (the compiled module is cached), median of 7. */
async function firstSpawnOnFreshKernelMillis() {
  await (await newKernel()).dispose();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const kernel = await newKernel();
    await check(kernel, "/bin/true", "");
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    await kernel.dispose();
  }
  return median(samples);
}

/** 64 MiB of text lines, none containing "needle". */
function textData() {
  const line = "the quick brown fox jumps over the lazy dog 0123456789\n";
  const data = new Uint8Array(64 * MiB);
  const bytes = new TextEncoder().encode(line);
  for (let i = 0; i < data.length; i += bytes.length) data.set(bytes.subarray(0, Math.min(bytes.length, data.length - i)), i);
  return data;
}

/**
 * MB/s of `command` over `bytes` bytes: its first run, and the median of 7
 * after three warm-up runs (each pooled worker's JavaScript and the guest's
 * code warm up over the first runs).
 */
async function pipelineMBps(kernel, command, stdout, bytes) {
  const timed = async () => {
    const start = process.hrtime.bigint();
    await check(kernel, command, stdout);
    return bytes / 1e6 / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const first = await timed();
  for (let i = 0; i < 2; i++) await timed();
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timed());
  return { first, median: median(samples) };
}

function nativeMBps(command, bytes) {
  return bytes / 1e6 / (nativeMedianMicros(command, { runs: RUNS }) / 1e6);
}

export async function run() {
  const rows = [];
  rows.push({
    name: "first WASI spawn in a fresh host process (read + compile binary, boot worker, exec), median of 5",
    value: firstSpawnInFreshProcessMillis(),
    unit: "ms",
    budget: { text: "report" },
  });
  rows.push({ name: "first WASI spawn on a fresh kernel (mount + exec), median", value: await firstSpawnOnFreshKernelMillis(), unit: "ms", budget: { max: 60 } });

  const kernel = await newKernel();
  const warm = await medianMicros(() => kernel.exec("/bin/true"), { runs: 300, warmup: 30 });
  rows.push({ name: 'warm spawn of a trivial WASI command (exec("/bin/true")), median', value: warm / 1000, unit: "ms", budget: { max: 1 }, native: nativeMedianMicros("/bin/true") / 1000 });

  const yes = await medianMicros(() => check(kernel, "yes | head -n 1", "y\n"), { runs: 50, warmup: 5 });
  rows.push({ name: "yes | head -n 1 (writer ended by SIGPIPE), median", value: yes / 1000, unit: "ms", budget: { max: 20 }, native: nativeMedianMicros("yes | head -n 1") / 1000 });

  const data = textData();
  const dir = mkdtempSync(join(tmpdir(), "secure-exec-bench-"));
  try {
    const hostFile = join(dir, "big.txt");
    writeFileSync(hostFile, data);
    await kernel.writeFile("/big.txt", data);
    const cats = await pipelineMBps(kernel, "cat /big.txt | cat | cat > /dev/null", "", data.length);
    const nativeCats = nativeMBps(`cat ${hostFile} | cat | cat > /dev/null`, data.length);
    rows.push({ name: "64 MiB through cat | cat | cat > /dev/null, median", value: cats.median, unit: "MB/s", budget: { min: 500 }, native: nativeCats });
    rows.push({ name: "  the same, its first run (cold workers)", value: cats.first, unit: "MB/s", budget: { text: "report" }, native: nativeCats });
    const grep = await pipelineMBps(kernel, "cat /big.txt | grep needle | wc -l", "0\n", data.length);
    const nativeGrep = nativeMBps(`cat ${hostFile} | grep needle | wc -l`, data.length);
    rows.push({
      name: "64 MiB through cat | grep needle | wc -l, median",
      value: grep.median,
      unit: "MB/s",
      budget: { text: "≥ 0.30× native" },
      native: nativeGrep,
      verdict: grep.median >= 0.3 * nativeGrep ? "ok" : "UNDER",
    });
    rows.push({ name: "  the same, its first run (cold workers)", value: grep.first, unit: "MB/s", budget: { text: "report" }, native: nativeGrep });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const roundTrip = await kernel.exec("probe syscalls 200000");
  rows.push({ name: "WASI syscall round trip (fd_fdstat_get), mean of 200,000", value: Number(roundTrip.stdout) / 1000, unit: "us", budget: { text: "report" } });
  await kernel.dispose();
  return rows;
}
