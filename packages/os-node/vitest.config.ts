import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "os-node", include: ["test/**/*.test.ts"] },
});
