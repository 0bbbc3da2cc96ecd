/*
 * `string_decoder`: decodes a byte stream chunk by chunk without splitting
 * a multi-byte character (utf8, utf16le) or a base64 group across chunks.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { Buffer, internalBinding } = require("buffer");
  const { TextDecoder } = require("internal/encoding");

  class StringDecoder {
    constructor(encoding) {
      const enc = internalBinding.checkEncoding(encoding);
      this.encoding = enc === "latin1" ? "latin1" : enc;
      this._utf8 = enc === "utf8" ? new TextDecoder("utf-8") : null;
      this._rest = null;
    }
    write(buf) {
      if (typeof buf === "string") return buf;
      if (this._utf8) return this._utf8.decode(buf, { stream: true });
      let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      if (this._rest) {
        bytes = Buffer.concat([this._rest, bytes]);
        this._rest = null;
      }
      const unit = this.encoding === "utf16le" ? 2 : this.encoding === "base64" || this.encoding === "base64url" ? 3 : 1;
      const keep = bytes.length % unit;
      if (keep > 0) {
        this._rest = Buffer.from(bytes.subarray(bytes.length - keep));
        bytes = bytes.subarray(0, bytes.length - keep);
      }
      return bytes.toString(this.encoding);
    }
    end(buf) {
      let out = buf === undefined ? "" : this.write(buf);
      if (this._utf8) out += this._utf8.decode();
      else if (this._rest) {
        out += this._rest.toString(this.encoding);
        this._rest = null;
      }
      return out;
    }
  }
  module.exports = { StringDecoder };
});
