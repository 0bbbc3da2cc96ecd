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
            try {
              return sync(...args);
            } catch (err) {
              throw asyncError(err, name);
            }
          },
        }[name],
      );
    }
    promises.open = trackAsync(async function open(p, flags, mode) {
      try {
        return new FileHandle(fs.openSync(p, flags, mode));
      } catch (err) {
        throw asyncError(err, "open");
      }
    });
    promises.readFile = trackAsync(async function readFile(p, options) {
      if (p instanceof FileHandle) return p.readFile(options);
      try {
        return fs.readFileSync(p, options);
      } catch (err) {
        throw asyncError(err, "readFile");
      }
    });
    promises.writeFile = trackAsync(async function writeFile(p, data, options) {
      if (p instanceof FileHandle) return p.writeFile(data, options);
      if (data && typeof data !== "string" && !ArrayBuffer.isView(data) && (data[Symbol.asyncIterator] || data[Symbol.iterator])) {
        const chunks = [];
        for await (const c of data) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
        data = Buffer.concat(chunks);
      }
      try {
        return fs.writeFileSync(p, data, options);
      } catch (err) {
        throw asyncError(err, "writeFile");
      }
    });
    promises.constants = constants;
    promises.FileHandle = FileHandle;
    return promises;
  }

  const PROMISES = "node:internal/fs/promises";
  const OPEN = [`open (${PROMISES}:637:25)`, `${PROMISES}:637\n  return new FileHandle(await PromisePrototypeThen(\n                        ^\n`];
  const awaitAt = (name, line, col) => [[`Object.${name} (${PROMISES}:${line}:${col})`], `${PROMISES}:${line}\n  return await PromisePrototypeThen(\n         ^\n`];
  const resultAt = (name, line) => [[`Object.${name} (${PROMISES}:${line}:18)`], `${PROMISES}:${line}\n  const result = await PromisePrototypeThen(\n                 ^\n`];
  /** Node's frames (all "async") and the line it marks, for a system error of each fs.promises method. */
  const ASYNC_SITES = {
    readFile: (err) => (err.syscall === "read"
      ? [[`readFileHandle (${PROMISES}:551:24)`], `${PROMISES}:551\n    const bytesRead = (await PromisePrototypeThen(\n                       ^\n`]
      : [[OPEN[0], `Object.readFile (${PROMISES}:1249:14)`], OPEN[1]]),
    writeFile: () => [[OPEN[0], `Object.writeFile (${PROMISES}:1219:14)`], OPEN[1]],
    appendFile: () => [[OPEN[0], `writeFile (${PROMISES}:1219:14)`], OPEN[1]],
    open: () => [[`Object.open (${PROMISES}:637:25)`], OPEN[1]],
    stat: () => resultAt("stat", 1033),
    lstat: () => resultAt("lstat", 1022),
    readdir: () => resultAt("readdir", 950),
    mkdir: () => awaitAt("mkdir", 856, 10),
    access: () => awaitAt("access", 604, 10),
    unlink: () => awaitAt("unlink", 1067, 10),
    rename: () => awaitAt("rename", 780, 10),
    copyFile: () => awaitAt("copyFile", 621, 10),
    rmdir: () => awaitAt("rmdir", 822, 10),
    realpath: () => awaitAt("realpath", 1176, 10),
  };

  /** A system error from an fs.promises method, with the stack Node's gives it: its async frames, or none. */
  function asyncError(err, name) {
    if (err === null || typeof err !== "object" || typeof err.syscall !== "string" || typeof err.stack !== "string") return err;
    const site = ASYNC_SITES[name] ? ASYNC_SITES[name](err) : null;
    err.stack = `${err.name}: ${err.message}${site ? site[0].map((f) => `\n    at async ${f}`).join("") : ""}`;
    if (site) internal.throwSites.set(err, site[1]);
    return err;
  }

  module.exports = { createPromises, asyncError };
});
