/**
 * Loads a binary given as bytes, a URL or a host path. Host paths and
 * file: URLs are read with Node's fs (imported lazily under a computed name,
 * so browser bundles never see it); http(s): URLs with fetch.
 */

type NodeFs = typeof import("node:fs/promises");

let nodeFs: Promise<NodeFs> | undefined;

function loadNodeFs(): Promise<NodeFs> {
  const specifier = "node:fs/promises";
  nodeFs ??= import(/* @vite-ignore */ specifier) as Promise<NodeFs>;
  return nodeFs;
}

/** A binary's source: its bytes, a URL, or a path on the host. */
export type BinarySource = Uint8Array | URL | string;

/** Reads the bytes of `source`. */
export async function loadBytes(source: BinarySource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  const url = source instanceof URL ? source : /^(file|https?|data|blob):/.test(source) ? new URL(source) : undefined;
  if (url && url.protocol !== "file:") {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const fs = await loadNodeFs();
  return new Uint8Array(await fs.readFile(url ?? (source as string)));
}
