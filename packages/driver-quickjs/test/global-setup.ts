/**
 * Builds the package before its tests when dist/ is missing or older than
 * src/: guests run in dist/worker.js, which must match the sources tested.
 */
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const root = new URL("..", import.meta.url).pathname;
  const worker = join(root, "dist/worker.js");
  if (!existsSync(worker) || statSync(worker).mtimeMs < newest(join(root, "src"))) {
    execSync("npx tsup", { cwd: root, stdio: "inherit" });
  }
}
