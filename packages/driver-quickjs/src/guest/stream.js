/*
 * `stream`: Readable, Writable, Duplex, Transform and PassThrough (each in
 * internal/streams), and the `pipeline`/`finished` helpers in callback and
 * promise forms.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { coded } = require("internal/errors");
  const { Stream } = require("internal/streams/legacy");
  const { Readable } = require("internal/streams/readable");
  const { Writable } = require("internal/streams/writable");
  const { Duplex, Transform, PassThrough } = require("internal/streams/duplex");

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
