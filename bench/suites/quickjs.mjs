// QuickJS runtime (driver-quickjs): warm `node -e "console.log(1)"` through
// exec, the first run on a fresh kernel (mount + exec), and a JS → WASI
// pipeline. Uses the packages' builds (pnpm bench builds first).
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createQuickJsRuntime } from "../../packages/driver-quickjs/dist/index.js";
import { createWasmVmRuntime } from "../../packages/driver-wasmvm/dist/index.js";
import { median, medianMicros, nativeMedianMicros } from "../lib.mjs";

const HELLO = `node -e "console.log(1)"`;

async function newKernel(withWasi = false) {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  if (withWasi) await kernel.mount(createWasmVmRuntime());
  await kernel.mount(createQuickJsRuntime());
  return kernel;
}

async function check(kernel, command, stdout) {
  const result = await kernel.exec(command);
  if (result.exitCode !== 0 || result.stdout !== stdout) throw new Error(`${command} gave ${JSON.stringify(result)}`);
}

async function firstRunMillis() {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    const kernel = await newKernel();
    await check(kernel, HELLO, "1\n");
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    await kernel.dispose();
  }
  return median(samples);
}

export async function run() {
  const rows = [];
  const coldStart = process.hrtime.bigint();
  const cold = await newKernel();
  await check(cold, HELLO, "1\n");
  const coldMillis = Number(process.hrtime.bigint() - coldStart) / 1e6;
  await cold.dispose();
  rows.push({ name: 'first node -e "console.log(1)" in this host process (module compile + mount + exec)', value: coldMillis, unit: "ms", budget: { text: "report" } });
  rows.push({ name: 'first node -e "console.log(1)" on a fresh kernel (mount + exec), median', value: await firstRunMillis(), unit: "ms", budget: { max: 80 } });

  const kernel = await newKernel(true);
  const warm = await medianMicros(() => check(kernel, HELLO, "1\n"), { runs: 200, warmup: 30 });
  rows.push({ name: 'warm node -e "console.log(1)", median', value: warm / 1000, unit: "ms", budget: { max: 3 }, native: nativeMedianMicros(`node -e "console.log(1)"`, { runs: 10 }) / 1000 });

  const pipe = await medianMicros(() => check(kernel, `node -e "for (let i = 0; i < 1000; i++) console.log('line ' + i)" | grep -c line`, "1000\n"), { runs: 20, warmup: 3 });
  rows.push({ name: "node printing 1,000 lines | grep -c (JS → WASI), median", value: pipe / 1000, unit: "ms", budget: { text: "report" } });
  await kernel.dispose();
  return rows;
}
