import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { trackAsyncFunctions } from "../src/worker/async-track.js";
import { quickJsKernel, sq } from "./helpers.js";

const FOOTER = "\n\nNode.js v20.20.0\n";

describe("unhandled rejections of async functions", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, {
      "/app/lib.js": "exports.load = async function load(name) {\n  if (!name) throw new TypeError('name is required');\n  return name;\n};\n",
      "/app/main.js": "const { load } = require('./lib');\nload('a').then((v) => console.log('loaded', v));\nload();\n",
      "/app/esm.mjs": "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function run() {\n  await sleep(1);\n  throw new RangeError('too far');\n}\nrun();\n",
      "/app/tla.mjs": "async function f() { throw new Error('tla') }\ntry { await f() } catch (e) { console.log('caught', e.message) }\nconsole.log(await (async () => 'done')());\n",
      "/app/default.mjs": "export default async function () { throw new Error('default export') }\n",
      "/app/uses-default.mjs": "import run from './default.mjs';\nconsole.log(run.name);\nrun();\n",
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const run = (code: string) => kernel.exec(`node -e ${sq(code)}`);

  it("an async function that throws and is never handled prints the error at its source line and exits 1", async () => {
    const r = await run(`async function main() { throw new Error("boom") } main()`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith('[eval]:1\nasync function main() { throw new Error("boom") } main()\n                              ^\n\nError: boom\n    at main ([eval]:1:31)\n    at [eval]:1:51\n')).toBe(true);
    expect(r.stderr.endsWith(FOOTER)).toBe(true);
  });

  it("an async function that throws after an await is reported at the throwing line", async () => {
    const r = await run(`async function main() {\n  await 1;\n  throw new Error("boom");\n}\nmain();`);
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: `[eval]:3\n  throw new Error("boom");\n        ^\n\nError: boom\n    at main ([eval]:3:9)${FOOTER}`, truncated: false });
  });

  it("an async arrow's unhandled rejection is reported", async () => {
    const r = await run("const f = async () => { throw new TypeError('t') }; f();");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith("[eval]:1\nconst f = async () => { throw new TypeError('t') }; f();\n                              ^\n\nTypeError: t\n    at f ([eval]:1:31)\n    at [eval]:1:53\n")).toBe(true);
  });

  it("an async class method's unhandled rejection is reported", async () => {
    const r = await run("class A { async m() { throw new Error('m') } }; new A().m();");
    expect(r.exitCode).toBe(1);
    // Node names the frame "A.m" (the receiver's class); QuickJS gives no receiver, so it is "m".
    expect(r.stderr.startsWith("[eval]:1\nclass A { async m() { throw new Error('m') } }; new A().m();\n                            ^\n\nError: m\n    at m ([eval]:1:29)\n    at [eval]:1:57\n")).toBe(true);
  });

  it("static, object-literal and private async methods' unhandled rejections are reported", async () => {
    for (const [code, message] of [
      ["class A { static async s() { throw new Error('static') } }; A.s();", "Error: static\n    at s ([eval]:1:"],
      ["const o = { async go() { throw new Error('object') } }; o.go();", "Error: object\n    at go ([eval]:1:"],
      ["class A { async #p(x) { throw new Error('private ' + x) } run() { this.#p(1) } }; new A().run();", "Error: private 1\n    at #p ([eval]:1:"],
    ]) {
      const r = await run(code);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`^\n\n${message}`);
    }
  });

  it("an async function in a required CommonJS module is reported at its line in that file", async () => {
    const r = await kernel.exec("node /app/main.js");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("loaded a\n");
    expect(r.stderr).toBe(
      "/app/lib.js:2\n  if (!name) throw new TypeError('name is required');\n                   ^\n\nTypeError: name is required\n    at load (/app/lib.js:2:20)\n" +
        "    at Object.<anonymous> (/app/main.js:3:1)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n" +
        "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n    at Module.load (node:internal/modules/cjs/loader:1266:32)\n" +
        "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n" +
        `    at node:internal/main/run_main_module:28:49${FOOTER}`,
    );
  });

  it("an async function in an ES module is reported at its line in that file", async () => {
    expect(await kernel.exec("node /app/esm.mjs")).toEqual({ exitCode: 1, stdout: "", stderr: `file:///app/esm.mjs:4\n  throw new RangeError('too far');\n        ^\n\nRangeError: too far\n    at run (file:///app/esm.mjs:4:9)${FOOTER}`, truncated: false });
  });

  it("an anonymous default-exported async function is tracked and named default", async () => {
    const r = await kernel.exec("node /app/uses-default.mjs");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("default\n");
    expect(r.stderr).toContain("Error: default export\n");
  });

  it("top-level await of an async function in an ES module handles its rejection", async () => {
    expect(await kernel.exec("node /app/tla.mjs")).toEqual({ exitCode: 0, stdout: "caught tla\ndone\n", stderr: "", truncated: false });
  });

  it("a rejection that is not an Error is reported as ERR_UNHANDLED_REJECTION", async () => {
    const r = await run("async function f() { throw 42 } f()");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n" +
        'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "42".\n' +
        "    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n    at processPromiseRejections (node:internal/process/promises:470:17)\n" +
        `    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}${FOOTER}`,
    );
  });

  it("an async callback that rejects (a listener, a timer) is reported", async () => {
    const listener = await run("const E = require('events'); const e = new E(); e.on('x', async () => { throw new Error('listener') }); e.emit('x')");
    expect(listener.exitCode).toBe(1);
    expect(listener.stderr).toContain("Error: listener\n");
    const timer = await run("setTimeout(async () => { throw new Error('timer') }, 1)");
    expect(timer.exitCode).toBe(1);
    expect(timer.stderr).toContain("Error: timer\n");
  });

  it("a rejected fs.promises call that nothing handles is reported, and a caught one is not", async () => {
    const r = await run("require('fs').promises.readFile('/nope/x')");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Error: ENOENT: no such file or directory, open '/nope/x'\n");
    expect(await run("require('fs/promises').stat('/nope/y').catch((e) => console.log(e.code))")).toEqual({ exitCode: 0, stdout: "ENOENT\n", stderr: "", truncated: false });
  });

  it("an assert.rejects that fails and is not awaited is reported", async () => {
    const r = await run("require('assert').rejects(Promise.resolve(1))");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("AssertionError: Missing expected rejection.");
  });

  it("awaiting an async function's rejection handles it", async () => {
    expect(await run("async function f() { throw new Error('x') } (async () => { try { await f() } catch (e) { console.log('caught', e.message) } })()")).toEqual({ exitCode: 0, stdout: "caught x\n", stderr: "", truncated: false });
  });

  it(".catch on an async function's promise handles its rejection", async () => {
    expect(await run("async function f() { throw new Error('x') } f().catch((e) => console.log('catch', e.message))")).toEqual({ exitCode: 0, stdout: "catch x\n", stderr: "", truncated: false });
  });

  it(".then with a rejection handler handles it", async () => {
    expect(await run("async function f() { throw new Error('x') } f().then(null, (e) => console.log('then', e.message))")).toEqual({ exitCode: 0, stdout: "then x\n", stderr: "", truncated: false });
  });

  it("a promise returned into an awaited chain is handled by that chain", async () => {
    expect(await run("async function f() { throw new Error('x') } async function g() { return f() } g().catch((e) => console.log('chain', e.message))")).toEqual({ exitCode: 0, stdout: "chain x\n", stderr: "", truncated: false });
  });

  it("Promise.all over async functions' promises, caught, handles them", async () => {
    expect(await run("async function f(m) { throw new Error(m) } Promise.all([f('a'), f('b')]).catch((e) => console.log('all', e.message))")).toEqual({ exitCode: 0, stdout: "all a\n", stderr: "", truncated: false });
  });

  it("a handler attached later in the same turn, before promise jobs run, handles the rejection", async () => {
    expect(await run("async function f() { throw new Error('x') } const p = f(); console.log('between'); p.catch((e) => console.log('late', e.message))")).toEqual({ exitCode: 0, stdout: "between\nlate x\n", stderr: "", truncated: false });
  });

  it("a handler attached only in a later timer is too late, as in Node", async () => {
    const r = await run("async function f() { throw new Error('x') } const p = f(); setTimeout(() => p.catch(() => console.log('too late')), 0)");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Error: x\n");
  });

  it("process.on('unhandledRejection') receives an async function's rejection and its promise", async () => {
    const r = await run("process.on('unhandledRejection', (reason, p) => console.log('UR', reason.message, p instanceof Promise)); async function f() { throw new Error('x') } f(); setTimeout(() => console.log('still running'), 2)");
    expect(r).toEqual({ exitCode: 0, stdout: "UR x true\nstill running\n", stderr: "", truncated: false });
  });

  it("an uncaughtException listener receives it with the origin unhandledRejection", async () => {
    const r = await run("process.on('uncaughtException', (e, origin) => console.log('UE', e.message, origin)); const f = async () => { throw new Error('x') }; f()");
    expect(r).toEqual({ exitCode: 0, stdout: "UE x unhandledRejection\n", stderr: "", truncated: false });
  });
});

describe("async functions keep their behaviour when tracked", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, {
      "/app/strict.js": '"use strict";\nasync function f() { try { undeclared = 1 } catch (e) { return e.name } }\nf().then(console.log);\n',
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const out = async (code: string) => {
    const r = await kernel.exec(`node -e ${sq(code)}`);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    return r.stdout;
  };

  it("name, length, toString, type tag and inspection are those of the async function", async () => {
    expect(
      await out(
        "async function f(a, b = 1) { return a } const g = async (x) => x; console.log(f.name, f.length, g.name, Object.prototype.toString.call(f), f.constructor.name, require('util').types.isAsyncFunction(g)); console.log(String(f)); console.log(Function.prototype.toString.call(g)); console.log(f, [g])",
      ),
    ).toBe("f 1 g [object AsyncFunction] AsyncFunction true\nasync function f(a, b = 1) { return a }\nasync (x) => x\n[AsyncFunction: f] [ [AsyncFunction: g] ]\n");
  });

  it("names inferred from bindings, properties and class fields stay as the engine gives them", async () => {
    expect(
      await out(
        "let b; b = async () => {}; const o = { s: async () => {}, 'q r': async function () {}, [('k')]: async () => {} }; class K { f = async () => {}; static h = async () => {} } function p(d = async () => {}) { return d.name } const { r = async () => {} } = {}; console.log([b.name, o.s.name, o['q r'].name, o.k.name, new K().f.name, K.h.name, p(), r.name, (async () => {}).name].join('|'))",
      ),
    ).toBe("b|s|q r|k|f|h|d|r|\n");
  });

  it("class methods keep super, static, computed and private forms, next to getters and generators", async () => {
    const code = `
class Base { async hello(x) { return "base " + x } static async sb() { return "sb" } }
class A extends Base {
  #secret = 7;
  async hello(x) { return "A>" + await super.hello(x) }
  static async sm() { return "sm " + await super.sb() }
  async ["comp" + "uted"](a, { b = 2 } = {}, ...rest) { return [a, b, rest.length, arguments.length] }
  async #priv(a, b = this.#secret) { return a + b + (await super.hello("p")) }
  callPriv(a) { return this.#priv(a) }
  get g() { return "getter" }
  async *gen() { yield 1; yield 2 }
}
(async () => {
  const a = new A();
  console.log(await a.hello(1), await A.sm(), await a.computed(1), await a.computed(1, { b: 3 }, 4, 5));
  console.log(await a.callPriv(1), a.g, Object.getOwnPropertyNames(A.prototype).join());
  for await (const v of a.gen()) console.log("gen", v);
  const d = Object.getOwnPropertyDescriptor(A.prototype, "hello");
  console.log(d.writable, d.enumerable, d.configurable, A.prototype.hello.name, A.prototype.hello.length);
})()`;
    expect(await out(code)).toBe(
      "A>base 1 sm sb [ 1, 2, 0, 1 ] [ 1, 3, 2, 4 ]\n8base p getter constructor,hello,computed,callPriv,g,gen\ngen 1\ngen 2\ntrue false true hello 1\n",
    );
  });

  it("object-literal methods keep super and their property attributes", async () => {
    expect(
      await out(
        "const base = { async hi() { return 'base' } }; const o = { __proto__: base, async hi() { return 'o>' + await super.hi() }, async 'str key'() { return 1 } }; (async () => { const d = Object.getOwnPropertyDescriptor(o, 'hi'); console.log(await o.hi(), await o['str key'](), Object.keys(o).join(), d.writable, d.enumerable, d.configurable) })()",
      ),
    ).toBe("o>base 1 hi,str key true true true\n");
  });

  it("parameters, defaults, destructuring, arguments and this are untouched", async () => {
    expect(
      await out(
        "async function f(a, b = a + 1, { c } = { c: 3 }, [d] = [4], ...e) { return [a, b, c, d, e.length, arguments.length, this && this.t] } async function g(a) { arguments[0] = 9; return a } (async () => { console.log(JSON.stringify(await f(1)), JSON.stringify(await f.call({ t: 'T' }, 1, 2, { c: 5 }, [6], 7, 8)), f.length, await g(1)) })()",
      ),
    ).toBe("[1,2,3,4,0,1,null] [1,2,5,6,2,6,\"T\"] 1 9\n");
  });

  it("an error in a parameter default rejects the promise instead of throwing", async () => {
    expect(await out("async function f(a = null.x) {} const p = f(); console.log('returned', p instanceof Promise); p.catch((e) => console.log(e.constructor.name))")).toBe("returned true\nTypeError\n");
  });

  it("nested async functions and async arrows with expression bodies work", async () => {
    expect(await out("async function outer() { async function inner(x) { return x * 2 } const curry = async (a) => async (b) => a + b; return (await (await curry(1))(2)) + (await inner(3)) } outer().then(console.log); Promise.all([1, 2].map(async (x) => x * 10)).then(console.log)")).toBe("[ 10, 20 ]\n9\n");
  });

  it("an async function is not a constructor and a declaration can be called before it", async () => {
    expect(await out("f().then(console.log); async function f() { return 'hoisted' } try { new f() } catch (e) { console.log(e.constructor.name) }")).toBe("TypeError\nhoisted\n");
  });

  it("a \"use strict\" directive stays the first statement", async () => {
    expect(await kernel.exec("node /app/strict.js")).toEqual({ exitCode: 0, stdout: "ReferenceError\n", stderr: "", truncated: false });
    expect(await out("function g() { 'use strict'; async function k() { return typeof this } return k() } g().then(console.log)")).toBe("undefined\n");
  });

  it("node -p prints the program's value with async function declarations in it", async () => {
    expect((await kernel.exec(`node -p ${sq('"use strict"; async function f() {}')}`)).stdout).toBe("use strict\n");
    expect((await kernel.exec(`node -p ${sq("async () => 1")}`)).stdout).toBe("[AsyncFunction (anonymous)]\n");
  });

  it("the word async in strings, regular expressions, comments and identifiers changes nothing", async () => {
    expect(
      await out("const s = 'async function x() {}'; const r = /async () => 1/; // async function c() {}\n/* async () => {} */ const async = 1; const o = { async }; function call(async) { return async + 1 } console.log(s, r.source, o.async, call(async), `async ${async}`)"),
    ).toBe("async function x() {} async () => 1 1 2 async 1\n");
  });

  it("stack frames keep the columns of the source as written, without the wrappers' frames", async () => {
    // Node's columns (UTF-16 units; QuickJS counts UTF-8 bytes), whatever the rewriting inserted.
    expect(await out("const s = 'é😀'; const a = async () => { throw new Error('a') }; a().catch((e) => console.log(e.stack.split('\\n').slice(0, 3).join('|')))")).toBe(
      "Error: a|    at a ([eval]:1:48)|    at [eval]:1:66\n",
    );
    // Node has "at A.run ([eval]:3:25)" for the third: QuickJS gives no receiver, and places the call at `this`.
    expect(await out("class A { async #p() {\n  null.x }\n  run() { return this.#p() } }\nnew A().run().catch((e) => console.log(e.stack.split('\\n').slice(0, 4).join('|')))")).toBe(
      "TypeError: Cannot read properties of null (reading 'x')|    at #p ([eval]:2:8)|    at run ([eval]:3:18)|    at [eval]:4:9\n",
    );
  });
});

describe("the async-function rewriting", () => {
  it("leaves source without async functions alone", () => {
    expect(trackAsyncFunctions("const async = require('async'); async.map([], f); // async () => {}", false)).toBeNull();
    expect(trackAsyncFunctions("const s = 'async function f() {}'", false)).toBeNull();
  });

  it("leaves source that does not parse to the engine", () => {
    expect(trackAsyncFunctions("async function f() { await }", false)).toBeNull();
  });

  it("wraps expressions with the inferred name, declarations at the top of their scope, and class and object methods", () => {
    expect(trackAsyncFunctions('"use strict";\nconst f = async () => 1;\nasync function g() {}\nclass C { async m() {} }\nconst o = { async n() {} };', false)).toEqual({
      code: '"use strict";\n;{let __secureExecAsync$=(g=__secureExecAsync(g))}const f = __secureExecAsync(async () => 1,"f");\nasync function g() {}\nclass C {static{__secureExecAsync.c(this)} async m() {} }\nconst o = __secureExecAsync.o({ async n() {} },["n"]);',
      spans: [2, 0, 50, 0, 2, 10, 18, 0, 2, 23, 5, 0, 4, 9, 33, 0, 5, 10, 20, 0, 5, 26, 7, 0],
    });
  });

  it("turns a private async method into a method calling an async arrow, marking the inserted call hidden", () => {
    expect(trackAsyncFunctions("class C { async #m(a) { return a } }", false)).toEqual({
      code: "class C {       #m(){return __secureExecAsync.p(async (a)=> { return a },\"#m\",arguments)} }",
      spans: [1, 18, 36, 1, 1, 21, 2, 1, 1, 34, 17, 1],
    });
  });

  it("counts columns in UTF-8 bytes, as the engine does", () => {
    expect(trackAsyncFunctions("'é'; f(async () => 1)", false)?.spans).toEqual([1, 8, 18, 0, 1, 21, 1, 0]);
  });
});
