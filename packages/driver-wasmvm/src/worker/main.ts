/**
 * The WASI worker script as an ES module: what browsers (and bundlers) load.
 * Node loads the CommonJS build of node-main.ts instead, which starts sooner.
 */
import { connectToParent } from "@secure-exec/kernel/worker-bridge";
import { serveWorker } from "./serve-worker.js";

serveWorker(await connectToParent());
