/*
 * The base Stream (an EventEmitter with pipe), and what readable and
 * writable streams share: chunk normalisation and destroy.
 */
(function (exports, require, module, internal) {
  "use strict";
  const EE = require("events");
  const { Buffer } = require("buffer");
  const loop = require("internal/loop");

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
    return require("internal/streams/readable").Readable.prototype.pipe.call(this, dest, options);
  };

  /**
   * Destroys `stream` whose side's state is `state`: runs its _destroy, then
   * calls `cb` and, on the next tick, emits `error` (if any) and `close`.
   */
  function destroyStream(stream, state, err, cb) {
    if (state.destroyed) {
      if (typeof cb === "function") cb(err);
      return stream;
    }
    state.destroyed = true;
    if (stream._writableState) stream._writableState.destroyed = true;
    const done = (e) => {
      if (typeof cb === "function") cb(e);
      loop.nextTick(() => {
        if (e) {
          state.errored = e;
          stream.emit("error", e);
        }
        if (state.emitClose && !state.closeEmitted) {
          state.closeEmitted = true;
          stream.emit("close");
        }
      });
    };
    if (typeof stream._destroy === "function") stream._destroy(err || null, done);
    else done(err);
    return stream;
  }

  module.exports = { Stream, toChunk, destroyStream };
});
