/*
 * `url`: the WHATWG URL and URLSearchParams classes (special schemes with
 * authority, relative resolution against a base, dot-segment removal,
 * percent-encoding of paths, queries and fragments, default ports), plus
 * fileURLToPath, pathToFileURL and the legacy `parse`/`format`/`resolve`.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { coded, invalidArgType } = require("internal/errors");

  const SPECIAL = { "ftp:": "21", "file:": "", "http:": "80", "https:": "443", "ws:": "80", "wss:": "443" };

  function invalidUrl(input) {
    const err = coded(TypeError, "ERR_INVALID_URL", "Invalid URL");
    err.input = input;
    return err;
  }

  function percentEncode(str, keep) {
    let out = "";
    for (const ch of str) {
      const c = ch.codePointAt(0);
      if (c > 0x20 && c < 0x7f && !keep.includes(ch)) {
        out += ch;
        continue;
      }
      for (const b of new Uint8Array(internal.binding.utf8Encode(ch))) {
        out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
      }
    }
    return out;
  }
  const PATH_ENCODE = ' "#<>?`{}';
  const QUERY_ENCODE = ' "#<>';
  const SPECIAL_QUERY_ENCODE = " \"#<>'";
  const FRAGMENT_ENCODE = ' "<>`';
  const USERINFO_ENCODE = ' "#<>?`{}/:;=@[\\]^|';

  function removeDotSegments(segments) {
    const out = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const last = i === segments.length - 1;
      if (s === ".." || s.toLowerCase() === "%2e%2e") {
        out.pop();
        if (last) out.push("");
      } else if (s === "." || s.toLowerCase() === "%2e") {
        if (last) out.push("");
      } else {
        out.push(s);
      }
    }
    return out;
  }

  function parse(input, base) {
    let s = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
    const rec = { protocol: "", username: "", password: "", hostname: "", port: "", pathname: "", search: "", hash: "", opaque: false };
    const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
    let rest;
    if (schemeMatch) {
      rec.protocol = `${schemeMatch[1].toLowerCase()}:`;
      rest = s.slice(schemeMatch[0].length);
      if (base && base.protocol === rec.protocol && rec.protocol in SPECIAL && !rest.startsWith("/") && !rest.startsWith("\\")) {
        return resolveRelative(rest, base, rec);
      }
    } else {
      if (!base) throw invalidUrl(input);
      return resolveRelative(s, base, rec);
    }
    const special = rec.protocol in SPECIAL;
    if (special) rest = rest.replace(/\\/g, "/");
    const hashAt = rest.indexOf("#");
    if (hashAt >= 0) {
      rec.hash = rest.slice(hashAt);
      rest = rest.slice(0, hashAt);
    }
    const queryAt = rest.indexOf("?");
    if (queryAt >= 0) {
      rec.search = rest.slice(queryAt);
      rest = rest.slice(0, queryAt);
    }
    if (rest.startsWith("//") || (special && rec.protocol !== "file:")) {
      rest = rec.protocol === "file:" ? rest.slice(2) : rest.replace(/^\/*/, "");
      const slash = rest.indexOf("/");
      const authority = slash >= 0 ? rest.slice(0, slash) : rest;
      rest = slash >= 0 ? rest.slice(slash) : "";
      parseAuthority(authority, rec, input);
      rec.pathname = rest;
    } else if (rest.startsWith("/") || special) {
      rec.pathname = rest;
    } else {
      rec.opaque = true;
      rec.pathname = rest;
    }
    if (special && rec.protocol !== "file:" && rec.hostname === "") throw invalidUrl(input);
    return finish(rec);
  }

  function parseAuthority(authority, rec, input) {
    const at = authority.lastIndexOf("@");
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      authority = authority.slice(at + 1);
      const colon = userinfo.indexOf(":");
      rec.username = percentEncode(colon >= 0 ? userinfo.slice(0, colon) : userinfo, USERINFO_ENCODE);
      rec.password = colon >= 0 ? percentEncode(userinfo.slice(colon + 1), USERINFO_ENCODE) : "";
    }
    const portMatch = /:(\d*)$/.exec(authority);
    if (portMatch && !authority.endsWith("]")) {
      authority = authority.slice(0, portMatch.index);
      const port = portMatch[1];
      if (port !== "") {
        const n = Number(port);
        if (n > 65535) throw invalidUrl(input);
        rec.port = SPECIAL[rec.protocol] === String(n) ? "" : String(n);
      }
    }
    if (/[\s<>^|%]/.test(authority.replace(/%[0-9a-fA-F]{2}/g, "")) && !authority.startsWith("[")) throw invalidUrl(input);
    rec.hostname = rec.protocol in SPECIAL ? decodeURIComponentSafe(authority).toLowerCase() : authority;
  }

  function decodeURIComponentSafe(s) {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }

  function resolveRelative(s, base, rec) {
    rec.protocol = base.protocol;
    const special = rec.protocol in SPECIAL;
    if (special) s = s.replace(/\\/g, "/");
    if (s.startsWith("//")) return parse(`${rec.protocol}${s}`);
    rec.username = base.username;
    rec.password = base.password;
    rec.hostname = base.hostname;
    rec.port = base.port;
    const hashAt = s.indexOf("#");
    if (hashAt >= 0) {
      rec.hash = s.slice(hashAt);
      s = s.slice(0, hashAt);
    }
    const queryAt = s.indexOf("?");
    if (queryAt >= 0) {
      rec.search = s.slice(queryAt);
      s = s.slice(0, queryAt);
    }
    if (s === "") {
      rec.pathname = base.pathname;
      if (queryAt < 0) rec.search = base.search;
    } else if (s.startsWith("/")) {
      rec.pathname = s;
    } else {
      const dir = base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1);
      rec.pathname = dir + s;
    }
    return finish(rec);
  }

  function finish(rec) {
    if (!rec.opaque) {
      const segments = rec.pathname.split("/");
      if (segments[0] === "") segments.shift();
      rec.pathname = `/${removeDotSegments(segments).map((seg) => percentEncode(seg, PATH_ENCODE)).join("/")}`;
    } else {
      rec.pathname = percentEncode(rec.pathname, "");
    }
    if (rec.search === "?") rec.search = "";
    else if (rec.search) rec.search = `?${percentEncode(rec.search.slice(1), rec.protocol in SPECIAL ? SPECIAL_QUERY_ENCODE : QUERY_ENCODE)}`;
    if (rec.hash === "#") rec.hash = "";
    else if (rec.hash) rec.hash = `#${percentEncode(rec.hash.slice(1), FRAGMENT_ENCODE)}`;
    return rec;
  }

  const kRec = Symbol("url");
  const kParams = Symbol("searchParams");

  class URL {
    constructor(input, base) {
      if (arguments.length === 0) throw invalidArgType("url", "of type string", undefined);
      let baseRec;
      if (base !== undefined) baseRec = base instanceof URL ? base[kRec] : parse(String(base));
      this[kRec] = parse(input instanceof URL ? input.href : String(input), baseRec);
      this[kParams] = new URLSearchParams(this[kRec].search);
      this[kParams]._url = this;
    }
    static canParse(input, base) {
      try {
        new URL(input, base);
        return true;
      } catch {
        return false;
      }
    }
    get protocol() { return this[kRec].protocol; }
    set protocol(v) {
      const p = String(v).replace(/:.*$/, "").toLowerCase();
      if (/^[a-z][a-z0-9+.-]*$/.test(p) && ((`${p}:` in SPECIAL) === (this[kRec].protocol in SPECIAL))) this[kRec].protocol = `${p}:`;
    }
    get username() { return this[kRec].username; }
    set username(v) { this[kRec].username = percentEncode(String(v), USERINFO_ENCODE); }
    get password() { return this[kRec].password; }
    set password(v) { this[kRec].password = percentEncode(String(v), USERINFO_ENCODE); }
    get hostname() { return this[kRec].hostname; }
    set hostname(v) { if (!this[kRec].opaque) this[kRec].hostname = String(v).toLowerCase(); }
    get port() { return this[kRec].port; }
    set port(v) {
      const s = String(v);
      if (s === "") this[kRec].port = "";
      else if (/^\d+/.test(s) && Number(/^\d+/.exec(s)[0]) <= 65535) {
        const n = String(Number(/^\d+/.exec(s)[0]));
        this[kRec].port = SPECIAL[this[kRec].protocol] === n ? "" : n;
      }
    }
    get host() { return this[kRec].port ? `${this[kRec].hostname}:${this[kRec].port}` : this[kRec].hostname; }
    set host(v) {
      const m = /^([^:]*)(?::(\d*))?$/.exec(String(v));
      if (m) {
        this.hostname = m[1];
        if (m[2] !== undefined) this.port = m[2];
      }
    }
    get origin() {
      const r = this[kRec];
      if (r.protocol in SPECIAL && r.protocol !== "file:") return `${r.protocol}//${this.host}`;
      return "null";
    }
    get pathname() { return this[kRec].pathname; }
    set pathname(v) {
      if (this[kRec].opaque) return;
      const s = String(v);
      this[kRec].pathname = s.startsWith("/") ? s : `/${s}`;
      finishPath(this[kRec]);
    }
    get search() { return this[kRec].search; }
    set search(v) {
      let s = String(v);
      if (s.startsWith("?")) s = s.slice(1);
      this[kRec].search = s ? `?${percentEncode(s, this[kRec].protocol in SPECIAL ? SPECIAL_QUERY_ENCODE : QUERY_ENCODE)}` : "";
      this[kParams]._parse(this[kRec].search);
    }
    get searchParams() { return this[kParams]; }
    get hash() { return this[kRec].hash; }
    set hash(v) {
      let s = String(v);
      if (s.startsWith("#")) s = s.slice(1);
      this[kRec].hash = s ? `#${percentEncode(s, FRAGMENT_ENCODE)}` : "";
    }
    get href() {
      const r = this[kRec];
      let out = r.protocol;
      if (r.hostname !== "" || r.protocol in SPECIAL) {
        out += "//";
        if (r.username || r.password) out += `${r.username}${r.password ? `:${r.password}` : ""}@`;
        out += this.host;
      }
      return out + r.pathname + r.search + r.hash;
    }
    set href(v) {
      this[kRec] = parse(String(v));
      this[kParams]._parse(this[kRec].search);
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return "URL"; }
    [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
      const obj = {
        href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
        host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
        searchParams: this.searchParams, hash: this.hash,
      };
      return `URL ${inspect(obj, options)}`;
    }
  }

  function finishPath(rec) {
    const segments = rec.pathname.split("/");
    segments.shift();
    rec.pathname = `/${removeDotSegments(segments).map((seg) => percentEncode(seg, PATH_ENCODE)).join("/")}`;
  }

  function formEncode(s) {
    let out = "";
    for (const b of new Uint8Array(internal.binding.utf8Encode(s))) {
      const ch = String.fromCharCode(b);
      if (/[A-Za-z0-9*\-._]/.test(ch)) out += ch;
      else if (b === 0x20) out += "+";
      else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return out;
  }
  function formDecode(s) {
    const replaced = s.replace(/\+/g, " ");
    try {
      return decodeURIComponent(replaced);
    } catch {
      return replaced.replace(/%([0-9a-fA-F]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
    }
  }

  class URLSearchParams {
    constructor(init = "") {
      this._list = [];
      this._url = null;
      if (typeof init === "object" && init !== null) {
        if (typeof init[Symbol.iterator] === "function") {
          for (const pair of init) {
            const [k, v] = [...pair];
            this._list.push([String(k), String(v)]);
          }
        } else {
          for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
        }
      } else {
        this._parse(String(init));
      }
    }
    _parse(query) {
      this._list = [];
      if (query.startsWith("?")) query = query.slice(1);
      for (const part of query.split("&")) {
        if (part === "") continue;
        const eq = part.indexOf("=");
        const k = eq >= 0 ? part.slice(0, eq) : part;
        const v = eq >= 0 ? part.slice(eq + 1) : "";
        this._list.push([formDecode(k), formDecode(v)]);
      }
    }
    _update() {
      if (this._url) {
        const s = this.toString();
        this._url[kRec].search = s ? `?${s}` : "";
      }
    }
    get size() { return this._list.length; }
    append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
    delete(k, v) {
      this._list = this._list.filter(([a, b]) => !(a === String(k) && (v === undefined || b === String(v))));
      this._update();
    }
    get(k) {
      const e = this._list.find(([a]) => a === String(k));
      return e ? e[1] : null;
    }
    getAll(k) { return this._list.filter(([a]) => a === String(k)).map(([, b]) => b); }
    has(k, v) { return this._list.some(([a, b]) => a === String(k) && (v === undefined || b === String(v))); }
    set(k, v) {
      k = String(k);
      const i = this._list.findIndex(([a]) => a === k);
      if (i < 0) this._list.push([k, String(v)]);
      else {
        this._list[i][1] = String(v);
        this._list = this._list.filter(([a], j) => a !== k || j === i);
      }
      this._update();
    }
    sort() {
      this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this._update();
    }
    forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
    keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
    values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
    entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this._list.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join("&"); }
    get [Symbol.toStringTag]() { return "URLSearchParams"; }
    [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
      if (this._list.length === 0) return "URLSearchParams {}";
      return `URLSearchParams { ${this._list.map(([k, v]) => `${inspect(k)} => ${inspect(v)}`).join(", ")} }`;
    }
  }

  function fileURLToPath(url) {
    const u = typeof url === "string" ? new URL(url) : url;
    if (!(u instanceof URL)) throw invalidArgType("path", "of type string or an instance of URL", url);
    if (u.protocol !== "file:") throw coded(TypeError, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
    if (u.hostname !== "") throw coded(TypeError, "ERR_INVALID_FILE_URL_HOST", 'File URL host must be "localhost" or empty on linux');
    if (/%2f/i.test(u.pathname)) throw coded(TypeError, "ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters");
    return decodeURIComponent(u.pathname);
  }

  function pathToFileURL(p) {
    const path = require("path");
    let resolved = path.resolve(p);
    if (p.endsWith("/") && !resolved.endsWith("/")) resolved += "/";
    const u = new URL("file://");
    u.pathname = resolved.replace(/%/g, "%25").replace(/\\/g, "%5C").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/\t/g, "%09");
    return u;
  }

  function legacyParse(str, parseQuery) {
    const out = {
      protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null, search: null,
      query: null, pathname: null, path: null, href: str,
    };
    let rest = str;
    const proto = /^([a-z0-9.+-]+:)/i.exec(rest);
    if (proto) {
      out.protocol = proto[1].toLowerCase();
      rest = rest.slice(proto[1].length);
    }
    const hashAt = rest.indexOf("#");
    if (hashAt >= 0) {
      out.hash = rest.slice(hashAt);
      rest = rest.slice(0, hashAt);
    }
    const qAt = rest.indexOf("?");
    if (qAt >= 0) {
      out.search = rest.slice(qAt);
      out.query = rest.slice(qAt + 1);
      rest = rest.slice(0, qAt);
    } else if (parseQuery) {
      out.search = "";
      out.query = {};
    }
    if (parseQuery && typeof out.query === "string") out.query = require("querystring").parse(out.query);
    if (rest.startsWith("//")) {
      out.slashes = true;
      rest = rest.slice(2);
      const slash = rest.indexOf("/");
      let host = slash >= 0 ? rest.slice(0, slash) : rest;
      rest = slash >= 0 ? rest.slice(slash) : "";
      const at = host.lastIndexOf("@");
      if (at >= 0) {
        out.auth = decodeURIComponent(host.slice(0, at));
        host = host.slice(at + 1);
      }
      out.host = host.toLowerCase();
      const m = /^(.*?)(?::(\d+))?$/.exec(out.host);
      out.hostname = m[1];
      out.port = m[2] || null;
      if (rest === "" && out.protocol in SPECIAL) rest = "/";
    }
    out.pathname = rest || (out.slashes ? "/" : null);
    out.path = (out.pathname || "") + (out.search || "") || null;
    out.href = legacyFormat(out);
    return out;
  }

  function legacyFormat(obj) {
    if (typeof obj === "string") obj = legacyParse(obj);
    if (obj instanceof URL) return obj.href;
    let out = obj.protocol || "";
    if (obj.slashes || obj.host || obj.hostname) out += "//";
    if (obj.auth) out += `${encodeURIComponent(obj.auth).replace(/%3A/i, ":")}@`;
    out += obj.host || (obj.hostname ? obj.hostname + (obj.port ? `:${obj.port}` : "") : "");
    out += obj.pathname || "";
    let search = obj.search || "";
    if (!search && obj.query && typeof obj.query === "object") {
      const q = require("querystring").stringify(obj.query);
      if (q) search = `?${q}`;
    }
    out += search + (obj.hash || "");
    return out;
  }

  function legacyResolve(from, to) {
    return new URL(to, new URL(from, "resolve://")).href.replace(/^resolve:\/\/\/?/, "");
  }

  module.exports = {
    URL, URLSearchParams, fileURLToPath, pathToFileURL,
    parse: legacyParse, format: legacyFormat, resolve: legacyResolve,
    domainToASCII: (d) => String(d).toLowerCase(), domainToUnicode: (d) => String(d),
  };
});
