import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "packaging",
    include: ["test/**/*.test.ts"],
    // Packing and installing take a while (npm fetches the third-party dependencies).
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
