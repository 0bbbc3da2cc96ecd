import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createQuickJsRuntime } from "./dist/index.js";
const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createQuickJsRuntime());
const cases = {
  consoleLog: `const t=Date.now(); for (let i = 0; i < 1000; i++) console.log('line ' + i); console.error(Date.now()-t)`,
  stdoutWrite: `const t=Date.now(); for (let i = 0; i < 1000; i++) process.stdout.write('line ' + i + '\\n'); console.error(Date.now()-t)`,
  oneWrite: `const t=Date.now(); let s=''; for (let i = 0; i < 1000; i++) s += 'line ' + i + '\\n'; process.stdout.write(s); console.error(Date.now()-t)`,
  formatOnly: `const util=require('util'); const t=Date.now(); let s=''; for (let i = 0; i < 1000; i++) s += util.format('line ' + i) + '\\n'; console.error(Date.now()-t)`,
};
for (let round = 0; round < 3; round++) for (const [name, code] of Object.entries(cases)) {
  const t = performance.now();
  const r = await kernel.exec(`node -e "${code}"`);
  console.log(round, name, (performance.now() - t).toFixed(1), "guest ms", r.stderr.trim(), r.stdout.length);
}
await kernel.dispose();
