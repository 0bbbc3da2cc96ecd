/**
 * The WASI test suite as data: every test of
 * ../shared/conformance/wasi-testsuite (relative to the project root), with
 * its JSON options (args, env, the folder preopened as the guest's "/",
 * the expected exit code and output prefixes) as its README describes them.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { conformanceDir } from "../../shared/conformance-dir.js";

/** Where the suite lives. */
export const SUITE_DIR = join(conformanceDir(), "wasi-testsuite/tests");

const LANGUAGES = ["assemblyscript", "c", "rust"];

/** One test of the suite. */
export interface WasiTest {
  /** "<language>/<name>", e.g. "rust/fd_readdir". */
  id: string;
  /** The test program. */
  wasmPath: string;
  /** Arguments after argv[0]. */
  args: string[];
  /** The guest's whole environment. */
  env: Record<string, string>;
  /** A folder to copy fresh and preopen as "/", if any. */
  rootDir?: string;
  /** The exit code the test must end with. */
  exitCode: number;
  /** What stdout must start with, if given. */
  stdout?: string;
  /** What stderr must start with, if given. */
  stderr?: string;
}

interface TestJson {
  args?: string[];
  env?: Record<string, string>;
  root?: string;
  exit_code?: number;
  stdout?: string;
  stderr?: string;
}

/** Every test of the suite, sorted by id. */
export function listTests(): WasiTest[] {
  const tests: WasiTest[] = [];
  for (const language of LANGUAGES) {
    const dir = join(SUITE_DIR, language, "testsuite", "wasm32-wasip1");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".wasm"))) {
      const name = basename(file, ".wasm");
      const jsonPath = join(dir, `${name}.json`);
      const json: TestJson = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, "utf8")) : {};
      tests.push({
        id: `${language}/${name}`,
        wasmPath: join(dir, file),
        args: json.args ?? [],
        env: json.env ?? {},
        rootDir: json.root === undefined ? undefined : join(dir, json.root),
        exitCode: json.exit_code ?? 0,
        stdout: json.stdout,
        stderr: json.stderr,
      });
    }
  }
  return tests.sort((a, b) => a.id.localeCompare(b.id));
}
