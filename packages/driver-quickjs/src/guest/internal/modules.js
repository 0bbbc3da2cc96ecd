/*
 * The CommonJS loader (`module`) and the ES module resolver. CommonJS
 * follows Node's algorithm over the kernel's file system: built-ins (with
 * or without `node:`), relative and absolute paths with `.js`/`.json`/
 * `.cjs` and `index` files, package.json `main` and `exports`, and
 * `node_modules` lookup up the directory tree. ES modules (.mjs, or .js in
 * a `"type": "module"` package) are resolved the same way and loaded by
 * QuickJS through `esmResolve`/`esmSource`; a CommonJS file imported from
 * ESM is wrapped so that its exports become named exports.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const path = require("path");
  const { coded } = require("internal/errors");
  const tracker = require("internal/promise-tracker");
  const { binding } = internal;

  const BUILTINS = [
    "assert", "assert/strict", "buffer", "child_process", "console", "events", "fs", "fs/promises", "module", "os", "path",
    "path/posix", "process", "querystring", "readline", "readline/promises", "stream", "stream/promises", "string_decoder",
    "timers", "timers/promises", "tty", "url", "util", "util/types", "crypto",
  ];
  const builtinSet = new Set(BUILTINS);
  const sources = Object.create(null);
  internal.sources = sources;
  /** Column offsets of line 1 in ES modules, whose source esmSource prefixes with import.meta set-up. */
  internal.lineOneOffsets = Object.create(null);

  function builtinId(request) {
    const id = request.startsWith("node:") ? request.slice(5) : request;
    return builtinSet.has(id) ? id : null;
  }

  function loadBuiltin(id) {
    switch (id) {
      case "process": return process;
      case "console": return require("internal/console").module;
      case "module": return Module;
      case "path/posix": return require("path").posix;
      case "stream/promises": return require("stream").promises;
      case "util/types": return require("util").types;
      default: return require(id);
    }
  }

  function probe(p) {
    return sys.call("probe", { path: p });
  }

  function readText(p) {
    return binding.utf8Decode(sys.call("readFile", { path: p }));
  }

  const packageCache = new Map();
  function readPackage(dir) {
    if (packageCache.has(dir)) return packageCache.get(dir);
    let pkg = null;
    const file = `${dir === "/" ? "" : dir}/package.json`;
    if (probe(file) === "file") {
      try {
        pkg = JSON.parse(readText(file));
      } catch (err) {
        err.message = `Invalid package config ${file}.\n${err.message}`;
        throw err;
      }
    }
    packageCache.set(dir, pkg);
    return pkg;
  }

  function packageScope(file) {
    let dir = path.dirname(file);
    for (;;) {
      if (!dir.endsWith("/node_modules")) {
        const pkg = readPackage(dir);
        if (pkg) return pkg;
      }
      if (dir === "/") return null;
      dir = path.dirname(dir);
    }
  }

  function isEsmFile(file) {
    if (file.endsWith(".mjs")) return true;
    if (file.endsWith(".cjs") || file.endsWith(".json")) return false;
    const pkg = packageScope(file);
    return Boolean(pkg && pkg.type === "module");
  }

  const EXTENSIONS = [".js", ".json", ".cjs", ".mjs"];

  function tryFile(p) {
    return probe(p) === "file" ? p : null;
  }

  function tryExtensions(p) {
    for (const ext of EXTENSIONS) {
      const f = tryFile(p + ext);
      if (f) return f;
    }
    return null;
  }

  function tryDirectory(dir) {
    const pkg = readPackage(dir);
    if (pkg && typeof pkg.main === "string" && pkg.main !== "") {
      const main = path.resolve(dir, pkg.main);
      const found = tryFile(main) || tryExtensions(main) || tryExtensions(`${main}/index`);
      if (found) return found;
    }
    return tryExtensions(`${dir}/index`);
  }

  function resolveExportsTarget(target, conditions) {
    if (typeof target === "string") return target;
    if (Array.isArray(target)) {
      for (const t of target) {
        const r = resolveExportsTarget(t, conditions);
        if (r) return r;
      }
      return null;
    }
    if (target && typeof target === "object") {
      for (const key of Object.keys(target)) {
        if (key === "default" || conditions.includes(key)) {
          const r = resolveExportsTarget(target[key], conditions);
          if (r) return r;
        }
      }
    }
    return null;
  }

  function resolvePackageExports(dir, pkg, subpath, conditions, request) {
    let exportsField = pkg.exports;
    if (typeof exportsField === "string" || Array.isArray(exportsField) || (exportsField && Object.keys(exportsField).every((k) => !k.startsWith(".")))) {
      exportsField = { ".": exportsField };
    }
    let target = null;
    if (Object.prototype.hasOwnProperty.call(exportsField, subpath)) {
      target = resolveExportsTarget(exportsField[subpath], conditions);
    } else {
      for (const key of Object.keys(exportsField)) {
        const star = key.indexOf("*");
        if (star < 0) continue;
        const prefix = key.slice(0, star);
        const suffix = key.slice(star + 1);
        if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
          const match = subpath.slice(prefix.length, subpath.length - suffix.length);
          const t = resolveExportsTarget(exportsField[key], conditions);
          if (t) target = t.replace(/\*/g, match);
          break;
        }
      }
    }
    if (target === null) {
      throw coded(Error, "ERR_PACKAGE_PATH_NOT_EXPORTED", subpath === "." ? `No "exports" main defined in ${dir}/package.json` : `Package subpath '${subpath}' is not defined by "exports" in ${dir}/package.json imported from ${request}`);
    }
    return path.resolve(dir, target);
  }

  function notFound(request, parentFile, requireStack) {
    let msg = `Cannot find module '${request}'`;
    if (requireStack.length > 0) msg += `\nRequire stack:\n- ${requireStack.join("\n- ")}`;
    const err = new Error(msg);
    err.code = "MODULE_NOT_FOUND";
    err.requireStack = requireStack;
    return err;
  }

  /** Resolves `request` from the file `parentFile` (or a directory when it ends in "/"). */
  function resolveFile(request, parentFile, conditions, requireStack = []) {
    const baseDir = parentFile.endsWith("/") ? parentFile.slice(0, -1) || "/" : path.dirname(parentFile);
    if (request.startsWith("file://")) request = require("url").fileURLToPath(request);
    if (request.startsWith("./") || request.startsWith("../") || request.startsWith("/") || request === "." || request === "..") {
      const abs = path.resolve(baseDir, request);
      const found = (request.endsWith("/") ? null : tryFile(abs) || tryExtensions(abs)) || (probe(abs) === "directory" ? tryDirectory(abs) : null);
      if (found) return found;
      throw notFound(request, parentFile, requireStack);
    }
    const parts = request.split("/");
    const nameLength = request.startsWith("@") ? 2 : 1;
    const name = parts.slice(0, nameLength).join("/");
    const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join("/")}` : ".";
    let dir = baseDir;
    for (;;) {
      if (!dir.endsWith("/node_modules")) {
        const pkgDir = `${dir === "/" ? "" : dir}/node_modules/${name}`;
        if (probe(pkgDir) === "directory") {
          const pkg = readPackage(pkgDir);
          if (pkg && pkg.exports !== undefined && pkg.exports !== null) return resolvePackageExports(pkgDir, pkg, subpath, conditions, parentFile);
          const abs = subpath === "." ? pkgDir : `${pkgDir}/${subpath.slice(2)}`;
          const found = (subpath === "." ? null : tryFile(abs) || tryExtensions(abs)) || (probe(abs) === "directory" ? tryDirectory(abs) : null);
          if (found) return found;
        }
      }
      if (dir === "/") break;
      dir = path.dirname(dir);
    }
    throw notFound(request, parentFile, requireStack);
  }

  function nodeModulePaths(from) {
    const out = [];
    let dir = path.resolve(from);
    for (;;) {
      if (!dir.endsWith("/node_modules")) out.push(`${dir === "/" ? "" : dir}/node_modules`);
      if (dir === "/") break;
      dir = path.dirname(dir);
    }
    return out;
  }

  function stripShebang(content) {
    return content.startsWith("#!") ? `//${content.slice(2)}` : content;
  }

  class Module {
    constructor(id = "", parent = null) {
      this.id = id;
      this.path = path.dirname(id || "/");
      this.exports = {};
      this.filename = null;
      this.loaded = false;
      this.children = [];
      this.paths = [];
      Object.defineProperty(this, "parent", { value: parent, writable: true, enumerable: false, configurable: true });
      if (parent && parent.children) parent.children.push(this);
    }
    require(request) {
      if (typeof request !== "string") throw require("internal/errors").invalidArgType("id", "of type string", request);
      if (request === "") throw coded(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''");
      return Module._load(request, this);
    }
    _compile(content, filename) {
      sources[filename] = content;
      const source = `(function (exports, require, module, __filename, __dirname) {${stripShebang(content)}\n})`;
      const wrapper = binding.compile(tracker.prepareSource(source, filename, false), filename);
      const req = makeRequire(this);
      return wrapper.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
    }
  }

  Module._cache = Object.create(null);
  Module.builtinModules = BUILTINS.slice();
  Module.isBuiltin = (name) => builtinId(name) !== null;
  Module._extensions = Object.create(null);
  Module._extensions[".js"] = function (module, filename) {
    if (isEsmFile(filename)) {
      throw coded(Error, "ERR_REQUIRE_ESM", `require() of ES Module ${filename} not supported.\nInstead change the require of ${path.basename(filename)} to a dynamic import() which is available in all CommonJS modules.`);
    }
    module._compile(readText(filename), filename);
  };
  Module._extensions[".cjs"] = function (module, filename) {
    module._compile(readText(filename), filename);
  };
  Module._extensions[".mjs"] = function (module, filename) {
    throw coded(Error, "ERR_REQUIRE_ESM", `require() of ES Module ${filename} not supported.\nInstead change the require of ${path.basename(filename)} to a dynamic import() which is available in all CommonJS modules.`);
  };
  Module._extensions[".json"] = function (module, filename) {
    const content = readText(filename);
    try {
      module.exports = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
  };

  function requireStackOf(parent) {
    const stack = [];
    for (let m = parent; m && m.filename; m = m.parent) stack.push(m.filename);
    return stack;
  }

  Module._resolveFilename = function (request, parent, isMain, options) {
    if (builtinId(request) !== null) return request.startsWith("node:") ? request : request;
    if (request.startsWith("node:")) {
      throw coded(Error, "ERR_UNKNOWN_BUILTIN_MODULE", `No such built-in module: ${request}`);
    }
    if (options && Array.isArray(options.paths)) {
      for (const p of options.paths) {
        try {
          return resolveFile(request, `${path.resolve(p)}/`, ["require", "node"]);
        } catch (err) {
          if (err.code !== "MODULE_NOT_FOUND") throw err;
        }
      }
      throw notFound(request, parent && parent.filename, requireStackOf(parent));
    }
    const from = parent && parent.filename ? parent.filename : `${process.cwd()}/`;
    return resolveFile(request, from, ["require", "node"], requireStackOf(parent));
  };

  Module._load = function (request, parent, isMain) {
    const id = builtinId(request);
    if (id !== null) return loadBuiltin(id);
    const filename = Module._resolveFilename(request, parent, isMain);
    const cached = Module._cache[filename];
    if (cached) return cached.exports;
    const module = new Module(filename, parent);
    module.filename = filename;
    module.paths = nodeModulePaths(path.dirname(filename));
    if (isMain) {
      process.mainModule = module;
      module.id = ".";
      makeRequire.main = module;
    }
    Module._cache[filename] = module;
    let threw = true;
    try {
      const ext = path.extname(filename);
      (Module._extensions[ext] || Module._extensions[".js"])(module, filename);
      threw = false;
    } finally {
      if (threw) delete Module._cache[filename];
    }
    module.loaded = true;
    return module.exports;
  };

  function makeRequire(mod) {
    const req = function require(request) {
      return mod.require(request);
    };
    req.resolve = function resolve(request, options) {
      if (builtinId(request) !== null) return request;
      return Module._resolveFilename(request, mod, false, options);
    };
    req.resolve.paths = (request) => (builtinId(request) !== null ? null : nodeModulePaths(mod.path));
    req.cache = Module._cache;
    req.extensions = Module._extensions;
    Object.defineProperty(req, "main", { get: () => makeRequire.main, enumerable: true });
    return req;
  }
  makeRequire.main = undefined;

  Module.createRequire = function createRequire(filename) {
    let file = typeof filename === "string" ? filename : String(filename);
    if (file.startsWith("file:")) file = require("url").fileURLToPath(file);
    if (!path.isAbsolute(file)) {
      throw coded(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received '${filename}'`);
    }
    const m = new Module(file, null);
    m.filename = file.endsWith("/") ? `${file}noop.js` : file;
    m.paths = nodeModulePaths(path.dirname(m.filename));
    return makeRequire(m);
  };
  Module.Module = Module;
  Module.wrap = (script) => `(function (exports, require, module, __filename, __dirname) { ${script}\n});`;

  // ---- ES modules -------------------------------------------------------

  function esmResolve(base, request) {
    const id = builtinId(request);
    if (id !== null) return `node:${id}`;
    if (request.startsWith("node:")) throw coded(Error, "ERR_UNKNOWN_BUILTIN_MODULE", `No such built-in module: ${request}`);
    const from = base && base.startsWith("/") ? base : `${process.cwd()}/`;
    try {
      return resolveFile(request, from, ["import", "node"]);
    } catch (err) {
      if (err.code === "MODULE_NOT_FOUND") {
        const e = new Error(`Cannot find ${request.startsWith(".") || request.startsWith("/") ? "module" : "package"} '${request.startsWith(".") ? path.resolve(path.dirname(from), request) : request}' imported from ${from}`);
        e.code = "ERR_MODULE_NOT_FOUND";
        throw e;
      }
      throw err;
    }
  }

  const identifierRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const reserved = new Set(["default", "await", "yield", "let", "static", "enum", "implements", "interface", "package", "private", "protected", "public", "arguments", "eval", "break", "case", "catch", "class", "const", "continue", "debugger", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "null", "true", "false"]);

  function reexportSource(expr, value) {
    let src = `const m = ${expr};\nexport default m;\n`;
    if (value !== null && (typeof value === "object" || typeof value === "function")) {
      for (const key of Object.keys(value)) {
        if (identifierRe.test(key) && !reserved.has(key)) src += `export const ${key} = m.${key};\n`;
      }
    }
    return src;
  }

  function esmSource(name) {
    if (name.startsWith("node:")) {
      const id = name.slice(5);
      return reexportSource(`globalThis[Symbol.for("secure-exec.builtin")](${JSON.stringify(id)})`, loadBuiltin(id));
    }
    if (name.endsWith(".json")) return `export default ${readText(name)};`;
    if (!isEsmFile(name)) {
      const value = Module._load(name, null, false);
      return reexportSource(`globalThis[Symbol.for("secure-exec.require")](${JSON.stringify(name)})`, value);
    }
    const content = readText(name);
    sources[name] = content;
    const url = require("url").pathToFileURL(name).href;
    const meta = `import.meta.url=${JSON.stringify(url)};import.meta.filename=${JSON.stringify(name)};import.meta.dirname=${JSON.stringify(path.dirname(name))};import.meta.resolve=(s)=>globalThis[Symbol.for("secure-exec.resolve")](${JSON.stringify(name)},s);`;
    internal.lineOneOffsets[name] = meta.length;
    return tracker.prepareSource(meta + stripShebang(content), name, true);
  }

  Object.defineProperty(globalThis, Symbol.for("secure-exec.builtin"), { value: loadBuiltin });
  Object.defineProperty(globalThis, Symbol.for("secure-exec.require"), { value: (file) => Module._load(file, null, false) });
  Object.defineProperty(globalThis, Symbol.for("secure-exec.resolve"), {
    value: (base, spec) => {
      const r = esmResolve(base, spec);
      return r.startsWith("node:") ? r : require("url").pathToFileURL(r).href;
    },
  });

  module.exports = { Module, makeRequire, esmResolve, esmSource, isEsmFile, builtinId, stripShebang, resolveFile };
});
