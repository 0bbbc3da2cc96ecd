/*
 * The CommonJS loader (`module`) and the ES module resolver. CommonJS
 * follows Node's algorithm over the kernel's file system: built-ins (with
 * or without `node:`), relative and absolute paths with `.js`/`.json`/
 * `.cjs` and `index` files, package.json `main` and `exports`, and
 * `node_modules` lookup up the directory tree. ES modules (.mjs, or .js in
 * a `"type": "module"` package) are resolved the same way and loaded by
 * QuickJS through `esmResolve`/`esmSource` under their file: URLs (the
 * names stack traces show, as in Node); a CommonJS file imported from ESM is
 * wrapped so that its exports become named exports. As in Node 20.19+, a
 * .js or extensionless file with no "type" in its package scope that fails to
 * compile as CommonJS because of module syntax is run as an ES module (checked
 * only after the CommonJS compile failed), and `require` of an ES module
 * without top-level await returns its namespace.
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
  /** Column offsets of line 1: CommonJS files are compiled inside the wrapper, ES modules after their import.meta set-up. */
  internal.lineOneOffsets = Object.create(null);
  /** Text Node prints above errors thrown in its own code (the internal line and its caret), by error. */
  internal.throwSites = new WeakMap();
  /** The runtime's own functions whose stack frames read as the Node frames these give (see globals.js). */
  internal.nodeFrames ??= new WeakMap();
  const CJS_LOADER = "node:internal/modules/cjs/loader";
  const REQUIRE_FRAMES = () => ["require (node:internal/modules/helpers:182:18)"];
  const ESM_NOT_FOUND_FRAMES = [
    "finalizeResolution (node:internal/modules/esm/resolve:283:11)",
    "moduleResolve (node:internal/modules/esm/resolve:952:10)",
    "defaultResolve (node:internal/modules/esm/resolve:1188:11)",
    "ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)",
    "#cachedDefaultResolve (node:internal/modules/esm/loader:657:25)",
    "ModuleLoader.resolve (node:internal/modules/esm/loader:640:38)",
    "ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:264:38)",
    "ModuleJob._link (node:internal/modules/esm/module_job:168:49)",
  ].map((f) => `    at ${f}`).join("\n");
  /** Where compile errors are, for the report: the file's name and source, and the line, column and length V8 underlines. */
  internal.errorSites = new WeakMap();
  /** The wrapper functions of CommonJS modules, whose frames V8 shows as "Object.<anonymous>". */
  internal.moduleWrappers = new WeakSet();
  const WRAPPER_PREFIX = "(function (exports, require, module, __filename, __dirname) {";

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
    if (!file.startsWith("/")) return null;
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

  /** Files found to hold ES module syntax though nothing declares them modules (syntax detection). */
  const detectedModules = new Set();

  function isEsmFile(file) {
    if (file.endsWith(".mjs")) return true;
    if (file.endsWith(".cjs") || file.endsWith(".json")) return false;
    if (detectedModules.has(file)) return true;
    const pkg = packageScope(file);
    return Boolean(pkg && pkg.type === "module");
  }

  /** Whether Node would detect module syntax in `file`: not .cjs/.json/.mjs, and no "type" in its package scope. */
  function mayDetectModule(file) {
    if (file.endsWith(".cjs") || file.endsWith(".json") || file.endsWith(".mjs")) return false;
    const pkg = packageScope(file);
    return !pkg || (pkg.type !== "module" && pkg.type !== "commonjs");
  }

  /**
   * After `content` failed to compile as CommonJS with `err`: whether Node would run it as an ES
   * module instead — the failure is a SyntaxError and the source parses as a module, or the
   * CommonJS parse stopped at an `import`/`export` statement or `import.meta` (the module's own
   * error is then the one reported). Only ever called once the CommonJS compile has failed.
   */
  function isModuleSyntaxFailure(err, content) {
    return err instanceof SyntaxError && binding.moduleSyntax(content) !== 2;
  }

  /**
   * A SyntaxError the engine raised compiling `content` (named `name`), made to read as V8's: its
   * message, and the site of the error kept for the report (V8's stack has no frame for it).
   */
  function explainSyntaxError(err, content, name, isModule, functionBody) {
    if (!(err instanceof SyntaxError) || internal.errorSites.has(err)) return err;
    const json = binding.syntaxError(stripShebang(content), isModule, functionBody);
    if (json === undefined) return err;
    const [line, col, length, message] = JSON.parse(json);
    const head = `${err.name}: ${err.message}`;
    err.message = message;
    if (typeof err.stack === "string" && err.stack.startsWith(head)) {
      let rest = err.stack.slice(head.length);
      const frame = `\n    at ${name}:`;
      if (rest.startsWith(frame)) rest = rest.slice(rest.indexOf("\n", 1) === -1 ? rest.length : rest.indexOf("\n", 1));
      err.stack = `SyntaxError: ${message}${rest}`;
    }
    internal.errorSites.set(err, { file: name, source: content, line, col, length });
    return err;
  }

  /** A SyntaxError from compiling an ES module (the entry or one it imports), explained by explainSyntaxError when its source is known. */
  function explainModuleSyntaxError(err) {
    if (!(err instanceof SyntaxError) || typeof err.stack !== "string") return err;
    const m = /^\s+at (.+?):\d+:\d+$/m.exec(err.stack);
    if (m === null || typeof sources[m[1]] !== "string") return err;
    return explainSyntaxError(err, sources[m[1]], m[1], true, false);
  }

  /** Whether `file` (which may be detected) holds ES module syntax; compiles it as CommonJS to see. */
  function detectModuleFile(file, content) {
    if (detectedModules.has(file)) return true;
    const source = `${WRAPPER_PREFIX}${stripShebang(content)}\n})`;
    try {
      binding.checkSyntax(source, file, false);
      return false;
    } catch (err) {
      if (!isModuleSyntaxFailure(err, content)) return false;
    }
    detectedModules.add(file);
    return true;
  }

  /** The package.json that holds `file`'s scope (for warnings), or null. */
  function packageJsonOf(file) {
    if (!file.startsWith("/")) return null;
    let dir = path.dirname(file);
    for (;;) {
      if (!dir.endsWith("/node_modules") && readPackage(dir)) return `${dir === "/" ? "" : dir}/package.json`;
      if (dir === "/") return null;
      dir = path.dirname(dir);
    }
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
    internal.throwSites.set(err, "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n");
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
      internal.lineOneOffsets[filename] = WRAPPER_PREFIX.length;
      const source = `${WRAPPER_PREFIX}${stripShebang(content)}\n})`;
      let wrapper;
      try {
        wrapper = binding.compile(tracker.prepareSource(source, filename, false), filename);
      } catch (err) {
        if (!mayDetectModule(filename) || !isModuleSyntaxFailure(err, content)) {
          if (err instanceof SyntaxError && this.id === "." && binding.moduleSyntax(content) !== 2) {
            // Printed at once, as Node does, since the error that follows ends the process.
            require("internal/process").printWarning("Warning", 'To load an ES module, set "type": "module" in the package.json or use the .mjs extension.');
          }
          throw explainSyntaxError(err, content, filename, false, true);
        }
        detectedModules.add(filename);
        loadModuleFromCommonJs(this, filename);
        return undefined;
      }
      internal.moduleWrappers.add(wrapper);
      const req = makeRequire(this);
      return wrapper.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
    }
  }

  Module._cache = Object.create(null);
  Module._nodeModulePaths = nodeModulePaths;
  Module.builtinModules = BUILTINS.slice();
  Module.isBuiltin = (name) => builtinId(name) !== null;
  Module._extensions = Object.create(null);
  Module._extensions[".js"] = function (module, filename) {
    if (isEsmFile(filename)) {
      loadModuleFromCommonJs(module, filename);
      return;
    }
    module._compile(readText(filename), filename);
  };
  Module._extensions[".cjs"] = function (module, filename) {
    module._compile(readText(filename), filename);
  };
  Module._extensions[".mjs"] = function (module, filename) {
    loadModuleFromCommonJs(module, filename);
  };

  /**
   * An ES module reached through the CommonJS loader: the main module is handed back to the
   * entry code (internal.esmMain), which runs it as an ES module entry; anything else is
   * `require(esm)`, whose exports are the module's namespace.
   */
  function loadModuleFromCommonJs(module, filename) {
    if (module.id === ".") {
      delete Module._cache[filename];
      process.mainModule = undefined;
      makeRequire.main = undefined;
      internal.esmMain = filename;
      return;
    }
    module.exports = requireModule(filename, module.parent);
  }

  let syntheticModules = 0;

  /** Evaluates a module made here (no file of its own) and returns its namespace, or a promise when it awaits. */
  function evalSynthetic(source) {
    return binding.evalModule(source, `node:internal/require-esm/${++syntheticModules}`);
  }

  /** `require` of an ES module: its namespace (with `__esModule` when it has a default export), as Node 20.19+ does. */
  function requireModule(filename, parent) {
    const url = JSON.stringify(fileUrlOf(filename));
    const asyncModule = () => {
      const from = parent && parent.filename ? parent.filename : `${process.cwd()}/[eval]`;
      return coded(Error, "ERR_REQUIRE_ASYNC_MODULE", `require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From ${from} \n  Requiring ${filename} `);
    };
    // Node refuses before running anything; the module's own top-level await is found the same way (one it imports is found only once it runs).
    if (binding.hasTopLevelAwait(readText(filename))) throw asyncModule();
    const result = evalSynthetic(`import * as ns from ${url};\nexport default ns;\n`);
    if (Object.prototype.toString.call(result) !== "[object Module]") {
      if (result && typeof result === "object") tracker.markHandled(result);
      throw asyncModule();
    }
    const ns = result.default;
    if (Object.prototype.hasOwnProperty.call(ns, "module.exports")) return ns["module.exports"];
    if (!("default" in ns) || "__esModule" in ns) return ns;
    return evalSynthetic(`export * from ${url};\nexport { default } from ${url};\nexport const __esModule = true;\n`);
  }
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
    internal.nodeFrames.set(req, REQUIRE_FRAMES);
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

  /** The file: URL of an absolute path, as ES modules are named. */
  function fileUrlOf(file) {
    return require("url").pathToFileURL(file).href;
  }

  /** The path of a module name: a file: URL's path, or the name itself. */
  function pathOfName(name) {
    return name.startsWith("file:") ? require("url").fileURLToPath(name) : name;
  }

  /** Resolves `request` imported by the module named `base`; returns the imported module's name (a file: URL, or node:id). */
  function esmResolve(base, request) {
    const id = builtinId(request);
    if (id !== null) return `node:${id}`;
    if (request.startsWith("node:")) throw coded(Error, "ERR_UNKNOWN_BUILTIN_MODULE", `No such built-in module: ${request}`);
    const basePath = base ? pathOfName(base) : "";
    const from = basePath.startsWith("/") ? basePath : `${process.cwd()}/`;
    try {
      return fileUrlOf(resolveFile(request, from, ["import", "node"]));
    } catch (err) {
      if (err.code === "MODULE_NOT_FOUND") {
        const relative = request.startsWith(".") || request.startsWith("/");
        const target = relative ? path.resolve(from.endsWith("/") ? from : path.dirname(from), request) : request;
        const e = coded(Error, "ERR_MODULE_NOT_FOUND", `Cannot find ${relative ? "module" : "package"} '${target}' imported from ${from}`);
        if (relative) e.url = fileUrlOf(target);
        // Node's own frames for an import it cannot resolve, and the line in its resolver that throws.
        e.stack = `Error [ERR_MODULE_NOT_FOUND]: ${e.message}\n${ESM_NOT_FOUND_FRAMES}`;
        internal.throwSites.set(e, "node:internal/modules/esm/resolve:283\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n");
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

  /** The source of the module named `name` (a file: URL or node:id), for QuickJS to compile. */
  function esmSource(name) {
    if (name.startsWith("node:")) {
      const id = name.slice(5);
      return reexportSource(`globalThis[Symbol.for("secure-exec.builtin")](${JSON.stringify(id)})`, loadBuiltin(id));
    }
    const file = pathOfName(name);
    if (file.endsWith(".json")) return `export default ${readText(file)};`;
    let content;
    if (!isEsmFile(file)) {
      if (mayDetectModule(file)) content = readText(file);
      if (content === undefined || !detectModuleFile(file, content)) {
            const value = Module._load(file, null, false);
        return reexportSource(`globalThis[Symbol.for("secure-exec.require")](${JSON.stringify(file)})`, value);
      }
    }
    return moduleSource(name, file, content === undefined ? readText(file) : content);
  }

  /** ES module source `content` of the module `url` at `file`, prefixed with its import.meta set-up and made ready to compile. */
  function moduleSource(url, file, content) {
    sources[url] = content;
    const meta = `import.meta.dirname=${JSON.stringify(path.dirname(file))};import.meta.filename=${JSON.stringify(file)};import.meta.resolve=function resolve(s){return globalThis[Symbol.for("secure-exec.resolve")](${JSON.stringify(url)},s)};import.meta.url=${JSON.stringify(url)};`;
    internal.lineOneOffsets[url] = meta.length;
    return tracker.prepareSource(meta + stripShebang(content), url, true);
  }

  Object.defineProperty(globalThis, Symbol.for("secure-exec.builtin"), { value: loadBuiltin });
  Object.defineProperty(globalThis, Symbol.for("secure-exec.require"), { value: (file) => Module._load(file, null, false) });
  Object.defineProperty(globalThis, Symbol.for("secure-exec.resolve"), { value: esmResolve });

  // The loader's frames read as Node's CommonJS loader's.
  internal.nodeFrames.set(Module.prototype._compile, (ctx) =>
    ctx.compileFailed ? [`wrapSafe (${CJS_LOADER}:1464:18)`, `Module._compile (${CJS_LOADER}:1495:20)`] : [`Module._compile (${CJS_LOADER}:1521:14)`]);
  const extensionFrames = () => [`Module._extensions..js (${CJS_LOADER}:1623:10)`, `Module.load (${CJS_LOADER}:1266:32)`];
  internal.nodeFrames.set(Module._extensions[".js"], extensionFrames);
  internal.nodeFrames.set(Module._extensions[".cjs"], extensionFrames);
  internal.nodeFrames.set(Module._resolveFilename, () => [`Module._resolveFilename (${CJS_LOADER}:1207:15)`]);
  internal.nodeFrames.set(Module._load, (ctx) => [`Module._load (${CJS_LOADER}:${ctx.previous === Module._resolveFilename ? "1038:27" : "1091:12"})`]);
  internal.nodeFrames.set(Module.prototype.require, () => [`Module.require (${CJS_LOADER}:1289:19)`]);

  module.exports = {
    Module, makeRequire, esmResolve, esmSource, moduleSource, isEsmFile, mayDetectModule, isModuleSyntaxFailure, detectModuleFile,
    packageJsonOf, fileUrlOf, builtinId, stripShebang, resolveFile, BUILTINS, WRAPPER_PREFIX, explainSyntaxError, explainModuleSyntaxError,
  };
});
