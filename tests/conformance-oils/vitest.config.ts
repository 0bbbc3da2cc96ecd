import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "conformance-oils", include: ["test/**/*.test.ts"], testTimeout: 600_000 },
});
