/*
 * Installs Node's globals on the guest's global object: process, console,
 * Buffer, timers, queueMicrotask, structuredClone, TextEncoder/Decoder,
 * URL/URLSearchParams, atob/btoa, AbortController, EventTarget/Event,
 * performance, crypto (getRandomValues/randomUUID), global/globalThis, and
 * the stack-trace formatter that makes `err.stack` read like V8's.
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
  ];

  /** V8-style `err.stack`: "Name: message" then one "    at" line per frame; engine messages worded as Node's. */
  function prepareStackTrace(error, frames) {
    if (error instanceof Error && typeof error.message === "string") {
      for (const [re, text] of NODE_MESSAGES) {
        if (re.test(error.message)) {
          error.message = error.message.replace(re, text);
          break;
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
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i];
      const file = f.getFileName();
      // The async-function and Promise wrappers' frames, and the native call they make, are left out.
      if (tracker.isTrackerFrame(file)) continue;
      if (f.isNative && f.isNative() && i + 1 < frames.length && tracker.isTrackerFrame(frames[i + 1].getFileName())) continue;
      const line = f.getLineNumber();
      let col = tracker.originalColumn(file, line, f.getColumnNumber());
      if (col === null) continue;
      if (line === 1 && file && internal.lineOneOffsets && internal.lineOneOffsets[file]) col = Math.max(1, col - internal.lineOneOffsets[file]);
      const name = f.getFunctionName();
      const loc = file ? `${file}${line ? `:${line}${col ? `:${col}` : ""}` : ""}` : "<anonymous>";
      if (f.isNative && f.isNative()) out += `\n    at ${name || "<anonymous>"} (native)`;
      else if (name && name !== "<eval>") out += `\n    at ${name} (${loc})`;
      else out += `\n    at ${loc}`;
    }
    return out;
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
