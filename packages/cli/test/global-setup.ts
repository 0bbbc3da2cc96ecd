/**
 * The CLI tests run the built bin, as a user would: it must have been built
 * (`pnpm build`, which `pnpm test` runs first).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function checkBuilt(): void {
  const bin = fileURLToPath(new URL("../dist/main.js", import.meta.url));
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
}
