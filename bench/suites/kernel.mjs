// Kernel and shell: exec of a builtin, and of a compound line of builtins.
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { medianMicros, nativeMedianMicros } from "../lib.mjs";

export async function run() {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  const rows = [];
  const trueMicros = await medianMicros(() => kernel.exec("true"), { runs: 2000, warmup: 200 });
  rows.push({ name: 'exec("true") (builtin), median', value: trueMicros, unit: "us", budget: { max: 50 }, native: nativeMedianMicros("true") });
  const line = 'for f in a b c; do if [ -n "$f" ]; then x=$((x + 1)); fi; done; echo "$x items" > /dev/null';
  rows.push({ name: "exec of a builtin-only compound line, median", value: await medianMicros(() => kernel.exec(line), { runs: 1000 }), unit: "us" });
  await kernel.dispose();
  return rows;
}
