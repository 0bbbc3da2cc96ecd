/*
 * Starting and ending a process: Node's command line (`-e`, `-p`, `-r`,
 * `--input-type`, `-c`, `-v`, a script path, `-` or a script on stdin),
 * the main module, and the hooks the worker calls — `start`, `ticks`,
 * `step`, `rejections`, `fatal`, `beforeExit`, `finish`, `esmResolve`,
 * `esmSource`. The hooks that run guest code end by running the nextTick
 * queue and return flags: MORE (the loop has work) and REJECTIONS
 * (rejections wait to be checked once promise jobs have run). Uncaught errors are printed the way Node prints them: the
 * source line with a caret, the inspected error, and the version footer.
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
    const opts = { mode: null, code: null, script: null, rest: [], preload: [], inputType: "commonjs", execArgv: [], noWarnings: false, check: false };
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

  function setEvalGlobals(filename) {
    const m = new modules.Module(filename, null);
    m.filename = path.join(process.cwd(), filename);
    m.paths = [];
    m.loaded = true;
    const req = modules.makeRequire(m);
    const g = globalThis;
    for (const [k, v] of [["module", m], ["exports", m.exports], ["require", req], ["__filename", filename], ["__dirname", "."]]) {
      Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false });
    }
  }

  function runSource(code, filename, print, asModule) {
    internal.sources[filename] = code;
    if (asModule) {
      watchModule(binding.evalModule(tracker.prepareSource(code, filename, true), filename));
      return;
    }
    setEvalGlobals(filename);
    const result = binding.compile(tracker.prepareSource(modules.stripShebang(code), filename, false), filename);
    if (print) {
      process.stdout.write(`${typeof result === "string" ? result : inspect(result)}\n`);
    }
  }

  function watchModule(promise) {
    if (promise && typeof promise.then === "function") {
      tracker.markHandled(promise);
      Promise.prototype.then.call(promise, undefined, (err) => fatal(err));
    }
  }

  function runScript(script) {
    const filename = modules.Module._resolveFilename(path.resolve(process.cwd(), script), null, true);
    process.argv[1] = filename;
    if (modules.isEsmFile(filename)) {
      watchModule(binding.evalModule(modules.esmSource(filename), filename));
      return;
    }
    modules.Module._load(filename, null, true);
  }

  function start(jobJson) {
    begin(jobJson);
    return afterMacrotask(true);
  }

  function begin(jobJson) {
    const job = JSON.parse(jobJson);
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
        runSource(opts.code, "[eval]", opts.mode === "print", opts.inputType === "module");
        break;
      case "script":
        if (opts.check) {
          const file = modules.Module._resolveFilename(path.resolve(process.cwd(), opts.script), null, true);
          const src = binding.utf8Decode(require("internal/sys").call("readFile", { path: file }));
          internal.sources[file] = src;
          binding.checkSyntax(modules.stripShebang(src), file, modules.isEsmFile(file));
          return;
        }
        runScript(opts.script);
        break;
      case "stdin":
        runSource(readStdin(), "[stdin]", false, opts.inputType === "module");
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

  function describeFatal(err, fromPromise) {
    let out = "";
    const loc = locate(err);
    if (loc) {
      const lines = internal.sources[loc.file].split(/\r?\n/);
      let text = lines[loc.line - 1] || "";
      if (loc.line === 1 && text.startsWith("#!")) text = "";
      out += `${loc.file}:${loc.line}\n${text}\n${" ".repeat(Math.max(0, loc.col - 1))}^\n\n`;
    }
    const isErr = err instanceof Error || (err && typeof err === "object" && typeof err.stack === "string" && "message" in err);
    if (isErr) out += inspect(err);
    else if (fromPromise) {
      out += `node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n            ^\n\n`;
      out += `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(err)}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}`;
    } else {
      out += `${inspect(err)}\n(Use \`${internal.argv0} --trace-uncaught ...\` to show where the exception was thrown)`;
    }
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
      process.stderr.write(describeFatal(err, false));
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
      if (process.listenerCount("uncaughtException") > 0) {
        process.emit("uncaughtException", reason, "unhandledRejection");
        continue;
      }
      process.stderr.write(describeFatal(reason, true));
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

  module.exports = {
    hooks: { start, ticks, step, rejections, fatal, beforeExit, finish, esmResolve, esmSource, describeFatal },
  };
});
