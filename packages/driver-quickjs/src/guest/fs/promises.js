/* `fs/promises`: the promise forms of `fs`, as `require('fs').promises`. */
(function (exports, require, module) {
  "use strict";
  module.exports = require("fs").promises;
});
