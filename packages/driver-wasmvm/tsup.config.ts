import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    shims: true,
  },
  {
    // The worker is one self-contained ES module, so a bare `new Worker(url)` can load it anywhere.
    entry: { worker: "src/worker/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    noExternal: [/.*/],
  },
  {
    // The same worker as one CommonJS file for Node, which starts it sooner (see node-main.ts).
    entry: { worker: "src/worker/node-main.ts" },
    format: ["cjs"],
    dts: false,
    sourcemap: true,
    noExternal: [/^(?!node:)/],
  },
]);
