/**
 * Pre-warmed QuickJS workers. The pool keeps `size` workers started with
 * their image built (a cold worker costs tens of milliseconds); a process
 * takes a ready one, gives it back after a normal exit (the worker resets
 * its image and reports ready again), and has it terminated and replaced
 * when it is killed, times out, or runs out of memory. Idle workers do not
 * keep the host process alive.
 */
import type { EngineLimits, SharedImage } from "../shared/protocol.js";
import { QuickJsWorker } from "./quickjs-worker.js";

/**
 * Built images, per compiled QuickJS module and set of limits, shared by every pool in this host
 * process: the first worker evaluates the guest bootstrap and sends its memory back; later workers
 * copy it.
 */
const imagesByModule = new WeakMap<WebAssembly.Module, Map<string, Promise<SharedImage | null>>>();

async function startWithImage(url: URL | string, module: WebAssembly.Module, limits: EngineLimits): Promise<QuickJsWorker> {
  let images = imagesByModule.get(module);
  if (!images) imagesByModule.set(module, (images = new Map()));
  const key = `${limits.memoryLimitBytes}:${limits.maxStackSizeBytes}`;
  const known = images.get(key);
  if (known) {
    const image = await known;
    if (image) return QuickJsWorker.start(url, module, limits, image);
  }
  let publish!: (image: SharedImage | null) => void;
  images.set(key, new Promise((resolve) => (publish = resolve)));
  try {
    const worker = await QuickJsWorker.start(url, module, limits, undefined);
    publish(worker.exportedImage);
    if (!worker.exportedImage) images.delete(key);
    return worker;
  } catch (error) {
    images.delete(key);
    publish(null);
    throw error;
  }
}

type Waiter = { resolve: (worker: QuickJsWorker) => void; reject: (error: Error) => void };

/** A pool of ready QuickJS workers. */
export class WorkerPool {
  private readonly idle: QuickJsWorker[] = [];
  private readonly live = new Set<QuickJsWorker>();
  private readonly waiters: Waiter[] = [];
  private starting = 0;
  /** Start-ups under way, so dispose can wait until none can leave a worker behind. */
  private readonly pending = new Set<Promise<void>>();
  private disposed = false;
  private lastError: Error | null = null;

  constructor(
    private readonly url: URL | string,
    private readonly module: () => Promise<WebAssembly.Module>,
    private readonly limits: EngineLimits,
    private readonly size: number,
  ) {}

  /** Workers started and not yet terminated. */
  get liveCount(): number {
    return this.live.size;
  }

  /**
   * Starts workers until `size` are ready or on their way (and one per waiting process). Until the
   * first worker is up only one starts, so that on a small machine it does not share the CPU with
   * the others (the first also builds the image the others copy).
   */
  fill(): void {
    const wanted = Math.max(this.size, this.waiters.length);
    const target = this.live.size === 0 ? Math.min(wanted, Math.max(1, this.waiters.length)) : wanted;
    while (!this.disposed && this.idle.length + this.starting < target) this.startOne();
  }

  /** Takes a ready worker, waiting for one to start if none is idle. */
  acquire(): Promise<QuickJsWorker> {
    if (this.disposed) return Promise.reject(new Error("QuickJS worker pool disposed"));
    const worker = this.idle.pop();
    const taken = worker ? Promise.resolve(worker) : new Promise<QuickJsWorker>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.fill();
    return taken.then((w) => {
      w.ref();
      return w;
    });
  }

  /** Gives back a worker whose process exited normally, once it has reset its image. */
  release(worker: QuickJsWorker): void {
    if (this.disposed || !this.live.has(worker)) return;
    worker.whenReady().then(() => {
      if (worker.broken) this.discard(worker);
      else if (this.live.has(worker)) this.hand(worker);
    });
  }

  /** Terminates a worker and starts a replacement. */
  discard(worker: QuickJsWorker): void {
    this.live.delete(worker);
    void worker.terminate();
    this.fill();
  }

  /** Terminates every worker; waiting processes fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("QuickJS worker pool disposed"));
    this.idle.length = 0;
    const all = [...this.live];
    this.live.clear();
    await Promise.all([...all.map((w) => w.terminate()), ...this.pending]);
  }

  private hand(worker: QuickJsWorker): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else if (this.idle.length >= this.size) {
      this.live.delete(worker);
      void worker.terminate();
    } else {
      worker.unref();
      this.idle.push(worker);
    }
  }

  private startOne(): void {
    this.starting++;
    const started: Promise<void> = this.module()
      .then((module) => (this.disposed ? null : startWithImage(this.url, module, this.limits)))
      .then(
        async (worker) => {
          this.starting--;
          if (!worker) return;
          if (this.disposed) {
            await worker.terminate();
            return;
          }
          this.live.add(worker);
          this.hand(worker);
          this.fill();
        },
        (error: unknown) => {
          this.starting--;
          this.lastError = error instanceof Error ? error : new Error(String(error));
          const waiter = this.waiters.shift();
          waiter?.reject(this.lastError);
        },
      )
      .finally(() => this.pending.delete(started));
    this.pending.add(started);
  }
}
