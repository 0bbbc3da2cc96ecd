import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests run against the workspace's sources, so no package needs building first. */
export const sourceAliases = [
  { find: /^@secure-exec\/kernel\/worker-bridge$/, replacement: here("../kernel/src/bridge/index.ts") },
  { find: /^@secure-exec\/kernel$/, replacement: here("../kernel/src/index.ts") },
  { find: /^@secure-exec\/os-browser$/, replacement: here("../os-browser/src/index.ts") },
  { find: /^@secure-exec\/driver-wasmvm$/, replacement: here("./src/index.ts") },
];

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: "driver-wasmvm",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-worker.ts"],
    testTimeout: 30_000,
  },
});
