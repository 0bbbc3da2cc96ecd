/*
 * `crypto`: randomness (randomBytes, randomFillSync, randomInt, randomUUID,
 * getRandomValues, also as `webcrypto`; bytes from the host's CSPRNG),
 * createHash and createHmac for md5, sha1, sha224, sha256, sha384 and
 * sha512 (digests computed by the worker), and timingSafeEqual.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { Buffer } = require("buffer");
  const { outOfRange, invalidArgType, coded } = require("internal/errors");
  const loop = require("internal/loop");

  function randomBytes(size, cb) {
    if (typeof size !== "number" || size < 0 || size > 2147483647) throw outOfRange("size", ">= 0 && <= 2147483647", size);
    const buf = Buffer.from(internal.binding.random(size));
    if (typeof cb === "function") {
      loop.defer(() => cb(null, buf));
      return undefined;
    }
    return buf;
  }
  function randomFillSync(view, offset = 0, size) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const n = size === undefined ? bytes.length - offset : size;
    bytes.set(new Uint8Array(internal.binding.random(n)), offset);
    return view;
  }
  function getRandomValues(view) {
    if (!ArrayBuffer.isView(view) || view instanceof Float32Array || view instanceof Float64Array || view instanceof DataView) {
      throw coded(TypeError, "ERR_INVALID_ARG_TYPE", 'The "typedArray" argument must be an instance of Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array, or Uint8ClampedArray.');
    }
    if (view.byteLength > 65536) {
      const err = new Error(`The ArrayBufferView's byte length (${view.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
      err.name = "QuotaExceededError";
      throw err;
    }
    return randomFillSync(view);
  }
  function randomInt(min, max, cb) {
    if (max === undefined || typeof max === "function") {
      cb = max;
      max = min;
      min = 0;
    }
    if (!Number.isSafeInteger(min)) throw invalidArgType("min", "a safe integer", min);
    if (!Number.isSafeInteger(max)) throw invalidArgType("max", "a safe integer", max);
    if (max <= min) throw outOfRange("max", `greater than the value of "min" (${min})`, max);
    const range = max - min;
    const bytes = new Uint8Array(internal.binding.random(6));
    let r = 0;
    for (const b of bytes) r = r * 256 + b;
    const value = min + (r % range);
    if (typeof cb === "function") {
      loop.defer(() => cb(null, value));
      return undefined;
    }
    return value;
  }
  function randomUUID() {
    const b = new Uint8Array(internal.binding.random(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  function timingSafeEqual(a, b) {
    if (a.byteLength !== b.byteLength) throw coded(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  }
  const BLOCK_SIZES = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

  function normalizeAlgorithm(algorithm) {
    const name = String(algorithm).toLowerCase().replace(/^sha-/, "sha");
    if (!(name in BLOCK_SIZES)) throw new Error("Digest method not supported");
    return name;
  }

  function digestOf(algorithm, bytes) {
    try {
      return Buffer.from(internal.binding.digest(algorithm, bytes.buffer.byteLength === bytes.byteLength && bytes.byteOffset === 0 ? bytes.buffer : new Uint8Array(bytes).buffer));
    } catch (e) {
      if (e && e.__sys) throw new Error(e.message);
      throw e;
    }
  }

  function toBytes(data, encoding) {
    if (typeof data === "string") return Buffer.from(data, encoding || "utf8");
    if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    throw invalidArgType("data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
  }

  function output(digest, encoding) {
    return encoding === undefined || encoding === "buffer" ? digest : digest.toString(encoding);
  }

  class Hash {
    constructor(algorithm, chunks = []) {
      this._algorithm = normalizeAlgorithm(algorithm);
      this._chunks = chunks;
      this._done = false;
    }
    update(data, encoding) {
      if (this._done) throw coded(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      this._chunks.push(toBytes(data, encoding));
      return this;
    }
    digest(encoding) {
      if (this._done) throw coded(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      this._done = true;
      return output(digestOf(this._algorithm, Buffer.concat(this._chunks)), encoding);
    }
    copy() {
      if (this._done) throw coded(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      return new Hash(this._algorithm, this._chunks.slice());
    }
  }

  class Hmac {
    constructor(algorithm, key) {
      this._algorithm = normalizeAlgorithm(algorithm);
      const block = BLOCK_SIZES[this._algorithm];
      let k = toBytes(key);
      if (k.length > block) k = digestOf(this._algorithm, k);
      this._key = Buffer.alloc(block);
      k.copy(this._key);
      this._inner = new Hash(this._algorithm).update(this._key.map((b) => b ^ 0x36));
      this._done = false;
    }
    update(data, encoding) {
      this._inner.update(data, encoding);
      return this;
    }
    digest(encoding) {
      if (this._done) throw coded(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      this._done = true;
      const inner = this._inner.digest();
      const outer = new Hash(this._algorithm).update(this._key.map((b) => b ^ 0x5c)).update(inner).digest();
      return output(outer, encoding);
    }
  }

  const createHash = (algorithm) => new Hash(algorithm);
  const createHmac = (algorithm, key) => new Hmac(algorithm, key);
  const getHashes = () => Object.keys(BLOCK_SIZES);
  const webcrypto = { getRandomValues, randomUUID };
  module.exports = {
    randomBytes, randomFillSync, randomInt, randomUUID, getRandomValues, timingSafeEqual, webcrypto, pseudoRandomBytes: randomBytes,
    createHash, createHmac, getHashes, Hash, Hmac,
  };
});
