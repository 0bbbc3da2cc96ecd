/**
 * os-browser must run in a browser: bundled for the browser platform, with
 * only the two polyfills the README names (memfs's core needs `buffer` and
 * `path`), it works in a bare JavaScript context that has no `Buffer`,
 * `process` or `require`.
 */
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: `export { createInMemoryFileSystem } from "./src/index.ts";`, resolveDir: PACKAGE_DIR, loader: "ts" },
    // esbuild resolves alias targets from the working directory, where this package's devDependencies are.
    absWorkingDir: PACKAGE_DIR,
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "osBrowser",
    write: false,
    logLevel: "silent",
    alias: { "node:buffer": "buffer", "node:path": "path-browserify" },
  });
  return result.outputFiles[0]!.text;
}

describe("the browser bundle", () => {
  it("creates, writes, reads and lists files in a context without Node globals", async () => {
    const context = createContext({ TextEncoder, TextDecoder });
    runInContext(await bundle(), context);
    const result = runInContext(
      `
      const fs = osBrowser.createInMemoryFileSystem();
      const file = fs.open("/tmp/note", 0o102, 0o644);
      file.write(new TextEncoder().encode("from the browser"), 0);
      const buffer = new Uint8Array(64);
      const text = new TextDecoder().decode(buffer.subarray(0, file.read(buffer, 0)));
      file.close();
      [typeof Buffer, typeof process, typeof require, text, fs.readdir("/tmp").map((e) => e.name).join(",")].join("|");
      `,
      context,
    );
    expect(result).toBe("undefined|undefined|undefined|from the browser|note");
  }, 30000);
});
