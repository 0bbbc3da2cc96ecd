#!/usr/bin/env node
/**
 * The quickstart: a sandbox composed from whichever secure-exec packages are
 * installed, running pipelines across the runtimes it has. The kernel and
 * os-browser (an in-memory file system) are required; each driver, and
 * os-node (a host folder, here ./data mounted read-only at /work), is used
 * when present. `pnpm demo` runs it with every first-party package.
 */
import { fileURLToPath } from "node:url";
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";

/** Imports a package, or returns null when it is not installed. */
async function optional(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err?.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes(name)) return null;
    throw err;
  }
}

const wasmvm = await optional("@secure-exec/driver-wasmvm");
const quickjs = await optional("@secure-exec/driver-quickjs");
const echo = await optional("@secure-exec/driver-echo");
const osNode = await optional("@secure-exec/os-node");

const mounts = {};
if (osNode) mounts["/work"] = osNode.createNodeFileSystem({ root: fileURLToPath(new URL("./data/", import.meta.url)), readOnly: true });
const kernel = createKernel({ filesystem: createInMemoryFileSystem(), mounts });
const have = new Set(["kernel", "os-browser"]);
if (osNode) have.add("os-node");
if (wasmvm) {
  await kernel.mount(wasmvm.createWasmVmRuntime());
  have.add("driver-wasmvm");
}
if (quickjs) {
  await kernel.mount(quickjs.createQuickJsRuntime());
  have.add("driver-quickjs");
}
if (echo) {
  await kernel.mount(echo.createEchoDriver());
  have.add("driver-echo");
}

/** Command lines, each run when the packages it needs are installed. */
const steps = [
  { needs: ["driver-quickjs", "driver-wasmvm"], line: `node -e "console.log('a\\nb\\nc')" | grep b > /tmp/x; cat /tmp/x` },
  {
    needs: ["driver-quickjs", "driver-wasmvm"],
    line: `seq 1 100 | node -e "const n = require('fs').readFileSync(0, 'utf8').split('\\n').filter(Boolean).map(Number); console.log(n.reduce((a, b) => a + b))"`,
  },
  { needs: ["driver-echo", "driver-wasmvm"], line: "myecho hello from the echo driver | wc -w" },
  { needs: ["driver-echo"], line: `myecho hello sandbox | { read a b; echo "the shell read: $b, $a"; }` },
  { needs: ["os-node", "driver-wasmvm"], line: "grep -c e /work/animals.txt; echo x > /work/new.txt" },
  { needs: [], line: `for w in one two three; do printf '%s:%d ' "$w" "\${#w}"; done; echo` },
];

console.log(`secure-exec quickstart with ${[...have].join(", ")}`);
for (const { needs, line } of steps) {
  if (!needs.every((name) => have.has(name))) continue;
  const { stdout, stderr, exitCode } = await kernel.exec(line);
  process.stdout.write(`\n$ ${line}\n${stdout}${stderr}${exitCode === 0 ? "" : `[exit status ${exitCode}]\n`}`);
}
await kernel.dispose();
