/**
 * The WASI worker script for Node, built as CommonJS (dist/worker.cjs): a
 * CommonJS worker that requires `node:worker_threads` starts about 10 ms
 * sooner than an ES module worker, which boots the ES module loader first.
 * That time is on the path of the first spawn of a fresh kernel.
 */
import * as workerThreads from "node:worker_threads";
import { connectToParent } from "@secure-exec/kernel/worker-bridge";
import { serveWorker } from "./serve-worker.js";

void connectToParent(workerThreads).then(serveWorker);
