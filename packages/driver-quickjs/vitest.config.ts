import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "driver-quickjs",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
