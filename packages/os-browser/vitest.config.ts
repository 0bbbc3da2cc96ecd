import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "os-browser", include: ["test/**/*.test.ts"] },
});
