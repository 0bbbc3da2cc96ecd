import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "escape", include: ["test/**/*.test.ts"], testTimeout: 30000 },
});
