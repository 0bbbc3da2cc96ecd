/*
 * The `process` object. It is built once in the image and filled in by
 * `configure(job)` when a process starts: argv, env (a proxy that keeps
 * values strings), pid/ppid, cwd (the kernel's), stdio streams, exit and
 * exitCode, nextTick, hrtime, memoryUsage, kill, emitWarning and the
 * `exit`/`beforeExit`/`uncaughtException`/`unhandledRejection` events.
 */
(function (exports, require, module, internal) {
  "use strict";
  const EE = require("events");
  const sys = require("internal/sys");
  const loop = require("internal/loop");
  const { Writable } = require("stream");
  const { coded, invalidArgType } = require("internal/errors");

  const process = new EE();
  const state = { exitCode: undefined, exiting: false, startMs: 0, cwd: "/", version: "v20.20.0", stdin: null };

  class StdioWritable extends Writable {
    constructor(fd) {
      super({ decodeStrings: false });
      this.fd = fd;
      this._isStdio = true;
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === "function") {
        cb = encoding;
        encoding = undefined;
      }
      let data;
      if (typeof chunk === "string") {
        data = encoding && encoding !== "utf8" && encoding !== "utf-8" ? sys.bufferOf(require("buffer").Buffer.from(chunk, encoding)) : chunk;
      } else if (chunk instanceof Uint8Array) {
        data = sys.bufferOf(chunk);
      } else {
        throw invalidArgType("chunk", "of type string or an instance of Buffer or Uint8Array", chunk);
      }
      try {
        sys.write(this.fd, data);
      } catch (err) {
        if (typeof cb === "function") loop.nextTick(cb, err);
        loop.nextTick(() => this.emit("error", err));
        return false;
      }
      if (typeof cb === "function") loop.nextTick(cb, null);
      return true;
    }
    _write(chunk, encoding, cb) {
      this.write(chunk, encoding, cb);
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === "function") cb = chunk;
      else if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
      if (typeof cb === "function") loop.nextTick(cb);
      return this;
    }
    getColorDepth() { return this.isTTY ? 8 : 1; }
    hasColors(count = 16) { return this.isTTY && count <= 256; }
    getWindowSize() { return [this.columns || 80, this.rows || 24]; }
  }

  function configureStdio(job) {
    const lazy = (name, fd) => {
      Object.defineProperty(process, name, {
        get() {
          const s = new StdioWritable(fd);
          s.isTTY = job.tty[fd] || undefined;
          if (s.isTTY) {
            s.columns = Number(job.env.COLUMNS) || 80;
            s.rows = Number(job.env.LINES) || 24;
          }
          Object.defineProperty(process, name, { value: s, writable: true, configurable: true, enumerable: true });
          return s;
        },
        set(v) {
          Object.defineProperty(process, name, { value: v, writable: true, configurable: true, enumerable: true });
        },
        configurable: true,
        enumerable: true,
      });
    };
    lazy("stdout", 1);
    lazy("stderr", 2);
    Object.defineProperty(process, "stdin", {
      get() {
        if (state.stdin === null) {
          const { FdReadable } = require("internal/fd-stream");
          state.stdin = new FdReadable(0, { closeFd: false });
          state.stdin.isTTY = job.tty[0] || undefined;
          state.stdin.setRawMode = function (mode) {
            this.isRaw = Boolean(mode);
            return this;
          };
        }
        return state.stdin;
      },
      set(v) {
        state.stdin = v;
      },
      configurable: true,
      enumerable: true,
    });
  }

  function makeEnv(initial) {
    const target = Object.create(null);
    Object.assign(target, initial);
    return new Proxy(target, {
      set(t, key, value) {
        if (typeof key === "symbol") throw coded(TypeError, "ERR_INVALID_ARG_TYPE", "Cannot convert a Symbol value to a string");
        t[key] = String(value);
        return true;
      },
      defineProperty(t, key, desc) {
        if ("value" in desc) t[key] = String(desc.value);
        return true;
      },
      deleteProperty(t, key) {
        delete t[key];
        return true;
      },
    });
  }

  function hrtime(prev) {
    const ms = internal.binding.now();
    let sec = Math.floor(ms / 1000);
    let nsec = Math.round((ms - sec * 1000) * 1e6);
    if (nsec >= 1e9) {
      sec += 1;
      nsec -= 1e9;
    }
    if (prev) {
      sec -= prev[0];
      nsec -= prev[1];
      if (nsec < 0) {
        sec -= 1;
        nsec += 1e9;
      }
    }
    return [sec, nsec];
  }
  hrtime.bigint = () => BigInt(Math.round(internal.binding.now() * 1e6));

  /** Thrown by process.exit to unwind the guest stack; the worker treats it as the end. */
  class ProcessExit {
    constructor(code) {
      this.code = code;
    }
  }
  internal.ProcessExit = ProcessExit;

  function toExitCode(code) {
    if (code === undefined || code === null) return undefined;
    if (typeof code === "string" && /^-?\d+$/.test(code)) code = Number(code);
    if (typeof code !== "number" || !Number.isInteger(code)) throw invalidArgType("code", "of type number", code);
    return code;
  }

  Object.assign(process, {
    title: "node",
    version: state.version,
    versions: {},
    arch: "wasm32",
    platform: "linux",
    release: { name: "node" },
    features: { inspector: false, debug: false, uv: false, ipv6: false, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true },
    config: { variables: {} },
    execArgv: [],
    exitCode: undefined,
    allowedNodeEnvironmentFlags: new Set(),
    noDeprecation: false,
    throwDeprecation: false,
    traceDeprecation: false,
    nextTick: loop.nextTick,
    hrtime,
    cwd() {
      return state.cwd;
    },
    chdir(dir) {
      if (typeof dir !== "string") throw invalidArgType("directory", "of type string", dir);
      try {
        state.cwd = sys.call("chdir", { path: dir });
      } catch (err) {
        err.message = `${err.code}: ${err.message.replace(/^[A-Z]+: /, "").replace(/, chdir.*$/, "")}, chdir ${state.cwd} -> '${dir}'`;
        err.path = state.cwd;
        err.dest = dir;
        throw err;
      }
    },
    umask(mask) {
      return sys.call("umask", { mask: mask === undefined ? null : typeof mask === "string" ? parseInt(mask, 8) : mask });
    },
    uptime() {
      return (internal.binding.now() - state.startMs) / 1000;
    },
    memoryUsage() {
      const m = sys.call("memoryUsage");
      return { rss: m.used, heapTotal: m.limit, heapUsed: m.used, external: 0, arrayBuffers: 0 };
    },
    resourceUsage() {
      const user = Math.round((internal.binding.now() - state.startMs) * 1000);
      return { userCPUTime: user, systemCPUTime: 0, maxRSS: Math.round(sys.call("memoryUsage").used / 1024), sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
    },
    cpuUsage(prev) {
      const user = Math.round((internal.binding.now() - state.startMs) * 1000);
      return prev ? { user: user - prev.user, system: 0 } : { user, system: 0 };
    },
    kill(pid, signal = "SIGTERM") {
      const sig = internal.signalNumber(signal);
      sys.call("kill", { pid, signal: sig });
      return true;
    },
    exit(code) {
      const c = toExitCode(code);
      if (c !== undefined) process.exitCode = c;
      if (!state.exiting) {
        state.exiting = true;
        try {
          process.emit("exit", process.exitCode === undefined ? 0 : process.exitCode);
        } finally {
          internal.binding.exit(process.exitCode === undefined ? 0 : process.exitCode);
        }
      }
      throw new ProcessExit(process.exitCode);
    },
    reallyExit(code) {
      internal.binding.exit(code);
      throw new ProcessExit(code);
    },
    abort() {
      internal.binding.exit(134);
      throw new ProcessExit(134);
    },
    emitWarning(warning, type, code) {
      if (type && typeof type === "object") {
        code = type.code;
        type = type.type;
      }
      const w = typeof warning === "string" ? new Error(warning) : warning;
      if (typeof warning === "string") {
        w.name = type || "Warning";
        if (code) w.code = code;
      }
      if (w.name === "DeprecationWarning" && process.noDeprecation) return;
      loop.nextTick(() => {
        process.emit("warning", w);
        printWarning(w.name, w.message, code);
      });
    },
    getuid: () => 0,
    geteuid: () => 0,
    getgid: () => 0,
    getegid: () => 0,
    getgroups: () => [0],
    binding(name) {
      throw coded(Error, "ERR_INVALID_MODULE", `No such module: ${name}`);
    },
    setUncaughtExceptionCaptureCallback(fn) {
      internal.captureCallback = fn;
    },
    hasUncaughtExceptionCaptureCallback() {
      return Boolean(internal.captureCallback);
    },
  });

  /** Prints a warning the way Node does (unless --no-warnings), with the --trace-warnings hint after the first. */
  function printWarning(name, message, code) {
    if (process.noProcessWarnings) return;
    const hint = state.warned ? "" : "(Use `node --trace-warnings ...` to show where the warning was created)\n";
    state.warned = true;
    process.stderr.write(`(node:${process.pid}) ${code ? `[${code}] ` : ""}${name}: ${message}\n${hint}`);
  }

  /** Fills in everything that belongs to one process. */
  function configure(job) {
    state.startMs = internal.binding.now();
    state.cwd = job.cwd;
    state.exiting = false;
    state.stdin = null;
    state.warned = false;
    process.exitCode = undefined;
    process.argv = job.argv;
    process.argv0 = job.argv0;
    process.execPath = job.execPath;
    process.execArgv = job.execArgv;
    process.env = makeEnv(job.env);
    process.pid = job.pid;
    process.ppid = job.ppid;
    process.version = job.version;
    process.versions = { node: job.version.slice(1), quickjs: job.engineVersion, modules: "115", uv: "1.46.0", v8: "0.0.0-quickjs" };
    process.title = job.argv0;
    process.noProcessWarnings = job.noWarnings;
    configureStdio(job);
  }

  module.exports = { process, configure, state, ProcessExit, printWarning };
});
