/*
 * `events`: EventEmitter with Node's semantics for listeners, once,
 * prepend, error events without a listener (thrown), `newListener` and
 * `removeListener`, plus `once(emitter, name)` and `on(emitter, name)`.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { validateFunction, coded } = require("internal/errors");
  const kCapture = Symbol("kCapture");

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.errorMonitor = Symbol("events.errorMonitor");
  EventEmitter.captureRejectionSymbol = Symbol.for("nodejs.rejection");
  EventEmitter.captureRejections = false;

  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts && opts.captureRejections) this[kCapture] = true;
  };

  EventEmitter.prototype.setMaxListeners = function (n) {
    this._maxListeners = n;
    return this;
  };
  EventEmitter.prototype.getMaxListeners = function () {
    return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
  };

  EventEmitter.prototype.emit = function (type, ...args) {
    const events = this._events;
    if (type === "error" && events !== undefined && events[EventEmitter.errorMonitor] !== undefined) {
      this.emit(EventEmitter.errorMonitor, ...args);
    }
    const handler = events === undefined ? undefined : events[type];
    if (handler === undefined) {
      if (type === "error") {
        const er = args[0];
        if (er instanceof Error) throw er;
        const err = coded(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${internal.inspect ? internal.inspect(er) : String(er)})`);
        err.context = er;
        throw err;
      }
      return false;
    }
    if (typeof handler === "function") {
      handler.apply(this, args);
    } else {
      const listeners = handler.slice();
      for (let i = 0; i < listeners.length; i++) listeners[i].apply(this, args);
    }
    return true;
  };

  function addListener(target, type, listener, prepend) {
    validateFunction(listener, "listener");
    let events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit("newListener", type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    const existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      target._eventsCount++;
    } else if (typeof existing === "function") {
      events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const count = typeof events[type] === "function" ? 1 : events[type].length;
    const max = target.getMaxListeners ? target.getMaxListeners() : EventEmitter.defaultMaxListeners;
    if (max > 0 && count > max && !(events[type].warned)) {
      if (typeof events[type] !== "function") events[type].warned = true;
      const name = typeof type === "symbol" ? type.toString() : type;
      if (typeof process !== "undefined" && process.emitWarning) {
        process.emitWarning(
          `Possible EventEmitter memory leak detected. ${count} ${name} listeners added to ${target.constructor.name === "EventEmitter" ? "[EventEmitter]" : `[${target.constructor.name}]`}. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`,
          "MaxListenersExceededWarning",
        );
      }
    }
    return target;
  }

  EventEmitter.prototype.addListener = function (type, listener) { return addListener(this, type, listener, false); };
  EventEmitter.prototype.on = EventEmitter.prototype.addListener;
  EventEmitter.prototype.prependListener = function (type, listener) { return addListener(this, type, listener, true); };

  function onceWrapper(target, type, listener) {
    const state = { fired: false, target, type, listener };
    function wrapped(...args) {
      if (!state.fired) {
        state.target.removeListener(state.type, wrapped);
        state.fired = true;
        return state.listener.apply(state.target, args);
      }
    }
    wrapped.listener = listener;
    return wrapped;
  }
  EventEmitter.prototype.once = function (type, listener) {
    validateFunction(listener, "listener");
    return this.on(type, onceWrapper(this, type, listener));
  };
  EventEmitter.prototype.prependOnceListener = function (type, listener) {
    validateFunction(listener, "listener");
    return this.prependListener(type, onceWrapper(this, type, listener));
  };

  EventEmitter.prototype.removeListener = function (type, listener) {
    validateFunction(listener, "listener");
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener) this.emit("removeListener", type, list.listener || listener);
    } else if (typeof list !== "function") {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) { position = i; break; }
      }
      if (position < 0) return this;
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
    }
    return this;
  };
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

  EventEmitter.prototype.removeAllListeners = function (type) {
    const events = this._events;
    if (events === undefined) return this;
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  };

  EventEmitter.prototype.listeners = function (type) {
    const list = this._events === undefined ? undefined : this._events[type];
    if (list === undefined) return [];
    if (typeof list === "function") return [list.listener || list];
    return list.map((l) => l.listener || l);
  };
  EventEmitter.prototype.rawListeners = function (type) {
    const list = this._events === undefined ? undefined : this._events[type];
    if (list === undefined) return [];
    return typeof list === "function" ? [list] : list.slice();
  };
  EventEmitter.prototype.listenerCount = function (type) {
    const list = this._events === undefined ? undefined : this._events[type];
    if (list === undefined) return 0;
    return typeof list === "function" ? 1 : list.length;
  };
  EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
  EventEmitter.prototype.eventNames = function () {
    return this._events === undefined ? [] : Reflect.ownKeys(this._events);
  };

  function once(emitter, name, options) {
    return new Promise((resolve, reject) => {
      const onError = (err) => {
        emitter.removeListener(name, onEvent);
        reject(err);
      };
      const onEvent = (...args) => {
        if (name !== "error") emitter.removeListener("error", onError);
        resolve(args);
      };
      emitter.once(name, onEvent);
      if (name !== "error") emitter.once("error", onError);
      const signal = options && options.signal;
      if (signal) {
        signal.addEventListener("abort", () => reject(coded(Error, "ABORT_ERR", "The operation was aborted")), { once: true });
      }
    });
  }

  function on(emitter, name) {
    const queue = [];
    const waiters = [];
    let error = null;
    let done = false;
    const onEvent = (...args) => {
      if (waiters.length) waiters.shift().resolve({ value: args, done: false });
      else queue.push(args);
    };
    const onError = (err) => {
      done = true;
      if (waiters.length) waiters.shift().reject(err);
      else error = err;
    };
    emitter.on(name, onEvent);
    if (name !== "error") emitter.on("error", onError);
    const cleanup = () => {
      emitter.removeListener(name, onEvent);
      emitter.removeListener("error", onError);
    };
    return {
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (error) { const e = error; error = null; return Promise.reject(e); }
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return() {
        done = true;
        cleanup();
        for (const w of waiters.splice(0)) w.resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) { done = true; cleanup(); return Promise.reject(err); },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.getEventListeners = (emitter, name) => emitter.listeners(name);
  EventEmitter.setMaxListeners = (n, ...targets) => {
    if (targets.length === 0) EventEmitter.defaultMaxListeners = n;
    for (const t of targets) t.setMaxListeners(n);
  };
  module.exports = EventEmitter;
});
