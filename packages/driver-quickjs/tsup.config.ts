import { copyFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { defineConfig } from "tsup";
import type { Plugin } from "esbuild";

/** Loads `./guest/x.js?text` imports as strings: the guest runtime is JavaScript for QuickJS, not for the bundle. */
const guestText: Plugin = {
  name: "guest-text",
  setup(build) {
    build.onResolve({ filter: /\?text$/ }, (args) => ({
      path: new URL(args.path.slice(0, -"?text".length), `file://${args.resolveDir}/`).pathname,
      namespace: "guest-text",
    }));
    build.onLoad({ filter: /.*/, namespace: "guest-text" }, (args) => ({
      contents: readFileSync(args.path, "utf8"),
      loader: "text",
    }));
  },
};

/** Ships the QuickJS WebAssembly module beside the bundles, where `new URL("./quickjs.wasm", import.meta.url)` finds it in Node and bundlers alike. */
function copyQuickJsWasm(): void {
  const wasm = createRequire(import.meta.url).resolve("@jitl/quickjs-ng-wasmfile-release-sync/wasm");
  copyFileSync(wasm, "dist/quickjs.wasm");
}

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: { entry: { index: "src/index.ts" } },
    clean: true,
    sourcemap: true,
    shims: true,
    target: "es2022",
    esbuildPlugins: [guestText],
    onSuccess: async () => copyQuickJsWasm(),
  },
  {
    // The worker is one self-contained ES module, so a bare `new Worker(url)` (or a bundler's copy of it) loads anywhere.
    entry: { worker: "src/worker/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "es2022",
    noExternal: [/.*/],
    splitting: false,
    esbuildPlugins: [guestText],
  },
]);
