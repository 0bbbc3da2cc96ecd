/*
 * `stream`: Readable, Writable, Duplex, Transform and PassThrough with the
 * parts of Node's semantics programs rely on — flowing and paused modes,
 * `data`/`end`/`finish`/`close`/`error` events, setEncoding, pipe with
 * backpressure, object mode, async iteration, `Readable.from`, and the
 * `pipeline`/`finished` helpers (callback and promise forms).
 */
(function (exports, require, module, internal) {
  "use strict";
  const EE = require("events");
  const { Buffer } = require("buffer");
  const loop = require("internal/loop");
  const { coded } = require("internal/errors");

  function toChunk(state, chunk, encoding) {
    if (state.objectMode) return chunk;
    if (typeof chunk === "string") return Buffer.from(chunk, encoding || state.defaultEncoding);
    if (chunk instanceof Uint8Array && !Buffer.isBuffer(chunk)) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return chunk;
  }

  function Stream(opts) {
    EE.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EE.prototype);
  Object.setPrototypeOf(Stream, EE);
  Stream.prototype.pipe = function (dest, options) {
    return Readable.prototype.pipe.call(this, dest, options);
  };

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
    const state = this._readableState;
    if (state.destroyed) {
      if (typeof cb === "function") cb(err);
      return this;
    }
    state.destroyed = true;
    if (this._writableState) this._writableState.destroyed = true;
    const done = (e) => {
      if (typeof cb === "function") cb(e);
      loop.nextTick(() => {
        if (e) {
          state.errored = e;
          this.emit("error", e);
        }
        if (state.emitClose && !state.closeEmitted) {
          state.closeEmitted = true;
          this.emit("close");
        }
      });
    };
    if (typeof this._destroy === "function") this._destroy(err || null, done);
    else done(err);
    return this;
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

  function Writable(options = {}) {
    if (!(this instanceof Writable) && !(this instanceof Duplex)) return new Writable(options);
    Stream.call(this, options);
    this._writableState = {
      objectMode: Boolean(options.objectMode || options.writableObjectMode),
      highWaterMark: options.highWaterMark !== undefined ? options.highWaterMark : options.objectMode ? 16 : 16384,
      decodeStrings: options.decodeStrings !== false,
      defaultEncoding: options.defaultEncoding || "utf8",
      length: 0,
      writing: false,
      queue: [],
      ending: false,
      ended: false,
      finished: false,
      destroyed: false,
      needDrain: false,
      corked: 0,
      emitClose: options.emitClose !== false,
      autoDestroy: options.autoDestroy !== false,
      closeEmitted: false,
    };
    if (typeof options.write === "function") this._write = options.write;
    if (typeof options.writev === "function") this._writev = options.writev;
    if (typeof options.final === "function") this._final = options.final;
    if (typeof options.destroy === "function") this._destroy = options.destroy;
  }
  Object.setPrototypeOf(Writable.prototype, Stream.prototype);
  Object.setPrototypeOf(Writable, Stream);

  Object.defineProperties(Writable.prototype, {
    writable: { get() { const s = this._writableState; return !s.destroyed && !s.ending; }, configurable: true },
    writableEnded: { get() { return this._writableState.ending; } },
    writableFinished: { get() { return this._writableState.finished; } },
    writableLength: { get() { return this._writableState.length; } },
    writableHighWaterMark: { get() { return this._writableState.highWaterMark; } },
    writableObjectMode: { get() { return this._writableState.objectMode; } },
    writableNeedDrain: { get() { return this._writableState.needDrain; } },
    writableCorked: { get() { return this._writableState.corked; } },
  });

  Writable.prototype._write = function (chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk, encoding }], cb);
    else throw coded(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented");
  };

  Writable.prototype.write = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = null;
    }
    if (chunk === null) throw coded(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    if (state.ending) {
      const err = coded(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end");
      loop.nextTick(() => {
        if (typeof cb === "function") cb(err);
        this.emit("error", err);
      });
      return false;
    }
    if (!state.objectMode) {
      if (typeof chunk === "string") {
        if (state.decodeStrings) {
          chunk = Buffer.from(chunk, encoding || state.defaultEncoding);
          encoding = "buffer";
        } else encoding = encoding || state.defaultEncoding;
      } else if (chunk instanceof Uint8Array) {
        chunk = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        encoding = "buffer";
      } else {
        throw require("internal/errors").invalidArgType("chunk", "of type string or an instance of Buffer or Uint8Array", chunk);
      }
    }
    state.length += state.objectMode ? 1 : chunk.length;
    const ret = state.length < state.highWaterMark;
    if (!ret) state.needDrain = true;
    state.queue.push({ chunk, encoding, cb });
    if (!state.writing && !state.corked) drainQueue(this);
    return ret;
  };

  function drainQueue(stream) {
    const state = stream._writableState;
    if (state.writing || state.queue.length === 0 || state.destroyed) return;
    const { chunk, encoding, cb } = state.queue.shift();
    state.writing = true;
    let sync = true;
    stream._write(chunk, encoding, (err) => {
      state.writing = false;
      state.length -= state.objectMode ? 1 : chunk.length;
      const after = () => {
        if (typeof cb === "function") cb(err || null);
        if (err) {
          stream.destroy(err);
          return;
        }
        if (state.queue.length > 0) drainQueue(stream);
        else {
          if (state.needDrain && state.length === 0) {
            state.needDrain = false;
            stream.emit("drain");
          }
          if (state.ending) finishMaybe(stream);
        }
      };
      if (sync) loop.nextTick(after);
      else after();
    });
    sync = false;
  }

  function finishMaybe(stream) {
    const state = stream._writableState;
    if (state.finished || state.writing || state.queue.length > 0 || state.finalCalled) return;
    state.finalCalled = true;
    const done = (err) => {
      if (err) {
        stream.destroy(err);
        return;
      }
      state.finished = true;
      loop.nextTick(() => {
        stream.emit("finish");
        const rs = stream._readableState;
        if (state.autoDestroy && (!rs || rs.endEmitted || rs.destroyed)) stream.destroy();
      });
    };
    if (typeof stream._final === "function") stream._final(done);
    else done();
  }

  Writable.prototype.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = null;
    } else if (typeof encoding === "function") {
      cb = encoding;
      encoding = null;
    }
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    if (typeof cb === "function") {
      if (state.finished) loop.nextTick(cb);
      else this.once("finish", cb);
    }
    if (!state.ending) {
      state.ending = true;
      state.corked = 0;
      if (!state.writing) {
        if (state.queue.length > 0) drainQueue(this);
        else finishMaybe(this);
      }
    }
    return this;
  };

  Writable.prototype.cork = function () {
    this._writableState.corked++;
  };
  Writable.prototype.uncork = function () {
    const state = this._writableState;
    if (state.corked > 0) state.corked--;
    if (state.corked === 0) drainQueue(this);
  };
  Writable.prototype.setDefaultEncoding = function (enc) {
    this._writableState.defaultEncoding = enc;
    return this;
  };

  Writable.prototype.destroy = function (err, cb) {
    const state = this._writableState;
    if (this._readableState) return Readable.prototype.destroy.call(this, err, cb);
    if (state.destroyed) {
      if (typeof cb === "function") cb(err);
      return this;
    }
    state.destroyed = true;
    const done = (e) => {
      if (typeof cb === "function") cb(e);
      loop.nextTick(() => {
        if (e) this.emit("error", e);
        if (state.emitClose && !state.closeEmitted) {
          state.closeEmitted = true;
          this.emit("close");
        }
      });
    };
    if (typeof this._destroy === "function") this._destroy(err || null, done);
    else done(err);
    return this;
  };
  Writable.prototype._destroy = function (err, cb) {
    cb(err);
  };

  function Duplex(options = {}) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    Readable.call(this, options);
    Writable.call(this, options);
    if (options.allowHalfOpen === false) {
      this.once("end", () => this.end());
    }
  }
  Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
  Object.setPrototypeOf(Duplex, Readable);
  for (const key of Object.getOwnPropertyNames(Writable.prototype)) {
    if (key === "constructor" || key === "destroy" || key === "_destroy") continue;
    if (!Object.prototype.hasOwnProperty.call(Duplex.prototype, key)) {
      Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
    }
  }
  Object.defineProperty(Writable, Symbol.hasInstance, {
    value(obj) {
      if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
      if (this !== Writable) return false;
      return Boolean(obj && obj._writableState);
    },
  });

  function Transform(options = {}) {
    if (!(this instanceof Transform)) return new Transform(options);
    Duplex.call(this, options);
    if (typeof options.transform === "function") this._transform = options.transform;
    if (typeof options.flush === "function") this._flush = options.flush;
  }
  Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
  Object.setPrototypeOf(Transform, Duplex);
  Transform.prototype._write = function (chunk, encoding, cb) {
    this._transform(chunk, encoding, (err, data) => {
      if (err) {
        cb(err);
        return;
      }
      if (data !== undefined && data !== null) this.push(data);
      cb();
    });
  };
  Transform.prototype._read = function () {};
  Transform.prototype._final = function (cb) {
    const done = (err, data) => {
      if (err) {
        cb(err);
        return;
      }
      if (data !== undefined && data !== null) this.push(data);
      this.push(null);
      cb();
    };
    if (typeof this._flush === "function") this._flush(done);
    else done();
  };
  Transform.prototype._transform = function () {
    throw coded(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _transform() method is not implemented");
  };

  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
  Object.setPrototypeOf(PassThrough, Transform);
  PassThrough.prototype._transform = function (chunk, enc, cb) {
    cb(null, chunk);
  };

  function finished(stream, opts, cb) {
    if (typeof opts === "function") {
      cb = opts;
      opts = {};
    }
    let done = false;
    const once = (err) => {
      if (done) return;
      done = true;
      cb(err);
    };
    const rs = stream._readableState;
    const ws = stream._writableState;
    const readableDone = () => !rs || rs.endEmitted || opts.readable === false;
    const writableDone = () => !ws || ws.finished || opts.writable === false;
    stream.on("end", () => { if (writableDone()) once(); });
    stream.on("finish", () => { if (readableDone()) once(); });
    stream.on("error", (err) => once(err));
    stream.on("close", () => {
      if (readableDone() && writableDone()) once();
      else once(coded(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
    });
    return () => {};
  }

  function pipeline(...streams) {
    const cb = typeof streams[streams.length - 1] === "function" ? streams.pop() : null;
    if (Array.isArray(streams[0])) streams = streams[0];
    let error = null;
    let doneCount = 0;
    const last = streams[streams.length - 1];
    const finish = (err) => {
      if (err && !error) {
        error = err;
        for (const s of streams) if (typeof s.destroy === "function") s.destroy();
        if (cb) cb(err);
        return;
      }
      if (++doneCount === 1 && !error && cb) cb();
    };
    for (let i = 0; i < streams.length - 1; i++) {
      let src = streams[i];
      if (typeof src === "function") src = streams[i] = Readable.from(src());
      else if (!(src instanceof Stream) && src && (src[Symbol.asyncIterator] || src[Symbol.iterator])) src = streams[i] = Readable.from(src);
      src.pipe(streams[i + 1]);
      src.on("error", finish);
    }
    finished(last, {}, finish);
    return last;
  }

  const promises = {
    pipeline: (...streams) => new Promise((resolve, reject) => pipeline(...streams, (err) => (err ? reject(err) : resolve()))),
    finished: (stream, opts) => new Promise((resolve, reject) => finished(stream, opts || {}, (err) => (err ? reject(err) : resolve()))),
  };

  Stream.Stream = Stream;
  Stream.Readable = Readable;
  Stream.Writable = Writable;
  Stream.Duplex = Duplex;
  Stream.Transform = Transform;
  Stream.PassThrough = PassThrough;
  Stream.pipeline = pipeline;
  Stream.finished = finished;
  Stream.promises = promises;
  Stream.isReadable = (s) => Boolean(s && s._readableState && !s._readableState.destroyed && !s._readableState.endEmitted);
  module.exports = Stream;
});
