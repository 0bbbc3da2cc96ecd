/*
 * Writable: a queue of writes handed one at a time to _write, `drain`
 * once the queue falls below the high-water mark, end/final/`finish`,
 * cork/uncork and destroy. `instanceof Writable` is also true for
 * duplexes, which mix Writable's methods in.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { Buffer } = require("buffer");
  const loop = require("internal/loop");
  const { coded } = require("internal/errors");
  const { Stream, destroyStream } = require("internal/streams/legacy");

  function Writable(options = {}) {
    if (this === undefined || this === globalThis) return new Writable(options);
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
    // A duplex is destroyed as a whole, through its readable side.
    return destroyStream(this, this._readableState || this._writableState, err, cb);
  };
  Writable.prototype._destroy = function (err, cb) {
    cb(err);
  };

  Object.defineProperty(Writable, Symbol.hasInstance, {
    value(obj) {
      if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
      if (this !== Writable) return false;
      return Boolean(obj && obj._writableState);
    },
  });

  module.exports = { Writable };
});
