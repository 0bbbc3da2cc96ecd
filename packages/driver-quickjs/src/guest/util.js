/*
 * `util`: format, inspect, promisify/callbackify, inherits, deprecate,
 * isDeepStrictEqual, the `types` predicates, TextEncoder/TextDecoder and
 * a few legacy helpers.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { inspect } = require("internal/inspect");
  const { format, formatWithOptions } = require("internal/format");
  const { TextEncoder, TextDecoder } = require("internal/encoding");
  const { invalidArgType, validateFunction } = require("internal/errors");
  const kCustomPromisify = Symbol.for("nodejs.util.promisify.custom");

  function promisify(original) {
    validateFunction(original, "original");
    if (original[kCustomPromisify]) {
      const fn = original[kCustomPromisify];
      validateFunction(fn, "util.promisify.custom");
      return fn;
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        original.call(this, ...args, (err, ...values) => {
          if (err) reject(err);
          else resolve(values[0]);
        });
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = kCustomPromisify;

  function callbackify(original) {
    validateFunction(original, "original");
    return function (...args) {
      const cb = args.pop();
      validateFunction(cb, "last argument");
      original.apply(this, args).then(
        (v) => process.nextTick(cb, null, v),
        (err) => {
          if (!err) {
            const e = new Error("Promise was rejected with a falsy value");
            e.code = "ERR_FALSY_VALUE_REJECTION";
            e.reason = err;
            err = e;
          }
          process.nextTick(cb, err);
        },
      );
    };
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType("ctor", "of type function", ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType("superCtor", "of type function", superCtor);
    if (superCtor.prototype === undefined) throw invalidArgType("superCtor.prototype", "of type object", superCtor.prototype);
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  const warned = new Set();
  function deprecate(fn, msg, code) {
    return function (...args) {
      const key = code || msg;
      if (!warned.has(key) && !process.noDeprecation) {
        warned.add(key);
        process.emitWarning(msg, "DeprecationWarning", code);
      }
      return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
    };
  }

  function isDeepStrictEqual(a, b) {
    return require("assert").__deepEqual(a, b, true);
  }

  const tag = (v) => Object.prototype.toString.call(v);
  const types = {
    isPromise: (v) => v instanceof Promise,
    isRegExp: (v) => v instanceof RegExp,
    isDate: (v) => v instanceof Date,
    isMap: (v) => v instanceof Map,
    isSet: (v) => v instanceof Set,
    isWeakMap: (v) => v instanceof WeakMap,
    isWeakSet: (v) => v instanceof WeakSet,
    isNativeError: (v) => v instanceof Error,
    isArrayBuffer: (v) => v instanceof ArrayBuffer,
    isSharedArrayBuffer: (v) => typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer,
    isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer),
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
    isUint8Array: (v) => v instanceof Uint8Array,
    isUint8ClampedArray: (v) => v instanceof Uint8ClampedArray,
    isUint16Array: (v) => v instanceof Uint16Array,
    isUint32Array: (v) => v instanceof Uint32Array,
    isInt8Array: (v) => v instanceof Int8Array,
    isInt16Array: (v) => v instanceof Int16Array,
    isInt32Array: (v) => v instanceof Int32Array,
    isFloat32Array: (v) => v instanceof Float32Array,
    isFloat64Array: (v) => v instanceof Float64Array,
    isBigInt64Array: (v) => v instanceof BigInt64Array,
    isBigUint64Array: (v) => v instanceof BigUint64Array,
    isDataView: (v) => v instanceof DataView,
    isAsyncFunction: (v) => typeof v === "function" && tag(v) === "[object AsyncFunction]",
    isGeneratorFunction: (v) => typeof v === "function" && /GeneratorFunction\]$/.test(tag(v)),
    isGeneratorObject: (v) => tag(v) === "[object Generator]",
    isMapIterator: (v) => tag(v) === "[object Map Iterator]",
    isSetIterator: (v) => tag(v) === "[object Set Iterator]",
    isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol,
    isNumberObject: (v) => v instanceof Number,
    isStringObject: (v) => v instanceof String,
    isBooleanObject: (v) => v instanceof Boolean,
    isBigIntObject: (v) => v instanceof BigInt,
    isSymbolObject: (v) => v instanceof Symbol,
    isProxy: () => false,
    isArgumentsObject: (v) => tag(v) === "[object Arguments]",
    isModuleNamespaceObject: (v) => tag(v) === "[object Module]",
  };

  function stripVTControlCharacters(str) {
    return String(str).replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, "");
  }

  function styleText(formats, text) {
    const codes = { reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39], gray: [90, 39], grey: [90, 39], black: [30, 39] };
    let out = String(text);
    for (const f of Array.isArray(formats) ? formats : [formats]) {
      const c = codes[f];
      if (!c) throw require("internal/errors").invalidArgValue("format", f, "must be one of the known styles");
      out = `\u001b[${c[0]}m${out}\u001b[${c[1]}m`;
    }
    return out;
  }

  function parseArgs(config = {}) {
    const args = config.args || process.argv.slice(2);
    const options = config.options || {};
    const values = {};
    const positionals = [];
    for (const [name, o] of Object.entries(options)) if (o.default !== undefined) values[name] = o.default;
    const byShort = {};
    for (const [name, o] of Object.entries(options)) if (o.short) byShort[o.short] = name;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "--") {
        positionals.push(...args.slice(i + 1));
        break;
      }
      let name;
      let value;
      if (a.startsWith("--")) {
        const eq = a.indexOf("=");
        name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
        if (eq >= 0) value = a.slice(eq + 1);
      } else if (a.startsWith("-") && a.length > 1) {
        name = byShort[a[1]] || a[1];
        if (a.length > 2) value = a.slice(2);
      } else {
        if (config.allowPositionals === false || (config.allowPositionals === undefined && config.strict !== false)) {
          const err = new TypeError(`Unexpected argument '${a}'. This command does not take positional arguments`);
          err.code = "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";
          throw err;
        }
        positionals.push(a);
        continue;
      }
      const o = options[name];
      if (!o && config.strict !== false) {
        const err = new TypeError(`Unknown option '${a}'`);
        err.code = "ERR_PARSE_ARGS_UNKNOWN_OPTION";
        throw err;
      }
      if (o && o.type === "string" && value === undefined) value = args[++i];
      if (!o || o.type === "boolean") value = value === undefined ? true : value;
      if (o && o.multiple) (values[name] = Array.isArray(values[name]) && values[name] !== o.default ? values[name] : []).push(value);
      else values[name] = value;
    }
    return { values, positionals };
  }

  module.exports = {
    format, formatWithOptions, inspect, promisify, callbackify, inherits, deprecate, isDeepStrictEqual, types,
    TextEncoder, TextDecoder, stripVTControlCharacters, styleText, parseArgs,
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === "boolean",
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === "number",
    isString: (v) => typeof v === "string",
    isSymbol: (v) => typeof v === "symbol",
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === "object",
    isDate: types.isDate,
    isError: types.isNativeError,
    isFunction: (v) => typeof v === "function",
    isPrimitive: (v) => v === null || (typeof v !== "object" && typeof v !== "function"),
    debuglog: (section) => {
      const enabled = new RegExp(`^(${(process.env.NODE_DEBUG || "").split(",").map((s) => s.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")).join("|")})$`, "i").test(section) && process.env.NODE_DEBUG;
      const fn = (...args) => {
        if (enabled) process.stderr.write(`${section.toUpperCase()} ${process.pid}: ${format(...args)}\n`);
      };
      fn.enabled = Boolean(enabled);
      return fn;
    },
    toUSVString: (s) => String(s).toWellFormed ? String(s).toWellFormed() : String(s),
    getSystemErrorName: (errno) => Object.entries(require("internal/sys").ERRNO).find(([, v]) => v === -errno)?.[0],
  };
  module.exports.debug = module.exports.debuglog;
});
