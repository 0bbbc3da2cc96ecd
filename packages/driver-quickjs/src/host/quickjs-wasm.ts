/**
 * The QuickJS WebAssembly module, compiled once per host process and
 * shared by every worker (a compiled module is posted, not re-compiled).
 * In Node the bytes come from the variant package's file; elsewhere the
 * embedder passes the module or its bytes in the driver options.
 */

let cached: Promise<WebAssembly.Module> | undefined;

const SPECIFIER = "@jitl/quickjs-ng-wasmfile-release-sync/wasm";

async function resolveUrl(): Promise<string> {
  const meta = import.meta as ImportMeta & { resolve?: (specifier: string) => string };
  if (typeof meta.resolve === "function") return meta.resolve(SPECIFIER);
  const moduleName = "node:module";
  const { createRequire } = (await import(/* @vite-ignore */ moduleName)) as typeof import("node:module");
  return `file://${createRequire(import.meta.url).resolve(SPECIFIER)}`;
}

async function loadBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const url = await resolveUrl();
  if (url.startsWith("file:")) {
    const fsName = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ fsName)) as typeof import("node:fs/promises");
    return new Uint8Array(await fs.readFile(new URL(url)));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the QuickJS module from ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The compiled QuickJS module: from `source` when given, else the package's own file (compiled once). */
export function quickJsModule(source?: WebAssembly.Module | Uint8Array<ArrayBuffer>): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return Promise.resolve(source);
  if (source) return WebAssembly.compile(source);
  cached ??= loadBytes().then((bytes) => WebAssembly.compile(bytes));
  return cached;
}
