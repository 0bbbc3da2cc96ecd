import { afterEach, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { pattern, wasiKernel } from "./helpers/kernel.js";

let kernel: Kernel | undefined;
afterEach(async () => {
  await kernel?.dispose();
  kernel = undefined;
});

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe("streaming through WASI processes", () => {
  it("echoes each chunk a slow JS writer sends to stdin before the next one is written", async () => {
    kernel = await wasiKernel();
    let received = "";
    let notify: (() => void) | undefined;
    const child = kernel.spawn("probe", ["cat"], {
      onStdout: (data) => {
        received += new TextDecoder().decode(data);
        notify?.();
      },
    });
    const until = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" after 2 s; got ${JSON.stringify(received)}`)), 2000);
        const check = () => {
          if (received.endsWith(text)) {
            clearTimeout(timer);
            resolve();
          }
        };
        notify = check;
        check();
      });
    for (const chunk of ["first\n", "second\n", "third\n"]) {
      child.writeStdin(chunk);
      await until(chunk);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.closeStdin();
    expect(await child.wait()).toBe(0);
    expect(received).toBe("first\nsecond\nthird\n");
  });

  it("moves 16 MiB through cat | cat | cat with every byte intact", async () => {
    kernel = await wasiKernel();
    const input = pattern(16 * 1024 * 1024, 3);
    await kernel.writeFile("/in.bin", input);
    const result = await kernel.exec("cat /in.bin | cat | cat > /out.bin");
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "", truncated: false });
    expect(sameBytes(await kernel.readFile("/out.bin"), input)).toBe(true);
  });

  it("moves 4 MiB through three probe stages with stdin and stdout piped by the kernel", async () => {
    kernel = await wasiKernel();
    const input = pattern(4 * 1024 * 1024, 11);
    await kernel.writeFile("/in.bin", input);
    const result = await kernel.exec("probe cat < /in.bin | probe cat | probe cat > /out.bin");
    expect(result.exitCode).toBe(0);
    expect(sameBytes(await kernel.readFile("/out.bin"), input)).toBe(true);
  });

  it("finishes yes | head -n 1 at once, printing one line", async () => {
    kernel = await wasiKernel();
    await kernel.exec("true");
    const start = performance.now();
    const result = await kernel.exec("yes | head -n 1");
    expect(result).toEqual({ exitCode: 0, stdout: "y\n", stderr: "", truncated: false });
    expect(performance.now() - start).toBeLessThan(500);
  });
});
