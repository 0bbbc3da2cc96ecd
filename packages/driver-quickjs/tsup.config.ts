import { readFileSync } from "node:fs";
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

export default defineConfig({
  entry: { index: "src/index.ts", worker: "src/worker/main.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  clean: true,
  sourcemap: true,
  shims: true,
  target: "es2022",
  esbuildPlugins: [guestText],
});
