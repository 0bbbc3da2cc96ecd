/**
 * How the test page is bundled: the Vite configuration a web app using
 * secure-exec needs. The two aliases are the ones os-browser's README names
 * (memfs's core imports `node:buffer` and `node:path`); nothing else is
 * special. Workers are ES modules, as the drivers start them.
 */
import { defineConfig } from "vite";

export default defineConfig({
  root: "page",
  base: "./",
  resolve: { alias: { "node:buffer": "buffer", "node:path": "path-browserify" } },
  build: { target: "es2022", minify: false, reportCompressedSize: false },
  worker: { format: "es" },
});
