import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createQuickJsRuntime } from "./dist/index.js";
const t0 = performance.now();
const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createQuickJsRuntime());
const times = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  const r = await kernel.exec(`node -e "console.log(1)"`);
  times.push(performance.now() - t);
  if (r.stdout !== "1\n") console.log("bad", r);
}
console.log(times.slice(-30).map(t => t.toFixed(1)).join(" "));
const sorted = [...times].sort((a,b)=>a-b); console.log("median", sorted[150].toFixed(2));
await kernel.dispose();
