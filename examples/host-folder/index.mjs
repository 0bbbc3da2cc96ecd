#!/usr/bin/env node
/**
 * A host folder in the sandbox, with a policy. A copy of ./project (made in
 * a temporary folder, so the example leaves this repository alone) is
 * mounted read-write at /work with os-node, confined to that folder. The
 * embedder's policy then narrows what guests may do:
 * - files: no access at all to /work/.env; changes only under /work, /tmp
 *   and /dev; reading elsewhere is fine;
 * - processes: only the listed commands (no `node`);
 * - environment: guests see HOME, PATH and USER, not the token the
 *   embedder holds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { allOf, allowCommands, allowEnv, allowFsUnder, anyOf, createKernel, readOnlyFs } from "@secure-exec/kernel";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createNodeFileSystem } from "@secure-exec/os-node";

/** Denies every request on `path` and below, with `reason`. */
function denyUnder(path, reason) {
  return (request) => (request.path === path || request.path.startsWith(`${path}/`) ? { allow: false, reason } : true);
}

const hostFolder = mkdtempSync(join(tmpdir(), "secure-exec-host-folder-"));
cpSync(fileURLToPath(new URL("./project/", import.meta.url)), hostFolder, { recursive: true });

const kernel = createKernel({
  filesystem: createInMemoryFileSystem(),
  mounts: { "/work": createNodeFileSystem({ root: hostFolder }) },
  cwd: "/work",
  env: { HOME: "/home/user", PATH: "/usr/bin:/bin", USER: "user", API_TOKEN: "held-by-the-embedder" },
  permissions: {
    fs: allOf(denyUnder("/work/.env", "secrets are off limits"), anyOf(readOnlyFs(), allowFsUnder(["/work", "/tmp", "/dev"]))),
    childProcess: allowCommands(["sh", "ls", "cat", "grep", "wc", "sort", "sed", "mkdir"]),
    env: allowEnv(["HOME", "PATH", "USER"]),
  },
});
await kernel.mount(createWasmVmRuntime());
await kernel.mount(createQuickJsRuntime());

const lines = [
  "ls; ls src",
  "grep -n TODO src/*.js",
  "sed -i 's/const port = 8080;/const port = Number(process.env.PORT ?? 8080);/' src/app.js && grep -n port src/app.js",
  "mkdir -p notes && printf 'checked by the sandbox\\n' > notes/review.txt && cat notes/review.txt",
  "cat .env",
  "echo hacked > /etc/motd",
  "node -e 'console.log(1)'",
  "cd /work/../.. && pwd && ls",
  'echo "HOME=$HOME USER=$USER API_TOKEN=${API_TOKEN:-(not visible)}"',
];
for (const line of lines) {
  const { stdout, stderr, exitCode } = await kernel.exec(line);
  process.stdout.write(`$ ${line}\n${stdout}${stderr}${exitCode === 0 ? "" : `[exit status ${exitCode}]\n`}\n`);
}
await kernel.dispose();

console.log("On the host, the folder now holds:");
console.log(`  src/app.js line 2: ${readFileSync(join(hostFolder, "src/app.js"), "utf8").split("\n")[1]}`);
console.log(`  notes/review.txt: ${readFileSync(join(hostFolder, "notes/review.txt"), "utf8").trimEnd()}`);
console.log(`  .env unchanged: ${readFileSync(join(hostFolder, ".env"), "utf8") === "API_KEY=do-not-leak-me\n"}`);
rmSync(hostFolder, { recursive: true, force: true });
