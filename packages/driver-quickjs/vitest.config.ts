import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "driver-quickjs", include: ["test/**/*.test.ts"], testTimeout: 20000 },
});
