/*
 * `assert`: ok/equal/strictEqual/deepEqual/deepStrictEqual and their
 * negations, throws/rejects/doesNotThrow, match, fail, and AssertionError
 * with Node's `code: 'ERR_ASSERTION'`, actual, expected and operator.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { inspect } = require("internal/inspect");
  const { trackAsync } = require("internal/promise-tracker");

  class AssertionError extends Error {
    constructor(options) {
      const { message, actual, expected, operator } = options;
      super(message !== undefined ? String(message) : defaultMessage(actual, expected, operator));
      this.name = "AssertionError";
      this.code = "ERR_ASSERTION";
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
      this.generatedMessage = message === undefined;
      if (Error.captureStackTrace) Error.captureStackTrace(this, options.stackStartFn || AssertionError);
    }
  }

  function defaultMessage(actual, expected, operator) {
    const a = inspect(actual);
    const e = inspect(expected);
    switch (operator) {
      case "strictEqual":
        return `Expected values to be strictly equal:\n\n${a} !== ${e}\n`;
      case "deepStrictEqual":
        return `Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ ${a.split("\n").join("\n+ ")}\n- ${e.split("\n").join("\n- ")}`;
      case "notStrictEqual":
        return `Expected "actual" to be strictly unequal to: ${e}`;
      case "notDeepStrictEqual":
        return `Expected "actual" not to be strictly deep-equal to: ${e}`;
      case "==":
        return `${a} == ${e}`;
      case "!=":
        return `${a} != ${e}`;
      case "deepEqual":
        return `Expected values to be loosely deep-equal:\n\n${a}\n\nshould loosely deep-equal\n\n${e}`;
      case "notDeepEqual":
        return `"actual" deepEqual "expected"`;
      default:
        return `${a} ${operator} ${e}`;
    }
  }

  function deepEqual(a, b, strict, memo = []) {
    if (strict ? Object.is(a, b) : a == b || (Number.isNaN(a) && Number.isNaN(b))) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const tagA = Object.prototype.toString.call(a);
    if (tagA !== Object.prototype.toString.call(b)) return false;
    for (const [x, y] of memo) if (x === a && y === b) return true;
    memo = memo.concat([[a, b]]);
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === b.lastIndex;
    if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
    if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(!strict && a[i] == b[i])) return false;
    }
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k), strict, memo)) return false;
      return true;
    }
    if (a instanceof Set) {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v === "object") for (const w of b) if (deepEqual(v, w, strict, memo)) continue outer;
        return false;
      }
      return true;
    }
    if (strict && (a instanceof Number || a instanceof String || a instanceof Boolean)) {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    }
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    for (const k of keysA) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      if (!deepEqual(a[k], b[k], strict, memo)) return false;
    }
    if (strict) {
      const symA = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
      const symB = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
      if (symA.length !== symB.length) return false;
      for (const s of symA) if (!deepEqual(a[s], b[s], strict, memo)) return false;
    }
    return true;
  }

  function fail(actual, expected, message, operator, stackStartFn) {
    if (message instanceof Error) throw message;
    throw new AssertionError({ actual, expected, message, operator, stackStartFn });
  }

  function ok(value, message) {
    if (!value) {
      if (message instanceof Error) throw message;
      throw new AssertionError({
        actual: value, expected: true, operator: "==", stackStartFn: ok,
        message: message === undefined ? (arguments.length === 0 ? "No value argument passed to `assert.ok()`" : "The expression evaluated to a falsy value:\n\n  assert.ok(" + inspect(value) + ")\n") : message,
      });
    }
  }

  const assert = function (value, message) {
    if (!value) {
      if (message instanceof Error) throw message;
      throw new AssertionError({
        actual: value, expected: true, operator: "==", stackStartFn: assert,
        message: message === undefined ? (arguments.length === 0 ? "No value argument passed to `assert.ok()`" : "The expression evaluated to a falsy value:\n\n  assert(" + inspect(value) + ")\n") : message,
      });
    }
  };
  assert.ok = ok;
  assert.AssertionError = AssertionError;
  assert.fail = function (message = "Failed") {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message, operator: "fail", stackStartFn: assert.fail });
  };
  assert.equal = function equal(a, b, m) { if (!(a == b || (Number.isNaN(a) && Number.isNaN(b)))) fail(a, b, m, "==", equal); };
  assert.notEqual = function notEqual(a, b, m) { if (a == b) fail(a, b, m, "!=", notEqual); };
  assert.strictEqual = function strictEqual(a, b, m) { if (!Object.is(a, b)) fail(a, b, m, "strictEqual", strictEqual); };
  assert.notStrictEqual = function notStrictEqual(a, b, m) { if (Object.is(a, b)) fail(a, b, m, "notStrictEqual", notStrictEqual); };
  assert.deepEqual = function deepEqualFn(a, b, m) { if (!deepEqual(a, b, false)) fail(a, b, m, "deepEqual", deepEqualFn); };
  assert.notDeepEqual = function notDeepEqual(a, b, m) { if (deepEqual(a, b, false)) fail(a, b, m, "notDeepEqual", notDeepEqual); };
  assert.deepStrictEqual = function deepStrictEqual(a, b, m) { if (!deepEqual(a, b, true)) fail(a, b, m, "deepStrictEqual", deepStrictEqual); };
  assert.notDeepStrictEqual = function notDeepStrictEqual(a, b, m) { if (deepEqual(a, b, true)) fail(a, b, m, "notDeepStrictEqual", notDeepStrictEqual); };
  assert.ifError = function ifError(err) { if (err !== null && err !== undefined) throw err; };

  function matches(err, expected) {
    if (expected === undefined) return true;
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && err instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected(err) === true;
    }
    if (expected instanceof RegExp) return expected.test(String(err));
    if (typeof expected === "object") {
      for (const k of Object.keys(expected)) {
        const v = expected[k];
        if (v instanceof RegExp && typeof err[k] === "string") {
          if (!v.test(err[k])) return false;
        } else if (!deepEqual(err[k], v, true)) return false;
      }
      return true;
    }
    return false;
  }

  assert.throws = function throws(fn, expected, message) {
    if (typeof expected === "string") {
      message = expected;
      expected = undefined;
    }
    try {
      fn();
    } catch (err) {
      if (!matches(err, expected)) {
        if (typeof expected === "function" && expected.prototype !== undefined && !(err instanceof expected)) throw err;
        fail(err, expected, message || `The error did not match the expected value`, "throws", throws);
      }
      return;
    }
    fail(undefined, expected, message || "Missing expected exception.", "throws", throws);
  };
  assert.doesNotThrow = function doesNotThrow(fn, message) {
    try {
      fn();
    } catch (err) {
      fail(err, undefined, typeof message === "string" ? message : `Got unwanted exception.\nActual message: "${err && err.message}"`, "doesNotThrow", doesNotThrow);
    }
  };
  assert.rejects = trackAsync(async function rejects(p, expected, message) {
    try {
      await (typeof p === "function" ? p() : p);
    } catch (err) {
      if (!matches(err, expected)) fail(err, expected, message || "The error did not match the expected value", "rejects", rejects);
      return;
    }
    fail(undefined, expected, message || "Missing expected rejection.", "rejects", rejects);
  });
  assert.doesNotReject = trackAsync(async function doesNotReject(p, message) {
    try {
      await (typeof p === "function" ? p() : p);
    } catch (err) {
      fail(err, undefined, message || `Got unwanted rejection.\nActual message: "${err && err.message}"`, "doesNotReject", doesNotReject);
    }
  });
  assert.match = function match(s, re, m) {
    if (!re.test(s)) fail(s, re, m || `The input did not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`, "match", match);
  };
  assert.doesNotMatch = function doesNotMatch(s, re, m) {
    if (re.test(s)) fail(s, re, m || `The input was expected to not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`, "doesNotMatch", doesNotMatch);
  };
  assert.strict = Object.assign(function strict(v, m) { return assert(v, m); }, assert, {
    equal: assert.strictEqual, notEqual: assert.notStrictEqual, deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
  });
  assert.strict.strict = assert.strict;
  Object.defineProperty(assert, "__deepEqual", { value: deepEqual, enumerable: false });
  module.exports = assert;
});
