/**
 * Where the third-party conformance data lives: `../shared/conformance`
 * beside the project (never copied into it). A clone elsewhere (CI's fresh
 * checkout in a temporary folder) finds it beside the repository it was
 * cloned from; SECURE_EXEC_CONFORMANCE_DIR overrides both. A missing
 * directory is an error, so a conformance run can never pass by finding
 * nothing to run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function originCheckout(): string | null {
  try {
    const url = execFileSync("git", ["-C", projectRoot, "remote", "get-url", "origin"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const path = url.startsWith("file://") ? fileURLToPath(url) : url;
    return isAbsolute(path) && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The absolute path of the conformance data directory; throws if it cannot be found. */
export function conformanceDir(): string {
  const candidates = [
    process.env.SECURE_EXEC_CONFORMANCE_DIR,
    join(projectRoot, "../shared/conformance"),
    ...[originCheckout()].filter((p): p is string => p !== null).map((origin) => join(origin, "../shared/conformance")),
  ].filter((p): p is string => !!p);
  const found = candidates.find((dir) => existsSync(join(dir, "README.md")));
  if (!found) {
    throw new Error(`conformance data not found; looked in ${candidates.join(", ")} (set SECURE_EXEC_CONFORMANCE_DIR)`);
  }
  return found;
}
