/*
 * What fs's three forms share: open flags and mode constants, argument
 * normalisation (paths from strings, Buffers and file URLs; options from a
 * string or an object), Stats and Dirent, and reading a descriptor to its
 * end.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const { Buffer } = require("buffer");
  const { invalidArgType, invalidArgValue, coded } = require("internal/errors");

  const O = { RDONLY: 0, WRONLY: 1, RDWR: 2, CREAT: 0o100, EXCL: 0o200, NOCTTY: 0o400, TRUNC: 0o1000, APPEND: 0o2000, DIRECTORY: 0o200000, NOFOLLOW: 0o400000, SYNC: 0o4010000, NONBLOCK: 0o4000 };
  const S = { IFMT: 0o170000, IFREG: 0o100000, IFDIR: 0o040000, IFCHR: 0o020000, IFBLK: 0o060000, IFIFO: 0o010000, IFLNK: 0o120000, IFSOCK: 0o140000 };
  const constants = {
    O_RDONLY: O.RDONLY, O_WRONLY: O.WRONLY, O_RDWR: O.RDWR, O_CREAT: O.CREAT, O_EXCL: O.EXCL, O_NOCTTY: O.NOCTTY,
    O_TRUNC: O.TRUNC, O_APPEND: O.APPEND, O_DIRECTORY: O.DIRECTORY, O_NOFOLLOW: O.NOFOLLOW, O_SYNC: O.SYNC, O_NONBLOCK: O.NONBLOCK,
    S_IFMT: S.IFMT, S_IFREG: S.IFREG, S_IFDIR: S.IFDIR, S_IFCHR: S.IFCHR, S_IFBLK: S.IFBLK, S_IFIFO: S.IFIFO, S_IFLNK: S.IFLNK, S_IFSOCK: S.IFSOCK,
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
    UV_FS_COPYFILE_EXCL: 1,
  };

  function flagsToNumber(flags, fallback) {
    if (flags === undefined || flags === null) return fallback;
    if (typeof flags === "number") return flags;
    switch (flags) {
      case "r": return O.RDONLY;
      case "rs": case "sr": return O.RDONLY | O.SYNC;
      case "r+": return O.RDWR;
      case "rs+": case "sr+": return O.RDWR | O.SYNC;
      case "w": return O.TRUNC | O.CREAT | O.WRONLY;
      case "wx": case "xw": return O.TRUNC | O.CREAT | O.WRONLY | O.EXCL;
      case "w+": return O.TRUNC | O.CREAT | O.RDWR;
      case "wx+": case "xw+": return O.TRUNC | O.CREAT | O.RDWR | O.EXCL;
      case "a": return O.APPEND | O.CREAT | O.WRONLY;
      case "ax": case "xa": return O.APPEND | O.CREAT | O.WRONLY | O.EXCL;
      case "as": case "sa": return O.APPEND | O.CREAT | O.WRONLY | O.SYNC;
      case "a+": return O.APPEND | O.CREAT | O.RDWR;
      case "ax+": case "xa+": return O.APPEND | O.CREAT | O.RDWR | O.EXCL;
      case "as+": case "sa+": return O.APPEND | O.CREAT | O.RDWR | O.SYNC;
    }
    throw invalidArgValue("flags", flags);
  }

  function toPath(p, name = "path") {
    if (typeof p === "string") {
      if (p.includes("\u0000")) throw coded(TypeError, "ERR_INVALID_ARG_VALUE", `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${require("util").inspect(p)}`);
      return p;
    }
    if (p instanceof Uint8Array) return Buffer.from(p).toString();
    if (p && typeof p === "object" && p.href !== undefined && p.protocol !== undefined) return require("url").fileURLToPath(p);
    throw invalidArgType(name, "of type string or an instance of Buffer or URL", p);
  }

  function toFd(fd) {
    if (typeof fd !== "number" || !Number.isInteger(fd) || fd < 0) throw invalidArgType("fd", "of type number", fd);
    return fd;
  }

  function getOptions(options, defaults) {
    if (options === undefined || options === null || typeof options === "function") return { ...defaults };
    if (typeof options === "string") return { ...defaults, encoding: options };
    if (typeof options !== "object") throw invalidArgType("options", "one of type string or an instance of Object", options);
    return { ...defaults, ...options };
  }

  function encode(bytes, encoding) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (encoding && encoding !== "buffer") return buf.toString(encoding);
    return buf;
  }

  function dataBytes(data, encoding) {
    if (typeof data === "string") return encoding && encoding !== "utf8" && encoding !== "utf-8" ? sys.bufferOf(Buffer.from(data, encoding)) : data;
    if (ArrayBuffer.isView(data)) return sys.bufferOf(data);
    throw invalidArgType("data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
  }

  class Stats {
    constructor(s) {
      this.dev = s.dev;
      this.mode = s.mode;
      this.nlink = s.nlink;
      this.uid = s.uid;
      this.gid = s.gid;
      this.rdev = 0;
      this.blksize = 4096;
      this.ino = s.ino;
      this.size = s.size;
      this.blocks = Math.ceil(s.size / 512);
      this.atimeMs = s.atimeMs;
      this.mtimeMs = s.mtimeMs;
      this.ctimeMs = s.ctimeMs;
      this.birthtimeMs = s.birthtimeMs;
      this.atime = new Date(s.atimeMs);
      this.mtime = new Date(s.mtimeMs);
      this.ctime = new Date(s.ctimeMs);
      this.birthtime = new Date(s.birthtimeMs);
    }
    isFile() { return (this.mode & S.IFMT) === S.IFREG; }
    isDirectory() { return (this.mode & S.IFMT) === S.IFDIR; }
    isSymbolicLink() { return (this.mode & S.IFMT) === S.IFLNK; }
    isCharacterDevice() { return (this.mode & S.IFMT) === S.IFCHR; }
    isBlockDevice() { return (this.mode & S.IFMT) === S.IFBLK; }
    isFIFO() { return (this.mode & S.IFMT) === S.IFIFO; }
    isSocket() { return (this.mode & S.IFMT) === S.IFSOCK; }
  }

  class Dirent {
    constructor(name, type, parentPath) {
      this.name = name;
      this.parentPath = parentPath;
      this.path = parentPath;
      this._type = type;
    }
    isFile() { return this._type === "file"; }
    isDirectory() { return this._type === "directory"; }
    isSymbolicLink() { return this._type === "symlink"; }
    isCharacterDevice() { return this._type === "chardev"; }
    isBlockDevice() { return false; }
    isFIFO() { return this._type === "pipe"; }
    isSocket() { return this._type === "socket"; }
  }
  Object.defineProperty(Dirent.prototype, "_type", { enumerable: false, writable: true });

  function readAllFd(fd) {
    const chunks = [];
    let total = 0;
    for (;;) {
      const chunk = sys.read(fd, 65536);
      if (chunk.length === 0) break;
      chunks.push(chunk);
      total += chunk.length;
    }
    const out = Buffer.allocUnsafe(total);
    let pos = 0;
    for (const c of chunks) {
      out.set(c, pos);
      pos += c.length;
    }
    return out;
  }

  const STDIO_PATHS = { "/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2 };

  module.exports = { O, S, constants, flagsToNumber, toPath, toFd, getOptions, encode, dataBytes, Stats, Dirent, readAllFd, STDIO_PATHS };
});
