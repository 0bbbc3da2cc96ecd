/*
 * Unhandled-rejection tracking. QuickJS as packaged gives the host no
 * rejection hook, so the guest watches promises itself: the global
 * `Promise` becomes a transparent Proxy of the intrinsic whose
 * constructions (including every derived promise of then/catch/finally
 * and the statics) are observed, and `then` marks its receiver as handled.
 * Making `Promise.prototype.constructor` the proxy sends `await` through
 * `then` too, so awaited rejections count as handled. A promise returned
 * directly by an async function is created by the engine without the
 * constructor and is not observed until something chains on it.
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

  function install(global) {
    Object.defineProperty(Intrinsic.prototype, "then", { value: then, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(Intrinsic.prototype, "constructor", { value: TrackedPromise, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(global, "Promise", { value: TrackedPromise, writable: true, configurable: true, enumerable: false });
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

  module.exports = { install, takeUnhandled, markHandled, hasPending };
});
