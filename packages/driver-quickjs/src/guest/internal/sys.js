/*
 * The guest's side of its system calls: one `call(op, args, data)` over the
 * worker binding. Arguments travel as JSON, bytes as an ArrayBuffer (or a
 * string the worker encodes as UTF-8). A failure comes back as a plain
 * object with an errno name, turned here into an Error shaped like Node's
 * (`code`, `errno`, `syscall`, `path`).
 */
(function (exports, require, module, internal) {
  "use strict";
  const { binding } = internal;
  /** The engine's JSON.parse (the global one, installed later, rewords errors for guest code). */
  const parseJson = JSON.parse;

  const ERRNO = {
    EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, ENXIO: 6, E2BIG: 7, ENOEXEC: 8, EBADF: 9,
    ECHILD: 10, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14, EBUSY: 16, EEXIST: 17, EXDEV: 18,
    ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOTTY: 25, EFBIG: 27, ENOSPC: 28, ESPIPE: 29,
    EROFS: 30, EMLINK: 31, EPIPE: 32, ERANGE: 34, ENAMETOOLONG: 36, ENOSYS: 38, ENOTEMPTY: 39,
    ELOOP: 40, ENOTSOCK: 88, ENOTSUP: 95, EAFNOSUPPORT: 97, EADDRINUSE: 98, ENOTCONN: 107,
    ETIMEDOUT: 110, ECONNREFUSED: 111, ECANCELED: 125,
  };

  /** An Error like the ones Node's fs and child_process raise. */
  function sysError(info, caller) {
    const err = new Error(info.message);
    if (info.code) {
      err.errno = -(ERRNO[info.code] || 0);
      err.code = info.code;
    }
    if (info.syscall) err.syscall = info.syscall;
    if (info.path !== undefined) err.path = info.path;
    if (info.dest !== undefined) err.dest = info.dest;
    if (caller && Error.captureStackTrace) Error.captureStackTrace(err, caller);
    return err;
  }

  function call(op, args, data) {
    let result;
    try {
      result = binding.call(op, args === undefined ? undefined : JSON.stringify(args), data);
    } catch (e) {
      if (e && e.__sys) throw sysError(e, call);
      throw e;
    }
    if (typeof result === "string") return parseJson(result);
    if (Array.isArray(result)) return [parseJson(result[0]), new Uint8Array(result[1])];
    return result;
  }

  /** Writes a string or bytes to descriptor `fd`; returns the count written. */
  function write(fd, data) {
    try {
      return binding.write(fd, data);
    } catch (e) {
      if (e && e.__sys) throw sysError(e, write);
      throw e;
    }
  }

  /** Reads up to `length` bytes from descriptor `fd` (empty at end of file). */
  function read(fd, length) {
    try {
      return new Uint8Array(binding.read(fd, length));
    } catch (e) {
      if (e && e.__sys) throw sysError(e, read);
      throw e;
    }
  }

  /** Calls `op` and returns its bytes as a Uint8Array. */
  function callBytes(op, args, data) {
    const buf = call(op, args, data);
    return new Uint8Array(buf);
  }

  /** An ArrayBuffer holding exactly the bytes of `view` (shared when it already is one). */
  function bufferOf(view) {
    if (view instanceof ArrayBuffer) return view;
    if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view.buffer;
    return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
  }

  module.exports = { call, callBytes, write, read, bufferOf, sysError, ERRNO };
});
