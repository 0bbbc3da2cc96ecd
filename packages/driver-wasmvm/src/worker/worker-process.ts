/**
 * The state of the one process a worker is running: its bridge client, its
 * memory, argv and environ bytes, the preopened directories' names and the
 * descriptors' WASI-only state. Everything else (descriptors, cursors, the
 * cwd its children inherit) lives in the kernel. An instance can be created
 * and instantiated ahead of time and given its process with `begin`.
 */
import { BridgeClient, type BridgeReply } from "@secure-exec/kernel/worker-bridge";
import type { RunMessage } from "../shared/messages.js";
import { FdState } from "./fd-state.js";
import { GuestMemory, encodeUtf8 } from "./guest-memory.js";

/** Thrown by proc_exit (and on a fatal condition) to unwind the guest with an exit code. */
export class ProcessExit {
  constructor(readonly code: number) {}
}

/** One WASI process, as its worker sees it. */
export class WorkerProcess {
  argv: Uint8Array[] = [];
  env: Uint8Array[] = [];
  pid = 0;
  ppid = 0;
  cwd = "/";
  /** When the process began, for its CPU-time clocks (performance.now() milliseconds). */
  startMs = 0;
  /** Preopened descriptors and the names the guest sees for them. */
  readonly preopens = new Map<number, Uint8Array>();
  /** Rights and sync flags of its descriptors. */
  readonly fds = new FdState();
  private client: BridgeClient | undefined;
  private guestMemory: GuestMemory | undefined;

  /** Gives this (possibly pre-instantiated) instance its process, served over `channel`. */
  begin(run: RunMessage, channel: SharedArrayBuffer): void {
    this.client = new BridgeClient(channel);
    this.argv = run.argv.map(encodeUtf8);
    this.env = run.env.map(encodeUtf8);
    this.pid = run.pid;
    this.ppid = run.ppid;
    this.cwd = run.cwd;
    this.startMs = performance.now();
    for (const { fd, name } of run.preopens) this.preopens.set(fd, encodeUtf8(name));
  }

  /** The guest's memory; set once the instance exists. */
  get memory(): GuestMemory {
    if (!this.guestMemory) throw new Error("guest memory used before instantiation");
    return this.guestMemory;
  }

  attachMemory(memory: WebAssembly.Memory): void {
    this.guestMemory = new GuestMemory(memory);
  }

  /** Makes one system call; the reply's views are valid until the next call. */
  call(op: number, args?: ArrayLike<number>, payload?: Uint8Array): BridgeReply {
    if (!this.client) throw new Error("system call before the process began");
    return this.client.call(op, args, payload);
  }
}
