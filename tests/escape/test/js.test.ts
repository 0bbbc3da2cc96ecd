/**
 * Escape attempts from JavaScript: the QuickJS driver's `node` runs
 * fixtures/js-escape-probe.js, which tries `fs` (sync and promises),
 * `require`, `process.binding`, `process.chdir` and `child_process` on the
 * ways out of /work, printing each error's code.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createSandbox } from "./sandbox.js";

/** What the probe prints, one attempt a line. */
const PROBE_OUTPUT = `read ../../outside: ENOENT
read the host path: ENOENT
list /work/..: ok "bin dev etc home tmp usr work"
symlink / at /work/x: ok
list /work/x: ok "bin dev etc home tmp usr work"
read /work/x/etc/passwd: ENOENT
symlink the host path at /work/h: ok
write /work/h/planted: ENOENT
read through the host's symlink: ENOENT
open through the relative symlink: ENOENT
write through the symlink to the sentinel: ENOENT
append through the relative symlink: ENOENT
truncate through the symlink to the sentinel: ENOENT
chmod through the symlink to the sentinel: ENOENT
utimes through the symlink to the sentinel: ENOENT
stat through the symlink to the sentinel: ENOENT
copy the sentinel out: ENOENT
list through the host's symlink: ENOENT
realpath of the relative symlink: ENOENT
rm -r the host's symlink: ok
the host's symlink is gone: ok false
rename /work/file.txt to /tmp: EXDEV
hard link /work/file.txt into /tmp: EXDEV
rename /work: EBUSY
rmdir /work: EBUSY
read the FIFO: ENXIO
symlink loop: ELOOP
a path over PATH_MAX: ENAMETOOLONG
a NUL byte in a path: ERR_INVALID_ARG_VALUE
require through the symlink to the sentinel: MODULE_NOT_FOUND
process.binding('fs'): ERR_INVALID_MODULE
chdir /work/..: ok "/"
execSync cat through the relative symlink: 1
spawnSync cat ../../etc/passwd in /work: ok 1
fs.promises.readFile through the host's path: ENOENT
fs.promises.writeFile through the relative symlink: ENOENT
`;

describe("escape attempts from JavaScript", () => {
  it("every attempt of the probe script fails inside the sandbox or stays in it; the host is untouched", async () => {
    const sandbox = createSandbox();
    try {
      await sandbox.kernel.mount(createWasmVmRuntime({ poolSize: 1 }));
      await sandbox.kernel.mount(createQuickJsRuntime());
      await sandbox.kernel.vfs.writeFile("/tmp/probe.js", readFileSync(new URL("../fixtures/js-escape-probe.js", import.meta.url)));
      const { exitCode, stdout, stderr } = await sandbox.kernel.exec("node /tmp/probe.js", { env: { HOST_OUTSIDE: sandbox.outside } });
      sandbox.seen.push(stdout, stderr);
      expect({ exitCode, stdout, stderr }).toEqual({ exitCode: 0, stdout: PROBE_OUTPUT, stderr: "" });
    } finally {
      await sandbox.verifyHostUntouched();
    }
  });
});
