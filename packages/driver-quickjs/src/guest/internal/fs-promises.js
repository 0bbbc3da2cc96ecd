/*
 * fs.promises: the promise form of every fs call, and FileHandle for
 * `fs.promises.open`. Built from the sync functions of the fs object it is
 * given.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { Buffer } = require("buffer");
  const { constants, getOptions, encode, readAllFd } = require("internal/fs-common");
  // The promises these async functions return are watched like the guest's own (a rejection nothing handles is reported).
  const { trackAsync } = require("internal/promise-tracker");

  /** Builds fs.promises over `fs`; `callbackNames` are the calls that have a promise form. */
  function createPromises(fs, callbackNames) {
    class FileHandle {
      constructor(fd) {
        this.fd = fd;
      }
      async read(buffer, offset, length, position) {
        if (buffer === undefined || (buffer && !ArrayBuffer.isView(buffer))) {
          const opts = buffer || {};
          buffer = opts.buffer || Buffer.alloc(16384);
          offset = opts.offset || 0;
          length = opts.length === undefined ? buffer.byteLength - offset : opts.length;
          position = opts.position === undefined ? null : opts.position;
        }
        const bytesRead = fs.readSync(this.fd, buffer, offset || 0, length === undefined ? buffer.byteLength - (offset || 0) : length, position);
        return { bytesRead, buffer };
      }
      async write(data, ...rest) {
        const bytesWritten = fs.writeSync(this.fd, data, ...rest);
        return { bytesWritten, buffer: data };
      }
      async readFile(options) {
        return encode(readAllFd(this.fd), getOptions(options, { encoding: null }).encoding);
      }
      async writeFile(data, options) {
        fs.writeSync(this.fd, typeof data === "string" ? Buffer.from(data, getOptions(options, { encoding: "utf8" }).encoding) : data);
      }
      async appendFile(data, options) {
        return this.writeFile(data, options);
      }
      async stat() { return fs.fstatSync(this.fd); }
      async truncate(len = 0) { fs.ftruncateSync(this.fd, len); }
      async sync() { fs.fsyncSync(this.fd); }
      async datasync() { fs.fsyncSync(this.fd); }
      async chmod(mode) { fs.fchmodSync(this.fd, mode); }
      async utimes(a, m) { fs.futimesSync(this.fd, a, m); }
      async close() {
        if (this.fd >= 0) fs.closeSync(this.fd);
        this.fd = -1;
      }
      createReadStream(options) { return fs.createReadStream(null, { ...options, fd: this.fd }); }
      createWriteStream(options) { return fs.createWriteStream(null, { ...options, fd: this.fd }); }
      readLines(options) {
        return require("readline").createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
      }
      async [Symbol.asyncDispose]() { await this.close(); }
    }
    trackAsync.c(FileHandle);

    const promises = {};
    for (const name of callbackNames) {
      if (name === "close" || name === "fstat" || name === "ftruncate" || name === "fsync" || name === "fdatasync" || name === "fchmod" || name === "futimes") continue;
      const sync = fs[`${name}Sync`];
      promises[name] = trackAsync(
        {
          async [name](...args) {
            return sync(...args);
          },
        }[name],
      );
    }
    promises.open = trackAsync(async function open(p, flags, mode) {
      return new FileHandle(fs.openSync(p, flags, mode));
    });
    promises.readFile = trackAsync(async function readFile(p, options) {
      if (p instanceof FileHandle) return p.readFile(options);
      return fs.readFileSync(p, options);
    });
    promises.writeFile = trackAsync(async function writeFile(p, data, options) {
      if (p instanceof FileHandle) return p.writeFile(data, options);
      if (data && typeof data !== "string" && !ArrayBuffer.isView(data) && (data[Symbol.asyncIterator] || data[Symbol.iterator])) {
        const chunks = [];
        for await (const c of data) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
        data = Buffer.concat(chunks);
      }
      return fs.writeFileSync(p, data, options);
    });
    promises.constants = constants;
    promises.FileHandle = FileHandle;
    return promises;
  }

  module.exports = { createPromises };
});
