/**
 * Uncaught errors and the messages of engine errors, as Node 20.20 reports
 * them. Each expected output below is what Node 20.20 printed for the same
 * `node -e` command run in / (with its version, v20.20.0 in the sandbox).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

const FOOTER = "\n\nNode.js v20.20.0\n";

describe("errors reported as Node reports them", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, { "/tmp/.keep": "" });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const run = (code: string) => kernel.exec(`cd / && node -e ${sq(code)}`);
  const out = async (code: string) => (await run(code)).stdout;

  it("a syntax error is reported at the offending token with V8's message", async () => {
    expect(await run("let x = ;")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an unfinished call is reported as the end of input", async () => {
    expect(await run("foo(")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nfoo(\n    \n\nSyntaxError: Unexpected end of input\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an unexpected identifier is named", async () => {
    expect(await run("let x y")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nlet x y\n      ^\n\nSyntaxError: Unexpected identifier 'y'\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a const without an initializer is reported as V8 reports it", async () => {
    expect(await run("const x;")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nconst x;\n      ^\n\nSyntaxError: Missing initializer in const declaration\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an unterminated string is underlined to the end of its line", async () => {
    expect(await run("var s = \"abc")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nvar s = \"abc\n        ^^^^\n\nSyntaxError: Invalid or unexpected token\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a redeclared identifier is reported where it is redeclared", async () => {
    expect(await run("let a = 1; let a = 2;")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nlet a = 1; let a = 2;\n               ^\n\nSyntaxError: Identifier 'a' has already been declared\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a missing ) after an argument list marks the last argument", async () => {
    expect(await run("console.log(\"hi\"")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nconsole.log(\"hi\"\n            ^^^^\n\nSyntaxError: missing ) after argument list\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("return outside a function is an illegal return statement", async () => {
    expect(await run("return 5")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nreturn 5\n^^^^^^\n\nSyntaxError: Illegal return statement\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a lexical binding used before its declaration is reported as V8 words it", async () => {
    expect(await run("x.y = 1; let x")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nx.y = 1; let x\n^\n\nReferenceError: Cannot access 'x' before initialization\n    at [eval]:1:1\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("assigning to a constant is reported at the assignment", async () => {
    expect(await run("const a = 1; a = 2")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nconst a = 1; a = 2\n               ^\n\nTypeError: Assignment to constant variable.\n    at [eval]:1:16\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("calling a property that is not a function names it", async () => {
    expect(await run("const o = {}; o.foo()")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nconst o = {}; o.foo()\n                ^\n\nTypeError: o.foo is not a function\n    at [eval]:1:17\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("reading a property of undefined is reported at the property", async () => {
    expect(await run("let o; o.foo.bar")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nlet o; o.foo.bar\n         ^\n\nTypeError: Cannot read properties of undefined (reading 'foo')\n    at [eval]:1:10\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an Error subclass that names itself in its constructor is reported by that name, without its constructor's frame", async () => {
    expect(await run("class MyErr extends Error { constructor(m) { super(m); this.name = \"MyErr\" } } function g() { throw new MyErr(\"custom\") } g()")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nclass MyErr extends Error { constructor(m) { super(m); this.name = \"MyErr\" } } function g() { throw new MyErr(\"custom\") } g()\n                                                                                              ^\n\nMyErr: custom\n    at g ([eval]:1:101)\n    at [eval]:1:123\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("frames of calls with arguments are placed at the callee, as V8 places them", async () => {
    expect(await run("function f(n) { if (n === 0) throw new Error(\"deep\"); f(n - 1) } f(3)")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nfunction f(n) { if (n === 0) throw new Error(\"deep\"); f(n - 1) } f(3)\n                             ^\n\nError: deep\n    at f ([eval]:1:36)\n    at f ([eval]:1:55)\n    at f ([eval]:1:55)\n    at f ([eval]:1:55)\n    at [eval]:1:66\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("Error.stackTraceLimit limits the frames Node's report shows", async () => {
    expect(await run("Error.stackTraceLimit = 2; function a() { b() } function b() { c() } function c() { null.x } a()")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nError.stackTraceLimit = 2; function a() { b() } function b() { c() } function c() { null.x } a()\n                                                                                         ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at c ([eval]:1:90)\n    at b ([eval]:1:64)\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an error thrown in a timer shows Node's timer frames", async () => {
    expect(await run("setTimeout(() => { throw new Error(\"in timer\") }, 1)")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nsetTimeout(() => { throw new Error(\"in timer\") }, 1)\n                   ^\n\nError: in timer\n    at Timeout._onTimeout ([eval]:1:26)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an error thrown in an immediate shows Node's immediate frames", async () => {
    expect(await run("setImmediate(() => null.x)")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nsetImmediate(() => null.x)\n                        ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at Immediate.<anonymous> ([eval]:1:25)\n    at process.processImmediate (node:internal/timers:483:21)\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("an error thrown in a nextTick callback shows Node's task queue frame", async () => {
    expect(await run("process.nextTick(() => null.x)")).toEqual({ exitCode: 1, stdout: "", stderr: "[eval]:1\nprocess.nextTick(() => null.x)\n                            ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at [eval]:1:29\n    at process.processTicksAndRejections (node:internal/process/task_queues:77:11)\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("require of a missing package is reported from Node's loader", async () => {
    expect(await run("require(\"nope\")")).toEqual({ exitCode: 1, stdout: "", stderr: "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\nError: Cannot find module 'nope'\nRequire stack:\n- /[eval]\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n    at Module._load (node:internal/modules/cjs/loader:1038:27)\n    at Module.require (node:internal/modules/cjs/loader:1289:19)\n    at require (node:internal/modules/helpers:182:18)\n    at [eval]:1:1\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3) {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/[eval]' ]\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a promise rejected with a plain object is reported as ERR_UNHANDLED_REJECTION naming #<Object>", async () => {
    expect(await run("Promise.reject({a:1})")).toEqual({ exitCode: 1, stdout: "", stderr: "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\nUnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"#<Object>\".\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n    at processPromiseRejections (node:internal/process/promises:470:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a promise rejected with a Map, an array or a symbol names them as V8 does", async () => {
    expect(await run("Promise.reject(new Map())")).toEqual({ exitCode: 1, stdout: "", stderr: "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\nUnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"#<Map>\".\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n    at processPromiseRejections (node:internal/process/promises:470:17)\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("JSON.parse of invalid JSON is reported with V8's message and the JSON text", async () => {
    expect(await run("JSON.parse(\"{\\\"a\\\":1,\\n\\\"b\\\": nope}\")")).toEqual({ exitCode: 1, stdout: "", stderr: "<anonymous_script>:2\n\"b\": nope}\n      ^\n\nSyntaxError: Unexpected token 'o', \"{\"a\":1,\n\"b\": nope}\" is not valid JSON\n    at JSON.parse (<anonymous>)\n    at [eval]:1:6\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("JSON.parse of text that ends too soon shows no caret", async () => {
    expect(await run("JSON.parse(\"   \\n  [1, 2\")")).toEqual({ exitCode: 1, stdout: "", stderr: "<anonymous_script>:2\n  [1, 2\n\nSyntaxError: Expected ',' or ']' after array element in JSON at position 11\n    at JSON.parse (<anonymous>)\n    at [eval]:1:6\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("fs.readFileSync of a directory fails as Node's read does", async () => {
    expect(await run("require(\"fs\").readFileSync(\"/tmp\")")).toEqual({ exitCode: 1, stdout: "", stderr: "node:fs:750\n  return binding.read(fd, buffer, offset, length, position);\n                 ^\n\nError: EISDIR: illegal operation on a directory, read\n    at Object.readSync (node:fs:750:18)\n    at tryReadSync (node:fs:424:20)\n    at Object.readFileSync (node:fs:478:19)\n    at [eval]:1:15\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3 {\n  errno: -21,\n  code: 'EISDIR',\n  syscall: 'read'\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("fs.readFileSync of a missing file with an encoding is reported from Node's fs", async () => {
    expect(await run("const fs = require(\"fs\"); fs.readFileSync(\"/nonexistent\", \"utf8\")")).toEqual({ exitCode: 1, stdout: "", stderr: "node:fs:448\n    return binding.readFileUtf8(path, stringToFlags(options.flag));\n                   ^\n\nError: ENOENT: no such file or directory, open '/nonexistent'\n    at Object.readFileSync (node:fs:448:20)\n    at [eval]:1:30\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3 {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: '/nonexistent'\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("fs.promises errors carry Node's async frames", async () => {
    expect(await run("require(\"fs\").promises.readFile(\"/nonexistent\")")).toEqual({ exitCode: 1, stdout: "", stderr: "node:internal/fs/promises:637\n  return new FileHandle(await PromisePrototypeThen(\n                        ^\n\nError: ENOENT: no such file or directory, open '/nonexistent'\n    at async open (node:internal/fs/promises:637:25)\n    at async Object.readFile (node:internal/fs/promises:1249:14) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: '/nonexistent'\n}\n\nNode.js v20.20.0\n", truncated: false });
  });

  it("a thrown object that is not an error is inspected, to depth 5, with no hint", async () => {
    // Node prints the throwing line first; QuickJS records no place for a thrown non-error.
    expect(await run("throw {a:{b:{c:{d:{e:{f:{g:1}}}}}}}")).toEqual({ exitCode: 1, stdout: "", stderr: `{\n  a: {\n    b: {\n      c: { d: { e: { f: [Object] } } }\n    }\n  }\n}${FOOTER}`, truncated: false });
  });

  it("a stack overflow is reported as a RangeError, not in the bracketed form", async () => {
    // Node also prints where it happened and ten frames: QuickJS has no room left to record them.
    expect(await run("function f(){f()} f()")).toEqual({ exitCode: 1, stdout: "", stderr: `RangeError: Maximum call stack size exceeded${FOOTER}`, truncated: false });
  });

  it("a caught stack overflow is a RangeError that prints as an error", async () => {
    expect(await out("function f(){f()} try { f() } catch (e) { console.log(e instanceof RangeError, e.message); console.log(e) }")).toBe(
      "true Maximum call stack size exceeded\nRangeError: Maximum call stack size exceeded\n",
    );
  });

  it("a thrown primitive is printed as it is, with the --trace-uncaught hint", async () => {
    // Node prints the throwing line first; QuickJS records no place for a thrown primitive.
    expect((await run("throw 42")).stderr).toBe(`42\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)${FOOTER}`);
    expect((await run("throw null")).stderr).toBe(`null\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)${FOOTER}`);
  });

  it("an error with a stack of its own making is bracketed when it has no frames", async () => {
    expect(await out('const e = new Error("x"); e.stack = "custom stack"; console.log(e)')).toBe("[custom stack]\n");
  });

  it("a promise rejected with something that is not an error reaches uncaughtException as an UnhandledPromiseRejection", async () => {
    expect(await out('process.on("uncaughtException", (e, o) => console.log(e.name, e.code, o)); Promise.reject(5)')).toBe(
      "UnhandledPromiseRejection ERR_UNHANDLED_REJECTION unhandledRejection\n",
    );
  });

  it("rejection reasons are named as V8's NoSideEffectsToString names them", async () => {
    const reason = async (code: string) => /with the reason "(.*)"\.\n/.exec((await run(code)).stderr)?.[1];
    expect(await reason("Promise.reject([1, 2])")).toBe("[object Array]");
    expect(await reason('Promise.reject(Symbol("s"))')).toBe("Symbol(s)");
    expect(await reason("Promise.reject(function foo(){})")).toBe("function foo(){}");
    expect(await reason('Promise.reject({ toString() { return "custom" } })')).toBe("[object Object]");
    expect(await reason("Promise.reject(10n)")).toBe("10");
  });

  it("JSON.parse errors have V8's messages", async () => {
    const messages = await out(
      "for (const t of ['{bad', '{\"a\": 1,}', '', 'undefined', '{\"a\":1} x', '[1,]', 'tru', 'abcdefghijklmnopqrstuvwxyz', '[1,2,3,4,5,6,7,8,9,10,11,12,x]', '-', '\"\\\\x\"']) try { JSON.parse(t) } catch (e) { console.log(e.message) }",
    );
    expect(messages).toBe(
      [
        "Expected property name or '}' in JSON at position 1",
        "Expected double-quoted property name in JSON at position 8",
        "Unexpected end of JSON input",
        '"undefined" is not valid JSON',
        "Unexpected non-whitespace character after JSON at position 8",
        "Unexpected token ']', \"[1,]\" is not valid JSON",
        "Unexpected end of JSON input",
        'Unexpected token \'a\', "abcdefghij"... is not valid JSON',
        'Unexpected token \'x\', ...",10,11,12,x]" is not valid JSON',
        "No number after minus sign in JSON at position 1",
        "Bad escaped character in JSON at position 2",
      ].join("\n") + "\n",
    );
  });

  it("a SyntaxError a JSON.parse reviver throws passes through unchanged, and a reviver still works", async () => {
    expect(await out('try { JSON.parse("{\\"a\\":1}", () => { throw new SyntaxError("from reviver") }) } catch (e) { console.log(e.message) } console.log(JSON.parse("[1,2]", (k, v) => (typeof v === "number" ? v * 10 : v)))')).toBe(
      "from reviver\n[ 10, 20 ]\n",
    );
  });

  it("an fs callback's error has no stack frames, as Node's libuv errors have none", async () => {
    expect(await out('require("fs").readFile("/nonexistent", (e) => console.log(e))')).toBe(
      "[Error: ENOENT: no such file or directory, open '/nonexistent'] {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: '/nonexistent'\n}\n",
    );
  });

  it("system errors use libuv's wording and carry the destination of two-path calls", async () => {
    expect(await out('const fs = require("fs"); for (const f of [() => fs.mkdirSync("/tmp"), () => fs.renameSync("/nonexistent", "/tmp/x")]) try { f() } catch (e) { console.log(e.message, e.dest) }')).toBe(
      "EEXIST: file already exists, mkdir '/tmp' undefined\nENOENT: no such file or directory, rename '/nonexistent' -> '/tmp/x' /tmp/x\n",
    );
  });

  it("util.format's %s inspects objects with built-in toString to depth 0", async () => {
    expect(await out('console.log(require("util").format("%s|%s|%s", { a: { b: 1 } }, [1, [2, [3]]], { toString() { return "own" } }))')).toBe("{ a: [Object] }|[ 1, [Array] ]|own\n");
  });
});
