// WASI runtime (driver-wasmvm): warm and first spawn of a trivial WASI
// command through exec, 64 MiB through cat | cat | cat > /dev/null, and the
// bridge's syscall round trip. Uses the packages' builds (pnpm bench builds
// first).
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { readFileSync } from "node:fs";
import { createWasmVmRuntime } from "../../packages/driver-wasmvm/dist/index.js";
import { median, medianMicros, nativeMedianMicros } from "../lib.mjs";

const MiB = 1024 * 1024;

const probe = new Uint8Array(readFileSync(new URL("../../packages/driver-wasmvm/test/fixtures/probe.wasm", import.meta.url)));

async function newKernel() {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime({ commands: { probe } }));
  return kernel;
}

async function firstSpawnMillis() {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    const kernel = await newKernel();
    const result = await kernel.exec("/bin/true");
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.exitCode !== 0) throw new Error(`/bin/true exited ${result.exitCode}: ${result.stderr}`);
    await kernel.dispose();
  }
  return median(samples);
}

async function pipelineMBps(kernel) {
  const data = new Uint8Array(64 * MiB);
  for (let i = 0; i < data.length; i += 4096) data[i] = i & 0xff;
  await kernel.writeFile("/big.bin", data);
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const result = await kernel.exec("cat /big.bin | cat | cat > /dev/null");
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.exitCode !== 0) throw new Error(`pipeline exited ${result.exitCode}: ${result.stderr}`);
    samples.push(data.length / 1e6 / seconds);
  }
  return median(samples);
}

export async function run() {
  const rows = [];
  rows.push({ name: "first WASI spawn on a fresh kernel (mount + exec), median", value: await firstSpawnMillis(), unit: "ms", budget: { max: 60 } });

  const kernel = await newKernel();
  const warm = await medianMicros(() => kernel.exec("/bin/true"), { runs: 300, warmup: 30 });
  rows.push({ name: 'warm spawn of a trivial WASI command (exec("/bin/true")), median', value: warm / 1000, unit: "ms", budget: { max: 1 }, native: nativeMedianMicros("/bin/true") / 1000 });

  rows.push({ name: "64 MiB through cat | cat | cat > /dev/null", value: await pipelineMBps(kernel), unit: "MB/s", budget: { min: 500 } });

  const roundTrip = await kernel.exec("probe syscalls 200000");
  rows.push({ name: "WASI syscall round trip (fd_fdstat_get), mean of 200,000", value: Number(roundTrip.stdout) / 1000, unit: "us", budget: { text: "report" } });
  await kernel.dispose();
  return rows;
}
