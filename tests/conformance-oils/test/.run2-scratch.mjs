import { createRequire as __cr } from "module"; const require = __cr(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/path.js
var require_path = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.basename = exports.isAbsolute = exports.normalize = exports.dirname = exports.relative = exports.join = exports.posix = exports.sep = exports.resolve = void 0;
    var node_path_1 = __require("node:path");
    Object.defineProperty(exports, "resolve", { enumerable: true, get: function() {
      return node_path_1.resolve;
    } });
    Object.defineProperty(exports, "sep", { enumerable: true, get: function() {
      return node_path_1.sep;
    } });
    Object.defineProperty(exports, "posix", { enumerable: true, get: function() {
      return node_path_1.posix;
    } });
    Object.defineProperty(exports, "join", { enumerable: true, get: function() {
      return node_path_1.join;
    } });
    Object.defineProperty(exports, "relative", { enumerable: true, get: function() {
      return node_path_1.relative;
    } });
    Object.defineProperty(exports, "dirname", { enumerable: true, get: function() {
      return node_path_1.dirname;
    } });
    Object.defineProperty(exports, "normalize", { enumerable: true, get: function() {
      return node_path_1.normalize;
    } });
    Object.defineProperty(exports, "isAbsolute", { enumerable: true, get: function() {
      return node_path_1.isAbsolute;
    } });
    Object.defineProperty(exports, "basename", { enumerable: true, get: function() {
      return node_path_1.basename;
    } });
  }
});

// ../../work/main/node_modules/.pnpm/thingies@2.6.1_tslib@2.9.1/node_modules/thingies/lib/fanout.js
var require_fanout = __commonJS({
  "../../work/main/node_modules/.pnpm/thingies@2.6.1_tslib@2.9.1/node_modules/thingies/lib/fanout.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FanOut = void 0;
    var FanOut = class {
      constructor() {
        this.listeners = /* @__PURE__ */ new Set();
      }
      emit(data) {
        this.listeners.forEach((listener) => listener(data));
      }
      listen(listener) {
        const listeners = this.listeners;
        listeners.add(listener);
        return () => listeners.delete(listener);
      }
    };
    exports.FanOut = FanOut;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/process.js
var require_process = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/process.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createProcess = createProcess;
    var maybeReturnProcess = () => {
      if (typeof process !== "undefined") {
        return process;
      }
      try {
        return __require("process");
      } catch {
        return void 0;
      }
    };
    function createProcess() {
      const p = maybeReturnProcess() || {};
      if (!p.cwd)
        p.cwd = () => "/";
      if (!p.emitWarning)
        p.emitWarning = (message, type) => {
          console.warn(`${type}${type ? ": " : ""}${message}`);
        };
      if (!p.env)
        p.env = {};
      return p;
    }
    exports.default = createProcess();
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/buffer.js
var require_buffer = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/buffer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Buffer = void 0;
    var node_buffer_1 = __require("node:buffer");
    Object.defineProperty(exports, "Buffer", { enumerable: true, get: function() {
      return node_buffer_1.Buffer;
    } });
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/internal/buffer.js
var require_buffer2 = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-builtins@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-builtins/lib/internal/buffer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.bufferFrom = exports.bufferAllocUnsafe = exports.Buffer = void 0;
    var buffer_1 = require_buffer();
    Object.defineProperty(exports, "Buffer", { enumerable: true, get: function() {
      return buffer_1.Buffer;
    } });
    function bufferV0P12Ponyfill(arg0, ...args) {
      return new buffer_1.Buffer(arg0, ...args);
    }
    var bufferAllocUnsafe = buffer_1.Buffer.allocUnsafe || bufferV0P12Ponyfill;
    exports.bufferAllocUnsafe = bufferAllocUnsafe;
    var bufferFrom = buffer_1.Buffer.from || bufferV0P12Ponyfill;
    exports.bufferFrom = bufferFrom;
  }
});

// ../../work/main/node_modules/.pnpm/tslib@2.9.1/node_modules/tslib/tslib.es6.mjs
var tslib_es6_exports = {};
__export(tslib_es6_exports, {
  __addDisposableResource: () => __addDisposableResource,
  __assign: () => __assign,
  __asyncDelegator: () => __asyncDelegator,
  __asyncGenerator: () => __asyncGenerator,
  __asyncValues: () => __asyncValues,
  __await: () => __await,
  __awaiter: () => __awaiter,
  __classPrivateFieldGet: () => __classPrivateFieldGet,
  __classPrivateFieldIn: () => __classPrivateFieldIn,
  __classPrivateFieldSet: () => __classPrivateFieldSet,
  __createBinding: () => __createBinding,
  __decorate: () => __decorate,
  __disposeResources: () => __disposeResources,
  __esDecorate: () => __esDecorate,
  __exportStar: () => __exportStar,
  __extends: () => __extends,
  __generator: () => __generator,
  __importDefault: () => __importDefault,
  __importStar: () => __importStar,
  __makeTemplateObject: () => __makeTemplateObject,
  __metadata: () => __metadata,
  __param: () => __param,
  __propKey: () => __propKey,
  __read: () => __read,
  __rest: () => __rest,
  __rewriteRelativeImportExtension: () => __rewriteRelativeImportExtension,
  __runInitializers: () => __runInitializers,
  __setFunctionName: () => __setFunctionName,
  __spread: () => __spread,
  __spreadArray: () => __spreadArray,
  __spreadArrays: () => __spreadArrays,
  __values: () => __values,
  default: () => tslib_es6_default
});
function __extends(d, b) {
  if (typeof b !== "function" && b !== null)
    throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
  extendStatics(d, b);
  function __() {
    this.constructor = d;
  }
  d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
}
function __rest(s, e) {
  var t = {};
  for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
    t[p] = s[p];
  if (s != null && typeof Object.getOwnPropertySymbols === "function")
    for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
      if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
        t[p[i]] = s[p[i]];
    }
  return t;
}
function __decorate(decorators, target, key, desc) {
  var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
  if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
  else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function __param(paramIndex, decorator) {
  return function(target, key) {
    decorator(target, key, paramIndex);
  };
}
function __esDecorate(ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
  function accept(f) {
    if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected");
    return f;
  }
  var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
  var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
  var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
  var _, done = false;
  for (var i = decorators.length - 1; i >= 0; i--) {
    var context = {};
    for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
    for (var p in contextIn.access) context.access[p] = contextIn.access[p];
    context.addInitializer = function(f) {
      if (done) throw new TypeError("Cannot add initializers after decoration has completed");
      extraInitializers.push(accept(f || null));
    };
    var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
    if (kind === "accessor") {
      if (result === void 0) continue;
      if (result === null || typeof result !== "object") throw new TypeError("Object expected");
      if (_ = accept(result.get)) descriptor.get = _;
      if (_ = accept(result.set)) descriptor.set = _;
      if (_ = accept(result.init)) initializers.unshift(_);
    } else if (_ = accept(result)) {
      if (kind === "field") initializers.unshift(_);
      else descriptor[key] = _;
    }
  }
  if (target) Object.defineProperty(target, contextIn.name, descriptor);
  done = true;
}
function __runInitializers(thisArg, initializers, value) {
  var useValue = arguments.length > 2;
  for (var i = 0; i < initializers.length; i++) {
    value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
  }
  return useValue ? value : void 0;
}
function __propKey(x) {
  return typeof x === "symbol" ? x : "".concat(x);
}
function __setFunctionName(f, name, prefix) {
  if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
  return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
}
function __metadata(metadataKey, metadataValue) {
  if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(metadataKey, metadataValue);
}
function __awaiter(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
}
function __generator(thisArg, body) {
  var _ = { label: 0, sent: function() {
    if (t[0] & 1) throw t[1];
    return t[1];
  }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
  return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() {
    return this;
  }), g;
  function verb(n) {
    return function(v) {
      return step([n, v]);
    };
  }
  function step(op) {
    if (f) throw new TypeError("Generator is already executing.");
    while (g && (g = 0, op[0] && (_ = 0)), _) try {
      if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
      if (y = 0, t) op = [op[0] & 2, t.value];
      switch (op[0]) {
        case 0:
        case 1:
          t = op;
          break;
        case 4:
          _.label++;
          return { value: op[1], done: false };
        case 5:
          _.label++;
          y = op[1];
          op = [0];
          continue;
        case 7:
          op = _.ops.pop();
          _.trys.pop();
          continue;
        default:
          if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) {
            _ = 0;
            continue;
          }
          if (op[0] === 3 && (!t || op[1] > t[0] && op[1] < t[3])) {
            _.label = op[1];
            break;
          }
          if (op[0] === 6 && _.label < t[1]) {
            _.label = t[1];
            t = op;
            break;
          }
          if (t && _.label < t[2]) {
            _.label = t[2];
            _.ops.push(op);
            break;
          }
          if (t[2]) _.ops.pop();
          _.trys.pop();
          continue;
      }
      op = body.call(thisArg, _);
    } catch (e) {
      op = [6, e];
      y = 0;
    } finally {
      f = t = 0;
    }
    if (op[0] & 5) throw op[1];
    return { value: op[0] ? op[1] : void 0, done: true };
  }
}
function __exportStar(m, o) {
  for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(o, p)) __createBinding(o, m, p);
}
function __values(o) {
  var s = typeof Symbol === "function" && Symbol.iterator, m = s && o[s], i = 0;
  if (m) return m.call(o);
  if (o && typeof o.length === "number") return {
    next: function() {
      if (o && i >= o.length) o = void 0;
      return { value: o && o[i++], done: !o };
    }
  };
  throw new TypeError(s ? "Object is not iterable." : "Symbol.iterator is not defined.");
}
function __read(o, n) {
  var m = typeof Symbol === "function" && o[Symbol.iterator];
  if (!m) return o;
  var i = m.call(o), r, ar = [], e;
  try {
    while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value);
  } catch (error) {
    e = { error };
  } finally {
    try {
      if (r && !r.done && (m = i["return"])) m.call(i);
    } finally {
      if (e) throw e.error;
    }
  }
  return ar;
}
function __spread() {
  for (var ar = [], i = 0; i < arguments.length; i++)
    ar = ar.concat(__read(arguments[i]));
  return ar;
}
function __spreadArrays() {
  for (var s = 0, i = 0, il = arguments.length; i < il; i++) s += arguments[i].length;
  for (var r = Array(s), k2 = 0, i = 0; i < il; i++)
    for (var a = arguments[i], j = 0, jl = a.length; j < jl; j++, k2++)
      r[k2] = a[j];
  return r;
}
function __spreadArray(to, from, pack) {
  if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
    if (ar || !(i in from)) {
      if (!ar) ar = Array.prototype.slice.call(from, 0, i);
      ar[i] = from[i];
    }
  }
  return to.concat(ar || Array.prototype.slice.call(from));
}
function __await(v) {
  return this instanceof __await ? (this.v = v, this) : new __await(v);
}
function __asyncGenerator(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
}
function __asyncDelegator(o) {
  var i, p;
  return i = {}, verb("next"), verb("throw", function(e) {
    throw e;
  }), verb("return"), i[Symbol.iterator] = function() {
    return this;
  }, i;
  function verb(n, f) {
    i[n] = o[n] ? function(v) {
      return (p = !p) ? { value: __await(o[n](v)), done: false } : f ? f(v) : v;
    } : f;
  }
}
function __asyncValues(o) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var m = o[Symbol.asyncIterator], i;
  return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
    return this;
  }, i);
  function verb(n) {
    i[n] = o[n] && function(v) {
      return new Promise(function(resolve, reject) {
        v = o[n](v), settle(resolve, reject, v.done, v.value);
      });
    };
  }
  function settle(resolve, reject, d, v) {
    Promise.resolve(v).then(function(v2) {
      resolve({ value: v2, done: d });
    }, reject);
  }
}
function __makeTemplateObject(cooked, raw) {
  if (Object.defineProperty) {
    Object.defineProperty(cooked, "raw", { value: raw });
  } else {
    cooked.raw = raw;
  }
  return cooked;
}
function __importStar(mod) {
  if (mod && mod.__esModule) return mod;
  var result = {};
  if (mod != null) {
    for (var k2 = ownKeys(mod), i = 0; i < k2.length; i++) if (k2[i] !== "default") __createBinding(result, mod, k2[i]);
  }
  __setModuleDefault(result, mod);
  return result;
}
function __importDefault(mod) {
  return mod && mod.__esModule ? mod : { default: mod };
}
function __classPrivateFieldGet(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
}
function __classPrivateFieldSet(receiver, state, value, kind, f) {
  if (kind === "m") throw new TypeError("Private method is not writable");
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
  return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
}
function __classPrivateFieldIn(state, receiver) {
  if (receiver === null || typeof receiver !== "object" && typeof receiver !== "function") throw new TypeError("Cannot use 'in' operator on non-object");
  return typeof state === "function" ? receiver === state : state.has(receiver);
}
function __addDisposableResource(env, value, async) {
  if (value !== null && value !== void 0) {
    if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
    var dispose, inner;
    if (async) {
      if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
      dispose = value[Symbol.asyncDispose];
    }
    if (dispose === void 0) {
      if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
      dispose = value[Symbol.dispose];
      if (async) inner = dispose;
    }
    if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
    if (inner) dispose = function() {
      try {
        inner.call(this);
      } catch (e) {
        return Promise.reject(e);
      }
    };
    env.stack.push({ value, dispose, async });
  } else if (async) {
    env.stack.push({ async: true });
  }
  return value;
}
function __disposeResources(env) {
  function fail(e) {
    env.error = env.hasError ? new _SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
    env.hasError = true;
  }
  var r, s = 0;
  function next() {
    while (r = env.stack.pop()) {
      try {
        if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
        if (r.dispose) {
          var result = r.dispose.call(r.value);
          if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) {
            fail(e);
            return next();
          });
        } else s |= 1;
      } catch (e) {
        fail(e);
      }
    }
    if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
    if (env.hasError) throw env.error;
  }
  return next();
}
function __rewriteRelativeImportExtension(path, preserveJsx, extraExtensions, ignoreCase) {
  if (typeof path === "string" && /^\.\.?\//.test(path)) {
    if (extraExtensions) {
      for (var extension in extraExtensions) {
        var suffix = path.slice(-extension.length);
        if (suffix === extension || ignoreCase && suffix.toLowerCase() === extension.toLowerCase()) {
          var output = extraExtensions[extension];
          return output === extension ? path : path.slice(0, -extension.length) + output;
        }
      }
    }
    return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function(m, tsx, d, ext, cm) {
      return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : d + ext + "." + cm.toLowerCase() + "js";
    });
  }
  return path;
}
var extendStatics, __assign, __createBinding, __setModuleDefault, ownKeys, _SuppressedError, tslib_es6_default;
var init_tslib_es6 = __esm({
  "../../work/main/node_modules/.pnpm/tslib@2.9.1/node_modules/tslib/tslib.es6.mjs"() {
    extendStatics = function(d, b) {
      extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
        d2.__proto__ = b2;
      } || function(d2, b2) {
        for (var p in b2) if (Object.prototype.hasOwnProperty.call(b2, p)) d2[p] = b2[p];
      };
      return extendStatics(d, b);
    };
    __assign = function() {
      __assign = Object.assign || function __assign2(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
        }
        return t;
      };
      return __assign.apply(this, arguments);
    };
    __createBinding = Object.create ? (function(o, m, k2, k22) {
      if (k22 === void 0) k22 = k2;
      var desc = Object.getOwnPropertyDescriptor(m, k2);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k2];
        } };
      }
      Object.defineProperty(o, k22, desc);
    }) : (function(o, m, k2, k22) {
      if (k22 === void 0) k22 = k2;
      o[k22] = m[k2];
    });
    __setModuleDefault = Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    };
    ownKeys = function(o) {
      ownKeys = Object.getOwnPropertyNames || function(o2) {
        var ar = [];
        for (var k2 in o2) if (Object.prototype.hasOwnProperty.call(o2, k2)) ar[ar.length] = k2;
        return ar;
      };
      return ownKeys(o);
    };
    _SuppressedError = typeof SuppressedError === "function" ? SuppressedError : function(error, suppressed, message) {
      var e = new Error(message);
      return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
    };
    tslib_es6_default = {
      __extends,
      __assign,
      __rest,
      __decorate,
      __param,
      __esDecorate,
      __runInitializers,
      __propKey,
      __setFunctionName,
      __metadata,
      __awaiter,
      __generator,
      __createBinding,
      __exportStar,
      __values,
      __read,
      __spread,
      __spreadArrays,
      __spreadArray,
      __await,
      __asyncGenerator,
      __asyncDelegator,
      __asyncValues,
      __makeTemplateObject,
      __importStar,
      __importDefault,
      __classPrivateFieldGet,
      __classPrivateFieldSet,
      __classPrivateFieldIn,
      __addDisposableResource,
      __disposeResources,
      __rewriteRelativeImportExtension
    };
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/types/index.js
var require_types = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/types/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/constants.js
var require_constants = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FLAGS = exports.ERRSTR = exports.constants = exports.SEP = void 0;
    exports.SEP = "/";
    exports.constants = {
      O_RDONLY: 0,
      O_WRONLY: 1,
      O_RDWR: 2,
      S_IFMT: 61440,
      S_IFREG: 32768,
      S_IFDIR: 16384,
      S_IFCHR: 8192,
      S_IFBLK: 24576,
      S_IFIFO: 4096,
      S_IFLNK: 40960,
      S_IFSOCK: 49152,
      O_CREAT: 64,
      O_EXCL: 128,
      O_NOCTTY: 256,
      O_TRUNC: 512,
      O_APPEND: 1024,
      O_DIRECTORY: 65536,
      O_NOATIME: 262144,
      O_NOFOLLOW: 131072,
      O_SYNC: 1052672,
      O_SYMLINK: 2097152,
      O_DIRECT: 16384,
      O_NONBLOCK: 2048,
      S_IRWXU: 448,
      S_IRUSR: 256,
      S_IWUSR: 128,
      S_IXUSR: 64,
      S_IRWXG: 56,
      S_IRGRP: 32,
      S_IWGRP: 16,
      S_IXGRP: 8,
      S_IRWXO: 7,
      S_IROTH: 4,
      S_IWOTH: 2,
      S_IXOTH: 1,
      F_OK: 0,
      R_OK: 4,
      W_OK: 2,
      X_OK: 1,
      UV_FS_SYMLINK_DIR: 1,
      UV_FS_SYMLINK_JUNCTION: 2,
      UV_FS_COPYFILE_EXCL: 1,
      UV_FS_COPYFILE_FICLONE: 2,
      UV_FS_COPYFILE_FICLONE_FORCE: 4,
      COPYFILE_EXCL: 1,
      COPYFILE_FICLONE: 2,
      COPYFILE_FICLONE_FORCE: 4
    };
    exports.ERRSTR = {
      PATH_STR: "path must be a string, Buffer, or Uint8Array",
      // FD:             'file descriptor must be a unsigned 32-bit integer',
      FD: "fd must be a file descriptor",
      MODE_INT: "mode must be an int",
      CB: "callback must be a function",
      UID: "uid must be an unsigned int",
      GID: "gid must be an unsigned int",
      LEN: "len must be an integer",
      ATIME: "atime must be an integer",
      MTIME: "mtime must be an integer",
      PREFIX: "filename prefix is required",
      BUFFER: "buffer must be an instance of Buffer or StaticBuffer",
      OFFSET: "offset must be an integer",
      LENGTH: "length must be an integer",
      POSITION: "position must be an integer"
    };
    var { O_RDONLY: O_RDONLY2, O_WRONLY: O_WRONLY2, O_RDWR: O_RDWR2, O_CREAT: O_CREAT2, O_EXCL: O_EXCL2, O_TRUNC: O_TRUNC2, O_APPEND: O_APPEND2, O_SYNC } = exports.constants;
    var FLAGS;
    (function(FLAGS2) {
      FLAGS2[FLAGS2["r"] = O_RDONLY2] = "r";
      FLAGS2[FLAGS2["r+"] = O_RDWR2] = "r+";
      FLAGS2[FLAGS2["rs"] = O_RDONLY2 | O_SYNC] = "rs";
      FLAGS2[FLAGS2["sr"] = FLAGS2.rs] = "sr";
      FLAGS2[FLAGS2["rs+"] = O_RDWR2 | O_SYNC] = "rs+";
      FLAGS2[FLAGS2["sr+"] = FLAGS2["rs+"]] = "sr+";
      FLAGS2[FLAGS2["w"] = O_WRONLY2 | O_CREAT2 | O_TRUNC2] = "w";
      FLAGS2[FLAGS2["wx"] = O_WRONLY2 | O_CREAT2 | O_TRUNC2 | O_EXCL2] = "wx";
      FLAGS2[FLAGS2["xw"] = FLAGS2.wx] = "xw";
      FLAGS2[FLAGS2["w+"] = O_RDWR2 | O_CREAT2 | O_TRUNC2] = "w+";
      FLAGS2[FLAGS2["wx+"] = O_RDWR2 | O_CREAT2 | O_TRUNC2 | O_EXCL2] = "wx+";
      FLAGS2[FLAGS2["xw+"] = FLAGS2["wx+"]] = "xw+";
      FLAGS2[FLAGS2["a"] = O_WRONLY2 | O_APPEND2 | O_CREAT2] = "a";
      FLAGS2[FLAGS2["ax"] = O_WRONLY2 | O_APPEND2 | O_CREAT2 | O_EXCL2] = "ax";
      FLAGS2[FLAGS2["xa"] = FLAGS2.ax] = "xa";
      FLAGS2[FLAGS2["a+"] = O_RDWR2 | O_APPEND2 | O_CREAT2] = "a+";
      FLAGS2[FLAGS2["ax+"] = O_RDWR2 | O_APPEND2 | O_CREAT2 | O_EXCL2] = "ax+";
      FLAGS2[FLAGS2["xa+"] = FLAGS2["ax+"]] = "xa+";
    })(FLAGS || (exports.FLAGS = FLAGS = {}));
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/consts/AMODE.js
var require_AMODE = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/consts/AMODE.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/consts/FLAG.js
var require_FLAG = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/consts/FLAG.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FLAG = void 0;
    var FLAG;
    (function(FLAG2) {
      FLAG2[FLAG2["O_RDONLY"] = 0] = "O_RDONLY";
      FLAG2[FLAG2["O_WRONLY"] = 1] = "O_WRONLY";
      FLAG2[FLAG2["O_RDWR"] = 2] = "O_RDWR";
      FLAG2[FLAG2["O_ACCMODE"] = 3] = "O_ACCMODE";
      FLAG2[FLAG2["O_CREAT"] = 64] = "O_CREAT";
      FLAG2[FLAG2["O_EXCL"] = 128] = "O_EXCL";
      FLAG2[FLAG2["O_NOCTTY"] = 256] = "O_NOCTTY";
      FLAG2[FLAG2["O_TRUNC"] = 512] = "O_TRUNC";
      FLAG2[FLAG2["O_APPEND"] = 1024] = "O_APPEND";
      FLAG2[FLAG2["O_NONBLOCK"] = 2048] = "O_NONBLOCK";
      FLAG2[FLAG2["O_DSYNC"] = 4096] = "O_DSYNC";
      FLAG2[FLAG2["FASYNC"] = 8192] = "FASYNC";
      FLAG2[FLAG2["O_DIRECT"] = 16384] = "O_DIRECT";
      FLAG2[FLAG2["O_LARGEFILE"] = 0] = "O_LARGEFILE";
      FLAG2[FLAG2["O_DIRECTORY"] = 65536] = "O_DIRECTORY";
      FLAG2[FLAG2["O_NOFOLLOW"] = 131072] = "O_NOFOLLOW";
      FLAG2[FLAG2["O_NOATIME"] = 262144] = "O_NOATIME";
      FLAG2[FLAG2["O_CLOEXEC"] = 524288] = "O_CLOEXEC";
      FLAG2[FLAG2["O_SYNC"] = 1052672] = "O_SYNC";
      FLAG2[FLAG2["O_NDELAY"] = 2048] = "O_NDELAY";
    })(FLAG || (exports.FLAG = FLAG = {}));
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/path.js
var require_path2 = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.basename = exports.pathNormalize = exports.pathDirname = exports.pathRelative = exports.pathJoin = exports.pathSep = void 0;
    var path_1 = require_path();
    exports.pathSep = path_1.posix ? path_1.posix.sep : path_1.sep;
    exports.pathJoin = path_1.posix ? path_1.posix.join : path_1.join;
    exports.pathRelative = path_1.posix ? path_1.posix.relative : path_1.relative;
    exports.pathDirname = path_1.posix ? path_1.posix.dirname : path_1.dirname;
    exports.pathNormalize = path_1.posix ? path_1.posix.normalize : path_1.normalize;
    var basename = (path, separator) => {
      if (path[path.length - 1] === separator)
        path = path.slice(0, -1);
      const lastSlashIndex = path.lastIndexOf(separator);
      return lastSlashIndex === -1 ? path : path.slice(lastSlashIndex + 1);
    };
    exports.basename = basename;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectPrimitive.js
var require_inspectPrimitive = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectPrimitive.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.addNumericalSeparator = exports.formatPrimitive = exports.formatNumber = exports.quoteString = exports.escapeString = void 0;
    var MAX_STRING_LENGTH = 1e4;
    var META = [];
    for (let i = 0; i < 160; i++)
      META.push(i < 32 || i > 126 ? "\\x" + (i < 16 ? "0" : "") + i.toString(16).toUpperCase() : "");
    META[8] = "\\b";
    META[9] = "\\t";
    META[10] = "\\n";
    META[12] = "\\f";
    META[13] = "\\r";
    META[39] = "\\'";
    META[92] = "\\\\";
    var escapeString = (str, quote) => {
      let result = "";
      let last = 0;
      const length = str.length;
      for (let i = 0; i < length; i++) {
        const point = str.charCodeAt(i);
        if (point === quote || point === 92 || point < 32 || point > 126 && point < 160) {
          result += str.slice(last, i) + META[point];
          last = i + 1;
        } else if (point >= 55296 && point <= 57343) {
          if (point <= 56319 && i + 1 < length) {
            const next = str.charCodeAt(i + 1);
            if (next >= 56320 && next <= 57343) {
              i++;
              continue;
            }
          }
          result += str.slice(last, i) + "\\u" + point.toString(16);
          last = i + 1;
        }
      }
      return last === 0 ? str : result + str.slice(last);
    };
    exports.escapeString = escapeString;
    var quoteString = (str) => {
      if (str.indexOf("'") === -1)
        return "'" + (0, exports.escapeString)(str, 39) + "'";
      if (str.indexOf('"') === -1)
        return '"' + (0, exports.escapeString)(str, -1) + '"';
      if (str.indexOf("`") === -1 && str.indexOf("${") === -1)
        return "`" + (0, exports.escapeString)(str, -1) + "`";
      return "'" + (0, exports.escapeString)(str, 39) + "'";
    };
    exports.quoteString = quoteString;
    var formatString = (value, indentation) => {
      let trailer = "";
      if (value.length > MAX_STRING_LENGTH) {
        const remaining = value.length - MAX_STRING_LENGTH;
        value = value.slice(0, MAX_STRING_LENGTH);
        trailer = "... " + remaining + " more character" + (remaining > 1 ? "s" : "");
      }
      const length = value.length;
      if (length <= 16 || length <= 76 - indentation)
        return (0, exports.quoteString)(value) + trailer;
      const separator = " +\n" + " ".repeat(indentation + 2);
      let out = "";
      let start = 0;
      let end = value.indexOf("\n");
      while (end !== -1 && end + 1 < length) {
        out += (0, exports.quoteString)(value.slice(start, end + 1)) + separator;
        start = end + 1;
        end = value.indexOf("\n", start);
      }
      return out + (0, exports.quoteString)(value.slice(start)) + trailer;
    };
    var formatNumber = (value) => Object.is(value, -0) ? "-0" : "" + value;
    exports.formatNumber = formatNumber;
    var formatPrimitive = (value, indentation) => {
      switch (typeof value) {
        case "string":
          return formatString(value, indentation);
        case "number":
          return (0, exports.formatNumber)(value);
        case "bigint":
          return value + "n";
        case "symbol":
          return value.toString();
        default:
          return "" + value;
      }
    };
    exports.formatPrimitive = formatPrimitive;
    var addNumericalSeparator = (val) => {
      let res = "";
      let i = val.length;
      const start = val.charCodeAt(0) === 45 ? 1 : 0;
      for (; i >= start + 4; i -= 3)
        res = "_" + val.slice(i - 3, i) + res;
      return val.slice(0, i) + res;
    };
    exports.addNumericalSeparator = addNumericalSeparator;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectLayout.js
var require_inspectLayout = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectLayout.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reduceToSingleString = exports.MAX_ARRAY_LENGTH = exports.BREAK_LENGTH = void 0;
    exports.BREAK_LENGTH = 80;
    exports.MAX_ARRAY_LENGTH = 100;
    var MAX_COLUMNS = 12;
    var join2 = (output, separator) => {
      let str = "";
      const length = output.length;
      for (let i = 0; i < length; i++)
        str += (i ? separator : "") + output[i];
      return str;
    };
    var groupArrayElements = (ctx, output, value) => {
      let totalLength = 0;
      let maxLength = 0;
      let outputLength = output.length;
      if (exports.MAX_ARRAY_LENGTH < output.length)
        outputLength--;
      const dataLen = [];
      for (let i = 0; i < outputLength; i++) {
        const len = output[i].length;
        dataLen.push(len);
        totalLength += len + 2;
        if (maxLength < len)
          maxLength = len;
      }
      const actualMax = maxLength + 2;
      if (actualMax * 3 + ctx.indentationLvl >= exports.BREAK_LENGTH || totalLength / actualMax <= 5 && maxLength > 6)
        return output;
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((exports.BREAK_LENGTH - ctx.indentationLvl) / actualMax), MAX_COLUMNS);
      if (columns <= 1)
        return output;
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineMaxLength = 0;
        for (let j = i; j < output.length; j += columns)
          if (dataLen[j] > lineMaxLength)
            lineMaxLength = dataLen[j];
        maxLineLength.push(lineMaxLength + 2);
      }
      let padStart = value !== void 0;
      for (let i = 0; padStart && i < output.length; i++)
        if (typeof value[i] !== "number" && typeof value[i] !== "bigint")
          padStart = false;
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = "";
        let j = i;
        for (; j < max - 1; j++) {
          const cell = output[j] + ", ";
          str += padStart ? cell.padStart(maxLineLength[j - i], " ") : cell.padEnd(maxLineLength[j - i], " ");
        }
        str += padStart ? output[j].padStart(maxLineLength[j - i] - 2, " ") : output[j];
        grouped.push(str);
      }
      if (exports.MAX_ARRAY_LENGTH < output.length)
        grouped.push(output[outputLength]);
      return grouped;
    };
    var isBelowBreakLength = (output, start, base) => {
      let totalLength = output.length + start;
      if (totalLength + output.length > exports.BREAK_LENGTH)
        return false;
      for (let i = 0; i < output.length; i++) {
        totalLength += output[i].length;
        if (totalLength > exports.BREAK_LENGTH)
          return false;
      }
      return base === "" || base.indexOf("\n") === -1;
    };
    var reduceToSingleString = (ctx, output, base, braces, kind, recurseTimes, value) => {
      const entries = output.length;
      if (kind === 2 && entries > 6)
        output = groupArrayElements(ctx, output, value);
      const head = base ? base + " " + braces[0] : braces[0];
      if (ctx.currentDepth - recurseTimes < 3 && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(output, start, base)) {
          const joined = join2(output, ", ");
          if (joined.indexOf("\n") === -1)
            return head + " " + joined + " " + braces[1];
        }
      }
      const indentation = "\n" + " ".repeat(ctx.indentationLvl);
      return head + indentation + "  " + join2(output, "," + indentation + "  ") + indentation + braces[1];
    };
    exports.reduceToSingleString = reduceToSingleString;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectBrand.js
var require_inspectBrand = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspectBrand.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boxedBase = exports.functionBase = exports.classBase = exports.hexBytes = exports.moreItems = exports.isIndex = exports.nonIndexKeys = exports.ownKeys = exports.prefixOf = exports.constructorName = exports.isInstance = exports.hasBrand = exports.regExpSource = exports.dataViewBuffer = exports.sharedArrayBufferByteLength = exports.arrayBufferByteLength = exports.mapSize = exports.setSize = exports.typedArrayLength = exports.typedArrayTag = exports.getOwn = exports.isEnumerable = exports.hasOwn = exports.objectToString = void 0;
    var inspectPrimitive_1 = require_inspectPrimitive();
    var INDEX_REG = /^(0|[1-9][0-9]*)$/;
    exports.objectToString = Object.prototype.toString;
    exports.hasOwn = Object.prototype.hasOwnProperty;
    exports.isEnumerable = Object.prototype.propertyIsEnumerable;
    exports.getOwn = Object.getOwnPropertyDescriptor;
    var getter = (proto, key) => (0, exports.getOwn)(proto, key).get;
    var TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
    exports.typedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
    exports.typedArrayLength = getter(TypedArrayPrototype, "length");
    exports.setSize = getter(Set.prototype, "size");
    exports.mapSize = getter(Map.prototype, "size");
    exports.arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
    exports.sharedArrayBufferByteLength = typeof SharedArrayBuffer === "undefined" ? void 0 : getter(SharedArrayBuffer.prototype, "byteLength");
    exports.dataViewBuffer = getter(DataView.prototype, "buffer");
    exports.regExpSource = getter(RegExp.prototype, "source");
    var hasBrand = (check, value) => {
      try {
        check.call(value);
        return true;
      } catch {
        return false;
      }
    };
    exports.hasBrand = hasBrand;
    var isInstance = (value, ctor) => {
      try {
        return value instanceof ctor;
      } catch {
        return false;
      }
    };
    exports.isInstance = isInstance;
    var constructorName = (value) => {
      let obj = value;
      let first;
      while (obj) {
        const descriptor = (0, exports.getOwn)(obj, "constructor");
        const ctor = descriptor && descriptor.value;
        if (typeof ctor === "function" && ctor.name !== "" && (0, exports.isInstance)(value, ctor))
          return String(ctor.name);
        obj = Object.getPrototypeOf(obj);
        if (first === void 0)
          first = obj;
      }
      return first === null ? null : "Object";
    };
    exports.constructorName = constructorName;
    var prefixOf = (constructor, tag, fallback, size = "") => {
      if (constructor === null) {
        if (tag !== "" && fallback !== tag)
          return "[" + fallback + size + ": null prototype] [" + tag + "] ";
        return "[" + fallback + size + ": null prototype] ";
      }
      let result = constructor + size + " ";
      if (tag !== "") {
        const position = constructor.indexOf(tag);
        if (position === -1)
          result += "[" + tag + "] ";
        else {
          const end = position + tag.length;
          if (end !== constructor.length && constructor[end] === constructor[end].toLowerCase())
            result += "[" + tag + "] ";
        }
      }
      return result;
    };
    exports.prefixOf = prefixOf;
    var ownKeys2 = (value) => {
      const keys = Object.keys(value);
      const symbols = Object.getOwnPropertySymbols(value);
      for (let i = 0; i < symbols.length; i++)
        if (exports.isEnumerable.call(value, symbols[i]))
          keys.push(symbols[i]);
      return keys;
    };
    exports.ownKeys = ownKeys2;
    var nonIndexKeys = (value) => {
      const keys = (0, exports.ownKeys)(value);
      const out = [];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (typeof key !== "string" || !INDEX_REG.test(key) || +key > 4294967294)
          out.push(key);
      }
      return out;
    };
    exports.nonIndexKeys = nonIndexKeys;
    var isIndex = (key) => INDEX_REG.test(key);
    exports.isIndex = isIndex;
    var moreItems = (remaining) => "... " + remaining + " more item" + (remaining > 1 ? "s" : "");
    exports.moreItems = moreItems;
    var hexBytes = (bytes, max) => {
      const length = bytes.length;
      const shown = length > max ? max : length;
      let str = "";
      for (let i = 0; i < shown; i++)
        str += (i ? " " : "") + (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
      const remaining = length - shown;
      return remaining > 0 ? str + " ... " + remaining + " more byte" + (remaining > 1 ? "s" : "") : str;
    };
    exports.hexBytes = hexBytes;
    var classBase = (value, constructor, tag) => {
      const name = exports.hasOwn.call(value, "name") && value.name || "(anonymous)";
      let base = "class " + name;
      if (constructor !== "Function" && constructor !== null)
        base += " [" + constructor + "]";
      if (tag !== "" && constructor !== tag)
        base += " [" + tag + "]";
      if (constructor === null)
        base += " extends [null prototype]";
      else {
        const superName = Object.getPrototypeOf(value).name;
        if (superName)
          base += " extends " + superName;
      }
      return "[" + base + "]";
    };
    exports.classBase = classBase;
    var CLASS_REG = /^(\s+[^(]*?)\s*{/;
    var COMMENTS_REG = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;
    var BOXED = {
      "[object Number]": Number.prototype.valueOf,
      "[object String]": String.prototype.valueOf,
      "[object Boolean]": Boolean.prototype.valueOf,
      "[object BigInt]": BigInt.prototype.valueOf,
      "[object Symbol]": Symbol.prototype.valueOf
    };
    var functionBase = (value, constructor, tag, formatName) => {
      const source = Function.prototype.toString.call(value);
      if (source.startsWith("class") && source.endsWith("}")) {
        const slice = source.slice(5, -1);
        const bracket = slice.indexOf("{");
        if (bracket !== -1 && (slice.slice(0, bracket).indexOf("(") === -1 || CLASS_REG.test(slice.replace(COMMENTS_REG, ""))))
          return (0, exports.classBase)(value, constructor, tag);
      }
      const brand = exports.objectToString.call(value);
      let type = brand.indexOf("GeneratorFunction") === -1 ? "Function" : "GeneratorFunction";
      if (brand.indexOf("Async") !== -1)
        type = "Async" + type;
      let base = "[" + type;
      if (constructor === null)
        base += " (null prototype)";
      const name = value.name;
      base += name === "" ? " (anonymous)" : ": " + (typeof name === "string" ? name : formatName(name));
      base += "]";
      if (constructor !== type && constructor !== null)
        base += " " + constructor;
      if (tag !== "" && constructor !== tag)
        base += " [" + tag + "]";
      return base;
    };
    exports.functionBase = functionBase;
    var boxedBase = (value, keys, constructor, tag, indentation) => {
      const brand = exports.objectToString.call(value);
      const valueOf = BOXED[brand];
      if (valueOf === void 0)
        return;
      let primitive;
      try {
        primitive = valueOf.call(value);
      } catch {
        return;
      }
      const type = brand.slice(8, -1);
      if (type === "String")
        keys.splice(0, primitive.length);
      let base = "[" + type;
      if (type !== constructor)
        base += constructor === null ? " (null prototype)" : " (" + constructor + ")";
      base += ": " + (0, inspectPrimitive_1.formatPrimitive)(primitive, indentation) + "]";
      if (tag !== "" && tag !== constructor)
        base += " [" + tag + "]";
      return base;
    };
    exports.boxedBase = boxedBase;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspect.js
var require_inspect = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/inspect.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.inspect = void 0;
    var buffer_1 = require_buffer2();
    var inspectPrimitive_1 = require_inspectPrimitive();
    var inspectLayout_1 = require_inspectLayout();
    var inspectBrand_1 = require_inspectBrand();
    var INSPECT_MAX_BYTES = 50;
    var KEY_REG = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
    var formatProperty = (ctx, value, recurseTimes, key, kind, desc) => {
      const descriptor = desc || (0, inspectBrand_1.getOwn)(value, key);
      let str;
      if (descriptor.value !== void 0) {
        ctx.indentationLvl += 2;
        str = formatValue(ctx, descriptor.value, recurseTimes);
        ctx.indentationLvl -= 2;
      } else if (descriptor.get !== void 0)
        str = descriptor.set !== void 0 ? "[Getter/Setter]" : "[Getter]";
      else
        str = descriptor.set !== void 0 ? "[Setter]" : "undefined";
      if (kind === 1)
        return str;
      let name;
      if (typeof key === "symbol")
        name = (0, inspectPrimitive_1.escapeString)(key.toString(), 39);
      else if (KEY_REG.test("" + key))
        name = key === "__proto__" ? "['__proto__']" : "" + key;
      else
        name = (0, inspectPrimitive_1.quoteString)("" + key);
      if (descriptor.enumerable === false)
        name = "[" + name + "]";
      return name + ": " + str;
    };
    var formatExtra = (ctx, value, recurseTimes, key) => {
      let item;
      ctx.indentationLvl += 2;
      try {
        item = value[key];
      } catch {
        ctx.indentationLvl += 2;
        item = value.buffer[key];
      }
      const str = formatValue(ctx, item, recurseTimes);
      ctx.indentationLvl -= 2;
      return "[" + key + "]: " + str;
    };
    var formatSparseArray = (ctx, value, recurseTimes, maxLength, output, i) => {
      const keys = Object.keys(value);
      let index = i;
      for (; i < keys.length && output.length < maxLength; i++) {
        const key = keys[i];
        const tmp = +key;
        if (tmp > 4294967294)
          break;
        if ("" + index !== key) {
          if (!(0, inspectBrand_1.isIndex)(key))
            break;
          const empty = tmp - index;
          output.push("<" + empty + " empty item" + (empty > 1 ? "s" : "") + ">");
          index = tmp;
          if (output.length === maxLength)
            break;
        }
        output.push(formatProperty(
          ctx,
          value,
          recurseTimes,
          key,
          1
          /* Kind.ArrayItem */
        ));
        index++;
      }
      const remaining = value.length - index;
      if (output.length !== maxLength) {
        if (remaining > 0)
          output.push("<" + remaining + " empty item" + (remaining > 1 ? "s" : "") + ">");
      } else if (remaining > 0)
        output.push((0, inspectBrand_1.moreItems)(remaining));
      return output;
    };
    var formatArray = (ctx, value, recurseTimes) => {
      const length = value.length;
      const max = length < inspectLayout_1.MAX_ARRAY_LENGTH ? length : inspectLayout_1.MAX_ARRAY_LENGTH;
      const output = [];
      for (let i = 0; i < max; i++) {
        const desc = (0, inspectBrand_1.getOwn)(value, i);
        if (desc === void 0)
          return formatSparseArray(ctx, value, recurseTimes, max, output, i);
        output.push(formatProperty(ctx, value, recurseTimes, i, 1, desc));
      }
      if (length > max)
        output.push((0, inspectBrand_1.moreItems)(length - max));
      return output;
    };
    var formatTypedArray = (ctx, value) => {
      const length = inspectBrand_1.typedArrayLength.call(value);
      const max = length < inspectLayout_1.MAX_ARRAY_LENGTH ? length : inspectLayout_1.MAX_ARRAY_LENGTH;
      const output = [];
      const bigint = length > 0 && typeof value[0] !== "number";
      for (let i = 0; i < max; i++)
        output.push(bigint ? value[i] + "n" : (0, inspectPrimitive_1.formatNumber)(value[i]));
      if (length > max)
        output.push((0, inspectBrand_1.moreItems)(length - max));
      return output;
    };
    var formatSet = (ctx, value, recurseTimes) => {
      const length = inspectBrand_1.setSize.call(value);
      const max = length < inspectLayout_1.MAX_ARRAY_LENGTH ? length : inspectLayout_1.MAX_ARRAY_LENGTH;
      const output = [];
      const iterator = Set.prototype.values.call(value);
      ctx.indentationLvl += 2;
      for (let entry = iterator.next(); !entry.done && output.length < max; entry = iterator.next())
        output.push(formatValue(ctx, entry.value, recurseTimes));
      if (length > max)
        output.push((0, inspectBrand_1.moreItems)(length - max));
      ctx.indentationLvl -= 2;
      return output;
    };
    var formatMap = (ctx, value, recurseTimes) => {
      const length = inspectBrand_1.mapSize.call(value);
      const max = length < inspectLayout_1.MAX_ARRAY_LENGTH ? length : inspectLayout_1.MAX_ARRAY_LENGTH;
      const output = [];
      const iterator = Map.prototype.entries.call(value);
      ctx.indentationLvl += 2;
      for (let entry = iterator.next(); !entry.done && output.length < max; entry = iterator.next())
        output.push(formatValue(ctx, entry.value[0], recurseTimes) + " => " + formatValue(ctx, entry.value[1], recurseTimes));
      if (length > max)
        output.push((0, inspectBrand_1.moreItems)(length - max));
      ctx.indentationLvl -= 2;
      return output;
    };
    var formatArrayBuffer = (ctx, value) => {
      let bytes;
      try {
        bytes = new Uint8Array(value);
      } catch {
        return ["(detached)"];
      }
      return ["[Uint8Contents]: <" + (0, inspectBrand_1.hexBytes)(bytes, inspectLayout_1.MAX_ARRAY_LENGTH) + ">"];
    };
    var noEntries = () => [];
    var formatRaw = (ctx, value, recurseTimes) => {
      const constructor = (0, inspectBrand_1.constructorName)(value);
      let rawTag = "";
      try {
        rawTag = value[Symbol.toStringTag];
      } catch {
      }
      const tag = typeof rawTag !== "string" || rawTag !== "" && inspectBrand_1.isEnumerable.call(value, Symbol.toStringTag) ? "" : rawTag;
      let keys;
      let base = "";
      let braces = ["{", "}"];
      let formatter = noEntries;
      let kind = 0;
      let fallback = "Object";
      let extraKeys;
      if (Symbol.iterator in value || constructor === null) {
        let typed;
        if (Array.isArray(value)) {
          fallback = "Array";
          keys = (0, inspectBrand_1.nonIndexKeys)(value);
          const prefix = constructor !== "Array" || tag !== "" ? (0, inspectBrand_1.prefixOf)(constructor, tag, "Array", "(" + value.length + ")") : "";
          braces = [prefix + "[", "]"];
          if (value.length === 0 && keys.length === 0)
            return braces[0] + "]";
          kind = 2;
          formatter = formatArray;
        } else if ((0, inspectBrand_1.hasBrand)(inspectBrand_1.setSize, value) || (0, inspectBrand_1.hasBrand)(inspectBrand_1.mapSize, value)) {
          const isSet = (0, inspectBrand_1.hasBrand)(inspectBrand_1.setSize, value);
          const size = isSet ? inspectBrand_1.setSize.call(value) : inspectBrand_1.mapSize.call(value);
          fallback = isSet ? "Set" : "Map";
          keys = (0, inspectBrand_1.ownKeys)(value);
          const prefix = (0, inspectBrand_1.prefixOf)(constructor, tag, fallback, "(" + size + ")");
          if (size === 0 && keys.length === 0)
            return prefix + "{}";
          braces = [prefix + "{", "}"];
          formatter = isSet ? formatSet : formatMap;
        } else if ((typed = inspectBrand_1.typedArrayTag.call(value)) !== void 0) {
          fallback = typed;
          keys = (0, inspectBrand_1.nonIndexKeys)(value);
          const length = inspectBrand_1.typedArrayLength.call(value);
          const prefix = (0, inspectBrand_1.prefixOf)(constructor, tag, constructor === null ? typed : "", "(" + length + ")");
          braces = [prefix + "[", "]"];
          if (length === 0 && keys.length === 0)
            return braces[0] + "]";
          kind = 2;
          formatter = formatTypedArray;
        }
      }
      if (keys === void 0) {
        keys = (0, inspectBrand_1.ownKeys)(value);
        if (typeof value === "function") {
          fallback = "Function";
          base = (0, inspectBrand_1.functionBase)(value, constructor, tag, (name) => formatValue(ctx, name, 0));
          if (keys.length === 0)
            return base;
        } else if (constructor === "Object") {
          if (inspectBrand_1.objectToString.call(value) === "[object Arguments]" && inspectBrand_1.hasOwn.call(value, "callee"))
            braces[0] = "[Arguments] {";
          else if (tag !== "")
            braces[0] = (0, inspectBrand_1.prefixOf)(constructor, tag, "Object") + "{";
          if (keys.length === 0)
            return braces[0] + "}";
        } else if ((0, inspectBrand_1.hasBrand)(inspectBrand_1.regExpSource, value)) {
          fallback = "RegExp";
          const prefix = (0, inspectBrand_1.prefixOf)(constructor, tag, "RegExp");
          base = RegExp.prototype.toString.call(constructor === null ? new RegExp(value) : value);
          if (prefix !== "RegExp ")
            base = prefix + base;
          if (keys.length === 0 || recurseTimes > ctx.depth)
            return base;
        } else if ((0, inspectBrand_1.hasBrand)(Date.prototype.getTime, value)) {
          fallback = "Date";
          const prefix = (0, inspectBrand_1.prefixOf)(constructor, tag, "Date");
          const time = Date.prototype.getTime.call(value);
          base = time !== time ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
          if (prefix !== "Date ")
            base = prefix + base;
          if (keys.length === 0)
            return base;
        } else if (inspectBrand_1.objectToString.call(value) === "[object Error]" || (0, inspectBrand_1.isInstance)(value, Error)) {
          fallback = "Error";
          const stack = value.stack;
          base = typeof stack === "string" && stack !== "" ? stack.replace(/\n/g, "\n" + " ".repeat(ctx.indentationLvl)) : "[" + Error.prototype.toString.call(value) + "]";
          if (keys.length === 0)
            return base;
        } else if ((0, inspectBrand_1.hasBrand)(inspectBrand_1.arrayBufferByteLength, value) || inspectBrand_1.sharedArrayBufferByteLength !== void 0 && (0, inspectBrand_1.hasBrand)(inspectBrand_1.sharedArrayBufferByteLength, value)) {
          fallback = (0, inspectBrand_1.hasBrand)(inspectBrand_1.arrayBufferByteLength, value) ? "ArrayBuffer" : "SharedArrayBuffer";
          braces[0] = (0, inspectBrand_1.prefixOf)(constructor, tag, fallback) + "{";
          formatter = formatArrayBuffer;
          extraKeys = ["byteLength"];
        } else if ((0, inspectBrand_1.hasBrand)(inspectBrand_1.dataViewBuffer, value)) {
          fallback = "DataView";
          braces[0] = (0, inspectBrand_1.prefixOf)(constructor, tag, "DataView") + "{";
          extraKeys = ["byteLength", "byteOffset", "buffer"];
        } else {
          const boxed = (0, inspectBrand_1.boxedBase)(value, keys, constructor, tag, ctx.indentationLvl);
          if (boxed !== void 0) {
            base = boxed;
            if (keys.length === 0)
              return base;
          } else {
            const style = (0, inspectBrand_1.prefixOf)(constructor, tag, constructor === null ? "Object" : "");
            if (keys.length === 0)
              return style + "{}";
            braces[0] = style + "{";
          }
        }
      }
      if (recurseTimes > ctx.depth) {
        const name = (0, inspectBrand_1.prefixOf)(constructor, tag, constructor === null ? fallback === tag ? "Object" : fallback : "").slice(0, -1);
        return constructor === null ? name : "[" + name + "]";
      }
      recurseTimes++;
      ctx.seen.push(value);
      ctx.currentDepth = recurseTimes;
      const output = formatter(ctx, value, recurseTimes);
      if (extraKeys !== void 0)
        for (let i = 0; i < extraKeys.length; i++)
          output.push(formatExtra(ctx, value, recurseTimes, extraKeys[i]));
      for (let i = 0; i < keys.length; i++)
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], kind));
      const index = ctx.circular === void 0 ? void 0 : ctx.circular.get(value);
      if (index !== void 0)
        base = base === "" ? "<ref *" + index + ">" : "<ref *" + index + "> " + base;
      ctx.seen.pop();
      return (0, inspectLayout_1.reduceToSingleString)(ctx, output, base, braces, kind, recurseTimes, value);
    };
    var formatValue = (ctx, value, recurseTimes) => {
      if (typeof value !== "object" && typeof value !== "function")
        return (0, inspectPrimitive_1.formatPrimitive)(value, ctx.indentationLvl);
      if (value === null)
        return "null";
      if (buffer_1.Buffer.isBuffer(value))
        return "<" + value.constructor.name + " " + (0, inspectBrand_1.hexBytes)(value, INSPECT_MAX_BYTES) + ">";
      if (ctx.seen.indexOf(value) !== -1) {
        let circular = ctx.circular;
        if (circular === void 0)
          ctx.circular = circular = /* @__PURE__ */ new Map();
        let index = circular.get(value);
        if (index === void 0) {
          index = circular.size + 1;
          circular.set(value, index);
        }
        return "[Circular *" + index + "]";
      }
      return formatRaw(ctx, value, recurseTimes);
    };
    var inspect = (value, depth = 2) => formatValue({ depth, indentationLvl: 0, currentDepth: 0, seen: [], circular: void 0 }, value, 0);
    exports.inspect = inspect;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/argErrors.js
var require_argErrors = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/argErrors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.invalidUrlScheme = exports.methodNotImplemented = exports.invalidThis = exports.outOfRange = exports.invalidArgValue = exports.invalidArgType = exports.withNativeCode = exports.withCode = void 0;
    var inspect_1 = require_inspect();
    var inspectPrimitive_1 = require_inspectPrimitive();
    var TWO_POW_32 = 4294967296;
    var BIG_TWO_POW_32 = BigInt(TWO_POW_32);
    var withCode = (error, code) => {
      error.code = code;
      const tagged = error.name + " [" + code + "]";
      Object.defineProperty(error, "name", { value: tagged, enumerable: false, writable: true, configurable: true });
      void error.stack;
      delete error.name;
      Object.defineProperty(error, "toString", {
        value: function() {
          return tagged + ": " + this.message;
        },
        enumerable: false,
        writable: true,
        configurable: true
      });
      return error;
    };
    exports.withCode = withCode;
    var withNativeCode = (error, code) => {
      error.code = code;
      return error;
    };
    exports.withNativeCode = withNativeCode;
    var kindOf = (name) => name.indexOf(".") === -1 ? "argument" : "property";
    var describeType = (value) => {
      if (value === null)
        return "null";
      if (value === void 0)
        return "undefined";
      switch (typeof value) {
        case "bigint":
          return "type bigint (" + value + "n)";
        case "number":
          return "type number (" + (0, inspectPrimitive_1.formatNumber)(value) + ")";
        case "boolean":
          return "type boolean (" + value + ")";
        case "symbol":
          return "type symbol (" + value.toString() + ")";
        case "function":
          return "function " + value.name;
        case "string": {
          const str = value.length > 28 ? value.slice(0, 25) + "..." : value;
          return str.indexOf("'") === -1 ? "type string ('" + str + "')" : "type string (" + JSON.stringify(str) + ")";
        }
      }
      const ctor = value.constructor;
      return ctor && "name" in ctor ? "an instance of " + ctor.name : (0, inspect_1.inspect)(value, -1);
    };
    var describeNativeType = (value) => {
      switch (typeof value) {
        case "bigint":
          return "type bigint (" + value + ")";
        case "symbol":
          return value.toString();
        case "function":
          return "function";
        case "object": {
          if (value === null)
            break;
          const ctor = value.constructor;
          return "an instance of " + (ctor && ctor.name || "Object");
        }
      }
      return describeType(value);
    };
    var invalidArgType = (name, expected, actual, native) => {
      const head = name.endsWith(" argument") ? "The " + name + " " : 'The "' + name + '" ' + kindOf(name) + " ";
      const received = native ? describeNativeType(actual) : describeType(actual);
      const error = new TypeError(head + "must be " + expected + ". Received " + received);
      return native ? (0, exports.withNativeCode)(error, "ERR_INVALID_ARG_TYPE") : (0, exports.withCode)(error, "ERR_INVALID_ARG_TYPE");
    };
    exports.invalidArgType = invalidArgType;
    var invalidArgValue = (name, value, reason = "is invalid") => {
      let inspected = (0, inspect_1.inspect)(value);
      if (inspected.length > 128)
        inspected = inspected.slice(0, 128) + "...";
      return (0, exports.withCode)(new TypeError("The " + kindOf(name) + " '" + name + "' " + reason + ". Received " + inspected), "ERR_INVALID_ARG_VALUE");
    };
    exports.invalidArgValue = invalidArgValue;
    var outOfRange = (name, range, value, native) => {
      const message = 'The value of "' + name + '" is out of range. It must be ' + range + ". Received ";
      if (native)
        return (0, exports.withNativeCode)(new RangeError(message + String(value)), "ERR_OUT_OF_RANGE");
      let received;
      if (Number.isInteger(value) && Math.abs(value) > TWO_POW_32)
        received = (0, inspectPrimitive_1.addNumericalSeparator)("" + value);
      else if (typeof value === "bigint") {
        received = "" + value;
        if (value > BIG_TWO_POW_32 || value < -BIG_TWO_POW_32)
          received = (0, inspectPrimitive_1.addNumericalSeparator)(received);
        received += "n";
      } else
        received = (0, inspect_1.inspect)(value);
      return (0, exports.withCode)(new RangeError(message + received), "ERR_OUT_OF_RANGE");
    };
    exports.outOfRange = outOfRange;
    var invalidThis = (type) => (0, exports.withCode)(new TypeError('Value of "this" must be of type ' + type), "ERR_INVALID_THIS");
    exports.invalidThis = invalidThis;
    var methodNotImplemented = (method) => (0, exports.withCode)(new Error("The " + method + " method is not implemented"), "ERR_METHOD_NOT_IMPLEMENTED");
    exports.methodNotImplemented = methodNotImplemented;
    var invalidUrlScheme = (expected) => (0, exports.withCode)(new TypeError("The URL must be of scheme " + expected), "ERR_INVALID_URL_SCHEME");
    exports.invalidUrlScheme = invalidUrlScheme;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/encoding.js
var require_encoding = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/encoding.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ENCODING_UTF8 = void 0;
    exports.assertEncoding = assertEncoding;
    exports.strToEncoding = strToEncoding;
    var buffer_1 = require_buffer2();
    var argErrors_1 = require_argErrors();
    exports.ENCODING_UTF8 = "utf8";
    function assertEncoding(encoding) {
      if (encoding && !buffer_1.Buffer.isEncoding(encoding))
        throw (0, argErrors_1.invalidArgValue)("encoding", encoding, "is invalid encoding");
    }
    function strToEncoding(str, encoding) {
      if (!encoding || encoding === exports.ENCODING_UTF8)
        return str;
      if (encoding === "buffer")
        return new buffer_1.Buffer(str);
      return new buffer_1.Buffer(str).toString(encoding);
    }
  }
});

// ../../work/main/node_modules/.pnpm/glob-to-regex.js@1.3.1_tslib@2.9.1/node_modules/glob-to-regex.js/lib/index.js
var require_lib = __commonJS({
  "../../work/main/node_modules/.pnpm/glob-to-regex.js@1.3.1_tslib@2.9.1/node_modules/glob-to-regex.js/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toMatcher = exports.toRegex = exports.expandBraces = void 0;
    var NODOT = "(?!\\.)";
    var STAR = "[^/]*";
    var GLOBSTAR_NODOT = "[^/]*(?:/(?!\\.)[^/]*)*";
    var literal = (pattern, i, code) => {
      switch (code) {
        case 36:
        case 42:
        case 63:
        case 91:
        case 40:
        case 41:
        case 43:
        case 46:
        case 92:
        case 93:
        case 94:
        case 123:
        case 124:
        case 125:
          return "\\" + pattern[i];
        default:
          return pattern[i];
      }
    };
    var posixClass = (name) => {
      switch (name) {
        case "alnum":
          return "0-9A-Za-z";
        case "alpha":
          return "A-Za-z";
        case "ascii":
          return "\\x00-\\x7f";
        case "blank":
          return " \\t";
        case "cntrl":
          return "\\x00-\\x1f\\x7f";
        case "digit":
          return "0-9";
        case "graph":
          return "\\x21-\\x7e";
        case "lower":
          return "a-z";
        case "print":
          return "\\x20-\\x7e";
        case "punct":
          return "\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e";
        case "space":
          return " \\t\\r\\n\\v\\f";
        case "upper":
          return "A-Z";
        case "word":
          return "0-9A-Za-z_";
        case "xdigit":
          return "0-9A-Fa-f";
      }
      return;
    };
    var classEnd = (pattern, i) => {
      const length = pattern.length;
      let j = i + 1;
      const first = pattern.charCodeAt(j);
      if (first === 33 || first === 94)
        j++;
      if (pattern.charCodeAt(j) === 93)
        j++;
      for (; j < length; j++) {
        const code = pattern.charCodeAt(j);
        if (code === 93)
          return j + 1;
        if (code === 91 && pattern.charCodeAt(j + 1) === 58) {
          const close = pattern.indexOf(":]", j + 2);
          if (close > 0)
            j = close + 1;
        }
      }
      return -1;
    };
    var member = (pattern, i) => {
      const code = pattern.charCodeAt(i);
      const special = code === 93 || code === 92 || code === 91 || code === 94 || code === 45;
      return (special ? "\\" : "") + pattern[i];
    };
    var classSource = (pattern, i, end) => {
      const last = end - 1;
      let j = i + 1;
      let out = "";
      let members = 0;
      const first = pattern.charCodeAt(j);
      const negate = first === 33 || first === 94;
      if (negate)
        j++;
      while (j < last) {
        if (pattern.charCodeAt(j) === 91 && pattern.charCodeAt(j + 1) === 58) {
          const close = pattern.indexOf(":]", j + 2);
          const cls = close > 0 ? posixClass(pattern.slice(j + 2, close)) : void 0;
          if (cls !== void 0) {
            out += cls;
            members += 2;
            j = close + 2;
            continue;
          }
        }
        if (pattern.charCodeAt(j + 1) === 45 && j + 2 < last) {
          if (pattern.charCodeAt(j + 2) >= pattern.charCodeAt(j)) {
            out += member(pattern, j) + "-" + member(pattern, j + 2);
            members += 2;
          }
          j += 3;
          continue;
        }
        out += member(pattern, j);
        members++;
        j++;
      }
      if (!negate && members === 1)
        return literal(pattern, last - 1, pattern.charCodeAt(last - 1));
      if (!members)
        return negate ? "[^/]" : "[]";
      return (negate ? "[^" : "[") + out + "]";
    };
    var groupEnd = (pattern, i) => {
      const length = pattern.length;
      let depth = 1;
      for (; i < length; i++) {
        const code = pattern.charCodeAt(i);
        if (code === 91) {
          const end = classEnd(pattern, i);
          if (end > 0)
            i = end - 1;
        } else if (code === 40)
          depth++;
        else if (code === 41 && !--depth)
          return i + 1;
      }
      return -1;
    };
    var splitAlts = (body) => {
      const length = body.length;
      const alts = [];
      let depth = 0;
      let from = 0;
      for (let i = 0; i < length; i++) {
        const code = body.charCodeAt(i);
        if (code === 91) {
          const end = classEnd(body, i);
          if (end > 0)
            i = end - 1;
        } else if (code === 40)
          depth++;
        else if (code === 41)
          depth--;
        else if (code === 124 && !depth) {
          alts.push(body.slice(from, i));
          from = i + 1;
        }
      }
      alts.push(body.slice(from));
      return alts;
    };
    var isExtglobPrefix = (code) => code === 63 || code === 42 || code === 43 || code === 64 || code === 33;
    var altsSource = (alts, extglob, nodot, tail, segStart) => {
      let out = "";
      for (let i = 0; i < alts.length; i++)
        out += (i ? "|" : "") + compile2(alts[i], extglob, nodot, tail, segStart);
      return out;
    };
    var extglobSource = (type, alts, extglob, nodot, tail, segStart) => {
      const guard = nodot && segStart ? NODOT : "";
      const body = altsSource(alts, extglob, nodot, tail, segStart);
      switch (type) {
        case 63:
          return "(?:" + body + ")?";
        case 64:
          return "(?:" + body + ")";
        case 33:
          if (alts.length === 1 && !alts[0])
            return guard + "[^/]+";
          return "(?!(?:" + body + ")" + tail + "$)" + guard + STAR;
      }
      const more = guard ? altsSource(alts, extglob, nodot, tail, false) : body;
      if (more === body)
        return "(?:" + body + ")" + (type === 42 ? "*" : "+");
      const once = "(?:" + body + ")(?:" + more + ")*";
      return type === 42 ? "(?:" + once + ")?" : once;
    };
    var compile2 = (pattern, extglob, nodot, tail, segStart) => {
      const length = pattern.length;
      let out = "";
      let i = 0;
      let start = segStart;
      while (i < length) {
        const code = pattern.charCodeAt(i);
        if (extglob && pattern.charCodeAt(i + 1) === 40 && isExtglobPrefix(code)) {
          const end = groupEnd(pattern, i + 2);
          if (end > 0) {
            const after = compile2(pattern.slice(end), extglob, nodot, tail, false);
            const alts = splitAlts(pattern.slice(i + 2, end - 1));
            return out + extglobSource(code, alts, extglob, nodot, after + tail, start) + after;
          }
        }
        const atStart = start;
        const guard = nodot && atStart ? NODOT : "";
        start = false;
        switch (code) {
          case 42: {
            let j = i + 1;
            while (pattern.charCodeAt(j) === 42)
              j++;
            if (j === i + 1) {
              const whole = atStart && (j === length || pattern.charCodeAt(j) === 47);
              out += guard + (whole ? "[^/]+" : STAR);
              i = j;
              break;
            }
            let slash = pattern.charCodeAt(j) === 47;
            while (slash) {
              let k2 = j + 1;
              if (pattern.charCodeAt(k2) !== 42 || pattern.charCodeAt(k2 + 1) !== 42)
                break;
              k2 += 2;
              while (pattern.charCodeAt(k2) === 42)
                k2++;
              if (k2 === length) {
                j = k2;
                slash = false;
              } else if (pattern.charCodeAt(k2) === 47)
                j = k2;
              else
                break;
            }
            if (slash) {
              out += nodot ? "(?:" + guard + GLOBSTAR_NODOT + "/)?" : "(?:.*/)?";
              j++;
              start = true;
            } else
              out += nodot ? guard + GLOBSTAR_NODOT : ".*";
            i = j;
            break;
          }
          case 63:
            out += guard + "[^/]";
            i++;
            break;
          case 91: {
            const end = classEnd(pattern, i);
            if (end < 0) {
              out += "\\[";
              i++;
              break;
            }
            const cls = classSource(pattern, i, end);
            out += (cls.charCodeAt(0) === 91 ? guard : "") + cls;
            i = end;
            break;
          }
          case 47:
            out += "/";
            i++;
            start = true;
            break;
          default:
            out += literal(pattern, i, code);
            i++;
        }
      }
      return out;
    };
    var closingBrace = (pattern, open) => {
      const length = pattern.length;
      let depth = 0;
      for (let i = open; i < length; i++) {
        const code = pattern.charCodeAt(i);
        if (code === 123)
          depth++;
        else if (code === 125 && !--depth)
          return i;
      }
      return -1;
    };
    var commaSplit = (body) => {
      const length = body.length;
      const parts = [];
      let depth = 0;
      let from = 0;
      for (let i = 0; i < length; i++) {
        const code = body.charCodeAt(i);
        if (code === 123)
          depth++;
        else if (code === 125)
          depth--;
        else if (code === 44 && !depth) {
          parts.push(body.slice(from, i));
          from = i + 1;
        }
      }
      if (!parts.length)
        return;
      parts.push(body.slice(from));
      return parts;
    };
    var NUMERIC_RANGE = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/;
    var ALPHA_RANGE = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/;
    var PADDED = /^-?0\d/;
    var rangeOf = (body, max) => {
      let match = NUMERIC_RANGE.exec(body);
      const alpha = !match;
      if (alpha)
        match = ALPHA_RANGE.exec(body);
      if (!match)
        return;
      const from = alpha ? match[1].charCodeAt(0) : +match[1];
      const to = alpha ? match[2].charCodeAt(0) : +match[2];
      const step = match[3] === void 0 ? 1 : Math.abs(+match[3]) || 1;
      const width = !alpha && (PADDED.test(match[1]) || PADDED.test(match[2])) ? Math.max(match[1].length, match[2].length) : 0;
      const out = [];
      const dir = from <= to ? step : -step;
      for (let n = from; (dir > 0 ? n <= to : n >= to) && out.length < max; n += dir) {
        if (alpha) {
          out.push(String.fromCharCode(n));
          continue;
        }
        let s = String(n);
        const need = width - s.length;
        if (need > 0) {
          let zeros = "";
          for (let k2 = 0; k2 < need; k2++)
            zeros += "0";
          s = n < 0 ? "-" + zeros + s.slice(1) : zeros + s;
        }
        out.push(s);
      }
      return out;
    };
    var expandInto2 = (pattern, out, max) => {
      for (let open = pattern.indexOf("{"); open >= 0; open = pattern.indexOf("{", open + 1)) {
        const close = closingBrace(pattern, open);
        if (close < 0)
          continue;
        const body = pattern.slice(open + 1, close);
        const alts = commaSplit(body) || rangeOf(body, max);
        if (!alts)
          continue;
        const prefix = pattern.slice(0, open);
        const suffixes = (0, exports.expandBraces)(pattern.slice(close + 1), max);
        for (let i = 0; i < alts.length; i++) {
          const heads = (0, exports.expandBraces)(alts[i], max);
          for (let j = 0; j < heads.length; j++) {
            const head = prefix + heads[j];
            for (let k2 = 0; k2 < suffixes.length; k2++) {
              if (out.length >= max)
                return;
              out.push(head + suffixes[k2]);
            }
          }
        }
        return;
      }
      out.push(pattern);
    };
    var expandBraces2 = (pattern, max = 1e5) => {
      const out = [];
      expandInto2(pattern, out, max);
      return out;
    };
    exports.expandBraces = expandBraces2;
    var toRegex = (pattern, options2) => {
      const extglob = !!options2?.extglob;
      const nodot = options2?.dot === false;
      let source;
      if (pattern.indexOf("{") < 0)
        source = compile2(pattern, extglob, nodot, "", true);
      else {
        const set = (0, exports.expandBraces)(pattern);
        const length = set.length;
        if (length === 1)
          source = compile2(set[0], extglob, nodot, "", true);
        else {
          const seen = /* @__PURE__ */ new Set();
          source = "(?:";
          for (let i = 0; i < length; i++) {
            const one = set[i];
            if (seen.has(one))
              continue;
            if (seen.size)
              source += "|";
            seen.add(one);
            source += compile2(one, extglob, nodot, "", true);
          }
          source += ")";
        }
      }
      return new RegExp("^" + source + "$", options2?.nocase ? "i" : "");
    };
    exports.toRegex = toRegex;
    var isRegExp = /^\/(.{1,4096})\/([gimsuy]{0,6})$/;
    var toMatcher = (pattern, options2) => {
      const regexes = [];
      const patterns = Array.isArray(pattern) ? pattern : [pattern];
      for (const pat of patterns) {
        if (typeof pat === "string") {
          const match = isRegExp.exec(pat);
          if (match) {
            const [, expr, flags] = match;
            regexes.push(new RegExp(expr, flags));
          } else {
            regexes.push((0, exports.toRegex)(pat, options2));
          }
        } else {
          regexes.push(pat);
        }
      }
      return regexes.length ? new Function("p", "return " + regexes.map((r) => r + ".test(p)").join("||")) : () => false;
    };
    exports.toMatcher = toMatcher;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/watchIgnore.js
var require_watchIgnore = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/watchIgnore.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.watchIgnoreToMatcher = exports.watchIgnorePatternToMatcher = void 0;
    var glob_to_regex_js_1 = require_lib();
    var watchIgnorePatternToMatcher = (pattern) => {
      if (typeof pattern === "function")
        return pattern;
      if (pattern instanceof RegExp)
        return (filename) => pattern.test(filename);
      if (typeof pattern === "string") {
        const regex = (0, glob_to_regex_js_1.toRegex)(pattern);
        return (filename) => regex.test(filename);
      }
      throw new TypeError(`The "options.ignore" property must be of type string, RegExp, function, or an array thereof. Received ${typeof pattern}`);
    };
    exports.watchIgnorePatternToMatcher = watchIgnorePatternToMatcher;
    var watchIgnoreToMatcher = (ignore) => {
      if (Array.isArray(ignore)) {
        const matchers = ignore.map(exports.watchIgnorePatternToMatcher);
        return (filename) => matchers.some((matcher) => matcher(filename));
      }
      return (0, exports.watchIgnorePatternToMatcher)(ignore);
    };
    exports.watchIgnoreToMatcher = watchIgnoreToMatcher;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsCallbackApiList.js
var require_fsCallbackApiList = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsCallbackApiList.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fsCallbackApiList = void 0;
    exports.fsCallbackApiList = [
      "access",
      "appendFile",
      "chmod",
      "chown",
      "close",
      "copyFile",
      "cp",
      "createReadStream",
      "createWriteStream",
      "exists",
      "fchmod",
      "fchown",
      "fdatasync",
      "fstat",
      "fsync",
      "ftruncate",
      "futimes",
      "glob",
      "lchmod",
      "lchown",
      "link",
      "lstat",
      "mkdir",
      "mkdtemp",
      "open",
      "openAsBlob",
      "opendir",
      "read",
      "readv",
      "readdir",
      "readFile",
      "readlink",
      "realpath",
      "rename",
      "rm",
      "rmdir",
      "stat",
      "statfs",
      "symlink",
      "truncate",
      "unlink",
      "unwatchFile",
      "utimes",
      "lutimes",
      "watch",
      "watchFile",
      "write",
      "writev",
      "writeFile"
    ];
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsSynchronousApiList.js
var require_fsSynchronousApiList = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsSynchronousApiList.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fsSynchronousApiList = void 0;
    exports.fsSynchronousApiList = [
      "accessSync",
      "appendFileSync",
      "chmodSync",
      "chownSync",
      "closeSync",
      "copyFileSync",
      "cpSync",
      "existsSync",
      "fchmodSync",
      "fchownSync",
      "fdatasyncSync",
      "fstatSync",
      "fsyncSync",
      "ftruncateSync",
      "futimesSync",
      "globSync",
      "lchmodSync",
      "lchownSync",
      "linkSync",
      "lstatSync",
      "mkdirSync",
      "mkdtempSync",
      "openSync",
      "opendirSync",
      "readdirSync",
      "readFileSync",
      "readlinkSync",
      "readSync",
      "readvSync",
      "realpathSync",
      "renameSync",
      "rmdirSync",
      "rmSync",
      "statfsSync",
      "statSync",
      "symlinkSync",
      "truncateSync",
      "unlinkSync",
      "utimesSync",
      "lutimesSync",
      "writeFileSync",
      "writeSync",
      "writevSync"
    ];
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsCommonObjectsList.js
var require_fsCommonObjectsList = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/lists/fsCommonObjectsList.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fsCommonObjectsList = void 0;
    exports.fsCommonObjectsList = [
      "F_OK",
      "R_OK",
      "W_OK",
      "X_OK",
      "constants",
      "Stats",
      "StatFs",
      "Dir",
      "Dirent",
      "StatWatcher",
      "FSWatcher",
      "ReadStream",
      "WriteStream"
    ];
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/index.js
var require_lib2 = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fsCommonObjectsList = exports.fsSynchronousApiList = exports.fsCallbackApiList = void 0;
    var tslib_1 = (init_tslib_es6(), __toCommonJS(tslib_es6_exports));
    tslib_1.__exportStar(require_types(), exports);
    tslib_1.__exportStar(require_constants(), exports);
    tslib_1.__exportStar(require_AMODE(), exports);
    tslib_1.__exportStar(require_FLAG(), exports);
    tslib_1.__exportStar(require_path2(), exports);
    tslib_1.__exportStar(require_encoding(), exports);
    tslib_1.__exportStar(require_watchIgnore(), exports);
    var fsCallbackApiList_1 = require_fsCallbackApiList();
    Object.defineProperty(exports, "fsCallbackApiList", { enumerable: true, get: function() {
      return fsCallbackApiList_1.fsCallbackApiList;
    } });
    var fsSynchronousApiList_1 = require_fsSynchronousApiList();
    Object.defineProperty(exports, "fsSynchronousApiList", { enumerable: true, get: function() {
      return fsSynchronousApiList_1.fsSynchronousApiList;
    } });
    var fsCommonObjectsList_1 = require_fsCommonObjectsList();
    Object.defineProperty(exports, "fsCommonObjectsList", { enumerable: true, get: function() {
      return fsCommonObjectsList_1.fsCommonObjectsList;
    } });
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Node.js
var require_Node = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Node.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Node = void 0;
    var fanout_1 = require_fanout();
    var process_1 = require_process();
    var buffer_1 = require_buffer2();
    var fs_node_utils_1 = require_lib2();
    var { S_IFMT: S_IFMT3, S_IFDIR: S_IFDIR2, S_IFREG: S_IFREG2, S_IFLNK: S_IFLNK2, S_IFCHR: S_IFCHR2 } = fs_node_utils_1.constants;
    var getuid = () => process_1.default.getuid?.() ?? 0;
    var getgid = () => process_1.default.getgid?.() ?? 0;
    var EMPTY_BUFFER = (0, buffer_1.bufferAllocUnsafe)(0);
    var Node = class {
      constructor(ino, mode = 438, uid = getuid(), gid = getgid()) {
        this.changes = new fanout_1.FanOut();
        this._uid = getuid();
        this._gid = getgid();
        this._atime = /* @__PURE__ */ new Date();
        this._mtime = /* @__PURE__ */ new Date();
        this._ctime = /* @__PURE__ */ new Date();
        this._btime = /* @__PURE__ */ new Date();
        this.buf = EMPTY_BUFFER;
        this.capacity = 0;
        this.size = 0;
        this.rdev = 0;
        this._nlink = 1;
        this.mode = mode;
        this.ino = ino;
        this._uid = uid;
        this._gid = gid;
      }
      set ctime(ctime) {
        this._ctime = ctime;
      }
      get ctime() {
        return this._ctime;
      }
      /**
       * Birth (creation) time of this node. Unlike `ctime`, it is set once when the
       * node is created and is never advanced by writes or metadata changes. The
       * setter exists only for restore paths, like snapshot deserialization.
       */
      set btime(btime) {
        this._btime = btime;
      }
      get btime() {
        return this._btime;
      }
      set uid(uid) {
        this._uid = uid;
        this.ctime = /* @__PURE__ */ new Date();
      }
      get uid() {
        return this._uid;
      }
      set gid(gid) {
        this._gid = gid;
        this.ctime = /* @__PURE__ */ new Date();
      }
      get gid() {
        return this._gid;
      }
      set atime(atime) {
        this._atime = atime;
      }
      get atime() {
        return this._atime;
      }
      set mtime(mtime) {
        this._mtime = mtime;
        this.ctime = /* @__PURE__ */ new Date();
      }
      get mtime() {
        return this._mtime;
      }
      get perm() {
        return this.mode & ~S_IFMT3;
      }
      set perm(perm) {
        this.mode = this.mode & S_IFMT3 | perm & ~S_IFMT3;
        this.ctime = /* @__PURE__ */ new Date();
      }
      set nlink(nlink) {
        this._nlink = nlink;
        this.ctime = /* @__PURE__ */ new Date();
      }
      get nlink() {
        return this._nlink;
      }
      getString(encoding = "utf8") {
        this.atime = /* @__PURE__ */ new Date();
        return this.getBuffer().toString(encoding);
      }
      setString(str) {
        this._setBuf((0, buffer_1.bufferFrom)(str, "utf8"));
      }
      getBuffer() {
        this.atime = /* @__PURE__ */ new Date();
        if (!this.buf)
          this.buf = (0, buffer_1.bufferAllocUnsafe)(0);
        return (0, buffer_1.bufferFrom)(this.buf.subarray(0, this.size));
      }
      setBuffer(buf) {
        const copy = (0, buffer_1.bufferFrom)(buf);
        this._setBuf(copy);
      }
      _setBuf(buf) {
        const size = buf.length;
        this.buf = buf;
        this.capacity = size;
        this.size = size;
        this.touch();
      }
      getSize() {
        return this.size;
      }
      setModeProperty(property) {
        this.mode = property;
      }
      isFile() {
        return (this.mode & S_IFMT3) === S_IFREG2;
      }
      isDirectory() {
        return (this.mode & S_IFMT3) === S_IFDIR2;
      }
      isSymlink() {
        return (this.mode & S_IFMT3) === S_IFLNK2;
      }
      isCharacterDevice() {
        return (this.mode & S_IFMT3) === S_IFCHR2;
      }
      makeSymlink(symlink) {
        this.mode = S_IFLNK2 | 438;
        this.symlink = symlink;
      }
      write(buf, off = 0, len = buf.length, pos = 0) {
        const bufLength = buf.length;
        if (off + len > bufLength)
          len = bufLength - off;
        if (len <= 0)
          return 0;
        const requiredSize = pos + len;
        if (requiredSize > this.capacity) {
          let newCapacity = Math.max(this.capacity * 2, 64);
          while (newCapacity < requiredSize)
            newCapacity *= 2;
          const newBuf = (0, buffer_1.bufferAllocUnsafe)(newCapacity);
          if (this.size > 0)
            this.buf.copy(newBuf, 0, 0, this.size);
          this.buf = newBuf;
          this.capacity = newCapacity;
        }
        if (pos > this.size)
          this.buf.fill(0, this.size, pos);
        buf.copy(this.buf, pos, off, off + len);
        if (requiredSize > this.size)
          this.size = requiredSize;
        this.touch();
        return len;
      }
      /**
       * Read data from the file.
       *
       * @param buf Buffer to read data into.
       * @param off Offset int the `buf` where to start writing data.
       * @param len How many bytes to read. Equals to `buf.byteLength` by default.
       * @param pos Position offset in file where to start reading. Defaults to `0`.
       * @returns Returns the number of bytes read.
       */
      read(buf, off = 0, len = buf.byteLength, pos = 0) {
        this.atime = /* @__PURE__ */ new Date();
        if (pos >= this.size)
          return 0;
        let actualLen = len;
        if (actualLen > buf.byteLength)
          actualLen = buf.byteLength;
        if (actualLen + pos > this.size)
          actualLen = this.size - pos;
        if (actualLen <= 0)
          return 0;
        const buf2 = buf instanceof buffer_1.Buffer ? buf : buffer_1.Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
        this.buf.copy(buf2, off, pos, pos + actualLen);
        return actualLen;
      }
      truncate(len = 0) {
        if (len <= 0) {
          this.buf = EMPTY_BUFFER;
          this.capacity = 0;
          this.size = 0;
          this.touch();
          return;
        }
        if (len <= this.size)
          this.size = len;
        else {
          if (len > this.capacity) {
            let newCapacity = Math.max(this.capacity * 2, 64);
            while (newCapacity < len)
              newCapacity *= 2;
            const buf = (0, buffer_1.bufferAllocUnsafe)(newCapacity);
            if (this.size > 0)
              this.buf.copy(buf, 0, 0, this.size);
            buf.fill(0, this.size, len);
            this.buf = buf;
            this.capacity = newCapacity;
          } else
            this.buf.fill(0, this.size, len);
          this.size = len;
        }
        this.touch();
      }
      chmod(perm) {
        this.mode = this.mode & S_IFMT3 | perm & ~S_IFMT3;
        this.touch();
      }
      chown(uid, gid) {
        this.uid = uid;
        this.gid = gid;
        this.touch();
      }
      touch() {
        this.mtime = /* @__PURE__ */ new Date();
        this.changes.emit(["modify"]);
      }
      canRead(uid = getuid(), gid = getgid()) {
        if (this.perm & 4) {
          return true;
        }
        if (gid === this.gid) {
          if (this.perm & 32) {
            return true;
          }
        }
        if (uid === this.uid) {
          if (this.perm & 256) {
            return true;
          }
        }
        return false;
      }
      canWrite(uid = getuid(), gid = getgid()) {
        if (this.perm & 2) {
          return true;
        }
        if (gid === this.gid) {
          if (this.perm & 16) {
            return true;
          }
        }
        if (uid === this.uid) {
          if (this.perm & 128) {
            return true;
          }
        }
        return false;
      }
      canExecute(uid = getuid(), gid = getgid()) {
        if (this.perm & 1) {
          return true;
        }
        if (gid === this.gid) {
          if (this.perm & 8) {
            return true;
          }
        }
        if (uid === this.uid) {
          if (this.perm & 64) {
            return true;
          }
        }
        return false;
      }
      del() {
        this.changes.emit(["delete"]);
      }
      toJSON() {
        return {
          ino: this.ino,
          uid: this.uid,
          gid: this.gid,
          atime: this.atime.getTime(),
          mtime: this.mtime.getTime(),
          ctime: this.ctime.getTime(),
          btime: this.btime.getTime(),
          perm: this.perm,
          mode: this.mode,
          nlink: this.nlink,
          symlink: this.symlink,
          data: this.getString()
        };
      }
    };
    exports.Node = Node;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Link.js
var require_Link = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Link.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Link = void 0;
    var fs_node_utils_1 = require_lib2();
    var fanout_1 = require_fanout();
    var { S_IFREG: S_IFREG2 } = fs_node_utils_1.constants;
    var Link = class _Link {
      get steps() {
        return this._steps;
      }
      // Recursively sync children steps, e.g. in case of dir rename
      set steps(val) {
        this._steps = val;
        for (const [child, link] of this.children.entries()) {
          if (child === "." || child === "..") {
            continue;
          }
          link?.syncSteps();
        }
      }
      constructor(vol, parent, name) {
        this.changes = new fanout_1.FanOut();
        this.children = /* @__PURE__ */ new Map();
        this._steps = [];
        this.ino = 0;
        this.length = 0;
        this.vol = vol;
        this.parent = parent;
        this.name = name;
        this.syncSteps();
      }
      setNode(node) {
        this.node = node;
        this.ino = node.ino;
      }
      getNode() {
        return this.node;
      }
      createChild(name, node = this.vol.createNode(S_IFREG2 | 438)) {
        const link = new _Link(this.vol, this, name);
        link.setNode(node);
        if (node.isDirectory()) {
          link.children.set(".", link);
          link.getNode().nlink++;
        }
        this.setChild(name, link);
        return link;
      }
      setChild(name, link = new _Link(this.vol, this, name)) {
        this.children.set(name, link);
        link.parent = this;
        this.length++;
        const node = link.getNode();
        if (node.isDirectory()) {
          link.children.set("..", this);
          this.getNode().nlink++;
        }
        this.getNode().mtime = /* @__PURE__ */ new Date();
        this.changes.emit(["child:add", link, this]);
        return link;
      }
      deleteChild(link) {
        const node = link.getNode();
        if (node.isDirectory()) {
          link.children.delete("..");
          this.getNode().nlink--;
        }
        this.children.delete(link.getName());
        this.length--;
        this.getNode().mtime = /* @__PURE__ */ new Date();
        this.changes.emit(["child:del", link, this]);
      }
      getChild(name) {
        this.getNode().atime = /* @__PURE__ */ new Date();
        return this.children.get(name);
      }
      getPath() {
        return this.steps.join(
          "/"
          /* PATH.SEP */
        );
      }
      getParentPath() {
        const parent = this.steps.slice(0, -1).join(
          "/"
          /* PATH.SEP */
        );
        return parent ? parent : "/";
      }
      getName() {
        return this.steps[this.steps.length - 1];
      }
      toJSON() {
        return {
          steps: this.steps,
          ino: this.ino,
          children: Array.from(this.children.keys())
        };
      }
      syncSteps() {
        this.steps = this.parent ? this.parent.steps.concat([this.name]) : [this.name];
      }
    };
    exports.Link = Link;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/File.js
var require_File = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/File.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.File = void 0;
    var fs_node_utils_1 = require_lib2();
    var { O_APPEND: O_APPEND2 } = fs_node_utils_1.constants;
    var File = class {
      /**
       * Open a Link-Node pair. `node` is provided separately as that might be a different node
       * rather the one `link` points to, because it might be a symlink.
       * @param link
       * @param node
       * @param flags
       * @param fd
       */
      constructor(link, node, flags, fd) {
        this.link = link;
        this.node = node;
        this.flags = flags;
        this.fd = fd;
        this.position = 0;
      }
      getString(encoding = "utf8") {
        return this.node.getString();
      }
      setString(str) {
        this.node.setString(str);
      }
      getBuffer() {
        return this.node.getBuffer();
      }
      setBuffer(buf) {
        this.node.setBuffer(buf);
      }
      getSize() {
        return this.node.getSize();
      }
      truncate(len) {
        this.node.truncate(len);
      }
      seekTo(position) {
        this.position = position;
      }
      write(buf, offset = 0, length = buf.length, position) {
        const append = !!(this.flags & O_APPEND2);
        const explicit = !append && typeof position === "number";
        const pos = append ? this.node.getSize() : explicit ? position : this.position;
        const bytes = this.node.write(buf, offset, length, pos);
        if (!explicit)
          this.position = pos + bytes;
        return bytes;
      }
      read(buf, offset = 0, length = buf.byteLength, position) {
        const explicit = typeof position === "number";
        const pos = explicit ? position : this.position;
        const bytes = this.node.read(buf, offset, length, pos);
        if (!explicit)
          this.position = pos + bytes;
        return bytes;
      }
      chmod(perm) {
        this.node.chmod(perm);
      }
      chown(uid, gid) {
        this.node.chown(uid, gid);
      }
    };
    exports.File = File;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/validators.js
var require_validators = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-node-utils@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-node-utils/lib/validators.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAbortSignal = exports.validateBuffer = exports.validateStringArray = exports.validateArray = exports.validateOneOf = exports.validateObject = exports.validateFunction = exports.validateBoolean = exports.validateString = exports.validateUint32 = exports.validateInt32 = exports.validateInteger = exports.INT32_MAX = void 0;
    var argErrors_1 = require_argErrors();
    exports.INT32_MAX = 2147483647;
    var INT32_MIN = -2147483648;
    var UINT32_MAX = 4294967295;
    var MAX_SAFE = 9007199254740991;
    var validateRange = (value, name, min, max) => {
      if (typeof value !== "number")
        throw (0, argErrors_1.invalidArgType)(name, "of type number", value);
      if (!Number.isInteger(value))
        throw (0, argErrors_1.outOfRange)(name, "an integer", value);
      if (value < min || value > max)
        throw (0, argErrors_1.outOfRange)(name, ">= " + min + " && <= " + max, value);
    };
    var validateInteger = (value, name, min = -MAX_SAFE, max = MAX_SAFE) => validateRange(value, name, min, max);
    exports.validateInteger = validateInteger;
    var validateInt32 = (value, name, min = INT32_MIN, max = exports.INT32_MAX) => validateRange(value, name, min, max);
    exports.validateInt32 = validateInt32;
    var validateUint32 = (value, name, positive) => validateRange(value, name, positive ? 1 : 0, UINT32_MAX);
    exports.validateUint32 = validateUint32;
    var validateString = (value, name) => {
      if (typeof value !== "string")
        throw (0, argErrors_1.invalidArgType)(name, "of type string", value);
    };
    exports.validateString = validateString;
    var validateBoolean = (value, name) => {
      if (typeof value !== "boolean")
        throw (0, argErrors_1.invalidArgType)(name, "of type boolean", value);
    };
    exports.validateBoolean = validateBoolean;
    var validateFunction = (value, name) => {
      if (typeof value !== "function")
        throw (0, argErrors_1.invalidArgType)(name, "of type function", value);
    };
    exports.validateFunction = validateFunction;
    var validateObject = (value, name, options2 = 0) => {
      if (value === null && !(options2 & 1) || Array.isArray(value) && !(options2 & 2) || value !== null && typeof value !== "object" && (typeof value !== "function" || !(options2 & 4)))
        throw (0, argErrors_1.invalidArgType)(name, "of type object", value);
    };
    exports.validateObject = validateObject;
    var validateOneOf = (value, name, oneOf) => {
      if (oneOf.includes(value))
        return;
      let allowed = "";
      for (let i = 0; i < oneOf.length; i++) {
        const one = oneOf[i];
        allowed += (i ? ", " : "") + (typeof one === "string" ? "'" + one + "'" : String(one));
      }
      throw (0, argErrors_1.invalidArgValue)(name, value, "must be one of: " + allowed);
    };
    exports.validateOneOf = validateOneOf;
    var validateArray = (value, name, minLength = 0) => {
      if (!Array.isArray(value))
        throw (0, argErrors_1.invalidArgType)(name, "an instance of Array", value);
      if (value.length < minLength)
        throw (0, argErrors_1.invalidArgValue)(name, value, "must have a length of at least " + minLength);
    };
    exports.validateArray = validateArray;
    var validateStringArray = (value, name) => {
      (0, exports.validateArray)(value, name);
      const array = value;
      for (let i = 0; i < array.length; i++)
        if (typeof array[i] !== "string")
          throw (0, argErrors_1.invalidArgType)(name + "[" + i + "]", "of type string", array[i]);
    };
    exports.validateStringArray = validateStringArray;
    var validateBuffer = (buffer, name = "buffer") => {
      if (!ArrayBuffer.isView(buffer))
        throw (0, argErrors_1.invalidArgType)(name, "an instance of Buffer, TypedArray, or DataView", buffer);
    };
    exports.validateBuffer = validateBuffer;
    var validateAbortSignal = (signal, name) => {
      if (signal !== void 0 && (signal === null || typeof signal !== "object" || !("aborted" in signal)))
        throw (0, argErrors_1.invalidArgType)(name, "an instance of AbortSignal", signal);
    };
    exports.validateAbortSignal = validateAbortSignal;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/util.js
var require_util = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filenameToSteps = exports.resolve = exports.unixify = exports.isWin = void 0;
    exports.isFd = isFd;
    exports.validateFd = validateFd;
    exports.dataToBuffer = dataToBuffer;
    exports.nullCheck = nullCheck;
    exports.pathToFilename = pathToFilename;
    var path_1 = require_path();
    var buffer_1 = require_buffer2();
    var process_1 = require_process();
    var fs_node_utils_1 = require_lib2();
    var argErrors_1 = require_argErrors();
    var validators_1 = require_validators();
    exports.isWin = process_1.default.platform === "win32";
    var resolveCrossPlatform = path_1.resolve;
    var isSeparator = (str, i) => {
      let char = str[i];
      return i > 0 && (char === "/" || exports.isWin && char === "\\");
    };
    var removeTrailingSeparator = (str) => {
      let i = str.length - 1;
      if (i < 2)
        return str;
      while (isSeparator(str, i))
        i--;
      return str.substr(0, i + 1);
    };
    var normalizePath2 = (str, stripTrailing) => {
      if (typeof str !== "string")
        throw new TypeError("expected a string");
      str = str.replace(/[\\\/]+/g, "/");
      if (stripTrailing !== false)
        str = removeTrailingSeparator(str);
      return str;
    };
    var unixify = (filepath, stripTrailing = true) => {
      if (exports.isWin) {
        filepath = normalizePath2(filepath, stripTrailing);
        return filepath.replace(/^([a-zA-Z]+:|\.\/)/, "");
      }
      return filepath;
    };
    exports.unixify = unixify;
    var resolve = (filename, base = process_1.default.cwd()) => resolveCrossPlatform(base, filename);
    exports.resolve = resolve;
    if (exports.isWin) {
      const _resolve = resolve;
      exports.resolve = resolve = (filename, base) => (0, exports.unixify)(_resolve(filename, base));
    }
    var filenameToSteps = (filename, base) => {
      const fullPath = resolve(filename, base);
      const fullPathSansSlash = fullPath.substring(1);
      if (!fullPathSansSlash)
        return [];
      return fullPathSansSlash.split(fs_node_utils_1.pathSep);
    };
    exports.filenameToSteps = filenameToSteps;
    function isFd(path) {
      return path >>> 0 === path;
    }
    function validateFd(fd) {
      if (typeof fd !== "number")
        throw (0, argErrors_1.invalidArgType)("fd", "of type number", fd, true);
      if ((fd < 0 || fd > validators_1.INT32_MAX) && fd !== Infinity && fd !== -Infinity)
        throw (0, argErrors_1.outOfRange)("fd", ">= 0 && <= " + validators_1.INT32_MAX, fd, true);
      if (!Number.isInteger(fd))
        throw (0, argErrors_1.outOfRange)("fd", "an integer", fd, true);
    }
    function dataToBuffer(data, encoding = fs_node_utils_1.ENCODING_UTF8) {
      if (buffer_1.Buffer.isBuffer(data))
        return data;
      else if (data instanceof Uint8Array)
        return (0, buffer_1.bufferFrom)(data);
      else if (encoding === "buffer")
        return (0, buffer_1.bufferFrom)(String(data), "utf8");
      else
        return (0, buffer_1.bufferFrom)(String(data), encoding);
    }
    var NO_NULL_BYTES = "must be a string, Uint8Array, or URL without null bytes";
    var checkNullByte = (path, name, received) => {
      if (path.indexOf("\0") === -1)
        return;
      throw (0, argErrors_1.invalidArgValue)(name, received, NO_NULL_BYTES);
    };
    function nullCheck(path, name = "path") {
      if (path instanceof Uint8Array) {
        for (let i = 0; i < path.length; i++)
          if (!path[i])
            throw (0, argErrors_1.invalidArgValue)(name, path, NO_NULL_BYTES);
        return true;
      }
      const str = "" + path;
      checkNullByte(str, name, str);
      return true;
    }
    var isURL = (value) => !!value && !!value.href && !!value.protocol && value.auth === void 0 && value.path === void 0;
    var getPathFromURL = (url) => {
      if (url.protocol !== "file:")
        throw (0, argErrors_1.invalidUrlScheme)("file");
      if (url.hostname !== "")
        throw (0, argErrors_1.withCode)(new TypeError('File URL host must be "localhost" or empty on ' + process_1.default.platform), "ERR_INVALID_FILE_URL_HOST");
      const pathname = url.pathname;
      for (let n = 0; n < pathname.length; n++) {
        if (pathname[n] === "%") {
          const third = pathname.codePointAt(n + 2) | 32;
          if (pathname[n + 1] === "2" && third === 102)
            throw (0, argErrors_1.withCode)(new TypeError("File URL path must not include encoded / characters"), "ERR_INVALID_FILE_URL_PATH");
        }
      }
      const filepath = decodeURIComponent(pathname);
      return exports.isWin ? filepath.replace(/^\/([a-zA-Z]:)/, "$1") : filepath;
    };
    function pathToFilename(path, name = "path") {
      const received = path;
      if (path instanceof Uint8Array)
        path = (0, buffer_1.bufferFrom)(path);
      if (typeof path !== "string" && !buffer_1.Buffer.isBuffer(path)) {
        if (!isURL(path))
          throw (0, argErrors_1.invalidArgType)(name, "of type string or an instance of Buffer or URL", path);
        path = getPathFromURL(path);
      }
      const pathString = String(path);
      checkNullByte(pathString, name, received instanceof Uint8Array ? received : pathString);
      return pathString;
    }
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/SystemError.js
var require_SystemError = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/SystemError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SystemError = void 0;
    var SystemError = class extends Error {
      constructor(code, prefix, info) {
        const path = info.path;
        const dest = info.dest;
        let message = prefix + ": " + info.syscall + " returned " + info.code + " (" + info.message + ")";
        if (path !== void 0)
          message += " " + path;
        if (dest !== void 0)
          message += " => " + dest;
        super(message);
        this.code = code;
        this.info = info;
        this.errno = info.errno;
        this.syscall = info.syscall;
        if (path !== void 0)
          this.path = path;
        if (dest !== void 0)
          this.dest = dest;
      }
      toString() {
        return this.name + " [" + this.code + "]: " + this.message;
      }
    };
    exports.SystemError = SystemError;
    SystemError.prototype.name = "SystemError";
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/errors.js
var require_errors = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createEisdirError = exports.createWatchError = exports.createStatError = exports.createError = void 0;
    var SystemError_1 = require_SystemError();
    var UV = {
      EPERM: [-1, "operation not permitted"],
      ENOENT: [-2, "no such file or directory"],
      EIO: [-5, "i/o error"],
      EBADF: [-9, "bad file descriptor"],
      EAGAIN: [-11, "resource temporarily unavailable"],
      EACCES: [-13, "permission denied"],
      EBUSY: [-16, "resource busy or locked"],
      EEXIST: [-17, "file already exists"],
      EXDEV: [-18, "cross-device link not permitted"],
      ENOTDIR: [-20, "not a directory"],
      EISDIR: [-21, "illegal operation on a directory"],
      EINVAL: [-22, "invalid argument"],
      ENFILE: [-23, "file table overflow"],
      EMFILE: [-24, "too many open files"],
      ETXTBSY: [-26, "text file is busy"],
      EFBIG: [-27, "file too large"],
      ENOSPC: [-28, "no space left on device"],
      ESPIPE: [-29, "invalid seek"],
      EROFS: [-30, "read-only file system"],
      EMLINK: [-31, "too many links"],
      ERANGE: [-34, "result too large"],
      ENAMETOOLONG: [-36, "name too long"],
      ENOSYS: [-38, "function not implemented"],
      ENOTEMPTY: [-39, "directory not empty"],
      ELOOP: [-40, "too many symbolic links encountered"],
      EPROTO: [-71, "protocol error"],
      EOVERFLOW: [-75, "value too large for defined data type"],
      ENOTSUP: [-95, "operation not supported on socket"]
    };
    var formatMessage = (code, uv, syscall, path, dest) => {
      let message = code + ": " + (uv ? uv[1] : "unknown error") + ", " + syscall;
      if (path)
        message += " '" + path + "'";
      if (dest)
        message += " -> '" + dest + "'";
      return message;
    };
    var createError = (code, syscall = "", path = "", dest = "", Constructor = Error) => {
      const uv = UV[code];
      const error = new Constructor(formatMessage(code, uv, syscall, path, dest));
      if (uv)
        error.errno = uv[0];
      error.code = code;
      error.syscall = syscall;
      if (path)
        error.path = path;
      if (dest)
        error.dest = dest;
      return error;
    };
    exports.createError = createError;
    var createStatError = (code, syscall = "", path = "", dest = "") => {
      const uv = UV[code];
      return {
        errno: uv ? uv[0] : void 0,
        code,
        syscall,
        path,
        dest,
        message: formatMessage(code, uv, syscall, path, dest),
        toError: () => (0, exports.createError)(code, syscall, path, dest)
      };
    };
    exports.createStatError = createStatError;
    var createWatchError = (code, filename) => {
      const uv = UV[code];
      const error = new Error(formatMessage(code, uv, "watch", filename, ""));
      if (uv)
        error.errno = uv[0];
      error.syscall = "watch";
      error.code = code;
      error.path = filename;
      error.filename = filename;
      return error;
    };
    exports.createWatchError = createWatchError;
    var createEisdirError = (syscall, path) => new SystemError_1.SystemError("ERR_FS_EISDIR", "Path is a directory", {
      code: "EISDIR",
      message: "is a directory",
      path,
      syscall,
      errno: -UV.EISDIR[0]
    });
    exports.createEisdirError = createEisdirError;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/json.js
var require_json = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/json.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.flattenJSON = void 0;
    var buffer_1 = require_buffer2();
    var fs_node_utils_1 = require_lib2();
    var flattenJSON = (nestedJSON) => {
      const flatJSON = {};
      function flatten(pathPrefix, node) {
        for (const path in node) {
          const contentOrNode = node[path];
          const joinedPath = (0, fs_node_utils_1.pathJoin)(pathPrefix, path);
          if (typeof contentOrNode === "string" || contentOrNode instanceof buffer_1.Buffer) {
            flatJSON[joinedPath] = contentOrNode;
          } else if (typeof contentOrNode === "object" && contentOrNode !== null && !(contentOrNode instanceof buffer_1.Buffer) && Object.keys(contentOrNode).length > 0) {
            flatten(joinedPath, contentOrNode);
          } else {
            flatJSON[joinedPath] = null;
          }
        }
      }
      flatten("", nestedJSON);
      return flatJSON;
    };
    exports.flattenJSON = flattenJSON;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/result.js
var require_result = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/result.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Ok = Ok;
    exports.Err = Err;
    function Ok(value) {
      return { ok: true, value };
    }
    function Err(err) {
      return { ok: false, err };
    }
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/watch/FsEvent.js
var require_FsEvent = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/watch/FsEvent.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FsEvent = void 0;
    var FsEvent = class {
      constructor(type, steps, node, link, oldSteps = void 0) {
        this.type = type;
        this.steps = steps;
        this.node = node;
        this.link = link;
        this.oldSteps = oldSteps;
      }
    };
    exports.FsEvent = FsEvent;
  }
});

// ../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Superblock.js
var require_Superblock = __commonJS({
  "../../work/main/node_modules/.pnpm/@jsonjoy.com+fs-core@4.80.1_tslib@2.9.1/node_modules/@jsonjoy.com/fs-core/lib/Superblock.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Superblock = void 0;
    var path_1 = require_path();
    var Node_1 = require_Node();
    var Link_1 = require_Link();
    var File_1 = require_File();
    var buffer_1 = require_buffer2();
    var process_1 = require_process();
    var fs_node_utils_1 = require_lib2();
    var fs_node_utils_2 = require_lib2();
    var util_1 = require_util();
    var errors_1 = require_errors();
    var argErrors_1 = require_argErrors();
    var json_1 = require_json();
    var result_1 = require_result();
    var fanout_1 = require_fanout();
    var FsEvent_1 = require_FsEvent();
    var { O_RDONLY: O_RDONLY2, O_WRONLY: O_WRONLY2, O_RDWR: O_RDWR2, O_CREAT: O_CREAT2, O_EXCL: O_EXCL2, O_TRUNC: O_TRUNC2, O_DIRECTORY: O_DIRECTORY2, O_NOFOLLOW: O_NOFOLLOW2 } = fs_node_utils_1.constants;
    var MAX_SYMLINK_HOPS = 40;
    var endsWithSep = (path, win32) => {
      let i = path.length - 1;
      if (i < 1)
        return false;
      let code = path.charCodeAt(i);
      if (code === 46)
        code = path.charCodeAt(--i);
      return code === 47 || win32 && code === 92;
    };
    var Superblock2 = class _Superblock {
      static fromJSON(json, cwd, opts) {
        const vol = new _Superblock(opts);
        vol.fromJSON(json, cwd);
        return vol;
      }
      static fromNestedJSON(json, cwd, opts) {
        const vol = new _Superblock(opts);
        vol.fromNestedJSON(json, cwd);
        return vol;
      }
      constructor(opts = {}) {
        this.ino = 0;
        this.inodes = {};
        this.releasedInos = [];
        this.fds = {};
        this.releasedFds = [];
        this.maxFiles = 1e4;
        this.openFiles = 0;
        this.changes = new fanout_1.FanOut();
        this.open = (filename, flagsNum, modeNum, resolveSymlinks = true) => {
          const file = this.openFile(filename, flagsNum, modeNum, resolveSymlinks);
          if (!file)
            throw (0, errors_1.createError)("ENOENT", "open", filename);
          return file.fd;
        };
        this.writeFile = (id, buf, flagsNum, modeNum) => {
          const isUserFd = typeof id === "number";
          let fd;
          if (isUserFd)
            fd = id;
          else
            fd = this.open((0, util_1.pathToFilename)(id), flagsNum, modeNum);
          let offset = 0;
          let length = buf.length;
          try {
            while (length > 0) {
              const written = this.write(fd, buf, offset, length, null);
              offset += written;
              length -= written;
            }
          } finally {
            if (!isUserFd)
              this.close(fd);
          }
        };
        this.read = (fd, buffer, offset, length, position) => {
          if (offset < 0)
            throw (0, argErrors_1.outOfRange)("offset", ">= 0 && <= 9007199254740991", offset);
          if (length === 0)
            return 0;
          if (length < 0)
            throw (0, argErrors_1.outOfRange)("length", ">= 0", length);
          if (offset + length > buffer.byteLength) {
            throw (0, argErrors_1.outOfRange)("length", "<= " + (buffer.byteLength - offset), length);
          }
          const file = this.getFileByFdOrThrow(fd, "read");
          if (file.node.isSymlink()) {
            throw (0, errors_1.createError)("EPERM", "read", file.link.getPath());
          }
          return file.read(buffer, Number(offset), Number(length), position === -1 || typeof position !== "number" ? void 0 : position);
        };
        this.readv = (fd, buffers, position) => {
          const file = this.getFileByFdOrThrow(fd, "read");
          let p = position ?? void 0;
          if (p === -1)
            p = void 0;
          let bytesRead = 0;
          for (const buffer of buffers) {
            const bytes = file.read(buffer, 0, buffer.byteLength, p);
            if (p !== void 0)
              p += bytes;
            bytesRead += bytes;
            if (bytes < buffer.byteLength)
              break;
          }
          return bytesRead;
        };
        this.link = (filename1, filename2) => {
          let link1;
          try {
            link1 = this.getLinkOrThrow(filename1, "link");
          } catch (err) {
            if (err.code)
              err = (0, errors_1.createError)(err.code, "link", filename1, filename2);
            throw err;
          }
          const dirname2 = (0, path_1.dirname)(filename2);
          let dir2;
          try {
            dir2 = this.getLinkOrThrow(dirname2, "link");
          } catch (err) {
            if (err.code)
              err = (0, errors_1.createError)(err.code, "link", filename1, filename2);
            throw err;
          }
          const name = (0, path_1.basename)(filename2);
          if (dir2.getChild(name))
            throw (0, errors_1.createError)("EEXIST", "link", filename1, filename2);
          const node = link1.getNode();
          node.nlink++;
          const newLink = dir2.createChild(name, node);
          this.emit(new FsEvent_1.FsEvent(0, newLink.steps, node, newLink));
        };
        this.unlink = (filename) => {
          const link = this.getLinkOrThrow(filename, "unlink");
          if (link.getNode().isDirectory())
            throw (0, errors_1.createError)("EPERM", "unlink", filename);
          this._emitDeleteRecursive(link);
          this.deleteLink(link);
          const node = link.getNode();
          node.nlink--;
          if (node.nlink <= 0) {
            this.deleteNode(node);
          }
        };
        this.symlink = (targetFilename, pathFilename) => {
          if (!targetFilename)
            throw (0, errors_1.createError)("ENOENT", "symlink", targetFilename, pathFilename);
          const pathSteps = this.filenameToSteps(pathFilename);
          let dirLink;
          try {
            dirLink = this.getLinkParentAsDirOrThrow(pathSteps);
          } catch (err) {
            if (err.code)
              err = (0, errors_1.createError)(err.code, "symlink", targetFilename, pathFilename);
            throw err;
          }
          const name = pathSteps[pathSteps.length - 1];
          if (dirLink.getChild(name))
            throw (0, errors_1.createError)("EEXIST", "symlink", targetFilename, pathFilename);
          const node = dirLink.getNode();
          if (!node.canExecute() || !node.canWrite())
            throw (0, errors_1.createError)("EACCES", "symlink", targetFilename, pathFilename);
          const symlink = dirLink.createChild(name);
          symlink.getNode().makeSymlink(targetFilename);
          this.emit(new FsEvent_1.FsEvent(0, symlink.steps, symlink.getNode(), symlink));
          return symlink;
        };
        this.rename = (oldPathFilename, newPathFilename) => {
          let link;
          try {
            link = this.getResolvedLinkOrThrow(oldPathFilename);
          } catch (err) {
            if (err.code)
              err = (0, errors_1.createError)(err.code, "rename", oldPathFilename, newPathFilename);
            throw err;
          }
          let newPathDirLink;
          try {
            newPathDirLink = this.getLinkParentAsDirOrThrow(newPathFilename);
          } catch (err) {
            if (err.code)
              err = (0, errors_1.createError)(err.code, "rename", oldPathFilename, newPathFilename);
            throw err;
          }
          const oldLinkParent = link.parent;
          if (!oldLinkParent)
            throw (0, errors_1.createError)("EINVAL", "rename", oldPathFilename, newPathFilename);
          const oldParentNode = oldLinkParent.getNode();
          const newPathDirNode = newPathDirLink.getNode();
          if (!oldParentNode.canExecute() || !oldParentNode.canWrite() || !newPathDirNode.canExecute() || !newPathDirNode.canWrite()) {
            throw (0, errors_1.createError)("EACCES", "rename", oldPathFilename, newPathFilename);
          }
          oldLinkParent.deleteChild(link);
          const name = (0, path_1.basename)(newPathFilename);
          const oldSteps = link.steps;
          link.name = name;
          link.steps = [...newPathDirLink.steps, name];
          newPathDirLink.setChild(link.getName(), link);
          this.emit(new FsEvent_1.FsEvent(4, link.steps, link.getNode(), link, oldSteps));
        };
        this.mkdir = (filename, modeNum) => {
          const steps = this.filenameToSteps(filename);
          if (!steps.length)
            throw (0, errors_1.createError)("EEXIST", "mkdir", filename);
          const dir = this.getLinkParentAsDirOrThrow(filename, "mkdir");
          const name = steps[steps.length - 1];
          if (dir.getChild(name))
            throw (0, errors_1.createError)("EEXIST", "mkdir", filename);
          const node = dir.getNode();
          if (!node.canWrite() || !node.canExecute())
            throw (0, errors_1.createError)("EACCES", "mkdir", filename);
          const child = dir.createChild(name, this.createNode(fs_node_utils_1.constants.S_IFDIR | modeNum));
          this.emit(new FsEvent_1.FsEvent(0, child.steps, child.getNode(), child));
        };
        this.mkdirp = (filename, modeNum) => {
          let created = false;
          const steps = this.filenameToSteps(filename);
          let curr = null;
          let i = steps.length;
          for (i = steps.length; i >= 0; i--) {
            curr = this.getResolvedLink(steps.slice(0, i));
            if (curr)
              break;
          }
          if (!curr) {
            curr = this.root;
            i = 0;
          }
          curr = this.getResolvedLinkOrThrow(fs_node_utils_2.pathSep + steps.slice(0, i).join(fs_node_utils_2.pathSep), "mkdir");
          for (i; i < steps.length; i++) {
            const node = curr.getNode();
            if (node.isDirectory()) {
              if (!node.canExecute() || !node.canWrite())
                throw (0, errors_1.createError)("EACCES", "mkdir", filename);
            } else {
              throw (0, errors_1.createError)("ENOTDIR", "mkdir", filename);
            }
            created = true;
            curr = curr.createChild(steps[i], this.createNode(fs_node_utils_1.constants.S_IFDIR | modeNum));
            this.emit(new FsEvent_1.FsEvent(0, curr.steps, curr.getNode(), curr));
          }
          return created ? filename : void 0;
        };
        this.rmdir = (filename, recursive = false) => {
          const link = this.getLinkAsDirOrThrow(filename, "rmdir");
          if (link.length && !recursive)
            throw (0, errors_1.createError)("ENOTEMPTY", "rmdir", filename);
          this._emitDeleteRecursive(link);
          this.deleteLink(link);
        };
        this.rm = (filename, force = false, recursive = false) => {
          let link;
          try {
            link = this.getResolvedLinkOrThrow(filename, "lstat");
          } catch (err) {
            if (err.code === "ENOENT" && force)
              return;
            else
              throw err;
          }
          if (link.getNode().isDirectory() && !recursive)
            throw (0, errors_1.createEisdirError)("rm", filename);
          if (!link.parent?.getNode().canWrite())
            throw (0, errors_1.createError)("EACCES", "rm", filename);
          this._emitDeleteRecursive(link);
          this.deleteLink(link);
        };
        this.close = (fd) => {
          (0, util_1.validateFd)(fd);
          const file = this.getFileByFdOrThrow(fd, "close");
          this.closeFile(file);
        };
        this.ftruncate = (fd, len) => {
          const file = this.getFileByFdOrThrow(fd, "ftruncate");
          file.truncate(len);
          this.emit(new FsEvent_1.FsEvent(2, file.link.steps, file.node, file.link));
        };
        this.fchmod = (fd, modeNum) => {
          const file = this.getFileByFdOrThrow(fd, "fchmod");
          file.chmod(modeNum);
          this.emit(new FsEvent_1.FsEvent(3, file.link.steps, file.node, file.link));
        };
        this.chmod = (filename, modeNum) => {
          const link = this.getResolvedLinkOrThrow(filename, "chmod");
          link.getNode().chmod(modeNum);
          this.emit(new FsEvent_1.FsEvent(3, link.steps, link.getNode(), link));
        };
        this.lchmod = (filename, modeNum) => {
          const link = this.getLinkOrThrow(filename, "lchmod");
          link.getNode().chmod(modeNum);
          this.emit(new FsEvent_1.FsEvent(3, link.steps, link.getNode(), link));
        };
        this.fchown = (fd, uid, gid) => {
          const file = this.getFileByFdOrThrow(fd, "fchown");
          file.chown(uid, gid);
          this.emit(new FsEvent_1.FsEvent(3, file.link.steps, file.node, file.link));
        };
        this.chown = (filename, uid, gid) => {
          const link = this.getResolvedLinkOrThrow(filename, "chown");
          link.getNode().chown(uid, gid);
          this.emit(new FsEvent_1.FsEvent(3, link.steps, link.getNode(), link));
        };
        this.lchown = (filename, uid, gid) => {
          const link = this.getLinkOrThrow(filename, "lchown");
          link.getNode().chown(uid, gid);
          this.emit(new FsEvent_1.FsEvent(3, link.steps, link.getNode(), link));
        };
        this.futimes = (fd, atime, mtime) => {
          const file = this.getFileByFdOrThrow(fd, "futime");
          const node = file.node;
          node.atime = new Date(atime * 1e3);
          node.mtime = new Date(mtime * 1e3);
          this.emit(new FsEvent_1.FsEvent(3, file.link.steps, file.node, file.link));
        };
        this.utimes = (filename, atime, mtime, followSymlinks = true) => {
          const link = followSymlinks ? this.getResolvedLinkOrThrow(filename, "utime") : this.getLinkOrThrow(filename, "lutime");
          const node = link.getNode();
          node.atime = new Date(atime * 1e3);
          node.mtime = new Date(mtime * 1e3);
          this.emit(new FsEvent_1.FsEvent(3, link.steps, node, link));
        };
        this.process = opts.process ?? process_1.default;
        const root = this.createLink();
        root.setNode(this.createNode(fs_node_utils_1.constants.S_IFDIR | 511));
        root.setChild(".", root);
        root.getNode().nlink++;
        root.setChild("..", root);
        root.getNode().nlink++;
        this.root = root;
      }
      filenameToSteps(filename) {
        return (0, util_1.filenameToSteps)(filename, this.process.cwd());
      }
      emit(change) {
        this.changes.emit(change);
      }
      createLink(parent, name, isDirectory3 = false, mode) {
        if (!parent) {
          return new Link_1.Link(this, void 0, "");
        }
        if (!name) {
          throw new Error("createLink: name cannot be empty");
        }
        const finalPerm = mode ?? (isDirectory3 ? 511 : 438);
        const hasFileType = mode && mode & fs_node_utils_1.constants.S_IFMT;
        const modeType = hasFileType ? mode & fs_node_utils_1.constants.S_IFMT : isDirectory3 ? fs_node_utils_1.constants.S_IFDIR : fs_node_utils_1.constants.S_IFREG;
        const finalMode = finalPerm & ~fs_node_utils_1.constants.S_IFMT | modeType;
        return parent.createChild(name, this.createNode(finalMode));
      }
      deleteLink(link) {
        const parent = link.parent;
        if (parent) {
          parent.deleteChild(link);
          return true;
        }
        return false;
      }
      _emitDeleteRecursive(link) {
        if (link.getNode().isDirectory()) {
          for (const [name, child] of link.children.entries()) {
            if (child && name !== "." && name !== "..") {
              this._emitDeleteRecursive(child);
            }
          }
        }
        this.emit(new FsEvent_1.FsEvent(1, link.steps, link.getNode(), link));
      }
      newInoNumber() {
        const releasedFd = this.releasedInos.pop();
        if (releasedFd)
          return releasedFd;
        else {
          this.ino = (this.ino + 1) % 4294967295;
          return this.ino;
        }
      }
      newFdNumber() {
        const releasedFd = this.releasedFds.pop();
        return typeof releasedFd === "number" ? releasedFd : _Superblock.fd--;
      }
      createNode(mode) {
        const uid = this.process.getuid?.() ?? 0;
        const gid = this.process.getgid?.() ?? 0;
        const node = new Node_1.Node(this.newInoNumber(), mode, uid, gid);
        this.inodes[node.ino] = node;
        return node;
      }
      deleteNode(node) {
        node.del();
        delete this.inodes[node.ino];
        this.releasedInos.push(node.ino);
      }
      walk(stepsOrFilenameOrLink, resolveSymlinks = false, checkExistence = false, checkAccess = false, funcName, budget) {
        let steps;
        let filename;
        if (stepsOrFilenameOrLink instanceof Link_1.Link) {
          steps = stepsOrFilenameOrLink.steps;
          filename = fs_node_utils_2.pathSep + steps.join(fs_node_utils_2.pathSep);
        } else if (typeof stepsOrFilenameOrLink === "string") {
          steps = this.filenameToSteps(stepsOrFilenameOrLink);
          filename = stepsOrFilenameOrLink;
        } else {
          steps = stepsOrFilenameOrLink;
          filename = fs_node_utils_2.pathSep + steps.join(fs_node_utils_2.pathSep);
        }
        let curr = this.root;
        let i = 0;
        let hops = budget ? budget.hops : 0;
        const uid = this.process.getuid?.() ?? 0;
        const gid = this.process.getgid?.() ?? 0;
        while (i < steps.length) {
          let node = curr.getNode();
          if (node.isDirectory()) {
            if (checkAccess && !node.canExecute(uid, gid)) {
              return (0, result_1.Err)((0, errors_1.createStatError)("EACCES", funcName, filename));
            }
          } else {
            if (i < steps.length - 1) {
              return (0, result_1.Err)((0, errors_1.createStatError)("ENOTDIR", funcName, filename));
            }
          }
          curr = curr.getChild(steps[i]) ?? null;
          if (!curr)
            if (checkExistence) {
              return (0, result_1.Err)((0, errors_1.createStatError)("ENOENT", funcName, filename));
            } else {
              return (0, result_1.Ok)(null);
            }
          node = curr?.getNode();
          if (node.isSymlink() && (resolveSymlinks || i < steps.length - 1)) {
            if (++hops > MAX_SYMLINK_HOPS)
              return (0, result_1.Err)((0, errors_1.createStatError)("ELOOP", funcName, filename));
            if (budget)
              budget.hops = hops;
            const resolvedPath = (0, path_1.isAbsolute)(node.symlink) ? node.symlink : (0, fs_node_utils_2.pathJoin)((0, path_1.dirname)(curr.getPath()), node.symlink);
            steps = this.filenameToSteps(resolvedPath).concat(steps.slice(i + 1));
            curr = this.root;
            i = 0;
            continue;
          }
          if (checkExistence && !node.isDirectory() && i < steps.length - 1) {
            const errorCode = this.process.platform === "win32" ? "ENOENT" : "ENOTDIR";
            return (0, result_1.Err)((0, errors_1.createStatError)(errorCode, funcName, filename));
          }
          i++;
        }
        return (0, result_1.Ok)(curr);
      }
      // Returns a `Link` (hard link) referenced by path "split" into steps.
      getLink(steps) {
        const result = this.walk(steps, false, false, false);
        if (result.ok) {
          return result.value;
        }
        throw result.err.toError();
      }
      // Just link `getLink`, but throws a correct user error, if link to found.
      getLinkOrThrow(filename, funcName) {
        const result = this.walk(filename, false, true, true, funcName);
        if (result.ok) {
          return result.value;
        }
        throw result.err.toError();
      }
      // Just like `getLink`, but also dereference/resolves symbolic links.
      getResolvedLink(filenameOrSteps) {
        const result = this.walk(filenameOrSteps, true, false, false);
        if (result.ok) {
          return result.value;
        }
        throw result.err.toError();
      }
      /**
       * Just like `getLinkOrThrow`, but also dereference/resolves symbolic links.
       */
      getResolvedLinkOrThrow(filename, funcName) {
        const result = this.walk(filename, true, true, true, funcName);
        if (result.ok) {
          return result.value;
        }
        throw result.err.toError();
      }
      getResolvedLinkResult(filename, funcName) {
        const result = this.walk(filename, true, true, true, funcName);
        if (result.ok) {
          return (0, result_1.Ok)(result.value);
        }
        return result;
      }
      resolveSymlinks(link) {
        return this.getResolvedLink(link.steps.slice(1));
      }
      /**
       * Just like `getLinkOrThrow`, but also verifies that the link is a directory.
       */
      getLinkAsDirOrThrow(filename, funcName) {
        const link = this.getLinkOrThrow(filename, funcName);
        if (!link.getNode().isDirectory())
          throw (0, errors_1.createError)("ENOTDIR", funcName, filename);
        return link;
      }
      // Get the immediate parent directory of the link.
      getLinkParent(steps) {
        return this.getLink(steps.slice(0, -1));
      }
      // TODO: does not follow a final symlink, so mkdir/symlink/rename('/dirlink/x') give ENOTDIR and link() attaches to the symlink.
      getLinkParentAsDirOrThrow(filenameOrSteps, funcName) {
        const steps = (filenameOrSteps instanceof Array ? filenameOrSteps : this.filenameToSteps(filenameOrSteps)).slice(0, -1);
        const filename = fs_node_utils_2.pathSep + steps.join(fs_node_utils_2.pathSep);
        const link = this.getLinkOrThrow(filename, funcName);
        if (!link.getNode().isDirectory())
          throw (0, errors_1.createError)("ENOTDIR", funcName, filename);
        return link;
      }
      getFileByFd(fd) {
        return this.fds[String(fd)];
      }
      getFileByFdOrThrow(fd, funcName) {
        (0, util_1.validateFd)(fd);
        const file = this.getFileByFd(fd);
        if (!file)
          throw (0, errors_1.createError)("EBADF", funcName);
        return file;
      }
      _toJSON(link = this.root, json = {}, path, asBuffer) {
        let isEmpty = true;
        let children = link.children;
        if (link.getNode().isFile()) {
          children = /* @__PURE__ */ new Map([[link.getName(), link.parent.getChild(link.getName())]]);
          link = link.parent;
        }
        for (const name of children.keys()) {
          if (name === "." || name === "..") {
            continue;
          }
          isEmpty = false;
          const child = link.getChild(name);
          if (!child) {
            throw new Error("_toJSON: unexpected undefined");
          }
          const node = child.getNode();
          if (node.isFile()) {
            let filename = child.getPath();
            if (path)
              filename = (0, fs_node_utils_2.pathRelative)(path, filename);
            json[filename] = asBuffer ? node.getBuffer() : node.getString();
          } else if (node.isDirectory()) {
            this._toJSON(child, json, path, asBuffer);
          }
        }
        let dirPath = link.getPath();
        if (path)
          dirPath = (0, fs_node_utils_2.pathRelative)(path, dirPath);
        if (dirPath && isEmpty) {
          json[dirPath] = null;
        }
        return json;
      }
      toJSON(paths, json = {}, isRelative = false, asBuffer = false) {
        const links = [];
        if (paths) {
          if (!Array.isArray(paths))
            paths = [paths];
          for (const path of paths) {
            const filename = (0, util_1.pathToFilename)(path);
            const link = this.getResolvedLink(filename);
            if (!link)
              continue;
            links.push(link);
          }
        } else {
          links.push(this.root);
        }
        if (!links.length)
          return json;
        for (const link of links)
          this._toJSON(link, json, isRelative ? link.getPath() : "", asBuffer);
        return json;
      }
      fromJSON(json, cwd = this.process.cwd()) {
        for (let filename in json) {
          const data = json[filename];
          filename = (0, util_1.resolve)(filename, cwd);
          if (typeof data === "string" || data instanceof buffer_1.Buffer) {
            const dir = (0, path_1.dirname)(filename);
            this.mkdirp(
              dir,
              511
              /* MODE.DIR */
            );
            const buffer = (0, util_1.dataToBuffer)(data);
            this.writeFile(
              filename,
              buffer,
              fs_node_utils_2.FLAGS.w,
              438
              /* MODE.DEFAULT */
            );
          } else {
            this.mkdirp(
              filename,
              511
              /* MODE.DIR */
            );
          }
        }
      }
      fromNestedJSON(json, cwd) {
        this.fromJSON((0, json_1.flattenJSON)(json), cwd);
      }
      reset() {
        this.ino = 0;
        this.inodes = {};
        this.releasedInos = [];
        this.fds = {};
        this.releasedFds = [];
        this.openFiles = 0;
        this.root = this.createLink();
        this.root.setNode(this.createNode(fs_node_utils_1.constants.S_IFDIR | 511));
      }
      // Legacy interface
      mountSync(mountpoint, json) {
        this.fromJSON(json, mountpoint);
      }
      openLink(link, flagsNum, resolveSymlinks = true, filename = link.getPath()) {
        if (this.openFiles >= this.maxFiles) {
          throw (0, errors_1.createError)("EMFILE", "open", filename);
        }
        let realLink = link;
        if (resolveSymlinks)
          realLink = this.getResolvedLinkOrThrow(link.getPath(), "open");
        const node = realLink.getNode();
        if (node.isDirectory()) {
          if ((flagsNum & (O_RDONLY2 | O_RDWR2 | O_WRONLY2)) !== O_RDONLY2)
            throw (0, errors_1.createError)("EISDIR", "open", filename);
        } else {
          if (flagsNum & O_DIRECTORY2)
            throw (0, errors_1.createError)("ENOTDIR", "open", filename);
        }
        if (node.isSymlink() && flagsNum & O_NOFOLLOW2)
          throw (0, errors_1.createError)("ELOOP", "open", filename);
        if ((flagsNum & (O_RDONLY2 | O_RDWR2 | O_WRONLY2)) !== O_WRONLY2) {
          if (!node.canRead()) {
            throw (0, errors_1.createError)("EACCES", "open", filename);
          }
        }
        if (flagsNum & (O_WRONLY2 | O_RDWR2)) {
          if (!node.canWrite()) {
            throw (0, errors_1.createError)("EACCES", "open", filename);
          }
        }
        const file = new File_1.File(link, node, flagsNum, this.newFdNumber());
        this.fds[file.fd] = file;
        this.openFiles++;
        if (flagsNum & O_TRUNC2) {
          const hadContent = file.node.getSize() > 0;
          file.truncate();
          if (hadContent)
            this.emit(new FsEvent_1.FsEvent(2, file.link.steps, file.node, file.link));
        }
        return file;
      }
      // O_CREAT with a trailing separator: Linux looks the parent up first and only then fails with EISDIR.
      throwCreatDir(path, filename, budget) {
        const dir = this.walk((0, path_1.dirname)(path), true, true, true, "open", budget);
        if (!dir.ok)
          throw (0, errors_1.createError)(dir.err.code, "open", filename);
        const node = dir.value.getNode();
        if (!node.isDirectory())
          throw (0, errors_1.createError)("ENOTDIR", "open", filename);
        if (!node.canExecute())
          throw (0, errors_1.createError)("EACCES", "open", filename);
        throw (0, errors_1.createError)("EISDIR", "open", filename);
      }
      openFile(filename, flagsNum, modeNum, resolveSymlinks = true) {
        if (this.openFiles >= this.maxFiles)
          throw (0, errors_1.createError)("EMFILE", "open", filename);
        if ((flagsNum & (O_CREAT2 | O_DIRECTORY2)) === (O_CREAT2 | O_DIRECTORY2))
          throw (0, errors_1.createError)("EINVAL", "open", filename);
        const win32 = this.process.platform === "win32";
        const budget = { hops: 0 };
        let trailingSlash = endsWithSep(filename, win32);
        if (trailingSlash && flagsNum & O_CREAT2)
          this.throwCreatDir(filename, filename, budget);
        const excl = (flagsNum & (O_CREAT2 | O_EXCL2)) === (O_CREAT2 | O_EXCL2);
        const follow = trailingSlash || resolveSymlinks && !(flagsNum & O_NOFOLLOW2) && !excl;
        let path = filename;
        let link = null;
        for (; ; ) {
          const hops = budget.hops;
          const result = this.walk(path, false, true, true, "open", budget);
          if (!result.ok) {
            const code = result.err.code;
            if (code !== "ENOENT" || !(flagsNum & O_CREAT2))
              throw (0, errors_1.createError)(code, "open", filename);
            budget.hops = hops;
            link = null;
            break;
          }
          link = result.value;
          const node = link.getNode();
          if (!follow || !node.isSymlink())
            break;
          if (++budget.hops > MAX_SYMLINK_HOPS)
            throw (0, errors_1.createError)("ELOOP", "open", filename);
          path = (0, path_1.isAbsolute)(node.symlink) ? node.symlink : (0, fs_node_utils_2.pathJoin)((0, path_1.dirname)(link.getPath()), node.symlink);
          if (endsWithSep(path, win32)) {
            if (flagsNum & O_CREAT2)
              this.throwCreatDir(path, filename, budget);
            trailingSlash = true;
          }
        }
        if (link) {
          const node = link.getNode();
          if (excl)
            throw (0, errors_1.createError)("EEXIST", "open", filename);
          if (trailingSlash && !node.isDirectory())
            throw (0, errors_1.createError)("ENOTDIR", "open", filename);
          if (flagsNum & O_CREAT2 && node.isDirectory())
            throw (0, errors_1.createError)("EISDIR", "open", filename);
          return this.openLink(link, flagsNum, false, filename);
        }
        const dir = this.walk((0, path_1.dirname)(path), true, true, true, "open", budget);
        if (!dir.ok)
          throw (0, errors_1.createError)(dir.err.code, "open", filename);
        const dirLink = dir.value;
        const dirNode = dirLink.getNode();
        if (!dirNode.isDirectory())
          throw (0, errors_1.createError)("ENOTDIR", "open", filename);
        if (!dirNode.canExecute() || !dirNode.canWrite())
          throw (0, errors_1.createError)("EACCES", "open", filename);
        modeNum ?? (modeNum = 438);
        const steps = (0, util_1.filenameToSteps)(path);
        link = this.createLink(dirLink, steps[steps.length - 1], false, modeNum);
        this.emit(new FsEvent_1.FsEvent(0, link.steps, link.getNode(), link));
        return this.openLink(link, flagsNum, false, filename);
      }
      closeFile(file) {
        if (!this.fds[file.fd])
          return;
        this.openFiles--;
        delete this.fds[file.fd];
        this.releasedFds.push(file.fd);
      }
      write(fd, buf, offset, length, position) {
        const file = this.getFileByFdOrThrow(fd, "write");
        if (file.node.isSymlink()) {
          throw (0, errors_1.createError)("EBADF", "write", file.link.getPath());
        }
        const bytes = file.write(buf, offset, length, position === -1 || typeof position !== "number" ? void 0 : position);
        if (bytes > 0)
          this.emit(new FsEvent_1.FsEvent(2, file.link.steps, file.node, file.link));
        return bytes;
      }
    };
    exports.Superblock = Superblock2;
    Superblock2.fd = 2147483647;
  }
});

// ../../work/main/packages/kernel/src/command-registry.ts
var CommandRegistry = class {
  commands = /* @__PURE__ */ new Map();
  /** Registers every command of `driver`; returns the names it took from other drivers. */
  register(driver) {
    const replaced = [];
    for (const command of driver.commands) {
      const previous = this.commands.get(command);
      if (previous && previous !== driver) replaced.push({ command, previous: previous.name, next: driver.name });
      this.commands.set(command, driver);
    }
    return replaced;
  }
  /** Drops every command of `driver`. */
  unregister(driver) {
    for (const [command, owner] of this.commands) {
      if (owner === driver) this.commands.delete(command);
    }
  }
  /** The driver for `command`, or undefined. */
  get(command) {
    return this.commands.get(command);
  }
  /** Every command name with its driver's name, sorted by command. */
  list() {
    return new Map([...this.commands.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([c, d]) => [c, d.name]));
  }
};

// ../../work/main/packages/kernel/src/constants.ts
var O_RDONLY = 0;
var O_WRONLY = 1;
var O_RDWR = 2;
var O_ACCMODE = 3;
var O_CREAT = 64;
var O_EXCL = 128;
var O_TRUNC = 512;
var O_APPEND = 1024;
var O_NONBLOCK = 2048;
var O_DIRECTORY = 65536;
var O_NOFOLLOW = 131072;
var O_CLOEXEC = 524288;
var SEEK_SET = 0;
var SEEK_CUR = 1;
var SEEK_END = 2;
var WNOHANG = 1;
var S_IFMT = 61440;
var S_IFSOCK = 49152;
var S_IFLNK = 40960;
var S_IFREG = 32768;
var S_IFBLK = 24576;
var S_IFDIR = 16384;
var S_IFCHR = 8192;
var S_IFIFO = 4096;
var SIGKILL = 9;
var SIGPIPE = 13;
var SIGTERM = 15;
var SIGCHLD = 17;
var SIGCONT = 18;
var SIGSTOP = 19;
var SIGTSTP = 20;
var SIGNAL_NAMES = {
  1: "HUP",
  2: "INT",
  3: "QUIT",
  4: "ILL",
  5: "TRAP",
  6: "ABRT",
  7: "BUS",
  8: "FPE",
  9: "KILL",
  10: "USR1",
  11: "SEGV",
  12: "USR2",
  13: "PIPE",
  14: "ALRM",
  15: "TERM",
  16: "STKFLT",
  17: "CHLD",
  18: "CONT",
  19: "STOP",
  20: "TSTP",
  21: "TTIN",
  22: "TTOU",
  23: "URG",
  24: "XCPU",
  25: "XFSZ",
  26: "VTALRM",
  27: "PROF",
  28: "WINCH",
  29: "IO",
  30: "PWR",
  31: "SYS"
};
var PIPE_BUFFER_SIZE = 65536;

// ../../work/main/packages/kernel/src/errors.ts
var ERRNO_MESSAGES = {
  E2BIG: "argument list too long",
  EACCES: "permission denied",
  EADDRINUSE: "address already in use",
  EAFNOSUPPORT: "address family not supported",
  EAGAIN: "resource temporarily unavailable",
  EBADF: "bad file descriptor",
  EBUSY: "device or resource busy",
  ECANCELED: "operation canceled",
  ECHILD: "no child processes",
  ECONNREFUSED: "connection refused",
  EEXIST: "file exists",
  EFAULT: "bad address",
  EFBIG: "file too large",
  EINTR: "interrupted system call",
  EINVAL: "invalid argument",
  EIO: "input/output error",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
  EMFILE: "too many open files",
  EMLINK: "too many links",
  ENAMETOOLONG: "file name too long",
  ENOENT: "no such file or directory",
  ENOEXEC: "exec format error",
  ENOMEM: "cannot allocate memory",
  ENOSPC: "no space left on device",
  ENOSYS: "function not implemented",
  ENOTCONN: "transport endpoint is not connected",
  ENOTDIR: "not a directory",
  ENOTEMPTY: "directory not empty",
  ENOTSOCK: "socket operation on non-socket",
  ENOTSUP: "operation not supported",
  ENOTTY: "inappropriate ioctl for device",
  ENXIO: "no such device or address",
  EPERM: "operation not permitted",
  EPIPE: "broken pipe",
  ERANGE: "result too large",
  EROFS: "read-only file system",
  ESHUTDOWN: "cannot send after transport endpoint shutdown",
  ESPIPE: "illegal seek",
  ESRCH: "no such process",
  ETIMEDOUT: "timed out",
  EXDEV: "invalid cross-device link"
};
var KernelError = class extends Error {
  /** The POSIX error name, e.g. "ENOENT". */
  code;
  /** The syscall or operation that failed, e.g. "open". */
  syscall;
  /** The guest path involved, if any (never a host path). */
  path;
  constructor(code, detail, options2) {
    const parts = [`${code}: ${ERRNO_MESSAGES[code]}`];
    if (options2?.syscall) parts.push(`, ${options2.syscall}`);
    if (options2?.path !== void 0) parts.push(options2.syscall ? ` '${options2.path}'` : `, '${options2.path}'`);
    if (detail) parts.push(` (${detail})`);
    super(parts.join(""), options2?.cause === void 0 ? void 0 : { cause: options2.cause });
    this.name = "KernelError";
    this.code = code;
    this.syscall = options2?.syscall;
    this.path = options2?.path;
  }
};
function pathError(code, syscall, path) {
  return new KernelError(code, void 0, { syscall, path });
}
function isKernelError(err, code) {
  return err instanceof KernelError && (code === void 0 || err.code === code);
}
function strerror(code) {
  const text = ERRNO_MESSAGES[code];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ../../work/main/packages/kernel/src/devices.ts
var fillRandom = (buffer) => {
  for (let off = 0; off < buffer.length; off += 65536) {
    globalThis.crypto.getRandomValues(buffer.subarray(off, Math.min(buffer.length, off + 65536)));
  }
  return buffer.length;
};
var DEVICES = {
  null: { ino: 3, read: () => 0, write: (d) => d.length },
  zero: { ino: 4, read: (b) => (b.fill(0), b.length), write: (d) => d.length },
  full: {
    ino: 5,
    read: (b) => (b.fill(0), b.length),
    write: () => {
      throw new KernelError("ENOSPC", void 0, { syscall: "write", path: "/dev/full" });
    }
  },
  random: { ino: 6, read: fillRandom, write: (d) => d.length },
  urandom: { ino: 7, read: fillRandom, write: (d) => d.length }
};
var LINKS = {
  stdin: "/dev/fd/0",
  stdout: "/dev/fd/1",
  stderr: "/dev/fd/2"
};
var BOOT_TIME = Date.now();
function deviceStat(mode, ino, size = 0) {
  return {
    dev: 5,
    ino,
    mode,
    nlink: 1,
    uid: 0,
    gid: 0,
    size,
    atimeMs: BOOT_TIME,
    mtimeMs: BOOT_TIME,
    ctimeMs: BOOT_TIME,
    birthtimeMs: BOOT_TIME
  };
}
var readOnly = (syscall, path) => pathError("EROFS", syscall, `/dev${path}`);
var DeviceFileSystem = class {
  lstat(path) {
    if (path === "/") return deviceStat(S_IFDIR | 493, 1);
    if (path === "/fd") return deviceStat(S_IFDIR | 493, 2);
    const name = path.slice(1);
    const device = DEVICES[name];
    if (device) return deviceStat(S_IFCHR | 438, device.ino);
    const link = LINKS[name];
    if (link) return deviceStat(S_IFLNK | 511, 100 + Object.keys(LINKS).indexOf(name), link.length);
    if (/^\/fd\/\d+$/.test(path)) return deviceStat(S_IFCHR | 384, 1e3 + Number(path.slice(4)));
    throw pathError("ENOENT", "stat", `/dev${path}`);
  }
  readdir(path) {
    if (path === "/fd") return [];
    if (path !== "/") throw pathError(this.exists(path) ? "ENOTDIR" : "ENOENT", "scandir", `/dev${path}`);
    return [
      ...Object.keys(DEVICES).map((name) => ({ name, type: "chardev", ino: DEVICES[name].ino })),
      ...Object.keys(LINKS).map((name) => ({ name, type: "symlink" })),
      { name: "fd", type: "directory", ino: 2 }
    ];
  }
  readlink(path) {
    const link = LINKS[path.slice(1)];
    if (!link) throw pathError(this.exists(path) ? "EINVAL" : "ENOENT", "readlink", `/dev${path}`);
    return link;
  }
  open(path) {
    const device = DEVICES[path.slice(1)];
    if (!device) throw pathError(this.exists(path) ? "EACCES" : "ENOENT", "open", `/dev${path}`);
    return {
      read: (buffer) => device.read(buffer),
      write: (data) => device.write(data),
      stat: () => this.lstat(path),
      truncate: () => {
      },
      utimes: () => {
      },
      sync: () => {
      },
      close: () => {
      }
    };
  }
  mkdir(path) {
    throw readOnly("mkdir", path);
  }
  rmdir(path) {
    throw readOnly("rmdir", path);
  }
  unlink(path) {
    throw readOnly("unlink", path);
  }
  rename(from) {
    throw readOnly("rename", from);
  }
  link(_existing, newPath) {
    throw readOnly("link", newPath);
  }
  symlink(_target, path) {
    throw readOnly("symlink", path);
  }
  chmod(path) {
    throw readOnly("chmod", path);
  }
  utimes() {
  }
  exists(path) {
    try {
      this.lstat(path);
      return true;
    } catch {
      return false;
    }
  }
};

// ../../work/main/packages/kernel/src/exec.ts
var ExecError = class extends KernelError {
  constructor(code, detail, result) {
    super(code, detail, { syscall: "exec" });
    this.result = result;
  }
  result;
};
var Capture = class {
  constructor(forward) {
    this.forward = forward;
  }
  forward;
  chunks = [];
  size = 0;
  push = (data) => {
    this.chunks.push(data);
    this.size += data.length;
    this.forward?.(data);
  };
  text() {
    if (this.chunks.length === 1) return decoder.decode(this.chunks[0]);
    const all = new Uint8Array(this.size);
    let off = 0;
    for (const c of this.chunks) {
      all.set(c, off);
      off += c.length;
    }
    return decoder.decode(all);
  }
};
var decoder = new TextDecoder();
function execLine(processes, line, options2, graceMs) {
  const out = new Capture(options2.onStdout);
  const err = new Capture(options2.onStderr);
  let truncated = false;
  const handle = processes.spawn("sh", ["-c", line], {
    ppid: 0,
    pgid: 0,
    env: options2.env,
    cwd: options2.cwd,
    onStdout: out.push,
    onStderr: err.push,
    maxOutputBytes: options2.maxOutputBytes,
    onOutputTruncated: () => truncated = true
  });
  if (options2.stdin !== void 0 && options2.stdin.length > 0) handle.writeStdin(options2.stdin);
  handle.closeStdin();
  const result = (exitCode) => ({ exitCode, stdout: out.text(), stderr: err.text(), truncated });
  if (options2.timeout === void 0 && !options2.signal) return handle.wait().then(result);
  return new Promise((resolve, reject) => {
    let failure2 = null;
    let killTimer;
    const group = -handle.pid;
    const signalGroup = (signal) => {
      try {
        processes.kill(group, signal);
      } catch {
      }
    };
    const stop = (code, detail) => {
      if (failure2) return;
      failure2 = { code, detail };
      signalGroup(SIGTERM);
      killTimer = setTimeout(() => signalGroup(SIGKILL), graceMs);
    };
    const onAbort = () => stop("ECANCELED", "aborted");
    const timer = options2.timeout === void 0 ? void 0 : setTimeout(() => stop("ETIMEDOUT", `after ${options2.timeout} ms`), options2.timeout);
    if (options2.signal?.aborted) onAbort();
    else options2.signal?.addEventListener("abort", onAbort, { once: true });
    void handle.wait().then((exitCode) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      options2.signal?.removeEventListener("abort", onAbort);
      if (failure2) reject(new ExecError(failure2.code, failure2.detail, result(exitCode)));
      else resolve(result(exitCode));
    });
  });
}

// ../../work/main/packages/kernel/src/fd-table.ts
var DEFAULT_FD_LIMIT = 1024;
var FdTable = class _FdTable {
  constructor(limit = DEFAULT_FD_LIMIT) {
    this.limit = limit;
  }
  limit;
  slots = [];
  cloexec = /* @__PURE__ */ new Set();
  /** The description behind `fd`, or undefined. */
  get(fd) {
    return Number.isInteger(fd) && fd >= 0 ? this.slots[fd] : void 0;
  }
  /** The description behind `fd`; EBADF if it is not open. */
  getOrThrow(fd, syscall = "fd") {
    const file = this.get(fd);
    if (!file) throw new KernelError("EBADF", `fd ${fd}`, { syscall });
    return file;
  }
  /** Installs `file` at the lowest free descriptor ≥ `minFd` and returns it. */
  allocate(file, minFd = 0, closeOnExec = false) {
    for (let fd = minFd; fd < this.limit; fd++) {
      if (this.slots[fd] === void 0) {
        this.slots[fd] = file.retain();
        if (closeOnExec) this.cloexec.add(fd);
        return fd;
      }
    }
    throw new KernelError("EMFILE", `limit ${this.limit}`, { syscall: "open" });
  }
  /** Installs `file` at exactly `fd`, closing what was there. */
  install(fd, file) {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.limit) throw new KernelError("EBADF", `fd ${fd}`, { syscall: "dup2" });
    const old = this.slots[fd];
    this.slots[fd] = file.retain();
    this.cloexec.delete(fd);
    old?.release();
  }
  /** Duplicates `fd` to the lowest free descriptor ≥ `minFd` (close-on-exec only if asked). */
  dup(fd, minFd = 0, closeOnExec = false) {
    return this.allocate(this.getOrThrow(fd, "dup"), minFd, closeOnExec);
  }
  /** Whether `fd` is close-on-exec. */
  isCloseOnExec(fd) {
    return this.cloexec.has(fd);
  }
  /** Sets or clears close-on-exec on an open descriptor. */
  setCloseOnExec(fd, on) {
    this.getOrThrow(fd, "fcntl");
    if (on) this.cloexec.add(fd);
    else this.cloexec.delete(fd);
  }
  /** Makes `newFd` refer to `oldFd`'s description; a no-op when they are equal. */
  dup2(oldFd, newFd) {
    const file = this.getOrThrow(oldFd, "dup2");
    if (oldFd !== newFd) this.install(newFd, file);
  }
  /** Closes `fd`; EBADF if it is not open. */
  close(fd) {
    const file = this.getOrThrow(fd, "close");
    this.slots[fd] = void 0;
    this.cloexec.delete(fd);
    file.release();
  }
  /** Closes every descriptor. */
  closeAll() {
    const slots = this.slots;
    this.slots = [];
    this.cloexec.clear();
    for (const file of slots) file?.release();
  }
  /**
   * A copy sharing the descriptions: all of them for a fork, only those not
   * close-on-exec for a spawned command.
   */
  clone(forExec, limit = this.limit) {
    const copy = new _FdTable(limit);
    this.slots.forEach((file, fd) => {
      if (!file || fd >= limit) return;
      if (this.cloexec.has(fd)) {
        if (forExec) return;
        copy.cloexec.add(fd);
      }
      copy.slots[fd] = file.retain();
    });
    return copy;
  }
  /** The open descriptor numbers, ascending. */
  openFds() {
    const fds = [];
    this.slots.forEach((file, fd) => {
      if (file) fds.push(fd);
    });
    return fds;
  }
};

// ../../work/main/packages/kernel/src/vfs/path.ts
var PATH_MAX = 4096;
var NAME_MAX = 255;
function splitPath(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part !== "" && part !== ".") out.push(part);
  }
  return out;
}
function normalizePath(path) {
  const out = [];
  for (const part of splitPath(path)) {
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}
function resolvePath(cwd, path) {
  return normalizePath(path.startsWith("/") ? path : `${cwd}/${path}`);
}
function absolutePath(cwd, path) {
  if (path.startsWith("/")) return path;
  return cwd === "/" ? `/${path}` : `${cwd}/${path}`;
}
function joinPath(dir, name) {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}
function dirnamePath(path) {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
function basenamePath(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function isPathWithin(path, prefix) {
  if (prefix === "/") return true;
  return path === prefix || path.startsWith(prefix + "/");
}

// ../../work/main/packages/kernel/src/permissions.ts
function verdict(decision) {
  return typeof decision === "boolean" ? { allow: decision } : decision;
}
function checkFs(permissions, request) {
  if (!permissions) return;
  const { allow, reason } = permissions.fs ? verdict(permissions.fs(request)) : { allow: false, reason: "no fs policy" };
  if (!allow) {
    throw new KernelError("EACCES", reason ?? "denied by policy", { syscall: request.op, path: request.path });
  }
}
function checkChildProcess(permissions, request) {
  if (!permissions) return;
  const { allow, reason } = permissions.childProcess ? verdict(permissions.childProcess(request)) : { allow: false, reason: "no childProcess policy" };
  if (!allow) {
    throw new KernelError("EACCES", reason ?? "denied by policy", { syscall: "spawn", path: request.command });
  }
}
function filterEnv(permissions, env) {
  if (!permissions) return { ...env };
  const out = {};
  if (!permissions.env) return out;
  for (const [name, value] of Object.entries(env)) {
    if (verdict(permissions.env({ op: "read", name })).allow) out[name] = value;
  }
  return out;
}
var allowAll = Object.freeze({
  fs: () => true,
  childProcess: () => true,
  env: () => true
});

// ../../work/main/packages/kernel/src/fd-io.ts
function openForRead(entry, fd, syscall) {
  const file = entry.fds.getOrThrow(fd, syscall);
  if (!file.readable) throw new KernelError("EBADF", `fd ${fd} is not open for reading`, { syscall });
  return file;
}
function openForWrite(entry, fd, syscall) {
  const file = entry.fds.getOrThrow(fd, syscall);
  if (!file.writable) throw new KernelError("EBADF", `fd ${fd} is not open for writing`, { syscall });
  return file;
}
function checkLength(length, syscall) {
  if (!Number.isInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall });
}
async function readFd(entry, fd, length) {
  checkLength(length, "read");
  const file = openForRead(entry, fd, "read");
  const data = await file.object.read(length, file.offset, entry.abort.signal, file.nonblock);
  if (file.object.seekable) file.offset += data.length;
  return data;
}
async function preadFd(entry, fd, length, position) {
  checkLength(length, "pread");
  const file = openForRead(entry, fd, "pread");
  if (!file.object.seekable) throw new KernelError("ESPIPE", void 0, { syscall: "pread" });
  if (position < 0) throw new KernelError("EINVAL", void 0, { syscall: "pread" });
  return file.object.read(length, position, entry.abort.signal);
}
async function writeFd(entry, fd, data, kill) {
  const file = openForWrite(entry, fd, "write");
  const position = file.append && file.object.seekable ? file.object.stat().size : file.offset;
  let written;
  try {
    written = await file.object.write(data, position, entry.abort.signal, file.nonblock);
  } catch (err) {
    if (isKernelError(err, "EPIPE")) kill(entry, SIGPIPE);
    throw err;
  }
  if (file.object.seekable) file.offset = position + written;
  return written;
}
async function pwriteFd(entry, fd, data, position) {
  const file = openForWrite(entry, fd, "pwrite");
  if (!file.object.seekable) throw new KernelError("ESPIPE", void 0, { syscall: "pwrite" });
  if (position < 0) throw new KernelError("EINVAL", void 0, { syscall: "pwrite" });
  return file.object.write(data, position, entry.abort.signal);
}
function seekFd(entry, fd, offset, whence) {
  const file = entry.fds.getOrThrow(fd, "lseek");
  if (!file.object.seekable) throw new KernelError("ESPIPE", void 0, { syscall: "lseek" });
  let base;
  if (whence === SEEK_SET) base = 0;
  else if (whence === SEEK_CUR) base = file.offset;
  else if (whence === SEEK_END) base = file.object.stat().size;
  else throw new KernelError("EINVAL", `whence ${whence}`, { syscall: "lseek" });
  const next = base + Number(offset);
  if (!Number.isSafeInteger(next) || next < 0) throw new KernelError("EINVAL", `offset ${next}`, { syscall: "lseek" });
  file.offset = next;
  return BigInt(next);
}

// ../../work/main/packages/kernel/src/open-file.ts
var OpenFile = class {
  constructor(object, flags, path) {
    this.object = object;
    this.flags = flags;
    this.path = path;
  }
  object;
  flags;
  path;
  /** Number of fd-table slots (and kernel handles) referring to this description. */
  refs = 0;
  /** The cursor, for seekable objects. */
  offset = 0;
  /** Whether reads are allowed. */
  get readable() {
    return (this.flags & O_ACCMODE) !== O_WRONLY;
  }
  /** Whether writes are allowed. */
  get writable() {
    return (this.flags & O_ACCMODE) !== O_RDONLY;
  }
  /** Whether every write goes to the end. */
  get append() {
    return (this.flags & O_APPEND) !== 0;
  }
  /** Whether reads and writes fail with EAGAIN instead of waiting. */
  get nonblock() {
    return (this.flags & O_NONBLOCK) !== 0;
  }
  /** Adds a reference. */
  retain() {
    this.refs++;
    return this;
  }
  /** Drops a reference; the object is released with the last one. */
  release() {
    if (--this.refs === 0) this.object.release();
  }
};
var EMPTY = new Uint8Array(0);
var MAX_FILE_READ = 16 * 1024 * 1024;
var BaseFileObject = class {
  seekable = false;
  isTerminal = false;
  read(_length, _position, _signal, _nonblock) {
    throw new KernelError("EBADF", void 0, { syscall: "read" });
  }
  write(_data, _position, _signal, _nonblock) {
    throw new KernelError("EBADF", void 0, { syscall: "write" });
  }
  truncate(_length) {
    throw new KernelError("EINVAL", void 0, { syscall: "ftruncate" });
  }
  utimes(_atimeMs, _mtimeMs) {
    throw new KernelError("EPERM", void 0, { syscall: "futimens" });
  }
  sync() {
  }
  readdir() {
    throw new KernelError("ENOTDIR", void 0, { syscall: "readdir" });
  }
  poll() {
    return { readable: true, writable: true };
  }
  waitReady(_events, _signal) {
    return Promise.resolve();
  }
  release() {
  }
};
var RegularFileObject = class extends BaseFileObject {
  constructor(handle, filetype) {
    super();
    this.handle = handle;
    this.filetype = filetype;
  }
  handle;
  filetype;
  seekable = true;
  read(length, position) {
    if (length <= 0) return EMPTY;
    const buffer = new Uint8Array(Math.min(length, MAX_FILE_READ));
    const got = this.handle.read(buffer, position);
    return got === buffer.length ? buffer : buffer.subarray(0, got);
  }
  write(data, position) {
    return this.handle.write(data, position);
  }
  stat() {
    return this.handle.stat();
  }
  truncate(length) {
    this.handle.truncate(length);
  }
  utimes(atimeMs, mtimeMs) {
    this.handle.utimes(atimeMs, mtimeMs);
  }
  sync() {
    this.handle.sync();
  }
  release() {
    this.handle.close();
  }
};
var DirectoryObject = class extends BaseFileObject {
  constructor(fs, innerPath, listExtra = () => []) {
    super();
    this.fs = fs;
    this.innerPath = innerPath;
    this.listExtra = listExtra;
  }
  fs;
  innerPath;
  listExtra;
  filetype = "directory";
  read() {
    throw new KernelError("EISDIR", void 0, { syscall: "read" });
  }
  write() {
    throw new KernelError("EISDIR", void 0, { syscall: "write" });
  }
  stat() {
    return this.fs.lstat(this.innerPath);
  }
  utimes(atimeMs, mtimeMs) {
    this.fs.utimes(this.innerPath, atimeMs, mtimeMs);
  }
  readdir() {
    const entries = this.fs.readdir(this.innerPath);
    const extra = this.listExtra().filter((e) => !entries.some((x) => x.name === e.name));
    return extra.length ? [...entries, ...extra] : entries;
  }
};
function descriptionFlags(flags) {
  return flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
}

// ../../work/main/packages/kernel/src/output-sink.ts
var OutputSink = class extends BaseFileObject {
  constructor(deliver, cap = Infinity, onTruncated) {
    super();
    this.deliver = deliver;
    this.cap = cap;
    this.onTruncated = onTruncated;
  }
  deliver;
  cap;
  onTruncated;
  filetype = "pipe";
  /** Bytes delivered so far. */
  delivered = 0;
  write(data) {
    const room = this.cap - this.delivered;
    if (room <= 0) {
      this.onTruncated?.();
      throw new KernelError("EPIPE", "output limit reached", { syscall: "write" });
    }
    const part = data.length > room ? data.subarray(0, room) : data;
    this.delivered += part.length;
    this.deliver(part.slice());
    if (part.length < data.length) {
      this.onTruncated?.();
      throw new KernelError("EPIPE", "output limit reached", { syscall: "write" });
    }
    return data.length;
  }
  stat() {
    const now2 = Date.now();
    return {
      dev: 254,
      ino: 0,
      mode: S_IFIFO | 128,
      nlink: 1,
      uid: 0,
      gid: 0,
      size: 0,
      atimeMs: now2,
      mtimeMs: now2,
      ctimeMs: now2,
      birthtimeMs: now2
    };
  }
};

// ../../work/main/packages/kernel/src/pipe.ts
var EMPTY2 = new Uint8Array(0);
var PipeBuffer = class {
  constructor(capacity = PIPE_BUFFER_SIZE) {
    this.capacity = capacity;
  }
  capacity;
  /** Chunks in arrival order; the first may be partly consumed (see `headOffset`). */
  chunks = [];
  headOffset = 0;
  size = 0;
  readWaiters = [];
  writeWaiters = [];
  readyWaiters = [];
  /** Whether the read end is still open. */
  readerOpen = true;
  /** Whether the write end is still open. */
  writerOpen = true;
  /** The largest number of bytes ever buffered at once (for tests). */
  highWaterMark = 0;
  /** Bytes currently buffered. */
  get buffered() {
    return this.size;
  }
  /** Reads up to `length` bytes; waits while the pipe is empty and a writer remains. */
  read(length, signal, nonblock = false) {
    if (this.size > 0 && this.readWaiters.length === 0) return this.take(length);
    if (!this.writerOpen && this.size === 0) return EMPTY2;
    if (nonblock) throw new KernelError("EAGAIN", void 0, { syscall: "read" });
    return new Promise((resolve, reject) => {
      const waiter = { length, resolve, reject };
      this.readWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.readWaiters, waiter)) reject(new KernelError("EINTR", void 0, { syscall: "read" }));
      });
    });
  }
  /** Writes all of `data`; resolves with its length once every byte is in the buffer. */
  write(data, signal, nonblock = false) {
    if (!this.readerOpen) throw new KernelError("EPIPE", void 0, { syscall: "write" });
    if (data.length === 0) return 0;
    if (this.writeWaiters.length === 0) {
      const accepted = this.accept(data);
      if (accepted === data.length) return accepted;
      if (nonblock) {
        if (accepted > 0) return accepted;
        throw new KernelError("EAGAIN", void 0, { syscall: "write" });
      }
      return this.waitToWrite(data, accepted, signal);
    }
    if (nonblock) throw new KernelError("EAGAIN", void 0, { syscall: "write" });
    return this.waitToWrite(data, 0, signal);
  }
  /** Whether a read would not wait, and whether a write would not wait. */
  poll() {
    return {
      readable: this.size > 0 || !this.writerOpen,
      writable: !this.readerOpen || this.size < this.capacity
    };
  }
  /** Resolves once `poll()` reports the event (or the signal aborts). */
  waitReady(events, signal) {
    const ready = this.poll();
    if (events === "read" ? ready.readable : ready.writable) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { events, resolve };
      this.readyWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.readyWaiters, waiter)) resolve();
      });
    });
  }
  /** Closes the read end: pending and future writes fail with EPIPE. */
  closeReader() {
    if (!this.readerOpen) return;
    this.readerOpen = false;
    this.chunks = [];
    this.size = 0;
    this.headOffset = 0;
    const writers = this.writeWaiters;
    this.writeWaiters = [];
    for (const w of writers) w.reject(new KernelError("EPIPE", void 0, { syscall: "write" }));
    this.wakeReady();
  }
  /** Closes the write end: readers drain the buffer, then see end of file. */
  closeWriter() {
    if (!this.writerOpen) return;
    this.writerOpen = false;
    if (this.size === 0) {
      const readers = this.readWaiters;
      this.readWaiters = [];
      for (const r of readers) r.resolve(EMPTY2);
    }
    this.wakeReady();
  }
  waitToWrite(data, written, signal) {
    return new Promise((resolve, reject) => {
      const waiter = { data, written, resolve, reject };
      this.writeWaiters.push(waiter);
      cancelOnAbort(signal, waiter, () => {
        if (remove(this.writeWaiters, waiter)) reject(new KernelError("EINTR", void 0, { syscall: "write" }));
      });
    });
  }
  /** Takes as much of `data` as fits, serving waiting readers first; returns the count taken. */
  accept(data, from = 0) {
    let offset = from;
    while (offset < data.length && this.readWaiters.length > 0 && this.size === 0) {
      const reader = this.readWaiters.shift();
      const n2 = Math.min(reader.length, data.length - offset);
      reader.resolve(data.slice(offset, offset + n2));
      offset += n2;
    }
    const room = this.capacity - this.size;
    const n = Math.min(room, data.length - offset);
    if (n > 0) {
      this.chunks.push(data.slice(offset, offset + n));
      this.size += n;
      offset += n;
      if (this.size > this.highWaterMark) this.highWaterMark = this.size;
      this.serveReaders();
    }
    return offset - from;
  }
  /** Removes up to `length` bytes from the front of the buffer. */
  take(length) {
    const n = Math.min(length, this.size);
    const head = this.chunks[0];
    let out;
    if (head.length - this.headOffset >= n) {
      out = head.subarray(this.headOffset, this.headOffset + n);
      this.headOffset += n;
      if (this.headOffset === head.length) {
        this.chunks.shift();
        this.headOffset = 0;
      }
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const part = Math.min(chunk.length - this.headOffset, n - filled);
        out.set(chunk.subarray(this.headOffset, this.headOffset + part), filled);
        filled += part;
        this.headOffset += part;
        if (this.headOffset === chunk.length) {
          this.chunks.shift();
          this.headOffset = 0;
        }
      }
    }
    this.size -= n;
    this.serveWriters();
    if (this.size === 0 && !this.writerOpen) {
      const readers = this.readWaiters;
      this.readWaiters = [];
      for (const r of readers) r.resolve(EMPTY2);
    }
    return out;
  }
  serveReaders() {
    while (this.size > 0 && this.readWaiters.length > 0) {
      const reader = this.readWaiters.shift();
      reader.resolve(this.take(reader.length));
    }
    this.wakeReady();
  }
  serveWriters() {
    while (this.writeWaiters.length > 0 && this.size < this.capacity) {
      const writer = this.writeWaiters[0];
      writer.written += this.accept(writer.data, writer.written);
      if (writer.written < writer.data.length) break;
      this.writeWaiters.shift();
      writer.resolve(writer.data.length);
    }
    this.wakeReady();
  }
  wakeReady() {
    if (this.readyWaiters.length === 0) return;
    const ready = this.poll();
    const still = [];
    for (const w of this.readyWaiters) {
      if (w.events === "read" ? ready.readable : ready.writable) w.resolve();
      else still.push(w);
    }
    this.readyWaiters = still;
  }
};
function remove(list2, item) {
  const i = list2.indexOf(item);
  if (i < 0) return false;
  list2.splice(i, 1);
  return true;
}
function cancelOnAbort(signal, waiter, cancel) {
  if (!signal) return;
  if (signal.aborted) {
    queueMicrotask(cancel);
    return;
  }
  signal.addEventListener("abort", cancel, { once: true });
  const detach = () => signal.removeEventListener("abort", cancel);
  const { resolve, reject } = waiter;
  waiter.resolve = ((value) => {
    detach();
    resolve(value);
  });
  if (reject) {
    waiter.reject = (err) => {
      detach();
      reject(err);
    };
  }
}
var PipeReadEnd = class extends BaseFileObject {
  constructor(pipe) {
    super();
    this.pipe = pipe;
  }
  pipe;
  filetype = "pipe";
  read(length, _position, signal, nonblock) {
    return this.pipe.read(length, signal, nonblock);
  }
  stat() {
    return fifoStat(this.pipe.buffered);
  }
  poll() {
    return { readable: this.pipe.poll().readable, writable: false };
  }
  waitReady(events, signal) {
    return events === "read" ? this.pipe.waitReady("read", signal) : Promise.resolve();
  }
  release() {
    this.pipe.closeReader();
  }
};
var PipeWriteEnd = class extends BaseFileObject {
  constructor(pipe) {
    super();
    this.pipe = pipe;
  }
  pipe;
  filetype = "pipe";
  write(data, _position, signal, nonblock) {
    return this.pipe.write(data, signal, nonblock);
  }
  stat() {
    return fifoStat(this.pipe.buffered);
  }
  poll() {
    return { readable: false, writable: this.pipe.poll().writable };
  }
  waitReady(events, signal) {
    return events === "write" ? this.pipe.waitReady("write", signal) : Promise.resolve();
  }
  release() {
    this.pipe.closeWriter();
  }
};
var nextPipeIno = 1;
function fifoStat(size) {
  const now2 = Date.now();
  return {
    dev: 254,
    ino: nextPipeIno++,
    mode: S_IFIFO | 384,
    nlink: 1,
    uid: 0,
    gid: 0,
    size,
    atimeMs: now2,
    mtimeMs: now2,
    ctimeMs: now2,
    birthtimeMs: now2
  };
}

// ../../work/main/packages/kernel/src/process-table.ts
var PID_MAX = 4194304;
var ProcessEntry = class {
  constructor(pid, ppid, pgid, command, args, owner, env, cwd, umask, fds) {
    this.pid = pid;
    this.ppid = ppid;
    this.pgid = pgid;
    this.command = command;
    this.args = args;
    this.owner = owner;
    this.env = env;
    this.cwd = cwd;
    this.umask = umask;
    this.fds = fds;
    this.exited = new Promise((resolve) => {
      this.resolveExited = resolve;
    });
  }
  pid;
  ppid;
  pgid;
  command;
  args;
  owner;
  env;
  cwd;
  umask;
  fds;
  /** "running" until `exit`, then "zombie" until reaped. */
  state = "running";
  /** The exit code, once exited. */
  exitCode = null;
  /** Aborts when the process exits: blocked calls give up. */
  abort = new AbortController();
  /** Resolves with the exit code, once. */
  exited;
  /** Live and zombie children. */
  children = /* @__PURE__ */ new Set();
  /** The driver's handle, once `spawn` returned it. */
  driverProcess = null;
  /** Signal numbers whose default action (termination) is ignored. */
  ignoredSignals = /* @__PURE__ */ new Set();
  resolveExited;
  childWaiters = [];
  /** Marks the process exited with `code` (first call wins). */
  finish(code) {
    if (this.state !== "running") return false;
    this.state = "zombie";
    this.exitCode = code;
    this.fds.closeAll();
    this.abort.abort();
    this.resolveExited(code);
    return true;
  }
  /** Resolves when one of this process's children has exited. */
  nextChildExit() {
    return new Promise((resolve) => this.childWaiters.push(resolve));
  }
  /** Wakes everything waiting for a child of this process to exit. */
  notifyChildExit() {
    const waiters = this.childWaiters;
    this.childWaiters = [];
    for (const wake of waiters) wake();
  }
};
var ProcessTable = class {
  entries = /* @__PURE__ */ new Map();
  lastPid = 0;
  running = 0;
  /** The number of processes that have not exited. */
  get runningCount() {
    return this.running;
  }
  /** The next free pid. */
  allocatePid() {
    do {
      this.lastPid = this.lastPid >= PID_MAX ? 1 : this.lastPid + 1;
    } while (this.entries.has(this.lastPid));
    return this.lastPid;
  }
  /** Adds a new process (and links it to its parent). */
  add(entry) {
    this.entries.set(entry.pid, entry);
    this.running++;
    this.entries.get(entry.ppid)?.children.add(entry.pid);
  }
  /** The process, or undefined (also once reaped). */
  get(pid) {
    return this.entries.get(pid);
  }
  /** The process; ESRCH if there is none. */
  getOrThrow(pid, syscall = "kill") {
    const entry = this.entries.get(pid);
    if (!entry) throw new KernelError("ESRCH", `pid ${pid}`, { syscall });
    return entry;
  }
  /** Every process in the table (running and zombie). */
  all() {
    return [...this.entries.values()];
  }
  /** Running members of a process group. */
  group(pgid) {
    return this.all().filter((p) => p.pgid === pgid && p.state === "running");
  }
  /** Exits a process: closes its fds, wakes its waiters, reaps what no one will wait for. */
  exit(pid, code) {
    const entry = this.entries.get(pid);
    if (!entry || !entry.finish(code)) return;
    this.running--;
    for (const childPid of entry.children) {
      const child = this.entries.get(childPid);
      if (!child) continue;
      child.ppid = 0;
      if (child.state === "zombie") this.entries.delete(childPid);
    }
    entry.children.clear();
    const parent = this.entries.get(entry.ppid);
    if (parent && parent.state === "running") parent.notifyChildExit();
    else this.reap(pid);
  }
  /** Removes an exited process. */
  reap(pid) {
    const entry = this.entries.get(pid);
    if (!entry || entry.state !== "zombie") return;
    this.entries.delete(pid);
    this.entries.get(entry.ppid)?.children.delete(pid);
  }
  /**
   * Waits for a child of `parentPid`: `target` > 0 that child, -1 any child,
   * < -1 any child in group -target. With WNOHANG, null when none has exited.
   */
  async waitpid(parentPid, target, options2 = 0) {
    const parent = this.getOrThrow(parentPid, "waitpid");
    for (; ; ) {
      const candidates = [...parent.children].map((pid) => this.entries.get(pid)).filter((c) => !!c && (target === -1 || (target > 0 ? c.pid === target : c.pgid === -target)));
      if (candidates.length === 0) throw new KernelError("ECHILD", void 0, { syscall: "waitpid" });
      const done = candidates.find((c) => c.state === "zombie");
      if (done) {
        this.reap(done.pid);
        return { pid: done.pid, status: done.exitCode };
      }
      if (options2 & WNOHANG) return null;
      if (parent.state !== "running") throw new KernelError("EINTR", void 0, { syscall: "waitpid" });
      await Promise.race([parent.nextChildExit(), parent.exited]);
    }
  }
};

// ../../work/main/packages/kernel/src/process-manager.ts
var IGNORED_BY_DEFAULT = /* @__PURE__ */ new Set([SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, 21, 22, 23, 28]);
var COMMAND_DIRS = /* @__PURE__ */ new Set(["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin"]);
var MAX_INTERPRETER_DEPTH = 4;
var OrderedOutput = class {
  constructor(manager, entry, fd) {
    this.manager = manager;
    this.entry = entry;
    this.fd = fd;
  }
  manager;
  entry;
  fd;
  tail = Promise.resolve();
  write(data) {
    if (this.entry.state !== "running" || data.length === 0) return;
    const bytes = data.slice();
    this.tail = this.tail.then(() => this.entry.state === "running" ? writeFd(this.entry, this.fd, bytes, this.manager.signal) : 0).catch(() => 0);
  }
  drained() {
    return this.tail;
  }
};
var ProcessManager = class {
  constructor(fs, registry, drivers, options2) {
    this.fs = fs;
    this.registry = registry;
    this.drivers = drivers;
    this.options = options2;
  }
  fs;
  registry;
  drivers;
  options;
  table = new ProcessTable();
  /** Sends a signal to one process (the kernel-internal form of kill). */
  signal = (entry, signal) => {
    if (entry.state !== "running") return;
    if (signal !== SIGKILL && (IGNORED_BY_DEFAULT.has(signal) || entry.ignoredSignals.has(signal))) return;
    try {
      entry.driverProcess?.kill(signal);
    } catch {
    }
    this.table.exit(entry.pid, 128 + signal);
  };
  /** Whether `name` is a registered command. */
  hasCommand(name) {
    return this.registry.get(name) !== void 0;
  }
  /** kill(2): `target` > 0 a process, < 0 a process group; signal 0 only checks existence. */
  kill(target, signal) {
    if (!Number.isInteger(signal) || signal < 0 || signal > 64) throw new KernelError("EINVAL", `signal ${signal}`, { syscall: "kill" });
    const victims = target > 0 ? [this.table.getOrThrow(target)] : this.table.group(-target);
    if (target === 0 || victims.length === 0) throw new KernelError("ESRCH", `pid ${target}`, { syscall: "kill" });
    if (signal === 0) return;
    for (const victim of victims) this.signal(victim, signal);
  }
  /** Starts `command` under its driver. */
  spawn(command, args, options2) {
    const parent = this.liveParent(options2.ppid);
    const cwd = this.childCwd(parent, options2.cwd);
    const exe = this.resolve(command, args, cwd, 0);
    checkChildProcess(this.options.permissions, { command, args, cwd, ppid: options2.ppid });
    return this.start(exe.driver, exe.command, exe.args, parent, cwd, options2, true, (ctx) => {
      const proc = exe.driver.spawn(exe.command, exe.args, ctx);
      if (!proc || typeof proc.wait !== "function" || typeof proc.kill !== "function") {
        throw new KernelError("EINVAL", `driver ${exe.driver.name} returned no DriverProcess`, { syscall: "spawn", path: command });
      }
      return proc;
    });
  }
  /** Starts a child of `options.ppid` running `body` on this thread. */
  fork(owner, body, options2) {
    const parent = this.liveParent(options2.ppid);
    if (!parent) throw new KernelError("EINVAL", "fork needs a parent process", { syscall: "fork" });
    const cwd = this.childCwd(parent, options2.cwd);
    const name = options2.name ?? parent.command;
    return this.start(owner, name, [], parent, cwd, options2, false, (ctx) => {
      let resolveExit;
      const exit = new Promise((resolve) => resolveExit = resolve);
      const proc = {
        writeStdin() {
        },
        closeStdin() {
        },
        kill: (signal2) => resolveExit(128 + signal2),
        wait: () => exit,
        onExit: null,
        onStdout: null,
        onStderr: null
      };
      const signal = this.table.getOrThrow(ctx.pid).abort.signal;
      queueMicrotask(() => {
        body(ctx.pid, signal).then(resolveExit, (err) => {
          if (!signal.aborted) ctx.onStderr(new TextEncoder().encode(`${name}: ${err?.message ?? err}
`));
          resolveExit(isKernelError(err, "EPIPE") ? 141 : 1);
        });
      });
      return proc;
    });
  }
  /** Ends every running process: SIGTERM, then SIGKILL for any left after `graceMs`. */
  async terminateAll(graceMs) {
    const running = this.table.all().filter((p) => p.state === "running");
    for (const p of running) this.signal(p, 15);
    const left = running.filter((p) => p.state === "running");
    if (left.length === 0) return;
    let timer;
    await Promise.race([
      Promise.all(left.map((p) => p.exited)),
      new Promise((resolve) => timer = setTimeout(resolve, graceMs))
    ]);
    clearTimeout(timer);
    for (const p of left) this.signal(p, SIGKILL);
  }
  liveParent(ppid) {
    if (!ppid) return void 0;
    const parent = this.table.getOrThrow(ppid, "spawn");
    if (parent.state !== "running") throw new KernelError("ESRCH", `pid ${ppid} has exited`, { syscall: "spawn" });
    return parent;
  }
  childCwd(parent, requested) {
    const base = parent?.cwd ?? this.options.cwd;
    if (requested === void 0) return base;
    const cwd = this.fs.realpath(absolutePath(base, requested));
    const st = this.fs.stat(cwd);
    if ((st.mode & S_IFMT) !== S_IFDIR) throw new KernelError("ENOTDIR", void 0, { syscall: "chdir", path: requested });
    return cwd;
  }
  /** Finds the driver for a command name or an executable path. */
  resolve(command, args, cwd, depth) {
    if (!command.includes("/")) {
      const driver = this.registry.get(command);
      if (!driver) throw new KernelError("ENOENT", "command not found", { syscall: "spawn", path: command });
      return { driver, command, args };
    }
    const path = absolutePath(cwd, command);
    let mode;
    try {
      mode = this.fs.stat(path).mode;
    } catch (err) {
      const lexical = normalizePath(path);
      const byName = COMMAND_DIRS.has(dirnamePath(lexical)) ? this.registry.get(basenamePath(lexical)) : void 0;
      if (byName && isKernelError(err, "ENOENT")) return { driver: byName, command: basenamePath(lexical), args };
      throw err;
    }
    if ((mode & S_IFMT) === S_IFDIR) throw new KernelError("EACCES", "is a directory", { syscall: "spawn", path: command });
    if ((mode & 73) === 0) throw new KernelError("EACCES", void 0, { syscall: "spawn", path: command });
    const header = this.readHeader(path);
    if (header[0] === 35 && header[1] === 33) {
      if (depth >= MAX_INTERPRETER_DEPTH) throw new KernelError("ELOOP", "too many #! interpreters", { syscall: "spawn", path: command });
      const line = new TextDecoder().decode(header.subarray(2, (header.indexOf(10) + 1 || header.length + 1) - 1)).trim();
      const space = line.search(/[ \t]/);
      const interpreter = space < 0 ? line : line.slice(0, space);
      const optional = space < 0 ? "" : line.slice(space).trim();
      if (!interpreter) throw new KernelError("ENOEXEC", "empty #! line", { syscall: "spawn", path: command });
      return this.resolve(interpreter, [...optional ? [optional] : [], command, ...args], cwd, depth + 1);
    }
    const drivers = this.drivers();
    for (let i = drivers.length - 1; i >= 0; i--) {
      if (drivers[i].canExecute?.(header, path)) return { driver: drivers[i], command: path, args };
    }
    const shell = this.registry.get("sh");
    if (!shell) throw new KernelError("ENOEXEC", void 0, { syscall: "spawn", path: command });
    return { driver: shell, command: "sh", args: [command, ...args] };
  }
  readHeader(path) {
    const { object } = this.fs.open(path, O_RDONLY, 0);
    try {
      return object.read(256, 0);
    } finally {
      object.release();
    }
  }
  start(driver, command, args, parent, cwd, options2, forExec, launch) {
    if (this.table.runningCount >= this.options.maxProcesses) {
      throw new KernelError("EAGAIN", `process limit ${this.options.maxProcesses} reached`, { syscall: "spawn", path: command });
    }
    const fds = parent ? parent.fds.clone(forExec, this.options.maxFdsPerProcess) : new FdTable(this.options.maxFdsPerProcess);
    let stdinWriter = null;
    try {
      stdinWriter = this.installStdio(fds, parent, options2);
    } catch (err) {
      fds.closeAll();
      throw err;
    }
    const pid = this.table.allocatePid();
    const pgid = options2.pgid === 0 ? pid : options2.pgid ?? parent?.pgid ?? pid;
    const env = { ...options2.env ?? parent?.env ?? this.options.env };
    const entry = new ProcessEntry(pid, parent?.pid ?? 0, pgid, command, args, driver.name, env, cwd, parent?.umask ?? 18, fds);
    this.table.add(entry);
    const outputs = [new OrderedOutput(this, entry, 1), new OrderedOutput(this, entry, 2)];
    const ctx = {
      pid,
      ppid: entry.ppid,
      env: { ...env },
      cwd,
      fds: { stdin: 0, stdout: 1, stderr: 2 },
      onStdout: (data) => outputs[0].write(data),
      onStderr: (data) => outputs[1].write(data)
    };
    let proc;
    try {
      proc = launch(ctx);
    } catch (err) {
      this.table.exit(pid, 127);
      this.table.reap(pid);
      stdinWriter?.release();
      throw err;
    }
    entry.driverProcess = proc;
    const finish = (code) => this.exitNormally(entry, code, outputs);
    proc.onStdout = ctx.onStdout;
    proc.onStderr = ctx.onStderr;
    proc.onExit = finish;
    proc.wait().then(finish, () => finish(1));
    if (driver.stdin !== "fd") void this.pumpStdin(entry, proc);
    return this.handle(entry, stdinWriter);
  }
  /** Puts the three standard descriptors in place; returns the kernel's end of a stdin pipe, if it made one. */
  installStdio(fds, parent, options2) {
    let stdinWriter = null;
    const fromParent = (fd) => {
      if (!parent) throw new KernelError("EBADF", `fd ${fd}: the embedder has no descriptors`, { syscall: "spawn" });
      return parent.fds.getOrThrow(fd, "spawn");
    };
    if (options2.stdinFd !== void 0) fds.install(0, fromParent(options2.stdinFd));
    else if (!parent) {
      const pipe = new PipeBuffer();
      fds.install(0, new OpenFile(new PipeReadEnd(pipe), O_RDONLY));
      stdinWriter = new OpenFile(new PipeWriteEnd(pipe), O_WRONLY).retain();
    }
    const outputs = [
      [1, options2.stdoutFd, options2.onStdout],
      [2, options2.stderrFd, options2.onStderr]
    ];
    for (const [target, fd, callback] of outputs) {
      if (fd !== void 0) fds.install(target, fromParent(fd));
      else if (callback) {
        const sink = new OutputSink(callback, options2.maxOutputBytes, options2.onOutputTruncated);
        fds.install(target, new OpenFile(sink, O_WRONLY));
      } else if (!parent) fds.install(target, new OpenFile(new OutputSink(() => {
      }), O_WRONLY));
    }
    return stdinWriter;
  }
  /** A driver reported an exit: make it final once the output it queued is written. */
  exitNormally(entry, code, outputs) {
    if (entry.state !== "running") return;
    const status = typeof code === "number" && Number.isInteger(code) ? code & 255 : 1;
    void Promise.all(outputs.map((o) => o.drained())).then(() => this.table.exit(entry.pid, status));
  }
  /** Delivers fd 0 through writeStdin/closeStdin for drivers that take input that way. */
  async pumpStdin(entry, proc) {
    while (entry.state === "running") {
      let data;
      try {
        data = await readFd(entry, 0, 65536);
      } catch {
        return;
      }
      if (entry.state !== "running") return;
      if (data.length === 0) {
        proc.closeStdin();
        return;
      }
      proc.writeStdin(data);
    }
  }
  handle(entry, stdinWriter) {
    let stdinTail = Promise.resolve();
    let stdinClosed = false;
    const encoder11 = new TextEncoder();
    const table = this.table;
    return {
      pid: entry.pid,
      writeStdin(data) {
        if (!stdinWriter) throw new KernelError("EBADF", "the process's stdin is not a kernel pipe", { syscall: "write" });
        if (stdinClosed) throw new KernelError("EBADF", "stdin is closed", { syscall: "write" });
        const bytes = typeof data === "string" ? encoder11.encode(data) : data.slice();
        const writer = stdinWriter;
        stdinTail = stdinTail.then(() => writer.object.write(bytes, 0)).catch(() => 0);
      },
      closeStdin() {
        if (!stdinWriter || stdinClosed) return;
        stdinClosed = true;
        const writer = stdinWriter;
        stdinTail = stdinTail.then(() => writer.release());
      },
      kill: (signal = 15) => {
        if (entry.state === "running") this.kill(entry.pid, signal);
      },
      wait() {
        return entry.exited.then((code) => {
          table.reap(entry.pid);
          return code;
        });
      },
      get exitCode() {
        return entry.exitCode;
      }
    };
  }
};

// ../../work/main/packages/kernel/src/shell/bytes.ts
var encoder = new TextEncoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var RAW_BYTE = /[\uDC80-\uDCFF]/;
function rawByteChar(b) {
  return b < 128 ? String.fromCharCode(b) : String.fromCharCode(56320 + b);
}
function encodeText(text) {
  if (!RAW_BYTE.test(text)) return encoder.encode(text);
  const chunks = [];
  let size = 0;
  let runStart = 0;
  const flush = (end) => {
    if (end > runStart) {
      const c = encoder.encode(text.slice(runStart, end));
      chunks.push(c);
      size += c.length;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 56448 && c <= 56575) {
      flush(i);
      chunks.push(Uint8Array.of(c - 56320));
      size++;
      runStart = i + 1;
    }
  }
  flush(text.length);
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
function decodeBytes(bytes) {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeLenient(bytes);
  }
}
function sequenceLength(b) {
  if (b >= 194 && b <= 223) return 2;
  if (b >= 224 && b <= 239) return 3;
  if (b >= 240 && b <= 244) return 4;
  return 0;
}
function decodeLenient(bytes) {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      let end = i + 1;
      while (end < bytes.length && bytes[end] < 128) end++;
      out += String.fromCharCode(...bytes.subarray(i, end));
      i = end;
      continue;
    }
    const n = sequenceLength(b);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strictDecoder.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
      }
    }
    out += rawByteChar(b);
    i++;
  }
  return out;
}

// ../../work/main/packages/kernel/src/shell/control-flow.ts
var BreakSignal = class {
  constructor(levels) {
    this.levels = levels;
  }
  levels;
};
var ContinueSignal = class {
  constructor(levels) {
    this.levels = levels;
  }
  levels;
};
var ReturnSignal = class {
  constructor(status) {
    this.status = status;
  }
  status;
};
var ExitSignal = class {
  constructor(status) {
    this.status = status;
  }
  status;
};
var ShellFatal = class {
  constructor(status) {
    this.status = status;
  }
  status;
};
var CommandFailure = class {
  constructor(status) {
    this.status = status;
  }
  status;
};
var ShellAborted = class {
};

// ../../work/main/packages/kernel/src/shell/arithmetic.ts
var ArithError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ArithError";
  }
};
var OPS = [
  "<<=",
  ">>=",
  "**",
  "++",
  "--",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "^=",
  "|=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "&",
  "^",
  "|",
  "!",
  "~",
  "?",
  ":",
  "=",
  ",",
  "(",
  ")"
];
var BINARY_PRECEDENCE = {
  "||": 1,
  "&&": 2,
  "|": 3,
  "^": 4,
  "&": 5,
  "==": 6,
  "!=": 6,
  "<": 7,
  "<=": 7,
  ">": 7,
  ">=": 7,
  "<<": 8,
  ">>": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10
};
var ASSIGN_OPS = /* @__PURE__ */ new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="]);
function tokenize(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "	" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c >= "0" && c <= "9") {
      let end = i;
      while (end < text.length && /[0-9A-Za-z_@#]/.test(text[end])) end++;
      const raw = text.slice(i, end);
      out.push({ k: "num", v: parseNumber(raw), text: raw });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
      out.push({ k: "name", v: text.slice(i, end) });
      i = end;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op === void 0) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${text.slice(i)}")`);
    out.push({ k: "op", v: op });
    i += op.length;
  }
  out.push({ k: "end" });
  return out;
}
function digitValue(ch) {
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  if (ch >= "a" && ch <= "z") return ch.charCodeAt(0) - 97 + 10;
  if (ch >= "A" && ch <= "Z") return ch.charCodeAt(0) - 65 + 36;
  if (ch === "@") return 62;
  if (ch === "_") return 63;
  return 99;
}
function parseNumber(raw) {
  let base = 10;
  let digits = raw;
  const hash = raw.indexOf("#");
  if (hash >= 0) {
    base = Number(raw.slice(0, hash));
    digits = raw.slice(hash + 1);
    if (!/^[0-9]+$/.test(raw.slice(0, hash)) || base < 2 || base > 64) {
      throw new ArithError(`invalid arithmetic base (error token is "${raw}")`);
    }
  } else if (/^0[xX]/.test(raw)) {
    base = 16;
    digits = raw.slice(2);
  } else if (raw.length > 1 && raw[0] === "0") {
    base = 8;
    digits = raw.slice(1);
  }
  if (digits === "") throw new ArithError(`invalid number (error token is "${raw}")`);
  let value = 0n;
  const b = BigInt(base);
  for (const ch of digits) {
    let d = digitValue(ch);
    if (base <= 36 && ch >= "A" && ch <= "Z") d -= 26;
    if (d >= base) throw new ArithError(`value too great for base (error token is "${raw}")`);
    value = BigInt.asIntN(64, value * b + BigInt(d));
  }
  return value;
}
var ArithParser = class {
  constructor(toks) {
    this.toks = toks;
  }
  toks;
  i = 0;
  peek() {
    return this.toks[this.i];
  }
  isOp(v) {
    const t = this.peek();
    return t.k === "op" && t.v === v;
  }
  fail() {
    const rest = this.toks.slice(this.i).map((t) => t.k === "end" ? "" : t.k === "num" ? t.text : t.v).join(" ");
    throw new ArithError(`syntax error: operand expected (error token is "${rest}")`);
  }
  parse() {
    const node = this.comma();
    if (this.peek().k !== "end") {
      const t = this.peek();
      const text = t.k === "num" ? t.text : t.k === "end" ? "" : t.v;
      throw new ArithError(`syntax error in expression (error token is "${text}")`);
    }
    return node;
  }
  comma() {
    let node = this.assign();
    while (this.isOp(",")) {
      this.i++;
      node = { t: "bin", op: ",", l: node, r: this.assign() };
    }
    return node;
  }
  assign() {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.k === "name" && next.k === "op" && ASSIGN_OPS.has(next.v)) {
      this.i += 2;
      return { t: "assign", op: next.v, name: t.v, e: this.assign() };
    }
    return this.conditional();
  }
  conditional() {
    const c = this.binary(1);
    if (!this.isOp("?")) return c;
    this.i++;
    const a = this.comma();
    if (!this.isOp(":")) this.fail();
    this.i++;
    const b = this.assign();
    return { t: "cond", c, a, b };
  }
  binary(minPrec) {
    let left = this.power();
    for (; ; ) {
      const t = this.peek();
      const prec = t.k === "op" ? BINARY_PRECEDENCE[t.v] : void 0;
      if (prec === void 0 || prec < minPrec) return left;
      this.i++;
      const right = this.binary(prec + 1);
      left = { t: "bin", op: t.v, l: left, r: right };
    }
  }
  power() {
    const base = this.unary();
    if (!this.isOp("**")) return base;
    this.i++;
    return { t: "bin", op: "**", l: base, r: this.power() };
  }
  unary() {
    const t = this.peek();
    if (t.k === "op") {
      if (t.v === "++" || t.v === "--") {
        this.i++;
        const name = this.peek();
        if (name.k !== "name") this.fail();
        this.i++;
        return { t: "incr", op: t.v, prefix: true, name: name.v };
      }
      if (t.v === "+" || t.v === "-" || t.v === "!" || t.v === "~") {
        this.i++;
        return { t: "un", op: t.v, e: this.unary() };
      }
    }
    return this.postfix();
  }
  postfix() {
    const t = this.peek();
    if (t.k === "num") {
      this.i++;
      return { t: "num", v: t.v };
    }
    if (t.k === "name") {
      this.i++;
      if (this.isOp("++") || this.isOp("--")) {
        const op = this.peek().v;
        this.i++;
        return { t: "incr", op, prefix: false, name: t.v };
      }
      return { t: "var", name: t.v };
    }
    if (this.isOp("(")) {
      this.i++;
      const inner = this.comma();
      if (!this.isOp(")")) this.fail();
      this.i++;
      return inner;
    }
    return this.fail();
  }
};
var cache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 512;
function parseExpr(text) {
  let node = cache.get(text);
  if (node !== void 0) return node;
  node = text.trim() === "" ? null : new ArithParser(tokenize(text)).parse();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, node);
  return node;
}
function evaluateArithmetic(text, scope) {
  const node = parseExpr(text);
  return node === null ? 0n : new Evaluator(scope).eval(node);
}
var MAX_VARIABLE_DEPTH = 64;
var Evaluator = class {
  constructor(scope) {
    this.scope = scope;
  }
  scope;
  depth = 0;
  read(name) {
    const raw = this.scope.get(name);
    if (raw === void 0 || raw.trim() === "") return 0n;
    const trimmed = raw.trim();
    if (/^-?[0-9]+$/.test(trimmed) && !/^-?0[0-9]/.test(trimmed)) return BigInt.asIntN(64, BigInt(trimmed));
    if (this.depth >= MAX_VARIABLE_DEPTH) throw new ArithError(`expression recursion level exceeded (error token is "${trimmed}")`);
    this.depth++;
    try {
      const node = parseExpr(trimmed);
      return node === null ? 0n : this.eval(node);
    } finally {
      this.depth--;
    }
  }
  write(name, value) {
    this.scope.set(name, value.toString());
    return value;
  }
  eval(n) {
    switch (n.t) {
      case "num":
        return n.v;
      case "var":
        return this.read(n.name);
      case "un": {
        const v = this.eval(n.e);
        if (n.op === "-") return BigInt.asIntN(64, -v);
        if (n.op === "+") return v;
        if (n.op === "!") return v === 0n ? 1n : 0n;
        return BigInt.asIntN(64, ~v);
      }
      case "incr": {
        const old = this.read(n.name);
        const next = BigInt.asIntN(64, n.op === "++" ? old + 1n : old - 1n);
        this.write(n.name, next);
        return n.prefix ? next : old;
      }
      case "assign": {
        const rhs = this.eval(n.e);
        const value = n.op === "=" ? rhs : binop(n.op.slice(0, -1), this.read(n.name), rhs);
        return this.write(n.name, value);
      }
      case "cond":
        return this.eval(n.c) !== 0n ? this.eval(n.a) : this.eval(n.b);
      case "bin": {
        if (n.op === "&&") return this.eval(n.l) !== 0n && this.eval(n.r) !== 0n ? 1n : 0n;
        if (n.op === "||") return this.eval(n.l) !== 0n || this.eval(n.r) !== 0n ? 1n : 0n;
        const l = this.eval(n.l);
        const r = this.eval(n.r);
        return n.op === "," ? r : binop(n.op, l, r);
      }
    }
  }
};
function binop(op, l, r) {
  switch (op) {
    case "+":
      return BigInt.asIntN(64, l + r);
    case "-":
      return BigInt.asIntN(64, l - r);
    case "*":
      return BigInt.asIntN(64, l * r);
    case "/":
    case "%":
      if (r === 0n) throw new ArithError("division by 0");
      return BigInt.asIntN(64, op === "/" ? l / r : l % r);
    case "**":
      if (r < 0n) throw new ArithError("exponent less than 0");
      return power(l, r);
    case "<<":
      return BigInt.asIntN(64, l << (r & 63n));
    case ">>":
      return BigInt.asIntN(64, l >> (r & 63n));
    case "<":
      return l < r ? 1n : 0n;
    case "<=":
      return l <= r ? 1n : 0n;
    case ">":
      return l > r ? 1n : 0n;
    case ">=":
      return l >= r ? 1n : 0n;
    case "==":
      return l === r ? 1n : 0n;
    case "!=":
      return l !== r ? 1n : 0n;
    case "&":
      return l & r;
    case "^":
      return l ^ r;
    case "|":
      return l | r;
    default:
      throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${op}")`);
  }
}
function power(base, exp) {
  let result = 1n;
  let b = base;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asIntN(64, result * b);
    b = BigInt.asIntN(64, b * b);
    e >>= 1n;
  }
  return result;
}

// ../../work/main/packages/kernel/src/shell/brace.ts
var MAX_BRACE_WORDS = 1e5;
function expandBraces(word) {
  if (!word.parts.some((p) => p.type === "lit" && p.text.includes("{"))) return [word];
  const out = [];
  expandInto(word.parts, out);
  return out;
}
function litAt(parts, pos) {
  const p = parts[pos.part];
  return p !== void 0 && p.type === "lit" ? p.text[pos.offset] : void 0;
}
function sliceParts(parts, from, to) {
  const out = [];
  for (let i = from.part; i <= to.part && i < parts.length; i++) {
    const p = parts[i];
    const start = i === from.part ? from.offset : 0;
    if (p.type !== "lit") {
      if (i < to.part || i === to.part && to.offset > 0) out.push(p);
      continue;
    }
    const end = i === to.part ? to.offset : p.text.length;
    if (end > start) out.push({ type: "lit", text: p.text.slice(start, end) });
  }
  return out;
}
function concat(...lists) {
  const out = [];
  for (const list2 of lists) {
    for (const p of list2) {
      const last = out[out.length - 1];
      if (p.type === "lit" && last !== void 0 && last.type === "lit") out[out.length - 1] = { type: "lit", text: last.text + p.text };
      else out.push(p);
    }
  }
  return out;
}
function expandInto(parts, out) {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.type !== "lit") continue;
    for (let j = 0; j < p.text.length; j++) {
      if (p.text[j] !== "{") continue;
      const group = scanGroup(parts, { part: i, offset: j });
      if (group === null) continue;
      const prefix = sliceParts(parts, { part: 0, offset: 0 }, { part: i, offset: j });
      const suffix = sliceParts(parts, { part: group.close.part, offset: group.close.offset + 1 }, { part: parts.length, offset: 0 });
      for (const alt of group.alternatives) {
        if (out.length >= MAX_BRACE_WORDS) return;
        expandInto(concat(prefix, alt, suffix), out);
      }
      return;
    }
  }
  out.push({ parts });
}
function scanGroup(parts, open) {
  let depth = 0;
  const commas = [];
  let pos = { part: open.part, offset: open.offset + 1 };
  for (; ; ) {
    const part = parts[pos.part];
    if (part === void 0) return null;
    if (part.type !== "lit" || pos.offset >= part.text.length) {
      pos = { part: pos.part + 1, offset: 0 };
      continue;
    }
    const ch = litAt(parts, pos);
    if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0) break;
      depth--;
    } else if (ch === "," && depth === 0) commas.push(pos);
    pos = { part: pos.part, offset: pos.offset + 1 };
  }
  const close = pos;
  const inner = { part: open.part, offset: open.offset + 1 };
  if (commas.length > 0) {
    const bounds = [inner, ...commas.map((c) => ({ part: c.part, offset: c.offset + 1 }))];
    const ends = [...commas, close];
    return { alternatives: bounds.map((b, k2) => sliceParts(parts, b, ends[k2])), close };
  }
  const body = sliceParts(parts, inner, close);
  if (body.length !== 1 || body[0].type !== "lit") return null;
  const seq = sequence(body[0].text);
  return seq === null ? null : { alternatives: seq.map((text) => [{ type: "lit", text }]), close };
}
function sequence(text) {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (m === null) return null;
  const [, a, b, stepText] = m;
  const numeric = /\d/.test(a);
  if (numeric !== /\d/.test(b)) return null;
  let step = Math.abs(Number(stepText ?? "1")) || 1;
  const start = numeric ? Number(a) : a.charCodeAt(0);
  const end = numeric ? Number(b) : b.charCodeAt(0);
  if (end < start) step = -step;
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    if (out.length >= MAX_BRACE_WORDS) break;
    if (!numeric) out.push(String.fromCharCode(v));
    else if (width === 0) out.push(String(v));
    else out.push((v < 0 ? "-" : "") + String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0"));
  }
  return out;
}

// ../../work/main/packages/kernel/src/shell/fields.ts
function fieldBreak(star, quoted) {
  return { star, quoted };
}
function isBreak(seg) {
  return seg.text === void 0;
}
var DEFAULT_IFS = " 	\n";
function isIfsWhitespace(ch) {
  return ch === " " || ch === "	" || ch === "\n";
}
function splitFields(segments, ifs) {
  const sep = ifs ?? DEFAULT_IFS;
  const fields = [];
  let current = [];
  let started = false;
  let afterWhitespaceDelimiter = false;
  const emit = () => {
    fields.push(current);
    current = [];
    started = false;
  };
  for (const seg of segments) {
    if (isBreak(seg)) {
      if (seg.quoted || sep === "") {
        if (started) emit();
        afterWhitespaceDelimiter = false;
      } else if (isIfsWhitespace(sep[0])) {
        if (started) {
          emit();
          afterWhitespaceDelimiter = true;
        }
      } else {
        if (started || !afterWhitespaceDelimiter) emit();
        afterWhitespaceDelimiter = false;
      }
      continue;
    }
    if (!seg.split || seg.quoted || sep === "") {
      current.push(seg);
      if (seg.quoted || seg.text !== "") {
        started = true;
        afterWhitespaceDelimiter = false;
      }
      continue;
    }
    const text = seg.text;
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (sep.indexOf(ch) < 0) continue;
      if (i > runStart) {
        current.push({ text: text.slice(runStart, i), quoted: false, split: true });
        started = true;
      }
      runStart = i + 1;
      if (isIfsWhitespace(ch)) {
        if (started) {
          emit();
          afterWhitespaceDelimiter = true;
        }
      } else {
        if (started) emit();
        else if (!afterWhitespaceDelimiter) emit();
        afterWhitespaceDelimiter = false;
      }
    }
    if (runStart < text.length) {
      current.push({ text: text.slice(runStart), quoted: false, split: true });
      started = true;
      afterWhitespaceDelimiter = false;
    }
  }
  if (started) emit();
  return fields;
}
function joinSegments(segments, ifs) {
  let out = "";
  for (const seg of segments) {
    if (!isBreak(seg)) out += seg.text;
    else out += seg.star && ifs !== void 0 ? ifs.slice(0, 1) : " ";
  }
  return out;
}
function fieldText(field) {
  if (field.length === 1) return field[0].text;
  let out = "";
  for (const piece of field) out += piece.text;
  return out;
}

// ../../work/main/packages/kernel/src/shell/pattern.ts
var CLASSES = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "a-zA-Z0-9_"
};
var REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;
var CLASS_SPECIAL = /[\\\]\[^-]/;
function escapeRegexChar(ch) {
  return REGEX_SPECIAL.test(ch) ? "\\" + ch : ch;
}
function escapeClassChar(ch) {
  return CLASS_SPECIAL.test(ch) ? "\\" + ch : ch;
}
function hasGlobChars(pattern) {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}
function unescapePattern(pattern) {
  if (pattern.indexOf("\\") < 0) return pattern;
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
    out += pattern[i];
  }
  return out;
}
var PATTERN_SPECIAL = "\\*?[]-!^";
function escapePattern(text) {
  let out = "";
  for (const ch of text) out += PATTERN_SPECIAL.includes(ch) ? "\\" + ch : ch;
  return out;
}
function readBracket(pattern, start) {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  while (i < pattern.length) {
    let ch = pattern[i];
    if (ch === "]" && !first) {
      return { regex: body === "" ? negate ? "[\\s\\S]" : "(?!)" : `[${negate ? "^" : ""}${body}]`, end: i + 1 };
    }
    first = false;
    if (ch === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      const name = close >= 0 ? pattern.slice(i + 2, close) : "";
      if (CLASSES[name] !== void 0) {
        body += CLASSES[name];
        i = close + 2;
        continue;
      }
    }
    if (ch === "\\" && i + 1 < pattern.length) ch = pattern[++i];
    i++;
    if (pattern[i] === "-" && i + 1 < pattern.length && pattern[i + 1] !== "]") {
      let hi = pattern[i + 1];
      i += 2;
      if (hi === "\\" && i < pattern.length) hi = pattern[i++];
      if (hi >= ch) body += escapeClassChar(ch) + "-" + escapeClassChar(hi);
      continue;
    }
    body += escapeClassChar(ch);
  }
  return null;
}
function patternToRegexSource(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      if (i + 1 < pattern.length) out += escapeRegexChar(pattern[++i]);
      else out += "\\\\";
    } else if (ch === "*") {
      out += "[\\s\\S]*";
    } else if (ch === "?") {
      out += "[\\s\\S]";
    } else if (ch === "[") {
      const bracket = readBracket(pattern, i);
      if (bracket === null) out += "\\[";
      else {
        out += bracket.regex;
        i = bracket.end - 1;
      }
    } else {
      out += escapeRegexChar(ch);
    }
  }
  return out;
}
var compiled = /* @__PURE__ */ new Map();
var CACHE_LIMIT2 = 1024;
function patternRegExp(pattern, ignoreCase = false) {
  const key = ignoreCase ? "i" + pattern : "s" + pattern;
  let re = compiled.get(key);
  if (re === void 0) {
    re = new RegExp(`^(?:${patternToRegexSource(pattern)})$`, ignoreCase ? "ui" : "u");
    if (compiled.size >= CACHE_LIMIT2) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}
function matchPattern(pattern, text) {
  if (!hasGlobChars(pattern)) return unescapePattern(pattern) === text;
  return patternRegExp(pattern).test(text);
}
function stripPattern(text, pattern, fromStart, longest) {
  const re = patternRegExp(pattern);
  const n = text.length;
  if (fromStart) {
    for (let k2 = longest ? n : 0; longest ? k2 >= 0 : k2 <= n; k2 += longest ? -1 : 1) {
      if (re.test(text.slice(0, k2))) return text.slice(k2);
    }
  } else {
    for (let k2 = longest ? 0 : n; longest ? k2 <= n : k2 >= 0; k2 += longest ? 1 : -1) {
      if (re.test(text.slice(k2))) return text.slice(0, k2);
    }
  }
  return text;
}
function replacePattern(text, pattern, replacement, all, anchor) {
  if (pattern === "") return text;
  const re = patternRegExp(pattern);
  if (anchor === "start") {
    for (let k2 = text.length; k2 >= 0; k2--) if (re.test(text.slice(0, k2))) return replacement + text.slice(k2);
    return text;
  }
  if (anchor === "end") {
    for (let k2 = 0; k2 <= text.length; k2++) if (re.test(text.slice(k2))) return text.slice(0, k2) + replacement;
    return text;
  }
  let out = "";
  let i = 0;
  while (i < text.length) {
    let matched = -1;
    for (let k2 = text.length; k2 > i; k2--) {
      if (re.test(text.slice(i, k2))) {
        matched = k2;
        break;
      }
    }
    if (matched < 0) {
      out += text[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + text.slice(i);
  }
  return out;
}

// ../../work/main/packages/kernel/src/shell/state.ts
var OPTION_LETTERS = {
  e: "errexit",
  u: "nounset",
  x: "xtrace",
  v: "verbose",
  f: "noglob",
  C: "noclobber",
  a: "allexport",
  n: "noexec"
};
var ReadonlyError = class extends Error {
  constructor(variable) {
    super(`${variable}: readonly variable`);
    this.variable = variable;
  }
  variable;
};
var ShellState = class _ShellState {
  vars = /* @__PURE__ */ new Map();
  positional = [];
  arg0 = "sh";
  functions = /* @__PURE__ */ new Map();
  options = {
    errexit: false,
    nounset: false,
    xtrace: false,
    verbose: false,
    pipefail: false,
    noglob: false,
    noclobber: false,
    allexport: false,
    noexec: false
  };
  /** Aliases by name. */
  aliases = /* @__PURE__ */ new Map();
  /** Set when `alias`/`unalias` changed the table, so the rest of a script is parsed again. */
  aliasesChanged = false;
  /** Where PATH lookups found commands (bash's `hash` table); cleared when PATH changes. */
  commandHash = /* @__PURE__ */ new Map();
  /** Line of the command running now (`$LINENO`). */
  lineno = 0;
  /** bash's `shopt` options: the glob ones, and whether aliases expand (on, as in POSIX sh). */
  shopt = { nullglob: false, failglob: false, dotglob: false, globstar: false, nocaseglob: false, expand_aliases: true };
  /** `$?`. */
  lastStatus = 0;
  /** `$!`, once a background job has started. */
  lastBgPid = void 0;
  /** `$$`: the top-level shell's pid, kept by subshells. */
  shellPid = 0;
  /** Trap actions by condition name ("EXIT", "INT", ...). */
  traps = /* @__PURE__ */ new Map();
  /** Saved bindings of `local` and temporary assignments, innermost last. */
  scopes = [];
  /** Function call depth. */
  callDepth = 0;
  /** getopts: the OPTIND it last set, and its position inside that argument. */
  getoptsIndex = 0;
  getoptsPos = 1;
  /** Nesting of `.`/`source`, where `return` is allowed. */
  sourceDepth = 0;
  /** Loop nesting depth, for `break`/`continue` counts. */
  loopDepth = 0;
  /** > 0 while running a condition, where `set -e` does not apply. */
  errexitSuppressed = 0;
  envCache = null;
  /** A variable's value, or undefined when unset. */
  get(name) {
    return this.vars.get(name)?.value;
  }
  /** Assigns a variable, keeping its attributes; throws ReadonlyError. */
  set(name, value) {
    if (name === "PATH") this.commandHash.clear();
    const v = this.vars.get(name);
    if (v === void 0) {
      this.vars.set(name, { value, exported: this.options.allexport, readonly: false });
      if (this.options.allexport) this.envCache = null;
      return;
    }
    if (v.readonly) throw new ReadonlyError(name);
    v.value = value;
    if (this.options.allexport) v.exported = true;
    if (v.exported) this.envCache = null;
  }
  /** Removes a variable; throws ReadonlyError. */
  unset(name) {
    const v = this.vars.get(name);
    if (v === void 0) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (name === "PATH") this.commandHash.clear();
    this.vars.delete(name);
    if (v.exported) this.envCache = null;
  }
  /** Marks a variable exported (creating it unset if needed). */
  export(name, exported = true) {
    const v = this.vars.get(name);
    if (v === void 0) this.vars.set(name, { value: void 0, exported, readonly: false });
    else v.exported = exported;
    this.envCache = null;
  }
  /** Marks a variable readonly (creating it unset if needed). */
  markReadonly(name) {
    const v = this.vars.get(name);
    if (v === void 0) this.vars.set(name, { value: void 0, exported: false, readonly: true });
    else v.readonly = true;
  }
  /** Whether a variable is readonly. */
  isReadonly(name) {
    return this.vars.get(name)?.readonly === true;
  }
  /** The environment children get: every exported variable that is set. */
  environment() {
    if (this.envCache !== null) return this.envCache;
    const env = {};
    for (const [name, v] of this.vars) if (v.exported && v.value !== void 0) env[name] = v.value;
    this.envCache = env;
    return env;
  }
  /** Opens a dynamic scope (a function call or a temporary assignment). */
  pushScope() {
    this.scopes.push(/* @__PURE__ */ new Map());
  }
  /** Closes the innermost scope, restoring every binding it saved. */
  popScope() {
    const saved = this.scopes.pop();
    if (saved === void 0) return;
    for (const [name, old] of saved) {
      if (old === void 0) this.vars.delete(name);
      else this.vars.set(name, old);
    }
    this.envCache = null;
  }
  /** Saves `name`'s binding in the innermost scope (once) so popping the scope restores it. */
  saveInScope(name) {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope === void 0 || scope.has(name)) return;
    const v = this.vars.get(name);
    scope.set(name, v === void 0 ? void 0 : { ...v });
    if (v !== void 0) this.vars.set(name, { ...v });
  }
  /** `$-`: the letters of the options that are on. */
  flags() {
    let out = "";
    for (const [letter, name] of Object.entries(OPTION_LETTERS)) if (this.options[name]) out += letter;
    return out;
  }
  /** A deep copy for a subshell; traps are reset, as POSIX subshells do. */
  clone() {
    const copy = new _ShellState();
    for (const [name, v] of this.vars) copy.vars.set(name, { ...v });
    copy.positional = [...this.positional];
    copy.arg0 = this.arg0;
    copy.functions = new Map(this.functions);
    copy.commandHash = new Map(this.commandHash);
    copy.aliases = new Map(this.aliases);
    copy.options = { ...this.options };
    copy.shopt = { ...this.shopt };
    copy.lineno = this.lineno;
    copy.lastStatus = this.lastStatus;
    copy.lastBgPid = this.lastBgPid;
    copy.shellPid = this.shellPid;
    copy.callDepth = this.callDepth;
    copy.loopDepth = this.loopDepth;
    copy.sourceDepth = this.sourceDepth;
    copy.errexitSuppressed = this.errexitSuppressed;
    for (const [cond, action] of this.traps) if (action === "") copy.traps.set(cond, "");
    copy.scopes = this.scopes.map(() => /* @__PURE__ */ new Map());
    return copy;
  }
};

// ../../work/main/packages/kernel/src/shell/expand.ts
async function expandWords(host, words) {
  const out = [];
  for (const written of words) {
    const braced = expandBraces(written);
    if (braced.length !== 1) {
      out.push(...await expandWords(host, braced));
      continue;
    }
    const word = braced[0];
    const parts = word.parts;
    if (parts.length === 1) {
      const p = parts[0];
      if (p.type === "sq" || p.type === "esc") {
        out.push(p.text);
        continue;
      }
      if (p.type === "lit" && !hasGlobChars(p.text)) {
        out.push(p.text);
        continue;
      }
    }
    const segments = [];
    await expandParts(host, parts, false, false, segments);
    const fields = splitFields(segments, host.state.get("IFS"));
    for (const field of fields) await globField(host, field, out);
  }
  return out;
}
async function globField(host, field, out) {
  if (!host.state.options.noglob && field.some((p) => !p.quoted && hasGlobChars(p.text))) {
    const pattern = field.map((p) => p.quoted ? escapePattern(p.text) : p.text).join("");
    const matches = await host.glob(pattern);
    if (matches.length > 0) {
      out.push(...matches);
      return;
    }
    const options2 = host.state.shopt;
    if (options2.failglob) await host.fail(`no match: ${fieldText(field)}`, 1);
    if (options2.nullglob) return;
  }
  out.push(fieldText(field));
}
async function expandString(host, word) {
  const parts = word.parts;
  if (parts.length === 0) return "";
  if (parts.length === 1) {
    const p = parts[0];
    if (p.type === "lit" || p.type === "sq" || p.type === "esc") return p.text;
  }
  const segments = [];
  await expandParts(host, parts, false, false, segments);
  return joinSegments(segments, host.state.get("IFS"));
}
async function expandPattern(host, word) {
  const segments = [];
  await expandParts(host, word.parts, false, false, segments);
  let out = "";
  for (const seg of segments) {
    if (isBreak(seg)) out += " ";
    else out += seg.quoted ? escapePattern(seg.text) : seg.text;
  }
  return out;
}
async function expandParts(host, parts, inDq, inExpansion, out) {
  for (const part of parts) {
    switch (part.type) {
      case "lit":
        out.push({ text: part.text, quoted: inDq, split: inExpansion && !inDq });
        break;
      case "sq":
      case "esc":
        out.push({ text: part.text, quoted: true, split: false });
        break;
      case "dq":
        if (!containsAt(part.parts)) out.push({ text: "", quoted: true, split: false });
        await expandParts(host, part.parts, true, inExpansion, out);
        break;
      case "tilde":
        out.push({ text: tildeValue(host.state, part.user), quoted: true, split: false });
        break;
      case "param":
        await expandParam(host, part, inDq, out);
        break;
      case "cmdsub": {
        const text = (await host.commandSub(part.body)).replace(/\n+$/, "");
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case "arith": {
        const text = await arithValue(host, part.expr);
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
    }
  }
}
function containsAt(parts) {
  return parts.some((p) => p.type === "param" && (p.name === "@" || p.op !== null && p.arg !== null && containsAt(p.arg.parts)) && !p.length);
}
function tildeValue(state, user) {
  if (user === "") return state.get("HOME") ?? "~";
  if (user === "root") return "/root";
  return "~" + user;
}
async function arithValue(host, expr) {
  const text = await expandString(host, expr);
  const state = host.state;
  try {
    return evaluateArithmetic(text, {
      get: (name) => {
        const v = state.get(name);
        if (v === void 0 && state.options.nounset) throw new ArithError(`${name}: unbound variable`);
        return v;
      },
      set: (name, value) => state.set(name, value)
    }).toString();
  } catch (err) {
    if (err instanceof ArithError) {
      if (err.message.endsWith("unbound variable")) return host.fatal(err.message, 1);
      return host.fatal(`${text.trim()}: ${err.message}`, 1);
    }
    if (err instanceof ReadonlyError) return host.fatal(err.message, 1);
    throw err;
  }
}
function paramValue(state, name) {
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n === 0 ? state.arg0 : state.positional[n - 1];
  }
  if (name.length === 1) {
    switch (name) {
      case "?":
        return String(state.lastStatus);
      case "#":
        return String(state.positional.length);
      case "$":
        return String(state.shellPid);
      case "!":
        return state.lastBgPid === void 0 ? void 0 : String(state.lastBgPid);
      case "-":
        return state.flags();
      case "@":
      case "*":
        return state.positional.length === 0 ? void 0 : state.positional.join(" ");
    }
  }
  const value = state.get(name);
  if (value !== void 0) return value;
  if (name === "LINENO") return String(state.lineno);
  if (name === "RANDOM") return String(Math.floor(Math.random() * 32768));
  return void 0;
}
async function expandParam(host, part, inDq, out) {
  const state = host.state;
  const name = part.name;
  const isList = name === "@" || name === "*";
  if (part.length) {
    let n;
    if (isList) n = state.positional.length;
    else {
      const v = paramValue(state, name);
      if (v === void 0 && state.options.nounset) return host.fatal(`${name}: unbound variable`, 1);
      n = [...v ?? ""].length;
    }
    out.push({ text: String(n), quoted: inDq, split: !inDq });
    return;
  }
  const value = paramValue(state, name);
  const isSet = isList ? state.positional.length > 0 : value !== void 0;
  const isNull = isList ? joinedParams(state, name) === "" : !value;
  const present = part.colon ? isSet && !isNull : isSet;
  switch (part.op) {
    case null:
      break;
    case "-":
      if (!present) return expandParts(host, part.arg.parts, inDq, true, out);
      break;
    case "+":
      if (present) return expandParts(host, part.arg.parts, inDq, true, out);
      if (!inDq) return;
      out.push({ text: "", quoted: true, split: false });
      return;
    case "=":
      if (!present) {
        if (isList || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return host.fatal(`$${name}: cannot assign in this way`, 1);
        const assigned = await expandString(host, part.arg);
        try {
          state.set(name, assigned);
        } catch (err) {
          if (err instanceof ReadonlyError) return host.fatal(err.message, 1);
          throw err;
        }
        out.push({ text: assigned, quoted: inDq, split: !inDq });
        return;
      }
      break;
    case "?":
      if (!present) {
        const message = part.arg.parts.length > 0 ? await expandString(host, part.arg) : isSet ? "parameter null or not set" : "parameter not set";
        return host.fatal(`${name}: ${message}`, 1);
      }
      break;
    default:
      if (!isSet && state.options.nounset && !isList) return host.fatal(`${name}: unbound variable`, 1);
      return transformParam(host, part, inDq, out);
  }
  if (!isSet && state.options.nounset && !isList && part.op === null) return host.fatal(`${name}: unbound variable`, 1);
  pushValue(state, name, value, inDq, out);
}
function joinedParams(state, name) {
  const ifs = state.get("IFS");
  return state.positional.join(name === "@" || ifs === void 0 ? " " : ifs.slice(0, 1));
}
function pushValue(state, name, value, inDq, out) {
  if (name === "@" || name === "*" && !inDq) {
    const params = state.positional;
    for (let i = 0; i < params.length; i++) {
      if (i > 0) out.push(fieldBreak(name === "*", inDq));
      out.push({ text: params[i], quoted: inDq, split: !inDq });
    }
    return;
  }
  if (name === "*") {
    const ifs = state.get("IFS");
    const sep = ifs === void 0 ? " " : ifs.slice(0, 1);
    out.push({ text: state.positional.join(sep), quoted: true, split: false });
    return;
  }
  out.push({ text: value ?? "", quoted: inDq, split: !inDq });
}
async function transformParam(host, part, inDq, out) {
  const state = host.state;
  const op = part.op;
  let apply;
  if (op === "substr") {
    const offset = Number(await arithValue(host, part.arg));
    const length = part.arg2 === null ? null : Number(await arithValue(host, part.arg2));
    apply = (v) => substring(v, offset, length);
  } else {
    const pattern = part.arg === null ? "" : await expandPattern(host, part.arg);
    if (op === "#" || op === "##" || op === "%" || op === "%%") {
      apply = (v) => stripPattern(v, pattern, op[0] === "#", op.length === 2);
    } else if (op[0] === "/") {
      const replacement = part.arg2 === null ? "" : await expandString(host, part.arg2);
      const anchor = op === "/#" ? "start" : op === "/%" ? "end" : null;
      apply = (v) => replacePattern(v, pattern, replacement, op === "//", anchor);
    } else {
      const upper = op[0] === "^";
      const all = op.length === 2;
      apply = (v) => {
        const conv = (s) => upper ? s.toUpperCase() : s.toLowerCase();
        return all ? conv(v) : conv(v.slice(0, 1)) + v.slice(1);
      };
    }
  }
  if (part.name === "@" || part.name === "*") {
    const params = state.positional.map(apply);
    if (part.name === "*" && inDq) {
      const ifs = state.get("IFS");
      out.push({ text: params.join(ifs === void 0 ? " " : ifs.slice(0, 1)), quoted: true, split: false });
      return;
    }
    params.forEach((p, i) => {
      if (i > 0) out.push(fieldBreak(part.name === "*", inDq));
      out.push({ text: p, quoted: inDq, split: !inDq });
    });
    return;
  }
  out.push({ text: apply(paramValue(state, part.name) ?? ""), quoted: inDq, split: !inDq });
}
function substring(value, offset, length) {
  const chars = [...value];
  let start = offset < 0 ? Math.max(chars.length + offset, 0) : Math.min(offset, chars.length);
  if (offset < 0 && chars.length + offset < 0) return "";
  let end = length === null ? chars.length : length < 0 ? chars.length + length : start + length;
  if (end < start) end = start;
  start = Math.max(start, 0);
  return chars.slice(start, end).join("");
}

// ../../work/main/packages/kernel/src/shell/test-ops.ts
var TestError = class extends Error {
};
var UNARY_OPS = /* @__PURE__ */ new Set([
  "-a",
  "-b",
  "-c",
  "-d",
  "-e",
  "-f",
  "-g",
  "-h",
  "-k",
  "-p",
  "-r",
  "-s",
  "-t",
  "-u",
  "-w",
  "-x",
  "-G",
  "-L",
  "-N",
  "-O",
  "-S",
  "-z",
  "-n",
  "-v",
  "-o"
]);
var BINARY_OPS = /* @__PURE__ */ new Set([
  "=",
  "==",
  "!=",
  "<",
  ">",
  "-eq",
  "-ne",
  "-lt",
  "-le",
  "-gt",
  "-ge",
  "-nt",
  "-ot",
  "-ef"
]);
var S_IFMT2 = 61440;
async function statOf(sh, path, follow) {
  if (path === "") return null;
  try {
    const abs = sh.ki.resolvePath(sh.pid, path);
    return follow ? await sh.ki.vfs.stat(abs) : await sh.ki.vfs.lstat(abs);
  } catch {
    return null;
  }
}
function parseInteger(text) {
  const t = text.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(t);
}
async function unaryTest(sh, op, arg) {
  switch (op) {
    case "-z":
      return arg === "";
    case "-n":
      return arg !== "";
    case "-v":
      return sh.state.get(arg) !== void 0;
    case "-o":
      return sh.state.options[arg] === true;
    case "-t": {
      try {
        return sh.ki.isatty(sh.pid, Number(parseInteger(arg)));
      } catch (err) {
        if (err instanceof TestError) throw err;
        return false;
      }
    }
    case "-h":
    case "-L": {
      const st2 = await statOf(sh, arg, false);
      return st2 !== null && (st2.mode & S_IFMT2) === 40960;
    }
  }
  const st = await statOf(sh, arg, true);
  if (st === null) return false;
  const type = st.mode & S_IFMT2;
  switch (op) {
    case "-a":
    case "-e":
      return true;
    case "-f":
      return type === 32768;
    case "-d":
      return type === 16384;
    case "-b":
      return type === 24576;
    case "-c":
      return type === 8192;
    case "-p":
      return type === 4096;
    case "-S":
      return type === 49152;
    case "-s":
      return st.size > 0;
    case "-r":
      return (st.mode & 292) !== 0;
    case "-w":
      return (st.mode & 146) !== 0;
    case "-x":
      return (st.mode & 73) !== 0;
    case "-g":
      return (st.mode & 1024) !== 0;
    case "-u":
      return (st.mode & 2048) !== 0;
    case "-k":
      return (st.mode & 512) !== 0;
    case "-O":
    case "-G":
      return true;
    case "-N":
      return st.mtimeMs > st.atimeMs;
  }
  throw new TestError(`${op}: unary operator expected`);
}
async function binaryTest(sh, op, left, right) {
  switch (op) {
    case "=":
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "-eq":
      return parseInteger(left) === parseInteger(right);
    case "-ne":
      return parseInteger(left) !== parseInteger(right);
    case "-lt":
      return parseInteger(left) < parseInteger(right);
    case "-le":
      return parseInteger(left) <= parseInteger(right);
    case "-gt":
      return parseInteger(left) > parseInteger(right);
    case "-ge":
      return parseInteger(left) >= parseInteger(right);
    case "-nt":
    case "-ot": {
      const a = await statOf(sh, left, true);
      const b = await statOf(sh, right, true);
      if (op === "-nt") return a !== null && (b === null || a.mtimeMs > b.mtimeMs);
      return b !== null && (a === null || a.mtimeMs < b.mtimeMs);
    }
    case "-ef": {
      const a = await statOf(sh, left, true);
      const b = await statOf(sh, right, true);
      return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
    }
  }
  throw new TestError(`${op}: binary operator expected`);
}

// ../../work/main/packages/kernel/src/shell/cond.ts
var ARITH_OPS = /* @__PURE__ */ new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]);
async function evalCond(sh, expr) {
  try {
    return await evalNode(sh, expr) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof TestError)) throw err;
    await sh.error(`[[: ${err.message}`);
    return 2;
  }
}
async function evalNode(sh, e) {
  switch (e.type) {
    case "and":
      return await evalNode(sh, e.left) && evalNode(sh, e.right);
    case "or":
      return await evalNode(sh, e.left) || evalNode(sh, e.right);
    case "not":
      return !await evalNode(sh, e.expr);
    case "word":
      return await expandString(sh, e.word) !== "";
    case "unary":
      return unaryTest(sh, e.op, await expandString(sh, e.arg));
    case "binary": {
      if (ARITH_OPS.has(e.op)) {
        const l = BigInt(await arithValue(sh, e.left));
        const r = BigInt(await arithValue(sh, e.right));
        return binaryTest(sh, e.op, l.toString(), r.toString());
      }
      const left = await expandString(sh, e.left);
      if (e.op === "==" || e.op === "=" || e.op === "!=") {
        const matched = matchPattern(await expandPattern(sh, e.right), left);
        return e.op === "!=" ? !matched : matched;
      }
      if (e.op === "=~") return regexMatch(await expandString(sh, e.right), left);
      return binaryTest(sh, e.op, left, await expandString(sh, e.right));
    }
  }
}
function regexMatch(source, text) {
  let re;
  try {
    re = new RegExp(source);
  } catch {
    throw new TestError(`${source}: invalid regular expression`);
  }
  return re.test(text);
}

// ../../work/main/packages/kernel/src/shell/glob.ts
function splitComponents(pattern) {
  const out = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\" && i + 1 < pattern.length) {
      if (pattern[i + 1] === "/") {
        out.push(current);
        current = "";
        i++;
        continue;
      }
      current += ch + pattern[++i];
    } else if (ch === "/") {
      out.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}
function join(prefix, name) {
  if (prefix === "") return name;
  return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
}
async function isDirectory(vfs, path) {
  try {
    const st = await vfs.stat(path);
    return (st.mode & 61440) === 16384;
  } catch {
    return false;
  }
}
async function exists(vfs, path) {
  try {
    await vfs.lstat(path);
    return true;
  } catch {
    return false;
  }
}
async function descendants(vfs, abs, prefix, dotglob, dirsOnly) {
  const out = [];
  let entries;
  try {
    entries = await vfs.readdirWithTypes(abs(prefix));
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => compareNames(a.name, b.name))) {
    if (e.name.startsWith(".") && !dotglob) continue;
    const path = join(prefix, e.name);
    if (e.type === "directory") {
      out.push(path);
      out.push(...await descendants(vfs, abs, path, dotglob, dirsOnly));
    } else if (!dirsOnly) {
      out.push(path);
    }
  }
  return out;
}
async function expandGlob(vfs, cwd, pattern, options2 = {}) {
  const components = splitComponents(pattern);
  let prefixes = [components[0] === "" ? "/" : ""];
  const start = components[0] === "" ? 1 : 0;
  const abs = (p) => p.startsWith("/") ? p : p === "" ? cwd : join(cwd, p);
  for (let c = start; c < components.length; c++) {
    const comp = components[c];
    const last = c === components.length - 1;
    if (comp === "") {
      const next2 = [];
      for (const p of prefixes) if (await isDirectory(vfs, abs(p))) next2.push(p.endsWith("/") ? p : p + "/");
      prefixes = next2;
      continue;
    }
    const next = [];
    if (comp === "**" && options2.globstar) {
      for (const p of prefixes) {
        if (!last) next.push(p);
        next.push(...await descendants(vfs, abs, p, options2.dotglob === true, !last));
      }
    } else if (!hasGlobChars(comp)) {
      const name = unescapePattern(comp);
      for (const p of prefixes) {
        const candidate = join(p, name);
        if (last ? await exists(vfs, abs(candidate)) : await isDirectory(vfs, abs(candidate))) next.push(candidate);
      }
    } else {
      const re = patternRegExp(comp, options2.nocaseglob === true);
      const dotOk = options2.dotglob === true || comp.startsWith(".") || comp.startsWith("\\.");
      for (const p of prefixes) {
        let names;
        try {
          names = await vfs.readdir(abs(p));
        } catch {
          continue;
        }
        for (const name of names) {
          if (name === "." || name === "..") continue;
          if (name.startsWith(".") && !dotOk) continue;
          if (!re.test(name)) continue;
          const candidate = join(p, name);
          if (last || await isDirectory(vfs, abs(candidate))) next.push(candidate);
        }
      }
    }
    prefixes = next;
    if (prefixes.length === 0) return [];
  }
  return prefixes.sort(compareNames);
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ../../work/main/packages/kernel/src/shell/cond-parser.ts
var COND_UNARY = /* @__PURE__ */ new Set([
  "-a",
  "-b",
  "-c",
  "-d",
  "-e",
  "-f",
  "-g",
  "-h",
  "-k",
  "-p",
  "-r",
  "-s",
  "-t",
  "-u",
  "-w",
  "-x",
  "-G",
  "-L",
  "-N",
  "-O",
  "-S",
  "-z",
  "-n",
  "-o",
  "-v"
]);
var COND_BINARY = /* @__PURE__ */ new Set([
  "=",
  "==",
  "!=",
  "=~",
  "<",
  ">",
  "-eq",
  "-ne",
  "-lt",
  "-le",
  "-gt",
  "-ge",
  "-nt",
  "-ot",
  "-ef"
]);
function parseCondExpr(ts) {
  return parseCondOr(ts);
}
function parseCondOr(ts) {
  let left = parseCondAnd(ts);
  while (ts.isOp(ts.peek(), "||")) {
    ts.take();
    ts.linebreak();
    left = { type: "or", left, right: parseCondAnd(ts) };
  }
  return left;
}
function parseCondAnd(ts) {
  let left = parseCondNot(ts);
  while (ts.isOp(ts.peek(), "&&")) {
    ts.take();
    ts.linebreak();
    left = { type: "and", left, right: parseCondNot(ts) };
  }
  return left;
}
function parseCondNot(ts) {
  ts.linebreak();
  const tok = ts.peek();
  if (ts.isWord(tok, "!")) {
    ts.take();
    return { type: "not", expr: parseCondNot(ts) };
  }
  if (ts.isOp(tok, "(")) {
    ts.take();
    const inner = parseCondOr(ts);
    ts.linebreak();
    ts.expectOp(")");
    return inner;
  }
  const first = ts.take();
  if (first.kind !== "word") ts.fail(first);
  if (first.text !== null && COND_UNARY.has(first.text)) {
    const next = ts.peek();
    if (next.kind === "word" && !ts.isWord(next, "]]")) {
      ts.take();
      return { type: "unary", op: first.text, arg: next.word };
    }
  }
  const opTok = ts.peek();
  const op = opTok.kind === "op" && (opTok.op === "<" || opTok.op === ">") ? opTok.op : opTok.kind === "word" && opTok.text !== null && COND_BINARY.has(opTok.text) ? opTok.text : null;
  if (op === null) return { type: "word", word: first.word };
  ts.take();
  const right = op === "=~" ? readRegexWord(ts) : ts.take();
  if (right.kind !== "word") ts.fail(right);
  return { type: "binary", op, left: first.word, right: right.word };
}
function readRegexWord(ts) {
  const src = ts.lexer.src;
  ts.lexer.skipBlanks();
  const start = src.pos;
  const parts = [];
  let depth = 0;
  while (src.pos < src.text.length) {
    const c = src.text[src.pos];
    if ((c === " " || c === "	" || c === "\n") && depth === 0) break;
    if (c === "(") depth++;
    else if (c === ")") depth--;
    if ("'\"\\$`".includes(c)) {
      const tok = ts.lexer.next();
      if (tok.kind !== "word") ts.fail(tok);
      parts.push(...tok.word.parts);
      continue;
    }
    let end = src.pos + 1;
    while (end < src.text.length && !" 	\n'\"\\$`()".includes(src.text[end])) end++;
    parts.push({ type: "lit", text: src.text.slice(src.pos, end) });
    src.pos = end;
  }
  return { kind: "word", op: "", word: { parts }, text: null, fd: -1, line: src.line, start, end: src.pos };
}

// ../../work/main/packages/kernel/src/shell/syntax-error.ts
var ShellSyntaxError = class extends Error {
  /** 1-based line number where the error was detected. */
  line;
  constructor(message, line) {
    super(message);
    this.name = "ShellSyntaxError";
    this.line = line;
  }
};

// ../../work/main/packages/kernel/src/shell/dollar-reader.ts
var LPAREN = 40;
var RPAREN = 41;
var SQUOTE = 39;
var DQUOTE = 34;
var DOLLAR = 36;
var RBRACE = 125;
var LBRACE = 123;
function readDollar(src, parts, mode) {
  const text = src.text;
  const c = text.charCodeAt(src.pos + 1);
  if (c === LPAREN) {
    if (text.charCodeAt(src.pos + 2) === LPAREN && looksLikeArith(text, src.pos + 3)) {
      src.pos += 3;
      const startLine = src.line;
      const expr = readWordParts(src, MODE_ARITH);
      if (text.charCodeAt(src.pos) !== RPAREN || text.charCodeAt(src.pos + 1) !== RPAREN) {
        throw new ShellSyntaxError("unterminated arithmetic expansion", startLine);
      }
      src.pos += 2;
      parts.push({ type: "arith", expr: { parts: expr } });
      return;
    }
    src.pos += 2;
    parts.push({ type: "cmdsub", body: src.hooks.parseCommandSub(src) });
    return;
  }
  if (c === LBRACE) {
    parts.push(readBracedParam(src, mode));
    return;
  }
  if (isNameStart(c)) {
    let end = src.pos + 2;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    parts.push(simpleParam(text.slice(src.pos + 1, end)));
    src.pos = end;
    return;
  }
  if (isDigit(c) || isSpecialParam(c)) {
    parts.push(simpleParam(text[src.pos + 1]));
    src.pos += 2;
    return;
  }
  if (c === SQUOTE && !isQuotedMode(mode)) {
    src.pos++;
    const raw = readSingleQuotedAnsi(src);
    parts.push({ type: "sq", text: raw });
    return;
  }
  if (c === DQUOTE && !isQuotedMode(mode)) {
    src.pos++;
    return;
  }
  pushLit(parts, "$");
  src.pos++;
}
function isSpecialParam(c) {
  return c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === DOLLAR || c === 33;
}
function simpleParam(name) {
  return { type: "param", name, length: false, op: null, colon: false, arg: null, arg2: null };
}
function looksLikeArith(text, from) {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LPAREN) depth++;
    else if (c === RPAREN) {
      if (depth === 0) return text.charCodeAt(i + 1) === RPAREN;
      depth--;
    } else if (c === SQUOTE) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return false;
      i = end;
    }
  }
  return false;
}
var ANSI_ESCAPES = {
  a: "\x07",
  b: "\b",
  e: "\x1B",
  E: "\x1B",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?"
};
function readSingleQuotedAnsi(src) {
  const text = src.text;
  const startLine = src.line;
  let out = "";
  let i = src.pos + 1;
  for (; ; ) {
    if (i >= text.length) throw new ShellSyntaxError("unterminated quoted string", startLine);
    const ch = text[i];
    if (ch === "'") break;
    if (ch === "\n") src.line++;
    if (ch !== "\\" || i + 1 >= text.length) {
      out += ch;
      i++;
      continue;
    }
    const e = text[i + 1];
    i += 2;
    if (ANSI_ESCAPES[e] !== void 0) {
      out += ANSI_ESCAPES[e];
    } else if (e >= "0" && e <= "7") {
      let digits = e;
      while (digits.length < 3 && text[i] >= "0" && text[i] <= "7") digits += text[i++];
      out += rawByteChar(parseInt(digits, 8) & 255);
    } else if (e === "x" || e === "u" || e === "U") {
      const max = e === "x" ? 2 : e === "u" ? 4 : 8;
      let digits = "";
      while (digits.length < max && /[0-9a-fA-F]/.test(text[i] ?? "")) digits += text[i++];
      out += digits === "" ? "\\" + e : e === "x" ? rawByteChar(parseInt(digits, 16)) : String.fromCodePoint(parseInt(digits, 16));
    } else if (e === "c" && i < text.length) {
      out += String.fromCharCode(text.charCodeAt(i++) & 31);
    } else {
      out += "\\" + e;
    }
  }
  src.pos = i + 1;
  return out;
}
var PARAM_OPS = /* @__PURE__ */ new Set(["-", "=", "?", "+"]);
function readBracedParam(src, mode) {
  const text = src.text;
  const startLine = src.line;
  const inDq = isQuotedMode(mode);
  src.pos += 2;
  const part = simpleParam("");
  const c0 = text.charCodeAt(src.pos);
  if (c0 === 35) {
    const n = text.charCodeAt(src.pos + 1);
    const nameEnd2 = scanParamName(text, src.pos + 1);
    if (n !== RBRACE && nameEnd2 > src.pos + 1 && text.charCodeAt(nameEnd2) === RBRACE) {
      part.length = true;
      src.pos++;
    } else if (nameEnd2 > src.pos + 1 && n !== RBRACE && !PARAM_OPS.has(text[src.pos + 1]) && text[src.pos + 1] !== ":") {
      throw new ShellSyntaxError("bad substitution", startLine);
    }
  }
  const nameEnd = scanParamName(text, src.pos);
  if (nameEnd === src.pos) throw new ShellSyntaxError("bad substitution", startLine);
  part.name = text.slice(src.pos, nameEnd);
  src.pos = nameEnd;
  const c = text.charCodeAt(src.pos);
  if (c === RBRACE) {
    src.pos++;
    return part;
  }
  if (part.length) throw new ShellSyntaxError("bad substitution", startLine);
  const argMode = inDq ? MODE_PARAM_DQ : MODE_PARAM;
  let op = text[src.pos];
  if (op === ":") {
    const next = text[src.pos + 1];
    if (PARAM_OPS.has(next)) {
      part.colon = true;
      op = next;
      src.pos++;
    } else {
      src.pos++;
      part.op = "substr";
      part.arg = { parts: readWordParts(src, MODE_PARAM_OFFSET) };
      if (text[src.pos] === ":") {
        src.pos++;
        part.arg2 = { parts: readWordParts(src, MODE_PARAM_OFFSET) };
      }
      return closeParam(src, part, startLine);
    }
  }
  if (PARAM_OPS.has(op)) {
    src.pos++;
    part.op = op;
    part.arg = { parts: readWordParts(src, argMode) };
    return closeParam(src, part, startLine);
  }
  if (op === "%" || op === "#" || op === "^" || op === ",") {
    const doubled = text[src.pos + 1] === op;
    src.pos += doubled ? 2 : 1;
    part.op = doubled ? op + op : op;
    part.arg = { parts: readWordParts(src, MODE_PARAM) };
    return closeParam(src, part, startLine);
  }
  if (op === "/") {
    src.pos++;
    const n = text[src.pos];
    part.op = "/";
    if (n === "/" || n === "#" || n === "%") {
      part.op = "/" + n;
      src.pos++;
    }
    part.arg = { parts: readWordParts(src, MODE_PARAM_PAT) };
    if (text[src.pos] === "/") {
      src.pos++;
      part.arg2 = { parts: readWordParts(src, argMode) };
    }
    return closeParam(src, part, startLine);
  }
  throw new ShellSyntaxError("bad substitution", startLine);
}
function closeParam(src, part, startLine) {
  if (src.text.charCodeAt(src.pos) !== RBRACE) {
    throw new ShellSyntaxError(src.pos >= src.text.length ? "unterminated parameter expansion" : "bad substitution", startLine);
  }
  src.pos++;
  return part;
}
function scanParamName(text, from) {
  const c = text.charCodeAt(from);
  let i = from;
  if (isNameStart(c)) {
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return i;
  }
  if (isDigit(c)) {
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    return i;
  }
  return isSpecialParam(c) ? from + 1 : from;
}

// ../../work/main/packages/kernel/src/shell/word-reader.ts
var MODE_UNQUOTED = 0;
var MODE_DQ = 1;
var MODE_HEREDOC = 2;
var MODE_PARAM = 3;
var MODE_PARAM_DQ = 4;
var MODE_PARAM_PAT = 5;
var MODE_ARITH = 7;
var MODE_PARAM_OFFSET = 8;
var SPACE = 32;
var TAB = 9;
var NL = 10;
var SEMI = 59;
var AMP = 38;
var PIPE = 124;
var LPAREN2 = 40;
var RPAREN2 = 41;
var LT = 60;
var GT = 62;
var SQUOTE2 = 39;
var DQUOTE2 = 34;
var BSLASH = 92;
var DOLLAR2 = 36;
var BQUOTE = 96;
var RBRACE2 = 125;
var SLASH = 47;
var COLON = 58;
function isMeta(c) {
  return c === SPACE || c === TAB || c === NL || c === SEMI || c === AMP || c === PIPE || c === LPAREN2 || c === RPAREN2 || c === LT || c === GT;
}
function isNameStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isNameChar(c) {
  return isNameStart(c) || c >= 48 && c <= 57;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function pushLit(parts, text, type = "lit") {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last !== void 0 && last.type === type) last.text += text;
  else parts.push({ type, text });
}
function isQuotedMode(mode) {
  return mode === MODE_DQ || mode === MODE_HEREDOC || mode === MODE_PARAM_DQ;
}
function endsWord(mode, c, depth) {
  switch (mode) {
    case MODE_UNQUOTED:
      return isMeta(c);
    case MODE_DQ:
      return c === DQUOTE2;
    case MODE_HEREDOC:
      return false;
    case MODE_PARAM:
    case MODE_PARAM_DQ:
      return c === RBRACE2;
    case MODE_PARAM_PAT:
      return c === RBRACE2 || c === SLASH;
    case MODE_PARAM_OFFSET:
      return c === RBRACE2 || c === COLON;
    default:
      return c === RPAREN2 && depth === 0;
  }
}
function dqEscapes(c, mode) {
  if (c === DOLLAR2 || c === BQUOTE || c === BSLASH || c === NL) return true;
  if (c === DQUOTE2) return mode !== MODE_HEREDOC;
  if (c === RBRACE2) return mode === MODE_PARAM_DQ;
  return false;
}
function readWordParts(src, mode) {
  const parts = [];
  const text = src.text;
  const quoted = isQuotedMode(mode);
  let depth = 0;
  let runStart = src.pos;
  const flush = () => {
    if (src.pos > runStart) pushLit(parts, text.slice(runStart, src.pos));
  };
  while (src.pos < text.length) {
    const c = text.charCodeAt(src.pos);
    if (endsWord(mode, c, depth)) break;
    if (c === BSLASH) {
      flush();
      const n = text.charCodeAt(src.pos + 1);
      if (n === NL) {
        src.pos += 2;
        src.line++;
      } else if (src.pos + 1 >= text.length) {
        pushLit(parts, "\\", quoted ? "lit" : "esc");
        src.pos++;
      } else if (!quoted || dqEscapes(n, mode)) {
        pushLit(parts, text[src.pos + 1], "esc");
        src.pos += 2;
      } else {
        pushLit(parts, "\\");
        src.pos++;
      }
      runStart = src.pos;
      continue;
    }
    if (c === DOLLAR2) {
      flush();
      readDollar(src, parts, mode);
      runStart = src.pos;
      continue;
    }
    if (c === BQUOTE) {
      flush();
      parts.push(readBackquote(src, quoted));
      runStart = src.pos;
      continue;
    }
    if (!quoted && c === SQUOTE2) {
      flush();
      parts.push({ type: "sq", text: readSingleQuoted(src) });
      runStart = src.pos;
      continue;
    }
    if (c === DQUOTE2 && (!quoted || mode === MODE_PARAM_DQ)) {
      flush();
      const startLine = src.line;
      src.pos++;
      const inner = readWordParts(src, MODE_DQ);
      if (src.pos >= text.length) throw new ShellSyntaxError("unterminated quoted string", startLine);
      src.pos++;
      parts.push({ type: "dq", parts: inner });
      runStart = src.pos;
      continue;
    }
    if (c === NL) src.line++;
    else if (mode === MODE_ARITH) {
      if (c === LPAREN2) depth++;
      else if (c === RPAREN2) depth--;
    }
    src.pos++;
  }
  flush();
  return parts;
}
function readSingleQuoted(src) {
  const startLine = src.line;
  const end = src.text.indexOf("'", src.pos + 1);
  if (end < 0) throw new ShellSyntaxError("unterminated quoted string", startLine);
  const body = src.text.slice(src.pos + 1, end);
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === NL) src.line++;
  src.pos = end + 1;
  return body;
}
function readBackquote(src, inDq) {
  const startLine = src.line;
  const text = src.text;
  let i = src.pos + 1;
  let body = "";
  let runStart = i;
  for (; ; ) {
    if (i >= text.length) throw new ShellSyntaxError("unterminated command substitution", startLine);
    const c = text.charCodeAt(i);
    if (c === BQUOTE) break;
    if (c === BSLASH) {
      const n = text.charCodeAt(i + 1);
      if (n === DOLLAR2 || n === BQUOTE || n === BSLASH || inDq && n === DQUOTE2) {
        body += text.slice(runStart, i);
        runStart = i + 1;
        i += 2;
        continue;
      }
    }
    if (c === NL) src.line++;
    i++;
  }
  body += text.slice(runStart, i);
  src.pos = i + 1;
  return { type: "cmdsub", body: src.hooks.parseString(body, startLine) };
}
function heredocDelimiter(raw) {
  let text = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "'") {
      const end = raw.indexOf("'", i + 1);
      text += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
      quoted = true;
    } else if (ch === '"') {
      quoted = true;
      for (i++; i < raw.length && raw[i] !== '"'; i++) {
        if (raw[i] === "\\" && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1])) i++;
        text += raw[i];
      }
    } else if (ch === "\\" && i + 1 < raw.length) {
      quoted = true;
      text += raw[++i];
    } else {
      text += ch;
    }
  }
  return { text, quoted };
}

// ../../work/main/packages/kernel/src/shell/lexer.ts
var OPERATORS = [
  ";;&",
  "<<-",
  "<<<",
  "&>>",
  "&&",
  "||",
  ";;",
  ";&",
  "<<",
  ">>",
  "<&",
  ">&",
  "<>",
  ">|",
  "&>",
  "|&",
  "|",
  "&",
  ";",
  "(",
  ")",
  "<",
  ">"
];
var SPACE2 = 32;
var TAB2 = 9;
var NL2 = 10;
var HASH = 35;
var BSLASH2 = 92;
var LT2 = 60;
var GT2 = 62;
function isOperatorStart(c) {
  return c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === LT2 || c === GT2;
}
var Lexer = class _Lexer {
  src;
  pending = [];
  constructor(src) {
    this.src = src;
  }
  /** A lexer over `text`, starting at line `line`. */
  static fromText(text, hooks2, line = 1, aliases) {
    return new _Lexer({ text, pos: 0, line, hooks: hooks2, aliases });
  }
  /** Replaces the word token `tok` in the source by `value` and moves back to re-read from there (alias expansion). */
  substitute(tok, value) {
    const src = this.src;
    src.text = src.text.slice(0, tok.start) + value + src.text.slice(tok.end);
    src.grown = (src.grown ?? 0) + value.length - (tok.end - tok.start);
    src.pos = tok.start;
    src.line = tok.line;
  }
  /** Queues a here-document; its body is read after the next newline token. */
  addHereDoc(doc, delimiter, stripTabs, line) {
    this.pending.push({ doc, delimiter, stripTabs, line });
  }
  /** Whether here-documents are still waiting for their bodies. */
  hasPendingHereDocs() {
    return this.pending.length > 0;
  }
  /** Skips blanks, line continuations and comments. */
  skipBlanks() {
    const src = this.src;
    const text = src.text;
    for (; ; ) {
      const c = text.charCodeAt(src.pos);
      if (c === SPACE2 || c === TAB2) src.pos++;
      else if (c === BSLASH2 && text.charCodeAt(src.pos + 1) === NL2) {
        src.pos += 2;
        src.line++;
      } else if (c === HASH) {
        while (src.pos < text.length && text.charCodeAt(src.pos) !== NL2) src.pos++;
      } else return;
    }
  }
  /** Reads the next token. */
  next() {
    this.skipBlanks();
    const src = this.src;
    const text = src.text;
    const start = src.pos;
    const line = src.line;
    if (start >= text.length) {
      if (this.pending.length > 0) this.readHereDocs();
      return { kind: "eof", op: "", word: null, text: null, fd: -1, line, start, end: start };
    }
    const c = text.charCodeAt(start);
    if (c === NL2) {
      src.pos++;
      src.line++;
      if (this.pending.length > 0) this.readHereDocs();
      return { kind: "newline", op: "\n", word: null, text: null, fd: -1, line, start, end: src.pos };
    }
    if (isOperatorStart(c)) {
      for (const op of OPERATORS) {
        if (text.startsWith(op, start)) {
          src.pos += op.length;
          return { kind: "op", op, word: null, text: null, fd: -1, line, start, end: src.pos };
        }
      }
    }
    if (c >= 48 && c <= 57) {
      let end = start + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const n = text.charCodeAt(end);
      if (n === LT2 || n === GT2) {
        src.pos = end;
        return { kind: "io", op: "", word: null, text: null, fd: Number(text.slice(start, end)), line, start, end };
      }
    }
    const parts = readWordParts(src, MODE_UNQUOTED);
    const word = { parts };
    const only = parts.length === 1 ? parts[0] : null;
    const plain = only !== null && only.type === "lit" ? only.text : parts.length === 0 ? "" : null;
    return { kind: "word", op: "", word, text: plain, fd: -1, line, start, end: src.pos };
  }
  /** Reads the bodies of every queued here-document, starting at the current position. */
  readHereDocs() {
    const queue = this.pending;
    this.pending = [];
    for (const p of queue) this.readHereDoc(p);
  }
  readHereDoc(p) {
    const src = this.src;
    const text = src.text;
    let body = "";
    let found = false;
    const bodyLine = src.line;
    while (src.pos < text.length) {
      let end = text.indexOf("\n", src.pos);
      const hasNewline = end >= 0;
      if (!hasNewline) end = text.length;
      let lineText = text.slice(src.pos, end);
      src.pos = hasNewline ? end + 1 : end;
      src.line++;
      if (p.stripTabs) lineText = lineText.replace(/^\t+/, "");
      if (lineText === p.delimiter) {
        found = true;
        break;
      }
      body += lineText + "\n";
    }
    if (!found && p.delimiter !== "") {
      src.pos = text.length;
    }
    if (p.doc.quoted) {
      p.doc.body = { parts: body === "" ? [] : [{ type: "sq", text: body }] };
      return;
    }
    p.doc.body = { parts: parseHereDocBody(body, src.hooks, bodyLine) };
  }
};
function parseHereDocBody(body, hooks2, line) {
  if (body.indexOf("$") < 0 && body.indexOf("`") < 0 && body.indexOf("\\") < 0) {
    return body === "" ? [] : [{ type: "lit", text: body }];
  }
  const sub = { text: body, pos: 0, line, hooks: hooks2 };
  const parts = readWordParts(sub, MODE_HEREDOC);
  if (sub.pos < body.length) throw new ShellSyntaxError("bad here-document body", line);
  return parts;
}

// ../../work/main/packages/kernel/src/shell/word-tilde.ts
var LOGIN_RE = /^[A-Za-z0-9_.-]*$/;
var ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;
function applyTilde(word) {
  const parts = tildeParts(word.parts, false);
  return parts === word.parts ? word : { parts };
}
var TEST_OPS = /* @__PURE__ */ new Set(["-", "=", "?", "+"]);
function tildeParts(parts, colons) {
  let out = null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    let replacement = null;
    if (p.type === "lit") {
      replacement = splitTildes(p.text, i < parts.length - 1, colons, i === 0);
    } else if (p.type === "param" && p.arg !== null && p.op !== null && TEST_OPS.has(p.op)) {
      const arg = tildeParts(p.arg.parts, colons);
      if (arg !== p.arg.parts) replacement = [{ ...p, arg: { parts: arg } }];
    }
    if (replacement !== null && out === null) out = parts.slice(0, i);
    if (out !== null) out.push(...replacement ?? [p]);
  }
  return out ?? parts;
}
function splitTildes(text, more, colons, atStart) {
  const out = [];
  let changed = false;
  let litStart = 0;
  for (let i = 0; i < text.length; i++) {
    const boundary = i === 0 ? atStart : colons && text.charCodeAt(i - 1) === 58;
    if (!boundary || text.charCodeAt(i) !== 126) continue;
    let end = i + 1;
    while (end < text.length && text[end] !== "/" && !(colons && text[end] === ":")) end++;
    if (end === text.length && more) break;
    const user = text.slice(i + 1, end);
    if (!LOGIN_RE.test(user)) continue;
    if (i > litStart) out.push({ type: "lit", text: text.slice(litStart, i) });
    out.push({ type: "tilde", user });
    litStart = end;
    i = end - 1;
    changed = true;
  }
  if (!changed) return null;
  if (litStart < text.length) out.push({ type: "lit", text: text.slice(litStart) });
  return out;
}
function assignmentSplit(word) {
  const first = word.parts[0];
  if (first === void 0 || first.type !== "lit") return null;
  const m = ASSIGN_RE.exec(first.text);
  if (m === null) return null;
  const rest = first.text.slice(m[0].length);
  const parts = rest === "" ? word.parts.slice(1) : [{ type: "lit", text: rest }, ...word.parts.slice(1)];
  return { name: m[1], value: { parts: tildeParts(parts, true) }, append: m[2] === "+" };
}

// ../../work/main/packages/kernel/src/shell/parser.ts
var LIST_END_WORDS = /* @__PURE__ */ new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}"]);
var LIST_END_OPS = /* @__PURE__ */ new Set([")", ";;", ";&", ";;&"]);
var REDIRECT_OPS = /* @__PURE__ */ new Set(["<", ">", ">>", ">|", "<>", "<&", ">&", "&>", "&>>", "<<", "<<-", "<<<"]);
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
var hooks = {
  parseCommandSub(src) {
    return new Parser(new Lexer(src)).parseSubstitutionBody();
  },
  parseString(text, line) {
    return new Parser(Lexer.fromText(text, hooks, line)).parseScript();
  }
};
function parseScript(text, line = 1, aliases) {
  try {
    return new Parser(Lexer.fromText(text, hooks, line, aliases)).parseScript();
  } catch (err) {
    if (err instanceof RangeError) throw new ShellSyntaxError("nested too deeply", line);
    throw err;
  }
}
function parseArithWord(text) {
  const src = { text, pos: 0, line: 1, hooks };
  return { parts: readWordParts(src, MODE_ARITH) };
}
function describe(tok) {
  if (tok.kind === "eof") return "end of file";
  if (tok.kind === "newline") return "newline";
  if (tok.kind === "op") return `'${tok.op}'`;
  if (tok.kind === "io") return `'${tok.fd}'`;
  return `'${tok.text ?? "word"}'`;
}
var Parser = class {
  constructor(lexer) {
    this.lexer = lexer;
  }
  lexer;
  peeked = null;
  /** Aliases expanded for the command being parsed (an alias never expands inside itself). */
  aliasGuard = /* @__PURE__ */ new Set();
  /** Where the text of an alias ending in a blank ended: the next word from there may be an alias too (-1: none). */
  aliasCheckAt = -1;
  peek() {
    if (this.peeked === null) this.peeked = this.lexer.next();
    return this.peeked;
  }
  take() {
    const tok = this.peek();
    this.peeked = null;
    return tok;
  }
  fail(tok) {
    throw new ShellSyntaxError(`unexpected ${describe(tok)}`, tok.line);
  }
  isOp(tok, op) {
    return tok.kind === "op" && tok.op === op;
  }
  isWord(tok, text) {
    return tok.kind === "word" && tok.text === text;
  }
  expectWord(text) {
    const tok = this.take();
    if (!this.isWord(tok, text)) this.fail(tok);
    return tok;
  }
  expectOp(op) {
    const tok = this.take();
    if (!this.isOp(tok, op)) this.fail(tok);
    return tok;
  }
  linebreak() {
    while (this.peek().kind === "newline") this.take();
  }
  atListEnd(tok) {
    if (tok.kind === "eof") return true;
    if (tok.kind === "op") return LIST_END_OPS.has(tok.op);
    return tok.kind === "word" && tok.text !== null && LIST_END_WORDS.has(tok.text);
  }
  /** The whole input. */
  parseScript() {
    const list2 = this.parseList(false);
    const tok = this.peek();
    if (tok.kind !== "eof") this.fail(tok);
    return list2;
  }
  /** The inside of `$( )`, consuming the closing parenthesis. */
  parseSubstitutionBody() {
    const list2 = this.parseList(false);
    const tok = this.take();
    if (!this.isOp(tok, ")")) {
      if (tok.kind === "eof") throw new ShellSyntaxError("unterminated command substitution", tok.line);
      this.fail(tok);
    }
    return list2;
  }
  /** A list up to a terminator; `required` makes an empty list an error. */
  parseList(required) {
    const items = [];
    this.linebreak();
    while (!this.atListEnd(this.peek())) {
      const item = this.parseAndOr();
      items.push(item);
      const sep = this.peek();
      if (this.isOp(sep, "&")) {
        item.background = true;
        this.take();
      } else if (this.isOp(sep, ";")) {
        this.take();
      } else if (sep.kind !== "newline") {
        break;
      }
      this.linebreak();
    }
    if (required && items.length === 0) this.fail(this.peek());
    return { type: "list", items };
  }
  parseAndOr() {
    const { line, start } = this.peek();
    const written = start - (this.lexer.src.grown ?? 0);
    const first = this.parsePipeline();
    const node = { type: "andor", first, rest: [], background: false, line, start: written };
    for (; ; ) {
      const tok = this.peek();
      if (!this.isOp(tok, "&&") && !this.isOp(tok, "||")) return node;
      this.take();
      this.linebreak();
      node.rest.push({ op: tok.op, pipeline: this.parsePipeline() });
    }
  }
  parsePipeline() {
    let tok = this.peek();
    const line = tok.line;
    let bang = false;
    let timed = false;
    if (this.isWord(tok, "time")) {
      timed = true;
      this.take();
      tok = this.peek();
      if (this.isWord(tok, "-p")) {
        this.take();
        tok = this.peek();
      }
      if (tok.kind === "eof" || tok.kind === "newline" || tok.kind === "op" && tok.op !== "(") {
        return { type: "pipeline", bang, timed, commands: [], line };
      }
    }
    if (this.isWord(tok, "!")) {
      bang = true;
      this.take();
      tok = this.peek();
    }
    const commands = [this.parseCommand()];
    for (; ; ) {
      tok = this.peek();
      if (!this.isOp(tok, "|") && !this.isOp(tok, "|&")) break;
      this.take();
      if (tok.op === "|&") redirectsOf(commands[commands.length - 1]).push(stderrToStdout());
      this.linebreak();
      commands.push(this.parseCommand());
    }
    return { type: "pipeline", bang, timed, commands, line };
  }
  /** Expands `tok` if it is an alias; returns whether it did. */
  expandAlias(tok) {
    const aliases = this.lexer.src.aliases;
    if (aliases === void 0 || tok.kind !== "word" || tok.text === null || this.aliasGuard.has(tok.text)) return false;
    const value = aliases.get(tok.text);
    if (value === void 0) return false;
    this.aliasGuard.add(tok.text);
    this.aliasCheckAt = /[ \t]$/.test(value) ? tok.start + value.length : -1;
    this.peeked = null;
    this.lexer.substitute(tok, value);
    return true;
  }
  parseCommand() {
    this.aliasGuard.clear();
    this.aliasCheckAt = -1;
    while (this.expandAlias(this.peek())) {
    }
    const tok = this.peek();
    const line = tok.line;
    if (tok.kind === "op" && tok.op === "(") {
      if (this.lexer.src.text.charCodeAt(tok.start + 1) === 40 && this.tryArithCommand(tok)) {
        return this.finishCompound({ type: "arith-cmd", expr: this.arithExpr, redirects: [], line });
      }
      this.take();
      const body = this.parseList(true);
      this.expectOp(")");
      return this.finishCompound({ type: "subshell", body, redirects: [], line });
    }
    if (tok.kind === "word" && tok.text !== null) {
      switch (tok.text) {
        case "{": {
          this.take();
          const body = this.parseList(true);
          this.expectWord("}");
          return this.finishCompound({ type: "group", body, redirects: [], line });
        }
        case "if":
          return this.finishCompound(this.parseIf());
        case "while":
        case "until": {
          this.take();
          const cond = this.parseList(true);
          this.expectWord("do");
          const body = this.parseList(true);
          this.expectWord("done");
          return this.finishCompound({ type: tok.text, cond, body, redirects: [], line });
        }
        case "for":
          return this.finishCompound(this.parseFor());
        case "case":
          return this.finishCompound(this.parseCase());
        case "[[":
          return this.finishCompound(this.parseCond());
        case "function":
          return this.parseFunctionKeyword();
        case "then":
        case "else":
        case "elif":
        case "fi":
        case "do":
        case "done":
        case "esac":
        case "}":
        case "in":
          this.fail(tok);
      }
    }
    return this.parseSimple();
  }
  arithExpr = null;
  /** Tries `(( expr ))` at `tok`; on success the expression is in `arithExpr`. */
  tryArithCommand(tok) {
    const src = this.lexer.src;
    const savedPos = src.pos, savedLine = src.line;
    src.pos = tok.start + 2;
    src.line = tok.line;
    try {
      const parts = readWordParts(src, MODE_ARITH);
      if (src.text.charCodeAt(src.pos) === 41 && src.text.charCodeAt(src.pos + 1) === 41) {
        src.pos += 2;
        this.peeked = null;
        this.arithExpr = { parts };
        return true;
      }
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
    }
    src.pos = savedPos;
    src.line = savedLine;
    return false;
  }
  /** Reads trailing redirections of a compound command. */
  finishCompound(node) {
    for (; ; ) {
      const tok = this.peek();
      if (tok.kind === "io" || tok.kind === "op" && REDIRECT_OPS.has(tok.op)) node.redirects.push(this.parseRedirect());
      else return node;
    }
  }
  parseIf() {
    const line = this.take().line;
    const clauses = [];
    let elseBody = null;
    for (; ; ) {
      const cond = this.parseList(true);
      this.expectWord("then");
      const body = this.parseList(true);
      clauses.push({ cond, body });
      const tok = this.take();
      if (this.isWord(tok, "elif")) continue;
      if (this.isWord(tok, "else")) {
        elseBody = this.parseList(true);
        this.expectWord("fi");
      } else if (!this.isWord(tok, "fi")) {
        this.fail(tok);
      }
      return { type: "if", clauses, elseBody, redirects: [], line };
    }
  }
  parseFor() {
    const line = this.take().line;
    const nameTok = this.take();
    if (nameTok.kind !== "word" || nameTok.text === null || !NAME_RE.test(nameTok.text)) {
      throw new ShellSyntaxError(`'${nameTok.text ?? describe(nameTok)}': not a valid identifier`, nameTok.line);
    }
    let items = null;
    this.linebreak();
    let tok = this.peek();
    if (this.isWord(tok, "in")) {
      this.take();
      items = [];
      for (tok = this.peek(); tok.kind === "word"; tok = this.peek()) items.push(applyTilde(this.take().word));
      if (!this.isOp(tok, ";") && tok.kind !== "newline") this.fail(tok);
      this.take();
    } else if (this.isOp(tok, ";")) {
      this.take();
    }
    this.linebreak();
    this.expectWord("do");
    const body = this.parseList(true);
    this.expectWord("done");
    return { type: "for", name: nameTok.text, items, body, redirects: [], line };
  }
  parseCase() {
    const line = this.take().line;
    const subject = this.take();
    if (subject.kind !== "word") this.fail(subject);
    this.linebreak();
    this.expectWord("in");
    this.linebreak();
    const items = [];
    for (; ; ) {
      let tok = this.peek();
      if (this.isWord(tok, "esac")) {
        this.take();
        break;
      }
      if (this.isOp(tok, "(")) this.take();
      const patterns = [];
      for (; ; ) {
        tok = this.take();
        if (tok.kind !== "word") this.fail(tok);
        patterns.push(applyTilde(tok.word));
        tok = this.take();
        if (this.isOp(tok, ")")) break;
        if (!this.isOp(tok, "|")) this.fail(tok);
      }
      const body = this.parseList(false);
      tok = this.peek();
      let terminator = ";;";
      if (tok.kind === "op" && (tok.op === ";;" || tok.op === ";&" || tok.op === ";;&")) {
        terminator = tok.op;
        this.take();
      } else if (!this.isWord(tok, "esac")) {
        this.fail(tok);
      }
      items.push({ patterns, body, terminator });
      this.linebreak();
    }
    return { type: "case", word: applyTilde(subject.word), items, redirects: [], line };
  }
  parseFunctionKeyword() {
    const line = this.take().line;
    const nameTok = this.take();
    if (nameTok.kind !== "word" || nameTok.text === null) this.fail(nameTok);
    if (this.isOp(this.peek(), "(")) {
      this.take();
      this.expectOp(")");
    }
    return this.parseFunctionBody(nameTok.text, line);
  }
  parseFunctionBody(name, line) {
    this.linebreak();
    const tok = this.peek();
    const body = this.parseCommand();
    if (body.type === "simple" || body.type === "function") this.fail(tok);
    return { type: "function", name, body, line };
  }
  parseCond() {
    const line = this.take().line;
    const expr = parseCondExpr(this);
    this.expectWord("]]");
    return { type: "cond", expr, redirects: [], line };
  }
  parseSimple() {
    const first = this.peek();
    const node = { type: "simple", assigns: [], words: [], redirects: [], line: first.line };
    for (; ; ) {
      const tok = this.peek();
      if (tok.kind === "io" || tok.kind === "op" && REDIRECT_OPS.has(tok.op)) {
        node.redirects.push(this.parseRedirect());
        continue;
      }
      if (tok.kind !== "word") break;
      const assign = node.words.length === 0 ? assignmentSplit(tok.word) : null;
      const afterBlankAlias = this.aliasCheckAt >= 0 && tok.start >= this.aliasCheckAt;
      if (afterBlankAlias) this.aliasCheckAt = -1;
      if (assign === null && (node.words.length === 0 || afterBlankAlias) && this.expandAlias(tok)) continue;
      this.take();
      if (assign !== null) {
        node.assigns.push(assign);
        continue;
      }
      node.words.push(applyTilde(tok.word));
      if (node.words.length === 1 && node.assigns.length === 0 && this.isOp(this.peek(), "(")) {
        this.take();
        this.expectOp(")");
        if (tok.text === null) this.fail(tok);
        return this.parseFunctionBody(tok.text, tok.line);
      }
    }
    if (node.assigns.length === 0 && node.words.length === 0 && node.redirects.length === 0) this.fail(first);
    return node;
  }
  parseRedirect() {
    let tok = this.take();
    let fd = null;
    if (tok.kind === "io") {
      fd = tok.fd;
      tok = this.take();
      if (tok.kind !== "op" || !REDIRECT_OPS.has(tok.op)) this.fail(tok);
    }
    const op = tok.op;
    const target = this.take();
    if (target.kind !== "word") this.fail(target);
    if (op === "<<" || op === "<<-") {
      const delim = heredocDelimiter(this.lexer.src.text.slice(target.start, target.end));
      const redirect = { fd, op, target: target.word, heredoc: { quoted: delim.quoted, body: { parts: [] } } };
      this.lexer.addHereDoc(redirect.heredoc, delim.text, op === "<<-", target.line);
      return redirect;
    }
    return { fd, op, target: applyTilde(target.word) };
  }
};
function redirectsOf(cmd) {
  if (cmd.type === "function") return redirectsOf(cmd.body);
  return cmd.redirects;
}
function stderrToStdout() {
  return { fd: 2, op: ">&", target: { parts: [{ type: "lit", text: "1" }] } };
}

// ../../work/main/packages/kernel/src/shell/redirect.ts
var SAVED_FD_BASE = 10;
function defaultFd(op) {
  return op[0] === "<" ? 0 : 1;
}
function isOpen(sh, fd) {
  try {
    sh.ki.fdStat(sh.pid, fd);
    return true;
  } catch {
    return false;
  }
}
function save(sh, fd, saved) {
  if (saved === null || saved.some((s) => s.fd === fd)) return;
  if (!isOpen(sh, fd)) {
    saved.push({ fd, saved: -1 });
    return;
  }
  const copy = sh.ki.fdDup(sh.pid, fd, SAVED_FD_BASE, true);
  sh.internalFds.add(copy);
  saved.push({ fd, saved: copy });
}
function install(sh, file, fd) {
  if (file === fd) return;
  sh.ki.fdDup2(sh.pid, file, fd);
  sh.ki.fdClose(sh.pid, file);
}
async function applyRedirects(sh, redirects, saved) {
  for (const r of redirects) {
    const fd = r.fd ?? defaultFd(r.op);
    try {
      await applyOne(sh, r, fd, saved);
    } catch (err) {
      if (err instanceof ShellAborted || sh.signal.aborted) throw new ShellAborted();
      if (err instanceof RedirectError) {
        await sh.error(err.message);
        return false;
      }
      if (isKernelError(err)) {
        await sh.error(`${err.path ?? fd}: ${strerror(err.code)}`);
        return false;
      }
      throw err;
    }
  }
  return true;
}
var RedirectError = class extends Error {
};
async function targetPath(sh, r) {
  const fields = await expandWords(sh, [r.target]);
  if (fields.length !== 1) {
    throw new RedirectError(`${await expandString(sh, r.target)}: ambiguous redirect`);
  }
  return fields[0];
}
async function openPath(sh, path, flags) {
  try {
    return sh.ki.fdOpen(sh.pid, path, flags, 438);
  } catch (err) {
    if (isKernelError(err)) throw new RedirectError(`${path}: ${strerror(err.code)}`);
    throw err;
  }
}
async function applyOne(sh, r, fd, saved) {
  switch (r.op) {
    case "<":
    case ">":
    case ">>":
    case ">|":
    case "<>": {
      const path = await targetPath(sh, r);
      let flags;
      if (r.op === "<") flags = O_RDONLY;
      else if (r.op === "<>") flags = O_RDWR | O_CREAT;
      else if (r.op === ">>") flags = O_WRONLY | O_CREAT | O_APPEND;
      else flags = O_WRONLY | O_CREAT | O_TRUNC;
      if (r.op === ">" && sh.state.options.noclobber && await isRegularFile(sh, path)) {
        throw new RedirectError(`${path}: cannot overwrite existing file`);
      }
      const file = await openPath(sh, path, flags);
      save(sh, fd, saved);
      install(sh, file, fd);
      return;
    }
    case "&>":
    case "&>>": {
      const path = await targetPath(sh, r);
      const file = await openPath(sh, path, O_WRONLY | O_CREAT | (r.op === "&>" ? O_TRUNC : O_APPEND));
      save(sh, 1, saved);
      save(sh, 2, saved);
      sh.ki.fdDup2(sh.pid, file, 2);
      install(sh, file, 1);
      return;
    }
    case ">&":
    case "<&": {
      const target = await expandString(sh, r.target);
      if (target === "-") {
        save(sh, fd, saved);
        if (isOpen(sh, fd)) sh.ki.fdClose(sh.pid, fd);
        return;
      }
      const move = /^[0-9]+-$/.test(target);
      if (!move && !/^[0-9]+$/.test(target)) {
        if (r.op === ">&" && r.fd === null) {
          await applyOne(sh, { ...r, op: "&>" }, 1, saved);
          return;
        }
        throw new RedirectError(`${target}: ambiguous redirect`);
      }
      const from = Number(move ? target.slice(0, -1) : target);
      if (!isOpen(sh, from) || sh.internalFds.has(from)) throw new RedirectError(`${from}: Bad file descriptor`);
      if (from === fd) return;
      save(sh, fd, saved);
      sh.ki.fdDup2(sh.pid, from, fd);
      if (move) {
        save(sh, from, saved);
        sh.ki.fdClose(sh.pid, from);
      }
      return;
    }
    case "<<":
    case "<<-":
    case "<<<": {
      let body;
      if (r.op === "<<<") body = await expandString(sh, r.target) + "\n";
      else body = await expandString(sh, r.heredoc.body);
      const file = await bodyPipe(sh, body);
      save(sh, fd, saved);
      install(sh, file, fd);
      return;
    }
  }
}
async function isRegularFile(sh, path) {
  try {
    const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, path));
    return (st.mode & 61440) === 32768;
  } catch {
    return false;
  }
}
async function bodyPipe(sh, body) {
  const bytes = encodeText(body);
  const { readFd: readFd2, writeFd: writeFd2 } = sh.ki.pipe(sh.pid);
  if (bytes.length <= PIPE_BUFFER_SIZE) {
    try {
      await sh.ki.fdWrite(sh.pid, writeFd2, bytes);
    } finally {
      sh.ki.fdClose(sh.pid, writeFd2);
    }
    return readFd2;
  }
  sh.internalFds.add(readFd2);
  sh.internalFds.add(writeFd2);
  const inherited = [...sh.internalFds].filter((fd) => fd !== writeFd2);
  const writer = sh.ki.fork(async (pid) => {
    for (const fd of inherited) sh.ki.fdClose(pid, fd);
    await sh.ki.fdWrite(pid, writeFd2, bytes);
    return 0;
  }, { ppid: sh.pid, name: "sh" });
  void writer.wait();
  sh.ki.fdClose(sh.pid, writeFd2);
  sh.internalFds.delete(writeFd2);
  sh.internalFds.delete(readFd2);
  return readFd2;
}
function restoreRedirects(sh, saved) {
  for (let i = saved.length - 1; i >= 0; i--) {
    const { fd, saved: copy } = saved[i];
    try {
      if (copy >= 0) {
        sh.ki.fdDup2(sh.pid, copy, fd);
        sh.ki.fdClose(sh.pid, copy);
        sh.internalFds.delete(copy);
      } else if (isOpen(sh, fd)) {
        sh.ki.fdClose(sh.pid, fd);
      }
    } catch (err) {
      if (!sh.signal.aborted) throw err;
    }
  }
  saved.length = 0;
}

// ../../work/main/packages/kernel/src/shell/scheduler.ts
var SLICE_MS = 3;
var sliceStart = 0;
var sliceOpen = false;
function now() {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
function scheduleMacrotask(fn) {
  if (typeof setImmediate === "function") setImmediate(fn);
  else setTimeout(fn, 0);
}
function closeSlice() {
  sliceOpen = false;
}
function macrotask() {
  return new Promise((resolve) => scheduleMacrotask(resolve));
}
async function yieldIfDue() {
  if (!sliceOpen) {
    sliceOpen = true;
    sliceStart = now();
    scheduleMacrotask(closeSlice);
    return;
  }
  if (now() - sliceStart < SLICE_MS) return;
  await macrotask();
}

// ../../work/main/packages/kernel/src/shell/subshell.ts
function forkShell(sh, body, stdio = {}) {
  const inherited = [...sh.internalFds];
  const state = sh.state.clone();
  const ki = sh.ki;
  return ki.fork(async (pid, signal) => {
    const child = new Interpreter(ki, pid, state, signal);
    for (const fd of inherited) {
      try {
        ki.fdClose(pid, fd);
      } catch {
      }
    }
    try {
      let status;
      try {
        status = await body(child);
      } catch (err) {
        status = child.statusOf(err);
      }
      return await child.runExitTrap(status);
    } catch (err) {
      if (err instanceof ShellAborted || signal.aborted) return 143;
      throw err;
    }
  }, { ppid: sh.pid, name: "sh", ...stdio });
}
function waitChild(sh, handle) {
  const signal = sh.signal;
  if (signal.aborted) return Promise.reject(new ShellAborted());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new ShellAborted());
    signal.addEventListener("abort", onAbort, { once: true });
    handle.wait().then((code) => {
      signal.removeEventListener("abort", onAbort);
      resolve(code);
    }, reject);
  });
}
function makePipe(sh) {
  let { readFd: readFd2, writeFd: writeFd2 } = sh.ki.pipe(sh.pid);
  if (readFd2 < 3) readFd2 = moveUp(sh, readFd2);
  if (writeFd2 < 3) writeFd2 = moveUp(sh, writeFd2);
  sh.internalFds.add(readFd2);
  sh.internalFds.add(writeFd2);
  return { readFd: readFd2, writeFd: writeFd2 };
}
function moveUp(sh, fd) {
  const moved = sh.ki.fdDup(sh.pid, fd, 3);
  sh.ki.fdClose(sh.pid, fd);
  return moved;
}
function closeInternal(sh, fd) {
  sh.internalFds.delete(fd);
  sh.ki.fdClose(sh.pid, fd);
}
function runSubshell(sh, body) {
  return waitChild(sh, forkShell(sh, (child) => child.runList(body)));
}
async function runPipelineStages(sh, commands) {
  const handles = [];
  let prevRead = -1;
  try {
    for (let i = 0; i < commands.length; i++) {
      const cmd = commands[i];
      const pipe = i < commands.length - 1 ? makePipe(sh) : null;
      const stdio = {};
      if (prevRead >= 0) stdio.stdinFd = prevRead;
      if (pipe !== null) stdio.stdoutFd = pipe.writeFd;
      try {
        handles.push(forkShell(sh, (child) => child.runCommand(cmd), stdio));
      } finally {
        if (prevRead >= 0) closeInternal(sh, prevRead);
        if (pipe !== null) closeInternal(sh, pipe.writeFd);
        prevRead = pipe === null ? -1 : pipe.readFd;
      }
    }
  } catch (err) {
    if (prevRead >= 0) closeInternal(sh, prevRead);
    for (const h of handles) void h.wait();
    if (sh.signal.aborted) throw new ShellAborted();
    await sh.error(`fork: ${err.message}`);
    return 1;
  }
  const statuses = [];
  for (const h of handles) statuses.push(await waitChild(sh, h));
  if (sh.state.options.pipefail) {
    for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i];
    return 0;
  }
  return statuses[statuses.length - 1];
}
function runBackground(sh, item) {
  const job = { ...item, background: false };
  let devNull = -1;
  try {
    devNull = sh.ki.fdOpen(sh.pid, "/dev/null", O_RDONLY);
  } catch {
  }
  try {
    const handle = forkShell(sh, (child) => child.runAndOr(job), devNull >= 0 ? { stdinFd: devNull } : {});
    sh.jobs.set(handle.pid, handle);
    sh.state.lastBgPid = handle.pid;
  } finally {
    if (devNull >= 0) sh.ki.fdClose(sh.pid, devNull);
  }
}
async function runCommandSub(sh, body) {
  const file = fileOnlyRedirect(body);
  if (file !== null) return readWholeFile(sh, file);
  const { readFd: readFd2, writeFd: writeFd2 } = makePipe(sh);
  let handle;
  try {
    handle = forkShell(sh, (child) => child.runList(body), { stdoutFd: writeFd2 });
  } catch (err) {
    closeInternal(sh, readFd2);
    throw err;
  } finally {
    closeInternal(sh, writeFd2);
  }
  const chunks = [];
  let size = 0;
  try {
    for (; ; ) {
      const data = await sh.ki.fdRead(sh.pid, readFd2, 65536);
      if (data.length === 0) break;
      chunks.push(data);
      size += data.length;
    }
  } catch (err) {
    if (sh.signal.aborted) throw new ShellAborted();
    throw err;
  } finally {
    if (!sh.signal.aborted) closeInternal(sh, readFd2);
  }
  const status = await waitChild(sh, handle);
  sh.cmdSubStatus = status;
  sh.state.lastStatus = status;
  if (chunks.length === 1) return decodeBytes(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return decodeBytes(all);
}
function fileOnlyRedirect(body) {
  if (body.items.length !== 1) return null;
  const item = body.items[0];
  if (item.background || item.rest.length > 0 || item.first.bang || item.first.commands.length !== 1) return null;
  const cmd = item.first.commands[0];
  if (cmd.type !== "simple" || cmd.words.length > 0 || cmd.assigns.length > 0 || cmd.redirects.length !== 1) return null;
  const r = cmd.redirects[0];
  return r.op === "<" && (r.fd === null || r.fd === 0) ? r : null;
}
async function readWholeFile(sh, r) {
  const path = await expandString(sh, r.target);
  try {
    const text = decodeBytes(await sh.ki.vfs.readFile(sh.ki.resolvePath(sh.pid, path)));
    sh.cmdSubStatus = 0;
    sh.state.lastStatus = 0;
    return text;
  } catch (err) {
    if (!isKernelError(err)) throw err;
    await sh.error(`${path}: ${strerror(err.code)}`);
    sh.cmdSubStatus = 1;
    sh.state.lastStatus = 1;
    return "";
  }
}

// ../../work/main/packages/kernel/src/shell/builtins/output.ts
async function writeOut(sh, name, data, fd = 1) {
  try {
    await sh.write(fd, data);
    return 0;
  } catch (err) {
    if (err instanceof ShellAborted || sh.signal.aborted) throw new ShellAborted();
    if (!isKernelError(err)) throw err;
    await sh.error(`${name}: write error: ${strerror(err.code)}`);
    return 1;
  }
}
function isName(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

// ../../work/main/packages/kernel/src/shell/builtins/alias.ts
var ALIAS_NAME = /^[^\s=|&;<>()$`\\"'/]+$/;
var aliasBuiltin = async (sh, args, name) => {
  const aliases = sh.state.aliases;
  const list2 = (names) => names.map((n) => `alias ${n}=${shellQuote(aliases.get(n))}
`).join("");
  if (args[0] === "-p") args = args.slice(1);
  if (args.length === 0) return writeOut(sh, name, list2([...aliases.keys()].sort()));
  let status = 0;
  let out = "";
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq < 0) {
      if (aliases.has(arg)) out += list2([arg]);
      else {
        await sh.error(`${name}: ${arg}: not found`);
        status = 1;
      }
      continue;
    }
    const alias = arg.slice(0, eq);
    if (!ALIAS_NAME.test(alias)) {
      await sh.error(`${name}: \`${alias}': invalid alias name`);
      status = 1;
      continue;
    }
    aliases.set(alias, arg.slice(eq + 1));
    sh.state.aliasesChanged = true;
  }
  const written = await writeOut(sh, name, out);
  return written !== 0 ? written : status;
};
var unaliasBuiltin = async (sh, args, name) => {
  const aliases = sh.state.aliases;
  if (args[0] === "-a") {
    aliases.clear();
    sh.state.aliasesChanged = true;
    return 0;
  }
  if (args.length === 0) {
    await sh.error(`${name}: usage: unalias [-a] name [name ...]`);
    return 2;
  }
  let status = 0;
  for (const a of args) {
    if (aliases.delete(a)) sh.state.aliasesChanged = true;
    else {
      await sh.error(`${name}: ${a}: not found`);
      status = 1;
    }
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/cd.ts
function parseMode(args) {
  let physical = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!/^-[LP]+$/.test(a)) break;
    physical = a.endsWith("P");
  }
  return { physical, rest: args.slice(i) };
}
var cdBuiltin = async (sh, args) => {
  const parsed = parseMode(args);
  if (typeof parsed === "string") return 2;
  const { physical, rest } = parsed;
  if (rest.length > 1) {
    await sh.error("cd: too many arguments");
    return 1;
  }
  const state = sh.state;
  let target = rest[0];
  let print = false;
  if (target === void 0) {
    target = state.get("HOME");
    if (target === void 0) {
      await sh.error("cd: HOME not set");
      return 1;
    }
  } else if (target === "-") {
    target = state.get("OLDPWD");
    if (target === void 0) {
      await sh.error("cd: OLDPWD not set");
      return 1;
    }
    print = true;
  }
  if (target === "") return 0;
  const oldPwd = state.get("PWD") ?? sh.ki.getcwd(sh.pid);
  const candidates = [];
  if (!target.startsWith("/") && !/^\.\.?(\/|$)/.test(target)) {
    for (const entry of (state.get("CDPATH") ?? "").split(":")) {
      if (entry === "") continue;
      candidates.push({ path: `${entry.replace(/\/$/, "")}/${target}`, announce: true });
    }
  }
  candidates.push({ path: target, announce: false });
  let lastError = null;
  for (const c of candidates) {
    const logical = normalizePath(c.path.startsWith("/") ? c.path : `${oldPwd}/${c.path}`);
    try {
      sh.ki.chdir(sh.pid, physical ? c.path : logical);
    } catch (err) {
      lastError = err;
      continue;
    }
    const pwd = physical ? sh.ki.getcwd(sh.pid) : logical;
    await sh.assign("OLDPWD", oldPwd);
    await sh.assign("PWD", pwd);
    if (print || c.announce) return writeOut(sh, "cd", pwd + "\n");
    return 0;
  }
  const reason = isKernelError(lastError) ? strerror(lastError.code) : String(lastError);
  await sh.error(`cd: ${target}: ${reason}`);
  return 1;
};
var pwdBuiltin = async (sh, args) => {
  const parsed = parseMode(args);
  if (typeof parsed === "string") return 2;
  const physicalCwd = sh.ki.getcwd(sh.pid);
  let out = physicalCwd;
  const pwd = sh.state.get("PWD");
  if (!parsed.physical && pwd !== void 0 && pwd.startsWith("/")) {
    try {
      if (await sh.ki.vfs.realpath(pwd) === physicalCwd) out = pwd;
    } catch {
    }
  }
  return writeOut(sh, "pwd", out + "\n");
};

// ../../work/main/packages/kernel/src/shell/builtins/command.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "case",
  "esac",
  "while",
  "until",
  "for",
  "in",
  "{",
  "}",
  "!",
  "[[",
  "]]",
  "function",
  "time"
]);
async function resolveName(sh, name, functions = true) {
  if (KEYWORDS.has(name) && functions) return { kind: "keyword" };
  if (functions && sh.state.functions.has(name)) return { kind: "function" };
  if (BUILTINS.has(name)) return { kind: "builtin" };
  if (name.includes("/")) {
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, name));
      if ((st.mode & 61440) === 32768 && (st.mode & 73) !== 0) return { kind: "file", path: name };
    } catch {
      return null;
    }
    return null;
  }
  if (sh.ki.commandExists?.(name)) return { kind: "file", path: `/bin/${name}` };
  const found = await searchPath(sh, name);
  return found === null ? null : { kind: "file", path: found };
}
var commandBuiltin = async (sh, args, name) => {
  let mode = "run";
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!/^-[pvV]+$/.test(a)) break;
    if (a.includes("v")) mode = "v";
    if (a.includes("V")) mode = "V";
  }
  const rest = args.slice(i);
  if (rest.length === 0) return 0;
  if (mode === "run") {
    const target = rest[0];
    const builtin = BUILTINS.get(target);
    if (builtin !== void 0) return builtin(sh, rest.slice(1), target);
    const handle = await spawnCommand(sh, rest, sh.state.environment());
    return typeof handle === "number" ? handle : waitChild(sh, handle);
  }
  let status = 0;
  for (const n of rest) {
    const r = await resolveName(sh, n);
    if (r === null) {
      if (mode === "V") await sh.error(`${name}: ${n}: not found`);
      status = 1;
      continue;
    }
    const out = mode === "v" ? r.kind === "file" ? r.path : n : describe2(n, r);
    await writeOut(sh, name, out + "\n");
  }
  return status;
};
function describe2(name, r) {
  switch (r.kind) {
    case "keyword":
      return `${name} is a shell keyword`;
    case "function":
      return `${name} is a function`;
    case "builtin":
      return `${name} is a shell builtin`;
    case "file":
      return `${name} is ${r.path}`;
  }
}
var typeBuiltin = async (sh, args, name) => {
  let terse = false;
  let pathOnly = false;
  let i = 0;
  for (; i < args.length && /^-[aftpP]+$/.test(args[i]); i++) {
    if (args[i].includes("t")) terse = true;
    if (/[pP]/.test(args[i])) pathOnly = true;
  }
  let status = 0;
  for (const n of args.slice(i)) {
    const r = await resolveName(sh, n);
    if (r === null) {
      if (!terse && !pathOnly) await sh.error(`${name}: ${n}: not found`);
      status = 1;
      continue;
    }
    if (pathOnly) {
      if (r.kind === "file") await writeOut(sh, name, r.path + "\n");
      continue;
    }
    await writeOut(sh, name, (terse ? r.kind : describe2(n, r)) + "\n");
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/escapes.ts
var SIMPLE = {
  a: "\x07",
  b: "\b",
  e: "\x1B",
  E: "\x1B",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\"
};
function decodeEscapes(text, style) {
  if (text.indexOf("\\") < 0) return { text, stop: false };
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "\\" || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const e = text[i + 1];
    if (SIMPLE[e] !== void 0) {
      out += SIMPLE[e];
      i++;
    } else if (e === "c" && style !== "format") {
      return { text: out, stop: true };
    } else if (e === '"' && style === "format") {
      out += '"';
      i++;
    } else if (e === "'" && style === "format") {
      out += "'";
      i++;
    } else if (e >= "0" && e <= "7") {
      let j = i + 1;
      let max = 3;
      if (e === "0" && style !== "format") {
        j++;
        max = 3;
      } else if (style === "echo") {
        out += ch;
        continue;
      }
      let digits = "";
      while (digits.length < max && j < text.length && text[j] >= "0" && text[j] <= "7") digits += text[j++];
      out += rawByteChar(parseInt(digits || "0", 8) & 255);
      i = j - 1;
    } else if (e === "x") {
      let j = i + 2;
      let digits = "";
      while (digits.length < 2 && j < text.length && /[0-9a-fA-F]/.test(text[j])) digits += text[j++];
      if (digits === "") {
        out += "\\x";
        i++;
        continue;
      }
      out += rawByteChar(parseInt(digits, 16));
      i = j - 1;
    } else if ((e === "u" || e === "U") && style !== "echo") {
      const max = e === "u" ? 4 : 8;
      let j = i + 2;
      let digits = "";
      while (digits.length < max && j < text.length && /[0-9a-fA-F]/.test(text[j])) digits += text[j++];
      if (digits === "") {
        out += "\\" + e;
        i++;
        continue;
      }
      out += String.fromCodePoint(parseInt(digits, 16));
      i = j - 1;
    } else {
      out += ch;
    }
  }
  return { text: out, stop: false };
}

// ../../work/main/packages/kernel/src/shell/builtins/echo.ts
var echoBuiltin = async (sh, args, name) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const flag of a.slice(1)) {
      if (flag === "n") newline = false;
      else if (flag === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const decoded = decodeEscapes(text, "echo");
    text = decoded.text;
    if (decoded.stop) newline = false;
  }
  return writeOut(sh, name, newline ? text + "\n" : text);
};

// ../../work/main/packages/kernel/src/shell/builtins/eval.ts
var evalBuiltin = async (sh, args) => {
  const text = args.join(" ");
  if (text.trim() === "") return 0;
  try {
    return await sh.evalString(text);
  } catch (err) {
    if (err instanceof ShellFatal && err.status === 2) return 2;
    throw err;
  }
};
async function findScript(sh, name) {
  if (name.includes("/")) return name;
  for (const dir of (sh.state.get("PATH") ?? "").split(":")) {
    const candidate = `${dir === "" ? "." : dir}/${name}`;
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, candidate));
      if ((st.mode & 61440) === 32768) return candidate;
    } catch {
    }
  }
  return name;
}
var sourceBuiltin = async (sh, args, name) => {
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await sh.error(`${name}: filename argument required`);
    return 2;
  }
  const path = await findScript(sh, args[0]);
  let text;
  try {
    text = decodeBytes(await sh.ki.vfs.readFile(sh.ki.resolvePath(sh.pid, path)));
  } catch (err) {
    if (!isKernelError(err)) throw err;
    await sh.error(`${args[0]}: ${strerror(err.code)}`);
    return 1;
  }
  const state = sh.state;
  const savedPositional = state.positional;
  if (args.length > 1) state.positional = args.slice(1);
  state.sourceDepth++;
  try {
    return await sh.evalString(text);
  } catch (err) {
    if (err instanceof ReturnSignal) return err.status;
    throw err;
  } finally {
    state.sourceDepth--;
    if (args.length > 1) state.positional = savedPositional;
  }
};
var shiftBuiltin = async (sh, args, name) => {
  const arg = args[0] ?? "1";
  if (!/^[0-9]+$/.test(arg)) {
    await sh.error(`${name}: ${arg}: numeric argument required`);
    return 1;
  }
  const n = Number(arg);
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

// ../../work/main/packages/kernel/src/shell/builtins/flow.ts
async function numericArg(sh, name, arg, fallback) {
  if (arg === void 0) return fallback;
  if (!/^\s*[+-]?[0-9]+\s*$/.test(arg)) {
    await sh.error(`${name}: ${arg}: numeric argument required`);
    return null;
  }
  return Number(arg);
}
async function loopControl(sh, args, name, make) {
  const n = await numericArg(sh, name, args[0], 1);
  if (n === null) throw new ShellFatal(1);
  if (args.length > 1) {
    await sh.error(`${name}: too many arguments`);
    return 1;
  }
  if (n < 1) {
    await sh.error(`${name}: ${n}: loop count out of range`);
    return 1;
  }
  if (sh.state.loopDepth === 0) {
    await sh.error(`${name}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  throw make(Math.min(n, sh.state.loopDepth));
}
var breakBuiltin = (sh, args, name) => loopControl(sh, args, name, (n) => new BreakSignal(n));
var continueBuiltin = (sh, args, name) => loopControl(sh, args, name, (n) => new ContinueSignal(n));
var returnBuiltin = async (sh, args, name) => {
  if (sh.state.callDepth === 0 && sh.state.sourceDepth === 0) {
    await sh.error(`${name}: can only \`return' from a function or sourced script`);
    return 1;
  }
  const n = await numericArg(sh, name, args[0], sh.state.lastStatus);
  throw new ReturnSignal(n === null ? 2 : n & 255);
};
var exitBuiltin = async (sh, args, name) => {
  if (args.length > 1) {
    await sh.error(`${name}: too many arguments`);
    return 1;
  }
  const n = await numericArg(sh, name, args[0], sh.state.lastStatus);
  throw new ExitSignal(n === null ? 2 : n & 255);
};

// ../../work/main/packages/kernel/src/shell/builtins/getopts.ts
var getoptsBuiltin = async (sh, args, name) => {
  if (args.length < 2) {
    await sh.error(`${name}: usage: getopts optstring name [arg ...]`);
    return 2;
  }
  const [spec, varName] = args;
  if (!isName(varName)) {
    await sh.error(`${name}: \`${varName}': not a valid identifier`);
    return 2;
  }
  const state = sh.state;
  const argv = args.length > 2 ? args.slice(2) : state.positional;
  const silent = spec.startsWith(":");
  let optind = Number(state.get("OPTIND") ?? "1");
  if (!Number.isInteger(optind) || optind < 1) optind = 1;
  if (state.getoptsIndex !== optind) state.getoptsPos = 1;
  const finish = async (ch2, status) => {
    await sh.assign(varName, ch2);
    await sh.assign("OPTIND", String(optind));
    state.getoptsIndex = optind;
    return status;
  };
  if (optind > argv.length) return finish("?", 1);
  const arg = argv[optind - 1];
  if (state.getoptsPos === 1) {
    if (arg === "--") {
      optind++;
      return finish("?", 1);
    }
    if (!arg.startsWith("-") || arg === "-") return finish("?", 1);
  }
  const ch = arg[state.getoptsPos];
  state.getoptsPos++;
  const advance = () => {
    if (state.getoptsPos >= arg.length) {
      optind++;
      state.getoptsPos = 1;
    }
  };
  const at = spec.indexOf(ch, silent ? 1 : 0);
  if (ch === ":" || at < 0) {
    advance();
    if (silent) await sh.assign("OPTARG", ch);
    else {
      state.unset("OPTARG");
      await sh.error(`illegal option -- ${ch}`);
    }
    return finish("?", 0);
  }
  if (spec[at + 1] !== ":") {
    advance();
    state.unset("OPTARG");
    return finish(ch, 0);
  }
  if (state.getoptsPos < arg.length) {
    await sh.assign("OPTARG", arg.slice(state.getoptsPos));
    optind++;
    state.getoptsPos = 1;
    return finish(ch, 0);
  }
  optind++;
  state.getoptsPos = 1;
  if (optind > argv.length) {
    if (silent) {
      await sh.assign("OPTARG", ch);
      return finish(":", 0);
    }
    state.unset("OPTARG");
    await sh.error(`option requires an argument -- ${ch}`);
    return finish("?", 0);
  }
  await sh.assign("OPTARG", argv[optind - 1]);
  optind++;
  return finish(ch, 0);
};

// ../../work/main/packages/kernel/src/shell/builtins/jobs.ts
var waitBuiltin = async (sh, args, name) => {
  if (args.length === 0) {
    for (const [pid, handle] of [...sh.jobs]) {
      await waitChild(sh, handle);
      sh.jobs.delete(pid);
    }
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const pid = arg === "%%" || arg === "%+" ? sh.state.lastBgPid : /^[0-9]+$/.test(arg) ? Number(arg) : NaN;
    const handle = pid === void 0 || Number.isNaN(pid) ? void 0 : sh.jobs.get(pid);
    if (handle === void 0) {
      if (Number.isNaN(pid)) {
        await sh.error(`${name}: \`${arg}': not a pid or valid job spec`);
        status = 2;
      } else {
        await sh.error(`${name}: pid ${arg} is not a child of this shell`);
        status = 127;
      }
      continue;
    }
    status = await waitChild(sh, handle);
    sh.jobs.delete(pid);
  }
  return status;
};
function signalNumber(spec) {
  if (/^[0-9]+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || SIGNAL_NAMES[n] !== void 0 ? n : null;
  }
  const name = spec.toUpperCase().replace(/^SIG/, "");
  for (const [num, signame] of Object.entries(SIGNAL_NAMES)) if (signame === name) return Number(num);
  return null;
}
var killBuiltin = async (sh, args, name) => {
  let signal = 15;
  let i = 0;
  if (args[0] === "-l" || args[0] === "-L") {
    if (args.length > 1) {
      const out = args.slice(1).map((a) => /^[0-9]+$/.test(a) ? SIGNAL_NAMES[Number(a) > 128 ? Number(a) - 128 : Number(a)] ?? "?" : String(signalNumber(a) ?? "?"));
      return writeOut(sh, name, out.join("\n") + "\n");
    }
    return writeOut(sh, name, Object.values(SIGNAL_NAMES).join(" ") + "\n");
  }
  if (args[0] === "-s" || args[0] === "-n") {
    const n = args[1] === void 0 ? null : signalNumber(args[1]);
    if (n === null) {
      await sh.error(`${name}: ${args[1] ?? ""}: invalid signal specification`);
      return 1;
    }
    signal = n;
    i = 2;
  } else if (args[0] !== void 0 && args[0].startsWith("-") && args[0] !== "--" && !/^-[0-9]+$/.test(args[0].slice(1)) && args[0].length > 1) {
    const n = signalNumber(args[0].slice(1));
    if (n === null) {
      await sh.error(`${name}: ${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    signal = n;
    i = 1;
  }
  if (args[i] === "--") i++;
  const targets = args.slice(i);
  if (targets.length === 0) {
    await sh.error(`${name}: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]`);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    const pid = t === "%%" || t === "%+" ? sh.state.lastBgPid : /^-?[0-9]+$/.test(t) ? Number(t) : void 0;
    if (pid === void 0) {
      await sh.error(`${name}: ${t}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    try {
      sh.ki.kill(sh.pid, pid, signal);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await sh.error(`${name}: (${t}) - ${strerror(err.code)}`);
      status = 1;
    }
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/misc.ts
var letBuiltin = async (sh, args, name) => {
  if (args.length === 0) {
    await sh.error(`${name}: expression expected`);
    return 1;
  }
  let last = "0";
  for (const expr of args) last = await arithValue(sh, parseArithWord(expr));
  return last === "0" ? 1 : 0;
};
var hashBuiltin = async (sh, args, name) => {
  const table = sh.state.commandHash;
  let names = args;
  if (names[0] === "-r") {
    table.clear();
    names = names.slice(1);
    if (names.length === 0) return 0;
  }
  if (names.length === 0) {
    let out = "";
    for (const path of table.values()) out += path + "\n";
    return writeOut(sh, name, out);
  }
  let status = 0;
  for (const n of names) {
    const found = n.includes("/") ? null : await resolveName(sh, n, false);
    if (found === null) {
      await sh.error(`${name}: ${n}: not found`);
      status = 1;
    } else if (found.kind === "file") {
      table.set(n, found.path);
    }
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/printf.ts
var Args = class {
  constructor(list2) {
    this.list = list2;
  }
  list;
  index = 0;
  failed = false;
  errors = [];
  next() {
    return this.index < this.list.length ? this.list[this.index++] : void 0;
  }
  /** Parses an integer argument: decimal, 0octal, 0xhex, or 'c for a character code. */
  integer() {
    const raw = this.next();
    if (raw === void 0 || raw === "") return 0n;
    if (raw[0] === "'" || raw[0] === '"') return BigInt(raw.length > 1 ? raw.codePointAt(1) : 0);
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(raw);
    if (m === null) {
      this.fail(`${raw}: invalid number`);
      return 0n;
    }
    let v = BigInt(m[2].length > 1 && m[2][0] === "0" && !/^0[xX]/.test(m[2]) ? "0o" + m[2].slice(1) : m[2]);
    if (m[1] === "-") v = -v;
    if (m[0].length !== raw.length) this.fail(`${raw}: invalid number`);
    return BigInt.asIntN(64, v);
  }
  float() {
    const raw = this.next();
    if (raw === void 0 || raw === "") return 0;
    if (raw[0] === "'" || raw[0] === '"') return raw.length > 1 ? raw.codePointAt(1) : 0;
    const t = raw.trim();
    const v = /^[+-]?0[xX][0-9a-fA-F]+$/.test(t) ? Number.parseInt(t, 16) : Number(t);
    if (Number.isNaN(v) && !/^[+-]?nan$/i.test(t)) {
      this.fail(`${raw}: invalid number`);
      const prefix = /^\s*[+-]?[0-9]*\.?[0-9]*(e[+-]?[0-9]+)?/i.exec(raw);
      return prefix === null ? 0 : Number(prefix[0]) || 0;
    }
    return v;
  }
  fail(message) {
    this.failed = true;
    this.errors.push(message);
  }
};
function pad(text, spec, zeroOk) {
  const width = spec.width ?? 0;
  if (text.length >= width) return text;
  if (spec.flags.includes("-")) return text + " ".repeat(width - text.length);
  if (zeroOk && spec.flags.includes("0")) {
    const sign = /^[+\- ]|^0[xX]/.exec(text)?.[0] ?? "";
    return sign + "0".repeat(width - text.length) + text.slice(sign.length);
  }
  return " ".repeat(width - text.length) + text;
}
function formatInteger(v, spec) {
  const conv = spec.conv;
  const unsigned = conv !== "d" && conv !== "i";
  const value = unsigned ? BigInt.asUintN(64, v) : v;
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let digits = conv === "o" ? abs.toString(8) : conv === "x" ? abs.toString(16) : conv === "X" ? abs.toString(16).toUpperCase() : abs.toString();
  if (spec.precision !== null) {
    if (spec.precision === 0 && abs === 0n) digits = "";
    else if (digits.length < spec.precision) digits = "0".repeat(spec.precision - digits.length) + digits;
  }
  if (spec.flags.includes("#") && abs !== 0n) {
    if (conv === "o" && !digits.startsWith("0")) digits = "0" + digits;
    else if (conv === "x") digits = "0x" + digits;
    else if (conv === "X") digits = "0X" + digits;
  }
  let sign = "";
  if (negative) sign = "-";
  else if (!unsigned && spec.flags.includes("+")) sign = "+";
  else if (!unsigned && spec.flags.includes(" ")) sign = " ";
  return pad(sign + digits, spec, spec.precision === null);
}
function formatFloat(v, spec) {
  const conv = spec.conv;
  const upper = conv === "E" || conv === "G" || conv === "F";
  const alt = spec.flags.includes("#");
  let precision = spec.precision ?? 6;
  let body;
  if (!Number.isFinite(v)) {
    body = Number.isNaN(v) ? "nan" : "inf";
  } else if (conv === "f" || conv === "F") {
    body = Math.abs(v).toFixed(precision);
    if (alt && precision === 0) body += ".";
  } else if (conv === "e" || conv === "E") {
    body = exponential(Math.abs(v), precision, alt);
  } else {
    if (precision === 0) precision = 1;
    const abs = Math.abs(v);
    const exp = abs === 0 ? 0 : Math.floor(Math.log10(Number(abs.toExponential(precision - 1))));
    if (exp < -4 || exp >= precision) body = exponential(abs, precision - 1, alt);
    else body = abs.toFixed(Math.max(precision - 1 - exp, 0));
    if (!alt && body.includes(".")) body = body.replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1");
  }
  if (upper) body = body.toUpperCase();
  let sign = "";
  if (v < 0 || Object.is(v, -0)) sign = "-";
  else if (spec.flags.includes("+")) sign = "+";
  else if (spec.flags.includes(" ")) sign = " ";
  return pad(sign + body, spec, Number.isFinite(v));
}
function exponential(abs, precision, alt) {
  const [mantissa, exp] = abs.toExponential(precision).split("e");
  const e = Number(exp);
  const m = alt && precision === 0 ? mantissa + "." : mantissa;
  return `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
function formatOnce(format, args) {
  let out = "";
  let conversions = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    const literalEnd = pct < 0 ? format.length : pct;
    if (literalEnd > i) out += decodeEscapes(format.slice(i, literalEnd), "format").text;
    if (pct < 0) break;
    const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([diouxXcsbqfFeEgGaA%])/.exec(format.slice(pct));
    if (m === null) {
      out += "%";
      i = pct + 1;
      continue;
    }
    i = pct + m[0].length;
    if (m[4] === "%") {
      out += "%";
      continue;
    }
    conversions++;
    const spec = { flags: m[1], width: null, precision: null, conv: m[4] };
    if (m[2] === "*") spec.width = Number(args.integer());
    else if (m[2] !== void 0) spec.width = Number(m[2]);
    if (spec.width !== null && spec.width < 0) {
      spec.flags += "-";
      spec.width = -spec.width;
    }
    if (m[3] === "*") spec.precision = Number(args.integer());
    else if (m[3] !== void 0) spec.precision = m[3] === "" ? 0 : Number(m[3]);
    if (spec.precision !== null && spec.precision < 0) spec.precision = null;
    switch (spec.conv) {
      case "d":
      case "i":
      case "o":
      case "u":
      case "x":
      case "X":
        out += formatInteger(args.integer(), spec);
        break;
      case "f":
      case "F":
      case "e":
      case "E":
      case "g":
      case "G":
      case "a":
      case "A":
        out += formatFloat(args.float(), spec.conv === "a" || spec.conv === "A" ? { ...spec, conv: "e" } : spec);
        break;
      case "c":
        out += pad([...args.next() ?? ""][0] ?? "", spec, false);
        break;
      case "b": {
        const decoded = decodeEscapes(args.next() ?? "", "percent-b");
        out += pad(spec.precision === null ? decoded.text : decoded.text.slice(0, spec.precision), spec, false);
        if (decoded.stop) return { out, stop: true, conversions };
        break;
      }
      case "q":
        out += pad(shellQuote(args.next() ?? ""), spec, false);
        break;
      default: {
        const s = args.next() ?? "";
        out += pad(spec.precision === null ? s : s.slice(0, spec.precision), spec, false);
      }
    }
  }
  return { out, stop: false, conversions };
}
var printfBuiltin = async (sh, argv, name) => {
  let args = argv;
  let target = null;
  if (args[0] === "-v") {
    target = args[1] ?? "";
    if (!isName(target)) {
      await sh.error(`printf: \`${target}': not a valid identifier`);
      return 2;
    }
    args = args.slice(2);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await sh.error("printf: usage: printf [-v var] format [arguments]");
    return 2;
  }
  const format = args[0];
  const rest = new Args(args.slice(1));
  let out = "";
  for (; ; ) {
    const once = formatOnce(format, rest);
    out += once.out;
    if (once.stop || once.conversions === 0 || rest.index >= rest.list.length) break;
  }
  for (const message of rest.errors) await sh.error(`printf: ${message}`);
  if (target !== null) {
    await sh.assign(target, out);
    return rest.failed ? 1 : 0;
  }
  const status = await writeOut(sh, name, out);
  return status !== 0 ? status : rest.failed ? 1 : 0;
};

// ../../work/main/packages/kernel/src/shell/builtins/read.ts
async function waitForInput(sh, fd, deadline) {
  for (; ; ) {
    if (sh.ki.fdPoll(sh.pid, fd).readable) return true;
    const remaining = deadline - performance.now();
    if (remaining <= 0) return false;
    await sh.ki.fdWaitReady(sh.pid, fd, "read", AbortSignal.timeout(Math.ceil(remaining)));
    if (sh.signal.aborted) throw new ShellAborted();
  }
}
async function readRecord(sh, o) {
  const ki = sh.ki;
  const bytes = [];
  let seekable = false;
  try {
    seekable = ki.fdStat(sh.pid, o.fd).filetype === "file";
  } catch {
    seekable = false;
  }
  const seekBack = (used, length) => {
    if (seekable && used < length) ki.fdSeek(sh.pid, o.fd, BigInt(used - length), SEEK_CUR);
  };
  let escaped = false;
  for (; ; ) {
    if (o.deadline !== null && !await waitForInput(sh, o.fd, o.deadline)) return { bytes, end: "timeout" };
    const chunk = await ki.fdRead(sh.pid, o.fd, seekable ? 512 : 1);
    if (chunk.length === 0) return { bytes, end: "eof" };
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (!escaped && b === o.delim) {
        seekBack(i + 1, chunk.length);
        return { bytes, end: "delimiter" };
      }
      bytes.push(b);
      escaped = !o.raw && !escaped && b === 92;
      if (o.max >= 0 && countChars(bytes) >= o.max) {
        seekBack(i + 1, chunk.length);
        return { bytes, end: "delimiter" };
      }
    }
  }
}
function countChars(bytes) {
  let n = 0;
  for (const b of bytes) if ((b & 192) !== 128) n++;
  return n;
}
function unescape(text, raw) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!raw && ch === "\\") {
      if (i + 1 < text.length) {
        i++;
        if (text[i] !== "\n") out.push({ ch: text[i], quoted: true });
      }
      continue;
    }
    out.push({ ch, quoted: false });
  }
  return out;
}
function joinChars(chars) {
  let s = "";
  for (const c of chars) s += c.ch;
  return s;
}
function splitForRead(chars, ifs, count) {
  const isWs = (c) => !c.quoted && (c.ch === " " || c.ch === "	" || c.ch === "\n") && ifs.includes(c.ch);
  const isSep = (c) => !c.quoted && ifs.includes(c.ch);
  let start = 0;
  let end = chars.length;
  while (start < end && isWs(chars[start])) start++;
  while (end > start && isWs(chars[end - 1])) end--;
  const values = [];
  let i = start;
  for (let v = 0; v < count - 1; v++) {
    if (i >= end) {
      values.push("");
      continue;
    }
    const fieldStart = i;
    while (i < end && !isSep(chars[i])) i++;
    values.push(joinChars(chars.slice(fieldStart, i)));
    while (i < end && isWs(chars[i])) i++;
    if (i < end && isSep(chars[i])) {
      i++;
      while (i < end && isWs(chars[i])) i++;
    }
  }
  let rest = chars.slice(i, end);
  const last = rest[rest.length - 1];
  if (last !== void 0 && isSep(last) && !isWs(last)) {
    const inner = rest.slice(0, -1);
    if (!inner.some(isSep)) rest = inner;
  }
  values.push(joinChars(rest));
  return values;
}
var readBuiltin = async (sh, args, name) => {
  let raw = false;
  let delim = 10;
  let max = -1;
  let fd = 0;
  let timeout = null;
  let prompt = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (f === "r") raw = true;
      else if (f === "s") continue;
      else if (f === "p" || f === "d" || f === "n" || f === "t" || f === "u") {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === void 0) {
          await sh.error(`${name}: -${f}: option requires an argument`);
          return 2;
        }
        const number = Number(value);
        if (f === "p") prompt = value;
        else if (f === "d") delim = value === "" ? 0 : value.charCodeAt(0);
        else if (f === "n" || f === "u" || f === "t") {
          if (value.trim() === "" || !Number.isFinite(number) || number < 0 || f !== "t" && !Number.isInteger(number)) {
            await sh.error(`${name}: ${value}: invalid ${f === "t" ? "timeout specification" : f === "u" ? "file descriptor specification" : "number"}`);
            return 2;
          }
          if (f === "n") max = number;
          else if (f === "u") fd = number;
          else timeout = number;
        }
        break;
      } else {
        await sh.error(`${name}: -${f}: invalid option`);
        return 2;
      }
    }
  }
  const names = args.slice(i);
  for (const n of names) {
    if (!isName(n)) {
      await sh.error(`${name}: \`${n}': not a valid identifier`);
      return 1;
    }
  }
  if (prompt !== null) await writeOut(sh, name, prompt, 2);
  let record;
  try {
    const deadline = timeout === null ? null : performance.now() + timeout * 1e3;
    record = await readRecord(sh, { fd, delim, max, raw, deadline });
  } catch (err) {
    if (sh.signal.aborted) throw new ShellAborted();
    if (!isKernelError(err)) throw err;
    await sh.error(`${name}: read error: ${fd}: ${strerror(err.code)}`);
    return 1;
  }
  const text = decodeBytes(Uint8Array.from(record.bytes));
  const chars = unescape(text, raw);
  if (names.length === 0) {
    await sh.assign("REPLY", joinChars(chars));
  } else {
    const values = splitForRead(chars, sh.state.get("IFS") ?? " 	\n", names.length);
    for (let k2 = 0; k2 < names.length; k2++) await sh.assign(names[k2], values[k2] ?? "");
  }
  return record.end === "delimiter" ? 0 : record.end === "eof" ? 1 : 142;
};

// ../../work/main/packages/kernel/src/shell/builtins/set.ts
var NO_OP_OPTIONS = /* @__PURE__ */ new Set([
  "posix",
  "monitor",
  "notify",
  "ignoreeof",
  "emacs",
  "vi",
  "nolog",
  "hashall",
  "interactive-comments",
  "braceexpand",
  "histexpand",
  "history",
  "physical",
  "onecmd",
  "keyword",
  "errtrace",
  "functrace",
  "privileged"
]);
var OPTION_NAMES = /* @__PURE__ */ new Set([...Object.values(OPTION_LETTERS), "pipefail"]);
var setBuiltin = async (sh, args, name) => {
  const state = sh.state;
  if (args.length === 0) {
    let out = "";
    for (const key of [...state.vars.keys()].sort()) {
      const v = state.vars.get(key);
      if (v.value !== void 0) out += `${key}=${shellQuote(v.value)}
`;
    }
    return writeOut(sh, name, out);
  }
  let i = 0;
  let replace = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      replace = true;
      i++;
      break;
    }
    if (a === "-") {
      state.options.xtrace = false;
      state.options.verbose = false;
      replace = i + 1 < args.length;
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== "-" && a[0] !== "+") break;
    const on = a[0] === "-";
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      if (letter === "o") {
        const optName = args[i + 1];
        if (optName === void 0) return listOptions(sh, on);
        i++;
        if (OPTION_NAMES.has(optName)) state.options[optName] = on;
        else if (!NO_OP_OPTIONS.has(optName)) {
          await sh.error(`set: ${optName}: invalid option name`);
          return 2;
        }
        continue;
      }
      const option = OPTION_LETTERS[letter];
      if (option === void 0) {
        if (letter === "h" || letter === "m" || letter === "b" || letter === "B" || letter === "H" || letter === "P") continue;
        await sh.error(`set: ${a[0]}${letter}: invalid option`);
        return 2;
      }
      state.options[option] = on;
    }
  }
  if (replace || i < args.length) state.positional = args.slice(i);
  return 0;
};
async function listOptions(sh, on) {
  const opts = sh.state.options;
  let out = "";
  for (const key of [...OPTION_NAMES].sort()) {
    out += on ? `${key.padEnd(15)}	${opts[key] ? "on" : "off"}
` : `set ${opts[key] ? "-" : "+"}o ${key}
`;
  }
  return writeOut(sh, "set", out);
}

// ../../work/main/packages/kernel/src/shell/builtins/shopt.ts
var SET_O_NAMES = /* @__PURE__ */ new Set(["errexit", "nounset", "xtrace", "verbose", "pipefail", "noglob", "noclobber", "allexport", "noexec"]);
var shoptBuiltin = async (sh, args, name) => {
  let mode = "query";
  let print = false;
  let quiet = false;
  let setO = false;
  let i = 0;
  for (; i < args.length && /^-[supqo]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === "s") mode = "set";
      else if (f === "u") mode = "unset";
      else if (f === "p") print = true;
      else if (f === "q") quiet = true;
      else setO = true;
    }
  }
  const table = setO ? sh.state.options : sh.state.shopt;
  const known = setO ? [...SET_O_NAMES] : Object.keys(sh.state.shopt);
  const names = args.slice(i);
  for (const n of names) {
    if (!known.includes(n)) {
      await sh.error(`${name}: ${n}: invalid shell option name`);
      return 1;
    }
  }
  if (mode !== "query" && names.length > 0) {
    for (const n of names) table[n] = mode === "set";
    return 0;
  }
  const shown = (names.length > 0 ? names : known).filter((n) => mode === "query" || table[n] === (mode === "set"));
  if (quiet) return shown.every((n) => table[n]) ? 0 : 1;
  let out = "";
  for (const n of shown) {
    if (!print) out += `${n.padEnd(15)}	${table[n] ? "on" : "off"}
`;
    else if (setO) out += `set ${table[n] ? "-o" : "+o"} ${n}
`;
    else out += `shopt ${table[n] ? "-s" : "-u"} ${n}
`;
  }
  const status = await writeOut(sh, name, out);
  return status !== 0 ? status : names.length > 0 && !names.every((n) => table[n]) ? 1 : 0;
};

// ../../work/main/packages/kernel/src/shell/builtins/test.ts
var TestParser = class {
  constructor(sh, args) {
    this.sh = sh;
    this.args = args;
  }
  sh;
  args;
  i = 0;
  async evaluate() {
    const n = this.args.length;
    const result = await this.evalN(0, n);
    return result;
  }
  /** POSIX's special cases by argument count, falling back to the full grammar. */
  async evalN(start, end) {
    const a = this.args;
    const n = end - start;
    if (n === 0) return false;
    if (n === 1) return a[start] !== "";
    if (n === 2) {
      if (a[start] === "!") return a[start + 1] === "";
      if (UNARY_OPS.has(a[start])) return unaryTest(this.sh, a[start], a[start + 1]);
      throw new TestError(`${a[start]}: unary operator expected`);
    }
    if (n === 3) {
      if (BINARY_OPS.has(a[start + 1])) return binaryTest(this.sh, a[start + 1], a[start], a[start + 2]);
      if (a[start + 1] === "-a") return a[start] !== "" && a[start + 2] !== "";
      if (a[start + 1] === "-o") return a[start] !== "" || a[start + 2] !== "";
      if (a[start] === "!") return !await this.evalN(start + 1, end);
      if (a[start] === "(" && a[end - 1] === ")") return this.evalN(start + 1, end - 1);
      throw new TestError(`${a[start + 1]}: binary operator expected`);
    }
    if (n === 4) {
      if (a[start] === "!") return !await this.evalN(start + 1, end);
      if (a[start] === "(" && a[end - 1] === ")") return this.evalN(start + 1, end - 1);
    }
    this.i = start;
    const value = await this.orExpr(end);
    if (this.i !== end) throw new TestError(`${a[this.i]}: unexpected argument`);
    return value;
  }
  async orExpr(end) {
    let value = await this.andExpr(end);
    while (this.i < end && this.args[this.i] === "-o") {
      this.i++;
      const right = await this.andExpr(end);
      value = value || right;
    }
    return value;
  }
  async andExpr(end) {
    let value = await this.notExpr(end);
    while (this.i < end && this.args[this.i] === "-a") {
      this.i++;
      const right = await this.notExpr(end);
      value = value && right;
    }
    return value;
  }
  async notExpr(end) {
    if (this.i < end && this.args[this.i] === "!") {
      this.i++;
      return !await this.notExpr(end);
    }
    return this.primary(end);
  }
  async primary(end) {
    const a = this.args;
    if (this.i >= end) throw new TestError("argument expected");
    const tok = a[this.i];
    if (tok === "(") {
      this.i++;
      const value = await this.orExpr(end);
      if (a[this.i] !== ")") throw new TestError("`)' expected");
      this.i++;
      return value;
    }
    if (this.i + 2 < end + 1 && this.i + 1 < end && BINARY_OPS.has(a[this.i + 1]) && this.i + 2 < end) {
      this.i += 3;
      return binaryTest(this.sh, a[this.i - 2], tok, a[this.i - 1]);
    }
    if (UNARY_OPS.has(tok) && this.i + 1 < end) {
      this.i += 2;
      return unaryTest(this.sh, tok, a[this.i - 1]);
    }
    this.i++;
    return tok !== "";
  }
};
var testBuiltin = async (sh, args, name) => {
  let operands = args;
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      await sh.error("[: missing `]'");
      return 2;
    }
    operands = args.slice(0, -1);
  }
  try {
    return await new TestParser(sh, operands).evaluate() ? 0 : 1;
  } catch (err) {
    if (!(err instanceof TestError)) throw err;
    await sh.error(`${name}: ${err.message}`);
    return 2;
  }
};

// ../../work/main/packages/kernel/src/shell/builtins/trap.ts
function conditionName(spec) {
  if (spec === "0" || spec.toUpperCase() === "EXIT" || spec.toUpperCase() === "SIGEXIT") return "EXIT";
  if (spec.toUpperCase() === "ERR" || spec.toUpperCase() === "DEBUG" || spec.toUpperCase() === "RETURN") return spec.toUpperCase();
  const n = signalNumber(spec);
  return n === null || n === 0 ? null : SIGNAL_NAMES[n];
}
var trapBuiltin = async (sh, args, name) => {
  const traps = sh.state.traps;
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0 || args[0] === "-p") {
    let out = "";
    const only = args.slice(1).map(conditionName);
    for (const [cond, action2] of traps) {
      if (only.length > 0 && !only.includes(cond)) continue;
      out += `trap -- ${shellQuote(action2)} ${cond === "EXIT" ? "EXIT" : "SIG" + cond}
`;
    }
    return writeOut(sh, name, out);
  }
  if (args[0] === "-l") {
    return writeOut(sh, name, Object.entries(SIGNAL_NAMES).map(([n, s]) => `${n}) SIG${s}`).join("\n") + "\n");
  }
  let action = args[0];
  let conditions = args.slice(1);
  if (conditions.length === 0 || /^[0-9]+$/.test(action)) {
    conditions = args;
    action = null;
  } else if (action === "-") {
    action = null;
  }
  let status = 0;
  for (const c of conditions) {
    const cond = conditionName(c);
    if (cond === null) {
      await sh.error(`${name}: ${c}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === null) traps.delete(cond);
    else traps.set(cond, action);
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/trivial.ts
var trueBuiltin = async () => 0;
var falseBuiltin = async () => 1;

// ../../work/main/packages/kernel/src/shell/builtins/umask.ts
function symbolic(mask) {
  const perms = (bits) => (bits & 4 ? "r" : "") + (bits & 2 ? "w" : "") + (bits & 1 ? "x" : "");
  const allowed = ~mask & 511;
  return `u=${perms(allowed >> 6)},g=${perms(allowed >> 3 & 7)},o=${perms(allowed & 7)}`;
}
function applySymbolic(mask, mode) {
  let allowed = ~mask & 511;
  for (const clause of mode.split(",")) {
    const m = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
    if (m === null) return null;
    const who = m[1] === "" || m[1].includes("a") ? "ugo" : m[1];
    let bits = 0;
    for (const p of m[3]) bits |= p === "r" ? 4 : p === "w" ? 2 : 1;
    for (const w of who) {
      const shift = w === "u" ? 6 : w === "g" ? 3 : 0;
      if (m[2] === "=") allowed &= ~(7 << shift);
      if (m[2] === "-") allowed &= ~(bits << shift);
      else allowed |= bits << shift;
    }
  }
  return ~allowed & 511;
}
var umaskBuiltin = async (sh, args, name) => {
  let symbolicOut = false;
  if (args[0] === "-S") {
    symbolicOut = true;
    args = args.slice(1);
  }
  const current = sh.ki.umask(sh.pid);
  if (args.length === 0) {
    return writeOut(sh, name, (symbolicOut ? symbolic(current) : current.toString(8).padStart(4, "0")) + "\n");
  }
  const mode = args[0];
  const next = /^[0-7]+$/.test(mode) ? parseInt(mode, 8) & 511 : applySymbolic(current, mode);
  if (next === null) {
    await sh.error(`${name}: ${mode}: invalid symbolic mode operator`);
    return 1;
  }
  sh.ki.umask(sh.pid, next);
  return 0;
};

// ../../work/main/packages/kernel/src/shell/builtins/variables.ts
function splitAssignment(arg) {
  const eq = arg.indexOf("=");
  if (eq < 0) return { name: arg, value: void 0, append: false };
  const append = eq > 0 && arg[eq - 1] === "+";
  return { name: arg.slice(0, append ? eq - 1 : eq), value: arg.slice(eq + 1), append };
}
async function setValue(sh, name, value, append) {
  try {
    sh.state.set(name, append ? (sh.state.get(name) ?? "") + value : value);
    return true;
  } catch (err) {
    if (!(err instanceof ReadonlyError)) throw err;
    await sh.error(err.message);
    return false;
  }
}
async function list(sh, keyword, pick) {
  const names = [...sh.state.vars.keys()].sort();
  let out = "";
  for (const name of names) {
    const v = sh.state.vars.get(name);
    if (!pick(v)) continue;
    out += v.value === void 0 ? `${keyword} ${name}
` : `${keyword} ${name}=${shellQuote(v.value)}
`;
  }
  return writeOut(sh, keyword, out);
}
function options(args, allowed) {
  const flags = /* @__PURE__ */ new Set();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (!allowed.includes(f)) return f;
      flags.add(a[0] === "+" ? "+" + f : f);
    }
  }
  return { flags, rest: args.slice(i) };
}
var exportBuiltin = async (sh, args) => {
  const parsed = options(args, "pnf");
  if (typeof parsed === "string") {
    await sh.error(`export: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) return list(sh, "export", (v) => v.exported);
  let status = 0;
  for (const arg of parsed.rest) {
    const { name, value, append } = splitAssignment(arg);
    if (!isName(name)) {
      await sh.error(`export: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (value !== void 0 && !await setValue(sh, name, value, append)) {
      status = 1;
      continue;
    }
    sh.state.export(name, !parsed.flags.has("n"));
  }
  return status;
};
var readonlyBuiltin = async (sh, args) => {
  const parsed = options(args, "pf");
  if (typeof parsed === "string") {
    await sh.error(`readonly: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) return list(sh, "readonly", (v) => v.readonly);
  let status = 0;
  for (const arg of parsed.rest) {
    const { name, value, append } = splitAssignment(arg);
    if (!isName(name)) {
      await sh.error(`readonly: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (value !== void 0 && !await setValue(sh, name, value, append)) {
      status = 1;
      continue;
    }
    sh.state.markReadonly(name);
  }
  return status;
};
var unsetBuiltin = async (sh, args) => {
  const parsed = options(args, "vf");
  if (typeof parsed === "string") {
    await sh.error(`unset: -${parsed}: invalid option`);
    return 2;
  }
  let status = 0;
  for (const name of parsed.rest) {
    if (parsed.flags.has("f")) {
      sh.state.functions.delete(name);
      continue;
    }
    if (!isName(name)) {
      await sh.error(`unset: \`${name}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (!parsed.flags.has("v") && !sh.state.vars.has(name) && sh.state.functions.has(name)) {
      sh.state.functions.delete(name);
      continue;
    }
    try {
      sh.state.unset(name);
    } catch (err) {
      if (!(err instanceof ReadonlyError)) throw err;
      await sh.error(`unset: ${name}: cannot unset: readonly variable`);
      status = 1;
    }
  }
  return status;
};
async function declareLocal(sh, name, value, append, flags) {
  const state = sh.state;
  if (!flags.has("g") && state.callDepth > 0) {
    state.saveInScope(name);
    if (value === void 0 && !flags.has("x") && !flags.has("r")) {
      if (state.isReadonly(name)) {
        await sh.error(`local: ${name}: readonly variable`);
        return false;
      }
      state.vars.delete(name);
    }
  }
  if (value !== void 0 && !await setValue(sh, name, value, append)) return false;
  if (flags.has("x")) state.export(name);
  if (flags.has("+x")) state.export(name, false);
  if (flags.has("r")) state.markReadonly(name);
  return true;
}
var localBuiltin = async (sh, args, name) => {
  if (sh.state.callDepth === 0 && name === "local") {
    await sh.error("local: can only be used in a function");
    return 1;
  }
  const parsed = options(args, "aAfFgilnprtux");
  if (typeof parsed === "string") {
    await sh.error(`${name}: -${parsed}: invalid option`);
    return 2;
  }
  if (parsed.rest.length === 0) {
    if (parsed.flags.has("x")) return list(sh, "export", (v) => v.exported);
    if (parsed.flags.has("r")) return list(sh, "readonly", (v) => v.readonly);
    return 0;
  }
  let status = 0;
  for (const arg of parsed.rest) {
    const { name: varName, value, append } = splitAssignment(arg);
    if (!isName(varName)) {
      await sh.error(`${name}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (parsed.flags.has("p")) {
      const v = sh.state.vars.get(varName);
      if (v === void 0) status = 1;
      else await writeOut(sh, name, `declare -- ${varName}${v.value === void 0 ? "" : "=" + JSON.stringify(v.value)}
`);
      continue;
    }
    if (!await declareLocal(sh, varName, value, append, parsed.flags)) status = 1;
  }
  return status;
};

// ../../work/main/packages/kernel/src/shell/builtins/index.ts
var BUILTINS = /* @__PURE__ */ new Map([
  [":", trueBuiltin],
  ["alias", aliasBuiltin],
  ["unalias", unaliasBuiltin],
  ["true", trueBuiltin],
  ["false", falseBuiltin],
  ["echo", echoBuiltin],
  ["printf", printfBuiltin],
  ["cd", cdBuiltin],
  ["pwd", pwdBuiltin],
  ["export", exportBuiltin],
  ["readonly", readonlyBuiltin],
  ["unset", unsetBuiltin],
  ["local", localBuiltin],
  ["declare", localBuiltin],
  ["typeset", localBuiltin],
  ["set", setBuiltin],
  ["shopt", shoptBuiltin],
  ["shift", shiftBuiltin],
  ["break", breakBuiltin],
  ["continue", continueBuiltin],
  ["return", returnBuiltin],
  ["exit", exitBuiltin],
  ["eval", evalBuiltin],
  [".", sourceBuiltin],
  ["source", sourceBuiltin],
  ["test", testBuiltin],
  ["[", testBuiltin],
  ["read", readBuiltin],
  ["wait", waitBuiltin],
  ["kill", killBuiltin],
  ["trap", trapBuiltin],
  ["command", commandBuiltin],
  ["type", typeBuiltin],
  ["getopts", getoptsBuiltin],
  ["umask", umaskBuiltin],
  ["let", letBuiltin],
  ["hash", hashBuiltin]
]);
var SPECIAL_BUILTINS = /* @__PURE__ */ new Set([
  ":",
  ".",
  "break",
  "continue",
  "eval",
  "exec",
  "exit",
  "export",
  "readonly",
  "return",
  "set",
  "shift",
  "trap",
  "unset"
]);

// ../../work/main/packages/kernel/src/shell/builtins/exec.ts
async function runExec(sh, args, cmd) {
  let argv = args;
  if (argv[0] === "--") argv = argv.slice(1);
  if (!await applyRedirects(sh, cmd.redirects, null)) {
    if (argv.length === 0) return 1;
    throw new ExitSignal(1);
  }
  const values = await assignmentValues(sh, cmd.assigns);
  if (argv.length === 0) return sh.cmdSubStatus;
  for (const [n, v] of values) {
    await sh.assign(n, v);
    sh.state.export(n);
  }
  const builtin = BUILTINS.get(argv[0]);
  if (builtin !== void 0) throw new ExitSignal(await builtin(sh, argv.slice(1), argv[0]));
  const handle = await spawnCommand(sh, argv, sh.state.environment());
  throw new ExitSignal(typeof handle === "number" ? handle : await waitChild(sh, handle));
}

// ../../work/main/packages/kernel/src/shell/simple-command.ts
var DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
var MAX_CALL_DEPTH = 1e3;
var DECLARATION_BUILTINS = /* @__PURE__ */ new Set(["export", "readonly", "local", "declare", "typeset"]);
async function runSimpleCommand(sh, cmd) {
  await sh.checkpoint();
  sh.cmdSubStatus = 0;
  sh.state.lineno = cmd.line;
  const words = cmd.words.length === 0 ? [] : await expandCommandWords(sh, cmd.words);
  if (words.length === 0) return assignOnly(sh, cmd);
  const name = words[0];
  if (name === "exec") return runExec(sh, words.slice(1), cmd);
  const saved = [];
  try {
    if (!await applyRedirects(sh, cmd.redirects, saved)) return 1;
    const values = await assignmentValues(sh, cmd.assigns);
    if (sh.state.options.xtrace) await trace(sh, values, words, saved);
    const fn = sh.state.functions.get(name);
    const builtin = fn === void 0 ? BUILTINS.get(name) : void 0;
    if (fn === void 0 && builtin === void 0) {
      const handle = await spawnExternal(sh, words, values);
      if (typeof handle === "number") return handle;
      restoreRedirects(sh, saved);
      return await waitChild(sh, handle);
    }
    return await runInShell(sh, name, words, values, fn, builtin);
  } finally {
    restoreRedirects(sh, saved);
  }
}
async function assignmentValues(sh, assigns) {
  const values = [];
  for (const a of assigns) values.push([a.name, await assignmentValue(sh, a)]);
  return values;
}
async function runInShell(sh, name, words, values, fn, builtin) {
  const state = sh.state;
  const scoped = values.length > 0 && !SPECIAL_BUILTINS.has(name);
  if (scoped) state.pushScope();
  try {
    for (const [n, v] of values) {
      if (scoped) {
        state.saveInScope(n);
        if (fn !== void 0) state.export(n);
      }
      await sh.assign(n, v);
    }
    return fn !== void 0 ? await callFunction(sh, fn, words) : await builtin(sh, words.slice(1), name);
  } finally {
    if (scoped) state.popScope();
  }
}
async function expandCommandWords(sh, words) {
  const first = words[0].parts;
  const isDecl = first.length === 1 && first[0].type === "lit" && DECLARATION_BUILTINS.has(first[0].text);
  if (!isDecl) return expandWords(sh, words);
  const out = [];
  for (const w of words) {
    const assign = assignmentSplit(w);
    if (assign === null) out.push(...await expandWords(sh, [w]));
    else out.push(`${assign.name}${assign.append ? "+" : ""}=${await expandString(sh, assign.value)}`);
  }
  return out;
}
async function assignmentValue(sh, a) {
  const value = await expandString(sh, a.value);
  return a.append ? (sh.state.get(a.name) ?? "") + value : value;
}
async function assignOnly(sh, cmd) {
  const saved = [];
  try {
    if (!await applyRedirects(sh, cmd.redirects, saved)) return 1;
    for (const a of cmd.assigns) {
      const value = await assignmentValue(sh, a);
      if (sh.state.options.xtrace) await trace(sh, [[a.name, value]], [], saved);
      await sh.assign(a.name, value);
    }
  } finally {
    restoreRedirects(sh, saved);
  }
  return sh.cmdSubStatus;
}
async function callFunction(sh, fn, argv) {
  const state = sh.state;
  if (state.callDepth >= MAX_CALL_DEPTH) {
    await sh.fatal(`${fn.name}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})`, 1);
  }
  const savedPositional = state.positional;
  state.positional = argv.slice(1);
  state.pushScope();
  state.callDepth++;
  try {
    return await sh.runCommand(fn.body);
  } catch (err) {
    if (err instanceof ReturnSignal) return err.status;
    throw err;
  } finally {
    state.callDepth--;
    state.popScope();
    state.positional = savedPositional;
  }
}
async function spawnExternal(sh, argv, values) {
  let env = sh.state.environment();
  if (values.length > 0) {
    env = { ...env };
    for (const [n, v] of values) env[n] = v;
  }
  const tempPath = values.find(([n]) => n === "PATH")?.[1];
  return spawnCommand(sh, argv, env, tempPath);
}
async function spawnCommand(sh, argv, env, path) {
  const name = argv[0];
  const args = argv.slice(1);
  const spawn = (command) => sh.ki.spawn(command, args, { ppid: sh.pid, env });
  try {
    return spawn(name);
  } catch (err) {
    if (!isKernelError(err)) throw err;
    if (err.code !== "ENOENT" || name.includes("/")) return spawnError(sh, name, err);
  }
  const hash = sh.state.commandHash;
  let found = path === void 0 ? hash.get(name) ?? null : null;
  if (found === null) {
    found = await searchPath(sh, name, path);
    if (found !== null && path === void 0) hash.set(name, found);
  }
  if (found === null) {
    await sh.error(`${name}: command not found`);
    return 127;
  }
  try {
    return spawn(found);
  } catch (err) {
    if (!isKernelError(err)) throw err;
    return spawnError(sh, found, err);
  }
}
async function spawnError(sh, name, err) {
  switch (err.code) {
    case "ENOENT":
      await sh.error(`${name}: No such file or directory`);
      return 127;
    case "ENOTDIR":
      await sh.error(`${name}: Not a directory`);
      return 127;
    case "EACCES":
      await sh.error(`${name}: ${err.message.includes("is a directory") ? "Is a directory" : "Permission denied"}`);
      return 126;
    case "ENOEXEC":
      await sh.error(`${name}: cannot execute binary file: Exec format error`);
      return 126;
    default:
      await sh.error(`${name}: ${strerror(err.code)}`);
      return 126;
  }
}
async function searchPath(sh, name, pathVar) {
  const path = pathVar ?? sh.state.get("PATH") ?? DEFAULT_PATH;
  let nonExecutable = null;
  for (const dir of path.split(":")) {
    const candidate = dir === "" ? name : dir.endsWith("/") ? dir + name : `${dir}/${name}`;
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, candidate));
      if ((st.mode & 61440) !== 32768) continue;
      if ((st.mode & 73) !== 0) return candidate;
      nonExecutable ??= candidate;
    } catch {
    }
  }
  return nonExecutable;
}
var SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
function shellQuote(word) {
  if (SAFE_WORD.test(word)) return word;
  return "'" + word.replace(/'/g, "'\\''") + "'";
}
async function trace(sh, values, words, saved) {
  const parts = values.map(([n, v]) => `${n}=${shellQuote(v)}`);
  for (const w of words) parts.push(shellQuote(w));
  const ps4 = sh.state.get("PS4") ?? "+ ";
  const stderr = saved.find((s) => s.fd === 2);
  if (stderr !== void 0 && stderr.saved < 0) return;
  try {
    await sh.write(stderr?.saved ?? 2, `${ps4}${parts.join(" ")}
`);
  } catch (err) {
    if (err instanceof ShellAborted) throw err;
  }
}

// ../../work/main/packages/kernel/src/shell/interpreter.ts
var Interpreter = class {
  constructor(ki, pid, state, signal) {
    this.ki = ki;
    this.pid = pid;
    this.state = state;
    this.signal = signal;
  }
  ki;
  pid;
  state;
  signal;
  /** Descriptors the shell opened for itself (saved stdio, pipe ends); children close them. */
  internalFds = /* @__PURE__ */ new Set();
  /** Status of the last command substitution in the current simple command. */
  cmdSubStatus = 0;
  /** Background jobs not yet waited for, by pid. */
  jobs = /* @__PURE__ */ new Map();
  /**
   * Runs a whole script as this process's main program: exit handling and
   * the EXIT trap included. When `alias` or `unalias` changes the alias
   * table, the lines of `source` after the current one are parsed again
   * with the new aliases (as a shell reading line by line would see them).
   */
  async runMain(list2, source) {
    let status = 0;
    try {
      let items = list2.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        status = await this.runAndOr(item);
        if (!this.state.aliasesChanged || source === void 0) continue;
        this.state.aliasesChanged = false;
        const next = items.findIndex((it, k2) => k2 > i && it.line > item.line);
        if (next >= 0) items = [...items.slice(0, next), ...(await this.parseRest(source, items[next])).items];
      }
    } catch (err) {
      status = this.statusOf(err);
    }
    return this.runExitTrap(status);
  }
  /** The alias table the parser should expand, if any. */
  aliasesToExpand() {
    const state = this.state;
    return state.shopt.expand_aliases && state.aliases.size > 0 ? state.aliases : void 0;
  }
  /** Parses `source` again from `from` on, with the current aliases. */
  async parseRest(source, from) {
    try {
      const rest = parseScript(source.slice(from.start), from.line, this.aliasesToExpand());
      for (const item of rest.items) item.start += from.start;
      return rest;
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      await this.error(`line ${err.line}: syntax error: ${err.message}`);
      throw new ShellFatal(2);
    }
  }
  /** Runs the EXIT trap (once) and returns the final status. */
  async runExitTrap(status) {
    const action = this.state.traps.get("EXIT");
    if (action === void 0 || action === "") return status;
    this.state.traps.delete("EXIT");
    this.state.lastStatus = status;
    try {
      await this.evalString(action);
    } catch (err) {
      return this.statusOf(err);
    }
    return status;
  }
  /** The exit status an unwinding exception stands for; rethrows anything else. */
  statusOf(err) {
    if (err instanceof ExitSignal || err instanceof ShellFatal || err instanceof ReturnSignal) return err.status;
    if (err instanceof BreakSignal || err instanceof ContinueSignal) return 0;
    if (err instanceof ShellAborted || this.signal.aborted) throw new ShellAborted();
    if (err instanceof RangeError) {
      void this.error("maximum recursion depth exceeded");
      return 2;
    }
    throw err;
  }
  /** Parses and runs `text` in this shell (eval, traps, `.`). */
  async evalString(text) {
    let list2;
    try {
      list2 = parseScript(text, 1, this.aliasesToExpand());
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      await this.error(`line ${err.line}: syntax error: ${err.message}`);
      throw new ShellFatal(2);
    }
    return this.runList(list2);
  }
  /** Throws if the process has been killed; yields to the event loop when due. */
  async checkpoint() {
    if (this.signal.aborted) throw new ShellAborted();
    await yieldIfDue();
    if (this.signal.aborted) throw new ShellAborted();
  }
  /** Writes text or bytes to one of this process's descriptors. */
  async write(fd, data) {
    const bytes = typeof data === "string" ? encodeText(data) : data;
    if (bytes.length === 0) return;
    try {
      await this.ki.fdWrite(this.pid, fd, bytes);
    } catch (err) {
      if (this.signal.aborted) throw new ShellAborted();
      throw err;
    }
  }
  /** Prints `sh: message` on stderr, ignoring a stderr that cannot be written. */
  async error(message) {
    try {
      await this.write(2, `sh: ${message}
`);
    } catch (err) {
      if (err instanceof ShellAborted) throw err;
    }
  }
  // ExpandHost
  commandSub(body) {
    return runCommandSub(this, body);
  }
  glob(pattern) {
    return expandGlob(this.ki.vfs, this.ki.getcwd(this.pid), pattern, this.state.shopt);
  }
  async fatal(message, status) {
    await this.error(message);
    throw new ShellFatal(status);
  }
  async fail(message, status) {
    await this.error(message);
    throw new CommandFailure(status);
  }
  /** Runs a list; returns the status of the last and-or list. */
  async runList(list2) {
    let status = 0;
    for (const item of list2.items) status = await this.runAndOr(item);
    return status;
  }
  /** Runs a list as a condition, where `set -e` does not apply. */
  async runCondition(list2) {
    this.state.errexitSuppressed++;
    try {
      return await this.runList(list2);
    } finally {
      this.state.errexitSuppressed--;
    }
  }
  /** Runs one and-or list (or starts it in the background). */
  async runAndOr(item) {
    if (item.background) {
      runBackground(this, item);
      this.state.lastStatus = 0;
      return 0;
    }
    const last = item.rest.length;
    let status = await this.runPipeline(item.first, last === 0);
    for (let i = 0; i < last; i++) {
      const link = item.rest[i];
      if (link.op === "&&" !== (status === 0)) continue;
      status = await this.runPipeline(link.pipeline, i === last - 1);
    }
    return status;
  }
  /** Runs a pipeline; `isLast`: it ends its and-or list, so `set -e` applies to it. */
  async runPipeline(p, isLast) {
    const suppress = p.bang || !isLast;
    if (suppress) this.state.errexitSuppressed++;
    const started = p.timed ? Date.now() : 0;
    let status;
    try {
      if (p.commands.length === 0) status = 0;
      else if (p.commands.length === 1) status = await this.runCommand(p.commands[0]);
      else status = await runPipelineStages(this, p.commands);
    } finally {
      if (suppress) this.state.errexitSuppressed--;
    }
    if (p.timed) await this.reportTime(Date.now() - started);
    if (p.bang) status = status === 0 ? 1 : 0;
    this.state.lastStatus = status;
    if (status !== 0 && !suppress && this.state.errexitSuppressed === 0) {
      const only = p.commands.length === 1 ? p.commands[0] : null;
      const exempt = only !== null && only.type !== "simple" && only.type !== "subshell";
      if (!exempt) {
        await this.runErrTrap(status);
        if (this.state.options.errexit) throw new ExitSignal(status);
      }
    }
    return status;
  }
  /** Runs the ERR trap after a failure that `set -e` would act on (not from inside the trap itself). */
  async runErrTrap(status) {
    const action = this.state.traps.get("ERR");
    if (action === void 0 || action === "" || this.inErrTrap) return;
    this.inErrTrap = true;
    try {
      await this.evalString(action);
    } finally {
      this.inErrTrap = false;
      this.state.lastStatus = status;
    }
  }
  inErrTrap = false;
  /** The `time` keyword's report: the elapsed time (CPU time is not measured on the kernel's thread). */
  async reportTime(ms) {
    const real = `${Math.floor(ms / 6e4)}m${(ms % 6e4 / 1e3).toFixed(3)}s`;
    try {
      await this.write(2, `
real	${real}
`);
    } catch (err) {
      if (err instanceof ShellAborted) throw err;
    }
  }
  /** Runs one command of any kind in this shell. */
  async runCommand(cmd) {
    try {
      return await this.dispatch(cmd);
    } catch (err) {
      if (err instanceof CommandFailure) return err.status;
      throw err;
    }
  }
  async dispatch(cmd) {
    switch (cmd.type) {
      case "simple":
        return runSimpleCommand(this, cmd);
      case "function":
        this.state.functions.set(cmd.name, cmd);
        return 0;
      default: {
        if (cmd.redirects.length === 0) return this.runCompound(cmd);
        const saved = [];
        try {
          if (!await applyRedirects(this, cmd.redirects, saved)) {
            if (this.state.options.errexit && this.state.errexitSuppressed === 0) throw new ExitSignal(1);
            return 1;
          }
          return await this.runCompound(cmd);
        } finally {
          restoreRedirects(this, saved);
        }
      }
    }
  }
  async runCompound(cmd) {
    switch (cmd.type) {
      case "subshell":
        return runSubshell(this, cmd.body);
      case "group":
        return this.runList(cmd.body);
      case "if": {
        for (const clause of cmd.clauses) {
          if (await this.runCondition(clause.cond) === 0) return this.runList(clause.body);
        }
        return cmd.elseBody === null ? 0 : this.runList(cmd.elseBody);
      }
      case "while":
      case "until":
        return this.runLoop(async () => await this.runCondition(cmd.cond) === 0 === (cmd.type === "while"), cmd.body);
      case "for": {
        const items = cmd.items === null ? [...this.state.positional] : await expandWords(this, cmd.items);
        let i = 0;
        return this.runLoop(async () => {
          if (i >= items.length) return false;
          await this.assign(cmd.name, items[i++]);
          return true;
        }, cmd.body);
      }
      case "case":
        return this.runCase(cmd);
      case "cond":
        return evalCond(this, cmd.expr);
      case "arith-cmd":
        return await arithValue(this, cmd.expr) === "0" ? 1 : 0;
    }
  }
  /** Assigns a variable, turning a readonly violation into a fatal error. */
  async assign(name, value) {
    try {
      this.state.set(name, value);
    } catch (err) {
      if (err instanceof ReadonlyError) await this.fatal(err.message, 2);
      throw err;
    }
  }
  /** Runs `body` while `next()` says so, handling break and continue. */
  async runLoop(next, body) {
    let status = 0;
    this.state.loopDepth++;
    try {
      for (; ; ) {
        await this.checkpoint();
        try {
          if (!await next()) break;
          status = await this.runList(body);
        } catch (err) {
          if (err instanceof BreakSignal) {
            if (--err.levels > 0) throw err;
            status = 0;
            break;
          }
          if (err instanceof ContinueSignal) {
            if (--err.levels > 0) throw err;
            status = 0;
            continue;
          }
          throw err;
        }
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }
  async runCase(cmd) {
    const subject = await expandString(this, cmd.word);
    let status = 0;
    let fallthrough = false;
    for (const item of cmd.items) {
      if (!fallthrough) {
        let matched = false;
        for (const p of item.patterns) {
          if (matchPattern(await expandPattern(this, p), subject)) {
            matched = true;
            break;
          }
        }
        if (!matched) continue;
      }
      status = await this.runList(item.body);
      if (item.terminator === ";;") return status;
      fallthrough = item.terminator === ";&";
    }
    return status;
  }
};

// ../../work/main/packages/kernel/src/shell/driver.ts
var encoder2 = new TextEncoder();
var LONG_OPTIONS = /* @__PURE__ */ new Set([...Object.values(OPTION_LETTERS), "pipefail"]);
function parseInvocation(args, name) {
  const inv = { options: {}, command: null, file: null, arg0: name, positional: [] };
  let readCommand = false;
  let stdin = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--" || a === "-") {
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== "-" && a[0] !== "+") break;
    const on = a[0] === "-";
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      if (letter === "c") readCommand = true;
      else if (letter === "s") stdin = true;
      else if (letter === "i" || letter === "l" || letter === "p") continue;
      else if (letter === "o") {
        const opt = args[++i];
        if (opt === void 0) return `-o: option requires an argument`;
        if (LONG_OPTIONS.has(opt)) inv.options[opt] = on;
      } else if (OPTION_LETTERS[letter] !== void 0) {
        inv.options[OPTION_LETTERS[letter]] = on;
      } else {
        return `${a[0]}${letter}: invalid option`;
      }
    }
  }
  const rest = args.slice(i);
  if (readCommand) {
    if (rest.length === 0) return "-c: option requires an argument";
    inv.command = rest[0];
    if (rest.length > 1) inv.arg0 = rest[1];
    inv.positional = rest.slice(2);
  } else if (!stdin && rest.length > 0) {
    inv.file = rest[0];
    inv.arg0 = rest[0];
    inv.positional = rest.slice(1);
  } else {
    inv.positional = rest;
  }
  return inv;
}
function initialState(ctx, inv) {
  const state = new ShellState();
  for (const [name, value] of Object.entries(ctx.env)) state.vars.set(name, { value, exported: true, readonly: false });
  if (!state.vars.has("IFS")) state.vars.set("IFS", { value: " 	\n", exported: false, readonly: false });
  if (!state.vars.has("PS4")) state.vars.set("PS4", { value: "+ ", exported: false, readonly: false });
  if (!state.vars.has("OPTIND")) state.vars.set("OPTIND", { value: "1", exported: false, readonly: false });
  const pwd = state.vars.get("PWD");
  if (pwd === void 0 || pwd.value !== ctx.cwd) state.vars.set("PWD", { value: ctx.cwd, exported: true, readonly: false });
  state.shellPid = ctx.pid;
  state.vars.set("PPID", { value: String(ctx.ppid), exported: false, readonly: false });
  state.arg0 = inv.arg0;
  state.positional = inv.positional;
  Object.assign(state.options, inv.options);
  return state;
}
async function readAll(ki, pid) {
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const data = await ki.fdRead(pid, 0, 65536);
    if (data.length === 0) break;
    chunks.push(data);
    size += data.length;
  }
  const all = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  return decodeBytes(all);
}
async function writeError(ki, pid, message) {
  try {
    await ki.fdWrite(pid, 2, encoder2.encode(`sh: ${message}
`));
  } catch {
  }
}
async function runShell(ki, ctx, command, args, signal) {
  const inv = parseInvocation(args, command);
  if (typeof inv === "string") {
    await writeError(ki, ctx.pid, inv);
    return 2;
  }
  let text;
  if (inv.command !== null) text = inv.command;
  else if (inv.file !== null) {
    try {
      text = decodeBytes(await ki.vfs.readFile(ki.resolvePath(ctx.pid, inv.file)));
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await writeError(ki, ctx.pid, `${inv.file}: ${strerror(err.code)}`);
      return err.code === "ENOENT" ? 127 : 126;
    }
  } else {
    text = await readAll(ki, ctx.pid);
  }
  let list2;
  try {
    list2 = parseScript(text);
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    await writeError(ki, ctx.pid, `line ${err.line}: syntax error: ${err.message}`);
    return 2;
  }
  const state = initialState(ctx, inv);
  if (state.options.noexec) return 0;
  return new Interpreter(ki, ctx.pid, state, signal).runMain(list2, text);
}
function createShellDriver() {
  let kernel = null;
  return {
    name: "kernel-shell",
    commands: ["sh", "bash"],
    stdin: "fd",
    async init(ki) {
      if (kernel !== null) throw new KernelError("EBUSY", "the kernel shell driver is already initialized");
      kernel = ki;
    },
    spawn(command, args, ctx) {
      const ki = kernel;
      if (ki === null) throw new KernelError("EINVAL", "the kernel shell driver is not initialized");
      const abort = new AbortController();
      let resolveExit;
      const exited = new Promise((resolve) => resolveExit = resolve);
      let done = false;
      const proc = {
        writeStdin() {
        },
        closeStdin() {
        },
        kill(signal) {
          abort.abort();
          finish(128 + signal);
        },
        wait: () => exited,
        onExit: null,
        onStdout: null,
        onStderr: null
      };
      const finish = (code) => {
        if (done) return;
        done = true;
        resolveExit(code);
        proc.onExit?.(code);
      };
      queueMicrotask(() => {
        runShell(ki, ctx, command, args, abort.signal).then(finish, (err) => {
          if (err instanceof ShellAborted || abort.signal.aborted) return;
          ctx.onStderr(encoder2.encode(`sh: internal error: ${err?.message ?? err}
`));
          finish(70);
        });
      });
      return proc;
    },
    async dispose() {
      kernel = null;
    }
  };
}

// ../../work/main/packages/kernel/src/syscalls.ts
var DEV_FD = /^\/dev\/fd\/(\d+)$/;
function createKernelInterface(kernel, driver) {
  const { processes, fs, permissions } = kernel;
  const table = processes.table;
  const caller = (pid, syscall) => {
    kernel.assertLive();
    const entry = table.get(pid);
    if (!entry || entry.state !== "running") throw new KernelError("ESRCH", `pid ${pid}`, { syscall });
    if (entry.owner !== driver.name) {
      throw new KernelError("EPERM", `pid ${pid} belongs to driver ${entry.owner}, not ${driver.name}`, { syscall });
    }
    return entry;
  };
  const openPath2 = (entry, path, flags, mode) => {
    const abs = absolutePath(entry.cwd, path);
    const resolved = normalizePath(abs).startsWith("/dev/") ? DEV_FD.exec(safeRealpath(fs, abs)) : null;
    if (resolved) {
      const fd = Number(resolved[1]);
      const file = entry.fds.get(fd);
      if (!file) throw pathError("ENOENT", "open", path);
      return file;
    }
    const { object, path: canonical } = fs.open(abs, flags, mode & ~entry.umask);
    return new OpenFile(object, descriptionFlags(flags), canonical);
  };
  const ki = {
    vfs: kernel.vfs,
    fdOpen(pid, path, flags, mode = 438) {
      const entry = caller(pid, "open");
      const file = openPath2(entry, path, flags, mode);
      return entry.fds.allocate(file, 0, (flags & O_CLOEXEC) !== 0);
    },
    fdRead: async (pid, fd, length) => readFd(caller(pid, "read"), fd, length),
    fdWrite: async (pid, fd, data) => writeFd(caller(pid, "write"), fd, data, processes.signal),
    fdPread: async (pid, fd, length, offset) => preadFd(caller(pid, "pread"), fd, length, Number(offset)),
    fdPwrite: async (pid, fd, data, offset) => pwriteFd(caller(pid, "pwrite"), fd, data, Number(offset)),
    fdSeek: (pid, fd, offset, whence) => seekFd(caller(pid, "lseek"), fd, offset, whence),
    fdClose(pid, fd) {
      caller(pid, "close").fds.close(fd);
    },
    fdDup: (pid, fd, minFd = 0, closeOnExec = false) => caller(pid, "dup").fds.dup(fd, minFd, closeOnExec),
    fdDup2(pid, oldFd, newFd) {
      caller(pid, "dup2").fds.dup2(oldFd, newFd);
    },
    fdStat(pid, fd) {
      const entry = caller(pid, "fstat");
      const file = entry.fds.getOrThrow(fd, "fstat");
      return { filetype: file.object.filetype, flags: file.flags, path: file.path, closeOnExec: entry.fds.isCloseOnExec(fd) };
    },
    fdSetFlags(pid, fd, flags) {
      const file = caller(pid, "fcntl").fds.getOrThrow(fd, "fcntl");
      file.flags = file.flags & O_ACCMODE | flags & (O_APPEND | O_NONBLOCK);
    },
    fdSetCloseOnExec(pid, fd, on) {
      caller(pid, "fcntl").fds.setCloseOnExec(fd, on);
    },
    fdFilestat: (pid, fd) => caller(pid, "fstat").fds.getOrThrow(fd, "fstat").object.stat(),
    fdTruncate(pid, fd, length) {
      const file = caller(pid, "ftruncate").fds.getOrThrow(fd, "ftruncate");
      if (!file.writable) throw new KernelError("EINVAL", "not open for writing", { syscall: "ftruncate" });
      if (!Number.isSafeInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall: "ftruncate" });
      file.object.truncate(length);
    },
    fdUtimes(pid, fd, atimeMs, mtimeMs) {
      caller(pid, "futimens").fds.getOrThrow(fd, "futimens").object.utimes(atimeMs, mtimeMs);
    },
    fdSync(pid, fd) {
      caller(pid, "fsync").fds.getOrThrow(fd, "fsync").object.sync();
    },
    fdReaddir(pid, fd) {
      const entry = caller(pid, "getdents");
      const file = entry.fds.getOrThrow(fd, "getdents");
      if (file.path !== void 0) checkFs(permissions, { op: "readdir", path: file.path, pid });
      if (file.path === "/dev/fd") return entry.fds.openFds().map((n) => ({ name: String(n), type: "chardev" }));
      return file.object.readdir();
    },
    fdPoll: (pid, fd) => caller(pid, "poll").fds.getOrThrow(fd, "poll").object.poll(),
    fdWaitReady(pid, fd, events, signal) {
      const entry = caller(pid, "poll");
      const object = entry.fds.getOrThrow(fd, "poll").object;
      const abort = signal ? AbortSignal.any([signal, entry.abort.signal]) : entry.abort.signal;
      return object.waitReady(events, abort);
    },
    isatty: (pid, fd) => caller(pid, "isatty").fds.getOrThrow(fd, "isatty").object.isTerminal,
    pipe(pid) {
      const entry = caller(pid, "pipe");
      const pipe = new PipeBuffer();
      const readFd2 = entry.fds.allocate(new OpenFile(new PipeReadEnd(pipe), O_RDONLY), 0, true);
      try {
        return { readFd: readFd2, writeFd: entry.fds.allocate(new OpenFile(new PipeWriteEnd(pipe), O_WRONLY), 0, true) };
      } catch (err) {
        entry.fds.close(readFd2);
        throw err;
      }
    },
    spawn(command, args, options2) {
      caller(options2.ppid, "spawn");
      return processes.spawn(command, args, options2);
    },
    fork(body, options2) {
      caller(options2.ppid, "fork");
      return processes.fork(driver, body, options2);
    },
    waitpid(pid, target, options2) {
      caller(pid, "waitpid");
      return table.waitpid(pid, target, options2);
    },
    kill(pid, target, signal) {
      const entry = caller(pid, "kill");
      processes.kill(target === 0 ? -entry.pgid : target, signal);
    },
    commandExists: (name) => processes.hasCommand(name),
    getppid: (pid) => caller(pid, "getppid").ppid,
    getpgid: (pid) => caller(pid, "getpgid").pgid,
    setpgid(pid, target, pgid) {
      const entry = caller(pid, "setpgid");
      const subject = target === 0 || target === pid ? entry : table.getOrThrow(target, "setpgid");
      if (subject !== entry && subject.ppid !== pid) throw new KernelError("ESRCH", `pid ${target} is not a child`, { syscall: "setpgid" });
      if (pgid < 0) throw new KernelError("EINVAL", `pgid ${pgid}`, { syscall: "setpgid" });
      subject.pgid = pgid === 0 ? subject.pid : pgid;
    },
    getenv: (pid) => ({ ...caller(pid, "getenv").env }),
    setenv(pid, env) {
      caller(pid, "setenv").env = { ...env };
    },
    getcwd: (pid) => caller(pid, "getcwd").cwd,
    chdir(pid, path) {
      const entry = caller(pid, "chdir");
      const target = fs.realpath(absolutePath(entry.cwd, path));
      if ((fs.stat(target).mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "chdir", path);
      entry.cwd = target;
    },
    umask(pid, mask) {
      const entry = caller(pid, "umask");
      const old = entry.umask;
      if (mask !== void 0) entry.umask = mask & 511;
      return old;
    },
    resolvePath: (pid, path) => resolvePath(caller(pid, "resolvePath").cwd, path)
  };
  return ki;
}
function safeRealpath(fs, path) {
  try {
    return fs.realpath(path);
  } catch {
    return path;
  }
}

// ../../work/main/packages/kernel/src/vfs/path-walk.ts
var MAX_SYMLINKS = 40;
function walkPath(mounts, path, follow, syscall) {
  if (path.length > PATH_MAX) throw pathError("ENAMETOOLONG", syscall, path.slice(0, 64) + "...");
  if (path.includes("\0")) throw new KernelError("EINVAL", "path contains a NUL byte", { syscall });
  const mustBeDir = path.length > 1 && path.endsWith("/");
  const todo = path.split("/").reverse();
  const resolved = [];
  let links = 0;
  let current = "/";
  let stat = null;
  let location = mounts.locate("/");
  while (todo.length > 0) {
    const name = todo.pop();
    if (name === "" || name === ".") continue;
    if (name === "..") {
      resolved.pop();
      current = "/" + resolved.join("/");
      location = mounts.locate(current);
      stat = null;
      continue;
    }
    if (name.length > NAME_MAX) throw pathError("ENAMETOOLONG", syscall, path);
    const candidate = current === "/" ? `/${name}` : `${current}/${name}`;
    const isLast = !todo.some((part) => part !== "" && part !== ".");
    const here = mounts.locate(candidate);
    let entry;
    try {
      entry = here.mount.fs.lstat(here.inner);
    } catch (err) {
      if (isKernelError(err, "ENOENT")) {
        if (isLast) return { path: candidate, stat: null, ...here };
        throw pathError("ENOENT", syscall, path);
      }
      throw renamePathError(err, syscall, path);
    }
    const type = entry.mode & S_IFMT;
    if (type === S_IFLNK && (!isLast || follow || mustBeDir)) {
      if (++links > MAX_SYMLINKS) throw pathError("ELOOP", syscall, path);
      const target = here.mount.fs.readlink(here.inner);
      if (target.startsWith("/")) {
        resolved.length = 0;
        current = "/";
        location = mounts.locate("/");
        stat = null;
      }
      for (const part of target.split("/").reverse()) todo.push(part);
      continue;
    }
    if (!isLast && type !== S_IFDIR) throw pathError("ENOTDIR", syscall, path);
    resolved.push(name);
    current = candidate;
    location = here;
    stat = entry;
  }
  if (stat === null) stat = location.mount.fs.lstat(location.inner);
  if (mustBeDir && (stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", syscall, path);
  return { path: current, stat, ...location };
}
function renamePathError(err, syscall, path) {
  return isKernelError(err) ? pathError(err.code, syscall, path) : err;
}

// ../../work/main/packages/kernel/src/vfs/kernel-fs.ts
var KernelFileSystem = class {
  constructor(mounts, permissions) {
    this.mounts = mounts;
    this.permissions = permissions;
  }
  mounts;
  permissions;
  /** Walks a path (absolute) and checks the policy for `op` on the result. */
  walk(path, follow, op, syscall) {
    const found = walkPath(this.mounts, path, follow, syscall);
    checkFs(this.permissions, { op, path: found.path });
    return found;
  }
  /** Metadata, following symlinks. */
  stat(path) {
    return this.existing(path, true, "stat", "stat").stat;
  }
  /** Metadata of the entry itself. */
  lstat(path) {
    return this.existing(path, false, "stat", "lstat").stat;
  }
  /** Directory entries, with mount points inside it. */
  readdir(path) {
    const dir = this.existing(path, true, "readdir", "scandir");
    if ((dir.stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "scandir", path);
    return this.listDirectory(dir);
  }
  /** Creates a directory (EEXIST if anything is there). */
  mkdir(path, mode) {
    const at = this.walk(path, false, "mkdir", "mkdir");
    if (at.stat) throw pathError("EEXIST", "mkdir", path);
    this.guard("mkdir", path, () => at.mount.fs.mkdir(at.inner, mode));
  }
  /** Removes an empty directory. */
  rmdir(path) {
    const at = this.existing(path, false, "rmdir", "rmdir");
    if (at.inner === "/") throw pathError("EBUSY", "rmdir", path);
    if ((at.stat.mode & S_IFMT) !== S_IFDIR) throw pathError("ENOTDIR", "rmdir", path);
    this.guard("rmdir", path, () => at.mount.fs.rmdir(at.inner));
  }
  /** Removes a non-directory. */
  unlink(path) {
    const at = this.existing(path, false, "unlink", "unlink");
    if ((at.stat.mode & S_IFMT) === S_IFDIR) throw pathError("EISDIR", "unlink", path);
    this.guard("unlink", path, () => at.mount.fs.unlink(at.inner));
  }
  /** Renames within one mount (EXDEV across mounts). */
  rename(from, to) {
    const src = this.existing(from, false, "rename", "rename");
    const dst = this.walk(to, false, "rename", "rename");
    if (src.inner === "/" || dst.inner === "/") throw pathError("EBUSY", "rename", from);
    if (src.mount !== dst.mount) throw pathError("EXDEV", "rename", from);
    if (src.path === dst.path) return;
    const srcIsDir = (src.stat.mode & S_IFMT) === S_IFDIR;
    if (srcIsDir && isPathWithin(dst.path, src.path)) throw pathError("EINVAL", "rename", from);
    if (dst.stat) {
      const dstIsDir = (dst.stat.mode & S_IFMT) === S_IFDIR;
      if (srcIsDir && !dstIsDir) throw pathError("ENOTDIR", "rename", to);
      if (!srcIsDir && dstIsDir) throw pathError("EISDIR", "rename", to);
    }
    this.guard("rename", from, () => src.mount.fs.rename(src.inner, dst.inner));
  }
  /** Creates a hard link (not to directories; EXDEV across mounts). */
  link(existing, newPath) {
    const src = this.existing(existing, false, "link", "link");
    const dst = this.walk(newPath, false, "link", "link");
    if (dst.stat) throw pathError("EEXIST", "link", newPath);
    if ((src.stat.mode & S_IFMT) === S_IFDIR) throw pathError("EPERM", "link", existing);
    if (src.mount !== dst.mount) throw pathError("EXDEV", "link", existing);
    this.guard("link", newPath, () => src.mount.fs.link(src.inner, dst.inner));
  }
  /** Creates a symlink holding `target` verbatim. */
  symlink(target, path) {
    if (target === "") throw pathError("ENOENT", "symlink", path);
    const at = this.walk(path, false, "symlink", "symlink");
    if (at.stat) throw pathError("EEXIST", "symlink", path);
    this.guard("symlink", path, () => at.mount.fs.symlink(target, at.inner));
  }
  /** The target of a symlink. */
  readlink(path) {
    const at = this.existing(path, false, "readlink", "readlink");
    if ((at.stat.mode & S_IFMT) !== S_IFLNK) throw pathError("EINVAL", "readlink", path);
    return this.guard("readlink", path, () => at.mount.fs.readlink(at.inner));
  }
  /** Sets permission bits (following symlinks). */
  chmod(path, mode) {
    const at = this.existing(path, true, "chmod", "chmod");
    this.guard("chmod", path, () => at.mount.fs.chmod(at.inner, mode & 4095));
  }
  /** Sets times. */
  utimes(path, atimeMs, mtimeMs, nofollow = false) {
    const at = this.existing(path, !nofollow, "utimes", "utime");
    this.guard("utime", path, () => at.mount.fs.utimes(at.inner, atimeMs, mtimeMs));
  }
  /** Truncates or extends a regular file. */
  truncate(path, length) {
    if (!Number.isSafeInteger(length) || length < 0) throw new KernelError("EINVAL", `length ${length}`, { syscall: "truncate", path });
    const at = this.existing(path, true, "truncate", "truncate");
    const type = at.stat.mode & S_IFMT;
    if (type === S_IFDIR) throw pathError("EISDIR", "truncate", path);
    if (type !== S_IFREG) throw pathError("EINVAL", "truncate", path);
    const handle = this.guard("truncate", path, () => at.mount.fs.open(at.inner, O_WRONLY, 0));
    try {
      handle.truncate(length);
    } finally {
      handle.close();
    }
  }
  /** The canonical path with every symlink resolved. */
  realpath(path) {
    return this.existing(path, true, "stat", "realpath").path;
  }
  /**
   * Opens a path for an open-file description. Handles O_CREAT, O_EXCL,
   * O_TRUNC, O_DIRECTORY and O_NOFOLLOW; directories open read-only;
   * `mode` is applied with the caller's umask already removed.
   */
  open(path, flags, mode) {
    const access = flags & O_ACCMODE;
    const wantsWrite = access !== O_RDONLY;
    const follow = (flags & O_NOFOLLOW) === 0 && !(flags & O_CREAT && flags & O_EXCL);
    const at = walkPath(this.mounts, path, follow, "open");
    if (at.stat === null) {
      if (!(flags & O_CREAT)) throw pathError("ENOENT", "open", path);
      if (flags & O_DIRECTORY) throw pathError("EINVAL", "open", path);
      checkFs(this.permissions, { op: "create", path: at.path });
      const created = this.guard("open", path, () => at.mount.fs.open(at.inner, access | O_CREAT | O_EXCL, mode));
      return { object: new RegularFileObject(created, "file"), path: at.path };
    }
    const type = at.stat.mode & S_IFMT;
    if (flags & O_CREAT && flags & O_EXCL) throw pathError("EEXIST", "open", path);
    if (type === S_IFLNK) throw pathError("ELOOP", "open", path);
    checkFs(this.permissions, { op: type === S_IFDIR ? "stat" : wantsWrite ? "write" : "read", path: at.path });
    if (type === S_IFDIR) {
      if (wantsWrite) throw pathError("EISDIR", "open", path);
      const dir = at;
      return { object: new DirectoryObject(dir.mount.fs, dir.inner, () => this.mountEntries(dir.path)), path: at.path };
    }
    if (flags & O_DIRECTORY) throw pathError("ENOTDIR", "open", path);
    if (type !== S_IFREG && type !== S_IFCHR) throw pathError("ENXIO", "open", path);
    const truncate = (flags & O_TRUNC) !== 0 && wantsWrite && type === S_IFREG;
    const handle = this.guard("open", path, () => at.mount.fs.open(at.inner, access | (truncate ? O_TRUNC : 0), mode));
    return { object: new RegularFileObject(handle, type === S_IFCHR ? "chardev" : "file"), path: at.path };
  }
  /** Walks to an entry that must exist. */
  existing(path, follow, op, syscall) {
    const at = this.walk(path, follow, op, syscall);
    if (at.stat === null) throw pathError("ENOENT", syscall, path);
    return at;
  }
  listDirectory(dir) {
    const entries = this.guard("scandir", dir.path, () => dir.mount.fs.readdir(dir.inner));
    const extra = this.mountEntries(dir.path).filter((e) => !entries.some((x) => x.name === e.name));
    return extra.length ? [...entries, ...extra] : entries;
  }
  mountEntries(dir) {
    return this.mounts.childMountNames(dir).map((name) => ({ name, type: "directory" }));
  }
  /** Runs a backend call; a backend error is re-issued naming the guest path. */
  guard(syscall, path, fn) {
    try {
      return fn();
    } catch (err) {
      if (isKernelError(err)) throw pathError(err.code, syscall, path);
      throw new KernelError("EIO", "the file system failed", { syscall, path, cause: err });
    }
  }
};

// ../../work/main/packages/kernel/src/vfs/kernel-vfs.ts
var encoder3 = new TextEncoder();
var decoder2 = new TextDecoder();
function createKernelVfs(fs, cwd = () => "/", umask = () => 18) {
  const abs = (path) => absolutePath(cwd(), path);
  const run = (fn) => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const readFileSync = (path) => {
    const { object } = fs.open(abs(path), O_RDONLY, 0);
    try {
      const chunks = [];
      let total = 0;
      for (; ; ) {
        const chunk = object.read(1 << 20, total);
        if (chunk.length === 0) break;
        chunks.push(chunk);
        total += chunk.length;
      }
      if (chunks.length === 1) return chunks[0];
      const out = new Uint8Array(total);
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.length;
      }
      return out;
    } finally {
      object.release();
    }
  };
  const writeSync = (path, content, flags, mode) => {
    const data = typeof content === "string" ? encoder3.encode(content) : content;
    const { object } = fs.open(abs(path), O_WRONLY | O_CREAT | flags, mode & ~umask());
    try {
      const position = flags & O_APPEND ? object.stat().size : 0;
      let written = 0;
      while (written < data.length) written += object.write(data.subarray(written), position + written);
    } finally {
      object.release();
    }
  };
  const mkdirSync = (path, options2 = {}) => {
    const mode = (options2.mode ?? 511) & ~umask();
    const target = abs(path);
    if (!options2.recursive) return fs.mkdir(target, mode);
    const missing = [];
    for (let dir = target; ; dir = dirnamePath(dir)) {
      try {
        if ((fs.stat(dir).mode & S_IFMT) !== S_IFDIR) return fs.mkdir(target, mode);
        break;
      } catch (err) {
        if (!isKernelError(err, "ENOENT") || dir === "/") throw err;
        missing.push(dir);
      }
    }
    for (const dir of missing.reverse()) {
      try {
        fs.mkdir(dir, mode);
      } catch (err) {
        if (!isKernelError(err, "EEXIST")) throw err;
      }
    }
  };
  const rmSync = (path, recursive) => {
    const target = abs(path);
    const st = fs.lstat(target);
    if ((st.mode & S_IFMT) !== S_IFDIR) return fs.unlink(target);
    if (!recursive) return fs.rmdir(target);
    for (const entry of fs.readdir(target)) rmSync(joinPath(target, entry.name), true);
    fs.rmdir(target);
  };
  return {
    readFile: (path) => run(() => readFileSync(path)),
    readTextFile: (path) => run(() => decoder2.decode(readFileSync(path))),
    writeFile: (path, content, mode = 438) => run(() => writeSync(path, content, O_TRUNC, mode)),
    appendFile: (path, content) => run(() => writeSync(path, content, O_APPEND, 438)),
    readdir: (path) => run(() => fs.readdir(abs(path)).map((e) => e.name).sort()),
    readdirWithTypes: (path) => run(() => fs.readdir(abs(path))),
    stat: (path) => run(() => fs.stat(abs(path))),
    lstat: (path) => run(() => fs.lstat(abs(path))),
    exists: (path) => run(() => {
      try {
        fs.stat(abs(path));
        return true;
      } catch (err) {
        if (isKernelError(err, "ENOENT") || isKernelError(err, "ENOTDIR") || isKernelError(err, "ELOOP")) return false;
        throw err;
      }
    }),
    mkdir: (path, options2) => run(() => mkdirSync(path, options2)),
    rmdir: (path) => run(() => fs.rmdir(abs(path))),
    unlink: (path) => run(() => fs.unlink(abs(path))),
    rm: (path, options2 = {}) => run(() => {
      try {
        rmSync(path, options2.recursive ?? false);
      } catch (err) {
        if (!(options2.force && isKernelError(err, "ENOENT"))) throw err;
      }
    }),
    rename: (from, to) => run(() => fs.rename(abs(from), abs(to))),
    symlink: (target, path) => run(() => fs.symlink(target, abs(path))),
    readlink: (path) => run(() => fs.readlink(abs(path))),
    link: (existing, newPath) => run(() => fs.link(abs(existing), abs(newPath))),
    chmod: (path, mode) => run(() => fs.chmod(abs(path), mode)),
    utimes: (path, atimeMs, mtimeMs, nofollow) => run(() => fs.utimes(abs(path), atimeMs, mtimeMs, nofollow)),
    truncate: (path, length) => run(() => fs.truncate(abs(path), length)),
    realpath: (path) => run(() => fs.realpath(abs(path)))
  };
}

// ../../work/main/packages/kernel/src/vfs/mount-table.ts
var MountTable = class {
  mounts;
  constructor(root) {
    this.mounts = [{ point: "/", fs: root }];
  }
  /** Mounts `fs` at `point` (EBUSY if something is mounted there already). */
  add(point, fs) {
    const at = normalizePath(point);
    if (this.mounts.some((m) => m.point === at)) {
      throw new KernelError("EBUSY", "already a mount point", { syscall: "mount", path: at });
    }
    this.mounts.push({ point: at, fs });
    this.mounts.sort((a, b) => b.point.length - a.point.length);
  }
  /** The mount holding `path` (normalized, absolute). */
  locate(path) {
    for (const mount of this.mounts) {
      if (isPathWithin(path, mount.point)) {
        const inner = mount.point === "/" ? path : path.slice(mount.point.length) || "/";
        return { mount, inner };
      }
    }
    throw new Error(`no mount holds ${path}: the root mount is missing`);
  }
  /** Names of mount points directly inside directory `dir` (so listings show them). */
  childMountNames(dir) {
    const names = [];
    for (const { point } of this.mounts) {
      if (point === "/" || point === dir) continue;
      const slash = point.lastIndexOf("/");
      const parent = slash === 0 ? "/" : point.slice(0, slash);
      if (parent === dir) names.push(point.slice(slash + 1));
    }
    return names;
  }
  /** Every mounted backend, root first. */
  backends() {
    return [...this.mounts].reverse().map((m) => m.fs);
  }
};

// ../../work/main/packages/kernel/src/kernel.ts
function createKernel(options2) {
  return new KernelImpl(options2);
}
var KernelImpl = class {
  vfs;
  mounts;
  fs;
  registry = new CommandRegistry();
  drivers = [];
  processManager;
  graceMs;
  warn;
  permissions;
  ready;
  disposed = false;
  constructor(options2) {
    if (!options2?.filesystem) throw new KernelError("EINVAL", "createKernel needs a filesystem");
    this.mounts = new MountTable(options2.filesystem);
    this.mounts.add("/dev", new DeviceFileSystem());
    for (const [point, fs] of Object.entries(options2.mounts ?? {})) this.mounts.add(point, fs);
    this.permissions = options2.permissions;
    this.fs = new KernelFileSystem(this.mounts, options2.permissions);
    this.vfs = createKernelVfs(this.fs);
    this.graceMs = options2.limits?.killGraceMs ?? 250;
    this.warn = options2.onWarning ?? ((message) => console.warn(message));
    this.processManager = new ProcessManager(this.fs, this.registry, () => this.drivers, {
      maxProcesses: options2.limits?.maxProcesses ?? 256,
      maxFdsPerProcess: options2.limits?.maxFdsPerProcess ?? DEFAULT_FD_LIMIT,
      permissions: options2.permissions,
      cwd: normalizePath(options2.cwd ?? "/"),
      env: filterEnv(options2.permissions, options2.env ?? {})
    });
    this.ready = this.mountNow(createShellDriver(), false);
  }
  get commands() {
    return this.registry.list();
  }
  get processes() {
    return this.processManager.table.all().map((p) => ({
      pid: p.pid,
      ppid: p.ppid,
      pgid: p.pgid,
      command: p.command,
      args: p.args,
      driver: p.owner,
      state: p.state,
      exitCode: p.exitCode
    }));
  }
  async mount(driver) {
    this.assertLive();
    await this.ready;
    await this.mountNow(driver, true);
  }
  async dispose() {
    if (this.disposed) return;
    this.disposed = true;
    await this.processManager.terminateAll(this.graceMs);
    for (const driver of [...this.drivers].reverse()) {
      try {
        await driver.dispose();
      } catch (err) {
        this.warn(`secure-exec: driver ${driver.name} failed to dispose: ${err?.message ?? err}`);
      }
    }
    this.drivers.length = 0;
    for (const fs of this.mounts.backends()) fs.dispose?.();
  }
  async exec(line, options2 = {}) {
    this.assertLive();
    if (typeof line !== "string") throw new KernelError("EINVAL", "exec takes a command line string", { syscall: "exec" });
    await this.ready;
    return execLine(this.processManager, line, options2, this.graceMs);
  }
  spawn(command, args = [], options2 = {}) {
    this.assertLive();
    if (typeof command !== "string" || !Array.isArray(args) || args.some((a) => typeof a !== "string")) {
      throw new KernelError("EINVAL", "spawn takes a command string and an array of string arguments", { syscall: "spawn" });
    }
    return this.processManager.spawn(command, args, { ...options2, ppid: 0 });
  }
  readFile(path) {
    return this.live(() => this.vfs.readFile(path));
  }
  writeFile(path, content) {
    return this.live(() => this.vfs.writeFile(path, content));
  }
  readdir(path) {
    return this.live(() => this.vfs.readdir(path));
  }
  stat(path) {
    return this.live(() => this.vfs.stat(path));
  }
  mkdir(path, options2) {
    return this.live(() => this.vfs.mkdir(path, options2));
  }
  exists(path) {
    return this.live(() => this.vfs.exists(path));
  }
  async mountNow(driver, report) {
    if (!driver || typeof driver.spawn !== "function" || typeof driver.init !== "function") {
      throw new KernelError("EINVAL", "mount takes a RuntimeDriver", { syscall: "mount" });
    }
    if (this.drivers.some((d) => d.name === driver.name)) {
      throw new KernelError("EEXIST", `a driver named ${driver.name} is already mounted`, { syscall: "mount" });
    }
    const context = { processes: this.processManager, fs: this.fs, vfs: this.vfs, permissions: this.permissions, assertLive: () => this.assertLive() };
    await driver.init(createKernelInterface(context, driver));
    if (this.disposed) {
      await driver.dispose();
      this.assertLive();
    }
    this.drivers.push(driver);
    for (const r of this.registry.register(driver)) {
      if (report) this.warn(`secure-exec: command ${r.command} now runs on driver ${r.next} (was ${r.previous})`);
    }
  }
  live(fn) {
    try {
      this.assertLive();
    } catch (err) {
      return Promise.reject(err);
    }
    return fn();
  }
  assertLive() {
    if (this.disposed) throw new KernelError("ESHUTDOWN", "the kernel has been disposed");
  }
};

// ../../work/main/packages/os-browser/src/inode-stat.ts
var encoder4 = new TextEncoder();
function inodeStat(node, dev) {
  const type = node.mode & S_IFMT;
  const size = type === S_IFDIR ? 4096 : type === S_IFLNK ? encoder4.encode(node.symlink).length : node.getSize();
  return {
    dev,
    ino: node.ino,
    mode: node.mode,
    nlink: node.nlink,
    uid: node.uid,
    gid: node.gid,
    size,
    atimeMs: node.atime.getTime(),
    mtimeMs: node.mtime.getTime(),
    ctimeMs: node.ctime.getTime(),
    birthtimeMs: node.btime.getTime()
  };
}
function inodeFileType(node) {
  switch (node.mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "symlink";
    default:
      return "unknown";
  }
}

// ../../work/main/packages/os-browser/src/in-memory-file.ts
var MAX_FILE_SIZE = 2 ** 31 - 1;
var InMemoryFile = class {
  constructor(node, path, flags, dev, onClose) {
    this.node = node;
    this.path = path;
    this.flags = flags;
    this.dev = dev;
    this.onClose = onClose;
  }
  node;
  path;
  flags;
  dev;
  onClose;
  closed = false;
  read(buffer, position) {
    this.checkOpen("read");
    if ((this.flags & O_ACCMODE) === O_WRONLY) throw pathError("EBADF", "read", this.path);
    checkPosition(position, "read", this.path);
    const size = this.node.getSize();
    if (position >= size) return 0;
    const count = Math.min(buffer.byteLength, size - position);
    buffer.set(this.node.buf.subarray(position, position + count));
    return count;
  }
  write(data, position) {
    this.checkWritable("write");
    checkPosition(position, "write", this.path);
    if (data.byteLength === 0) return 0;
    const end = position + data.byteLength;
    if (end > MAX_FILE_SIZE) throw pathError("EFBIG", "write", this.path);
    if (end > this.node.getSize()) this.node.truncate(end);
    this.node.buf.set(data, position);
    this.node.touch();
    return data.byteLength;
  }
  stat() {
    this.checkOpen("fstat");
    return inodeStat(this.node, this.dev);
  }
  truncate(length) {
    this.checkOpen("ftruncate");
    if ((this.flags & O_ACCMODE) === O_RDONLY) throw pathError("EINVAL", "ftruncate", this.path);
    if (!Number.isSafeInteger(length) || length < 0) throw pathError("EINVAL", "ftruncate", this.path);
    if (length > MAX_FILE_SIZE) throw pathError("EFBIG", "ftruncate", this.path);
    this.node.truncate(length);
  }
  utimes(atimeMs, mtimeMs) {
    this.checkOpen("futimes");
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "futimes", this.path);
    this.node.atime = new Date(atimeMs);
    this.node.mtime = new Date(mtimeMs);
  }
  sync() {
    this.checkOpen("fsync");
  }
  close() {
    this.checkOpen("close");
    this.closed = true;
    this.onClose(this.node);
  }
  checkOpen(syscall) {
    if (this.closed) throw pathError("EBADF", syscall, this.path);
  }
  checkWritable(syscall) {
    this.checkOpen(syscall);
    if ((this.flags & O_ACCMODE) === O_RDONLY) throw pathError("EBADF", syscall, this.path);
  }
};
function checkPosition(position, syscall, path) {
  if (!Number.isSafeInteger(position) || position < 0) throw pathError("EINVAL", syscall, path);
}

// ../../work/main/packages/os-browser/src/path-check.ts
var PATH_MAX2 = 4096;
var NAME_MAX2 = 255;
var SLASH2 = 47;
var DOT = 46;
var encoder5 = new TextEncoder();
function splitCheckedPath(path, syscall) {
  if (typeof path !== "string" || path.charCodeAt(0) !== SLASH2) throw pathError("EINVAL", syscall, String(path));
  const parts = [];
  if (path.length === 1) return parts;
  let start = 1;
  let ascii = true;
  for (let i = 1; i <= path.length; i++) {
    const c = i === path.length ? SLASH2 : path.charCodeAt(i);
    if (c === 0) throw pathError("EINVAL", syscall, path.replace(/\0/g, "\\0"));
    if (c > 127) ascii = false;
    if (c !== SLASH2) continue;
    const length = i - start;
    const dots = path.charCodeAt(start) === DOT && (length === 1 || length === 2 && path.charCodeAt(start + 1) === DOT);
    if (length === 0 || dots) throw pathError("EINVAL", syscall, path);
    const part = path.slice(start, i);
    if (length > NAME_MAX2 / 3 && (ascii ? length : encoder5.encode(part).length) > NAME_MAX2) {
      throw pathError("ENAMETOOLONG", syscall, path);
    }
    parts.push(part);
    start = i + 1;
  }
  if (path.length > PATH_MAX2 / 3 && (ascii ? path.length : encoder5.encode(path).length) > PATH_MAX2) {
    throw pathError("ENAMETOOLONG", syscall, path);
  }
  return parts;
}

// ../../work/main/packages/os-browser/src/in-memory-file-system.ts
var PERMISSION_BITS = 4095;
function isDirectory2(node) {
  return (node.mode & S_IFMT) === S_IFDIR;
}
function checkTraversable(node, syscall, path) {
  const type = node.mode & S_IFMT;
  if (type === S_IFDIR) return;
  throw pathError(type === S_IFLNK ? "ELOOP" : "ENOTDIR", syscall, path);
}
function entriesOf(dir) {
  const out = [];
  for (const [name, child] of dir.children) {
    if (child && name !== "." && name !== "..") out.push([name, child]);
  }
  return out;
}
function isEmptyDirectory(dir) {
  for (const [name, child] of dir.children) {
    if (child && name !== "." && name !== "..") return false;
  }
  return true;
}
var InMemoryFileSystem = class {
  constructor(sb, dev) {
    this.sb = sb;
    this.dev = dev;
  }
  sb;
  dev;
  openCounts = /* @__PURE__ */ new Map();
  lstat(path) {
    return inodeStat(this.lookup(path, "lstat").getNode(), this.dev);
  }
  readdir(path) {
    const dir = this.lookup(path, "scandir");
    if (!isDirectory2(dir.getNode())) throw pathError("ENOTDIR", "scandir", path);
    return entriesOf(dir).map(([name, child]) => {
      const node = child.getNode();
      return { name, type: inodeFileType(node), ino: node.ino };
    });
  }
  mkdir(path, mode) {
    const { parent, name } = this.slot(path, "mkdir");
    if (parent.children.get(name)) throw pathError("EEXIST", "mkdir", path);
    parent.createChild(name, this.sb.createNode(S_IFDIR | mode & PERMISSION_BITS));
  }
  rmdir(path) {
    if (path === "/") throw pathError("EBUSY", "rmdir", path);
    const link = this.lookup(path, "rmdir");
    if (!isDirectory2(link.getNode())) throw pathError("ENOTDIR", "rmdir", path);
    if (!isEmptyDirectory(link)) throw pathError("ENOTEMPTY", "rmdir", path);
    this.removeLink(link);
  }
  unlink(path) {
    const link = this.lookup(path, "unlink");
    if (isDirectory2(link.getNode())) throw pathError("EISDIR", "unlink", path);
    this.removeLink(link);
  }
  rename(from, to) {
    if (from === "/") throw pathError("EBUSY", "rename", from);
    if (to === "/") throw pathError("EBUSY", "rename", to);
    const source = this.lookup(from, "rename");
    const { parent, name } = this.slot(to, "rename");
    const node = source.getNode();
    const target = parent.children.get(name);
    if (target?.getNode() === node) return;
    if (isDirectory2(node) && to.startsWith(from + "/")) throw pathError("EINVAL", "rename", to);
    if (target) {
      const targetNode = target.getNode();
      if (isDirectory2(node) && !isDirectory2(targetNode)) throw pathError("ENOTDIR", "rename", to);
      if (!isDirectory2(node) && isDirectory2(targetNode)) throw pathError("EISDIR", "rename", to);
      if (isDirectory2(targetNode) && !isEmptyDirectory(target)) throw pathError("ENOTEMPTY", "rename", to);
      this.removeLink(target);
    }
    source.parent.deleteChild(source);
    source.name = name;
    parent.setChild(name, source);
    source.syncSteps();
    node.ctime = /* @__PURE__ */ new Date();
  }
  link(existing, newPath) {
    const source = this.lookup(existing, "link");
    const node = source.getNode();
    if (isDirectory2(node)) throw pathError("EPERM", "link", existing);
    const { parent, name } = this.slot(newPath, "link");
    if (parent.children.get(name)) throw pathError("EEXIST", "link", newPath);
    parent.createChild(name, node);
    node.nlink++;
  }
  symlink(target, path) {
    if (target === "" || target.includes("\0")) throw pathError(target === "" ? "ENOENT" : "EINVAL", "symlink", path);
    const { parent, name } = this.slot(path, "symlink");
    if (parent.children.get(name)) throw pathError("EEXIST", "symlink", path);
    const node = this.sb.createNode(S_IFLNK | 511);
    node.symlink = target;
    parent.createChild(name, node);
  }
  readlink(path) {
    const node = this.lookup(path, "readlink").getNode();
    if ((node.mode & S_IFMT) !== S_IFLNK) throw pathError("EINVAL", "readlink", path);
    return node.symlink;
  }
  chmod(path, mode) {
    const node = this.lookup(path, "chmod").getNode();
    if ((node.mode & S_IFMT) === S_IFLNK) throw pathError("ENOTSUP", "chmod", path);
    node.perm = mode & PERMISSION_BITS;
  }
  utimes(path, atimeMs, mtimeMs) {
    const node = this.lookup(path, "utimes").getNode();
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "utimes", path);
    node.atime = new Date(atimeMs);
    node.mtime = new Date(mtimeMs);
  }
  open(path, flags, mode) {
    const { parent, name } = this.slot(path, "open");
    let link = parent.children.get(name);
    if (link) {
      if (flags & O_CREAT && flags & O_EXCL) throw pathError("EEXIST", "open", path);
      const type = link.getNode().mode & S_IFMT;
      if (type === S_IFLNK) throw pathError("ELOOP", "open", path);
      if (type === S_IFDIR) throw pathError("EISDIR", "open", path);
      if (flags & O_TRUNC && (flags & O_ACCMODE) !== O_RDONLY) link.getNode().truncate(0);
    } else {
      if (!(flags & O_CREAT)) throw pathError("ENOENT", "open", path);
      link = parent.createChild(name, this.sb.createNode(S_IFREG | mode & PERMISSION_BITS));
    }
    const node = link.getNode();
    this.openCounts.set(node, (this.openCounts.get(node) ?? 0) + 1);
    return new InMemoryFile(node, path, flags, this.dev, this.release);
  }
  release = (node) => {
    const count = (this.openCounts.get(node) ?? 1) - 1;
    if (count > 0) {
      this.openCounts.set(node, count);
      return;
    }
    this.openCounts.delete(node);
    if (node.nlink <= 0) this.sb.deleteNode(node);
  };
  /** The link at `path`; ENOENT if a component is missing, ENOTDIR or ELOOP if a parent is not a directory. */
  lookup(path, syscall) {
    let link = this.sb.root;
    for (const part of splitCheckedPath(path, syscall)) {
      checkTraversable(link.getNode(), syscall, path);
      const child = link.children.get(part);
      if (!child) throw pathError("ENOENT", syscall, path);
      link = child;
    }
    return link;
  }
  /** The existing parent directory of `path` and its last component; EEXIST for "/". */
  slot(path, syscall) {
    const parts = splitCheckedPath(path, syscall);
    if (parts.length === 0) throw pathError(syscall === "open" ? "EISDIR" : "EEXIST", syscall, path);
    let parent = this.sb.root;
    for (let i = 0; i < parts.length - 1; i++) {
      const child = parent.children.get(parts[i]);
      if (!child) throw pathError("ENOENT", syscall, path);
      checkTraversable(child.getNode(), syscall, path);
      parent = child;
    }
    return { parent, name: parts[parts.length - 1] };
  }
  /** Removes one directory entry; frees the inode when no link and no handle is left. */
  removeLink(link) {
    const node = link.getNode();
    this.sb.deleteLink(link);
    node.nlink = isDirectory2(node) ? 0 : node.nlink - 1;
    if (node.nlink <= 0 && !this.openCounts.has(node)) this.sb.deleteNode(node);
  }
};

// ../../work/main/packages/os-browser/src/memfs-types.ts
var import_Superblock = __toESM(require_Superblock(), 1);

// ../../work/main/packages/os-browser/src/create-in-memory-file-system.ts
var SKELETON_DIRECTORIES = [
  ["/bin", 493],
  ["/dev", 493],
  ["/etc", 493],
  ["/home", 493],
  ["/home/user", 493],
  ["/tmp", 1023],
  ["/usr", 493],
  ["/usr/bin", 493]
];
var nextDev = 1;
function createInMemoryFileSystem(options2 = {}) {
  const uid = options2.uid ?? 0;
  const gid = options2.gid ?? 0;
  const sb = new import_Superblock.Superblock({
    process: { getuid: () => uid, getgid: () => gid, cwd: () => "/", platform: "linux", emitWarning: () => {
    }, env: {} }
  });
  const root = sb.root.getNode();
  root.mode = S_IFDIR | 493;
  root.uid = uid;
  root.gid = gid;
  root.nlink = 2;
  const fs = new InMemoryFileSystem(sb, nextDev++);
  if (!options2.empty) {
    for (const [path, mode] of SKELETON_DIRECTORIES) {
      fs.mkdir(path, mode);
    }
  }
  return fs;
}

// ../../work/main/packages/driver-wasmvm/src/binary/wasm-binary.ts
var WASM_HEADER = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
var WASM_PAGE = 65536;
var MAX_PAGES = 65536;
function isWasm(bytes) {
  if (bytes.length < WASM_HEADER.length) return false;
  for (let i = 0; i < WASM_HEADER.length; i++) if (bytes[i] !== WASM_HEADER[i]) return false;
  return true;
}
var WasmFormatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "WasmFormatError";
  }
};
var Reader = class {
  constructor(bytes, pos, end) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }
  bytes;
  pos;
  end;
  byte() {
    if (this.pos >= this.end) throw new WasmFormatError("unexpected end of section");
    return this.bytes[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (; ; ) {
      const b = this.byte();
      result += (b & 127) * 2 ** shift;
      if ((b & 128) === 0) return result;
      shift += 7;
      if (shift > 35) throw new WasmFormatError("LEB128 too long");
    }
  }
  name() {
    const len = this.u32();
    if (this.pos + len > this.end) throw new WasmFormatError("name runs past its section");
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return text;
  }
};
function leb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 128;
    out.push(b);
  } while (value !== 0);
  return out;
}
function sections(bytes) {
  if (!isWasm(bytes)) throw new WasmFormatError("not a WebAssembly module (bad magic or version)");
  const list2 = [];
  let pos = WASM_HEADER.length;
  while (pos < bytes.length) {
    const headerStart = pos;
    const r = new Reader(bytes, pos + 1, bytes.length);
    const size = r.u32();
    if (r.pos + size > bytes.length) throw new WasmFormatError("section runs past the end of the module");
    list2.push({ id: bytes[pos], start: r.pos, end: r.pos + size, headerStart });
    pos = r.pos + size;
  }
  return list2;
}
function customSections(bytes, name) {
  const found = [];
  for (const s of sections(bytes)) {
    if (s.id !== 0) continue;
    const r = new Reader(bytes, s.start, s.end);
    if (r.name() === name) found.push(bytes.subarray(r.pos, s.end));
  }
  return found;
}
function readLimits(r) {
  const start = r.pos;
  const flags = r.byte();
  const min = r.u32();
  const max = flags & 1 ? r.u32() : void 0;
  return { flags, min, max, start, end: r.pos };
}
function skipImportDescription(r, kind) {
  if (kind === 0) r.u32();
  else if (kind === 1) {
    r.byte();
    readLimits(r);
  } else if (kind === 2) return readLimits(r);
  else if (kind === 3) {
    r.byte();
    r.byte();
  } else if (kind === 4) {
    r.byte();
    r.u32();
  } else throw new WasmFormatError(`unknown import kind ${kind}`);
  return void 0;
}
function capMemory(bytes, maxPages) {
  const cap = Math.min(maxPages, MAX_PAGES);
  const edits = [];
  let importedMemory;
  const plan = (limits, section) => {
    if (limits.flags > 1) return limits.max ?? limits.min;
    if (limits.min > cap) {
      throw new RangeError(`the program needs ${limits.min * 64} KiB of memory at start, over the cap of ${cap * 64} KiB`);
    }
    const max = Math.min(limits.max ?? MAX_PAGES, cap);
    if (limits.max !== max) edits.push({ start: limits.start, end: limits.end, replacement: [1, ...leb(limits.min), ...leb(max)], section });
    return max;
  };
  for (const s of sections(bytes)) {
    const r = new Reader(bytes, s.start, s.end);
    if (s.id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const module = r.name();
        const name = r.name();
        const limits = skipImportDescription(r, r.byte());
        if (limits) importedMemory = { module, name, initial: limits.min, maximum: plan(limits, s) };
      }
    } else if (s.id === 5) {
      const count = r.u32();
      for (let i = 0; i < count; i++) plan(readLimits(r), s);
    }
  }
  if (edits.length === 0) return { bytes, importedMemory };
  return { bytes: applyEdits(bytes, edits), importedMemory };
}
function applyEdits(bytes, edits) {
  const chunks = [];
  let cursor = 0;
  const touched = [...new Set(edits.map((e) => e.section))].sort((a, b) => a.headerStart - b.headerStart);
  for (const s of touched) {
    chunks.push(bytes.subarray(cursor, s.headerStart));
    const content = [];
    let pos = s.start;
    for (const edit of edits.filter((e) => e.section === s).sort((a, b) => a.start - b.start)) {
      content.push(...bytes.subarray(pos, edit.start), ...edit.replacement);
      pos = edit.end;
    }
    content.push(...bytes.subarray(pos, s.end));
    chunks.push(new Uint8Array([s.id, ...leb(content.length), ...content]));
    cursor = s.end;
  }
  chunks.push(bytes.subarray(cursor));
  let total = 0;
  for (const c of chunks) total += c.length;
  const result = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    result.set(c, offset);
    offset += c.length;
  }
  return result;
}

// ../../work/main/packages/driver-wasmvm/src/binary/command-list.ts
var COMMANDS_SECTION = "secure-exec.commands";
function readCommandList(bytes) {
  const names = [];
  for (const section of customSections(bytes, COMMANDS_SECTION)) {
    for (const line of new TextDecoder().decode(section).split("\n")) {
      const name = line.trim();
      if (name !== "" && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

// ../../work/main/packages/driver-wasmvm/src/binary/load-bytes.ts
var nodeFs;
function loadNodeFs() {
  const specifier = "node:fs/promises";
  nodeFs ??= import(
    /* @vite-ignore */
    specifier
  );
  return nodeFs;
}
async function loadBytes(source) {
  if (source instanceof Uint8Array) return source;
  const url = source instanceof URL ? source : /^(file|https?|data|blob):/.test(source) ? new URL(source) : void 0;
  if (url && url.protocol !== "file:") {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const fs = await loadNodeFs();
  return new Uint8Array(await fs.readFile(url ?? source));
}

// ../../work/main/packages/driver-wasmvm/src/module-cache.ts
var nextProgramId = 1;
function programFromModule(module) {
  return { programId: nextProgramId++, module };
}
var MAX_CONTENT_ENTRIES = 64;
var loaded = /* @__PURE__ */ new Map();
var byIdentity = /* @__PURE__ */ new WeakMap();
var byContent = /* @__PURE__ */ new Map();
async function compile(bytes, maxPages) {
  const capped = capMemory(bytes, maxPages);
  const module = await WebAssembly.compile(capped.bytes);
  return { programId: nextProgramId++, module, importedMemory: capped.importedMemory };
}
function loadBinary(source) {
  if (source instanceof Uint8Array) return Promise.resolve(source);
  const key = source instanceof URL ? source.href : source;
  let bytes = loaded.get(key);
  if (!bytes) {
    bytes = loadBytes(source);
    loaded.set(key, bytes);
    bytes.catch(() => loaded.delete(key));
  }
  return bytes;
}
function programFromBytes(bytes, maxPages) {
  let perCap = byIdentity.get(bytes);
  if (!perCap) {
    perCap = /* @__PURE__ */ new Map();
    byIdentity.set(bytes, perCap);
  }
  let program = perCap.get(maxPages);
  if (!program) {
    program = compile(bytes, maxPages);
    perCap.set(maxPages, program);
    program.catch(() => perCap.delete(maxPages));
  }
  return program;
}
async function programFromContent(bytes, maxPages) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const key = `${maxPages}:${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  let program = byContent.get(key);
  if (program) {
    byContent.delete(key);
  } else {
    program = compile(bytes, maxPages);
    program.catch(() => byContent.delete(key));
  }
  byContent.set(key, program);
  if (byContent.size > MAX_CONTENT_ENTRIES) byContent.delete(byContent.keys().next().value);
  return program;
}

// ../../work/main/packages/driver-wasmvm/src/shared/time.ts
function msToNs(ms) {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1000000n + BigInt(Math.round((ms - whole) * 1e6));
}
function nsToMs(ns) {
  return Number(ns / 1000000n) + Number(ns % 1000000n) / 1e6;
}
function encodeTimestamps(values) {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => view.setBigUint64(i * 8, BigInt.asUintN(64, value), true));
  return out;
}
function decodeTimestamps(bytes, count) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = [];
  for (let i = 0; i < count; i++) values.push(view.getBigUint64(i * 8, true));
  return values;
}

// ../../work/main/packages/driver-wasmvm/src/host/precise-times.ts
var PreciseTimes = class {
  constructor(limit = 4096) {
    this.limit = limit;
  }
  limit;
  entries = /* @__PURE__ */ new Map();
  /** After a guest set times: `stored` is the file's stat now; the ns values are what the guest asked for (undefined: not set exactly). */
  remember(stored, atimeNs, mtimeNs) {
    const key = `${stored.dev}:${stored.ino}`;
    const old = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, {
      atimeMs: stored.atimeMs,
      atimeNs: atimeNs ?? (old && old.atimeMs === stored.atimeMs ? old.atimeNs : void 0),
      mtimeMs: stored.mtimeMs,
      mtimeNs: mtimeNs ?? (old && old.mtimeMs === stored.mtimeMs ? old.mtimeNs : void 0)
    });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value);
  }
  /** atime, mtime and ctime of `stat` in nanoseconds, exact where a guest set them. */
  times(stat) {
    const entry = this.entries.get(`${stat.dev}:${stat.ino}`);
    const atime = entry?.atimeNs !== void 0 && entry.atimeMs === stat.atimeMs ? entry.atimeNs : msToNs(stat.atimeMs);
    const mtime = entry?.mtimeNs !== void 0 && entry.mtimeMs === stat.mtimeMs ? entry.mtimeNs : msToNs(stat.mtimeMs);
    return [atime, mtime, msToNs(stat.ctimeMs)];
  }
};

// ../../work/main/packages/kernel/src/bridge/protocol.ts
var BridgeState = {
  /** No conversation in progress. */
  IDLE: 0,
  /** The client sent the last (or only) chunk of a request; the host runs the call. */
  REQUEST: 1,
  /** The client sent a chunk of a request and more chunks follow. */
  REQUEST_PART: 2,
  /** The client asks for the next chunk of the reply payload. */
  CONTINUE: 3,
  /** The host answered: a reply chunk, or an ack of a request part. */
  RESPONSE: 4,
  /** The host is gone; the client's calls fail from now on. */
  CLOSED: 5
};
var Slot = {
  STATE: 0,
  OP: 1,
  STATUS: 2,
  /** Payload bytes in the current chunk. */
  CHUNK_LENGTH: 3,
  /** Payload bytes of the whole message (request or reply). */
  TOTAL_LENGTH: 4,
  /** 1 while the client sleeps in Atomics.wait: only then does the host notify. */
  CLIENT_WAITING: 5,
  /** 1 while the host sleeps in Atomics.waitAsync: only then does the client notify. */
  HOST_WAITING: 6
};
var VALUES_OFFSET = 32;
var VALUE_COUNT = 8;
var HEADER_BYTES = 128;
var DEFAULT_PAYLOAD_BYTES = 1 << 20;
var STATUS_THROWN = -2147483647;
function createBridgeBuffer(payloadBytes = DEFAULT_PAYLOAD_BYTES) {
  if (!Number.isInteger(payloadBytes) || payloadBytes < 64) {
    throw new RangeError(`bridge payload area must be an integer of at least 64 bytes, got ${payloadBytes}`);
  }
  return new SharedArrayBuffer(HEADER_BYTES + payloadBytes);
}
var BridgeViews = class {
  constructor(buffer) {
    this.buffer = buffer;
    if (buffer.byteLength < HEADER_BYTES + 64) throw new RangeError("bridge buffer too small");
    this.i32 = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.u32 = new Uint32Array(buffer, 0, HEADER_BYTES / 4);
    this.values = new Float64Array(buffer, VALUES_OFFSET, VALUE_COUNT);
    this.payload = new Uint8Array(buffer, HEADER_BYTES);
  }
  buffer;
  i32;
  u32;
  values;
  payload;
};

// ../../work/main/packages/kernel/src/bridge/copy.ts
var MIN_WIDE = 256;
function copyBytes(target, source, offset = 0) {
  const length = source.length;
  const head = (8 - source.byteOffset % 8) % 8;
  const targetStart = target.byteOffset + offset;
  if (length < MIN_WIDE || (targetStart + head) % 8 !== 0) {
    target.set(source, offset);
    return;
  }
  const words = Math.floor((length - head) / 8);
  const tail = head + words * 8;
  if (head > 0) target.set(source.subarray(0, head), offset);
  new BigInt64Array(target.buffer, targetStart + head, words).set(
    new BigInt64Array(source.buffer, source.byteOffset + head, words)
  );
  if (tail < length) target.set(source.subarray(tail), offset + tail);
}
function copyOut(source) {
  const copy = new Uint8Array(source.length);
  copyBytes(copy, source);
  return copy;
}

// ../../work/main/packages/kernel/src/bridge/host.ts
var waitAsync = Atomics.waitAsync;
var EMPTY3 = new Uint8Array(0);
var encoder6 = new TextEncoder();
function describeThrown(error) {
  if (error instanceof Error) {
    const code = error.code;
    return { name: error.name, message: error.message, ...typeof code === "string" ? { code } : {} };
  }
  return { name: "Error", message: String(error) };
}
var BridgeHost = class {
  constructor(buffer, handler, options2 = {}) {
    this.handler = handler;
    this.options = options2;
    this.views = new BridgeViews(buffer);
    this.capacity = this.views.payload.length;
  }
  handler;
  options;
  views;
  capacity;
  running = false;
  stopped = false;
  partial = null;
  partialLength = 0;
  pending = [];
  pendingPart = 0;
  pendingOffset = 0;
  scratch = EMPTY3;
  /** Whether the host stopped serving (`close` or `release`). */
  get closed() {
    return this.stopped;
  }
  /** Starts serving calls. Idempotent. */
  start() {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.serve();
  }
  /**
   * Stops serving: marks the channel closed and wakes a waiting client, whose
   * current and later calls throw `BridgeClosedError`. A handler still
   * running finishes, but its reply is dropped.
   */
  close() {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.views.i32, Slot.STATE, BridgeState.CLOSED);
    Atomics.notify(this.views.i32, Slot.STATE);
  }
  /**
   * Stops serving but leaves the channel open, so that a new host (with
   * another handler) can serve the same client, e.g. the next process on a
   * pooled worker. Call it only between calls, when the client is not
   * waiting for a reply.
   */
  release() {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.notify(this.views.i32, Slot.STATE);
  }
  async serve() {
    const i32 = this.views.i32;
    while (!this.stopped) {
      const state = Atomics.load(i32, Slot.STATE);
      if (state === BridgeState.REQUEST) {
        const request = this.takeRequest();
        let response;
        try {
          const result = this.handler(request);
          response = isPromiseLike(result) ? await result : result;
        } catch (error) {
          response = { status: STATUS_THROWN, payload: encoder6.encode(JSON.stringify(describeThrown(error))) };
        }
        if (this.stopped) return;
        this.beginReply(response);
      } else if (state === BridgeState.REQUEST_PART) {
        this.takePart();
        this.answer(0, 0);
      } else if (state === BridgeState.CONTINUE) {
        this.sendPendingChunk();
      } else if (state === BridgeState.CLOSED) {
        return;
      } else {
        Atomics.store(i32, Slot.HOST_WAITING, 1);
        const wait = waitAsync(i32, Slot.STATE, state);
        if (wait.async) await wait.value;
        if (this.stopped) return;
        Atomics.store(i32, Slot.HOST_WAITING, 0);
      }
    }
  }
  takePart() {
    const { u32, payload } = this.views;
    const total = u32[Slot.TOTAL_LENGTH];
    const chunk = u32[Slot.CHUNK_LENGTH];
    if (this.partial === null) {
      this.partial = new Uint8Array(total);
      this.partialLength = 0;
    }
    copyBytes(this.partial, payload.subarray(0, chunk), this.partialLength);
    this.partialLength += chunk;
  }
  takeRequest() {
    const { i32, u32, values, payload: area } = this.views;
    const chunk = u32[Slot.CHUNK_LENGTH];
    let payload;
    if (this.partial !== null) {
      copyBytes(this.partial, area.subarray(0, chunk), this.partialLength);
      payload = this.partial;
      this.partial = null;
    } else if (chunk === 0) {
      payload = EMPTY3;
    } else if (this.options.borrowPayload) {
      if (this.scratch.length < chunk) this.scratch = new Uint8Array(Math.max(chunk, Math.min(this.capacity, 2 * this.scratch.length)));
      payload = this.scratch.subarray(0, chunk);
      copyBytes(payload, area.subarray(0, chunk));
    } else {
      payload = copyOut(area.subarray(0, chunk));
    }
    return { op: i32[Slot.OP], args: values.slice(), payload };
  }
  beginReply(response) {
    const values = this.views.values;
    const given = response.values;
    const count = given ? Math.min(given.length, VALUE_COUNT) : 0;
    for (let i = 0; i < count; i++) values[i] = given[i];
    for (let i = count; i < VALUE_COUNT; i++) values[i] = 0;
    const payload = response.payload ?? EMPTY3;
    this.pending = payload instanceof Uint8Array ? [payload] : payload;
    this.pendingPart = 0;
    this.pendingOffset = 0;
    let total = 0;
    for (const part of this.pending) total += part.length;
    this.views.u32[Slot.TOTAL_LENGTH] = total;
    this.views.i32[Slot.STATUS] = response.status ?? 0;
    this.sendPendingChunk();
  }
  /** Copies the next payload-area's worth of the pending reply into the channel and answers. */
  sendPendingChunk() {
    const area = this.views.payload;
    let filled = 0;
    while (filled < this.capacity && this.pendingPart < this.pending.length) {
      const part = this.pending[this.pendingPart];
      const n = Math.min(this.capacity - filled, part.length - this.pendingOffset);
      if (n > 0) copyBytes(area, part.subarray(this.pendingOffset, this.pendingOffset + n), filled);
      filled += n;
      this.pendingOffset += n;
      if (this.pendingOffset >= part.length) {
        this.pendingPart += 1;
        this.pendingOffset = 0;
      }
    }
    if (this.pendingPart >= this.pending.length) this.pending = [];
    this.views.u32[Slot.CHUNK_LENGTH] = filled;
    this.respond();
  }
  /** Hands the turn back to the client, waking it only if it sleeps. */
  respond() {
    const i32 = this.views.i32;
    Atomics.store(i32, Slot.STATE, BridgeState.RESPONSE);
    if (Atomics.load(i32, Slot.CLIENT_WAITING) !== 0) Atomics.notify(i32, Slot.STATE, 1);
  }
  answer(status, chunk) {
    this.views.i32[Slot.STATUS] = status;
    this.views.u32[Slot.CHUNK_LENGTH] = chunk;
    this.respond();
  }
};
function isPromiseLike(value) {
  return typeof value?.then === "function";
}

// ../../work/main/packages/kernel/src/bridge/workers.ts
var nodeWorkerThreads;
function loadNodeWorkerThreads() {
  const specifier = "node:worker_threads";
  nodeWorkerThreads ??= import(
    /* @vite-ignore */
    specifier
  );
  return nodeWorkerThreads;
}
function hasWebWorkers() {
  return typeof globalThis.Worker === "function";
}
function toError(value) {
  if (value instanceof Error) return value;
  const message = value?.message;
  return new Error(typeof message === "string" ? message : "worker error");
}
async function startWorker(url, options2 = {}) {
  if (hasWebWorkers()) return startWebWorker(url, options2);
  const { Worker: Worker2 } = await loadNodeWorkerThreads();
  const target = typeof url === "string" && /^[a-z][a-z0-9+.-]*:/i.test(url) ? new URL(url) : url;
  const worker = new Worker2(target, { name: options2.name });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    onMessage(listener) {
      worker.on("message", listener);
      return () => worker.off("message", listener);
    },
    onError(listener) {
      const handler = (error) => listener(toError(error));
      worker.on("error", handler);
      return () => worker.off("error", handler);
    },
    terminate: async () => {
      await worker.terminate();
    },
    ref: () => worker.ref(),
    unref: () => worker.unref()
  };
}
function startWebWorker(url, options2) {
  const worker = new Worker(url, { type: "module", name: options2.name });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage(listener) {
      const handler = (event) => listener(event.data);
      worker.addEventListener("message", handler);
      return () => worker.removeEventListener("message", handler);
    },
    onError(listener) {
      const handler = (event) => listener(toError(event.error ?? event));
      worker.addEventListener("error", handler);
      return () => worker.removeEventListener("error", handler);
    },
    terminate: async () => worker.terminate(),
    ref: () => void 0,
    unref: () => void 0
  };
}

// ../../work/main/packages/driver-wasmvm/src/shared/wasi-defs.ts
var Errno = {
  SUCCESS: 0,
  "2BIG": 1,
  ACCES: 2,
  ADDRINUSE: 3,
  ADDRNOTAVAIL: 4,
  AFNOSUPPORT: 5,
  AGAIN: 6,
  ALREADY: 7,
  BADF: 8,
  BADMSG: 9,
  BUSY: 10,
  CANCELED: 11,
  CHILD: 12,
  CONNABORTED: 13,
  CONNREFUSED: 14,
  CONNRESET: 15,
  DEADLK: 16,
  DESTADDRREQ: 17,
  DOM: 18,
  DQUOT: 19,
  EXIST: 20,
  FAULT: 21,
  FBIG: 22,
  HOSTUNREACH: 23,
  IDRM: 24,
  ILSEQ: 25,
  INPROGRESS: 26,
  INTR: 27,
  INVAL: 28,
  IO: 29,
  ISCONN: 30,
  ISDIR: 31,
  LOOP: 32,
  MFILE: 33,
  MLINK: 34,
  MSGSIZE: 35,
  MULTIHOP: 36,
  NAMETOOLONG: 37,
  NETDOWN: 38,
  NETRESET: 39,
  NETUNREACH: 40,
  NFILE: 41,
  NOBUFS: 42,
  NODEV: 43,
  NOENT: 44,
  NOEXEC: 45,
  NOLCK: 46,
  NOLINK: 47,
  NOMEM: 48,
  NOMSG: 49,
  NOPROTOOPT: 50,
  NOSPC: 51,
  NOSYS: 52,
  NOTCONN: 53,
  NOTDIR: 54,
  NOTEMPTY: 55,
  NOTRECOVERABLE: 56,
  NOTSOCK: 57,
  NOTSUP: 58,
  NOTTY: 59,
  NXIO: 60,
  OVERFLOW: 61,
  OWNERDEAD: 62,
  PERM: 63,
  PIPE: 64,
  PROTO: 65,
  PROTONOSUPPORT: 66,
  PROTOTYPE: 67,
  RANGE: 68,
  ROFS: 69,
  SPIPE: 70,
  SRCH: 71,
  STALE: 72,
  TIMEDOUT: 73,
  TXTBSY: 74,
  XDEV: 75,
  NOTCAPABLE: 76
};
function errnoFromCode(code) {
  const value = Errno[code.startsWith("E") ? code.slice(1) : code];
  return value === void 0 || value === 0 ? Errno.IO : value;
}
var Filetype = {
  UNKNOWN: 0,
  BLOCK_DEVICE: 1,
  CHARACTER_DEVICE: 2,
  DIRECTORY: 3,
  REGULAR_FILE: 4,
  SOCKET_DGRAM: 5,
  SOCKET_STREAM: 6,
  SYMBOLIC_LINK: 7
};
var Rights = {
  FD_DATASYNC: 1 << 0,
  FD_READ: 1 << 1,
  FD_SEEK: 1 << 2,
  FD_FDSTAT_SET_FLAGS: 1 << 3,
  FD_SYNC: 1 << 4,
  FD_TELL: 1 << 5,
  FD_WRITE: 1 << 6,
  FD_ADVISE: 1 << 7,
  FD_ALLOCATE: 1 << 8,
  PATH_CREATE_DIRECTORY: 1 << 9,
  PATH_CREATE_FILE: 1 << 10,
  PATH_LINK_SOURCE: 1 << 11,
  PATH_LINK_TARGET: 1 << 12,
  PATH_OPEN: 1 << 13,
  FD_READDIR: 1 << 14,
  PATH_READLINK: 1 << 15,
  PATH_RENAME_SOURCE: 1 << 16,
  PATH_RENAME_TARGET: 1 << 17,
  PATH_FILESTAT_GET: 1 << 18,
  PATH_FILESTAT_SET_SIZE: 1 << 19,
  PATH_FILESTAT_SET_TIMES: 1 << 20,
  FD_FILESTAT_GET: 1 << 21,
  FD_FILESTAT_SET_SIZE: 1 << 22,
  FD_FILESTAT_SET_TIMES: 1 << 23,
  PATH_SYMLINK: 1 << 24,
  PATH_REMOVE_DIRECTORY: 1 << 25,
  PATH_UNLINK_FILE: 1 << 26,
  POLL_FD_READWRITE: 1 << 27,
  SOCK_SHUTDOWN: 1 << 28,
  SOCK_ACCEPT: 1 << 29
};
var ALL_RIGHTS = (1 << 30) - 1;
var Fdflags = { APPEND: 1, DSYNC: 2, NONBLOCK: 4, RSYNC: 8, SYNC: 16 };
var Oflags = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 };
var LOOKUP_SYMLINK_FOLLOW = 1;
var Fstflags = { ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8 };
var Eventtype = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 };
var Size = { IOVEC: 8, FDSTAT: 24, FILESTAT: 64, DIRENT: 24, PRESTAT: 8, SUBSCRIPTION: 48, EVENT: 32 };

// ../../work/main/packages/driver-wasmvm/src/shared/ops.ts
var Op = {
  /** [fd, maxBytes] → payload: the bytes read (empty at end of file). */
  FD_READ: 1,
  /** [fd] + payload → [bytesWritten]. */
  FD_WRITE: 2,
  /** [fd, maxBytes, offset] → payload. */
  FD_PREAD: 3,
  /** [fd, offset] + payload → [bytesWritten]. */
  FD_PWRITE: 4,
  /** [fd, offset, whence] → [newOffset]. */
  FD_SEEK: 5,
  /** [fd]. */
  FD_CLOSE: 6,
  /** [fd]. */
  FD_SYNC: 7,
  /** [fd] → [filetype, fdflags, isatty, accessMode]. */
  FD_FDSTAT: 8,
  /** [fd, fdflags]. */
  FD_SET_FLAGS: 9,
  /** [fd] → filestat values (see FILESTAT_VALUES) + payload: atim, mtim, ctim (u64 ns each). */
  FD_FILESTAT: 10,
  /** [fd, size]. */
  FD_SET_SIZE: 11,
  /** [fd, fstflags] + payload: atim, mtim (u64 ns each). */
  FD_SET_TIMES: 12,
  /** [fd, cookie, bufferBytes] → payload: dirent records, cut at bufferBytes. */
  FD_READDIR: 13,
  /** [from, to]. */
  FD_RENUMBER: 14,
  /** [fd, offset, length]. */
  FD_ALLOCATE: 15,
  /** [fd, offset, length, advice]. */
  FD_ADVISE: 16,
  /** [dirfd, lookupflags, oflags, fdflags, accessMode] + path → [fd, filetype]. */
  PATH_OPEN: 17,
  /** [dirfd] + path. */
  PATH_CREATE_DIRECTORY: 18,
  /** [dirfd] + path. */
  PATH_REMOVE_DIRECTORY: 19,
  /** [dirfd] + path. */
  PATH_UNLINK_FILE: 20,
  /** [oldDirfd, newDirfd] + "old\0new". */
  PATH_RENAME: 21,
  /** [dirfd] + "target\0path". */
  PATH_SYMLINK: 22,
  /** [dirfd] + path → payload: the link's target. */
  PATH_READLINK: 23,
  /** [oldDirfd, lookupflags, newDirfd] + "old\0new". */
  PATH_LINK: 24,
  /** [dirfd, lookupflags] + path → filestat values + payload: atim, mtim, ctim. */
  PATH_FILESTAT: 25,
  /** [dirfd, lookupflags, fstflags] + payload: atim, mtim (u64 ns each), then the path. */
  PATH_SET_TIMES: 26,
  /** [timeoutMs (-1: none)] + payload: (u32 fd, u32 eventtype) pairs → payload: (u32 index, u32 errno) pairs of ready entries. */
  POLL: 27,
  /** [stdinFd, stdoutFd, stderrFd] + JSON { argv, env?, cwd? } → [pid]. */
  PROC_SPAWN: 28,
  /** [pid, options] → [pid, status]. */
  PROC_WAITPID: 29,
  /** [pid, signal]. */
  PROC_KILL: 30,
  /** [] → [readFd, writeFd]. */
  FD_PIPE: 31,
  /** [fd] → [newFd]. */
  FD_DUP: 32,
  /** [oldFd, newFd]. */
  FD_DUP2: 33,
  /** path → payload: the new absolute cwd. */
  PROC_CHDIR: 34,
  /** [follow] + absolute path → [st_mode, uid, gid]. */
  PATH_STAT_EXT: 35,
  /** [mode] + absolute path. */
  PATH_CHMOD: 36
};
var FILESTAT_VALUES = { DEV: 0, INO: 1, FILETYPE: 2, NLINK: 3, SIZE: 4 };

// ../../work/main/packages/driver-wasmvm/src/host/dirents.ts
function encodeDirents(entries, cookie, limit) {
  let total = 0;
  for (let i = cookie; i < entries.length && total < limit; i++) total += Size.DIRENT + entries[i].name.length;
  const out = new Uint8Array(Math.min(total, limit));
  const full = new Uint8Array(total);
  const view = new DataView(full.buffer);
  let offset = 0;
  for (let i = cookie; i < entries.length && offset < limit; i++) {
    const entry = entries[i];
    view.setBigUint64(offset, BigInt(i + 1), true);
    view.setBigUint64(offset + 8, BigInt(entry.ino), true);
    view.setUint32(offset + 16, entry.name.length, true);
    view.setUint8(offset + 20, entry.filetype);
    full.set(entry.name, offset + Size.DIRENT);
    offset += Size.DIRENT + entry.name.length;
  }
  out.set(full.subarray(0, out.length));
  return out;
}

// ../../work/main/packages/driver-wasmvm/src/host/filetype.ts
function wasiFiletype(type) {
  switch (type) {
    case "file":
      return Filetype.REGULAR_FILE;
    case "directory":
      return Filetype.DIRECTORY;
    case "symlink":
      return Filetype.SYMBOLIC_LINK;
    case "chardev":
      return Filetype.CHARACTER_DEVICE;
    case "socket":
      return Filetype.SOCKET_STREAM;
    default:
      return Filetype.UNKNOWN;
  }
}
function wasiFiletypeOfMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return Filetype.REGULAR_FILE;
    case S_IFDIR:
      return Filetype.DIRECTORY;
    case S_IFLNK:
      return Filetype.SYMBOLIC_LINK;
    case S_IFCHR:
      return Filetype.CHARACTER_DEVICE;
    case S_IFBLK:
      return Filetype.BLOCK_DEVICE;
    case S_IFSOCK:
      return Filetype.SOCKET_STREAM;
    default:
      return Filetype.UNKNOWN;
  }
}

// ../../work/main/packages/driver-wasmvm/src/host/poll.ts
function decode(payload) {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const subs = [];
  for (let off = 0; off + 8 <= payload.length; off += 8) {
    subs.push({ fd: view.getUint32(off, true), type: view.getUint32(off + 4, true) });
  }
  return subs;
}
function readyList(ki, pid, subs) {
  const ready = [];
  subs.forEach((sub, index) => {
    try {
      const state = ki.fdPoll(pid, sub.fd);
      if (sub.type === Eventtype.FD_READ ? state.readable : state.writable) ready.push([index, 0]);
    } catch (error) {
      const code = error.code;
      ready.push([index, typeof code === "string" ? errnoFromCode(code) : Errno.IO]);
    }
  });
  return ready;
}
function encode(ready) {
  const out = new Uint8Array(ready.length * 8);
  const view = new DataView(out.buffer);
  ready.forEach(([index, errno], i) => {
    view.setUint32(i * 8, index, true);
    view.setUint32(i * 8 + 4, errno, true);
  });
  return out;
}
async function pollFds(ki, pid, timeoutMs, payload) {
  const subs = decode(payload);
  let ready = readyList(ki, pid, subs);
  if (ready.length > 0 || timeoutMs === 0) return encode(ready);
  const abort = new AbortController();
  let timer;
  const waits = subs.map(
    (sub) => ki.fdWaitReady(pid, sub.fd, sub.type === Eventtype.FD_READ ? "read" : "write", abort.signal).catch(() => void 0)
  );
  if (timeoutMs > 0) waits.push(new Promise((resolve) => timer = setTimeout(resolve, timeoutMs)));
  try {
    await Promise.race(waits);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  ready = readyList(ki, pid, subs);
  return encode(ready);
}

// ../../work/main/packages/driver-wasmvm/src/host/fd-ops.ts
var encoder7 = new TextEncoder();
function filestatReply(stat, times) {
  const values = new Array(5);
  values[FILESTAT_VALUES.DEV] = stat.dev;
  values[FILESTAT_VALUES.INO] = stat.ino;
  values[FILESTAT_VALUES.FILETYPE] = wasiFiletypeOfMode(stat.mode);
  values[FILESTAT_VALUES.NLINK] = stat.nlink;
  values[FILESTAT_VALUES.SIZE] = stat.size;
  return { values, payload: encodeTimestamps(times.times(stat)) };
}
async function setTimes(flags, requested, times, current, apply) {
  const [atimNs, mtimNs] = decodeTimestamps(requested, 2);
  const now2 = Date.now();
  const old = await current();
  const atime = flags & Fstflags.ATIM_NOW ? now2 : flags & Fstflags.ATIM ? nsToMs(atimNs) : old.atimeMs;
  const mtime = flags & Fstflags.MTIM_NOW ? now2 : flags & Fstflags.MTIM ? nsToMs(mtimNs) : old.mtimeMs;
  const stored = await apply(atime, mtime);
  times.remember(stored, flags & Fstflags.ATIM ? atimNs : void 0, flags & Fstflags.MTIM ? mtimNs : void 0);
  return OK;
}
function fdOps({ ki, pid, times }) {
  const listings = /* @__PURE__ */ new Map();
  const listing = async (fd) => {
    const st = ki.fdStat(pid, fd);
    if (st.filetype !== "directory") throw new KernelError("ENOTDIR", `fd ${fd}`, { syscall: "getdents" });
    const dir = st.path ?? "/";
    const self = ki.fdFilestat(pid, fd);
    const parent = dir === "/" ? self : await ki.vfs.stat(dirnamePath(dir)).catch(() => self);
    const entries = [
      { name: encoder7.encode("."), ino: self.ino, filetype: wasiFiletypeOfMode(S_IFDIR) },
      { name: encoder7.encode(".."), ino: parent.ino, filetype: wasiFiletypeOfMode(S_IFDIR) }
    ];
    for (const entry of ki.fdReaddir(pid, fd)) {
      let ino = entry.ino;
      if (ino === void 0) ino = (await ki.vfs.lstat(joinPath(dir, entry.name)).catch(() => ({ ino: 0 }))).ino;
      entries.push({ name: encoder7.encode(entry.name), ino, filetype: wasiFiletype(entry.type) });
    }
    return entries;
  };
  const onFile = async (fd, io) => {
    try {
      return await io();
    } catch (error) {
      if (ki.fdStat(pid, fd).filetype === "directory") throw new KernelError("EISDIR", `fd ${fd}`, { syscall: "read" });
      throw error;
    }
  };
  const readAvailable = async (fd, length) => {
    const first = await ki.fdRead(pid, fd, length);
    if (first.length === 0 || first.length >= length || !ki.fdPoll(pid, fd).readable) return first;
    const parts = [first];
    let total = first.length;
    while (total < length && ki.fdPoll(pid, fd).readable) {
      const more = await ki.fdRead(pid, fd, length - total);
      if (more.length === 0) break;
      parts.push(more);
      total += more.length;
    }
    return parts;
  };
  const ops = {
    [Op.FD_READ]: (a) => onFile(a[0], async () => ({ payload: await readAvailable(a[0], a[1]) })),
    [Op.FD_WRITE]: (a, payload) => onFile(a[0], async () => ({ values: [await ki.fdWrite(pid, a[0], payload)] })),
    [Op.FD_PREAD]: (a) => onFile(a[0], async () => ({ payload: await ki.fdPread(pid, a[0], a[1], BigInt(a[2])) })),
    [Op.FD_PWRITE]: (a, payload) => onFile(a[0], async () => ({ values: [await ki.fdPwrite(pid, a[0], payload, BigInt(a[1]))] })),
    [Op.FD_SEEK]: (a) => {
      if (ki.fdStat(pid, a[0]).filetype === "directory") throw new KernelError("EBADF", "seek on a directory", { syscall: "lseek" });
      return { values: [Number(ki.fdSeek(pid, a[0], BigInt(a[1]), a[2]))] };
    },
    [Op.FD_CLOSE]: (a) => {
      ki.fdClose(pid, a[0]);
      listings.delete(a[0]);
      return OK;
    },
    [Op.FD_SYNC]: (a) => {
      ki.fdSync(pid, a[0]);
      return OK;
    },
    [Op.FD_FDSTAT]: (a) => {
      const st = ki.fdStat(pid, a[0]);
      const flags = (st.flags & O_APPEND ? Fdflags.APPEND : 0) | (st.flags & O_NONBLOCK ? Fdflags.NONBLOCK : 0);
      const tty = ki.isatty(pid, a[0]) ? 1 : 0;
      return { values: [wasiFiletype(st.filetype), flags, tty, st.flags & O_ACCMODE] };
    },
    [Op.FD_SET_FLAGS]: (a) => {
      const flags = (a[1] & Fdflags.APPEND ? O_APPEND : 0) | (a[1] & Fdflags.NONBLOCK ? O_NONBLOCK : 0);
      ki.fdSetFlags(pid, a[0], flags);
      return OK;
    },
    [Op.FD_FILESTAT]: (a) => filestatReply(ki.fdFilestat(pid, a[0]), times),
    [Op.FD_SET_SIZE]: (a) => {
      ki.fdTruncate(pid, a[0], a[1]);
      return OK;
    },
    [Op.FD_SET_TIMES]: (a, payload) => setTimes(a[1], payload, times, () => ki.fdFilestat(pid, a[0]), (atime, mtime) => {
      ki.fdUtimes(pid, a[0], atime, mtime);
      return ki.fdFilestat(pid, a[0]);
    }),
    [Op.FD_READDIR]: async (a) => {
      const fd = a[0];
      const cookie = a[1];
      let entries = cookie === 0 ? void 0 : listings.get(fd);
      if (!entries) {
        entries = await listing(fd);
        listings.set(fd, entries);
      }
      return { payload: encodeDirents(entries, cookie, a[2]) };
    },
    [Op.FD_RENUMBER]: (a) => {
      const [from, to] = [a[0], a[1]];
      ki.fdStat(pid, from);
      ki.fdStat(pid, to);
      if (from !== to) {
        ki.fdDup2(pid, from, to);
        ki.fdClose(pid, from);
        listings.delete(from);
        listings.delete(to);
      }
      return OK;
    },
    [Op.FD_ALLOCATE]: (a) => {
      const stat = ki.fdFilestat(pid, a[0]);
      const type = stat.mode & S_IFMT;
      if (type === S_IFDIR) throw new KernelError("EISDIR", void 0, { syscall: "fallocate" });
      if (type !== S_IFREG) throw new KernelError("ESPIPE", void 0, { syscall: "fallocate" });
      const end = a[1] + a[2];
      if (end > stat.size) ki.fdTruncate(pid, a[0], end);
      else if (!(ki.fdStat(pid, a[0]).flags & O_ACCMODE)) throw new KernelError("EBADF", "not open for writing", { syscall: "fallocate" });
      return OK;
    },
    [Op.FD_ADVISE]: (a) => {
      const st = ki.fdStat(pid, a[0]);
      if (st.filetype === "pipe" || st.filetype === "socket") throw new KernelError("ESPIPE", void 0, { syscall: "fadvise" });
      if (st.filetype === "directory") throw new KernelError("EBADF", "fadvise on a directory", { syscall: "fadvise" });
      return OK;
    },
    [Op.POLL]: async (a, payload) => ({ payload: await pollFds(ki, pid, a[0], payload) })
  };
  return ops;
}

// ../../work/main/packages/driver-wasmvm/src/host/resolve-at.ts
function resolveAt(ki, pid, dirfd, path, syscall) {
  const dir = ki.fdStat(pid, dirfd);
  if (dir.filetype !== "directory" || dir.path === void 0) {
    throw new KernelError("ENOTDIR", `fd ${dirfd} is not a directory`, { syscall });
  }
  if (path.length === 0) throw new KernelError("ENOENT", "empty path", { syscall });
  if (path.includes("\0")) throw new KernelError("EINVAL", "NUL byte in path", { syscall });
  if (path.startsWith("/")) throw new KernelError("EPERM", "absolute path", { syscall, path });
  let depth = 0;
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      depth -= 1;
      if (depth < 0) throw new KernelError("EPERM", "path leaves its directory", { syscall, path });
    } else {
      depth += 1;
    }
  }
  return dir.path === "/" ? `/${path}` : `${dir.path}/${path}`;
}
function hasTrailingSlash(path) {
  return path.length > 1 && path.endsWith("/");
}

// ../../work/main/packages/driver-wasmvm/src/host/path-ops.ts
var decoder3 = new TextDecoder();
var encoder8 = new TextEncoder();
function splitPair(payload) {
  const nul = payload.indexOf(0);
  return [decoder3.decode(payload.subarray(0, nul)), decoder3.decode(payload.subarray(nul + 1))];
}
function openFlags(args) {
  const [lookup, oflags, fdflags, access] = [args[1], args[2], args[3], args[4]];
  let flags = access | O_CLOEXEC;
  if (oflags & Oflags.CREAT) flags |= O_CREAT;
  if (oflags & Oflags.DIRECTORY) flags |= O_DIRECTORY;
  if (oflags & Oflags.EXCL) flags |= O_EXCL;
  if (oflags & Oflags.TRUNC) flags |= O_TRUNC;
  if (fdflags & Fdflags.APPEND) flags |= O_APPEND;
  if (fdflags & Fdflags.NONBLOCK) flags |= O_NONBLOCK;
  if (!(lookup & LOOKUP_SYMLINK_FOLLOW)) flags |= O_NOFOLLOW;
  return flags;
}
async function rejectSlashOnFile(ki, raw, path, syscall) {
  if (!hasTrailingSlash(raw)) return;
  const stat = await ki.vfs.lstat(path.replace(/\/+$/, ""));
  const type = stat.mode & S_IFMT;
  const isDir = type === S_IFDIR || type === S_IFLNK && await ki.vfs.stat(path).then((s) => (s.mode & S_IFMT) === S_IFDIR, () => false);
  if (!isDir) throw new KernelError("ENOTDIR", void 0, { syscall, path: raw });
}
function pathOps({ ki, pid, times }) {
  const at = (dirfd, payload, syscall) => {
    const raw = decoder3.decode(payload);
    return [raw, resolveAt(ki, pid, dirfd, raw, syscall)];
  };
  return {
    [Op.PATH_OPEN]: (a, payload) => {
      const [raw, path] = at(a[0], payload, "open");
      const fd = ki.fdOpen(pid, path, openFlags(a) | (hasTrailingSlash(raw) ? O_DIRECTORY : 0), 438);
      return { values: [fd, wasiFiletype(ki.fdStat(pid, fd).filetype)] };
    },
    [Op.PATH_CREATE_DIRECTORY]: async (a, payload) => {
      const [, path] = at(a[0], payload, "mkdir");
      await ki.vfs.mkdir(path.replace(/\/+$/, "") || "/");
      return OK;
    },
    [Op.PATH_REMOVE_DIRECTORY]: async (a, payload) => {
      const [, path] = at(a[0], payload, "rmdir");
      await ki.vfs.rmdir(path.replace(/\/+$/, "") || "/");
      return OK;
    },
    [Op.PATH_UNLINK_FILE]: async (a, payload) => {
      const [raw, path] = at(a[0], payload, "unlink");
      if (hasTrailingSlash(raw)) {
        const stat = await ki.vfs.lstat(path.replace(/\/+$/, ""));
        throw new KernelError((stat.mode & S_IFMT) === S_IFDIR ? "EISDIR" : "ENOTDIR", void 0, { syscall: "unlink", path: raw });
      }
      await ki.vfs.unlink(path);
      return OK;
    },
    [Op.PATH_RENAME]: async (a, payload) => {
      const [rawFrom, rawTo] = splitPair(payload);
      const from = resolveAt(ki, pid, a[0], rawFrom, "rename");
      const to = resolveAt(ki, pid, a[1], rawTo, "rename");
      await rejectSlashOnFile(ki, rawFrom, from, "rename");
      if (hasTrailingSlash(rawTo)) {
        const source = await ki.vfs.lstat(from.replace(/\/+$/, ""));
        if ((source.mode & S_IFMT) !== S_IFDIR) throw new KernelError("ENOTDIR", void 0, { syscall: "rename", path: rawTo });
      }
      await ki.vfs.rename(from.replace(/\/+$/, ""), to.replace(/\/+$/, ""));
      return OK;
    },
    [Op.PATH_SYMLINK]: async (a, payload) => {
      const [target, rawPath] = splitPair(payload);
      const path = resolveAt(ki, pid, a[0], rawPath, "symlink");
      if (target.startsWith("/") && ki.fdStat(pid, a[0]).path !== "/") {
        throw new KernelError("EPERM", "absolute symlink target outside the root directory", { syscall: "symlink", path: rawPath });
      }
      if (hasTrailingSlash(rawPath)) {
        const exists2 = await ki.vfs.lstat(path.replace(/\/+$/, "")).then(() => true, () => false);
        throw new KernelError(exists2 ? "EEXIST" : "ENOENT", void 0, { syscall: "symlink", path: rawPath });
      }
      await ki.vfs.symlink(target, path);
      return OK;
    },
    [Op.PATH_READLINK]: async (a, payload) => {
      const [, path] = at(a[0], payload, "readlink");
      return { payload: encoder8.encode(await ki.vfs.readlink(path)) };
    },
    [Op.PATH_LINK]: async (a, payload) => {
      const [rawFrom, rawTo] = splitPair(payload);
      let from = resolveAt(ki, pid, a[0], rawFrom, "link");
      const to = resolveAt(ki, pid, a[2], rawTo, "link");
      if (a[1] & LOOKUP_SYMLINK_FOLLOW) from = await ki.vfs.realpath(from);
      await rejectSlashOnFile(ki, rawFrom, from, "link");
      if (hasTrailingSlash(rawTo)) throw new KernelError("ENOENT", void 0, { syscall: "link", path: rawTo });
      await ki.vfs.link(from.replace(/\/+$/, ""), to);
      return OK;
    },
    [Op.PATH_FILESTAT]: async (a, payload) => {
      const [raw, path] = at(a[0], payload, "stat");
      const follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) !== 0 || hasTrailingSlash(raw);
      return filestatReply(follow ? await ki.vfs.stat(path) : await ki.vfs.lstat(path), times);
    },
    [Op.PATH_SET_TIMES]: (a, payload) => {
      const [, path] = at(a[0], payload.subarray(16), "utimes");
      const follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) !== 0;
      const stat = () => follow ? ki.vfs.stat(path) : ki.vfs.lstat(path);
      return setTimes(a[2], payload.subarray(0, 16), times, stat, async (atime, mtime) => {
        await ki.vfs.utimes(path, atime, mtime, !follow);
        return stat();
      });
    },
    [Op.PATH_STAT_EXT]: async (a, payload) => {
      const path = ki.resolvePath(pid, decoder3.decode(payload));
      const stat = a[0] ? await ki.vfs.stat(path) : await ki.vfs.lstat(path);
      return { values: [stat.mode, stat.uid, stat.gid] };
    },
    [Op.PATH_CHMOD]: async (a, payload) => {
      await ki.vfs.chmod(ki.resolvePath(pid, decoder3.decode(payload)), a[0]);
      return OK;
    }
  };
}

// ../../work/main/packages/driver-wasmvm/src/host/process-ops.ts
var decoder4 = new TextDecoder();
var encoder9 = new TextEncoder();
function envRecord(list2) {
  const env = {};
  for (const item of list2) {
    const eq = item.indexOf("=");
    if (eq > 0) env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}
function processOps({ ki, pid }) {
  return {
    [Op.PROC_SPAWN]: (a, payload) => {
      const request = JSON.parse(decoder4.decode(payload));
      const [command, ...args] = request.argv;
      if (command === void 0) throw new KernelError("EINVAL", "empty argv", { syscall: "spawn" });
      const child = ki.spawn(command, args, {
        ppid: pid,
        env: request.env ? envRecord(request.env) : void 0,
        cwd: request.cwd === void 0 ? void 0 : ki.resolvePath(pid, request.cwd),
        stdinFd: a[0],
        stdoutFd: a[1],
        stderrFd: a[2]
      });
      return { values: [child.pid] };
    },
    [Op.PROC_WAITPID]: async (a) => {
      const result = await ki.waitpid(pid, a[0], a[1]);
      return { values: result ? [result.pid, result.status] : [0, 0] };
    },
    [Op.PROC_KILL]: (a) => {
      ki.kill(pid, a[0], a[1]);
      return OK;
    },
    [Op.FD_PIPE]: () => {
      const { readFd: readFd2, writeFd: writeFd2 } = ki.pipe(pid);
      return { values: [readFd2, writeFd2] };
    },
    [Op.FD_DUP]: (a) => ({ values: [ki.fdDup(pid, a[0], 0, true)] }),
    [Op.FD_DUP2]: (a) => {
      ki.fdDup2(pid, a[0], a[1]);
      return OK;
    },
    [Op.PROC_CHDIR]: (_a, payload) => {
      ki.chdir(pid, decoder4.decode(payload));
      return { payload: encoder9.encode(ki.getcwd(pid)) };
    }
  };
}

// ../../work/main/packages/driver-wasmvm/src/host/syscall-handler.ts
var OK = {};
function failure(error) {
  const code = error?.code;
  if (error instanceof Error && error.name === "KernelError" && typeof code === "string") {
    return { status: errnoFromCode(code) };
  }
  throw error;
}
function createSyscallHandler(ki, pid, times) {
  const ctx = { ki, pid, times };
  const table = { ...fdOps(ctx), ...pathOps(ctx), ...processOps(ctx) };
  return ({ op, args, payload }) => {
    const handler = table[op];
    if (!handler) return { status: Errno.NOSYS };
    try {
      const result = handler(args, payload);
      return result instanceof Promise ? result.catch(failure) : result;
    } catch (error) {
      return failure(error);
    }
  };
}

// ../../work/main/packages/driver-wasmvm/src/shared/messages.ts
var WORKER_PROGRAM_SLOTS = 16;

// ../../work/main/packages/driver-wasmvm/src/shared/program-slots.ts
var ProgramSlots = class {
  slots = /* @__PURE__ */ new Map();
  /** Whether program `id` is held. */
  has(id) {
    return this.slots.has(id);
  }
  /** The value held for program `id`. */
  get(id) {
    return this.slots.get(id);
  }
  /** Records that program `id` was sent, dropping the oldest beyond the limit. */
  add(id, value) {
    this.slots.delete(id);
    this.slots.set(id, value);
    if (this.slots.size > WORKER_PROGRAM_SLOTS) this.slots.delete(this.slots.keys().next().value);
  }
};

// ../../work/main/packages/driver-wasmvm/src/worker-pool.ts
function programFor(entry, program) {
  const { programId, module, importedMemory } = program;
  if (entry.programs.has(programId)) {
    entry.programs.add(programId, true);
    return { programId, importedMemory };
  }
  entry.programs.add(programId, true);
  return { programId, module, importedMemory };
}
var WorkerPool = class {
  constructor(url, size, preload) {
    this.url = url;
    this.size = size;
    this.preload = preload;
  }
  url;
  size;
  preload;
  idle = [];
  live = /* @__PURE__ */ new Set();
  waiters = [];
  starting = 0;
  disposed = false;
  /** Starts workers until `size` are idle or on their way. */
  fill() {
    while (!this.disposed && this.idle.length + this.starting < Math.max(this.size, this.waiters.length)) this.startOne();
  }
  /** Takes an idle worker, waiting for one to start if none is idle. */
  acquire() {
    if (this.disposed) return Promise.reject(new Error("worker pool disposed"));
    const entry = this.idle.pop();
    const taken = entry ? Promise.resolve(entry) : new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.fill();
    return taken.then((e) => {
      e.worker.ref();
      return e;
    });
  }
  /** Gives back a worker whose process exited normally. */
  release(entry) {
    if (this.disposed || !this.live.has(entry)) return;
    if (this.idle.length >= 2 * this.size + 1 && this.waiters.length === 0) {
      this.discard(entry, false);
      return;
    }
    this.hand(entry);
  }
  /** Terminates a worker (its process was killed) and starts a replacement. */
  discard(entry, replace = true) {
    this.live.delete(entry);
    void entry.worker.terminate();
    if (replace) this.fill();
  }
  /** Terminates every worker; pending acquires fail. */
  async dispose() {
    this.disposed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("worker pool disposed"));
    this.idle.length = 0;
    const all = [...this.live];
    this.live.clear();
    await Promise.all(all.map((entry) => entry.worker.terminate()));
  }
  /** An idle worker died (a busy one is reported by its process, which discards it). */
  lost(entry) {
    const at = this.idle.indexOf(entry);
    if (at < 0) return;
    this.idle.splice(at, 1);
    this.discard(entry);
  }
  hand(entry) {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(entry);
    else {
      entry.worker.unref();
      this.idle.push(entry);
    }
  }
  startOne() {
    this.starting += 1;
    startWorker(this.url, { name: "secure-exec-wasi" }).then(
      (worker) => new Promise((resolve, reject) => {
        const entry = { worker, channel: createBridgeBuffer(), hasChannel: false, programs: new ProgramSlots() };
        const offError = worker.onError(reject);
        const offMessage = worker.onMessage((message) => {
          if (message.type !== "ready") return;
          offMessage();
          offError();
          worker.onError(() => this.lost(entry));
          resolve(entry);
        });
        if (this.disposed) void worker.terminate();
        else this.live.add(entry);
      })
    ).then(
      (entry) => {
        this.starting -= 1;
        if (this.disposed) {
          void entry.worker.terminate();
          return;
        }
        if (this.preload) {
          const prepare = { type: "prepare", ...programFor(entry, this.preload) };
          entry.worker.postMessage(prepare);
        }
        this.hand(entry);
      },
      (error) => {
        this.starting -= 1;
        const waiter = this.waiters.shift();
        waiter?.reject(new Error(`cannot start a WASI worker: ${error.message}`));
      }
    );
  }
};

// ../../work/main/packages/driver-wasmvm/src/wasi-process.ts
var IGNORED_SIGNALS = /* @__PURE__ */ new Set([0, 17, 18, 19, 20, 21, 22, 23, 28]);
var PREOPEN_FD = 3;
var StartError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
    this.name = "StartError";
  }
  exitCode;
};
var WasiProcess = class {
  constructor(options2) {
    this.options = options2;
    this.exit = new Promise((resolve) => this.resolveExit = resolve);
    void this.start().catch((error) => this.failToStart(error));
  }
  options;
  onExit = null;
  onStdout = null;
  onStderr = null;
  exit;
  resolveExit;
  exitCode;
  pooled;
  host;
  detach;
  writeStdin() {
  }
  closeStdin() {
  }
  kill(signal) {
    if (this.exitCode !== void 0 || IGNORED_SIGNALS.has(signal)) return;
    this.detach?.();
    this.host?.close();
    if (this.pooled) this.options.pool.discard(this.pooled);
    this.pooled = void 0;
    this.finish(128 + signal);
  }
  wait() {
    return this.exit;
  }
  async start() {
    const { ki, ctx, argv, pool } = this.options;
    const program = await this.options.program;
    if (this.exitCode !== void 0) return;
    if (this.options.preopenRoot) this.placePreopen();
    const pooled = await pool.acquire();
    if (this.exitCode !== void 0) {
      pool.release(pooled);
      return;
    }
    this.pooled = pooled;
    const { worker, channel } = pooled;
    this.host = new BridgeHost(channel, createSyscallHandler(ki, ctx.pid, this.options.times), { borrowPayload: true });
    this.host.start();
    const offMessage = worker.onMessage((message) => {
      if (message.type === "exit") this.exited(message.code);
    });
    const offError = worker.onError((error) => {
      if (this.pooled !== pooled) return;
      void this.report(`internal error in the WASI worker: ${error.message}`).finally(() => this.kill(6));
    });
    this.detach = () => {
      offMessage();
      offError();
    };
    const run = {
      type: "run",
      ...programFor(pooled, program),
      channel: pooled.hasChannel ? void 0 : channel,
      argv,
      env: Object.entries(ctx.env).map(([name, value]) => `${name}=${value}`),
      pid: ctx.pid,
      ppid: ctx.ppid,
      cwd: ctx.cwd,
      preopens: this.options.preopenRoot ? [{ fd: PREOPEN_FD, name: "/" }] : []
    };
    pooled.hasChannel = true;
    worker.postMessage(run);
  }
  /** Opens "/" as descriptor 3, moving an inherited descriptor 3 out of the way. */
  placePreopen() {
    const { ki, ctx } = this.options;
    const pid = ctx.pid;
    const fd = ki.fdOpen(pid, "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd === PREOPEN_FD) return;
    const taken = fd > PREOPEN_FD || this.isOpen(PREOPEN_FD);
    if (taken) ki.fdDup(pid, PREOPEN_FD, PREOPEN_FD + 1);
    ki.fdDup2(pid, fd, PREOPEN_FD);
    ki.fdSetCloseOnExec(pid, PREOPEN_FD, true);
    ki.fdClose(pid, fd);
  }
  isOpen(fd) {
    try {
      this.options.ki.fdStat(this.options.ctx.pid, fd);
      return true;
    } catch {
      return false;
    }
  }
  exited(code) {
    if (this.exitCode !== void 0) return;
    const pooled = this.pooled;
    this.pooled = void 0;
    this.detach?.();
    this.host?.release();
    if (pooled) this.options.pool.release(pooled);
    this.finish(code);
  }
  async failToStart(error) {
    if (this.exitCode !== void 0) return;
    const exitCode = error instanceof StartError ? error.exitCode : 126;
    const message = error instanceof Error ? error.message : String(error);
    await this.report(message);
    this.finish(exitCode);
  }
  /** Writes "argv0: message" to the process's stderr, ignoring a failure to do so. */
  async report(message) {
    const { ki, ctx, argv } = this.options;
    try {
      await ki.fdWrite(ctx.pid, ctx.fds.stderr, new TextEncoder().encode(`${argv[0]}: ${message}
`));
    } catch {
    }
  }
  finish(code) {
    if (this.exitCode !== void 0) return;
    this.exitCode = code;
    this.resolveExit(code);
    this.onExit?.(code);
    this.options.onEnded(this);
  }
};

// ../../work/main/packages/driver-wasmvm/src/runtime.ts
var DEFAULT_MEMORY_LIMIT = 512 * 1024 * 1024;
function defaultBinary() {
  return new URL("../wasm/commands.wasm", import.meta.url);
}
function defaultWorkerUrl() {
  return new URL("./worker.js", import.meta.url);
}
function createWasmVmRuntime(options2 = {}) {
  const maxPages = Math.floor((options2.memoryLimit ?? DEFAULT_MEMORY_LIMIT) / WASM_PAGE);
  if (!(maxPages >= 1)) throw new RangeError(`memoryLimit must be at least ${WASM_PAGE} bytes`);
  const extra = options2.commands ?? {};
  let kernel = null;
  let pool = null;
  let multicall = null;
  const running = /* @__PURE__ */ new Set();
  const times = new PreciseTimes();
  const givenModules = /* @__PURE__ */ new Map();
  const programFor2 = (name) => {
    const given = extra[name];
    if (given instanceof WebAssembly.Module) {
      let program = givenModules.get(name);
      if (!program) givenModules.set(name, program = Promise.resolve(programFromModule(given)));
      return program;
    }
    if (given !== void 0) return loadBinary(given).then((bytes) => programFromBytes(bytes, maxPages));
    return driver.commands.includes(name) ? multicall ?? void 0 : void 0;
  };
  const programAtPath = async (ki, path) => {
    let bytes;
    try {
      bytes = await ki.vfs.readFile(path);
    } catch (error) {
      const code = error.code;
      throw new StartError(`${error.message}`, code === "ENOENT" ? 127 : 126);
    }
    if (!isWasm(bytes)) throw new StartError("cannot execute: not a WebAssembly module", 126);
    return programFromContent(bytes, maxPages);
  };
  const driver = {
    name: "wasmvm",
    commands: [],
    stdin: "fd",
    async init(ki) {
      if (kernel) throw new Error("wasmvm driver initialized twice");
      const source = options2.binary ?? options2.wasmBinaryPath ?? defaultBinary();
      const bytes = await loadBinary(source);
      multicall = programFromBytes(bytes, maxPages);
      const preload = await multicall;
      pool = new WorkerPool(options2.workerUrl ?? defaultWorkerUrl(), options2.poolSize ?? 2, preload);
      pool.fill();
      const names = readCommandList(bytes);
      for (const name of Object.keys(extra)) if (!names.includes(name)) names.push(name);
      driver.commands = names;
      kernel = ki;
    },
    canExecute(header) {
      return isWasm(header);
    },
    spawn(command, args, ctx) {
      if (!kernel || !pool) throw new Error("wasmvm driver used before init");
      const ki = kernel;
      const program = command.includes("/") ? programAtPath(ki, ki.resolvePath(ctx.pid, command)) : programFor2(command) ?? Promise.reject(new StartError("command not found", 127));
      const process2 = new WasiProcess({
        ki,
        ctx,
        argv: [command, ...args],
        program,
        pool,
        preopenRoot: options2.preopenRoot ?? true,
        times,
        onEnded: (p) => running.delete(p)
      });
      running.add(process2);
      return process2;
    },
    async dispose() {
      const closing = pool?.dispose();
      for (const process2 of [...running]) process2.kill(9);
      running.clear();
      await closing;
      pool = null;
      kernel = null;
      multicall = null;
    }
  };
  return driver;
}

// ../../work/main/tests/conformance-oils/test/argv-driver.ts
var encoder10 = new TextEncoder();
function toBytes(text) {
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c >= 56448 && c <= 56575) out.push(c - 56320);
    else out.push(...encoder10.encode(ch));
  }
  return out;
}
function pythonRepr(text) {
  const bytes = toBytes(text);
  const hasSingle = bytes.includes(39);
  const hasDouble = bytes.includes(34);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = quote;
  for (const b of bytes) {
    if (b === 92) out += "\\\\";
    else if (b === quote.charCodeAt(0)) out += "\\" + quote;
    else if (b === 10) out += "\\n";
    else if (b === 13) out += "\\r";
    else if (b === 9) out += "\\t";
    else if (b < 32 || b >= 127) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}
function createArgvDriver() {
  let kernel = null;
  return {
    name: "oils-argv",
    commands: ["argv.py"],
    stdin: "fd",
    async init(ki) {
      if (kernel) throw new Error("oils-argv is already initialized");
      kernel = ki;
    },
    spawn(_command, args, ctx) {
      const ki = kernel;
      if (!ki) throw new Error("oils-argv is not initialized");
      let resolveExit;
      const exited = new Promise((resolve) => resolveExit = resolve);
      const line = `[${args.map(pythonRepr).join(", ")}]
`;
      ki.fdWrite(ctx.pid, 1, encoder10.encode(line)).then(() => resolveExit(0), () => resolveExit(1));
      return {
        writeStdin() {
        },
        closeStdin() {
        },
        kill: (signal) => resolveExit(128 + signal),
        wait: () => exited,
        onExit: null,
        onStdout: null,
        onStderr: null
      };
    },
    async dispose() {
      kernel = null;
    }
  };
}

// ../../work/main/tests/conformance-oils/test/run-case.ts
var WORK_DIR = "/home/user/work";
var TMP_DIR = "/tmp/oils";
var SPEC_BIN = "/usr/local/spec-bin";
async function makeKernel(wasm = {}) {
  const kernel = createKernel({
    filesystem: createInMemoryFileSystem(),
    onWarning: () => {
    },
    cwd: WORK_DIR,
    env: {
      HOME: "/home/user",
      PATH: `${SPEC_BIN}:/usr/bin:/bin`,
      TMP: TMP_DIR,
      SH: "sh",
      LC_ALL: "C"
    }
  });
  await kernel.mount(createWasmVmRuntime({ poolSize: 0, ...wasm }));
  await kernel.mount(createArgvDriver());
  await kernel.mkdir(WORK_DIR, { recursive: true });
  await kernel.mkdir(TMP_DIR, { recursive: true });
  await kernel.mkdir(SPEC_BIN, { recursive: true });
  await kernel.writeFile(`${SPEC_BIN}/foo=bar`, "#!/bin/sh\necho HI\n");
  await kernel.vfs.chmod(`${SPEC_BIN}/foo=bar`, 493);
  return kernel;
}

// run2.ts
var k = await makeKernel({ binary: "/work/main/packages/driver-wasmvm/wasm/commands.wasm", workerUrl: new URL("file:///work/main/packages/driver-wasmvm/dist/worker.js") });
for (const line of process.argv.slice(2)) {
  const t = performance.now();
  const r = await k.exec(line, { timeout: 2e4 }).catch((e) => ({ error: e.message, ...e.result ?? {} }));
  console.log(JSON.stringify(r), (performance.now() - t).toFixed(1), "ms");
}
await k.dispose();
