/*
 * `path`: the POSIX flavour of Node's path module (also `path.posix`;
 * `path.win32` is the same object, since guests only ever see POSIX paths).
 */
(function (exports, require, module, internal) {
  "use strict";
  const { validateString } = require("internal/errors");

  function normalizeString(path, allowAboveRoot) {
    let res = "";
    let lastSegmentLength = 0;
    let lastSlash = -1;
    let dots = 0;
    let code = 0;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path.charCodeAt(i);
      else if (code === 47) break;
      else code = 47;
      if (code === 47) {
        if (lastSlash === i - 1 || dots === 1) {
          // empty segment or "."
        } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const lastSlashIndex = res.lastIndexOf("/");
              if (lastSlashIndex === -1) {
                res = "";
                lastSegmentLength = 0;
              } else {
                res = res.slice(0, lastSlashIndex);
                lastSegmentLength = res.length - 1 - res.lastIndexOf("/");
              }
              lastSlash = i;
              dots = 0;
              continue;
            } else if (res.length !== 0) {
              res = "";
              lastSegmentLength = 0;
              lastSlash = i;
              dots = 0;
              continue;
            }
          }
          if (allowAboveRoot) {
            res += res.length > 0 ? "/.." : "..";
            lastSegmentLength = 2;
          }
        } else {
          if (res.length > 0) res += "/" + path.slice(lastSlash + 1, i);
          else res = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i;
        dots = 0;
      } else if (code === 46 && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return res;
  }

  const path = {
    sep: "/",
    delimiter: ":",
    resolve(...args) {
      let resolved = "";
      let absolute = false;
      for (let i = args.length - 1; i >= -1 && !absolute; i--) {
        const p = i >= 0 ? args[i] : process.cwd();
        validateString(p, `paths[${i}]`);
        if (p.length === 0) continue;
        resolved = `${p}/${resolved}`;
        absolute = p.charCodeAt(0) === 47;
      }
      resolved = normalizeString(resolved, !absolute);
      if (absolute) return `/${resolved}`;
      return resolved.length > 0 ? resolved : ".";
    },
    normalize(p) {
      validateString(p, "path");
      if (p.length === 0) return ".";
      const absolute = p.charCodeAt(0) === 47;
      const trailing = p.charCodeAt(p.length - 1) === 47;
      let out = normalizeString(p, !absolute);
      if (out.length === 0) {
        if (absolute) return "/";
        return trailing ? "./" : ".";
      }
      if (trailing) out += "/";
      return absolute ? `/${out}` : out;
    },
    isAbsolute(p) {
      validateString(p, "path");
      return p.length > 0 && p.charCodeAt(0) === 47;
    },
    join(...args) {
      if (args.length === 0) return ".";
      let joined;
      for (let i = 0; i < args.length; ++i) {
        validateString(args[i], "path");
        if (args[i].length > 0) joined = joined === undefined ? args[i] : `${joined}/${args[i]}`;
      }
      return joined === undefined ? "." : path.normalize(joined);
    },
    relative(from, to) {
      validateString(from, "from");
      validateString(to, "to");
      if (from === to) return "";
      from = path.resolve(from);
      to = path.resolve(to);
      if (from === to) return "";
      const fromParts = from === "/" ? [] : from.slice(1).split("/");
      const toParts = to === "/" ? [] : to.slice(1).split("/");
      let i = 0;
      while (i < fromParts.length && i < toParts.length && fromParts[i] === toParts[i]) i++;
      const up = fromParts.slice(i).map(() => "..");
      return up.concat(toParts.slice(i)).join("/");
    },
    toNamespacedPath(p) { return p; },
    dirname(p) {
      validateString(p, "path");
      if (p.length === 0) return ".";
      const hasRoot = p.charCodeAt(0) === 47;
      let end = -1;
      let matchedSlash = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) {
          if (!matchedSlash) { end = i; break; }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) return hasRoot ? "/" : ".";
      if (hasRoot && end === 1) return "//";
      return p.slice(0, end);
    },
    basename(p, suffix) {
      validateString(p, "path");
      if (suffix !== undefined) validateString(suffix, "suffix");
      let end = p.length;
      while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
      let start = p.lastIndexOf("/", end - 1) + 1;
      let base = p.slice(start, end);
      if (base === "" && p.charCodeAt(0) === 47) return "";
      if (suffix !== undefined && suffix.length > 0 && suffix.length < base.length + 1 && base.endsWith(suffix) && base !== suffix) {
        base = base.slice(0, base.length - suffix.length);
      }
      return base;
    },
    extname(p) {
      validateString(p, "path");
      const base = path.basename(p);
      const dot = base.lastIndexOf(".");
      if (dot <= 0 || dot === base.length - 1 && base === "..") return "";
      if (base === "..") return "";
      return base.slice(dot);
    },
    format(obj) {
      if (obj === null || typeof obj !== "object") {
        throw require("internal/errors").invalidArgType("pathObject", "of type object", obj);
      }
      const dir = obj.dir || obj.root;
      const base = obj.base || `${obj.name || ""}${obj.ext ? (obj.ext[0] === "." ? "" : ".") + obj.ext : ""}`;
      if (!dir) return base;
      return dir === obj.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    parse(p) {
      validateString(p, "path");
      const ret = { root: "", dir: "", base: "", ext: "", name: "" };
      if (p.length === 0) return ret;
      if (p.charCodeAt(0) === 47) ret.root = "/";
      let end = p.length;
      while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
      const trimmed = p.slice(0, end);
      ret.base = path.basename(trimmed);
      ret.ext = path.extname(ret.base);
      ret.name = ret.ext ? ret.base.slice(0, ret.base.length - ret.ext.length) : ret.base;
      const dir = path.dirname(trimmed);
      ret.dir = trimmed.includes("/") ? dir : "";
      if (ret.base === "" && ret.root === "/") ret.dir = "/";
      return ret;
    },
    matchesGlob(p, pattern) {
      const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*\/?/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]").replace(/\u0000/g, ".*")}$`);
      return re.test(p);
    },
  };
  path.posix = path;
  path.win32 = path;
  module.exports = path;
});
