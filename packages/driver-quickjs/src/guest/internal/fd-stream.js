/*
 * Streams over kernel descriptors. FdReadable reads only when the event
 * loop reports its descriptor readable (so a pipe that has no data yet
 * never blocks the process while it waits) and stops watching while paused
 * or full. FdWritable writes synchronously: a full pipe blocks the guest
 * until the reader drains it, which is the kernel's backpressure.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const loop = require("internal/loop");
  const { Readable, Writable } = require("stream");
  const { Buffer } = require("buffer");

  class FdReadable extends Readable {
    constructor(fd, options = {}) {
      super({ highWaterMark: 65536, ...options });
      this.fd = fd;
      this._closeFd = options.closeFd !== false;
      this._watching = false;
      this._ref = true;
      this.bytesRead = 0;
    }
    _read() {
      if (this._watching || this.fd < 0) return;
      this._watching = true;
      loop.watchReadable(this.fd, () => this._onReadable(), this._ref);
    }
    _onReadable() {
      let chunk;
      try {
        chunk = sys.read(this.fd, 65536);
      } catch (err) {
        this._unwatch();
        this.destroy(err);
        return;
      }
      if (chunk.length === 0) {
        this._unwatch();
        this.push(null);
        return;
      }
      this.bytesRead += chunk.length;
      if (!this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length))) this._unwatch();
    }
    _unwatch() {
      if (this._watching) {
        this._watching = false;
        loop.unwatchReadable(this.fd);
      }
    }
    pause() {
      this._unwatch();
      return super.pause();
    }
    ref() {
      this._ref = true;
      loop.setReaderRef(this.fd, true);
      return this;
    }
    unref() {
      this._ref = false;
      loop.setReaderRef(this.fd, false);
      return this;
    }
    _destroy(err, cb) {
      this._unwatch();
      if (this._closeFd && this.fd > 2) {
        try {
          sys.call("close", { fd: this.fd });
        } catch {
          // the descriptor was closed already
        }
      }
      this.fd = -1;
      cb(err);
    }
  }

  class FdWritable extends Writable {
    constructor(fd, options = {}) {
      super({ highWaterMark: 16384, decodeStrings: false, ...options });
      this.fd = fd;
      this._closeFd = options.closeFd !== false;
      this.bytesWritten = 0;
    }
    _write(chunk, encoding, cb) {
      try {
        const data = typeof chunk === "string" ? (encoding && encoding !== "utf8" && encoding !== "utf-8" ? sys.bufferOf(Buffer.from(chunk, encoding)) : chunk) : sys.bufferOf(chunk);
        this.bytesWritten += sys.write(this.fd, data);
        cb();
      } catch (err) {
        cb(err);
      }
    }
    _final(cb) {
      this._closeNow();
      cb();
    }
    _closeNow() {
      if (this._closeFd && this.fd > 2) {
        try {
          sys.call("close", { fd: this.fd });
        } catch {
          // the descriptor was closed already
        }
        this.fd = -1;
      }
    }
    _destroy(err, cb) {
      this._closeNow();
      cb(err);
    }
  }

  module.exports = { FdReadable, FdWritable };
});
