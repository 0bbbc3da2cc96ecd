/**
 * Pre-warmed WASI workers. The pool keeps at least `size` workers started
 * and idle (a cold worker costs tens of milliseconds), each with its own
 * bridge channel and, once started, asked to pre-instantiate the preload
 * program (the multicall binary). A process takes the most recently used
 * one and gives it back when it exits normally; the pool keeps up to
 * 2 × size + 1 idle, so spawning one process after another reuses the same
 * workers instead of starting and dropping them. A process killed while it
 * waited in a system call (SIGPIPE on a write, a timeout on a read) gives
 * its worker back once the guest has unwound; one killed while running
 * guest code has its worker terminated and a fresh one started in its
 * place. Idle workers do not keep the host process alive; busy ones do.
 */
import { createBridgeBuffer, reopenBridgeBuffer, startWorker, type HostWorker } from "@secure-exec/kernel/worker-bridge";
import type { Program } from "./module-cache.js";
import type { PrepareMessage, ProgramMessage, WorkerMessage } from "./shared/messages.js";
import { ProgramSlots } from "./shared/program-slots.js";

/** A started worker, the bridge channel that belongs to it, and what it has been sent. */
export interface PooledWorker {
  worker: HostWorker;
  channel: SharedArrayBuffer;
  /** Whether the worker has its channel already. */
  hasChannel: boolean;
  /** The programs whose modules the worker holds. */
  programs: ProgramSlots<true>;
}

/** The program part of a message to `entry`: the module only if the worker does not hold it yet. */
export function programFor(entry: PooledWorker, program: Program): ProgramMessage {
  const { programId, module, importedMemory } = program;
  if (entry.programs.has(programId)) {
    entry.programs.add(programId, true);
    return { programId, importedMemory };
  }
  entry.programs.add(programId, true);
  return { programId, module, importedMemory };
}

type Waiter = { resolve: (entry: PooledWorker) => void; reject: (error: Error) => void };

/** How long a worker whose process was killed mid-call gets to unwind before it is terminated instead. */
const UNWIND_DEADLINE_MS = 250;

/** A pool of started, idle WASI workers. */
export class WorkerPool {
  private readonly idle: PooledWorker[] = [];
  /** Workers created and not yet ready. */
  private readonly booting = new Set<PooledWorker>();
  private readonly live = new Set<PooledWorker>();
  /** Workers unwinding a killed process, and how to stop waiting for each. */
  private readonly unwinding = new Map<PooledWorker, () => void>();
  private readonly waiters: Waiter[] = [];
  private starting = 0;
  private disposed = false;

  private preload: Program | undefined;

  constructor(
    private readonly url: URL | string,
    private readonly size: number,
  ) {}

  /**
   * Sets the program every worker pre-instantiates (the multicall binary);
   * idle and booting workers get it at once (a booting one takes it up as
   * soon as it listens, before it says it is ready, so its first process
   * finds the instance made).
   */
  setPreload(program: Program): void {
    this.preload = program;
    for (const entry of this.idle) this.sendPreload(entry);
    for (const entry of this.booting) this.sendPreload(entry);
  }

  /**
   * Starts workers until `size` are idle or on their way: one at a time
   * (a lone worker boots faster than several competing for the cores),
   * unless more processes than that are waiting for one.
   */
  fill(): void {
    while (
      !this.disposed &&
      this.idle.length + this.starting < Math.max(this.size, this.waiters.length) &&
      (this.starting === 0 || this.starting < this.waiters.length)
    ) {
      this.startOne();
    }
  }

  /** Takes an idle worker, waiting for one to start if none is idle. */
  acquire(): Promise<PooledWorker> {
    if (this.disposed) return Promise.reject(new Error("worker pool disposed"));
    const entry = this.idle.pop();
    const taken = entry
      ? Promise.resolve(entry)
      : new Promise<PooledWorker>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.fill();
    return taken.then((e) => {
      e.worker.ref();
      return e;
    });
  }

  /** Gives back a worker whose process exited normally. */
  release(entry: PooledWorker): void {
    if (this.disposed || !this.live.has(entry)) return;
    if (this.idle.length >= 2 * this.size + 1 && this.waiters.length === 0) {
      this.discard(entry, false);
      return;
    }
    this.hand(entry);
  }

  /**
   * Takes back a worker whose process was killed while it waited in a
   * system call: closing its channel unwinds the guest, the worker says so
   * and then serves the next process, which saves booting a replacement.
   * A worker that does not say so in time is terminated and replaced.
   */
  reclaim(entry: PooledWorker): void {
    if (this.disposed || !this.live.has(entry)) return;
    const stopWaiting = () => {
      clearTimeout(timer);
      offMessage();
      offError();
      this.unwinding.delete(entry);
    };
    const offMessage = entry.worker.onMessage((message) => {
      if ((message as WorkerMessage).type !== "unwound") return;
      stopWaiting();
      reopenBridgeBuffer(entry.channel);
      this.release(entry);
    });
    const offError = entry.worker.onError(() => {
      stopWaiting();
      this.discard(entry);
    });
    const timer = setTimeout(() => {
      stopWaiting();
      this.discard(entry);
    }, UNWIND_DEADLINE_MS);
    this.unwinding.set(entry, stopWaiting);
  }

  /** Terminates a worker (its process was killed) and starts a replacement. */
  discard(entry: PooledWorker, replace = true): void {
    this.live.delete(entry);
    void entry.worker.terminate();
    if (replace) this.fill();
  }

  /** Terminates every worker; pending acquires fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.booting.clear();
    for (const stopWaiting of [...this.unwinding.values()]) stopWaiting();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("worker pool disposed"));
    this.idle.length = 0;
    const all = [...this.live];
    this.live.clear();
    await Promise.all(all.map((entry) => entry.worker.terminate()));
  }

  private sendPreload(entry: PooledWorker): void {
    if (!this.preload || entry.programs.has(this.preload.programId)) return;
    const prepare: PrepareMessage = { type: "prepare", ...programFor(entry, this.preload) };
    entry.worker.postMessage(prepare);
  }

  /** An idle worker died (a busy one is reported by its process, which discards it). */
  private lost(entry: PooledWorker): void {
    const at = this.idle.indexOf(entry);
    if (at < 0) return;
    this.idle.splice(at, 1);
    this.discard(entry);
  }

  private hand(entry: PooledWorker): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(entry);
    else {
      entry.worker.unref();
      this.idle.push(entry);
    }
  }

  private startOne(): void {
    this.starting += 1;
    // The channel is made first: where SharedArrayBuffer is missing (a page
    // without cross-origin isolation) no worker is started only to be lost.
    Promise.resolve()
      .then(() => {
        const channel = createBridgeBuffer();
        return startWorker(this.url, { name: "secure-exec-wasi" }).then((worker) => ({ worker, channel }));
      })
      .then(
        ({ worker, channel }) =>
          new Promise<PooledWorker>((resolve, reject) => {
            const entry: PooledWorker = { worker, channel, hasChannel: false, programs: new ProgramSlots() };
            const offError = worker.onError((error) => {
              this.booting.delete(entry);
              reject(error);
            });
            const offMessage = worker.onMessage((message) => {
              if ((message as WorkerMessage).type !== "ready") return;
              this.booting.delete(entry);
              offMessage();
              offError();
              worker.onError(() => this.lost(entry));
              resolve(entry);
            });
            if (this.disposed) void worker.terminate();
            else {
              this.live.add(entry);
              this.booting.add(entry);
              this.sendPreload(entry);
            }
          }),
      )
      .then(
        (entry) => {
          this.starting -= 1;
          if (this.disposed) {
            void entry.worker.terminate();
            return;
          }
          this.hand(entry);
          this.fill();
        },
        (error: Error) => {
          this.starting -= 1;
          const waiter = this.waiters.shift();
          waiter?.reject(new Error(`cannot start a WASI worker: ${error.message}`));
        },
      );
  }
}
