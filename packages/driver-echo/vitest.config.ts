import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "driver-echo", include: ["test/**/*.test.ts"] },
});
