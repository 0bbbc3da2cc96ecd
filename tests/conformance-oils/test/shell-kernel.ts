/**
 * The kernel the shell's own tests run in: an in-memory file system, HOME
 * /home/user as the working directory, the argv test command, and a short
 * kill grace so timeouts end quickly.
 */
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createArgvDriver } from "./argv-driver.js";

/** A fresh kernel with the argv driver mounted. */
export async function createShellKernel(): Promise<Kernel> {
  const kernel = createKernel({
    filesystem: createInMemoryFileSystem(),
    onWarning: () => {},
    cwd: "/home/user",
    env: { HOME: "/home/user", PATH: "/usr/bin:/bin" },
    limits: { killGraceMs: 50 },
  });
  await kernel.mount(createArgvDriver());
  return kernel;
}
