import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "../packages/driver-wasmvm/dist/index.js";
const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createWasmVmRuntime());
const cmd = process.argv[2] ?? "/bin/true";
for (let i = 0; i < 50; i++) await kernel.exec(cmd);
const samples = [];
for (let i = 0; i < 300; i++) { const t = performance.now(); await kernel.exec(cmd); samples.push(performance.now() - t); }
samples.sort((a, b) => a - b);
console.log(cmd, "median ms", samples[150].toFixed(3), "p10", samples[30].toFixed(3), "p90", samples[270].toFixed(3));
await kernel.dispose();
