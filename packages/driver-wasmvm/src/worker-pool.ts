/**
 * Pre-warmed WASI workers. The pool keeps `size` workers started and idle
 * (a cold worker costs tens of milliseconds); a process takes one, gives it
 * back when it exits normally, and discards it when it is killed (the
 * worker is terminated and a fresh one started in its place). Idle workers
 * do not keep the host process alive; busy ones do.
 */
import { startWorker, type HostWorker } from "@secure-exec/kernel/worker-bridge";
import type { WorkerMessage } from "./shared/messages.js";

type Waiter = { resolve: (worker: HostWorker) => void; reject: (error: Error) => void };

/** A pool of started, idle WASI workers. */
export class WorkerPool {
  private readonly idle: HostWorker[] = [];
  private readonly live = new Set<HostWorker>();
  private readonly waiters: Waiter[] = [];
  private starting = 0;
  private disposed = false;

  constructor(
    private readonly url: URL | string,
    private readonly size: number,
  ) {}

  /** Workers started and not yet terminated (idle or busy). */
  get liveCount(): number {
    return this.live.size;
  }

  /** Starts workers until `size` are idle or on their way. */
  fill(): void {
    while (!this.disposed && this.idle.length + this.starting < Math.max(this.size, this.waiters.length)) this.startOne();
  }

  /** Takes an idle worker, waiting for one to start if none is idle. */
  acquire(): Promise<HostWorker> {
    if (this.disposed) return Promise.reject(new Error("worker pool disposed"));
    const worker = this.idle.pop();
    const taken = worker
      ? Promise.resolve(worker)
      : new Promise<HostWorker>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.fill();
    return taken.then((w) => {
      w.ref();
      return w;
    });
  }

  /** Gives back a worker whose process exited normally. */
  release(worker: HostWorker): void {
    if (this.disposed || !this.live.has(worker)) return;
    if (this.idle.length >= this.size && this.waiters.length === 0) {
      this.discard(worker, false);
      return;
    }
    this.hand(worker);
  }

  /** Terminates a worker (its process was killed) and starts a replacement. */
  discard(worker: HostWorker, replace = true): void {
    this.live.delete(worker);
    void worker.terminate();
    if (replace) this.fill();
  }

  /** Terminates every worker; pending acquires fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("worker pool disposed"));
    this.idle.length = 0;
    const all = [...this.live];
    this.live.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private hand(worker: HostWorker): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else {
      worker.unref();
      this.idle.push(worker);
    }
  }

  private startOne(): void {
    this.starting += 1;
    startWorker(this.url, { name: "secure-exec-wasi" })
      .then(
        (worker) =>
          new Promise<HostWorker>((resolve, reject) => {
            worker.onError(reject);
            const off = worker.onMessage((message) => {
              if ((message as WorkerMessage).type !== "ready") return;
              off();
              resolve(worker);
            });
            if (this.disposed) void worker.terminate();
            else this.live.add(worker);
          }),
      )
      .then(
        (worker) => {
          this.starting -= 1;
          if (this.disposed) void worker.terminate();
          else this.hand(worker);
        },
        (error: Error) => {
          this.starting -= 1;
          const waiter = this.waiters.shift();
          waiter?.reject(new Error(`cannot start a WASI worker: ${error.message}`));
        },
      );
  }
}
