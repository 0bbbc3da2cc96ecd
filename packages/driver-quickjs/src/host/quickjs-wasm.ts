/**
 * The QuickJS WebAssembly module, compiled once per host process and
 * shared by every worker (a compiled module is posted, not re-compiled).
 * The build ships it as `quickjs.wasm` beside the bundles, found through
 * `new URL(..., import.meta.url)` (read from disk in Node, fetched in a
 * browser, where bundlers copy it as an asset). Run from the sources, it
 * falls back to the variant package's own file.
 */

let cached: Promise<WebAssembly.Module> | undefined;

const BUNDLED = new URL("./quickjs.wasm", import.meta.url);
const PACKAGE_SPECIFIER = "@jitl/quickjs-ng-wasmfile-release-sync/wasm";

async function readFileUrl(url: URL): Promise<Uint8Array<ArrayBuffer> | null> {
  const fsName = "node:fs/promises";
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import("node:fs/promises");
  try {
    return new Uint8Array(await fs.readFile(url));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

async function packageFileUrl(): Promise<URL> {
  const moduleName = "node:module";
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as typeof import("node:module");
  return new URL(`file://${createRequire(import.meta.url).resolve(PACKAGE_SPECIFIER)}`);
}

async function loadBytes(): Promise<Uint8Array<ArrayBuffer>> {
  if (BUNDLED.protocol === "file:") {
    const bytes = (await readFileUrl(BUNDLED)) ?? (await readFileUrl(await packageFileUrl()));
    if (!bytes) throw new Error(`cannot find the QuickJS module at ${BUNDLED.href}`);
    return bytes;
  }
  const response = await fetch(BUNDLED);
  if (!response.ok) throw new Error(`cannot load the QuickJS module from ${BUNDLED.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The compiled QuickJS module: from `source` when given, else the package's own file (compiled once). */
export function quickJsModule(source?: WebAssembly.Module | Uint8Array<ArrayBuffer>): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return Promise.resolve(source);
  if (source) return WebAssembly.compile(source);
  cached ??= loadBytes().then((bytes) => WebAssembly.compile(bytes));
  return cached;
}
