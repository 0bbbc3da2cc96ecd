/**
 * One QuickJS worker as the kernel thread sees it: the started worker, its
 * bridge channel (served by a BridgeHost whose handler is swapped for each
 * process), and the message protocol — `init` once, then `run` per process
 * with `exit` and `ready` coming back. A worker that failed or was
 * terminated is never used again.
 */
import { BridgeHost, createBridgeBuffer, startWorker, type BridgeHandler, type HostWorker } from "@secure-exec/kernel/worker-bridge";
import { STATUS_FAILED, type EngineLimits, type JobSpec, type SharedImage, type WorkerEvent } from "../shared/protocol.js";

const encoder = new TextEncoder();

/** How a process ended inside a worker. */
export interface WorkerExit {
  code: number;
  recycle: boolean;
  /** Output the process left queued, to be written to its descriptors before it exits. */
  output: { fd: number; bytes: Uint8Array }[];
}

/** A started QuickJS worker with its syscall channel. */
export class QuickJsWorker {
  private handler: BridgeHandler | null = null;
  private ready: Promise<void>;
  private readyResolve!: () => void;
  private exitWaiter: { resolve: (e: WorkerExit) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private terminated = false;
  /** The image this worker built and sent back (when it was not given one). */
  exportedImage: SharedImage | null = null;

  private constructor(private readonly worker: HostWorker, private readonly host: BridgeHost) {
    this.ready = this.nextReady();
    worker.onMessage((message) => this.onEvent(message as WorkerEvent));
    worker.onError((error) => this.fail(error));
  }

  /**
   * Starts a worker and sends it the module; resolves once its image is ready. With `image` the
   * worker takes a copy of another worker's image; otherwise it builds one and sends it back.
   */
  static async start(url: URL | string, wasmModule: WebAssembly.Module, limits: EngineLimits, image: SharedImage | undefined): Promise<QuickJsWorker> {
    const bridge = createBridgeBuffer();
    let self: QuickJsWorker | null = null;
    const host = new BridgeHost(bridge, (request) => {
      const handler = self?.handler;
      if (!handler) return { status: STATUS_FAILED, payload: encoder.encode(JSON.stringify({ code: "ESRCH", message: "ESRCH: no such process" })) };
      return handler(request);
    });
    host.start();
    const worker = await startWorker(url, { name: "secure-exec-quickjs" });
    self = new QuickJsWorker(worker, host);
    worker.postMessage({ type: "init", wasmModule, bridge, limits, image });
    await self.whenReady();
    return self;
  }

  /** Resolves when the worker can take a process. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Runs one process; resolves with its exit when the worker reports it. */
  run(job: JobSpec, handler: BridgeHandler): Promise<WorkerExit> {
    if (this.failure) return Promise.reject(this.failure);
    this.handler = handler;
    return new Promise<WorkerExit>((resolve, reject) => {
      this.exitWaiter = { resolve, reject };
      this.worker.postMessage({ type: "run", job });
    });
  }

  /** Lets the worker keep the host process alive (while it runs a process). */
  ref(): void {
    this.worker.ref();
  }

  /** Stops the worker from keeping the host process alive (while it is idle). */
  unref(): void {
    this.worker.unref();
  }

  /** Ends the worker at once, even in the middle of guest code. */
  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.fail(new Error("worker terminated"));
    this.host.close();
    await this.worker.terminate();
  }

  private nextReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.readyResolve = resolve;
    });
  }

  private onEvent(event: WorkerEvent): void {
    switch (event.type) {
      case "ready":
        if (event.image) this.exportedImage = event.image;
        this.readyResolve();
        break;
      case "exit": {
        this.handler = null;
        this.ready = this.nextReady();
        const waiter = this.exitWaiter;
        this.exitWaiter = null;
        waiter?.resolve({ code: event.code, recycle: event.recycle, output: event.output });
        break;
      }
      case "failed":
        this.fail(new Error(event.message));
        break;
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.handler = null;
    const waiter = this.exitWaiter;
    this.exitWaiter = null;
    waiter?.reject(error);
    this.readyResolve();
  }

  /** Whether the worker failed or was terminated. */
  get broken(): boolean {
    return this.failure !== null;
  }
}
