import { defineConfig } from "tsup";

// The package is a command, not a library: one ES module, the bin.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  dts: false,
  clean: true,
  sourcemap: true,
  target: "node20",
});
