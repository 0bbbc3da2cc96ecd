import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "browser",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Bundling the page and starting Chromium take a few seconds.
    hookTimeout: 60_000,
  },
});
