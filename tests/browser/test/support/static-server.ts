/**
 * A static file server on 127.0.0.1 for the built page. By default every
 * response is cross-origin isolated (COOP same-origin + COEP require-corp),
 * which is what gives the page `SharedArrayBuffer`: the kernel's worker
 * bridge needs it. `{ isolated: false }` leaves the headers out, to see what
 * a page served without them does. Only files inside the served folder are
 * answered; anything else is 404.
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json",
};

/** The headers that make a page cross-origin isolated. */
const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/** A running server. */
export interface StaticServer {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Paths requested that were not found (the page should ask for none). */
  notFound: string[];
  /** Stops it. */
  close(): Promise<void>;
}

function fileFor(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const relative = normalize(decoded === "/" ? "index.html" : decoded.replace(/^\/+/, ""));
  const path = join(root, relative);
  return path.startsWith(root + sep) ? path : null;
}

/** Options of `startStaticServer`. */
export interface StaticServerOptions {
  /** Whether responses carry the cross-origin isolation headers. Default true. */
  isolated?: boolean;
}

/** Serves `root` until closed. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const headers = options.isolated === false ? {} : ISOLATION_HEADERS;
  const notFound: string[] = [];
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    const path = fileFor(root, urlPath);
    const fail = () => {
      notFound.push(urlPath);
      response.writeHead(404, headers).end();
    };
    if (!path) return fail();
    readFile(path).then((body) => {
      const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
      response.writeHead(200, { ...headers, "content-type": type, "cache-control": "no-store" }).end(body);
    }, fail);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
