/**
 * The oils spec cases (../shared/conformance/oils/cases.json, read in
 * place) and the key each one is known by in known-failures.txt.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { conformanceDir } from "../../shared/conformance-dir.js";

/** One case as the data file has it. */
export interface OilsCase {
  file: string;
  name: string;
  line: number;
  code: string;
  expected_stdout: string | null;
  expected_status: number | null;
  expected_stderr: string | null;
  needs: string[];
  utils: string[];
  setup_dirs: string[];
  real_shell_passes_default: { bash: boolean; dash: boolean };
}

const CASES_PATH = join(conformanceDir(), "oils/cases.json");

/** Every case, in file order. */
export function loadCases(): OilsCase[] {
  return JSON.parse(readFileSync(CASES_PATH, "utf8")) as OilsCase[];
}

/** `spec/file.test.sh:LINE name`: unique per case. */
export function caseKey(c: OilsCase): string {
  return `${c.file}:${c.line} ${c.name}`;
}

/** Whether both bash and dash pass the case's default expectation (the core target). */
export function isCore(c: OilsCase): boolean {
  return c.real_shell_passes_default.bash && c.real_shell_passes_default.dash;
}
