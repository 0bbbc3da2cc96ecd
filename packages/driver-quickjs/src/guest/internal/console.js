/*
 * `console`: log/info/debug to stdout, error/warn/trace to stderr, dir,
 * table, time/timeLog/timeEnd, count, group indentation and assert, each
 * line formatted by util.formatWithOptions and written through the
 * process's stream objects (so a program that replaces
 * `process.stdout.write` sees console output too).
 */
(function (exports, require, module, internal) {
  "use strict";
  const { inspect } = require("internal/inspect");
  const { formatWithOptions } = require("internal/format");

  function Console(stdoutOrOptions, stderrArg, ignoreErrors) {
    if (!(this instanceof Console)) return new Console(stdoutOrOptions, stderrArg, ignoreErrors);
    const opts = stdoutOrOptions && typeof stdoutOrOptions.write !== "function" ? stdoutOrOptions : { stdout: stdoutOrOptions, stderr: stderrArg };
    this._stdout = opts.stdout;
    this._stderr = opts.stderr || opts.stdout;
    this._inspectOptions = opts.inspectOptions;
    this._groupIndent = "";
    this._counts = new Map();
    this._timers = new Map();
    for (const key of Object.getOwnPropertyNames(Console.prototype)) {
      if (key !== "constructor" && typeof this[key] === "function") this[key] = this[key].bind(this);
    }
  }

  Console.prototype._write = function (stream, args) {
    let text = formatWithOptions(this._inspectOptions, ...args);
    if (this._groupIndent) text = this._groupIndent + text.replaceAll("\n", `\n${this._groupIndent}`);
    stream.write(`${text}\n`);
  };
  Console.prototype.log = function (...args) { this._write(this._stdout, args); };
  Console.prototype.info = Console.prototype.log;
  Console.prototype.debug = Console.prototype.log;
  Console.prototype.error = function (...args) { this._write(this._stderr, args); };
  Console.prototype.warn = Console.prototype.error;
  Console.prototype.dir = function (obj, options) {
    this._write(this._stdout, [inspect(obj, { customInspect: false, ...this._inspectOptions, ...options })]);
  };
  Console.prototype.dirxml = Console.prototype.log;
  Console.prototype.trace = function (...args) {
    const err = { name: "Trace", message: formatWithOptions(this._inspectOptions, ...args) };
    Error.captureStackTrace(err, Console.prototype.trace);
    this._write(this._stderr, [err.stack]);
  };
  Console.prototype.assert = function (value, ...args) {
    if (!value) {
      args[0] = `Assertion failed${args.length === 0 ? "" : `: ${args[0]}`}`;
      this.warn(...args);
    }
  };
  Console.prototype.count = function (label = "default") {
    label = `${label}`;
    const n = (this._counts.get(label) || 0) + 1;
    this._counts.set(label, n);
    this.log(`${label}: ${n}`);
  };
  Console.prototype.countReset = function (label = "default") {
    label = `${label}`;
    if (!this._counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this._counts.delete(label);
  };
  Console.prototype.group = function (...args) {
    if (args.length > 0) this.log(...args);
    this._groupIndent += "  ";
  };
  Console.prototype.groupCollapsed = Console.prototype.group;
  Console.prototype.groupEnd = function () {
    this._groupIndent = this._groupIndent.slice(0, Math.max(0, this._groupIndent.length - 2));
  };
  function formatTime(ms) {
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) return `${(ms / 3600000).toFixed(3)}h`;
        return `${(ms / 60000).toFixed(3)}min`;
      }
      return `${(ms / 1000).toFixed(3)}s`;
    }
    return `${Number(ms.toFixed(3))}ms`;
  }
  Console.prototype.time = function (label = "default") {
    label = `${label}`;
    if (this._timers.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._timers.set(label, internal.binding.now());
  };
  Console.prototype.timeLog = function (label = "default", ...data) {
    label = `${label}`;
    const start = this._timers.get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.timeLog()`);
      return;
    }
    this.log(`${label}: ${formatTime(internal.binding.now() - start)}`, ...data);
  };
  Console.prototype.timeEnd = function (label = "default") {
    label = `${label}`;
    const start = this._timers.get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.timeEnd()`);
      return;
    }
    this._timers.delete(label);
    this.log(`${label}: ${formatTime(internal.binding.now() - start)}`);
  };
  Console.prototype.table = function (data, properties) {
    if (data === null || typeof data !== "object") return this.log(data);
    const fmt = (v) => inspect(v, { depth: 1, breakLength: Infinity, compact: 3 }).replace(/^'(.*)'$/s, "'$1'");
    const indexHeader = "(index)";
    const valuesHeader = "Values";
    const rows = [];
    const columns = [];
    let hasValues = false;
    const entries = data instanceof Map ? [...data.entries()] : data instanceof Set ? [...data].map((v, i) => [i, v]) : Object.entries(data);
    for (const [key, value] of entries) {
      const row = { [indexHeader]: data instanceof Map ? fmt(key) : String(key) };
      if (value !== null && typeof value === "object") {
        for (const k of properties || Object.keys(value)) {
          if (!columns.includes(k)) columns.push(k);
          if (Object.prototype.hasOwnProperty.call(value, k)) row[k] = fmt(value[k]);
        }
      } else {
        hasValues = true;
        row[valuesHeader] = fmt(value);
      }
      rows.push(row);
    }
    const header = [indexHeader, ...columns, ...(hasValues ? [valuesHeader] : [])];
    const width = (s) => [...s].length;
    const widths = header.map((h) => Math.max(width(h), ...rows.map((r) => width(r[h] === undefined ? "" : r[h]))) + 2);
    // Node 20.20 left-aligns every cell, one space in from the border.
    const cell = (s, w) => ` ${s}${" ".repeat(w - width(s) - 1)}`;
    const line = (l, m, r) => l + widths.map((w) => "─".repeat(w)).join(m) + r;
    const out = [line("┌", "┬", "┐"), `│${header.map((h, i) => cell(h, widths[i])).join("│")}│`, line("├", "┼", "┤")];
    for (const r of rows) out.push(`│${header.map((h, i) => cell(r[h] === undefined ? "" : r[h], widths[i])).join("│")}│`);
    out.push(line("└", "┴", "┘"));
    this.log(out.join("\n"));
  };

  /** The global console: built once in the image, writing to whatever process.stdout/stderr are. */
  function createGlobal() {
    const c = Object.create(Console.prototype);
    Object.defineProperty(c, "_stdout", { get: () => process.stdout });
    Object.defineProperty(c, "_stderr", { get: () => process.stderr });
    c._inspectOptions = undefined;
    c._groupIndent = "";
    c._counts = new Map();
    c._timers = new Map();
    for (const key of Object.getOwnPropertyNames(Console.prototype)) {
      if (key !== "constructor" && !key.startsWith("_") && typeof Console.prototype[key] === "function") c[key] = Console.prototype[key].bind(c);
    }
    c.Console = Console;
    return c;
  }
  const globalConsole = createGlobal();

  module.exports = { Console, module: globalConsole };
});
