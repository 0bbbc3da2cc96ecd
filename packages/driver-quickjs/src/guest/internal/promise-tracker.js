/*
 * Unhandled-rejection tracking. QuickJS as packaged gives the host no
 * rejection hook, so the guest watches promises itself: the global
 * `Promise` becomes a transparent Proxy of the intrinsic whose
 * constructions (including every derived promise of then/catch/finally
 * and the statics) are observed, and `then` marks its receiver as handled.
 * Making `Promise.prototype.constructor` the proxy sends `await` through
 * `then` too, so awaited rejections count as handled. A promise returned
 * by an async function is created by the engine without the constructor,
 * so guest source is rewritten before it is compiled (worker/async-track.ts)
 * to hand each async function to `__secureExecAsync`, which returns a
 * transparent Proxy whose calls observe the promise they return. The spans
 * that rewriting inserted are kept per file, so stack traces show the
 * original columns and leave out the wrappers' frames.
 */
(function (exports, require, module, internal) {
  "use strict";
  const Intrinsic = Promise;
  const origThen = Intrinsic.prototype.then;
  const handled = new WeakSet();
  const pending = [];
  let observing = false;

  function observe(p) {
    observing = true;
    try {
      origThen.call(p, undefined, (reason) => {
        if (!handled.has(p)) pending.push({ promise: p, reason });
      });
    } finally {
      observing = false;
    }
  }

  const TrackedPromise = new Proxy(Intrinsic, {
    construct(target, args, newTarget) {
      const p = Reflect.construct(target, args, newTarget === TrackedPromise ? target : newTarget);
      if (!observing) observe(p);
      return p;
    },
  });

  function then(onFulfilled, onRejected) {
    handled.add(this);
    return origThen.call(this, onFulfilled, onRejected);
  }

  // ---- async functions ---------------------------------------------------

  // Taken now, so that guest code replacing them later does not change what the wrappers do.
  const { apply, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
  const ProxyConstructor = Proxy;
  const AsyncFunctionPrototype = getPrototypeOf(async function () {});
  /** Wrappers made here, each to the function it stands for (Function.prototype.toString shows that one). */
  const targets = new WeakMap();

  const callTrap = {
    apply(target, self, args) {
      const p = apply(target, self, args);
      observe(p);
      return p;
    },
  };

  /** The function the rewritten source uses in place of an async function `fn`; `name` is the one the engine would have inferred. */
  function trackAsync(fn, name) {
    if (name !== undefined && fn.name === "") defineProperty(fn, "name", { value: name, writable: false, enumerable: false, configurable: true });
    const proxy = new ProxyConstructor(fn, callTrap);
    targets.set(proxy, fn);
    return proxy;
  }

  function wrapOwn(obj, key) {
    const d = getOwnPropertyDescriptor(obj, key);
    if (!d || typeof d.value !== "function" || targets.has(d.value) || getPrototypeOf(d.value) !== AsyncFunctionPrototype) return;
    d.value = trackAsync(d.value);
    defineProperty(obj, key, d);
  }

  /** An object literal's async methods named by `keys`; returns the object. */
  trackAsync.o = function trackObjectMethods(obj, keys) {
    for (const key of keys) wrapOwn(obj, key);
    return obj;
  };

  /** A class's own async methods, static and on its prototype (run first in its body, before any static field). */
  trackAsync.c = function trackClassMethods(cls) {
    for (const key of ownKeys(cls)) wrapOwn(cls, key);
    const proto = cls.prototype;
    if (proto !== null && typeof proto === "object") for (const key of ownKeys(proto)) if (key !== "constructor") wrapOwn(proto, key);
  };

  /** A private async method's body, `fn` an async arrow: calls it with the method's arguments and observes its promise. */
  trackAsync.p = function trackPrivateCall(fn, name, args) {
    defineProperty(fn, "name", { value: name, writable: false, enumerable: false, configurable: true });
    const p = apply(fn, undefined, args);
    observe(p);
    return p;
  };

  /** Inserted spans per file name: a JSON string until first used, then a Map of line → [column, length, hidden, ...]. */
  const spansByFile = Object.create(null);

  /** Source to compile for `code` (a script, or an ES module when `isModule`), rewritten when it has async functions. */
  function prepareSource(code, filename, isModule) {
    if (!code.includes("async")) return code;
    const tracked = internal.binding.trackAsync(code, isModule);
    if (tracked === undefined) {
      delete spansByFile[filename];
      return code;
    }
    spansByFile[filename] = tracked[1];
    return tracked[0];
  }

  function spansOf(file) {
    let spans = spansByFile[file];
    if (typeof spans === "string") {
      const flat = JSON.parse(spans);
      spans = new Map();
      for (let i = 0; i < flat.length; i += 4) {
        let list = spans.get(flat[i]);
        if (!list) spans.set(flat[i], (list = []));
        list.push(flat[i + 1], flat[i + 2], flat[i + 3]);
      }
      spansByFile[file] = spans;
    }
    return spans;
  }

  /**
   * The column in the source as written for a (1-based) column in the compiled source, or null for a
   * position in a wrapper's own inserted call (its frame is left out). A position in other inserted
   * text maps to the source position it was inserted at.
   */
  function originalColumn(file, line, col) {
    const spans = file && col > 0 ? spansOf(file) : undefined;
    if (!spans) return col;
    const list = spans.get(line);
    if (!list) return col;
    const t = col - 1;
    let shift = 0;
    for (let i = 0; i < list.length; i += 3) {
      const start = list[i] + shift;
      if (t < start) break;
      if (t < start + list[i + 1]) return list[i + 2] ? null : list[i] + 1;
      shift += list[i + 1];
    }
    return t - shift + 1;
  }

  /** Whether a stack frame belongs to this module (the call wrappers and Promise traps), left out of stack traces. */
  function isTrackerFrame(file) {
    return file === "node:internal/promise-tracker";
  }

  function install(global) {
    Object.defineProperty(Intrinsic.prototype, "then", { value: then, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(Intrinsic.prototype, "constructor", { value: TrackedPromise, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(global, "Promise", { value: TrackedPromise, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(global, "__secureExecAsync", { value: trackAsync, writable: false, configurable: false, enumerable: false });
    const intrinsicToString = Function.prototype.toString;
    const toString = {
      toString() {
        const target = targets.get(this);
        return apply(intrinsicToString, target === undefined ? this : target, []);
      },
    }.toString;
    targets.set(toString, intrinsicToString);
    Object.defineProperty(Function.prototype, "toString", { value: toString, writable: true, configurable: true, enumerable: false });
  }

  /** Rejections still unhandled after the microtask queue drained; clears the list. */
  function takeUnhandled() {
    if (pending.length === 0) return [];
    const out = pending.splice(0).filter((r) => !handled.has(r.promise));
    return out;
  }

  /** Whether rejections are waiting to be checked. */
  function hasPending() {
    return pending.length > 0;
  }

  /** Marks a promise as handled (for rejections the runtime handles itself). */
  function markHandled(p) {
    handled.add(p);
  }

  module.exports = { install, takeUnhandled, markHandled, hasPending, trackAsync, prepareSource, originalColumn, isTrackerFrame };
});
