/*
 * Starting and ending a process: Node's command line (`-e`, `-p`, `-r`,
 * `--input-type`, `-c`, `-v`, a script path, `-` or a script on stdin),
 * the main module, and the hooks the worker calls — `start`, `ticks`,
 * `step`, `rejections`, `fatal`, `beforeExit`, `finish`, `esmResolve`,
 * `esmSource`. The hooks that run guest code end by running the nextTick
 * queue and return flags: MORE (the loop has work) and REJECTIONS
 * (rejections wait to be checked once promise jobs have run). Code that fails to compile as
 * CommonJS because of module syntax runs again as an ES module, as Node 20.19+ does. Uncaught
 * errors are printed the way Node prints them: the source line with a caret, the inspected error,
 * and the version footer.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { binding } = internal;
  const loop = require("internal/loop");
  const { process, configure, state, ProcessExit } = require("internal/process");
  const { inspect } = require("internal/inspect");
  const modules = require("internal/modules");
  const tracker = require("internal/promise-tracker");
  const path = require("path");

  /** The engine's JSON.parse (the global one rewords errors for guest code). */
  const parseJson = JSON.parse;

  /** Hook result flags: more work in the loop; rejections waiting to be checked. */
  const MORE = 1;
  const REJECTIONS = 2;

  /** Ends a macrotask: runs the nextTick queue and reports what the worker must do next. */
  function afterMacrotask(more) {
    loop.runTicks();
    return (more ? MORE : 0) | (tracker.hasPending() ? REJECTIONS : 0);
  }

  const IGNORED_OPTIONS = /^--(no-warnings|no-deprecation|trace-warnings|trace-uncaught|trace-deprecation|enable-source-maps|experimental-[a-z-]+|no-experimental-[a-z-]+|max-old-space-size=\d+|stack-size=\d+|unhandled-rejections=(strict|throw|warn|none|warn-with-error-code)|title=.*|preserve-symlinks|preserve-symlinks-main|abort-on-uncaught-exception|pending-deprecation|throw-deprecation|use-strict)$/;

  const USAGE = `Usage: node [options] [ -e script | script.js | - ] [arguments]

Options:
  -                           script read from stdin (default if no file name is provided)
  --                          indicate the end of node options
  -c, --check                 syntax check script without executing
  -e, --eval=...              evaluate script
  -h, --help                  print node command line options
  --input-type=...            set module type for string input (commonjs or module)
  -p, --print [...]           evaluate script and print result
  -r, --require=...           CommonJS module to preload
  -v, --version               print Node.js version
`;

  class UsageError {
    constructor(message, code) {
      this.message = message;
      this.code = code;
    }
  }

  function parseCommandLine(args) {
    const opts = { mode: null, code: null, script: null, rest: [], preload: [], inputType: null, execArgv: [], noWarnings: false, check: false };
    let i = 0;
    const value = (a, name) => {
      const eq = a.indexOf("=");
      if (a.startsWith("--") && eq > 0) return a.slice(eq + 1);
      if (i + 1 >= args.length) throw new UsageError(`${name} requires an argument`, 9);
      return args[++i];
    };
    for (; i < args.length; i++) {
      const a = args[i];
      const start = i;
      if (a === "--") {
        i++;
        break;
      }
      if (a === "-" || !a.startsWith("-")) break;
      if (a === "-e" || a === "--eval" || a.startsWith("--eval=")) {
        opts.mode = "eval";
        opts.code = value(a, a.startsWith("--") ? "--eval" : "-e");
      } else if (a === "-p" || a === "--print" || a.startsWith("--print=") || a === "-pe") {
        opts.mode = "print";
        opts.code = value(a, a.startsWith("--") ? "--print" : "-p");
      } else if (a === "-r" || a === "--require" || a.startsWith("--require=")) {
        opts.preload.push(value(a, "-r"));
      } else if (a.startsWith("--input-type")) {
        const t = value(a, "--input-type");
        if (t !== "module" && t !== "commonjs") throw new UsageError("--input-type must be \"module\" or \"commonjs\"", 9);
        opts.inputType = t;
      } else if (a === "-c" || a === "--check") {
        opts.check = true;
      } else if (a === "-v" || a === "--version") {
        opts.mode = "version";
      } else if (a === "-h" || a === "--help") {
        opts.mode = "help";
      } else if (IGNORED_OPTIONS.test(a)) {
        if (a === "--no-warnings") opts.noWarnings = true;
      } else {
        throw new UsageError(`${internal.argv0}: bad option: ${a}`, 9);
      }
      for (let j = start; j <= i; j++) opts.execArgv.push(args[j]);
    }
    if (opts.mode === null && i < args.length && args[i] !== "-") {
      opts.mode = "script";
      opts.script = args[i];
      opts.rest = args.slice(i + 1);
    } else {
      if (opts.mode === null) opts.mode = "stdin";
      opts.rest = args.slice(i < args.length && args[i] === "-" && opts.mode === "stdin" ? i + 1 : i);
      if (i < args.length && args[i] === "-" && opts.mode === "stdin") opts.dash = true;
    }
    return opts;
  }

  function readStdin() {
    return require("fs").readFileSync(0, "utf8");
  }

  /** The names of built-in modules that `-e`/`-p` code sees as globals, as Node's addBuiltinLibsToObject makes them. */
  const BUILTIN_GLOBALS = modules.BUILTINS.filter((id) => !id.includes("/") && id !== "process" && id !== "console");

  /**
   * The accessors that make one built-in module a global that code may also assign: required on
   * first use, replaced by a plain value on assignment. Made once, in the image, so that `-e` pays
   * only for defining them.
   */
  const builtinGlobalDescriptors = new Map();
  for (const id of BUILTIN_GLOBALS) {
    const setReal = (value) => {
      delete globalThis[id];
      globalThis[id] = value;
    };
    builtinGlobalDescriptors.set(id, {
      get() {
        const lib = modules.Module._load(id, null, false);
        Object.defineProperty(globalThis, id, { get: () => lib, set: setReal, configurable: true, enumerable: false });
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }

  function defineBuiltinGlobal(g, id) {
    Object.defineProperty(g, id, builtinGlobalDescriptors.get(id));
  }

  const EVAL_GLOBALS = ["module", "exports", "require", "__filename", "__dirname"];

  function setEvalGlobals(filename) {
    const m = new modules.Module(filename, undefined);
    Object.defineProperty(m, "parent", { value: undefined, writable: true, enumerable: false, configurable: true });
    m.filename = path.join(process.cwd(), filename);
    m.paths = modules.Module._nodeModulePaths(process.cwd());
    const req = modules.makeRequire(m);
    const g = globalThis;
    for (const [k, v] of [["module", m], ["exports", m.exports], ["require", req], ["__filename", filename], ["__dirname", "."]]) {
      Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false });
    }
  }

  /** Takes the CommonJS globals away again for code that runs as an ES module (`module` is the built-in then, with builtins). */
  function clearEvalGlobals(builtins) {
    for (const k of EVAL_GLOBALS) delete globalThis[k];
    if (builtins) defineBuiltinGlobal(globalThis, "module");
  }

  /**
   * Runs `-e`/`-p`/stdin code: as CommonJS unless --input-type=module, and, with no --input-type,
   * again as an ES module when the CommonJS compile fails on module syntax (Node's detection; the
   * check runs only after a failure, so CommonJS code pays nothing for it).
   */
  function runSource(code, filename, print, inputType, builtins) {
    if (builtins) for (const id of BUILTIN_GLOBALS) defineBuiltinGlobal(globalThis, id);
    if (inputType === "module") {
      if (print) cannotPrintModule(false);
      runEvalModule(code);
      return;
    }
    internal.sources[filename] = code;
    setEvalGlobals(filename);
    const source = modules.stripShebang(code);
    let result;
    try {
      result = binding.compile(tracker.prepareSource(source, filename, false), filename);
    } catch (err) {
      if (!(err instanceof SyntaxError) || !failedToCompile(source, filename)) throw err;
      if (inputType !== null || !modules.isModuleSyntaxFailure(err, code)) throw modules.explainSyntaxError(err, code, filename, false, false);
      if (print) cannotPrintModule(true);
      clearEvalGlobals(builtins);
      runEvalModule(code);
      return;
    }
    if (print) {
      process.stdout.write(`${typeof result === "string" ? result : inspect(result)}\n`);
    }
  }

  /** Whether a SyntaxError from running `source` came from compiling it (rather than from code it ran). */
  function failedToCompile(source, filename) {
    try {
      binding.checkSyntax(source, filename, false);
      return false;
    } catch {
      return true;
    }
  }

  /** `-p` with ES module code (--input-type=module, or detected): Node's error, word for word. */
  function cannotPrintModule(detected) {
    const frames = detected
      ? "    at evalScript (node:internal/process/execution:87:12)\n    at node:internal/main/eval_string:51:3"
      : "    at node:internal/main/eval_string:30:3";
    process.stderr.write(
      "node:internal/process/execution:64\n    throw new ERR_EVAL_ESM_CANNOT_PRINT();\n    ^\n\n" +
        "Error [ERR_EVAL_ESM_CANNOT_PRINT]: --print cannot be used with ESM input\n" +
        `    at evalModuleEntryPoint (node:internal/process/execution:64:11)\n${frames} {\n  code: 'ERR_EVAL_ESM_CANNOT_PRINT'\n}\n\n` +
        `Node.js ${process.version}\n`,
    );
    die(1);
  }

  /** `-e`/stdin code run as an ES module, named as Node names it: file:///<cwd>/[eval1]. */
  function runEvalModule(code) {
    const cwd = process.cwd();
    const url = `${modules.fileUrlOf(cwd === "/" ? "/" : `${cwd}/`)}[eval1]`;
    runModuleEntry(url, () => modules.moduleSource(url, path.join(cwd, "[eval1]"), code));
  }

  /** Evaluates the entry ES module `url`; an error it ends with is fatal, worded as Node words it. */
  function runModuleEntry(url, source) {
    let result;
    try {
      result = binding.evalModule(source(), url);
    } catch (err) {
      if (err !== null && typeof err === "object") evaluationErrors.add(err);
      throw decorateModuleError(modules.explainModuleSyntaxError(err), url);
    }
    if (Object.prototype.toString.call(result) === "[object Promise]") {
      tracker.markHandled(result);
      Promise.prototype.then.call(result, undefined, (err) => {
        if (err !== null && typeof err === "object") evaluationErrors.add(err);
        fatal(decorateModuleError(modules.explainModuleSyntaxError(err), url));
      });
    }
  }

  /**
   * Node's hint on a CommonJS global used in an ES module (from its ModuleJob.run): "require is not
   * defined in ES module scope, you can use import instead", and why a .js file is a module.
   */
  function decorateModuleError(err, url) {
    if (!(err instanceof ReferenceError) || typeof err.message !== "string") return err;
    if (!/^(require|module|exports|__filename|__dirname) is not defined$/.test(err.message)) return err;
    const before = `${err.name}: ${err.message}`;
    let message = `${err.message} in ES module scope`;
    if (message.startsWith("require ")) message += ", you can use import instead";
    if (url.startsWith("file:") && /\.js$/.test(url)) {
      const file = require("url").fileURLToPath(url);
      const pjson = modules.packageJsonOf(file);
      if (pjson && !modules.mayDetectModule(file) && !file.endsWith(".mjs")) {
        message += `\nThis file is being treated as an ES module because it has a '.js' file extension and '${pjson}' contains "type": "module". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.`;
      }
    }
    err.message = message;
    if (typeof err.stack === "string" && err.stack.startsWith(before)) err.stack = `${err.name}: ${message}${err.stack.slice(before.length)}`;
    return err;
  }

  function runScript(script) {
    const filename = modules.Module._resolveFilename(path.resolve(process.cwd(), script), null, true);
    process.argv[1] = filename;
    if (!modules.isEsmFile(filename)) {
      modules.Module._load(filename, null, true);
      if (internal.esmMain !== filename) return;
      // Detected as an ES module: Node warns when a package.json could have said so.
      const pjson = modules.packageJsonOf(filename);
      if (pjson && !filename.split("/").includes("node_modules")) {
        process.emitWarning(
          `Module type of ${modules.fileUrlOf(filename)} is not specified and it doesn't parse as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a performance overhead.\nTo eliminate this warning, add "type": "module" to ${pjson}.`,
          { code: "MODULE_TYPELESS_PACKAGE_JSON" },
        );
      }
    }
    const url = modules.fileUrlOf(filename);
    runModuleEntry(url, () => modules.esmSource(url));
  }

  function start(jobJson) {
    begin(jobJson);
    return afterMacrotask(true);
  }

  function begin(jobJson) {
    const job = parseJson(jobJson);
    internal.argv0 = job.argv0;
    internal.processStart = binding.now();
    internal.timeOrigin = job.timeOrigin;
    internal.system = job.system;
    let opts;
    try {
      opts = parseCommandLine(job.args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      configure({ ...job, argv: [job.execPath], execArgv: [], noWarnings: false });
      process.stderr.write(`${err.message}\n`);
      binding.exit(err.code);
      throw new ProcessExit(err.code);
    }
    const argv = [job.execPath];
    if (opts.mode === "script") argv.push(path.resolve(job.cwd, opts.script));
    else if (opts.dash) argv.push("-");
    argv.push(...opts.rest);
    configure({ ...job, argv, execArgv: opts.execArgv, noWarnings: opts.noWarnings });

    if (opts.mode === "version") {
      process.stdout.write(`${job.version}\n`);
      return;
    }
    if (opts.mode === "help") {
      process.stdout.write(USAGE);
      return;
    }
    for (const request of opts.preload) {
      modules.Module.createRequire(path.join(process.cwd(), "[preload]"))(request);
    }
    switch (opts.mode) {
      case "eval":
      case "print":
        if (opts.check) {
          process.stderr.write(`${internal.argv0}: either --check or --eval can be used, not both\n`);
          binding.exit(9);
          throw new ProcessExit(9);
        }
        internal.entryName = "[eval]";
        runSource(opts.code, "[eval]", opts.mode === "print", opts.inputType, true);
        break;
      case "script":
        if (opts.check) {
          internal.checking = true;
          const file = modules.Module._resolveFilename(path.resolve(process.cwd(), opts.script), null, true);
          const src = binding.utf8Decode(require("internal/sys").call("readFile", { path: file }));
          internal.sources[file] = src;
          const esm = modules.isEsmFile(file);
          try {
            if (!esm) internal.lineOneOffsets[file] = modules.WRAPPER_PREFIX.length;
            binding.checkSyntax(esm ? modules.stripShebang(src) : `${modules.WRAPPER_PREFIX}${modules.stripShebang(src)}\n})`, file, esm);
          } catch (err) {
            // Node passes a file that fails as CommonJS on module syntax, without checking it as a module.
            if (esm || !modules.mayDetectModule(file) || !modules.isModuleSyntaxFailure(err, src)) throw modules.explainSyntaxError(err, src, file, esm, !esm);
          }
          return;
        }
        runScript(opts.script);
        break;
      case "stdin":
        internal.entryName = "[stdin]";
        runSource(readStdin(), "[stdin]", false, opts.inputType, false);
        break;
    }
  }

  /** Where an error was thrown, from its first stack frame in a known source. */
  function locate(err) {
    let stack;
    try {
      stack = err && typeof err === "object" ? err.stack : undefined;
    } catch {
      return null;
    }
    if (typeof stack !== "string") return null;
    const re = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/gm;
    let m;
    while ((m = re.exec(stack)) !== null) {
      const file = m[1];
      if (internal.sources[file] !== undefined) return { file, line: Number(m[2]), col: Number(m[3]) };
    }
    return null;
  }

  /** The line under a source line that marks `length` characters from column `col` (tabs kept, as Node keeps them). */
  function underline(text, col, length) {
    let out = "";
    for (let i = 0; i < col - 1; i++) out += text[i] === "\t" ? "\t" : " ";
    return out + "^".repeat(length);
  }

  /** Text Node prints above errors it throws from its own code: the internal line and caret. */
  const internalThrowSites = internal.throwSites;

  /** A value as V8's NoSideEffectsToString shows it (the reason in Node's UnhandledPromiseRejection message). */
  function noSideEffectsToString(value) {
    if (typeof value === "symbol") return value.toString();
    if (typeof value === "function") return Function.prototype.toString.call(value);
    if (value === null || typeof value !== "object") return String(value);
    const dataProperty = (key) => {
      for (let o = value; o !== null; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (d) return "value" in d ? d.value : undefined;
      }
      return undefined;
    };
    const toString = dataProperty("toString");
    if (value instanceof Error || toString === Error.prototype.toString) {
      const name = dataProperty("name");
      const message = dataProperty("message");
      const n = name === undefined ? "Error" : String(name);
      return message === undefined || message === "" ? n : `${n}: ${message}`;
    }
    if (toString === Object.prototype.toString) {
      const ctor = dataProperty("constructor");
      if (typeof ctor === "function" && typeof ctor.name === "string" && ctor.name !== "") return `#<${ctor.name}>`;
    }
    const tag = dataProperty(Symbol.toStringTag);
    return typeof tag === "string" ? `[object ${tag}]` : Object.prototype.toString.call(value);
  }

  /** Node's error for a promise rejected with something that is not an error (Node 20's throwUnhandledRejectionsMode). */
  function unhandledRejectionError(reason) {
    const message = `This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${noSideEffectsToString(reason)}".`;
    const err = new Error(message);
    Object.defineProperty(err, "name", { value: "UnhandledPromiseRejection", writable: true, configurable: true, enumerable: false });
    err.stack = `UnhandledPromiseRejection: ${message}\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n    at processPromiseRejections (node:internal/process/promises:470:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)`;
    err.code = "ERR_UNHANDLED_REJECTION";
    internalThrowSites.set(err, "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n");
    return err;
  }

  /** Errors an ES module's evaluation ended with: Node reports them as rejections, where the error was made. */
  const evaluationErrors = new WeakSet();

  /**
   * Node marks a thrown exception where it was thrown: for `throw new X(...)`, at `throw` rather
   * than where the error was made.
   */
  function throwSite(loc) {
    const text = (internal.sources[loc.file] || "").split(/\r?\n/)[loc.line - 1] || "";
    const m = /(?<![\w$.])throw\s+$/.exec(text.slice(0, loc.col - 1));
    return m === null ? loc : { file: loc.file, line: loc.line, col: loc.col - m[0].length };
  }

  /** Node's isErrorLike: an object with its own `stack`. */
  function isErrorLike(value) {
    return typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, "stack");
  }

  /**
   * How Node reports an uncaught exception: where it was thrown (the source line and a caret) and
   * the inspected error; a thrown object other than an error is inspected too, and a primitive is
   * printed as it is with the --trace-uncaught hint. Then the version footer.
   */
  function describeFatal(err, thrown) {
    let out = "";
    const site = isErrorLike(err) ? internalThrowSites.get(err) : undefined;
    let loc = site !== undefined ? null : (isErrorLike(err) && internal.errorSites.get(err)) || locate(err);
    if (thrown && loc && loc.source === undefined && !evaluationErrors.has(err)) loc = throwSite(loc);
    if (site !== undefined) out += `${site}\n`;
    else if (!loc && !thrown && isErrorLike(err)) out += "node:internal/process/promises:391\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n\n";
    else if (loc) {
      const source = loc.source !== undefined ? loc.source : internal.sources[loc.file];
      let text = source.split(/\r?\n/)[loc.line - 1] || "";
      if (loc.line === 1 && text.startsWith("#!")) text = "";
      // (Node prints no underline at the end of JSON text.)
      const mark = loc.underline === false ? "" : `${underline(text, loc.col, loc.length === undefined ? 1 : loc.length)}\n`;
      out += `${loc.file}:${loc.line}\n${text}\n${mark}\n`;
    }
    if ((err !== null && typeof err === "object") || typeof err === "function") out += inspect(err, { customInspect: false, depth: 5 });
    else out += `${String(err)}\n(Use \`${internal.argv0} --trace-uncaught ...\` to show where the exception was thrown)`;
    return `${out}\n\nNode.js ${process.version}\n`;
  }

  function die(code) {
    process.exitCode = code;
    if (!state.exiting) {
      state.exiting = true;
      process.emit("exit", code);
    }
    binding.exit(code);
    throw new ProcessExit(code);
  }

  /** An exception nothing caught: Node's `uncaughtException`, or print it and exit 1. */
  function fatal(err) {
    if (err instanceof ProcessExit) return;
    if (internal.captureCallback) {
      internal.captureCallback(err);
      return;
    }
    if (process.listenerCount("uncaughtException") > 0) {
      try {
        process.emit("uncaughtException", err, "uncaughtException");
        return;
      } catch (again) {
        if (again instanceof ProcessExit) throw again;
        err = again;
      }
    }
    try {
      process.stderr.write(describeFatal(err, true));
    } finally {
      die(err && err.__outOfMemory ? 134 : 1);
    }
  }

  /** Reports rejections left unhandled after the microtask queue drained, then runs the ticks that queued. */
  function rejections() {
    for (const { promise, reason } of tracker.takeUnhandled()) {
      if (process.listenerCount("unhandledRejection") > 0) {
        process.emit("unhandledRejection", reason, promise);
        continue;
      }
      const err = isErrorLike(reason) ? reason : unhandledRejectionError(reason);
      if (process.listenerCount("uncaughtException") > 0) {
        process.emit("uncaughtException", err, "unhandledRejection");
        continue;
      }
      process.stderr.write(describeFatal(err));
      die(1);
    }
    return afterMacrotask(false);
  }

  /** Runs the nextTick queue (after promise jobs). */
  function ticks() {
    return afterMacrotask(false);
  }

  /** Runs one loop callback (or waits for one); MORE while the loop is alive. */
  function step() {
    return afterMacrotask(loop.step() !== 0);
  }

  /** Emits beforeExit; MORE when that scheduled more work. */
  function beforeExit() {
    if (state.exiting) return afterMacrotask(false);
    process.emit("beforeExit", process.exitCode === undefined ? 0 : process.exitCode);
    return afterMacrotask(loop.alive());
  }

  /** Emits exit (once) and returns the exit code. */
  function finish() {
    const code = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
    if (!state.exiting) {
      state.exiting = true;
      process.emit("exit", code);
    }
    return process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  }

  function esmResolve(base, request) {
    return modules.esmResolve(base, request);
  }

  function esmSource(name) {
    return modules.esmSource(name);
  }

  // The entry code's frames read as Node's (see globals.js).
  const evalFrames = (name, compileFailed) => [
    compileFailed ? "makeContextifyScript (node:internal/vm:185:14)" : "runScriptInThisContext (node:internal/vm:209:10)",
    compileFailed ? "node:internal/process/execution:107:22" : "node:internal/process/execution:118:14",
    `${name}-wrapper:6:24`,
    "runScript (node:internal/process/execution:101:62)",
    "evalScript (node:internal/process/execution:133:3)",
    ...(name === "[stdin]"
      ? ["node:internal/main/eval_stdin:32:5", "Socket.<anonymous> (node:internal/process/execution:234:5)", "Socket.emit (node:events:536:35)", "endReadableNT (node:internal/streams/readable:1698:12)"]
      : ["node:internal/main/eval_string:51:3"]),
  ];
  internal.nodeFrames.set(runSource, (ctx) => (ctx.previous === runModuleEntry ? [] : evalFrames(internal.entryName, ctx.compileFailed)));
  internal.nodeFrames.set(runModuleEntry, (ctx) => {
    const evaluated = internal.entryName !== undefined;
    if (ctx.compileFailed) {
      return evaluated
        ? ["compileSourceTextModule (node:internal/modules/esm/utils:346:16)", "ModuleLoader.eval (node:internal/modules/esm/loader:241:18)", "node:internal/process/execution:68:24", "asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:11)", "Object.runEntryPointWithESMLoader (node:internal/modules/run_main:141:19)", "evalModuleEntryPoint (node:internal/process/execution:67:47)", "evalScript (node:internal/process/execution:87:12)", "node:internal/main/eval_string:51:3"]
        : ["compileSourceTextModule (node:internal/modules/esm/utils:346:16)", "ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)", "#translate (node:internal/modules/esm/loader:497:12)", "ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:544:27)", "async ModuleJob._link (node:internal/modules/esm/module_job:148:19)"];
    }
    return ["ModuleJob.run (node:internal/modules/esm/module_job:325:25)", evaluated ? "async ModuleLoader.eval (node:internal/modules/esm/loader:245:24)" : "async ModuleLoader.import (node:internal/modules/esm/loader:606:24)", "async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)"];
  });
  internal.nodeFrames.set(begin, (ctx) =>
    internal.checking && ctx.compileFailed ? ["wrapSafe (node:internal/modules/cjs/loader:1464:18)", "checkSyntax (node:internal/main/check_syntax:78:3)"] : []);
  internal.nodeFrames.set(runScript, (ctx) => {
    if (ctx.previous === runModuleEntry) return [];
    const main = ["Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)", "node:internal/main/run_main_module:28:49"];
    return ctx.previous === modules.Module._resolveFilename ? ["Module._load (node:internal/modules/cjs/loader:1038:27)", ...main] : main;
  });

  module.exports = {
    hooks: { start, ticks, step, rejections, fatal, beforeExit, finish, esmResolve, esmSource, describeFatal },
  };
});
