/* `querystring`: parse and stringify of `a=1&b=2` strings, with Node's escaping. */
(function (exports, require, module) {
  "use strict";
  function escape(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  function unescape(s) {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }
  function stringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v === "bigint" || typeof v === "boolean") return String(v);
    return "";
  }
  function stringify(obj, sep = "&", eq = "=", options = {}) {
    const enc = options.encodeURIComponent || escape;
    if (obj === null || typeof obj !== "object") return "";
    return Object.keys(obj).map((k) => {
      const v = obj[k];
      const ks = enc(stringifyPrimitive(k)) + eq;
      if (Array.isArray(v)) return v.map((x) => ks + enc(stringifyPrimitive(x))).join(sep);
      return ks + enc(stringifyPrimitive(v));
    }).filter(Boolean).join(sep);
  }
  function parse(qs, sep = "&", eq = "=", options = {}) {
    const out = Object.create(null);
    if (typeof qs !== "string" || qs.length === 0) return out;
    const dec = options.decodeURIComponent || unescape;
    let parts = qs.split(sep);
    const max = options.maxKeys === undefined ? 1000 : options.maxKeys;
    if (max > 0) parts = parts.slice(0, max);
    for (const part of parts) {
      if (part === "") continue;
      const idx = part.indexOf(eq);
      const k = dec((idx >= 0 ? part.slice(0, idx) : part).replace(/\+/g, " "));
      const v = idx >= 0 ? dec(part.slice(idx + eq.length).replace(/\+/g, " ")) : "";
      if (k in out) {
        if (Array.isArray(out[k])) out[k].push(v);
        else out[k] = [out[k], v];
      } else out[k] = v;
    }
    return out;
  }
  module.exports = { parse, stringify, escape, unescape, decode: parse, encode: stringify };
});
