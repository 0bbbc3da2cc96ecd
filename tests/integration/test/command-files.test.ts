import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createEchoDriver } from "@secure-exec/driver-echo";

let kernel: Kernel;
beforeEach(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createEchoDriver());
});
afterEach(async () => {
  await kernel.dispose();
});

describe("registered commands under /bin and /usr/bin", () => {
  it("appear in listings", async () => {
    expect(await kernel.readdir("/bin")).toEqual(["bash", "myecho", "sh"]);
    expect(await kernel.readdir("/usr/bin")).toContain("myecho");
  });

  it("stat as read-only executables", async () => {
    const st = await kernel.stat("/bin/myecho");
    expect(st.mode).toBe(0o100755);
    expect((await kernel.exec("test -x /bin/myecho && echo yes")).stdout).toBe("yes\n");
  });

  it("read as a script that runs the command", async () => {
    expect(new TextDecoder().decode(await kernel.readFile("/usr/bin/myecho"))).toBe('#!/bin/sh\nexec myecho "$@"\n');
  });

  it("run by path", async () => {
    expect((await kernel.exec("/usr/bin/myecho by path")).stdout).toBe("by path\n");
  });

  it("refuse changes with EROFS", async () => {
    await expect(kernel.vfs.unlink("/bin/myecho")).rejects.toMatchObject({ code: "EROFS" });
    await expect(kernel.writeFile("/bin/myecho", "x")).rejects.toMatchObject({ code: "EROFS" });
    await expect(kernel.vfs.chmod("/bin/myecho", 0o700)).rejects.toMatchObject({ code: "EROFS" });
  });

  it("give way to a real file at the same path", async () => {
    const other = createKernel({ filesystem: createInMemoryFileSystem() });
    await other.writeFile("/bin/myecho", "#!/bin/sh\necho real file\n");
    await other.vfs.chmod("/bin/myecho", 0o755);
    await other.mount(createEchoDriver());
    expect((await other.exec("/bin/myecho x; myecho y")).stdout).toBe("real file\ny\n");
    expect(await other.readdir("/bin")).toEqual(["bash", "myecho", "sh"]);
    await other.dispose();
  });
});
