import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "example-host-folder", include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
