/**
 * Escape attempts from the kernel's own shell, with no other driver
 * mounted: only builtins, redirections, globbing and `cd`.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, type ShellOutcome } from "./sandbox.js";

type Attempt = [line: string, expected: ShellOutcome];

const ROOT_LISTING = "bin dev etc home tmp usr work";
const failed = (stderr: string): ShellOutcome => ({ exitCode: 1, stdout: "", stderr });

const ATTEMPTS: Attempt[] = [
  ["cd /work/..; pwd; echo *", { exitCode: 0, stdout: `/\n${ROOT_LISTING}\n`, stderr: "" }],
  ["cd /work; cd ..; cd ..; cd ..; pwd", { exitCode: 0, stdout: "/\n", stderr: "" }],
  ["echo /work/../../*", { exitCode: 0, stdout: `${ROOT_LISTING.split(" ").map((n) => `/work/../../${n}`).join(" ")}\n`, stderr: "" }],
  ["cd /work/hostlink", failed("sh: cd: /work/hostlink: No such file or directory\n")],
  ["cd /work && cd rel", failed("sh: cd: rel: No such file or directory\n")],
  ["echo /work/hostlink/*", { exitCode: 0, stdout: "/work/hostlink/*\n", stderr: "" }],
  ["exec 3< /work/rel/secret.txt", failed("sh: /work/rel/secret.txt: No such file or directory\n")],
  ["echo pwned > /work/direct", failed("sh: /work/direct: No such file or directory\n")],
  ["echo pwned >> /work/rel/secret.txt", failed("sh: /work/rel/secret.txt: No such file or directory\n")],
  ["echo pwned > /work/../outside/secret.txt", failed("sh: /work/../outside/secret.txt: No such file or directory\n")],
  ["cd /work && echo pwned > ../../../outside/secret.txt", failed("sh: ../../../outside/secret.txt: No such file or directory\n")],
  [". /work/direct", failed("sh: /work/direct: No such file or directory\n")],
  ["echo x > /work/fifo", failed("sh: /work/fifo: No such device or address\n")],
  [`echo x > /work/${"n".repeat(300)}`, failed(`sh: /work/${"n".repeat(300)}: File name too long\n`)],
];

describe("escape attempts from the shell", () => {
  for (const [line, expected] of ATTEMPTS) {
    const title = line.length > 80 ? `${line.slice(0, 77)}...` : line;
    it(`${title} → exit ${expected.exitCode}; the host is untouched`, async () => {
      const sandbox = createSandbox();
      try {
        expect(await sandbox.run(line)).toEqual(expected);
      } finally {
        await sandbox.verifyHostUntouched();
      }
    });
  }
});
