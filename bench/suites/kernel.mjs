// Kernel and shell: exec of a builtin, and parsing a 200-character line.
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { medianMicros, nativeMedianMicros } from "../lib.mjs";

export async function run() {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  const rows = [];
  const trueMicros = await medianMicros(() => kernel.exec("true"), { runs: 2000, warmup: 200 });
  rows.push({ name: 'exec("true") (builtin), median', value: trueMicros, unit: "us", budget: { max: 50 }, native: nativeMedianMicros("true") });
  const line = `for f in a b c; do if [ -n "$f" ]; then echo "item: $f" | grep -v skip >> /tmp/out.txt 2>&1 && x=$((x + 1)); fi; done; echo "$x items" > /dev/null # tail`;
  rows.push({ name: `exec of a ${line.length}-char compound line, median`, value: await medianMicros(() => kernel.exec(line.replace(/grep -v skip/, "cat")), { runs: 300 }), unit: "us" });
  await kernel.dispose();
  return rows;
}
