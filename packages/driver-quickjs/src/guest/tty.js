/* `tty`: isatty over the kernel's descriptors; ReadStream/WriteStream are the fd streams. */
(function (exports, require, module) {
  "use strict";
  const sys = require("internal/sys");
  const { FdReadable, FdWritable } = require("internal/fd-stream");
  class ReadStream extends FdReadable {
    constructor(fd) {
      super(fd, { closeFd: false });
      this.isTTY = true;
      this.isRaw = false;
    }
    setRawMode(mode) {
      this.isRaw = Boolean(mode);
      return this;
    }
  }
  class WriteStream extends FdWritable {
    constructor(fd) {
      super(fd, { closeFd: false });
      this.isTTY = true;
      this.columns = 80;
      this.rows = 24;
    }
    getColorDepth() { return 8; }
    hasColors(count = 16) { return count <= 256; }
    getWindowSize() { return [this.columns, this.rows]; }
  }
  module.exports = {
    isatty: (fd) => {
      try {
        return sys.call("isatty", { fd }) === true;
      } catch {
        return false;
      }
    },
    ReadStream, WriteStream,
  };
});
