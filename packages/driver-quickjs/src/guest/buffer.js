/*
 * `buffer`: Buffer as a Uint8Array subclass with Node's common API —
 * from/alloc/concat/byteLength/compare, toString and write in utf8, hex,
 * base64, base64url, latin1/binary, ascii and utf16le/ucs2, slicing as
 * views, search, and the fixed-width integer and float accessors. UTF-8
 * conversion is done by the worker (one call, native speed).
 */
(function (exports, require, module, internal) {
  "use strict";
  const { binding } = internal;
  const { invalidArgType, coded, outOfRange } = require("internal/errors");

  class FastBuffer extends Uint8Array {}

  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === "number") return Buffer.alloc(arg);
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Buffer.prototype = FastBuffer.prototype;
  Object.defineProperty(FastBuffer.prototype, "constructor", { value: Buffer, writable: true, configurable: true });
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.poolSize = 8192;

  function normalizeEncoding(enc) {
    if (enc === undefined || enc === null || enc === "") return "utf8";
    const e = String(enc).toLowerCase();
    switch (e) {
      case "utf8": case "utf-8": return "utf8";
      case "hex": return "hex";
      case "base64": return "base64";
      case "base64url": return "base64url";
      case "latin1": case "binary": return "latin1";
      case "ascii": return "ascii";
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
      default: return undefined;
    }
  }

  function checkEncoding(enc) {
    const e = normalizeEncoding(enc);
    if (e === undefined) throw coded(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
    return e;
  }

  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const B64_LOOKUP = new Int16Array(256).fill(-1);
  for (let i = 0; i < 64; i++) {
    B64_LOOKUP[B64.charCodeAt(i)] = i;
    B64_LOOKUP[B64URL.charCodeAt(i)] = i;
  }

  function utf8Bytes(str) {
    return new FastBuffer(binding.utf8Encode(str));
  }

  function bytesFromString(str, enc) {
    switch (enc) {
      case "utf8":
        return utf8Bytes(str);
      case "hex": {
        const len = str.length >>> 1;
        const out = new FastBuffer(len);
        let i = 0;
        for (; i < len; i++) {
          const byte = parseInt(str.substr(i * 2, 2), 16);
          if (Number.isNaN(byte)) break;
          out[i] = byte;
        }
        return i === len ? out : out.subarray(0, i);
      }
      case "base64":
      case "base64url": {
        const out = new FastBuffer(Math.ceil((str.length * 3) / 4));
        let bits = 0;
        let value = 0;
        let n = 0;
        for (let i = 0; i < str.length; i++) {
          const v = B64_LOOKUP[str.charCodeAt(i) & 255];
          if (str.charCodeAt(i) > 255 || v < 0) {
            if (str[i] === "=") break;
            continue;
          }
          value = (value << 6) | v;
          bits += 6;
          if (bits >= 8) {
            bits -= 8;
            out[n++] = (value >> bits) & 255;
          }
        }
        return out.subarray(0, n);
      }
      case "latin1":
      case "ascii": {
        const out = new FastBuffer(str.length);
        for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 255;
        return out;
      }
      case "utf16le": {
        const out = new FastBuffer(str.length * 2);
        for (let i = 0; i < str.length; i++) {
          const c = str.charCodeAt(i);
          out[i * 2] = c & 255;
          out[i * 2 + 1] = c >> 8;
        }
        return out;
      }
    }
    throw coded(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
  }

  function stringFromBytes(bytes, enc, start, end) {
    const view = bytes.subarray(start, end);
    switch (enc) {
      case "utf8":
        if (view.length === 0) return "";
        return binding.utf8Decode(view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view.buffer : new Uint8Array(view).buffer);
      case "hex": {
        let s = "";
        for (let i = 0; i < view.length; i++) s += (view[i] < 16 ? "0" : "") + view[i].toString(16);
        return s;
      }
      case "base64":
      case "base64url": {
        const table = enc === "base64" ? B64 : B64URL;
        let s = "";
        let i = 0;
        for (; i + 2 < view.length; i += 3) {
          const v = (view[i] << 16) | (view[i + 1] << 8) | view[i + 2];
          s += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] + table[v & 63];
        }
        const rest = view.length - i;
        if (rest === 1) {
          const v = view[i] << 16;
          s += table[v >> 18] + table[(v >> 12) & 63] + (enc === "base64" ? "==" : "");
        } else if (rest === 2) {
          const v = (view[i] << 16) | (view[i + 1] << 8);
          s += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] + (enc === "base64" ? "=" : "");
        }
        return s;
      }
      case "latin1":
      case "ascii": {
        let s = "";
        const mask = enc === "ascii" ? 127 : 255;
        for (let i = 0; i < view.length; i += 4096) {
          const chunk = view.subarray(i, i + 4096);
          s += String.fromCharCode.apply(null, mask === 255 ? chunk : Array.from(chunk, (b) => b & mask));
        }
        return s;
      }
      case "utf16le": {
        let s = "";
        for (let i = 0; i + 1 < view.length; i += 2) s += String.fromCharCode(view[i] | (view[i + 1] << 8));
        return s;
      }
    }
    throw coded(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
  }

  Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === "string") return bytesFromString(value, checkEncoding(encodingOrOffset));
    if (typeof value === "object" && value !== null) {
      if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
        const offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset) || 0;
        const len = length === undefined ? value.byteLength - offset : Number(length);
        if (offset > value.byteLength) throw outOfRange("offset", `>= 0 && <= ${value.byteLength}`, offset);
        return new FastBuffer(value, offset, len);
      }
      if (ArrayBuffer.isView(value)) {
        const src = value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        if (!(value instanceof Uint8Array) && !(value instanceof DataView)) {
          const out = new FastBuffer(value.length);
          for (let i = 0; i < value.length; i++) out[i] = Number(value[i]) & 255;
          return out;
        }
        const out = new FastBuffer(src.length);
        out.set(src);
        return out;
      }
      if (typeof value.valueOf === "function") {
        const prim = value.valueOf();
        if (prim !== value && prim !== null && (typeof prim === "string" || typeof prim === "object")) return Buffer.from(prim, encodingOrOffset, length);
      }
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value.length === "number" || Array.isArray(value)) return fromArrayLike(value);
      if (typeof value[Symbol.toPrimitive] === "function") return Buffer.from(value[Symbol.toPrimitive]("string"), encodingOrOffset, length);
    }
    throw invalidArgType("first argument", "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", value);
  };

  function fromArrayLike(arr) {
    const out = new FastBuffer(arr.length);
    for (let i = 0; i < arr.length; i++) out[i] = Number(arr[i]) & 255;
    return out;
  }

  function checkSize(size) {
    if (typeof size !== "number") throw invalidArgType("size", "of type number", size);
    if (!(size >= 0 && size <= 4294967296)) throw outOfRange("size", ">= 0 && <= 4294967296", size);
  }

  Buffer.alloc = function alloc(size, fill, encoding) {
    checkSize(size);
    const buf = new FastBuffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, encoding);
    return buf;
  };
  Buffer.allocUnsafe = function allocUnsafe(size) {
    checkSize(size);
    return new FastBuffer(size);
  };
  Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
  Buffer.isBuffer = function isBuffer(b) {
    return b instanceof FastBuffer;
  };
  internal.isBuffer = Buffer.isBuffer;
  Buffer.isEncoding = function isEncoding(enc) {
    return typeof enc === "string" && enc !== "" && normalizeEncoding(enc) !== undefined;
  };
  Buffer.byteLength = function byteLength(value, encoding) {
    if (typeof value !== "string") {
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
      throw invalidArgType("string", "of type string or an instance of Buffer or ArrayBuffer", value);
    }
    const enc = normalizeEncoding(encoding) || "utf8";
    if (enc === "utf8") {
      let n = 0;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c < 0x80) n += 1;
        else if (c < 0x800) n += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          n += 4;
          i++;
        } else n += 3;
      }
      return n;
    }
    if (enc === "latin1" || enc === "ascii") return value.length;
    if (enc === "utf16le") return value.length * 2;
    return bytesFromString(value, enc).length;
  };
  Buffer.concat = function concat(list, totalLength) {
    if (!Array.isArray(list)) throw invalidArgType("list", "an instance of Array", list);
    if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
    const out = new FastBuffer(totalLength);
    let pos = 0;
    for (let i = 0; i < list.length; i++) {
      const b = list[i];
      if (!(b instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, "an instance of Buffer or Uint8Array", b);
      const take = Math.min(b.length, totalLength - pos);
      if (take <= 0) break;
      out.set(take === b.length ? b : b.subarray(0, take), pos);
      pos += take;
    }
    return out;
  };
  Buffer.compare = function compare(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  };
  Buffer.of = function of(...items) {
    return fromArrayLike(items);
  };

  const proto = FastBuffer.prototype;
  proto.toString = function toString(encoding, start, end) {
    if (arguments.length === 0) return stringFromBytes(this, "utf8", 0, this.length);
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined || end > this.length ? this.length : end | 0;
    if (end <= start) return "";
    return stringFromBytes(this, checkEncoding(encoding), start, end);
  };
  proto.toLocaleString = proto.toString;
  proto.equals = function equals(other) {
    if (!(other instanceof Uint8Array)) throw invalidArgType("otherBuffer", "an instance of Buffer or Uint8Array", other);
    return Buffer.compare(this, other) === 0;
  };
  proto.compare = function compare(target, tStart = 0, tEnd = target.length, sStart = 0, sEnd = this.length) {
    return Buffer.compare(this.subarray(sStart, sEnd), target.subarray(tStart, tEnd));
  };
  proto.slice = function slice(start, end) {
    return this.subarray(start, end);
  };
  proto.subarray = function subarray(start, end) {
    const len = this.length;
    start = start === undefined ? 0 : Math.trunc(start) || 0;
    end = end === undefined ? len : Math.trunc(end) || 0;
    if (start < 0) start = Math.max(len + start, 0);
    if (end < 0) end = Math.max(len + end, 0);
    start = Math.min(start, len);
    end = Math.min(Math.max(end, start), len);
    return new FastBuffer(this.buffer, this.byteOffset + start, end - start);
  };
  proto.write = function write(string, offset, length, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      length = undefined;
    } else if (typeof length === "string") {
      encoding = length;
      length = undefined;
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    const bytes = bytesFromString(string, checkEncoding(encoding));
    const n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
    this.set(bytes.subarray(0, n), offset);
    return n;
  };
  proto.toJSON = function toJSON() {
    return { type: "Buffer", data: Array.from(this) };
  };
  proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  };
  const u8fill = Uint8Array.prototype.fill;
  proto.fill = function fill(value, offset, end, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      end = this.length;
    }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof value === "number" || typeof value === "boolean") return u8fill.call(this, Number(value) & 255, offset, end);
    const bytes = typeof value === "string" ? bytesFromString(value, checkEncoding(encoding)) : value;
    if (bytes.length === 0) return u8fill.call(this, 0, offset, end);
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  };
  function needleBytes(value, encoding) {
    if (typeof value === "string") return bytesFromString(value, checkEncoding(encoding));
    if (typeof value === "number") return Uint8Array.of(value & 255);
    return value;
  }
  proto.indexOf = function indexOf(value, byteOffset = 0, encoding) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = 0;
    }
    const needle = needleBytes(value, encoding);
    if (byteOffset < 0) byteOffset = Math.max(0, this.length + byteOffset);
    if (needle.length === 0) return Math.min(byteOffset, this.length);
    outer: for (let i = byteOffset; i <= this.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  };
  proto.lastIndexOf = function lastIndexOf(value, byteOffset = this.length, encoding) {
    const needle = needleBytes(value, encoding);
    if (byteOffset < 0) byteOffset = this.length + byteOffset;
    outer: for (let i = Math.min(byteOffset, this.length - needle.length); i >= 0; i--) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  };
  proto.includes = function includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  };
  proto.swap16 = function swap16() {
    for (let i = 0; i + 1 < this.length; i += 2) [this[i], this[i + 1]] = [this[i + 1], this[i]];
    return this;
  };
  proto.reverse = function reverse() {
    Uint8Array.prototype.reverse.call(this);
    return this;
  };

  function dv(buf) {
    return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  function checkOffset(buf, offset, size) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== "number") throw invalidArgType("offset", "of type number", offset);
    if (offset < 0 || offset + size > buf.length || offset !== Math.floor(offset)) {
      throw outOfRange("offset", `>= 0 and <= ${buf.length - size}`, offset);
    }
    return offset;
  }
  const accessors = [
    ["UInt8", "Uint8", 1], ["Int8", "Int8", 1], ["UInt16", "Uint16", 2], ["Int16", "Int16", 2],
    ["UInt32", "Uint32", 4], ["Int32", "Int32", 4], ["Float", "Float32", 4], ["Double", "Float64", 8],
    ["BigUInt64", "BigUint64", 8], ["BigInt64", "BigInt64", 8],
  ];
  for (const [name, dvName, size] of accessors) {
    const suffixes = size === 1 ? [""] : ["LE", "BE"];
    for (const suffix of suffixes) {
      const little = suffix === "LE";
      proto[`read${name}${suffix}`] = function (offset) {
        offset = checkOffset(this, offset, size);
        return dv(this)[`get${dvName}`](offset, little);
      };
      proto[`write${name}${suffix}`] = function (value, offset) {
        offset = checkOffset(this, offset, size);
        dv(this)[`set${dvName}`](offset, dvName.startsWith("Big") ? BigInt(value) : Number(value), little);
        return offset + size;
      };
      if (name.startsWith("UInt")) {
        proto[`readUint${name.slice(4)}${suffix}`] = proto[`read${name}${suffix}`];
        proto[`writeUint${name.slice(4)}${suffix}`] = proto[`write${name}${suffix}`];
      }
      if (name === "BigUInt64") {
        proto[`readBigUint64${suffix}`] = proto[`read${name}${suffix}`];
        proto[`writeBigUint64${suffix}`] = proto[`write${name}${suffix}`];
      }
    }
  }
  proto.readUIntBE = function (offset, byteLength) {
    let v = 0;
    for (let i = 0; i < byteLength; i++) v = v * 256 + this[checkOffset(this, offset, byteLength) + i];
    return v;
  };
  proto.readUIntLE = function (offset, byteLength) {
    let v = 0;
    for (let i = byteLength - 1; i >= 0; i--) v = v * 256 + this[checkOffset(this, offset, byteLength) + i];
    return v;
  };

  const atob = (data) => stringFromBytes(bytesFromString(String(data), "base64"), "latin1", 0, undefined);
  const btoa = (data) => stringFromBytes(bytesFromString(String(data), "latin1"), "base64", 0, undefined);

  module.exports = {
    Buffer, atob, btoa, kMaxLength: 4294967296, constants: { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 },
    SlowBuffer: Buffer.allocUnsafeSlow, INSPECT_MAX_BYTES: 50,
    internalBinding: { bytesFromString, stringFromBytes, normalizeEncoding, checkEncoding },
  };
});
