/**
 * The host functions the guest bootstrap receives as `binding`: system
 * calls, compiling scripts and modules with file names, UTF-8 conversion
 * and message digests at native speed, the rewriting that makes async
 * functions' promises observable (async-track.ts), the clock, sleeping, randomness,
 * promise inspection and `exit`. They are created once per worker, before the image snapshot, and
 * read the current process's state through `RunState`.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import { moduleSyntax, trackAsyncFunctions } from "./async-track.js";
import { DIGESTS } from "./digest.js";
import { hasTopLevelAwait, syntaxErrorSite } from "./syntax-errors.js";
import type { SyscallChannel } from "./syscall-channel.js";

/** The state of the process a worker is running; reset for each process. */
export interface RunState {
  /** Set by `binding.exit`: the process is unwinding towards its end. */
  exiting: boolean;
  /** The code passed to `binding.exit`. */
  exitCode: number;
  /** performance.now() after which the process is stopped (0: no limit). */
  deadline: number;
  /** Set by the interrupt handler when the deadline passed. */
  timedOut: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** V8's JSON context window: this many characters either side of the error, in sources longer than twice that. */
const JSON_CONTEXT = 10;

/** The position of V8's JSON.parse error in `text`, from its message (which names it, or shows the text around it). */
function jsonErrorPosition(text: string, message: string): number {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (message === "Unexpected end of JSON input") return text.length;
  const m = /^Unexpected token '([^]*)', (\.\.\.)?"([^]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return 0;
  const [, token, before, shown, after] = m;
  if (!before && after) return shown.length - JSON_CONTEXT;
  if (before && !after) return text.length - shown.length + JSON_CONTEXT;
  if (before && after) {
    for (let i = text.indexOf(shown); i !== -1; i = text.indexOf(shown, i + 1)) if (text[i + JSON_CONTEXT] === token) return i + JSON_CONTEXT;
  }
  const first = text.indexOf(token);
  return first === -1 ? 0 : first;
}

/** Local operations answered in the worker without a kernel round trip. */
export type LocalOps = Record<string, (args: unknown) => unknown>;

/** Builds the binding object inside `ctx`; `state()` returns the running process's state. */
export function createBinding(ctx: QuickJSContext, channel: SyscallChannel, state: () => RunState | null, local: LocalOps): QuickJSHandle {
  const binding = ctx.newObject();
  const fn = (name: string, impl: (...args: QuickJSHandle[]) => QuickJSHandle | undefined | { error: QuickJSHandle }) => {
    const handle = ctx.newFunction(name, impl);
    ctx.setProp(binding, name, handle);
    handle.dispose();
  };
  const bytesOf = (h: QuickJSHandle): Uint8Array => {
    const view = ctx.getArrayBuffer(h);
    const copy = view.value.slice();
    view.dispose();
    return copy;
  };
  const failure = (fields: Record<string, string | undefined>) => {
    const obj = ctx.newObject();
    ctx.setProp(obj, "__sys", ctx.true);
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      const s = ctx.newString(v);
      ctx.setProp(obj, k, s);
      s.dispose();
    }
    return { error: obj };
  };

  fn("call", (opH, jsonH, dataH) => {
    const current = state();
    if (current?.exiting) return failure({ code: "ECANCELED", message: "process is exiting" });
    const op = ctx.getString(opH);
    const argsJson = jsonH && ctx.typeof(jsonH) === "string" ? ctx.getString(jsonH) : undefined;
    const localOp = local[op];
    if (localOp) {
      const result = localOp(argsJson === undefined ? undefined : JSON.parse(argsJson));
      return result === undefined ? undefined : ctx.newString(JSON.stringify(result));
    }
    let data: Uint8Array | string | undefined;
    if (dataH) {
      const type = ctx.typeof(dataH);
      if (type === "string") data = ctx.getString(dataH);
      else if (type === "object") data = bytesOf(dataH);
    }
    const result = channel.call(op, argsJson, data);
    switch (result.kind) {
      case "none":
        return undefined;
      case "json":
        return ctx.newString(result.text);
      case "bytes":
        return ctx.newArrayBuffer(result.bytes.slice().buffer);
      case "json+bytes": {
        const arr = ctx.newArray();
        const text = ctx.newString(result.text);
        const buf = ctx.newArrayBuffer(result.bytes.slice().buffer);
        ctx.setProp(arr, 0, text);
        ctx.setProp(arr, 1, buf);
        text.dispose();
        buf.dispose();
        return arr;
      }
      case "failed":
        return failure({ code: result.failure.code, message: result.failure.message, syscall: result.failure.syscall, path: result.failure.path, dest: result.failure.dest });
    }
  });

  fn("write", (fdH, dataH) => {
    if (state()?.exiting) return failure({ code: "ECANCELED", message: "process is exiting" });
    const data = ctx.typeof(dataH) === "string" ? ctx.getString(dataH) : bytesOf(dataH);
    const result = channel.write(ctx.getNumber(fdH), data);
    if (typeof result === "number") return ctx.newNumber(result);
    return failure({ code: result.code, message: result.message, syscall: result.syscall, path: result.path });
  });

  fn("read", (fdH, lengthH) => {
    if (state()?.exiting) return failure({ code: "ECANCELED", message: "process is exiting" });
    const result = channel.read(ctx.getNumber(fdH), ctx.getNumber(lengthH));
    if (result instanceof Uint8Array) return ctx.newArrayBuffer(result.buffer);
    return failure({ code: result.code, message: result.message, syscall: result.syscall, path: result.path });
  });

  // Always a script: with no options, quickjs-emscripten would run source that starts with import/export as a module.
  fn("compile", (srcH, nameH) => {
    const result = ctx.evalCode(ctx.getString(srcH), ctx.getString(nameH), { type: "global" });
    return result.error ? { error: result.error } : result.value;
  });

  fn("evalModule", (srcH, nameH) => {
    const result = ctx.evalCode(ctx.getString(srcH), ctx.getString(nameH), { type: "module" });
    return result.error ? { error: result.error } : result.value;
  });

  fn("checkSyntax", (srcH, nameH, moduleH) => {
    const result = ctx.evalCode(ctx.getString(srcH), ctx.getString(nameH), { type: ctx.dump(moduleH) ? "module" : "global", compileOnly: true });
    if (result.error) return { error: result.error };
    result.value.dispose();
    return undefined;
  });

  // Syntax detection (see moduleSyntax): 0 a module, 1 fails as one but has module syntax, 2 neither.
  fn("moduleSyntax", (srcH) => ctx.newNumber(moduleSyntax(ctx.getString(srcH))));

  // Where V8 would report the syntax error in a source the engine failed to compile: [line, column, length, message].
  fn("syntaxError", (srcH, moduleH, bodyH) => {
    const source = ctx.getString(srcH);
    let site;
    try {
      site = syntaxErrorSite(source, Boolean(ctx.dump(moduleH)), Boolean(ctx.dump(bodyH)));
    } catch {
      site = null;
    }
    if (site === null) return undefined;
    const lineStart = source.lastIndexOf("\n", site.pos - 1) + 1;
    let line = 1;
    for (let i = source.indexOf("\n"); i !== -1 && i < lineStart; i = source.indexOf("\n", i + 1)) line++;
    return ctx.newString(JSON.stringify([line, site.pos - lineStart + 1, site.length, site.message]));
  });

  // Whether an ES module's source awaits at its top level (require() of it fails before running it).
  fn("hasTopLevelAwait", (srcH) => (hasTopLevelAwait(ctx.getString(srcH)) ? ctx.true : ctx.false));

  // V8's message for text that QuickJS's JSON.parse refused, and the position it names: [message, position].
  fn("jsonError", (textH) => {
    const text = ctx.getString(textH);
    try {
      JSON.parse(text);
      return undefined;
    } catch (err) {
      const message = String((err as Error).message);
      return ctx.newString(JSON.stringify([message, jsonErrorPosition(text, message)]));
    }
  });

  // Guest source made to report its async functions' promises (async-track.ts): [code, spans JSON], or undefined when unchanged.
  fn("trackAsync", (srcH, moduleH) => {
    let tracked;
    try {
      tracked = trackAsyncFunctions(ctx.getString(srcH), Boolean(ctx.dump(moduleH)));
    } catch {
      tracked = null;
    }
    if (tracked === null) return undefined;
    const arr = ctx.newArray();
    const code = ctx.newString(tracked.code);
    const spans = ctx.newString(JSON.stringify(tracked.spans));
    ctx.setProp(arr, 0, code);
    ctx.setProp(arr, 1, spans);
    code.dispose();
    spans.dispose();
    return arr;
  });

  fn("now", () => ctx.newNumber(performance.now()));

  fn("sleep", (msH) => {
    const ms = ctx.getNumber(msH);
    const current = state();
    const until = current && current.deadline > 0 ? Math.min(ms, Math.max(0, current.deadline - performance.now())) : ms;
    channel.flush();
    if (until > 0) Atomics.wait(sleeper, 0, 0, until);
    return undefined;
  });

  fn("random", (nH) => {
    const n = Math.max(0, Math.floor(ctx.getNumber(nH)));
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
    return ctx.newArrayBuffer(bytes.buffer);
  });

  fn("utf8Encode", (strH) => ctx.newArrayBuffer(encoder.encode(ctx.getString(strH)).buffer));

  fn("utf8Decode", (bufH) => {
    const view = ctx.getArrayBuffer(bufH);
    const text = decoder.decode(view.value);
    view.dispose();
    return ctx.newString(text);
  });

  fn("utf8Valid", (bufH) => {
    const view = ctx.getArrayBuffer(bufH);
    try {
      strictDecoder.decode(view.value);
      return ctx.true;
    } catch {
      return ctx.false;
    } finally {
      view.dispose();
    }
  });

  fn("digest", (algH, dataH) => {
    const compute = DIGESTS[ctx.getString(algH)];
    if (!compute) return failure({ message: "Digest method not supported" });
    return ctx.newArrayBuffer(compute(bytesOf(dataH)).buffer);
  });

  fn("promiseState", (pH) => {
    const s = ctx.getPromiseState(pH);
    if (s.type === "pending") return ctx.newNumber(0);
    if (s.type === "fulfilled") {
      if (!s.notAPromise) s.value.dispose();
      return ctx.newNumber(1);
    }
    s.error.dispose();
    return ctx.newNumber(2);
  });

  fn("promiseResult", (pH) => {
    const s = ctx.getPromiseState(pH);
    if (s.type === "pending") return undefined;
    return s.type === "fulfilled" ? s.value : s.error;
  });

  fn("exit", (codeH) => {
    const current = state();
    if (current && !current.exiting) {
      current.exiting = true;
      current.exitCode = ctx.getNumber(codeH) | 0;
    }
    return undefined;
  });

  return binding;
}
