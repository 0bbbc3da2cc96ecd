/*
 * `util.format` and `util.formatWithOptions`: printf-style %s %d %i %f %j
 * %o %O %c %% substitution, then the remaining arguments inspected and
 * joined with spaces, as console.log prints them.
 */
(function (exports, require, module, internal) {
  "use strict";
  const { inspect } = require("internal/inspect");

  function formatNumber(n) {
    return Object.is(n, -0) ? "-0" : `${n}`;
  }

  function formatWithOptions(inspectOptions, ...args) {
    const first = args[0];
    let a = 0;
    let str = "";
    let join = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) === 37) {
          const nextChar = first.charCodeAt(++i);
          if (a + 1 !== args.length) {
            switch (nextChar) {
              case 115: {
                const tempArg = args[++a];
                if (typeof tempArg === "number") tempStr = formatNumber(tempArg);
                else if (typeof tempArg === "bigint") tempStr = `${tempArg}n`;
                else if (typeof tempArg !== "object" || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = String(tempArg);
                else tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
                break;
              }
              case 106:
                tempStr = tryStringify(args[++a]);
                break;
              case 100: {
                const tempNum = args[++a];
                if (typeof tempNum === "bigint") tempStr = `${tempNum}n`;
                else if (typeof tempNum === "symbol") tempStr = "NaN";
                else tempStr = formatNumber(Number(tempNum));
                break;
              }
              case 79:
                tempStr = inspect(args[++a], inspectOptions);
                break;
              case 111:
                tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
                break;
              case 105: {
                const tempInteger = args[++a];
                if (typeof tempInteger === "bigint") tempStr = `${tempInteger}n`;
                else if (typeof tempInteger === "symbol") tempStr = "NaN";
                else tempStr = formatNumber(Number.parseInt(tempInteger));
                break;
              }
              case 102: {
                const tempFloat = args[++a];
                tempStr = typeof tempFloat === "symbol" ? "NaN" : formatNumber(Number.parseFloat(tempFloat));
                break;
              }
              case 99:
                a += 1;
                tempStr = "";
                break;
              case 37:
                str += first.slice(lastPos, i);
                lastPos = i + 1;
                continue;
              default:
                continue;
            }
            if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
            str += tempStr;
            lastPos = i + 1;
          } else if (nextChar === 37) {
            str += first.slice(lastPos, i);
            lastPos = i + 1;
          }
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== "string" ? inspect(value, inspectOptions) : value;
      join = " ";
      a++;
    }
    return str;
  }

  /** Constructors V8 provides (Node's builtInObjects): their instances' toString is not the program's own. */
  const BUILT_IN_OBJECTS = new Set([
    "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError",
    "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "ArrayBuffer", "Uint8Array", "Int8Array",
    "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "Uint8ClampedArray", "BigUint64Array",
    "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet", "Proxy", "Reflect", "SharedArrayBuffer", "WeakRef",
    "FinalizationRegistry",
  ]);

  /** Node's test for %s: whether `value`'s toString is a built-in one (then it is inspected rather than stringified). */
  function hasBuiltInToString(value) {
    if (typeof value.toString !== "function") return true;
    if (Object.prototype.hasOwnProperty.call(value, "toString")) return false;
    let pointer = value;
    do pointer = Object.getPrototypeOf(pointer);
    while (pointer !== null && !Object.prototype.hasOwnProperty.call(pointer, "toString"));
    if (pointer === null) return true;
    const descriptor = Object.getOwnPropertyDescriptor(pointer, "constructor");
    return descriptor !== undefined && typeof descriptor.value === "function" && BUILT_IN_OBJECTS.has(descriptor.value.name);
  }

  function tryStringify(arg) {
    try {
      return JSON.stringify(arg);
    } catch (err) {
      if (err instanceof TypeError && /circular|cyclic/i.test(err.message)) return "[Circular]";
      throw err;
    }
  }

  function format(...args) {
    return formatWithOptions(undefined, ...args);
  }

  module.exports = { format, formatWithOptions };
});
