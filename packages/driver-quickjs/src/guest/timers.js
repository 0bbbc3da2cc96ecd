/* `timers`: the loop's timer functions, as the globals are. */
(function (exports, require, module, internal) {
  "use strict";
  const loop = require("internal/loop");
  module.exports = {
    setTimeout: loop.setTimeout, clearTimeout: loop.clearTimeout, setInterval: loop.setInterval,
    clearInterval: loop.clearTimeout, setImmediate: loop.setImmediate, clearImmediate: loop.clearImmediate,
  };
});
