/*
 * `fs`: the file system of the kernel, in Node's three forms. The sync
 * functions are thin wrappers over system calls; the callback forms run
 * the same call and deliver its result on the next loop turn; the promise
 * forms (internal/fs-promises) resolve with it. Descriptors are the
 * process's kernel descriptors, so `readFileSync(0)` reads the real stdin.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const loop = require("internal/loop");
  const { Buffer } = require("buffer");
  const { invalidArgType, coded } = require("internal/errors");
  const { O, constants, flagsToNumber, toPath, toFd, getOptions, encode, dataBytes, Stats, Dirent, readAllFd, STDIO_PATHS } = require("internal/fs-common");

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
  /** Whether the readFileSync running reads UTF-8 text (Node takes another path then, which its stack shows). */
  let readingUtf8 = false;
  fs.readFileSync = function readFileSync(p, options) {
    const opts = getOptions(options, { encoding: null, flag: "r" });
    readingUtf8 = (opts.encoding === "utf8" || opts.encoding === "utf-8") && opts.flag === "r";
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
    const walk = (dir, prefix, entries = sys.call("readdir", { path: dir })) => {
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (opts.withFileTypes) out.push(new Dirent(e.name, e.type, dir));
        else out.push(opts.encoding === "buffer" ? Buffer.from(rel) : rel);
        if (opts.recursive && e.type === "directory") walk(`${dir.replace(/\/$/, "")}/${e.name}`, rel);
      }
    };
    walk(root, "", sys.call("readdir", { path: root }));
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
    "lchmod", "fchmod", "utimes", "lutimes", "futimes", "truncate", "ftruncate", "fsync",
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
          // Node's errors from libuv callbacks carry no stack frames.
          if (err !== null && typeof err === "object" && typeof err.syscall === "string" && typeof err.stack === "string") err.stack = `${err.name}: ${err.message}`;
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


  // A system error's stack reads as Node's: its fs frames in place of these functions', and the line of Node's fs that throws it.
  internal.nodeFrames ??= new WeakMap();
  const site = (line, col, text) => [`node:fs:${line}`, text, `${" ".repeat(col - 1)}^`].join("\n") + "\n";
  const OPEN_SYNC = ["Object.openSync (node:fs:573:18)", site(573, 18, "  return binding.open(")];
  const SYNC_SITES = new Map([
    [fs.readFileSync, (err) => {
      if (err.syscall === "read") return [["Object.readSync (node:fs:750:18)", "tryReadSync (node:fs:424:20)", "Object.readFileSync (node:fs:478:19)"], site(750, 18, "  return binding.read(fd, buffer, offset, length, position);")];
      if (readingUtf8) return [["Object.readFileSync (node:fs:448:20)"], site(448, 20, "    return binding.readFileUtf8(path, stringToFlags(options.flag));")];
      return [[OPEN_SYNC[0], "Object.readFileSync (node:fs:452:35)"], OPEN_SYNC[1]];
    }],
    [fs.writeFileSync, () => [["Object.writeFileSync (node:fs:2380:20)"], site(2380, 20, "    return binding.writeFileUtf8(")]],
    [fs.appendFileSync, () => [["Object.appendFileSync (node:fs:2461:6)"], null]],
    [fs.openSync, () => [[OPEN_SYNC[0]], OPEN_SYNC[1]]],
    [fs.mkdirSync, () => [["Object.mkdirSync (node:fs:1386:26)"], site(1386, 26, "  const result = binding.mkdir(")]],
    [fs.readdirSync, () => [["Object.readdirSync (node:fs:1521:26)"], site(1521, 26, "  const result = binding.readdir(")]],
    [fs.statSync, () => [["Object.statSync (node:fs:1681:25)"], site(1681, 25, "  const stats = binding.stat(")]],
    [fs.lstatSync, () => [["Object.lstatSync (node:fs:1656:25)"], site(1656, 25, "  const stats = binding.lstat(")]],
    [fs.unlinkSync, () => [["Object.unlinkSync (node:fs:1889:11)"], site(1889, 11, "  binding.unlink(path);")]],
    [fs.rmdirSync, () => [["Object.rmdirSync (node:fs:1214:11)"], site(1214, 11, "  binding.rmdir(pathModule.toNamespacedPath(path));")]],
    [fs.accessSync, () => [["Object.accessSync (node:fs:244:11)"], site(244, 11, "  binding.access(pathModule.toNamespacedPath(path), mode);")]],
    [fs.renameSync, () => [["Object.renameSync (node:fs:1032:11)"], site(1032, 11, "  binding.rename(")]],
    [fs.copyFileSync, () => [["Object.copyFileSync (node:fs:3047:11)"], site(3047, 11, "  binding.copyFile(")]],
  ]);
  for (const [fn, sites] of SYNC_SITES) {
    internal.nodeFrames.set(fn, (ctx, err) => {
      if (err === null || typeof err !== "object" || typeof err.syscall !== "string") return [];
      const [frames, header] = sites(err);
      // Only the function that made the system call says where Node throws.
      if (header !== null && ctx.lines.length === 0 && !internal.throwSites.has(err)) internal.throwSites.set(err, header);
      return frames;
    });
  }

  const promises = require("internal/fs-promises").createPromises(fs, callbackNames);
  const { createReadStream, createWriteStream } = require("internal/fs-streams").createStreams(fs);
  fs.createReadStream = createReadStream;
  fs.createWriteStream = createWriteStream;
  fs.Stats = Stats;
  fs.Dirent = Dirent;
  fs.constants = constants;
  Object.assign(fs, constants);
  fs.promises = promises;
  module.exports = fs;
});

