/**
 * One QuickJS instance in a worker, and the processes it runs one after
 * another. The first worker in a host process builds the image: a runtime
 * with the memory and stack limits, a context, the binding, and the
 * bootstrap with every built-in module compiled; its whole linear memory
 * is then kept in a SharedArrayBuffer. Later workers repeat the
 * deterministic set-up up to the bootstrap, check that their pointers
 * match, and copy the image instead of evaluating anything. After each
 * process the memory is copied back, so every process starts from the
 * same pristine image in the time of a memory copy. Only handles made
 * before the image are kept across processes; nothing a process creates
 * outlives it.
 */
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from "quickjs-emscripten-core";
import baseVariant from "@jitl/quickjs-ng-wasmfile-release-sync";
import { createBinding, type RunState } from "./binding.js";
import { BOOTSTRAP_SOURCE, MODULE_SOURCES } from "./guest-sources.js";
import type { QueuedOutput, SyscallChannel } from "./syscall-channel.js";
import {
  EXIT_OUT_OF_MEMORY,
  EXIT_TIME_LIMIT,
  OUT_OF_MEMORY_MESSAGE,
  timeLimitMessage,
  type EngineLimits,
  type ImageLayout,
  type JobSpec,
  type SharedImage,
} from "../shared/protocol.js";

/** Where the bootstrap leaves its hooks; deleted once the engine holds them. */
const HOOKS_GLOBAL = "__secureExecHooks";

/** The pointer inside a runtime's or context's lifetime. */
function pointerOf(owner: QuickJSRuntime | QuickJSContext): number {
  const lifetime = "ctx" in owner ? (owner as unknown as { ctx: { value: number } }).ctx : (owner as unknown as { rt: { value: number } }).rt;
  return lifetime.value;
}

/** Bytes up to the end of the last 64 KiB page of `memory` that is not all zero. */
function usedBytes(memory: SharedArrayBuffer): number {
  const words = new Uint32Array(memory);
  let last = words.length - 1;
  while (last >= 0 && words[last] === 0) last--;
  return Math.min(memory.byteLength, Math.ceil(((last + 1) * 4) / PAGE_BYTES) * PAGE_BYTES);
}

function sameLayout(a: ImageLayout, b: ImageLayout): boolean {
  return a.rt === b.rt && a.ctx === b.ctx && a.system === b.system && a.global === b.global && a.binding === b.binding;
}

const HOOK_NAMES = ["start", "ticks", "step", "rejections", "fatal", "beforeExit", "finish", "esmResolve", "esmSource"] as const;
type HookName = (typeof HOOK_NAMES)[number];

/** Hook flags (see internal/main.js): the loop has more work; rejections wait to be checked. */
const MORE = 1;
const REJECTIONS = 2;
/** Set by the engine when a hook threw before running the nextTick queue. */
const TICKS_PENDING = 4;

/** Unwinds the run loop once the process has an exit code. */
class GuestExit {
  constructor(readonly code: number, readonly recycle = false) {}
}

/** How a process ended, as the worker reports it. */
export interface RunOutcome {
  code: number;
  /** stdout/stderr output still queued, for the kernel thread to write before the exit. */
  output: QueuedOutput[];
  /** The worker should be replaced rather than reused (its memory grew large, or broke). */
  recycle: boolean;
}

const PAGE_BYTES = 65536;
/** The QuickJS module's initial memory (16 MiB), which holds the image. */
const INITIAL_PAGES = 256;
/** The module's declared maximum (2 GiB). */
const MAX_PAGES = 32768;

/** Memory growth past which a worker is replaced instead of reused. */
const RECYCLE_MEMORY_BYTES = 96 * 1024 * 1024;

/** A QuickJS instance with the guest runtime image, running processes one at a time. */
export class Engine {
  private current: RunState | null = null;
  private job: JobSpec | null = null;
  private readonly hooks: Record<HookName, QuickJSHandle>;
  private dirty = false;
  /** The error of the last failed module resolve, until the module loader has thrown it. */
  private pendingResolveError: QuickJSHandle | null = null;

  /** The image every process of this engine starts from; built here, or taken from another worker. */
  readonly image: SharedImage;

  private constructor(
    private readonly rt: QuickJSRuntime,
    private readonly ctx: QuickJSContext,
    private readonly memory: WebAssembly.Memory,
    private readonly channel: SyscallChannel,
    image: SharedImage | undefined,
  ) {
    // Everything up to the bootstrap is deterministic, so another worker that repeats it has the
    // same pointers and host-function ids, and can take this image instead of evaluating the bootstrap.
    void ctx.global;
    void ctx.undefined;
    void ctx.null;
    void ctx.true;
    void ctx.false;
    // computeMemoryUsage makes (and caches) a system context on first use: make it part of the image.
    rt.computeMemoryUsage().dispose();
    rt.setInterruptHandler(() => this.shouldInterrupt());
    rt.setModuleLoader(
      (name) => this.moduleSource(name),
      (base, request) => this.moduleResolve(base, request),
    );
    const binding = createBinding(ctx, channel, () => this.current, {
      memoryUsage: () => this.memoryUsage(),
    });
    const layout: ImageLayout = {
      rt: pointerOf(rt),
      ctx: pointerOf(ctx),
      system: pointerOf((rt as unknown as { context: QuickJSContext }).context),
      global: ctx.global.value as unknown as number,
      binding: binding.value as unknown as number,
    };
    const memoryOf = (c: QuickJSContext) => (c as unknown as { getMemory(rt: number): { heapValueHandle(ptr: number): QuickJSHandle } }).getMemory(layout.rt);
    const table = {} as Record<HookName, QuickJSHandle>;
    if (image && sameLayout(image.layout, layout) && image.memory.byteLength === memory.buffer.byteLength) {
      // The binding handle is not disposed: freeing it here would finalize the host functions the
      // image still uses. Its cell is free in the image already, which the copy brings over.
      const bytes = new Uint8Array(memory.buffer);
      bytes.set(new Uint8Array(image.memory, 0, image.used));
      bytes.fill(0, image.used);
      HOOK_NAMES.forEach((name, i) => (table[name] = memoryOf(ctx).heapValueHandle(image.hooks[i])));
      this.image = image;
    } else {
      this.evaluateBootstrap(binding);
      const hooks = ctx.getProp(ctx.global, HOOKS_GLOBAL);
      for (const name of HOOK_NAMES) table[name] = ctx.getProp(hooks, name);
      hooks.dispose();
      ctx.evalCode(`delete globalThis.${HOOKS_GLOBAL}`).unwrap().dispose();
      rt.executePendingJobs();
      const shared = new SharedArrayBuffer(memory.buffer.byteLength);
      new Uint8Array(shared).set(new Uint8Array(memory.buffer));
      this.image = { memory: shared, used: usedBytes(shared), layout, hooks: HOOK_NAMES.map((name) => table[name].value as unknown as number) };
    }
    this.hooks = table;
  }

  /** Evaluates the guest bootstrap with every module source; it leaves its hooks on the global object. */
  private evaluateBootstrap(binding: QuickJSHandle): void {
    const { ctx } = this;
    const sources = ctx.newObject();
    for (const [id, text] of Object.entries(MODULE_SOURCES)) {
      const s = ctx.newString(text);
      ctx.setProp(sources, id, s);
      s.dispose();
    }
    const factory = ctx.evalCode(BOOTSTRAP_SOURCE, "node:internal/bootstrap").unwrap();
    const result = ctx.callFunction(factory, ctx.undefined, binding, sources);
    factory.dispose();
    sources.dispose();
    binding.dispose();
    if (result.error) {
      const detail = ctx.dump(result.error) as { message?: string; stack?: string };
      result.error.dispose();
      throw new Error(`guest bootstrap failed: ${detail?.message}\n${detail?.stack ?? ""}`);
    }
    result.value.dispose();
    this.rt.executePendingJobs();
  }

  /** Instantiates QuickJS from the shared compiled module and builds (or takes) the image. */
  static async create(wasmModule: WebAssembly.Module, limits: EngineLimits, channel: SyscallChannel, image?: SharedImage): Promise<Engine> {
    // QuickJS's own heap limit does not see every allocation (ArrayBuffer data, some strings), so the
    // linear memory itself is capped: the image's initial size plus the process's allowance.
    const maximum = Math.min(MAX_PAGES, INITIAL_PAGES + Math.ceil(limits.memoryLimitBytes / PAGE_BYTES));
    const wasmMemory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum });
    const variant = newVariant(baseVariant, { wasmModule, wasmMemory });
    const quickjs = await newQuickJSWASMModuleFromVariant(variant);
    const rt = quickjs.newRuntime();
    rt.setMemoryLimit(limits.memoryLimitBytes);
    rt.setMaxStackSize(limits.maxStackSizeBytes);
    const ctx = rt.newContext();
    return new Engine(rt, ctx, quickjs.getWasmMemory(), channel, image);
  }

  /** Puts the memory back to the image, ready for the next process. */
  reset(): void {
    if (!this.dirty) return;
    // The image is zero past `used`, so only that much is copied; the rest is cleared, which is cheaper.
    const bytes = new Uint8Array(this.memory.buffer);
    bytes.set(new Uint8Array(this.image.memory, 0, this.image.used));
    bytes.fill(0, this.image.used);
    this.dirty = false;
  }

  /** Runs one process to its end and returns its exit code. */
  run(job: JobSpec): RunOutcome {
    this.reset();
    this.dirty = true;
    this.job = job;
    const state: RunState = {
      exiting: false,
      exitCode: 0,
      deadline: job.timeLimitMs > 0 ? performance.now() + job.timeLimitMs : 0,
      timedOut: false,
    };
    this.current = state;
    this.channel.reset();
    let outcome: RunOutcome;
    try {
      const jobJson = this.ctx.newString(JSON.stringify(job));
      const started = this.hookFlags("start", jobJson);
      jobJson.dispose();
      this.settle(started);
      this.channel.flush();
      for (;;) {
        const stepped = this.hookFlags("step");
        this.settle(stepped);
        this.channel.flush();
        if (stepped & MORE) continue;
        const again = this.hookFlags("beforeExit");
        this.settle(again);
        if (!(again & MORE)) break;
      }
      outcome = { code: this.callHookNumber("finish") & 0xff, recycle: false, output: [] };
    } catch (e) {
      if (!(e instanceof GuestExit)) throw e;
      outcome = { code: e.code & 0xff, recycle: e.recycle, output: [] };
    } finally {
      this.current = null;
      this.job = null;
      // Freed while the process's memory is still in place (the next run copies the image back).
      this.pendingResolveError?.dispose();
      this.pendingResolveError = null;
    }
    outcome.output = this.channel.takeQueued();
    if (this.memory.buffer.byteLength - this.image.memory.byteLength > RECYCLE_MEMORY_BYTES) outcome.recycle = true;
    return outcome;
  }

  private shouldInterrupt(): boolean {
    const s = this.current;
    if (s === null) return false;
    this.channel.flushIfStale();
    if (s.exiting) return true;
    if (s.deadline > 0 && performance.now() > s.deadline) {
      s.timedOut = true;
      return true;
    }
    return false;
  }

  private memoryUsage(): { used: number; limit: number } {
    const handle = this.rt.computeMemoryUsage();
    const usage = this.ctx.dump(handle) as { memory_used_size?: number; malloc_limit?: number };
    handle.dispose();
    return { used: usage.memory_used_size ?? 0, limit: usage.malloc_limit ?? 0 };
  }

  /**
   * After a hook that ran guest code (and, unless it threw, the nextTick queue): runs promise jobs
   * and the ticks they queue until both are empty, then has the guest check unhandled rejections.
   */
  private settle(flags: number): void {
    let f = flags;
    while (f & TICKS_PENDING) f = this.hookFlags("ticks");
    let rejectionsDue = (f & REJECTIONS) !== 0;
    for (;;) {
      if (this.rt.hasPendingJob()) {
        const result = this.rt.executePendingJobs();
        if (result.error) this.uncaught(result.error);
        else result.dispose();
        let t: number;
        do t = this.hookFlags("ticks");
        while (t & TICKS_PENDING);
        if (t & REJECTIONS) rejectionsDue = true;
        continue;
      }
      if (!rejectionsDue) return;
      let r: number;
      do r = this.hookFlags("rejections");
      while (r & TICKS_PENDING);
      rejectionsDue = (r & REJECTIONS) !== 0;
    }
  }

  /** Calls a hook that returns flags; if guest code threw, handles it and says the ticks still need running. */
  private hookFlags(name: HookName, ...args: QuickJSHandle[]): number {
    const result = this.ctx.callFunction(this.hooks[name], this.ctx.undefined, ...args);
    if (result.error) {
      this.uncaught(result.error);
      return TICKS_PENDING | MORE;
    }
    const value = this.ctx.getNumber(result.value);
    result.value.dispose();
    return value;
  }

  private callHookNumber(name: HookName, ...args: QuickJSHandle[]): number {
    const result = this.ctx.callFunction(this.hooks[name], this.ctx.undefined, ...args);
    if (result.error) {
      this.uncaught(result.error);
      return 1;
    }
    const value = this.ctx.typeof(result.value) === "number" ? this.ctx.getNumber(result.value) : 0;
    result.value.dispose();
    return value;
  }

  /** An exception reached the top of the guest: exit, a limit, or an uncaught error for `fatal`. */
  private uncaught(error: QuickJSHandle): void {
    const state = this.current!;
    const outOfMemory = this.isOutOfMemory(error);
    if (state.exiting) {
      error.dispose();
      throw new GuestExit(state.exitCode);
    }
    if (state.timedOut) {
      error.dispose();
      this.writeStderr(timeLimitMessage(this.job!.argv0, this.job!.timeLimitMs));
      throw new GuestExit(EXIT_TIME_LIMIT);
    }
    if (outOfMemory) {
      error.dispose();
      this.writeStderr(OUT_OF_MEMORY_MESSAGE);
      throw new GuestExit(EXIT_OUT_OF_MEMORY, true);
    }
    const result = this.ctx.callFunction(this.hooks.fatal, this.ctx.undefined, error);
    error.dispose();
    if (result.error) {
      if (state.exiting) {
        result.error.dispose();
        throw new GuestExit(state.exitCode);
      }
      this.uncaught(result.error);
      return;
    }
    result.value.dispose();
  }

  private isOutOfMemory(error: QuickJSHandle): boolean {
    if (this.ctx.typeof(error) !== "object") return false;
    const message = this.ctx.getProp(error, "message");
    const text = this.ctx.typeof(message) === "string" ? this.ctx.getString(message) : "";
    message.dispose();
    return text === "out of memory";
  }

  private writeStderr(text: string): void {
    this.channel.write(2, text);
  }

  private moduleResolve(base: string, request: string): string | { error: Error } {
    const result = this.callStringHook("esmResolve", base, request);
    if (typeof result !== "string") {
      this.pendingResolveError?.dispose();
      this.pendingResolveError = (result.error as unknown as QuickJSHandle).dup();
    }
    return result;
  }

  private moduleSource(name: string): string | { error: Error } {
    // After a failed resolve, quickjs-emscripten asks for the source of "": fail again with the same error.
    const resolveError = this.pendingResolveError;
    if (resolveError !== null) {
      this.pendingResolveError = null;
      if (name === "") return { error: resolveError as unknown as Error };
      resolveError.dispose();
    }
    return this.callStringHook("esmSource", name);
  }

  /** Calls a hook that returns a string; a guest error is handed back as it is (quickjs-emscripten throws a handle unchanged). */
  private callStringHook(name: HookName, ...args: string[]): string | { error: Error } {
    const handles = args.map((a) => this.ctx.newString(a));
    const result = this.ctx.callFunction(this.hooks[name], this.ctx.undefined, ...handles);
    for (const h of handles) h.dispose();
    if (result.error) return { error: result.error as unknown as Error };
    const value = this.ctx.getString(result.value);
    result.value.dispose();
    return value;
  }
}
