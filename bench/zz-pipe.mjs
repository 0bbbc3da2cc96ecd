import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "../packages/driver-wasmvm/dist/index.js";
const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createWasmVmRuntime());
const data = new Uint8Array(64 * 1024 * 1024);
await kernel.writeFile("/big.bin", data);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await kernel.exec(process.argv[2] ?? "cat /big.bin | cat | cat > /dev/null");
  const s = (performance.now() - t) / 1000;
  console.log(r.exitCode, (64 * 1.048576 / s).toFixed(0), "MB/s");
}
await kernel.dispose();
