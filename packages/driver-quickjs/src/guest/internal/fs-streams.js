/*
 * fs.createReadStream and fs.createWriteStream: streams over a descriptor
 * the stream opens (or is given), reading and writing synchronously in
 * chunks, with `start`/`end` positions, `open`/`ready`/`close` events and
 * autoClose.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const loop = require("internal/loop");
  const { Buffer } = require("buffer");
  const { getOptions, toPath } = require("internal/fs-common");

  /** Builds the two stream factories over `fs`. */
  function createStreams(fs) {
    function createReadStream(p, options) {
      const { Readable } = require("stream");
      const opts = getOptions(options, { flags: "r", encoding: null, fd: null, mode: 0o666, autoClose: true, start: undefined, end: Infinity, highWaterMark: 65536 });
      const path = p === null || p === undefined ? undefined : toPath(p);
      let fd = opts.fd === null || opts.fd === undefined ? null : typeof opts.fd === "object" ? opts.fd.fd : opts.fd;
      let pos = opts.start;
      const stream = new Readable({
        highWaterMark: opts.highWaterMark,
        encoding: opts.encoding || undefined,
        read(n) {
          try {
            if (fd === null) {
              fd = fs.openSync(path, opts.flags, opts.mode);
              this.emit("open", fd);
              this.emit("ready");
            }
            let want = n;
            if (opts.end !== Infinity) want = Math.min(want, opts.end - (pos === undefined ? this.bytesRead : pos) + 1);
            if (want <= 0) {
              this.push(null);
              return;
            }
            const chunk = sys.callBytes("read", { fd, length: want, position: pos === undefined ? null : pos });
            if (pos !== undefined) pos += chunk.length;
            this.bytesRead += chunk.length;
            this.push(chunk.length === 0 ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
          } catch (err) {
            this.destroy(err);
          }
        },
        destroy(err, cb) {
          if (fd !== null && opts.autoClose && !(typeof fd === "number" && fd <= 2 && opts.fd !== null && opts.fd !== undefined)) {
            try {
              fs.closeSync(fd);
            } catch {
              // already closed by the program
            }
          }
          fd = null;
          cb(err);
        },
      });
      stream.bytesRead = 0;
      stream.path = path;
      Object.defineProperty(stream, "fd", { get: () => fd, enumerable: true });
      stream.close = (cb) => stream.destroy(null, cb);
      stream.pending = fd === null;
      if (fd === null) {
        loop.nextTick(() => {
          if (fd !== null || stream.destroyed) return;
          try {
            fd = fs.openSync(path, opts.flags, opts.mode);
            stream.pending = false;
            stream.emit("open", fd);
            stream.emit("ready");
          } catch (err) {
            stream.destroy(err);
          }
        });
      }
      return stream;
    }

    function createWriteStream(p, options) {
      const { Writable } = require("stream");
      const opts = getOptions(options, { flags: "w", encoding: "utf8", fd: null, mode: 0o666, autoClose: true, start: undefined });
      const path = p === null || p === undefined ? undefined : toPath(p);
      let fd = opts.fd === null || opts.fd === undefined ? null : typeof opts.fd === "object" ? opts.fd.fd : opts.fd;
      let pos = opts.start;
      const open = () => {
        if (fd === null) {
          fd = fs.openSync(path, opts.flags, opts.mode);
          stream.pending = false;
          stream.emit("open", fd);
          stream.emit("ready");
        }
      };
      const stream = new Writable({
        defaultEncoding: opts.encoding,
        write(chunk, encoding, cb) {
          try {
            open();
            const n = sys.call("write", { fd, position: pos === undefined ? null : pos }, sys.bufferOf(chunk));
            if (pos !== undefined) pos += n;
            stream.bytesWritten += n;
            cb();
          } catch (err) {
            cb(err);
          }
        },
        final(cb) {
          try {
            open();
            cb();
          } catch (err) {
            cb(err);
          }
        },
        destroy(err, cb) {
          if (fd !== null && opts.autoClose && !(fd <= 2 && opts.fd !== null && opts.fd !== undefined)) {
            try {
              fs.closeSync(fd);
            } catch {
              // already closed by the program
            }
          }
          fd = null;
          cb(err);
        },
      });
      stream.bytesWritten = 0;
      stream.path = path;
      stream.pending = fd === null;
      Object.defineProperty(stream, "fd", { get: () => fd, enumerable: true });
      stream.close = (cb) => {
        if (cb) stream.once("close", () => cb());
        stream.end();
      };
      if (fd === null) {
        loop.nextTick(() => {
          try {
            open();
          } catch (err) {
            stream.destroy(err);
          }
        });
      }
      return stream;
    }

    return { createReadStream, createWriteStream };
  }

  module.exports = { createStreams };
});
