/**
 * The one place that knows the platform's worker API. Node's worker_threads
 * and the web's `Worker` differ in how messages, errors, termination and
 * keep-alive work; everything else in the bridge and the drivers talks to
 * `HostWorker` (kernel-thread side) and `ParentPort` (worker side). Node's
 * module is loaded lazily under a computed name, so a browser bundle never
 * sees a `node:` import.
 */

/** A worker as the kernel thread sees it. */
export interface HostWorker {
  /** Sends a structured-clonable message (a WebAssembly.Module or SharedArrayBuffer is shared, not copied). */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  /** Adds a listener for messages; returns a function that removes it. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Adds a listener for an uncaught error in the worker or a failure to start it; returns a function that removes it. */
  onError(listener: (error: Error) => void): () => void;
  /** Ends the worker at once, even in the middle of a tight loop or an `Atomics.wait`. */
  terminate(): Promise<void>;
  /** Lets this worker keep the host process alive (Node; a no-op elsewhere). */
  ref(): void;
  /** Stops this worker from keeping the host process alive (Node; a no-op elsewhere). */
  unref(): void;
}

/** The worker's link to the thread that started it. */
export interface ParentPort {
  /** Sends a message to the starting thread. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  /** Adds a listener for messages from the starting thread. */
  onMessage(listener: (message: unknown) => void): void;
}

/** Options for `startWorker`. */
export interface StartWorkerOptions {
  /** A name for debugging tools. */
  name?: string;
}

type NodeWorkerThreads = typeof import("node:worker_threads");

let nodeWorkerThreads: Promise<NodeWorkerThreads> | undefined;

function loadNodeWorkerThreads(): Promise<NodeWorkerThreads> {
  const specifier = "node:worker_threads";
  nodeWorkerThreads ??= import(/* @vite-ignore */ specifier) as Promise<NodeWorkerThreads>;
  return nodeWorkerThreads;
}

function hasWebWorkers(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

function isWebWorkerScope(): boolean {
  const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown; self?: unknown };
  return typeof scope.WorkerGlobalScope === "function" && scope.self instanceof scope.WorkerGlobalScope;
}

function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  const message = (value as { message?: unknown } | null)?.message;
  return new Error(typeof message === "string" ? message : "worker error");
}

/** Starts a module worker from `url`: a Web Worker where the platform has one, else a Node worker thread. */
export async function startWorker(url: URL | string, options: StartWorkerOptions = {}): Promise<HostWorker> {
  if (hasWebWorkers()) return startWebWorker(url, options);
  const { Worker } = await loadNodeWorkerThreads();
  const target = typeof url === "string" && /^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url) : url;
  const worker = new Worker(target, { name: options.name });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer as never),
    onMessage(listener) {
      worker.on("message", listener);
      return () => worker.off("message", listener);
    },
    onError(listener) {
      const handler = (error: unknown) => listener(toError(error));
      worker.on("error", handler);
      return () => worker.off("error", handler);
    },
    terminate: async () => {
      await worker.terminate();
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

function startWebWorker(url: URL | string, options: StartWorkerOptions): HostWorker {
  const worker = new Worker(url, { type: "module", name: options.name });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage(listener) {
      const handler = (event: MessageEvent) => listener(event.data);
      worker.addEventListener("message", handler);
      return () => worker.removeEventListener("message", handler);
    },
    onError(listener) {
      const handler = (event: ErrorEvent) => listener(toError(event.error ?? event));
      worker.addEventListener("error", handler);
      return () => worker.removeEventListener("error", handler);
    },
    terminate: async () => worker.terminate(),
    ref: () => undefined,
    unref: () => undefined,
  };
}

/**
 * Inside a worker: the link to the thread that started it. A Node worker
 * script built as CommonJS can pass the `node:worker_threads` module it
 * required: loading it with `import()` boots the ES module loader, which
 * delays the worker's start by several milliseconds.
 */
export async function connectToParent(workerThreads?: NodeWorkerThreads): Promise<ParentPort> {
  if (isWebWorkerScope()) {
    const scope = globalThis as unknown as {
      postMessage(message: unknown, transfer: Transferable[]): void;
      addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
    };
    return {
      postMessage: (message, transfer) => scope.postMessage(message, transfer ?? []),
      onMessage: (listener) => scope.addEventListener("message", (event) => listener(event.data)),
    };
  }
  const { parentPort } = workerThreads ?? (await loadNodeWorkerThreads());
  if (!parentPort) throw new Error("connectToParent() called outside a worker");
  return {
    postMessage: (message, transfer) => parentPort.postMessage(message, transfer as never),
    onMessage: (listener) => parentPort.on("message", listener),
  };
}
