// Run by suites/memory.mjs in a fresh process: prints one JSON line.
//   memory-probe.mjs pipeline   peak RSS growth while 64 MiB goes through cat | grep | wc -l
//   memory-probe.mjs execs      RSS and heap growth from exec 1,000 to exec 2,000: the first
//                               thousand size the worker pool and V8's young generation
//                               (heapTotal grows ~30 MiB, then stays), so they are warm-up
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";

const MiB = 1024 * 1024;
const rss = () => process.memoryUsage.rss();
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 20));
  }
};

const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createWasmVmRuntime());
const kind = process.argv[2];

if (kind === "pipeline") {
  const line = "the quick brown fox jumps over the lazy dog 0123456789\n";
  const block = Buffer.alloc(MiB, line);
  const data = Buffer.concat(Array.from({ length: 64 }, () => block));
  await kernel.writeFile("/big.txt", data);
  await kernel.exec("echo warm | grep warm | wc -l");
  await settle();
  const base = rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 5);
  const r = await kernel.exec("cat /big.txt | grep needle | wc -l");
  clearInterval(timer);
  peak = Math.max(peak, rss());
  if (r.stdout.trim() !== "0") throw new Error(`unexpected output ${JSON.stringify(r)}`);
  console.log(JSON.stringify({ growthMiB: (peak - base) / MiB }));
} else if (kind === "execs") {
  const line = "echo hi | cat > /dev/null";
  for (let i = 0; i < 1000; i++) await kernel.exec(line);
  await settle();
  const base = process.memoryUsage();
  for (let i = 0; i < 1000; i++) await kernel.exec(line);
  await settle();
  const now = process.memoryUsage();
  console.log(JSON.stringify({ line, growthMiB: (now.rss - base.rss) / MiB, heapMiB: (now.heapUsed - base.heapUsed) / MiB }));
} else {
  throw new Error(`unknown probe ${kind}`);
}
await kernel.dispose();
