/*
 * The base Stream (an EventEmitter with pipe) and the chunk normalisation
 * readable and writable streams share.
 */
(function (exports, require, module, internal) {
  "use strict";
  const EE = require("events");
  const { Buffer } = require("buffer");

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

  module.exports = { Stream, toChunk };
});
