/**
 * The harness must be able to fail: a change to the host tree outside root,
 * or a secret in what the guest saw, makes `verifyHostUntouched` throw.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSandbox } from "./sandbox.js";

describe("the escape harness", () => {
  it("notices a changed sentinel", async () => {
    const sandbox = createSandbox();
    appendFileSync(sandbox.sentinel, "!");
    await expect(sandbox.verifyHostUntouched()).rejects.toThrow();
  });

  it("notices a new file beside the root", async () => {
    const sandbox = createSandbox();
    writeFileSync(`${sandbox.outside}/dir/planted`, "");
    await expect(sandbox.verifyHostUntouched()).rejects.toThrow();
  });

  it("notices the secret in what the guest saw", async () => {
    const sandbox = createSandbox();
    await sandbox.attempt(() => `leaked ${sandbox.secret}`);
    await expect(sandbox.verifyHostUntouched()).rejects.toThrow();
  });

  it("notices a host path in an error message beyond the path the guest named", async () => {
    const sandbox = createSandbox();
    await sandbox.attempt(async () => {
      const { KernelError } = await import("@secure-exec/kernel");
      throw new KernelError("EIO", `host detail ${sandbox.root}`, { path: "/work/x" });
    });
    await expect(sandbox.verifyHostUntouched()).rejects.toThrow();
  });

  it("passes a sandbox where the guest only worked inside /work", async () => {
    const sandbox = createSandbox();
    expect(await sandbox.attempt(() => sandbox.kernel.vfs.writeFile("/work/new.txt", "fine"))).toBe("ok undefined");
    await sandbox.verifyHostUntouched();
  });
});
