/*
 * `fs`: the file system of the kernel, in Node's three forms. The sync
 * functions are thin wrappers over system calls; the callback forms run
 * the same call and deliver its result on the next loop turn; the promise
 * forms (`fs.promises`, `fs/promises`) resolve with it. Descriptors are the
 * process's kernel descriptors, so `readFileSync(0)` reads the real stdin.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const loop = require("internal/loop");
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

  const fs = {};

  fs.existsSync = function existsSync(p) {
    try {
      return sys.call("access", { path: toPath(p), mode: 0 }) === true;
    } catch {
      return false;
    }
  };
  fs.accessSync = function accessSync(p, mode = 0) {
    sys.call("access", { path: toPath(p), mode });
  };
  fs.openSync = function openSync(p, flags, mode = 0o666) {
    return sys.call("open", { path: toPath(p), flags: flagsToNumber(flags, O.RDONLY), mode });
  };
  fs.closeSync = function closeSync(fd) {
    sys.call("close", { fd: toFd(fd) });
  };
  fs.readSync = function readSync(fd, buffer, offsetOrOptions, length, position) {
    toFd(fd);
    let offset = offsetOrOptions;
    if (offsetOrOptions && typeof offsetOrOptions === "object") {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    if (offset === undefined) offset = 0;
    if (length === undefined) length = buffer.byteLength - offset;
    if (position === undefined || (typeof position === "number" && position < 0)) position = null;
    if (typeof position === "bigint") position = Number(position);
    if (length === 0) return 0;
    const chunk = position === null ? sys.read(fd, length) : sys.callBytes("read", { fd, length, position });
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(chunk, offset);
    return chunk.length;
  };
  fs.writeSync = function writeSync(fd, data, offsetOrPosition, lengthOrEncoding, position) {
    toFd(fd);
    if (typeof data === "string") {
      const pos = typeof offsetOrPosition === "number" ? offsetOrPosition : null;
      const bytes = dataBytes(data, typeof lengthOrEncoding === "string" ? lengthOrEncoding : "utf8");
      return pos === null ? sys.write(fd, bytes) : sys.call("write", { fd, position: pos }, bytes);
    }
    let offset = 0;
    let length = data.byteLength;
    let pos = null;
    if (offsetOrPosition && typeof offsetOrPosition === "object") {
      ({ offset = 0, length = data.byteLength - offset, position: pos = null } = offsetOrPosition);
    } else {
      if (typeof offsetOrPosition === "number") offset = offsetOrPosition;
      if (typeof lengthOrEncoding === "number") length = lengthOrEncoding;
      else length = data.byteLength - offset;
      if (typeof position === "number") pos = position;
    }
    const view = new Uint8Array(data.buffer, data.byteOffset + offset, length);
    return pos === null ? sys.write(fd, sys.bufferOf(view)) : sys.call("write", { fd, position: pos }, sys.bufferOf(view));
  };
  fs.readFileSync = function readFileSync(p, options) {
    const opts = getOptions(options, { encoding: null, flag: "r" });
    let bytes;
    if (typeof p === "number") bytes = readAllFd(p);
    else {
      const path = toPath(p);
      if (path in STDIO_PATHS) bytes = readAllFd(STDIO_PATHS[path]);
      else bytes = sys.callBytes("readFile", { path });
    }
    return encode(bytes, opts.encoding);
  };
  fs.writeFileSync = function writeFileSync(p, data, options) {
    const opts = getOptions(options, { encoding: "utf8", mode: 0o666, flag: "w" });
    const bytes = dataBytes(data, opts.encoding);
    if (typeof p === "number") {
      sys.write(p, bytes);
      return;
    }
    sys.call("writeFile", { path: toPath(p), flags: flagsToNumber(opts.flag, O.TRUNC | O.CREAT | O.WRONLY), mode: opts.mode }, bytes);
  };
  fs.appendFileSync = function appendFileSync(p, data, options) {
    const opts = getOptions(options, { encoding: "utf8", mode: 0o666, flag: "a" });
    fs.writeFileSync(p, data, opts);
  };
  fs.statSync = function statSync(p, options) {
    try {
      return new Stats(sys.call("stat", { path: toPath(p) }));
    } catch (err) {
      if (options && options.throwIfNoEntry === false && err.code === "ENOENT") return undefined;
      throw err;
    }
  };
  fs.lstatSync = function lstatSync(p, options) {
    try {
      return new Stats(sys.call("lstat", { path: toPath(p) }));
    } catch (err) {
      if (options && options.throwIfNoEntry === false && err.code === "ENOENT") return undefined;
      throw err;
    }
  };
  fs.fstatSync = function fstatSync(fd) {
    return new Stats(sys.call("fstat", { fd: toFd(fd) }));
  };
  fs.readdirSync = function readdirSync(p, options) {
    const opts = getOptions(options, { encoding: "utf8", withFileTypes: false, recursive: false });
    const root = toPath(p);
    const out = [];
    const walk = (dir, prefix) => {
      const entries = sys.call("readdir", { path: dir });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (opts.withFileTypes) out.push(new Dirent(e.name, e.type, dir));
        else out.push(opts.encoding === "buffer" ? Buffer.from(rel) : rel);
        if (opts.recursive && e.type === "directory") walk(`${dir.replace(/\/$/, "")}/${e.name}`, rel);
      }
    };
    walk(root, "");
    return out;
  };
  fs.mkdirSync = function mkdirSync(p, options) {
    const opts = typeof options === "number" ? { mode: options } : getOptions(options, { recursive: false, mode: 0o777 });
    const created = sys.call("mkdir", { path: toPath(p), recursive: Boolean(opts.recursive), mode: opts.mode === undefined ? 0o777 : opts.mode });
    return opts.recursive ? (created === null ? undefined : created) : undefined;
  };
  fs.mkdtempSync = function mkdtempSync(prefix) {
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (let attempt = 0; attempt < 100; attempt++) {
      let suffix = "";
      const rnd = new Uint8Array(internal.binding.random(6));
      for (const b of rnd) suffix += chars[b % chars.length];
      const path = `${toPath(prefix, "prefix")}${suffix}`;
      try {
        sys.call("mkdir", { path, recursive: false, mode: 0o700 });
        return path;
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
      }
    }
    throw coded(Error, "EEXIST", "EEXIST: file already exists, mkdtemp");
  };
  fs.rmdirSync = function rmdirSync(p, options) {
    if (options && options.recursive) sys.call("rm", { path: toPath(p), recursive: true, force: false });
    else sys.call("rmdir", { path: toPath(p) });
  };
  fs.rmSync = function rmSync(p, options) {
    const opts = getOptions(options, { recursive: false, force: false });
    sys.call("rm", { path: toPath(p), recursive: Boolean(opts.recursive), force: Boolean(opts.force) });
  };
  fs.unlinkSync = function unlinkSync(p) {
    sys.call("unlink", { path: toPath(p) });
  };
  fs.renameSync = function renameSync(from, to) {
    sys.call("rename", { from: toPath(from, "oldPath"), to: toPath(to, "newPath") });
  };
  fs.copyFileSync = function copyFileSync(from, to, mode = 0) {
    sys.call("copyFile", { from: toPath(from, "src"), to: toPath(to, "dest"), exclusive: Boolean(mode & 1) });
  };
  fs.cpSync = function cpSync(from, to, options = {}) {
    const src = toPath(from, "src");
    const dest = toPath(to, "dest");
    const st = fs.statSync(src);
    if (st.isDirectory()) {
      if (!options.recursive) throw coded(Error, "ERR_FS_EISDIR", `Recursive option is required to copy a directory: ${src}`);
      fs.mkdirSync(dest, { recursive: true });
      for (const name of fs.readdirSync(src)) fs.cpSync(`${src}/${name}`, `${dest}/${name}`, options);
    } else {
      fs.copyFileSync(src, dest, options.errorOnExist && options.force === false ? 1 : 0);
    }
  };
  fs.symlinkSync = function symlinkSync(target, p) {
    sys.call("symlink", { target: toPath(target, "target"), path: toPath(p) });
  };
  fs.linkSync = function linkSync(existing, p) {
    sys.call("link", { from: toPath(existing, "existingPath"), to: toPath(p, "newPath") });
  };
  fs.readlinkSync = function readlinkSync(p, options) {
    const opts = getOptions(options, { encoding: "utf8" });
    const target = sys.call("readlink", { path: toPath(p) });
    return opts.encoding === "buffer" ? Buffer.from(target) : target;
  };
  fs.realpathSync = function realpathSync(p, options) {
    const opts = getOptions(options, { encoding: "utf8" });
    const real = sys.call("realpath", { path: toPath(p) });
    return opts.encoding === "buffer" ? Buffer.from(real) : real;
  };
  fs.realpathSync.native = fs.realpathSync;
  fs.chmodSync = function chmodSync(p, mode) {
    sys.call("chmod", { path: toPath(p), mode: typeof mode === "string" ? parseInt(mode, 8) : mode });
  };
  fs.lchmodSync = fs.chmodSync;
  fs.fchmodSync = function fchmodSync(fd, mode) {
    sys.call("fchmod", { fd: toFd(fd), mode: typeof mode === "string" ? parseInt(mode, 8) : mode });
  };
  fs.chownSync = function chownSync(p) {
    fs.statSync(p);
  };
  fs.lchownSync = fs.chownSync;
  fs.fchownSync = function fchownSync(fd) {
    fs.fstatSync(fd);
  };
  function toMs(t) {
    if (t instanceof Date) return t.getTime();
    if (typeof t === "string") return Number(t) * 1000;
    return t * 1000;
  }
  fs.utimesSync = function utimesSync(p, atime, mtime) {
    sys.call("utimes", { path: toPath(p), atimeMs: toMs(atime), mtimeMs: toMs(mtime), nofollow: false });
  };
  fs.lutimesSync = function lutimesSync(p, atime, mtime) {
    sys.call("utimes", { path: toPath(p), atimeMs: toMs(atime), mtimeMs: toMs(mtime), nofollow: true });
  };
  fs.futimesSync = function futimesSync(fd, atime, mtime) {
    sys.call("futimes", { fd: toFd(fd), atimeMs: toMs(atime), mtimeMs: toMs(mtime) });
  };
  fs.truncateSync = function truncateSync(p, len = 0) {
    if (typeof p === "number") return fs.ftruncateSync(p, len);
    sys.call("truncate", { path: toPath(p), length: len });
  };
  fs.ftruncateSync = function ftruncateSync(fd, len = 0) {
    sys.call("ftruncate", { fd: toFd(fd), length: len });
  };
  fs.fsyncSync = function fsyncSync(fd) {
    sys.call("fsync", { fd: toFd(fd) });
  };
  fs.fdatasyncSync = fs.fsyncSync;
  fs.opendirSync = function opendirSync(p) {
    const path = toPath(p);
    const entries = fs.readdirSync(path, { withFileTypes: true });
    let i = 0;
    return {
      path,
      readSync: () => (i < entries.length ? entries[i++] : null),
      read(cb) {
        const v = i < entries.length ? entries[i++] : null;
        if (cb) loop.defer(() => cb(null, v));
        else return Promise.resolve(v);
      },
      closeSync() {},
      close(cb) {
        if (cb) loop.defer(() => cb(null));
        else return Promise.resolve();
      },
      async *[Symbol.asyncIterator]() {
        while (i < entries.length) yield entries[i++];
      },
    };
  };

  // Callback forms: the sync call now, its result on the next loop turn.
  const callbackNames = [
    "access", "open", "close", "readFile", "writeFile", "appendFile", "stat", "lstat", "fstat", "readdir", "mkdir",
    "mkdtemp", "rmdir", "rm", "unlink", "rename", "copyFile", "cp", "symlink", "link", "readlink", "realpath", "chmod",
    "lchmod", "fchmod", "chown", "lchown", "fchown", "utimes", "lutimes", "futimes", "truncate", "ftruncate", "fsync",
    "fdatasync", "opendir",
  ];
  for (const name of callbackNames) {
    const sync = fs[`${name}Sync`];
    fs[name] = {
      [name](...args) {
        const cb = args.pop();
        if (typeof cb !== "function") throw invalidArgType("cb", "of type function", cb);
        let result;
        let error = null;
        try {
          result = sync(...args);
        } catch (err) {
          error = err;
        }
        loop.defer(() => (error ? cb(error) : cb(null, result)));
      },
    }[name];
  }
  fs.realpath.native = fs.realpath;
  fs.exists = function exists(p, cb) {
    const result = fs.existsSync(p);
    loop.defer(() => cb(result));
  };
  fs.read = function read(fd, buffer, offset, length, position, cb) {
    if (typeof buffer === "function") {
      cb = buffer;
      buffer = Buffer.alloc(16384);
      offset = 0;
      length = buffer.length;
      position = null;
    } else if (typeof offset === "function") {
      cb = offset;
      offset = 0;
      length = buffer.byteLength;
      position = null;
    } else if (typeof offset === "object" && offset !== null) {
      cb = length;
    }
    let n = 0;
    let error = null;
    try {
      n = fs.readSync(fd, buffer, offset, length, position);
    } catch (err) {
      error = err;
    }
    loop.defer(() => (error ? cb(error) : cb(null, n, buffer)));
  };
  fs.write = function write(fd, data, ...rest) {
    const cb = rest.pop();
    let n = 0;
    let error = null;
    try {
      n = fs.writeSync(fd, data, ...rest);
    } catch (err) {
      error = err;
    }
    loop.defer(() => (error ? cb(error) : cb(null, n, data)));
  };

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

  const promises = {};
  for (const name of callbackNames) {
    if (name === "close" || name === "fstat" || name === "ftruncate" || name === "fsync" || name === "fdatasync" || name === "fchmod" || name === "fchown" || name === "futimes") continue;
    const sync = fs[`${name}Sync`];
    promises[name] = {
      async [name](...args) {
        return sync(...args);
      },
    }[name];
  }
  promises.open = async function open(p, flags, mode) {
    return new FileHandle(fs.openSync(p, flags, mode));
  };
  promises.readFile = async function readFile(p, options) {
    if (p instanceof FileHandle) return p.readFile(options);
    return fs.readFileSync(p, options);
  };
  promises.writeFile = async function writeFile(p, data, options) {
    if (p instanceof FileHandle) return p.writeFile(data, options);
    if (data && typeof data !== "string" && !ArrayBuffer.isView(data) && (data[Symbol.asyncIterator] || data[Symbol.iterator])) {
      const chunks = [];
      for await (const c of data) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
      data = Buffer.concat(chunks);
    }
    return fs.writeFileSync(p, data, options);
  };
  promises.constants = constants;
  promises.FileHandle = FileHandle;

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

  fs.createReadStream = createReadStream;
  fs.createWriteStream = createWriteStream;
  fs.Stats = Stats;
  fs.Dirent = Dirent;
  fs.constants = constants;
  Object.assign(fs, constants);
  fs.promises = promises;
  internal.fsPromises = promises;
  internal.fsStats = Stats;
  module.exports = fs;
});
