/*
 * TextEncoder and TextDecoder (utf-8, utf-16le, latin1), with streaming
 * decode that carries an incomplete UTF-8 sequence over to the next chunk.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { binding } = internal;
  const { coded, invalidArgType } = require("internal/errors");

  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") {
      return new Uint8Array(binding.utf8Encode(String(input)));
    }
    encodeInto(src, dest) {
      const bytes = this.encode(src);
      let n = Math.min(bytes.length, dest.length);
      while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
      dest.set(bytes.subarray(0, n));
      const read = binding.utf8Decode(bytes.slice(0, n).buffer).length;
      return { read, written: n };
    }
    get [Symbol.toStringTag]() { return "TextEncoder"; }
  }

  const LABELS = {
    "utf-8": "utf-8", utf8: "utf-8", "unicode-1-1-utf-8": "utf-8",
    "utf-16le": "utf-16le", "utf-16": "utf-16le",
    latin1: "windows-1252", "iso-8859-1": "windows-1252", ascii: "windows-1252", "windows-1252": "windows-1252", "us-ascii": "windows-1252",
  };

  /** How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet. */
  function incompleteTail(bytes) {
    const n = bytes.length;
    for (let back = 1; back <= 3 && back <= n; back++) {
      const b = bytes[n - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }

  class TextDecoder {
    constructor(label = "utf-8", options = {}) {
      const enc = LABELS[String(label).trim().toLowerCase()];
      if (enc === undefined) throw coded(RangeError, "ERR_ENCODING_NOT_SUPPORTED", `The "${label}" encoding is not supported`);
      this._encoding = enc;
      this._fatal = Boolean(options.fatal);
      this._ignoreBOM = Boolean(options.ignoreBOM);
      this._pending = null;
      this._bomSeen = false;
    }
    get encoding() { return this._encoding; }
    get fatal() { return this._fatal; }
    get ignoreBOM() { return this._ignoreBOM; }
    decode(input, options = {}) {
      let bytes;
      if (input === undefined) bytes = new Uint8Array(0);
      else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
      else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      else throw invalidArgType("input", "an instance of ArrayBuffer or ArrayBufferView", input);
      if (this._pending) {
        const joined = new Uint8Array(this._pending.length + bytes.length);
        joined.set(this._pending);
        joined.set(bytes, this._pending.length);
        bytes = joined;
        this._pending = null;
      }
      const stream = Boolean(options.stream);
      let out;
      if (this._encoding === "utf-8") {
        if (stream) {
          const tail = incompleteTail(bytes);
          if (tail > 0) {
            this._pending = bytes.slice(bytes.length - tail);
            bytes = bytes.subarray(0, bytes.length - tail);
          }
        }
        out = bytes.length === 0 ? "" : binding.utf8Decode(new Uint8Array(bytes).buffer);
        if (this._fatal && out.includes("\ufffd") && !binding.utf8Valid(new Uint8Array(bytes).buffer)) {
          throw coded(TypeError, "ERR_ENCODING_INVALID_ENCODED_DATA", "The encoded data was not valid for encoding utf-8");
        }
      } else if (this._encoding === "utf-16le") {
        if (stream && bytes.length % 2 === 1) {
          this._pending = bytes.slice(bytes.length - 1);
          bytes = bytes.subarray(0, bytes.length - 1);
        }
        out = "";
        for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      } else {
        out = "";
        for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
      }
      if (!this._ignoreBOM && !this._bomSeen && out.length > 0) {
        if (out.charCodeAt(0) === 0xfeff && this._encoding !== "windows-1252") out = out.slice(1);
        this._bomSeen = true;
      }
      if (!stream) this._bomSeen = false;
      return out;
    }
    get [Symbol.toStringTag]() { return "TextDecoder"; }
  }

  module.exports = { TextEncoder, TextDecoder };
});
