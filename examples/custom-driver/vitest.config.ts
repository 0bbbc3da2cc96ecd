import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "example-custom-driver", include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
