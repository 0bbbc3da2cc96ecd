/*
 * Readable: a buffer of chunks fed by push(), drained in flowing mode as
 * `data` events (scheduled on nextTick, refilled through _read below the
 * high-water mark) or by read() in paused mode; setEncoding, pipe with
 * backpressure, destroy, async iteration and Readable.from.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { Buffer } = require("buffer");
  const loop = require("internal/loop");
  const { coded } = require("internal/errors");
  const { Stream, toChunk, destroyStream } = require("internal/streams/legacy");

  function Readable(options = {}) {
    if (!(this instanceof Readable)) return new Readable(options);
    Stream.call(this, options);
    this._readableState = {
      objectMode: Boolean(options.objectMode || options.readableObjectMode),
      highWaterMark: options.highWaterMark !== undefined ? options.highWaterMark : options.objectMode ? 16 : 16384,
      buffer: [],
      length: 0,
      flowing: null,
      ended: false,
      endEmitted: false,
      reading: false,
      destroyed: false,
      decoder: null,
      encoding: null,
      defaultEncoding: options.defaultEncoding || "utf8",
      pipes: [],
      closeEmitted: false,
      errored: null,
      emitClose: options.emitClose !== false,
      autoDestroy: options.autoDestroy !== false,
      scheduled: false,
    };
    if (typeof options.read === "function") this._read = options.read;
    if (typeof options.destroy === "function") this._destroy = options.destroy;
    if (options.encoding) this.setEncoding(options.encoding);
  }
  Object.setPrototypeOf(Readable.prototype, Stream.prototype);
  Object.setPrototypeOf(Readable, Stream);

  Object.defineProperties(Readable.prototype, {
    readable: { get() { const s = this._readableState; return !s.destroyed && !s.endEmitted; }, configurable: true },
    readableEnded: { get() { return this._readableState.endEmitted; } },
    readableFlowing: { get() { return this._readableState.flowing; }, set(v) { this._readableState.flowing = v; } },
    readableLength: { get() { return this._readableState.length; } },
    readableObjectMode: { get() { return this._readableState.objectMode; } },
    readableEncoding: { get() { return this._readableState.encoding; } },
    readableHighWaterMark: { get() { return this._readableState.highWaterMark; } },
    destroyed: {
      get() { return (this._readableState || this._writableState).destroyed; },
      set(v) { (this._readableState || this._writableState).destroyed = v; },
      configurable: true,
    },
  });

  Readable.prototype._read = function () {
    throw coded(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented");
  };

  Readable.prototype.push = function (chunk, encoding) {
    const state = this._readableState;
    state.reading = false;
    if (chunk === null) {
      state.ended = true;
      scheduleFlow(this);
      return false;
    }
    if (state.ended) {
      this.emit("error", coded(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"));
      return false;
    }
    chunk = toChunk(state, chunk, encoding);
    if (!state.objectMode && chunk.length === 0) return state.length < state.highWaterMark;
    if (state.decoder) chunk = state.decoder.write(chunk);
    if (state.flowing && state.buffer.length === 0 && !state.scheduledSync) {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
      scheduleFlow(this);
    } else {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
      if (!state.flowing) this.emit("readable");
      scheduleFlow(this);
    }
    return state.length < state.highWaterMark;
  };

  Readable.prototype.unshift = function (chunk, encoding) {
    const state = this._readableState;
    chunk = toChunk(state, chunk, encoding);
    state.buffer.unshift(chunk);
    state.length += state.objectMode ? 1 : chunk.length;
  };

  function scheduleFlow(stream) {
    const state = stream._readableState;
    if (state.scheduled) return;
    state.scheduled = true;
    loop.nextTick(() => {
      state.scheduled = false;
      flow(stream);
    });
  }

  function shift(state) {
    const chunk = state.buffer.shift();
    state.length -= state.objectMode ? 1 : chunk.length;
    return chunk;
  }

  function flow(stream) {
    const state = stream._readableState;
    if (state.destroyed) return;
    while (state.flowing && state.buffer.length > 0) {
      stream.emit("data", shift(state));
    }
    if (state.ended && state.buffer.length === 0) {
      endReadable(stream);
      return;
    }
    if (state.flowing && !state.reading && !state.ended && state.length < state.highWaterMark) {
      state.reading = true;
      stream._read(state.highWaterMark);
      if (state.buffer.length > 0 || state.ended) scheduleFlow(stream);
    }
  }

  function endReadable(stream) {
    const state = stream._readableState;
    if (state.endEmitted) return;
    if (state.decoder) {
      const rest = state.decoder.end();
      if (rest) stream.emit("data", rest);
    }
    state.endEmitted = true;
    stream.emit("end");
    const ws = stream._writableState;
    if (state.autoDestroy && (!ws || ws.finished)) stream.destroy();
  }

  Readable.prototype.read = function (n) {
    const state = this._readableState;
    if (state.buffer.length === 0) {
      if (state.ended) {
        scheduleFlow(this);
        return null;
      }
      if (!state.reading) {
        state.reading = true;
        this._read(state.highWaterMark);
      }
      if (state.buffer.length === 0) return null;
    }
    let out;
    if (state.objectMode || n === undefined) {
      if (state.objectMode) out = shift(state);
      else if (state.decoder || state.encoding) out = state.buffer.splice(0).join("");
      else out = Buffer.concat(state.buffer.splice(0));
      if (!state.objectMode) state.length = 0;
    } else {
      if (n > state.length && !state.ended) return null;
      const all = state.decoder ? state.buffer.splice(0).join("") : Buffer.concat(state.buffer.splice(0));
      out = all.slice(0, n);
      const rest = all.slice(n);
      state.length = 0;
      if (rest.length > 0) {
        state.buffer.push(rest);
        state.length = rest.length;
      }
    }
    if (out !== undefined && out !== null) this.emit("data", out);
    if (state.ended && state.buffer.length === 0) scheduleFlow(this);
    return out;
  };

  Readable.prototype.setEncoding = function (enc) {
    const { StringDecoder } = require("string_decoder");
    const state = this._readableState;
    state.decoder = new StringDecoder(enc);
    state.encoding = state.decoder.encoding;
    state.buffer = state.buffer.map((c) => state.decoder.write(c));
    return this;
  };

  Readable.prototype.on = function (ev, fn) {
    const res = Stream.prototype.on.call(this, ev, fn);
    const state = this._readableState;
    if (ev === "data") {
      if (state.flowing !== false) this.resume();
    } else if (ev === "readable") {
      if (!state.endEmitted) {
        state.flowing = false;
        if (!state.reading && !state.ended) {
          loop.nextTick(() => {
            if (!state.reading && !state.ended && state.buffer.length === 0) {
              state.reading = true;
              this._read(state.highWaterMark);
            }
            if (state.buffer.length > 0 || state.ended) this.emit("readable");
          });
        }
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;

  Readable.prototype.resume = function () {
    const state = this._readableState;
    if (!state.flowing) {
      state.flowing = true;
      scheduleFlow(this);
      this.emit("resume");
    }
    return this;
  };
  Readable.prototype.pause = function () {
    const state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit("pause");
    }
    return this;
  };
  Readable.prototype.isPaused = function () {
    return this._readableState.flowing === false;
  };

  Readable.prototype.pipe = function (dest, options = {}) {
    const src = this;
    const state = this._readableState;
    state.pipes.push(dest);
    const onData = (chunk) => {
      if (dest.write(chunk) === false) {
        src.pause();
        dest.once("drain", () => src.resume());
      }
    };
    src.on("data", onData);
    if (options.end !== false && dest !== process.stdout && dest !== process.stderr) {
      src.once("end", () => dest.end());
    }
    dest.emit("pipe", src);
    src.resume();
    return dest;
  };
  Readable.prototype.unpipe = function (dest) {
    const state = this._readableState;
    state.pipes = dest ? state.pipes.filter((d) => d !== dest) : [];
    this.removeAllListeners("data");
    return this;
  };

  Readable.prototype.destroy = function (err, cb) {
    return destroyStream(this, this._readableState, err, cb);
  };
  Readable.prototype._destroy = function (err, cb) {
    cb(err);
  };

  Readable.prototype[Symbol.asyncIterator] = function () {
    const stream = this;
    const queue = [];
    const waiters = [];
    let error = null;
    let ended = false;
    stream.on("data", (chunk) => {
      if (waiters.length) waiters.shift().resolve({ value: chunk, done: false });
      else {
        queue.push(chunk);
        stream.pause();
      }
    });
    const finish = () => {
      ended = true;
      for (const w of waiters.splice(0)) w.resolve({ value: undefined, done: true });
    };
    stream.once("end", finish);
    stream.once("close", finish);
    stream.once("error", (err) => {
      error = err;
      for (const w of waiters.splice(0)) w.reject(err);
    });
    return {
      next() {
        if (queue.length) {
          const value = queue.shift();
          if (queue.length === 0) stream.resume();
          return Promise.resolve({ value, done: false });
        }
        if (error) return Promise.reject(error);
        if (ended) return Promise.resolve({ value: undefined, done: true });
        stream.resume();
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return() {
        stream.destroy();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  };

  Readable.from = function (iterable, options = {}) {
    if (typeof iterable === "string" || iterable instanceof Uint8Array) {
      return new Readable({ objectMode: true, ...options, read() { this.push(iterable); this.push(null); } });
    }
    const it = iterable[Symbol.asyncIterator] ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    let busy = false;
    return new Readable({
      objectMode: true,
      ...options,
      read() {
        if (busy) return;
        busy = true;
        Promise.resolve(it.next()).then(
          ({ value, done }) => {
            busy = false;
            if (done) this.push(null);
            else Promise.resolve(value).then((v) => this.push(v), (e) => this.destroy(e));
          },
          (err) => this.destroy(err),
        );
      },
    });
  };

  Readable.prototype.toArray = async function () {
    const out = [];
    for await (const chunk of this) out.push(chunk);
    return out;
  };

  module.exports = { Readable };
});
