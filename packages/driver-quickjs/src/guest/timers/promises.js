/* `timers/promises`: setTimeout, setImmediate and setInterval as promises and async iterators. */
(function (exports, require, module, internal) {
  "use strict";
  const loop = require("internal/loop");
  const { coded } = require("internal/errors");

  function abortError() {
    const err = coded(Error, "ABORT_ERR", "The operation was aborted");
    err.name = "AbortError";
    return err;
  }

  function setTimeout(delay, value, options = {}) {
    return new Promise((resolve, reject) => {
      if (options.signal && options.signal.aborted) return reject(abortError());
      const t = loop.setTimeout(() => resolve(value), delay);
      if (options.ref === false) t.unref();
      if (options.signal) options.signal.addEventListener("abort", () => { loop.clearTimeout(t); reject(abortError()); }, { once: true });
    });
  }
  function setImmediate(value, options = {}) {
    return new Promise((resolve, reject) => {
      if (options.signal && options.signal.aborted) return reject(abortError());
      const im = loop.setImmediate(() => resolve(value));
      if (options.ref === false) im.unref();
    });
  }
  async function* setInterval(delay, value, options = {}) {
    let pending = 0;
    let wake = null;
    const t = loop.setInterval(() => {
      pending++;
      if (wake) wake();
    }, delay);
    if (options.ref === false) t.unref();
    try {
      for (;;) {
        if (options.signal && options.signal.aborted) throw abortError();
        if (pending === 0) await new Promise((r) => (wake = r));
        wake = null;
        pending--;
        yield value;
      }
    } finally {
      loop.clearTimeout(t);
    }
  }
  module.exports = { setTimeout, setImmediate, setInterval, scheduler: { wait: (d, o) => setTimeout(d, undefined, o), yield: () => setImmediate() } };
});
