/* `readline/promises`: readline's Interface with a promise-returning `question`. */
(function (exports, require, module) {
  "use strict";
  module.exports = require("readline").promises;
});
