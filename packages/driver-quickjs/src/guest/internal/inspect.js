/*
 * `util.inspect`, following Node's formatting rules:
 * quoting, `[Object]` past the depth, `<ref *1>`/`[Circular *1]`, class and
 * null-prototype prefixes, Map/Set/typed array/Buffer/Error/Promise forms,
 * the 80-column single-line rule with Node's "compact = 3" nesting check,
 * and the grouping of long arrays of short items into columns.
 */
(function (exports, require, module, internal) {
  "use strict";
  const customInspect = Symbol.for("nodejs.util.inspect.custom");
  const kObject = 0;
  const kArray = 1;
  const { reduceToSingleString, ARRAY_EXTRAS: kArrayExtras } = require("internal/inspect-layout");

  const defaults = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
    numericSeparator: false,
  };

  const identifier = /^[a-zA-Z_$][a-zA-Z_$0-9]*$/;
  const meta = [
    "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07", "\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r",
    "\\x0E", "\\x0F", "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17", "\\x18", "\\x19", "\\x1A",
    "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F",
  ];

  function strEscape(str) {
    let quote = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) quote = '"';
      else if (!str.includes("`") && !str.includes("${")) quote = "`";
    }
    let out = "";
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      const ch = str[i];
      if (c < 32) out += meta[c];
      else if (c === 127) out += "\\x7F";
      else if (ch === quote || ch === "\\") out += `\\${ch}`;
      else out += ch;
    }
    return `${quote}${out}${quote}`;
  }

  function inspect(value, opts) {
    const ctx = { ...defaults, seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0, budget: {} };
    if (arguments.length > 1 && typeof opts === "boolean") ctx.showHidden = opts;
    else if (opts && typeof opts === "object") {
      for (const key of Object.keys(opts)) if (key in defaults || key === "stylize") ctx[key] = opts[key];
    }
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0, true);
  }
  inspect.custom = customInspect;
  inspect.defaultOptions = defaults;
  inspect.colors = Object.create(null);
  inspect.styles = Object.create(null);

  function formatPrimitive(ctx, value, top) {
    switch (typeof value) {
      case "string": {
        let trailer = "";
        if (value.length > ctx.maxStringLength) {
          const remaining = value.length - ctx.maxStringLength;
          value = value.slice(0, ctx.maxStringLength);
          trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
        }
        if (!top && ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
          const parts = value.split(/(?<=\n)/);
          if (parts.length > 1) {
            return parts.map((line) => strEscape(line)).join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
          }
        }
        return strEscape(value) + trailer;
      }
      case "number":
        return Object.is(value, -0) ? "-0" : String(value);
      case "bigint":
        return `${value}n`;
      case "boolean":
        return String(value);
      case "undefined":
        return "undefined";
      case "symbol":
        return value.toString();
      default:
        return String(value);
    }
  }

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx, value, false);
    if (value === null) return "null";
    if (ctx.customInspect) {
      const fn = value[customInspect];
      if (typeof fn === "function" && fn !== inspect && !(Object.getOwnPropertyDescriptor(value, "constructor") && value.constructor.prototype === value)) {
        const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
        const options = { ...ctx, depth, stylize: (s) => s, seen: undefined };
        const ret = fn.call(value, depth, options, inspect);
        if (ret !== value) {
          if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
          return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
        }
      }
    }
    if (ctx.seen.includes(value)) {
      let index = 1;
      if (ctx.circular.has(value)) index = ctx.circular.get(value);
      else {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function getConstructorName(obj) {
    let proto = obj;
    while (proto !== null && proto !== undefined) {
      const desc = Object.getOwnPropertyDescriptor(proto, "constructor");
      if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "") return desc.value.name;
      proto = Object.getPrototypeOf(proto);
    }
    return null;
  }

  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  function isError(v) {
    return v instanceof Error || Object.prototype.toString.call(v) === "[object Error]";
  }

  function getKeys(value, showHidden) {
    const symbols = Object.getOwnPropertySymbols(value);
    if (showHidden) return Object.getOwnPropertyNames(value).concat(symbols);
    const keys = Object.keys(value);
    for (const s of symbols) if (Object.prototype.propertyIsEnumerable.call(value, s)) keys.push(s);
    return keys;
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    const constructor = getConstructorName(value);
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== "string" || (tag !== "" && (ctx.showHidden ? Object.prototype.hasOwnProperty : Object.prototype.propertyIsEnumerable).call(value, Symbol.toStringTag))) tag = "";
    let base = "";
    let formatter = getEmptyFormatArray;
    let braces;
    let noIterator = true;
    let extrasType = kObject;
    let i = 0;
    const filter = ctx.showHidden;

    if (Symbol.iterator in value || constructor === null) {
      noIterator = false;
      if (Array.isArray(value)) {
        const prefix = constructor !== "Array" || tag !== "" ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
        keys = getOwnNonIndexProperties(value, filter);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
        extrasType = kArrayExtras;
        formatter = formatArray;
      } else if (value instanceof Set) {
        const size = value.size;
        const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatSet;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (value instanceof Map) {
        const size = value.size;
        const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatMap;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        keys = getOwnNonIndexProperties(value, filter);
        if (internal.isBuffer && internal.isBuffer(value)) return formatBuffer(ctx, value, keys, recurseTimes);
        const fallback = value[Symbol.toStringTag] || "TypedArray";
        const size = value.length;
        const prefix = getPrefix(constructor, tag === fallback ? "" : tag, fallback, `(${size})`);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
        formatter = formatTypedArray;
        extrasType = kArrayExtras;
      } else if (isMapIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = [`[${tag || "Map Iterator"}] {`, "}"];
        formatter = formatIterator;
      } else if (isSetIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = [`[${tag || "Set Iterator"}] {`, "}"];
        formatter = formatIterator;
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ["{", "}"];
      if (constructor === "Object") {
        if (isArguments(value)) braces[0] = "[Arguments] [";
        else if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        if (keys.length === 0) return `${braces[0]}}`;
        if (braces[0] === "[Arguments] [") {
          braces[1] = "]";
          extrasType = kArrayExtras;
          formatter = formatArray;
          keys = [];
        }
      } else if (typeof value === "function") {
        base = getFunctionBase(value, constructor, tag);
        keys = keys.filter((k) => k !== "prototype" || ctx.showHidden);
        if (keys.length === 0) return base;
      } else if (value instanceof RegExp) {
        base = RegExp.prototype.toString.call(value);
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        keys = keys.filter((k) => k !== "lastIndex");
        if (keys.length === 0) return base;
      } else if (value instanceof Date) {
        base = Number.isNaN(value.getTime()) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
        const prefix = getPrefix(constructor, tag, "Date");
        if (prefix !== "Date ") base = `${prefix}${base}`;
        if (keys.length === 0) return base;
      } else if (isError(value)) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0) return base;
      } else if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
        const arrayType = value instanceof ArrayBuffer ? "ArrayBuffer" : "SharedArrayBuffer";
        const prefix = getPrefix(constructor, tag, arrayType);
        if (typedArray === undefined) formatter = formatArrayBuffer;
        else if (keys.length === 0) return `${prefix}{ byteLength: ${formatPrimitive(ctx, value.byteLength)} }`;
        braces[0] = `${prefix}{`;
        keys.unshift("byteLength");
      } else if (value instanceof DataView) {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        keys.unshift("byteLength", "byteOffset", "buffer");
      } else if (value instanceof Promise) {
        braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
        formatter = formatPromise;
      } else if (constructor === null && tag === "Module" && Object.prototype.toString.call(value) === "[object Module]") {
        braces[0] = `${getPrefix(constructor, tag, "Module")}{`;
      } else if (value instanceof WeakSet) {
        braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
        formatter = () => ["<items unknown>"];
      } else if (value instanceof WeakMap) {
        braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
        formatter = () => ["<items unknown>"];
      } else if (isBoxed(value)) {
        const [type, prim] = unbox(value);
        base = `[${type}${type !== constructor ? (constructor === null ? " (null prototype)" : ` (${constructor})`) : ""}: ${formatPrimitive({ ...ctx, compact: 3 }, prim, false)}]`;
        if (type === "String") keys = keys.filter((k) => !/^\d+$/.test(k) && k !== "length");
        if (keys.length === 0) return base;
      } else {
        if (keys.length === 0) return `${getCtxName(value, constructor, tag)}{}`;
        braces[0] = `${getCtxName(value, constructor, tag)}{`;
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let name = getCtxName(value, constructor, tag).slice(0, -1);
      if (constructor !== null) name = `[${name}]`;
      return name;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    } finally {
      ctx.seen.pop();
    }
    if (ctx.circular.has(value)) {
      const reference = `<ref *${ctx.circular.get(value)}>`;
      if (base === "") braces[0] = `${reference} ${braces[0]}`;
      else base = `${reference} ${base}`;
    }
    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObject) output.sort(comparator);
    }
    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    const budget = ctx.budget[ctx.indentationLvl] || 0;
    const newLength = budget + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    return res;
  }

  function getCtxName(value, constructor, tag) {
    return getPrefix(constructor, tag, "Object");
  }

  function isArguments(v) {
    return Object.prototype.toString.call(v) === "[object Arguments]";
  }
  function isMapIterator(v) {
    return Object.prototype.toString.call(v) === "[object Map Iterator]";
  }
  function isSetIterator(v) {
    return Object.prototype.toString.call(v) === "[object Set Iterator]";
  }
  function isBoxed(v) {
    return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol;
  }
  function unbox(v) {
    if (v instanceof Number) return ["Number", Number.prototype.valueOf.call(v)];
    if (v instanceof String) return ["String", String.prototype.valueOf.call(v)];
    if (v instanceof Boolean) return ["Boolean", Boolean.prototype.valueOf.call(v)];
    if (v instanceof BigInt) return ["BigInt", BigInt.prototype.valueOf.call(v)];
    return ["Symbol", Symbol.prototype.valueOf.call(v)];
  }

  function getFunctionBase(value, constructor, tag) {
    let src = "";
    try {
      src = Function.prototype.toString.call(value);
    } catch {
      src = "";
    }
    if (src.startsWith("class") && /^class\s*[\s{A-Za-z_$]/.test(src)) {
      let base = `[class ${value.name || "(anonymous)"}`;
      const superName = Object.getPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
      if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
      return `${base}]`;
    }
    let type = "Function";
    const ctorName = constructor;
    if (ctorName === "AsyncFunction" || ctorName === "GeneratorFunction" || ctorName === "AsyncGeneratorFunction") type = ctorName;
    let base = `[${type}`;
    if (constructor === null) base += " (null prototype)";
    base += value.name === "" || typeof value.name !== "string" ? " (anonymous)" : `: ${value.name}`;
    base += "]";
    if (constructor !== type && constructor !== null && constructor !== "Function") base += ` ${constructor}`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function errorStack(err) {
    const stack = err.stack;
    const name = err.name || "Error";
    const message = err.message === undefined ? "" : String(err.message);
    const head = message ? `${name}: ${message}` : name;
    if (typeof stack === "string" && stack !== "") {
      if (/^\s+at /.test(stack)) return `${head}\n${stack.replace(/\n$/, "")}`;
      // Node wraps a stack with no frames in brackets.
      return stack.includes("\n    at") ? stack.replace(/\n$/, "") : `[${stack.replace(/\n$/, "")}]`;
    }
    // QuickJS leaves a stack overflow's stack null (there is no room to format it): show it as an error still.
    if (stack === null && err instanceof RangeError && message === "Maximum call stack size exceeded") return head;
    return `[${head}]`;
  }

  function formatError(err, constructor, tag, ctx, keys) {
    let stack = errorStack(err);
    // The stack was written when the error was made; a name the constructor set afterwards is the
    // one V8 (which writes the stack on first use) shows.
    if (typeof err.name === "string" && Object.prototype.hasOwnProperty.call(err, "name") && typeof err.stack === "string") {
      const m = /^([\w$.]+)(?=: |\n|$)/.exec(stack);
      if (m !== null && m[1] !== err.name && /Error$/.test(m[1]) && err.stack.startsWith(m[1])) stack = err.name + stack.slice(m[1].length);
    }
    const nameIdx = keys.indexOf("name");
    if (nameIdx >= 0 && typeof err.name === "string" && stack.includes(err.name)) keys.splice(nameIdx, 1);
    const msgIdx = keys.indexOf("message");
    if (msgIdx >= 0 && typeof err.message === "string" && stack.includes(err.message)) keys.splice(msgIdx, 1);
    const stackIdx = keys.indexOf("stack");
    if (stackIdx >= 0) keys.splice(stackIdx, 1);
    if (err.cause !== undefined && !keys.includes("cause") && Object.prototype.hasOwnProperty.call(err, "cause")) keys.push("cause");
    if (Array.isArray(err.errors) && !keys.includes("errors") && Object.prototype.hasOwnProperty.call(err, "errors")) keys.push("errors");
    const name = err.name != null ? String(err.name) : "Error";
    if (constructor === null) stack = `[${name}: null prototype] ${stack}`;
    if (ctx.indentationLvl !== 0) {
      const indentation = " ".repeat(ctx.indentationLvl);
      stack = stack.replace(/\n/g, `\n${indentation}`);
    }
    return stack;
  }

  function getOwnNonIndexProperties(value, showHidden) {
    const keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
    const out = [];
    for (const k of keys) {
      if (/^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295) continue;
      out.push(k);
    }
    for (const s of Object.getOwnPropertySymbols(value)) {
      if (showHidden || Object.prototype.propertyIsEnumerable.call(value, s)) out.push(s);
    }
    return out;
  }

  function getEmptyFormatArray() {
    return [];
  }

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
    const remaining = valLen - len;
    const output = [];
    let holes = 0;
    for (let i = 0; i < len; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) {
        holes++;
        continue;
      }
      if (holes > 0) {
        output.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
        holes = 0;
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArray));
    }
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
    if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = value.length;
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = new Array(maxLength);
    for (let i = 0; i < maxLength; ++i) output[i] = formatPrimitive(ctx, value[i]);
    if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"]) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    const bytes = new Uint8Array(value);
    const max = Math.min(50, bytes.length);
    let str = "";
    for (let i = 0; i < max; i++) str += `${i ? " " : ""}${bytes[i].toString(16).padStart(2, "0")}`;
    const remaining = bytes.length - max;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`[Uint8Contents]: <${str}>`];
  }

  function formatBuffer(ctx, value, keys, recurseTimes) {
    const max = Math.min(50, value.length);
    let str = "";
    for (let i = 0; i < max; i++) str += ` ${value[i].toString(16).padStart(2, "0")}`;
    const remaining = value.length - max;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    if (keys.length > 0) {
      const extras = keys.map((k) => formatProperty(ctx, value, recurseTimes + 1, k, kObject));
      str += `, ${extras.join(", ")}`;
    }
    return `<${getConstructorName(value) || "Buffer"}${str}>`;
  }

  function formatSet(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const v of value) output.push(formatValue(ctx, v, recurseTimes));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const [k, v] of value) output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatIterator() {
    return ["..."];
  }

  function formatPromise(ctx, value, recurseTimes) {
    const state = internal.binding.promiseState(value);
    if (state === 0) return ["<pending>"];
    ctx.indentationLvl += 2;
    const result = internal.binding.promiseResult(value);
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 2 ? `<rejected> ${str}` : str];
  }

  function formatProperty(ctx, value, recurseTimes, key, type) {
    let name;
    let str;
    const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = ctx.compact !== true || type !== kObject ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < str.length + 4) str = `\n${" ".repeat(ctx.indentationLvl)}${str}`;
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
      if (ctx.getters) {
        try {
          const tmp = desc.get.call(value);
          ctx.indentationLvl += 2;
          str = tmp === null || typeof tmp !== "object" ? `[${label}: ${formatPrimitive(ctx, tmp)}]` : `[${label}] ${formatValue(ctx, tmp, recurseTimes)}`;
          ctx.indentationLvl -= 2;
        } catch (err) {
          str = `[${label}: <Inspection threw (${err.message})>]`;
        }
      } else {
        str = `[${label}]`;
      }
    } else if (desc.set !== undefined) {
      str = "[Setter]";
    } else {
      str = "undefined";
    }
    if (type === kArray) return str;
    if (typeof key === "symbol") name = `[${key.toString()}]`;
    else if (key === "__proto__") name = "['__proto__']";
    else if (desc.enumerable === false) name = `[${identifier.test(key) ? key : strEscape(key)}]`;
    else if (identifier.test(key)) name = key;
    else name = strEscape(key);
    return `${name}: ${str}`;
  }

  internal.inspect = inspect;
  module.exports = { inspect, errorStack, strEscape };
});
