/*
 * `readline`: line splitting over a readable stream — `line` and `close`
 * events, async iteration over lines, `question`, and the promise form in
 * `readline/promises`. No terminal editing: input is treated as a stream.
 */
(function (exports, require, module, internal) {
  "use strict";
  const EE = require("events");

  class Interface extends EE {
    constructor(input, output, completer, terminal) {
      super();
      const opts = input && input.input !== undefined ? input : { input, output, completer, terminal };
      this.input = opts.input;
      this.output = opts.output;
      this.terminal = Boolean(opts.terminal);
      this.crlfDelay = opts.crlfDelay === undefined ? 100 : opts.crlfDelay;
      this.closed = false;
      this.line = "";
      this._prompt = opts.prompt === undefined ? "> " : opts.prompt;
      this._buffer = "";
      this._questions = [];
      this._paused = false;
      this._onData = (chunk) => this._write(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      this._onEnd = () => {
        if (this._buffer.length > 0) {
          const rest = this._buffer;
          this._buffer = "";
          this._emitLine(rest);
        }
        this.close();
      };
      this.input.on("data", this._onData);
      this.input.on("end", this._onEnd);
    }
    _write(text) {
      this._buffer += text;
      let idx;
      while ((idx = this._buffer.search(/\r\n|\n|\r/)) >= 0) {
        const line = this._buffer.slice(0, idx);
        const sepLen = this._buffer.startsWith("\r\n", idx) ? 2 : 1;
        if (this._buffer[idx] === "\r" && sepLen === 1 && idx === this._buffer.length - 1) break;
        this._buffer = this._buffer.slice(idx + sepLen);
        this._emitLine(line);
      }
    }
    _emitLine(line) {
      const q = this._questions.shift();
      if (q) q(line);
      else this.emit("line", line);
    }
    setPrompt(p) { this._prompt = p; }
    getPrompt() { return this._prompt; }
    prompt() {
      if (this.output) this.output.write(this._prompt);
    }
    question(query, options, cb) {
      if (typeof options === "function") cb = options;
      if (this.output) this.output.write(query);
      this._questions.push(cb);
    }
    write(data) {
      if (this.output) this.output.write(data);
    }
    pause() {
      this._paused = true;
      this.input.pause();
      this.emit("pause");
      return this;
    }
    resume() {
      this._paused = false;
      this.input.resume();
      this.emit("resume");
      return this;
    }
    close() {
      if (this.closed) return;
      this.closed = true;
      this.input.removeListener("data", this._onData);
      this.input.removeListener("end", this._onEnd);
      if (typeof this.input.pause === "function") this.input.pause();
      this.emit("close");
    }
    [Symbol.asyncIterator]() {
      const lines = [];
      const waiters = [];
      let done = this.closed;
      this.on("line", (l) => {
        if (waiters.length) waiters.shift()({ value: l, done: false });
        else lines.push(l);
      });
      this.on("close", () => {
        done = true;
        for (const w of waiters.splice(0)) w({ value: undefined, done: true });
      });
      return {
        next: () => {
          if (lines.length) return Promise.resolve({ value: lines.shift(), done: false });
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => waiters.push(resolve));
        },
        return: () => {
          this.close();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() { return this; },
      };
    }
  }

  function writeCode(stream, code, cb) {
    if (stream && code) return stream.write(code, cb);
    if (typeof cb === "function") require("internal/loop").nextTick(cb);
    return true;
  }

  function createInterface(input, output, completer, terminal) {
    return new Interface(input, output, completer, terminal);
  }

  class PromisesInterface extends Interface {
    question(query, options) {
      return new Promise((resolve) => super.question(query, options, resolve));
    }
  }

  module.exports = {
    Interface, createInterface,
    clearLine: (stream, dir, cb) => writeCode(stream, dir < 0 ? "\x1b[1K" : dir > 0 ? "\x1b[0K" : "\x1b[2K", cb),
    clearScreenDown: (stream, cb) => writeCode(stream, "\x1b[0J", cb),
    cursorTo: (stream, x, y, cb) => {
      if (typeof y === "function") return writeCode(stream, `\x1b[${x + 1}G`, y);
      return writeCode(stream, y === undefined ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`, cb);
    },
    moveCursor: (stream, dx, dy, cb) => {
      let code = "";
      if (dx < 0) code += `\x1b[${-dx}D`;
      else if (dx > 0) code += `\x1b[${dx}C`;
      if (dy < 0) code += `\x1b[${-dy}A`;
      else if (dy > 0) code += `\x1b[${dy}B`;
      return writeCode(stream, code, cb);
    },
    promises: {
      Interface: PromisesInterface,
      createInterface: (input, output, completer, terminal) => new PromisesInterface(input, output, completer, terminal),
    },
  };
});
