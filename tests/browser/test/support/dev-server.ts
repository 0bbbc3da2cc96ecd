/**
 * Serves the test page with Vite's development server (`vite` with no
 * arguments in an app), configured by vite.config.ts plus the cross-origin
 * isolation headers, on 127.0.0.1. Modules are transformed on request, so
 * this checks the path a developer takes before building.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** A running development server. */
export interface DevServer {
  /** Its origin, e.g. `http://127.0.0.1:5173`. */
  origin: string;
  /** Stops it and deletes its cache. */
  close(): Promise<void>;
}

/** Starts Vite's development server for page/. */
export async function startDevServer(): Promise<DevServer> {
  const cacheDir = await mkdtemp(join(tmpdir(), "secure-exec-browser-vite-"));
  const server = await createServer({
    configFile: join(PACKAGE_DIR, "vite.config.ts"),
    root: join(PACKAGE_DIR, "page"),
    cacheDir,
    logLevel: "error",
    server: {
      host: "127.0.0.1",
      port: 0,
      headers: { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
    },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
    throw error;
  }
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, "");
  return {
    origin,
    close: async () => {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
