/*
 * `child_process`: every child is a kernel process started with
 * `kernel.spawn`, so any driver's command can run here. spawnSync,
 * execSync and execFileSync are one blocking system call each (the kernel
 * thread feeds `input`, collects output and waits); spawn, exec and
 * execFile return a ChildProcess whose pipes and exit go through the event
 * loop. Exit statuses and errors are reported the way Node reports them.
 */
(function (exports, require, module, internal) {
  "use strict";
  const sys = require("internal/sys");
  const loop = require("internal/loop");
  const EE = require("events");
  const { Buffer } = require("buffer");
  const { FdReadable, FdWritable } = require("internal/fd-stream");
  const { validateString, coded } = require("internal/errors");

  const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20 };
  const SIGNAL_NAMES = Object.fromEntries(Object.entries(SIGNALS).map(([k, v]) => [v, k]));

  function signalNumber(sig) {
    if (sig === undefined || sig === null) return SIGNALS.SIGTERM;
    if (typeof sig === "number") return sig;
    const n = SIGNALS[String(sig).toUpperCase()];
    if (n === undefined) throw coded(TypeError, "ERR_UNKNOWN_SIGNAL", `Unknown signal: ${sig}`);
    return n;
  }

  function normalizeStdio(stdio) {
    if (stdio === undefined) return ["pipe", "pipe", "pipe"];
    if (typeof stdio === "string") return [stdio, stdio, stdio];
    const out = [0, 1, 2].map((i) => (stdio[i] === undefined || stdio[i] === null ? "pipe" : stdio[i]));
    return out.map((s, i) => {
      if (s === "overlapped") return "pipe";
      if (s === process.stdin && i === 0) return 0;
      if (s === process.stdout) return 1;
      if (s === process.stderr) return 2;
      if (s && typeof s === "object" && typeof s.fd === "number") return s.fd;
      return s;
    });
  }

  function normalizeArgs(file, args, options) {
    validateString(file, "file");
    if (file.length === 0) throw coded(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'file' cannot be empty. Received ''");
    if (args !== undefined && args !== null && !Array.isArray(args)) {
      options = args;
      args = [];
    }
    args = args ? args.map(String) : [];
    options = options ? { ...options } : {};
    let command = file;
    if (options.shell) {
      const shell = typeof options.shell === "string" ? options.shell : "sh";
      const line = [file, ...args].join(" ");
      command = shell;
      args = ["-c", line];
    }
    const env = {};
    for (const [k, v] of Object.entries(options.env || process.env)) if (v !== undefined) env[k] = String(v);
    return { command, file, args, options, env, cwd: options.cwd ? String(options.cwd instanceof Object && options.cwd.href ? require("url").fileURLToPath(options.cwd) : options.cwd) : undefined };
  }

  function spawnError(err, syscall, file, args) {
    const e = new Error(`${syscall} ${file} ${err.code}`);
    e.errno = err.errno;
    e.code = err.code;
    e.syscall = `${syscall} ${file}`;
    e.path = file;
    e.spawnargs = args;
    return e;
  }

  function decode(bytes, encoding) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding && encoding !== "buffer" ? buf.toString(encoding) : buf;
  }

  function spawnSync(file, args, options) {
    const n = normalizeArgs(file, args, options);
    const opts = n.options;
    const stdio = normalizeStdio(opts.stdio);
    let input = opts.input;
    if (typeof input === "string") input = Buffer.from(input, opts.encoding && opts.encoding !== "buffer" ? opts.encoding : "utf8");
    const request = {
      command: n.command, args: n.args, env: n.env, cwd: n.cwd, stdio,
      timeout: opts.timeout > 0 ? opts.timeout : 0,
      killSignal: signalNumber(opts.killSignal),
      maxBuffer: opts.maxBuffer === undefined ? 1024 * 1024 : opts.maxBuffer,
    };
    let r;
    let bytes;
    try {
      [r, bytes] = sys.call("spawnSync", request, input ? sys.bufferOf(input) : undefined);
    } catch (err) {
      const e = spawnError(err, "spawnSync", n.file, [n.file, ...n.args]);
      return { error: e, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
    }
    const stdout = r.stdoutLength === null ? null : decode(bytes.subarray(0, r.stdoutLength), opts.encoding);
    const stderr = r.stderrLength === null ? null : decode(bytes.subarray(r.stdoutLength || 0), opts.encoding);
    const result = {
      pid: r.pid, output: [null, stdout, stderr], stdout, stderr,
      status: r.signal ? null : r.status, signal: r.signal ? SIGNAL_NAMES[r.signal] || null : null,
    };
    if (r.timedOut) {
      result.error = spawnError({ code: "ETIMEDOUT", errno: -110 }, "spawnSync", n.file, [n.file, ...n.args]);
    } else if (r.overflow) {
      result.error = coded(RangeError, "ENOBUFS", `spawnSync ${n.file} ENOBUFS`);
      result.error.errno = -105;
    }
    return result;
  }

  function checkSyncResult(ret, command) {
    if (ret.error) {
      ret.error.stdout = ret.stdout;
      ret.error.stderr = ret.stderr;
      if (ret.error.code !== "ETIMEDOUT" && ret.error.code !== "ENOBUFS") throw ret.error;
    }
    if (ret.error || ret.status !== 0) {
      let msg = `Command failed: ${command}`;
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      const err = ret.error || new Error(msg);
      if (!ret.error) Error.captureStackTrace(err, checkSyncResult);
      Object.assign(err, { status: ret.status, signal: ret.signal, output: ret.output, pid: ret.pid, stdout: ret.stdout, stderr: ret.stderr });
      throw err;
    }
    return ret.stdout;
  }

  function execSync(command, options = {}) {
    validateString(command, "command");
    const stdio = options.stdio === undefined ? ["pipe", "pipe", "pipe"] : options.stdio;
    const inheritStderr = options.stdio === undefined;
    const ret = spawnSync(typeof options.shell === "string" ? options.shell : "sh", ["-c", command], { ...options, shell: false, stdio });
    if (inheritStderr && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
    return checkSyncResult(ret, command);
  }

  function execFileSync(file, args, options) {
    if (args !== undefined && args !== null && !Array.isArray(args)) {
      options = args;
      args = [];
    }
    options = options || {};
    const inheritStderr = options.stdio === undefined;
    const ret = spawnSync(file, args || [], { ...options, stdio: options.stdio === undefined ? ["pipe", "pipe", "pipe"] : options.stdio });
    if (inheritStderr && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
    return checkSyncResult(ret, [file, ...(args || [])].join(" "));
  }

  class ChildProcess extends EE {
    constructor() {
      super();
      this.pid = undefined;
      this.exitCode = null;
      this.signalCode = null;
      this.killed = false;
      this.connected = false;
      this.stdin = null;
      this.stdout = null;
      this.stderr = null;
      this.stdio = [null, null, null];
      this.spawnfile = undefined;
      this.spawnargs = [];
      this._pendingClose = 0;
      this._exited = false;
    }
    kill(signal) {
      if (this._exited || this.pid === undefined) return false;
      try {
        sys.call("kill", { pid: this.pid, signal: signalNumber(signal) });
        this.killed = true;
        return true;
      } catch (err) {
        if (err.code === "ESRCH") return false;
        throw err;
      }
    }
    ref() { if (this.pid !== undefined) loop.setChildRef(this.pid, true); }
    unref() { if (this.pid !== undefined) loop.setChildRef(this.pid, false); }
    _maybeClose() {
      if (this._exited && this._pendingClose === 0) this.emit("close", this.exitCode, this.signalCode);
    }
    [Symbol.dispose]() { if (!this._exited) this.kill(); }
  }

  function spawn(file, args, options) {
    const n = normalizeArgs(file, args, options);
    const stdio = normalizeStdio(n.options.stdio);
    const child = new ChildProcess();
    child.spawnfile = n.command;
    child.spawnargs = [n.command, ...n.args];
    let r;
    try {
      r = sys.call("spawn", { command: n.command, args: n.args, env: n.env, cwd: n.cwd, stdio });
    } catch (err) {
      const e = spawnError(err, "spawn", n.file, child.spawnargs);
      loop.nextTick(() => {
        child.emit("error", e);
        child.emit("close", -2, null);
      });
      return child;
    }
    child.pid = r.pid;
    if (r.fds[0] !== null) child.stdin = new FdWritable(r.fds[0]);
    for (const i of [1, 2]) {
      if (r.fds[i] === null) continue;
      const s = new FdReadable(r.fds[i]);
      if (n.options.encoding && n.options.encoding !== "buffer") s.setEncoding(n.options.encoding);
      child._pendingClose++;
      s.once("close", () => {
        child._pendingClose--;
        child._maybeClose();
      });
      if (i === 1) child.stdout = s;
      else child.stderr = s;
    }
    child.stdio = [child.stdin, child.stdout, child.stderr];
    loop.watchChild(r.pid, (status) => {
      child._exited = true;
      const killed = status > 128 && child.killed;
      child.exitCode = killed ? null : status;
      child.signalCode = killed ? SIGNAL_NAMES[status - 128] || null : null;
      child.emit("exit", child.exitCode, child.signalCode);
      for (const s of [child.stdout, child.stderr]) if (s && !s.readableFlowing && !s.destroyed) s.resume();
      child._maybeClose();
    });
    if (n.options.timeout > 0) {
      const t = loop.setTimeout(() => child.kill(n.options.killSignal), n.options.timeout);
      t.unref();
      child.once("exit", () => loop.clearTimeout(t));
    }
    if (n.options.signal) {
      const onAbort = () => {
        child.kill(n.options.killSignal);
        child.emit("error", coded(Error, "ABORT_ERR", "The operation was aborted"));
      };
      if (n.options.signal.aborted) loop.nextTick(onAbort);
      else n.options.signal.addEventListener("abort", onAbort, { once: true });
    }
    loop.nextTick(() => child.emit("spawn"));
    return child;
  }

  function execFile(file, args, options, callback) {
    if (typeof args === "function") {
      callback = args;
      args = [];
      options = {};
    } else if (typeof options === "function") {
      callback = options;
      if (Array.isArray(args)) options = {};
      else {
        options = args || {};
        args = [];
      }
    }
    options = { encoding: "utf8", maxBuffer: 1024 * 1024, ...options };
    const child = spawn(file, args, { ...options, encoding: undefined });
    const out = [];
    const errOut = [];
    let size = 0;
    let overflow = false;
    const collect = (list) => (chunk) => {
      size += chunk.length;
      if (size > options.maxBuffer && !overflow) {
        overflow = true;
        child.kill(options.killSignal);
      }
      list.push(chunk);
    };
    if (child.stdout) child.stdout.on("data", collect(out));
    if (child.stderr) child.stderr.on("data", collect(errOut));
    const finish = (stdoutBuf, stderrBuf) => {
      const enc = options.encoding;
      return enc && enc !== "buffer" ? [stdoutBuf.toString(enc), stderrBuf.toString(enc)] : [stdoutBuf, stderrBuf];
    };
    let errored = false;
    child.on("error", (err) => {
      errored = true;
      if (callback) callback(err, ...finish(Buffer.concat(out), Buffer.concat(errOut)));
    });
    child.on("close", (code, signal) => {
      if (errored) return;
      const [stdout, stderr] = finish(Buffer.concat(out), Buffer.concat(errOut));
      if (!callback) return;
      if (code === 0 && !overflow) {
        callback(null, stdout, stderr);
        return;
      }
      const cmd = [file, ...(Array.isArray(args) ? args : [])].join(" ");
      const err = overflow
        ? coded(RangeError, "ERR_CHILD_PROCESS_STDIO_MAXBUFFER", "stdout maxBuffer length exceeded")
        : new Error(`Command failed: ${cmd}\n${stderr}`);
      if (!overflow) {
        err.code = code;
        err.killed = child.killed;
        err.signal = signal;
      }
      err.cmd = cmd;
      err.stdout = stdout;
      err.stderr = stderr;
      callback(err, stdout, stderr);
    });
    return child;
  }

  function exec(command, options, callback) {
    if (typeof options === "function") {
      callback = options;
      options = {};
    }
    options = options || {};
    const shell = typeof options.shell === "string" ? options.shell : "sh";
    const child = execFile(shell, ["-c", command], { ...options, shell: false }, callback && ((err, stdout, stderr) => {
      if (err && err.cmd) {
        err.cmd = command;
        if (typeof err.code === "number") err.message = `Command failed: ${command}\n${stderr}`;
      }
      callback(err, stdout, stderr);
    }));
    return child;
  }

  const promisify = (fn) => (...args) =>
    new Promise((resolve, reject) => fn(...args, (err, stdout, stderr) => (err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr }))));
  exec[Symbol.for("nodejs.util.promisify.custom")] = promisify(exec);
  execFile[Symbol.for("nodejs.util.promisify.custom")] = promisify(execFile);

  function fork() {
    throw coded(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "child_process.fork needs an IPC channel, which this sandbox does not provide");
  }

  module.exports = { spawn, spawnSync, exec, execSync, execFile, execFileSync, fork, ChildProcess, _signals: SIGNALS };
  internal.signalNumber = signalNumber;
  internal.SIGNAL_NAMES = SIGNAL_NAMES;
});
