/*
 * Node's coded errors (`ERR_INVALID_ARG_TYPE` and friends) and the
 * "Received ..." descriptions their messages end with.
 */
(function (exports, require, module, internal) {
  "use strict";

  /** Describes a received value the way Node's argument errors do. */
  function describe(value) {
    if (value === null || value === undefined) return `Received ${value}`;
    if (typeof value === "function") return `Received function ${value.name || "<anonymous>"}`;
    if (typeof value === "object") {
      if (value.constructor && value.constructor.name) return `Received an instance of ${value.constructor.name}`;
      return "Received [object Object]";
    }
    let shown = String(value);
    if (typeof value === "string") {
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
      shown = `'${shown}'`;
    }
    if (typeof value === "bigint") shown += "n";
    return `Received type ${typeof value} (${shown})`;
  }
  internal.describe = describe;

  /** An error with a `code`; Node's own ERR_* errors show the code in their stack's first line ("TypeError [ERR_X]: ..."). */
  function coded(Base, code, message) {
    const err = new Base(message);
    err.code = code;
    if (Error.captureStackTrace) Error.captureStackTrace(err, coded);
    if (code.startsWith("ERR_") && typeof err.stack === "string") {
      const head = `${err.name}: ${message}`;
      if (err.stack.startsWith(head)) err.stack = `${err.name} [${code}]: ${message}${err.stack.slice(head.length)}`;
    }
    // Node's argument validators throw these from one place, which its report shows.
    if ((code === "ERR_INVALID_ARG_TYPE" || code === "ERR_INVALID_ARG_VALUE" || code === "ERR_OUT_OF_RANGE") && internal.throwSites) {
      internal.throwSites.set(err, "node:internal/errors:541\n      throw error;\n      ^\n");
    }
    return err;
  }

  function invalidArgType(name, expected, actual) {
    const what = name.includes(".") ? "property" : "argument";
    const subject = name.endsWith(" argument") ? name : `"${name}" ${what}`;
    return coded(TypeError, "ERR_INVALID_ARG_TYPE", `The ${subject} must be ${expected}. ${describe(actual)}`);
  }

  function invalidArgValue(name, value, reason = "is invalid") {
    let shown = typeof value === "string" ? `'${value}'` : String(value);
    return coded(TypeError, "ERR_INVALID_ARG_VALUE", `The argument '${name}' ${reason}. Received ${shown}`);
  }

  function outOfRange(name, range, value) {
    return coded(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
  }

  function validateString(value, name) {
    if (typeof value !== "string") throw invalidArgType(name, "of type string", value);
  }

  function validateFunction(value, name) {
    if (typeof value !== "function") throw invalidArgType(name, "of type function", value);
  }

  module.exports = { describe, coded, invalidArgType, invalidArgValue, outOfRange, validateString, validateFunction };
});
