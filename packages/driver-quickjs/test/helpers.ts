/**
 * Test kernels: an in-memory file system, the kernel's shell, and the
 * QuickJS driver built from this package (its worker is dist/worker.js).
 */
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createQuickJsRuntime, type QuickJsRuntimeOptions } from "../src/index.js";

/** The built worker script the tests run guests in. */
export const WORKER_URL = new URL("../dist/worker.js", import.meta.url);

/** A kernel with the QuickJS driver mounted, and files written before it starts. */
export async function quickJsKernel(options: QuickJsRuntimeOptions = {}, files: Record<string, string> = {}): Promise<Kernel> {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  for (const [path, content] of Object.entries(files)) {
    const dir = path.slice(0, path.lastIndexOf("/"));
    if (dir) await kernel.vfs.mkdir(dir, { recursive: true });
    await kernel.vfs.writeFile(path, content);
  }
  await kernel.mount(createQuickJsRuntime({ workerUrl: WORKER_URL, poolSize: 1, ...options }));
  return kernel;
}

/** Quotes a JavaScript snippet for `sh -c` with single quotes. */
export function sq(code: string): string {
  return `'${code.replace(/'/g, `'\\''`)}'`;
}
