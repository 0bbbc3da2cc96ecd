import { defineProject } from "vitest/config";
import { sourceAliases } from "../../packages/driver-wasmvm/vitest.config.js";

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: "conformance-wasi",
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../packages/driver-wasmvm/test/helpers/build-worker.ts"],
    testTimeout: 30_000,
  },
});
