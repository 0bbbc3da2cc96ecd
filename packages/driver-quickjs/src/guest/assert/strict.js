/* `assert/strict`: assert in strict mode. */
(function (exports, require, module) {
  "use strict";
  module.exports = require("assert").strict;
});
