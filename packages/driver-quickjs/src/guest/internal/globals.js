/*
 * Installs Node's globals on the guest's global object: process, console,
 * Buffer, timers, queueMicrotask, structuredClone, TextEncoder/Decoder,
 * URL/URLSearchParams, atob/btoa, AbortController, EventTarget/Event,
 * performance, crypto (getRandomValues/randomUUID), global/globalThis, the
 * stack-trace formatter that makes `err.stack` read like V8's (columns where
 * V8 puts them, Node's frames in place of the runtime's own), and a
 * JSON.parse whose errors are V8's.
 */
(function (exports, require, module, internal) {
  "use strict";
  const tracker = require("internal/promise-tracker");

  class Event {
    constructor(type, options = {}) {
      this.type = String(type);
      this.bubbles = Boolean(options.bubbles);
      this.cancelable = Boolean(options.cancelable);
      this.defaultPrevented = false;
      this.timeStamp = internal.binding.now();
      this.target = null;
      this.currentTarget = null;
    }
    preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this._stop = true; }
  }

  class EventTarget {
    constructor() {
      Object.defineProperty(this, "_listeners", { value: new Map() });
    }
    addEventListener(type, listener, options) {
      if (!listener) return;
      const list = this._listeners.get(type) || [];
      if (list.some((l) => l.listener === listener)) return;
      list.push({ listener, once: Boolean(options && options.once) });
      this._listeners.set(type, list);
    }
    removeEventListener(type, listener) {
      const list = this._listeners.get(type);
      if (list) this._listeners.set(type, list.filter((l) => l.listener !== listener));
    }
    dispatchEvent(event) {
      event.target = this;
      event.currentTarget = this;
      for (const l of (this._listeners.get(event.type) || []).slice()) {
        if (l.once) this.removeEventListener(event.type, l.listener);
        if (typeof l.listener === "function") l.listener.call(this, event);
        else l.listener.handleEvent(event);
        if (event._stop) break;
      }
      return !event.defaultPrevented;
    }
  }

  class AbortSignal extends EventTarget {
    constructor() {
      super();
      this.aborted = false;
      this.reason = undefined;
      this.onabort = null;
    }
    throwIfAborted() { if (this.aborted) throw this.reason; }
    static abort(reason) {
      const c = new AbortController();
      c.abort(reason);
      return c.signal;
    }
    static timeout(ms) {
      const c = new AbortController();
      const t = require("internal/loop").setTimeout(() => {
        const err = new Error("The operation was aborted due to timeout");
        err.name = "TimeoutError";
        err.code = 23;
        c.abort(err);
      }, ms);
      t.unref();
      return c.signal;
    }
    static any(signals) {
      const c = new AbortController();
      for (const s of signals) {
        if (s.aborted) {
          c.abort(s.reason);
          break;
        }
        s.addEventListener("abort", () => c.abort(s.reason), { once: true });
      }
      return c.signal;
    }
  }

  class AbortController {
    constructor() {
      this.signal = new AbortSignal();
    }
    abort(reason) {
      const s = this.signal;
      if (s.aborted) return;
      s.aborted = true;
      if (reason === undefined) {
        reason = new Error("This operation was aborted");
        reason.name = "AbortError";
        reason.code = 20;
      }
      s.reason = reason;
      const ev = new Event("abort");
      if (typeof s.onabort === "function") s.onabort(ev);
      s.dispatchEvent(ev);
    }
  }

  function structuredClone(value, memo = new Map()) {
    if (value === null || typeof value !== "object") {
      if (typeof value === "function" || typeof value === "symbol") {
        const err = new Error(`${typeof value === "function" ? String(value).slice(0, 40) : String(value)} could not be cloned.`);
        err.name = "DataCloneError";
        err.code = 25;
        throw err;
      }
      return value;
    }
    if (memo.has(value)) return memo.get(value);
    let out;
    if (value instanceof Date) out = new Date(value.getTime());
    else if (value instanceof RegExp) out = new RegExp(value.source, value.flags);
    else if (value instanceof ArrayBuffer) out = value.slice(0);
    else if (ArrayBuffer.isView(value)) out = new value.constructor(value);
    else if (value instanceof Map) {
      out = new Map();
      memo.set(value, out);
      for (const [k, v] of value) out.set(structuredClone(k, memo), structuredClone(v, memo));
      return out;
    } else if (value instanceof Set) {
      out = new Set();
      memo.set(value, out);
      for (const v of value) out.add(structuredClone(v, memo));
      return out;
    } else if (value instanceof Error) {
      out = new (globalThis[value.name] || Error)(value.message);
      out.stack = value.stack;
    } else if (Array.isArray(value)) {
      out = [];
      memo.set(value, out);
      for (let i = 0; i < value.length; i++) out[i] = structuredClone(value[i], memo);
      return out;
    } else {
      out = {};
      memo.set(value, out);
      for (const k of Object.keys(value)) out[k] = structuredClone(value[k], memo);
      return out;
    }
    memo.set(value, out);
    return out;
  }

  /** QuickJS's wording of common engine errors, and Node's. */
  const NODE_MESSAGES = [
    [/^cannot read property '(.*)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')"],
    [/^cannot set property '(.*)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')"],
    [/^invalid array length$/, "Invalid array length"],
    [/^division by zero$/, "Division by zero"],
    [/^(.+) is not initialized$/, "Cannot access '$1' before initialization"],
    // QuickJS says this of a const binding and of a read-only property alike; the first is the usual one.
    [/^'(.+)' is read-only$/, "Assignment to constant variable."],
    [/^BigInt are forbidden in JSON\.stringify$/, "Do not know how to serialize a BigInt"],
  ];

  /** A first look for the messages above (most errors' messages are none of them). */
  const ENGINE_MESSAGE = /^(?:cannot |invalid array|division|BigInt are|')|is not initialized$/;

  /** Built-in functions V8 names with their owner in stack frames ("at Array.forEach (<anonymous>)"). */
  const NATIVE_OWNERS = {
    forEach: "Array", map: "Array", filter: "Array", reduce: "Array", reduceRight: "Array", some: "Array", every: "Array",
    find: "Array", findIndex: "Array", findLast: "Array", findLastIndex: "Array", flatMap: "Array", sort: "Array", from: "Array",
    parse: "JSON", stringify: "JSON", replace: "String", replaceAll: "String", repeat: "String", normalize: "String",
  };

  /** How far from QuickJS's position the source is searched for V8's (minified sources have long lines). */
  const SEARCH_WINDOW = 4096;

  /** Offsets where each line of a guest source starts, per file (built the first time a stack needs them). */
  const lineStartsByFile = new Map();

  function lineStarts(file, source) {
    let entry = lineStartsByFile.get(file);
    if (entry === undefined || entry.source !== source) {
      const starts = [0];
      for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
      entry = { source, starts, ascii: !/[^\x00-\x7f]/.test(source) };
      lineStartsByFile.set(file, entry);
    }
    return entry.starts;
  }

  /**
   * QuickJS places a ReferenceError for an undeclared name at the last position it recorded, often
   * the start of the statement or the function: the use of the name at or after that position in
   * the source, where V8 places it, as [line, column], or null.
   */
  function referencePosition(file, source, line, col, name) {
    const starts = lineStarts(file, source);
    if (line > starts.length) return null;
    const re = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`);
    const from = starts[line - 1] + col - 1;
    // Looked for near where QuickJS placed it: stacks are made often, and sources can be large.
    const found = re.exec(source.slice(Math.max(0, from - 1), from + SEARCH_WINDOW));
    if (found === null) return null;
    const index = Math.max(0, from - 1) + found.index;
    let l = line;
    while (l < starts.length && starts[l] <= index) l++;
    return [l, index - starts[l - 1] + 1];
  }

  const isSpace = (c) => c === 32 || c === 9;

  /** QuickJS counts columns in UTF-8 bytes, V8 in UTF-16 code units: the column of the same place, counted as V8 counts. */
  function utf16Column(file, source, line, col) {
    const starts = lineStarts(file, source);
    if (line > starts.length || lineStartsByFile.get(file).ascii) return col;
    const start = starts[line - 1];
    const end = line < starts.length ? starts[line] - 1 : source.length;
    let bytes = 0;
    let i = start;
    while (i < end && bytes < col - 1) {
      const c = source.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        bytes += 4;
        i++;
      } else bytes += 3;
      i++;
    }
    return i - start + 1 + Math.max(0, col - 1 - bytes);
  }

  /** Where (1-based) `line`, `col` of `source` is: its line's start and end offsets, and the first non-space offset from there; null past the end. */
  function linePosition(file, source, line, col) {
    const starts = lineStarts(file, source);
    if (line > starts.length) return null;
    const start = starts[line - 1];
    const end = line < starts.length ? starts[line] - 1 : source.length;
    let at = start + col - 1;
    while (at < end && isSpace(source.charCodeAt(at))) at++;
    return { start, end, at };
  }

  /**
   * V8's column for a frame QuickJS places at column `col`: QuickJS sometimes lands on the space
   * before an expression (V8 never does), places a `new X()` call at `X` (V8 at `new`), and places
   * a read of a property of undefined at the object (V8 at the property's name, `property`).
   */
  function v8Column(file, source, line, col, property) {
    const pos = linePosition(file, source, line, col);
    if (pos === null) return col;
    const { start, end } = pos;
    let at = pos.at;
    if (property !== null && property.assign) {
      // V8 places an assignment to a constant at its `=`.
      const m = /^[\w$]+\s*=(?!=)/.exec(source.slice(at, end));
      if (m !== null) return at + m[0].length - 1 - start + 1;
    } else if (property !== null && property.call) {
      // V8 places a call of something that is not a function at its name, and names it.
      if (source[at] === "." && /[\w$]/.test(source[at + 1] || "")) at++;
      const m = /^([\w$]+)\s*\(/.exec(source.slice(at, end));
      if (m !== null) {
        const chain = /(?:[\w$]+\s*\??\.\s*)*$/.exec(source.slice(start, at))[0];
        const before = source[at - chain.length - 1];
        if (before === undefined || !/[\w$.)\]]/.test(before)) property.callee = (chain + m[1]).replace(/\s+/g, "");
      }
    } else if (property !== null) {
      // V8 places a read at the property's name, an assignment at its `=`.
      const m = new RegExp(`\\??\\.\\s*(${property.name.replace(/[$]/g, "\\$")})(?![\\w$])(\\s*=(?!=))?`);
      const found = m.exec(source.slice(at, Math.min(end, at + SEARCH_WINDOW)));
      if (found !== null) {
        const index = at + found.index;
        if (property.set && found[2] !== undefined) return index + found[0].length - start;
        return index + found[0].length - (found[2] === undefined ? 0 : found[2].length) - found[1].length - start + 1;
      }
    } else if (at - start >= 4 && isSpace(source.charCodeAt(at - 1))) {
      const m = /(?<![\w$.])new\s+$/.exec(source.slice(Math.max(start, at - 24), at));
      if (m !== null) at -= m[0].length;
    }
    return at - start + 1;
  }

  /**
   * V8's column for a frame that is calling the next one in, named `callee` ("" when anonymous):
   * V8 places a call at its callee's name (a method's name, or `new`), where QuickJS often places
   * it at the last argument. The call is the innermost unclosed "(" on the line at or before the
   * QuickJS position, unless that position is already a call of `callee`.
   */
  function callColumn(file, source, line, col, callee) {
    const pos = linePosition(file, source, line, col);
    if (pos === null) return col;
    const { start, end } = pos;
    let at = pos.at;
    // QuickJS places a method call at the "." before the method's name.
    if (source[at] === "." && /[\w$]/.test(source[at + 1] || "")) at++;
    const name = /^[\w$]+(?=\s*\()/.exec(source.slice(at, Math.min(end, at + 128)));
    let nameStart = -1;
    if (name !== null && (callee === "" || callee === name[0])) nameStart = at;
    else {
      let depth = 0;
      let paren = -1;
      for (let j = at; j >= Math.max(start, at - SEARCH_WINDOW); j--) {
        const c = source.charCodeAt(j);
        if (c === 41 && j !== at) depth++;
        else if (c === 40) {
          if (depth === 0) {
            paren = j;
            break;
          }
          depth--;
        }
      }
      if (paren < 0) return col;
      let q = paren - 1;
      while (q >= start && isSpace(source.charCodeAt(q))) q--;
      let r = q;
      while (r >= start && /[\w$]/.test(source[r])) r--;
      if (r === q || /^(?:if|while|for|switch|catch|function|return|typeof|await|yield|in|of|do|else)$/.test(source.slice(r + 1, q + 1))) return col;
      nameStart = r + 1;
    }
    if (source[nameStart - 1] !== ".") {
      const m = /(?<![\w$.])new\s+$/.exec(source.slice(Math.max(start, nameStart - 24), nameStart));
      if (m !== null) return nameStart - m[0].length - start + 1;
    }
    return nameStart - start + 1;
  }

  const BUILTIN_ERRORS = new Set([Error, TypeError, RangeError, ReferenceError, SyntaxError, URIError, EvalError, AggregateError]);

  /** V8's columns of the frames where errors were made, already worked out, by file, line, QuickJS's column and the error's kind. */
  const errorColumns = new Map();
  /** V8's columns of call frames already worked out, by file, line, QuickJS's column and callee. */
  const callColumns = new Map();

  /** Whether `fn` is a class constructor (V8 names its frames "new A"): a class's prototype is not writable. */
  const classes = new WeakMap();
  function isClass(fn) {
    if (typeof fn !== "function") return false;
    let known = classes.get(fn);
    if (known === undefined) {
      const d = Object.getOwnPropertyDescriptor(fn, "prototype");
      known = d !== undefined && d.writable === false;
      classes.set(fn, known);
    }
    return known;
  }

  /** V8-style `err.stack`: "Name: message" then one "    at" line per frame; engine messages worded as Node's. */
  function prepareStackTrace(error, frames) {
    let undeclared = null;
    let property = null;
    if (error instanceof Error && typeof error.message === "string") {
      if (error instanceof ReferenceError) {
        const m = /^([\w$]+) is not (?:defined|initialized)$/.exec(error.message);
        if (m !== null) undeclared = m[1];
      } else if (error instanceof TypeError) {
        const m = /^cannot (read|set) property '([\w$]+)' of (?:undefined|null)$/.exec(error.message);
        if (m !== null) property = { name: m[2], set: m[1] === "set" };
        else if (/^'[\w$]+' is read-only$/.test(error.message)) property = { assign: true };
        else if (error.message === "not a function") property = { call: true };
      }
      if (ENGINE_MESSAGE.test(error.message)) {
        for (const [re, text] of NODE_MESSAGES) {
          if (re.test(error.message)) {
            error.message = error.message.replace(re, text);
            break;
          }
        }
      }
    }
    let head;
    try {
      head = error === null || error === undefined ? String(error) : `${error.name === undefined ? "Error" : error.name}${error.message ? `: ${error.message}` : ""}`;
    } catch {
      head = "Error";
    }
    let out = head;
    let first = 0;
    // V8 leaves out the frames of an Error subclass's constructors, up to the class the error was made with.
    const ctor = error !== null && typeof error === "object" ? Object.getPrototypeOf(error)?.constructor : undefined;
    if (typeof ctor === "function" && !BUILTIN_ERRORS.has(ctor) && error instanceof Error) {
      for (let i = 0; i < frames.length && i < 8; i++) {
        if (frames[i].getFunction() === ctor) {
          first = i + 1;
          break;
        }
      }
    }
    // Lines after the head, each "at ..." text; `user` holds the last one from guest code.
    const lines = [];
    // `callee`: the name of the frame just inside the one at hand, which is calling it (null for the innermost).
    const ctx = { compileFailed: false, previous: null, user: null, lines, callee: null };
    for (let i = first; i < frames.length; i++) {
      const f = frames[i];
      const file = f.getFileName();
      // The async-function and Promise wrappers' frames, and the native call they make, are left out.
      if (tracker.isTrackerFrame(file)) continue;
      const native = f.isNative && f.isNative();
      if (native && i + 1 < frames.length && tracker.isTrackerFrame(frames[i + 1].getFileName())) continue;
      const name = f.getFunctionName();
      if (native) {
        // V8 shows no frame for Function.prototype.call/apply; the binding's compile calls are the runtime's own.
        if (name === "call" || name === "apply" || name === "compile" || name === "evalModule" || name === "checkSyntax") continue;
        // nor for built-in constructors, but for Promise's.
        if (name && name !== "Promise" && name.charCodeAt(0) >= 65 && name.charCodeAt(0) <= 90) continue;
        if (name === "Promise") lines.push("new Promise (<anonymous>)");
        else lines.push(`${NATIVE_OWNERS[name] ? `${NATIVE_OWNERS[name]}.${name}` : name || "<anonymous>"} (<anonymous>)`);
        ctx.user = null;
        ctx.callee = name || "";
        continue;
      }
      const fn = f.getFunction();
      // The runtime's own frames: the entry code's and loaders' become the frames Node shows in their place; the rest are left out.
      const nodeFrames = typeof fn === "function" && internal.nodeFrames ? internal.nodeFrames.get(fn) : undefined;
      if (nodeFrames !== undefined) {
        for (const text of nodeFrames(ctx, error)) lines.push(text);
        ctx.previous = fn;
        ctx.user = null;
        ctx.callee = "";
        continue;
      }
      if (typeof file === "string" && file.startsWith("node:internal/") && file !== "node:internal/promise-tracker") continue;
      let line = f.getLineNumber();
      let col = tracker.originalColumn(file, line, f.getColumnNumber());
      if (col === null) continue;
      if (line === 1 && file && internal.lineOneOffsets && internal.lineOneOffsets[file]) col = Math.max(1, col - internal.lineOneOffsets[file]);
      const source = file && internal.sources ? internal.sources[file] : undefined;
      if (typeof source === "string" && line > 0 && col > 0) {
        col = utf16Column(file, source, line, col);
        if (ctx.callee !== null) {
          // Programs that throw in loops make the same frames again and again.
          const key = `${file}\n${line}\n${col}\n${ctx.callee}`;
          let v8 = callColumns.get(key);
          if (v8 === undefined) {
            v8 = callColumn(file, source, line, col, ctx.callee);
            if (callColumns.size > 4096) callColumns.clear();
            callColumns.set(key, v8);
          }
          col = v8;
        } else {
          const at = undeclared !== null ? referencePosition(file, source, line, col, undeclared) : null;
          if (at !== null) [line, col] = at;
          else {
            const key = `${file}\n${line}\n${col}\n${property === null ? "" : JSON.stringify(property)}`;
            let v8 = errorColumns.get(key);
            if (v8 === undefined) {
              const p = property === null ? null : { ...property };
              v8 = [v8Column(file, source, line, col, p), p === null ? undefined : p.callee];
              if (errorColumns.size > 4096) errorColumns.clear();
              errorColumns.set(key, v8);
            }
            col = v8[0];
            if (v8[1] !== undefined) property.callee = v8[1];
          }
          if (property !== null && property.callee !== undefined) {
            error.message = `${property.callee} is not a function`;
            out = `${error.name}: ${error.message}`;
          }
        }
      }
      undeclared = null;
      property = null;
      const loc = file ? `${file}${line ? `:${line}${col ? `:${col}` : ""}` : ""}` : "<anonymous>";
      // A frame with no function is where a source failed to compile.
      if (fn === null || fn === undefined) ctx.compileFailed = error instanceof SyntaxError;
      let text;
      if (internal.moduleWrappers && internal.moduleWrappers.has(fn)) text = `Object.<anonymous> (${loc})`;
      else if (name && name !== "<eval>") text = `${isClass(fn) ? `new ${name}` : name} (${loc})`;
      else text = loc;
      ctx.user = { index: lines.length, name: name && name !== "<eval>" ? name : "", loc };
      ctx.callee = fn === null || fn === undefined ? null : name && name !== "<eval>" ? name : "";
      lines.push(text);
    }
    const limit = internal.stackTraceLimit === undefined ? lines.length : internal.stackTraceLimit;
    for (let i = 0; i < lines.length && i < limit; i++) out += `\n    at ${lines[i]}`;
    return out;
  }

  const intrinsicParse = JSON.parse;

  /**
   * JSON.parse with V8's errors: QuickJS words its refusals differently ("unexpected data at the
   * end"), so the worker's V8 gives the message, and the report shows the text and the position
   * as Node does (`<anonymous_script>:1`). Errors a reviver throws pass through untouched.
   */
  function parse(text, reviver) {
    let reviving = false;
    const revive = typeof reviver === "function" ? function (key, value) {
      reviving = true;
      return apply(reviver, this, [key, value]);
    } : reviver;
    try {
      return intrinsicParse(text, revive);
    } catch (err) {
      if (reviving || !(err instanceof SyntaxError)) throw err;
      const source = String(text);
      const json = internal.binding.jsonError(source);
      if (json === undefined) throw err;
      const [message, pos] = JSON.parse(json);
      const error = new SyntaxError(message);
      const lineStart = source.lastIndexOf("\n", pos - 1) + 1;
      let line = 1;
      for (let i = source.indexOf("\n"); i !== -1 && i < lineStart; i = source.indexOf("\n", i + 1)) line++;
      if (internal.errorSites) internal.errorSites.set(error, { file: "<anonymous_script>", source, line, col: pos - lineStart + 1, length: 1, underline: pos < source.length });
      throw error;
    }
  }
  const { apply } = Reflect;

  /**
   * Error.stackTraceLimit as the program sees it: the engine captures more frames than that (the
   * runtime's own frames, which Node's replace or which are left out, take some), and the stack
   * keeps the program's number.
   */
  function installStackTraceLimit() {
    const d = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
    if (!d || typeof d.set !== "function") return;
    const setEngineLimit = (v) => d.set.call(Error, typeof v === "number" && v >= 0 ? v + 16 : v);
    Object.defineProperty(Error, "stackTraceLimit", {
      get: () => internal.stackTraceLimit,
      set: (v) => {
        internal.stackTraceLimit = v;
        setEngineLimit(v);
      },
      enumerable: false,
      configurable: true,
    });
  }

  function install(g) {
    tracker.install(g);
    const loop = require("internal/loop");
    const { process } = require("internal/process");
    const { Buffer, atob, btoa } = require("buffer");
    const { TextEncoder, TextDecoder } = require("internal/encoding");
    const { URL, URLSearchParams } = require("url");
    const crypto = require("crypto");
    const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
    Error.prepareStackTrace = prepareStackTrace;
    Object.defineProperty(JSON, "parse", { value: parse, writable: true, configurable: true, enumerable: false });
    internal.nodeFrames ??= new WeakMap();
    internal.nodeFrames.set(parse, () => ["JSON.parse (<anonymous>)"]);
    installStackTraceLimit();
    Error.stackTraceLimit = 10;
    define("global", g);
    define("process", process);
    define("console", require("internal/console").module);
    define("Buffer", Buffer);
    define("setTimeout", loop.setTimeout);
    define("setInterval", loop.setInterval);
    define("clearTimeout", loop.clearTimeout);
    define("clearInterval", loop.clearTimeout);
    define("setImmediate", loop.setImmediate);
    define("clearImmediate", loop.clearImmediate);
    define("queueMicrotask", (fn) => {
      if (typeof fn !== "function") throw require("internal/errors").invalidArgType("callback", "of type function", fn);
      Promise.resolve().then(fn);
    });
    define("structuredClone", (v) => structuredClone(v));
    define("TextEncoder", TextEncoder);
    define("TextDecoder", TextDecoder);
    define("URL", URL);
    define("URLSearchParams", URLSearchParams);
    define("atob", atob);
    define("btoa", btoa);
    define("Event", Event);
    define("EventTarget", EventTarget);
    define("AbortController", AbortController);
    define("AbortSignal", AbortSignal);
    define("crypto", { getRandomValues: crypto.getRandomValues, randomUUID: crypto.randomUUID, subtle: undefined });
    define("performance", {
      now: () => internal.binding.now() - internal.processStart,
      get timeOrigin() { return internal.timeOrigin; },
      toJSON() { return { timeOrigin: internal.timeOrigin }; },
    });
    const seeded = new Uint32Array(4);
    Math.random = function random() {
      if (seeded[0] === 0 && seeded[1] === 0 && seeded[2] === 0 && seeded[3] === 0) {
        seeded.set(new Uint32Array(internal.binding.random(16)));
        seeded[0] |= 1;
      }
      let t = seeded[3];
      let s = seeded[0];
      seeded[3] = seeded[2];
      seeded[2] = seeded[1];
      seeded[1] = s;
      t ^= t << 11;
      t ^= t >>> 8;
      seeded[0] = (t ^ s ^ (s >>> 19)) >>> 0;
      return (seeded[0] * 2 ** 21 + (seeded[1] >>> 11)) / 2 ** 53;
    };
  }

  module.exports = { install, Event, EventTarget, AbortController, AbortSignal };
});
