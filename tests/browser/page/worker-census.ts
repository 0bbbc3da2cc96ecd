/**
 * Keeps count of the page's Web Workers. `installWorkerCensus` replaces the
 * global `Worker` with a subclass that records each worker when it is
 * constructed and forgets it when `terminate()` is called, so the page can
 * say, at the instant `dispose()` resolves, which workers the drivers
 * started and have not terminated. Workers are listed by the `name` they
 * were started with (the drivers name theirs `secure-exec-wasi` and
 * `secure-exec-quickjs`).
 */

/** The workers started and not terminated. */
export interface WorkerCensus {
  /** Names of the live workers, sorted. */
  live(): string[];
}

/** Wraps the global `Worker` constructor; call once, before any worker is started. */
export function installWorkerCensus(): WorkerCensus {
  const live = new Map<Worker, string>();
  const NativeWorker = globalThis.Worker;
  class CountedWorker extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      live.set(this, options?.name ?? "(unnamed)");
    }

    override terminate(): void {
      live.delete(this);
      super.terminate();
    }
  }
  globalThis.Worker = CountedWorker;
  return { live: () => [...live.values()].sort() };
}
