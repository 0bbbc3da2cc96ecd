/*
 * The guest event loop, in the manner of libuv: timers, pending callbacks,
 * immediates, and a poll phase that blocks in one system call until a
 * watched descriptor is readable, a child exits, or the next timer is due.
 * The worker calls `step()` repeatedly and drains microtasks after each
 * call, so every callback here runs alone, followed by its nextTicks and
 * promise jobs, as in Node. The loop is alive while a referenced timer,
 * immediate, pending callback, watched descriptor or child exists.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");

  const timers = new Map(); // id -> Timer (insertion order; a due scan picks the earliest)
  const immediates = [];
  const pending = [];
  const ticks = [];
  const readers = new Map(); // fd -> { onReadable, ref }
  const children = new Map(); // pid -> { onExit, ref }
  let timerSeq = 1;

  function now() {
    return internal.binding.now();
  }

  class Timeout {
    constructor(fn, delay, args, repeat) {
      delay = Number(delay);
      if (!(delay >= 1 && delay <= 2147483647)) delay = 1;
      this._id = timerSeq++;
      this._fn = fn;
      this._args = args;
      this._delay = delay;
      this._repeat = repeat;
      this._when = now() + delay;
      this._ref = true;
      timers.set(this._id, this);
    }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
    refresh() {
      this._when = now() + this._delay;
      if (!timers.has(this._id)) timers.set(this._id, this);
      return this;
    }
    close() { timers.delete(this._id); return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }

  class Immediate {
    constructor(fn, args) {
      this._fn = fn;
      this._args = args;
      this._ref = true;
      this._cleared = false;
      immediates.push(this);
    }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
  }

  function checkCallback(fn) {
    if (typeof fn !== "function") {
      const err = new TypeError(`The "callback" argument must be of type function. Received ${internal.describe(fn)}`);
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
  }

  function setTimeout(fn, delay, ...args) { checkCallback(fn); return new Timeout(fn, delay, args, false); }
  function setInterval(fn, delay, ...args) { checkCallback(fn); return new Timeout(fn, delay, args, true); }
  function clearTimeout(t) {
    if (t instanceof Timeout) timers.delete(t._id);
    else if (typeof t === "number" || typeof t === "string") timers.delete(Number(t));
  }
  function setImmediate(fn, ...args) { checkCallback(fn); return new Immediate(fn, args); }
  function clearImmediate(im) {
    if (!(im instanceof Immediate) || im._cleared) return;
    im._cleared = true;
    const i = immediates.indexOf(im);
    if (i >= 0) immediates.splice(i, 1);
  }

  function nextTick(fn, ...args) {
    checkCallback(fn);
    ticks.push({ fn, args });
  }

  /** Runs the nextTick queue; returns whether anything ran. */
  function runTicks() {
    if (ticks.length === 0) return false;
    while (ticks.length > 0) {
      const t = ticks.shift();
      t.fn(...t.args);
    }
    return true;
  }

  /** Queues an internal callback for the next pending phase. */
  function defer(fn) {
    pending.push(fn);
  }

  function watchReadable(fd, onReadable, ref = true) {
    readers.set(fd, { onReadable, ref });
  }
  function unwatchReadable(fd) {
    readers.delete(fd);
  }
  function setReaderRef(fd, ref) {
    const r = readers.get(fd);
    if (r) r.ref = ref;
  }
  function watchChild(pid, onExit) {
    children.set(pid, { onExit, ref: true });
  }
  function setChildRef(pid, ref) {
    const c = children.get(pid);
    if (c) c.ref = ref;
  }

  function nextTimer() {
    let best = null;
    for (const t of timers.values()) if (best === null || t._when < best._when) best = t;
    return best;
  }

  function hasRefTimer() {
    for (const t of timers.values()) if (t._ref) return true;
    return false;
  }

  function alive() {
    if (pending.length > 0 || hasRefTimer()) return true;
    for (const im of immediates) if (im._ref) return true;
    for (const r of readers.values()) if (r.ref) return true;
    for (const c of children.values()) if (c.ref) return true;
    return false;
  }

  function runTimer(t) {
    if (t._repeat) {
      t._when = Math.max(t._when + t._delay, now());
    } else {
      timers.delete(t._id);
    }
    t._fn.apply(t, t._args);
  }

  /** Runs one callback, or waits for one; returns 0 once nothing keeps the loop alive. */
  function step() {
    if (pending.length > 0) {
      pending.shift()();
      return 1;
    }
    const t = nextTimer();
    if (t !== null && t._when <= now()) {
      runTimer(t);
      return 1;
    }
    if (immediates.length > 0) {
      const im = immediates.shift();
      im._cleared = true;
      im._fn(...im._args);
      return 1;
    }
    if (!alive()) return 0;
    poll(t);
    return 1;
  }

  function poll(t) {
    let timeout = -1;
    if (t !== null) timeout = Math.max(0, Math.ceil(t._when - now()));
    if (readers.size === 0 && children.size === 0) {
      if (timeout > 0) internal.binding.sleep(timeout);
      return;
    }
    const hasRefWork = [...readers.values()].some((r) => r.ref) || [...children.values()].some((c) => c.ref);
    if (!hasRefWork && timeout < 0) return;
    const ready = sys.call("poll", { fds: [...readers.keys()], pids: [...children.keys()], timeout });
    for (const { pid, status } of ready.exited) {
      const c = children.get(pid);
      children.delete(pid);
      if (c) pending.push(() => c.onExit(status));
    }
    for (const fd of ready.readable) {
      const r = readers.get(fd);
      if (r) pending.push(() => { if (readers.get(fd) === r) r.onReadable(); });
    }
  }

  // Callbacks' frames read as Node's timers' and task queue's (see globals.js); V8 names a timer's callback by its Timeout.
  internal.nodeFrames ??= new WeakMap();
  const renameCallback = (ctx, rename) => {
    const u = ctx.user;
    if (u !== null && u.index === ctx.lines.length - 1) ctx.lines[u.index] = `${rename(u.name)} (${u.loc})`;
  };
  internal.nodeFrames.set(runTimer, (ctx) => {
    renameCallback(ctx, (name) => (name ? `Timeout.${name} [as _onTimeout]` : "Timeout._onTimeout"));
    return ["listOnTimeout (node:internal/timers:581:17)", "process.processTimers (node:internal/timers:519:7)"];
  });
  internal.nodeFrames.set(step, (ctx) => {
    if (ctx.previous === runTimer || ctx.user === null) return [];
    renameCallback(ctx, (name) => `Immediate.${name || "<anonymous>"}`);
    return ["process.processImmediate (node:internal/timers:483:21)"];
  });
  internal.nodeFrames.set(runTicks, () => ["process.processTicksAndRejections (node:internal/process/task_queues:77:11)"]);

  module.exports = {
    setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate, nextTick,
    runTicks, defer, step, alive, now, Timeout, Immediate,
    watchReadable, unwatchReadable, setReaderRef, watchChild, setChildRef,
  };
});
