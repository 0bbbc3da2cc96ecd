// Run by suites/wasmvm.mjs in a fresh Node process: creates a kernel, mounts
// the WASI runtime and runs /bin/true, then prints one JSON line with the
// milliseconds that took. Nothing is cached yet: the binary is read and
// compiled and the first worker boots, as for an application's first command.
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";

const start = performance.now();
const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createWasmVmRuntime());
const result = await kernel.exec("/bin/true");
const millis = performance.now() - start;
await kernel.dispose();
if (result.exitCode !== 0) throw new Error(`/bin/true exited ${result.exitCode}: ${result.stderr}`);
console.log(JSON.stringify({ millis }));
