/**
 * Escape attempts through the embedder's API (`kernel.vfs`): the same calls
 * every driver's file-system syscalls end in. /work is a host folder; the
 * rest of the namespace is in memory, so a path that "escapes" /work lands
 * in the in-memory tree, never on the host.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "./sandbox.js";

type Attempt = [name: string, run: (s: Sandbox) => Promise<string[]>, expected: string[]];

const ATTEMPTS: Attempt[] = [
  ["read ../../outside through /work", (s) => Promise.all([s.attempt(() => s.kernel.vfs.readTextFile("/work/../../outside/secret.txt"))]), ["ENOENT"]],
  ["read the sentinel by its host path", (s) => Promise.all([s.attempt(() => s.kernel.vfs.readTextFile(s.sentinel))]), ["ENOENT"]],
  ["list /work/.. expecting the host parent", async (s) => [await s.attempt(() => s.kernel.vfs.readdir("/work/.."))], ['ok ["bin","dev","etc","home","tmp","usr","work"]']],
  ["list /work/../.. expecting the host grandparent", async (s) => [await s.attempt(() => s.kernel.vfs.readdir("/work/../../.."))], ['ok ["bin","dev","etc","home","tmp","usr","work"]']],
  ["write ../outside/secret.txt from /work", async (s) => [await s.attempt(() => s.kernel.vfs.writeFile("/work/../outside/secret.txt", "pwned"))], ["ENOENT"]],
  ["ln -s / x; read x/etc/passwd", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink("/", "/work/x")),
    await s.attempt(() => s.kernel.vfs.readTextFile("/work/x/etc/passwd")),
    await s.attempt(() => s.kernel.vfs.readdir("/work/x")),
  ], ["ok undefined", "ENOENT", 'ok ["bin","dev","etc","home","tmp","usr","work"]']],
  ["symlink to the sentinel's host path, then read it", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink(s.sentinel, "/work/steal")),
    await s.attempt(() => s.kernel.vfs.readTextFile("/work/steal")),
  ], ["ok undefined", "ENOENT"]],
  ["symlink to the host folder beside root, then write into it", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink(s.outside, "/work/out")),
    await s.attempt(() => s.kernel.vfs.writeFile("/work/out/planted.txt", "x")),
  ], ["ok undefined", "ENOENT"]],
  ["relative symlink climbing out, then read through it", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink("../../../../outside", "/work/climb")),
    await s.attempt(() => s.kernel.vfs.readTextFile("/work/climb/secret.txt")),
  ], ["ok undefined", "ENOENT"]],
  ["read through the host's absolute symlink out of root", async (s) => [await s.attempt(() => s.kernel.vfs.readTextFile("/work/hostlink/secret.txt"))], ["ENOENT"]],
  ["read through the host's relative symlink out of root", async (s) => [await s.attempt(() => s.kernel.vfs.readTextFile("/work/rel/secret.txt"))], ["ENOENT"]],
  ["overwrite the sentinel through the host's symlink to it", async (s) => [await s.attempt(() => s.kernel.vfs.writeFile("/work/direct", "pwned"))], ["ENOENT"]],
  ["append to the sentinel through the host's symlink to it", async (s) => [await s.attempt(() => s.kernel.vfs.appendFile("/work/direct", "pwned"))], ["ENOENT"]],
  ["truncate the sentinel through the host's symlink to it", async (s) => [await s.attempt(() => s.kernel.vfs.truncate("/work/direct", 0))], ["ENOENT"]],
  ["chmod the sentinel through the host's symlink to it", async (s) => [await s.attempt(() => s.kernel.vfs.chmod("/work/direct", 0o777))], ["ENOENT"]],
  ["utimes the sentinel through the host's symlink to it", async (s) => [await s.attempt(() => s.kernel.vfs.utimes("/work/direct", 0, 0))], ["ENOENT"]],
  ["list the host folder through the host's symlink", async (s) => [await s.attempt(() => s.kernel.vfs.readdir("/work/hostlink"))], ["ENOENT"]],
  ["stat the host folder through the host's symlink", async (s) => [await s.attempt(() => s.kernel.vfs.stat("/work/rel"))], ["ENOENT"]],
  ["realpath of a symlink out of root names no host path", async (s) => [await s.attempt(() => s.kernel.vfs.realpath("/work/rel"))], ["ENOENT"]],
  ["rm -r a symlink to the host folder removes only the link", async (s) => [
    await s.attempt(() => s.kernel.vfs.rm("/work/hostlink", { recursive: true })),
    await s.attempt(() => s.kernel.vfs.exists("/work/hostlink")),
  ], ["ok undefined", "ok false"]],
  ["unlink the sentinel by a climbing path", async (s) => [await s.attempt(() => s.kernel.vfs.unlink("/work/../../outside/secret.txt"))], ["ENOENT"]],
  ["mkdir through a symlink out of root", async (s) => [await s.attempt(() => s.kernel.vfs.mkdir("/work/hostlink/dir2"))], ["ENOENT"]],
  ["rename a file out of /work into the in-memory root", async (s) => [await s.attempt(() => s.kernel.vfs.rename("/work/file.txt", "/tmp/file.txt"))], ["EXDEV"]],
  ["rename through a symlink out of root", async (s) => [await s.attempt(() => s.kernel.vfs.rename("/work/file.txt", "/work/hostlink/moved.txt"))], ["ENOENT"]],
  ["rename of the /work mount point", async (s) => [await s.attempt(() => s.kernel.vfs.rename("/work", "/tmp/work"))], ["EBUSY"]],
  ["rename of the root", async (s) => [await s.attempt(() => s.kernel.vfs.rename("/", "/tmp/root"))], ["EBUSY"]],
  ["rmdir of the /work mount point", async (s) => [await s.attempt(() => s.kernel.vfs.rmdir("/work"))], ["EBUSY"]],
  ["hard link from /work into the in-memory root", async (s) => [await s.attempt(() => s.kernel.vfs.link("/work/file.txt", "/tmp/linked"))], ["EXDEV"]],
  ["hard link to the sentinel through the host's symlink", async (s) => [await s.attempt(() => s.kernel.vfs.link("/work/hostlink/secret.txt", "/work/linked"))], ["ENOENT"]],
  ["symlink loop of two links", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink("b", "/work/a")),
    await s.attempt(() => s.kernel.vfs.symlink("a", "/work/b")),
    await s.attempt(() => s.kernel.vfs.readTextFile("/work/a")),
  ], ["ok undefined", "ok undefined", "ELOOP"]],
  ["symlink pointing at itself, written to", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink("self", "/work/self")),
    await s.attempt(() => s.kernel.vfs.writeFile("/work/self", "x")),
  ], ["ok undefined", "ELOOP"]],
  ["a path longer than PATH_MAX", async (s) => [await s.attempt(() => s.kernel.vfs.readTextFile("/work/" + "a/".repeat(2100)))], ["ENAMETOOLONG"]],
  ["a name longer than NAME_MAX", async (s) => [await s.attempt(() => s.kernel.vfs.writeFile("/work/" + "n".repeat(256), "x"))], ["ENAMETOOLONG"]],
  ["a NUL byte cutting a path short", async (s) => [
    await s.attempt(() => s.kernel.vfs.readTextFile("/work/file.txt\0.secret")),
    await s.attempt(() => s.kernel.vfs.writeFile("/work/new\0/../../outside/secret.txt", "pwned")),
  ], ["EINVAL", "EINVAL"]],
  ["a NUL byte in a symlink target", async (s) => [await s.attempt(() => s.kernel.vfs.symlink("/\0/outside", "/work/nul"))], ["EINVAL"]],
  ["open the host FIFO in root (would hang the kernel)", async (s) => [
    await s.attempt(() => s.kernel.vfs.readFile("/work/fifo")),
    await s.attempt(() => s.kernel.vfs.writeFile("/work/fifo", "x")),
  ], ["ENXIO", "ENXIO"]],
  ["write to the kernel's /dev/null through a symlink in /work", async (s) => [
    await s.attempt(() => s.kernel.vfs.symlink("/dev/null", "/work/null")),
    await s.attempt(() => s.kernel.vfs.writeFile("/work/null", "discarded")),
  ], ["ok undefined", "ok undefined"]],
  ["a folder swapped for a symlink out of root between two calls", async (s) => {
    const { renameSync, symlinkSync } = await import("node:fs");
    const first = await s.attempt(() => s.kernel.vfs.writeFile("/work/sub/f", "1"));
    renameSync(`${s.root}/sub`, `${s.root}/sub-old`);
    symlinkSync(s.outside, `${s.root}/sub`);
    return [first, await s.attempt(() => s.kernel.vfs.writeFile("/work/sub/secret.txt", "pwned"))];
  }, ["ok undefined", "ENOENT"]],
  ["the root folder renamed away and replaced", async (s) => {
    const { mkdirSync, renameSync, rmSync, statSync, utimesSync } = await import("node:fs");
    const { atimeMs, mtimeMs } = statSync(s.base);
    renameSync(s.root, `${s.base}/root-moved`);
    mkdirSync(s.root);
    const outcomes = [
      await s.attempt(() => s.kernel.vfs.readdir("/work")),
      await s.attempt(() => s.kernel.vfs.writeFile("/work/file.txt", "x")),
    ];
    rmSync(`${s.base}/root-moved`, { recursive: true });
    // Put the base folder's times back (to the millisecond the snapshot compares; libuv truncates to microseconds).
    utimesSync(s.base, (Math.floor(atimeMs) + 0.0005) / 1000, (Math.floor(mtimeMs) + 0.0005) / 1000);
    return outcomes;
  }, ["EACCES", "EACCES"]],
];

/** Whether this process may create device nodes (root with CAP_MKNOD). */
function canMknod(): boolean {
  const probe = join(tmpdir(), `escape-mknod-${process.pid}`);
  try {
    execFileSync("mknod", [probe, "c", "1", "3"], { stdio: "ignore" });
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

describe("escape attempts through the kernel API", () => {
  it.skipIf(!canMknod())("a host device node in /work (mknod c 1 5) cannot be opened: EACCES; the host is untouched (needs CAP_MKNOD)", async () => {
    const sandbox = createSandbox();
    try {
      execFileSync("mknod", [join(sandbox.root, "zero"), "c", "1", "5"]);
      expect([
        await sandbox.attempt(() => sandbox.kernel.vfs.readFile("/work/zero")),
        await sandbox.attempt(() => sandbox.kernel.vfs.writeFile("/work/zero", "x")),
      ]).toEqual(["EACCES", "EACCES"]);
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });

  for (const [name, run, expected] of ATTEMPTS) {
    it(`${name}: ${expected.join(", ")}; the host is untouched`, async () => {
      const sandbox = createSandbox();
      try {
        expect(await run(sandbox)).toEqual(expected);
      } finally {
        await sandbox.verifyHostUntouched();
      }
    });
  }
});
