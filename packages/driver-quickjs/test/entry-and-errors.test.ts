import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("node entry points, argv, exit codes and errors", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, {
      "/app/main.js": "const lib = require('./lib'); console.log(lib.twice(21), __filename, process.argv.slice(1).join(','));",
      "/app/lib/index.js": "exports.twice = (n) => n * 2;",
      "/app/node_modules/pkg/package.json": JSON.stringify({ name: "pkg", main: "./src/entry.js" }),
      "/app/node_modules/pkg/src/entry.js": "module.exports = 'from pkg';",
      "/app/uses-pkg.js": "console.log(require('pkg'), require('node:path').join('a', 'b'));",
      "/app/throws.js": "function f() {\n  throw new TypeError('bad thing');\n}\nf();\n",
      "/app/esm.mjs": "import { twice } from './lib/index.js';\nimport path from 'node:path';\nconsole.log('esm', twice(2), path.basename(import.meta.filename));\n",
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("node -e prints console.log output and exits 0", async () => {
    expect(await kernel.exec(`node -e ${sq("console.log('a\\nb\\nc')")}`)).toEqual({ exitCode: 0, stdout: "a\nb\nc\n", stderr: "", truncated: false });
  });

  it("node -p prints the value of the expression the way console.log would", async () => {
    const r = await kernel.exec(`node -p ${sq("({ a: 1, b: [1, 2] })")}`);
    expect(r.stdout).toBe("{ a: 1, b: [ 1, 2 ] }\n");
  });

  it("a script path runs with a working local require and Node's argv", async () => {
    const r = await kernel.exec("node /app/main.js x y");
    expect(r.stdout).toBe("42 /app/main.js /app/main.js,x,y\n");
    expect(r.exitCode).toBe(0);
  });

  it("a relative script path resolves against the working directory", async () => {
    const r = await kernel.exec("cd /app && node main.js");
    expect(r.stdout).toBe("42 /app/main.js /app/main.js\n");
  });

  it("require finds node_modules packages through package.json main, with or without node: prefixes", async () => {
    expect((await kernel.exec("node /app/uses-pkg.js")).stdout).toBe("from pkg a/b\n");
  });

  it("an .mjs file is loaded as an ES module", async () => {
    expect(await kernel.exec("node /app/esm.mjs")).toEqual({ exitCode: 0, stdout: "esm 4 esm.mjs\n", stderr: "", truncated: false });
  });

  it("a script on stdin runs when no script is given", async () => {
    const r = await kernel.exec("node", { stdin: "console.log('from stdin', process.argv.length)" });
    expect(r.stdout).toBe("from stdin 1\n");
  });

  it("process.argv after -e holds the extra arguments", async () => {
    expect((await kernel.exec(`node -e ${sq("console.log(JSON.stringify(process.argv))")} one two`)).stdout).toBe('["/usr/bin/node","one","two"]\n');
  });

  it("process.exit(42) exits with status 42", async () => {
    expect((await kernel.exec(`node -e ${sq("process.exit(42); console.log('not reached')")}`))).toEqual({ exitCode: 42, stdout: "", stderr: "", truncated: false });
  });

  it("process.exitCode is the status when the program ends on its own", async () => {
    expect((await kernel.exec(`node -e ${sq("process.exitCode = 7; setTimeout(() => console.log('later'), 5)")}`))).toMatchObject({ exitCode: 7, stdout: "later\n" });
  });

  it("sh -c passes the node exit status through", async () => {
    expect(await kernel.exec(`sh -c 'node -e "process.exit(3)"'`)).toEqual({ exitCode: 3, stdout: "", stderr: "", truncated: false });
  });

  it("an uncaught ReferenceError prints Node's report and exits 1", async () => {
    const r = await kernel.exec("node -e x");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith("[eval]:1\nx\n^\n\nReferenceError: x is not defined\n    at [eval]:1:1\n")).toBe(true);
    expect(r.stderr.endsWith("\n\nNode.js v20.20.0\n")).toBe(true);
  });

  it("an error thrown in a script shows the throwing line with a caret", async () => {
    const r = await kernel.exec("node /app/throws.js");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith("/app/throws.js:2\n  throw new TypeError('bad thing');\n")).toBe(true);
    expect(r.stderr).toContain("^\n\nTypeError: bad thing\n    at f (/app/throws.js:2:");
  });

  it("a syntax error prints a SyntaxError and exits 1", async () => {
    const r = await kernel.exec(`node -e ${sq("let x = ;")}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("SyntaxError: ");
    expect(r.stdout).toBe("");
  });

  it("an unhandled rejection prints the error and exits 1", async () => {
    const r = await kernel.exec(`node -e ${sq("Promise.reject(new Error('nope')); setTimeout(() => console.log('not reached'), 10)")}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Error: nope\n");
    expect(r.stdout).toBe("");
  });

  it("a rejection handled later in the same turn is not reported", async () => {
    const r = await kernel.exec(`node -e ${sq("const p = Promise.reject(new Error('x')); p.catch(() => console.log('caught'))")}`);
    expect(r).toMatchObject({ exitCode: 0, stdout: "caught\n", stderr: "" });
  });

  it("an awaited rejection caught by try/catch is handled", async () => {
    const r = await kernel.exec(`node -e ${sq("(async () => { try { await Promise.reject(new Error('x')) } catch (e) { console.log('caught', e.message) } })()")}`);
    expect(r).toMatchObject({ exitCode: 0, stdout: "caught x\n", stderr: "" });
  });

  it("uncaughtException listeners take an uncaught error instead of exiting", async () => {
    const r = await kernel.exec(`node -e ${sq("process.on('uncaughtException', (e) => console.log('handled', e.message)); setTimeout(() => { throw new Error('late') }, 1)")}`);
    expect(r).toMatchObject({ exitCode: 0, stdout: "handled late\n" });
  });

  it("an unknown option is refused with status 9", async () => {
    expect(await kernel.exec("node --frobnicate")).toMatchObject({ exitCode: 9, stderr: "node: bad option: --frobnicate\n" });
  });

  it("a missing script reports Cannot find module and exits 1", async () => {
    const r = await kernel.exec("node /app/missing.js");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Error: Cannot find module '/app/missing.js'");
    expect(r.stderr).toContain("code: 'MODULE_NOT_FOUND'");
  });

  it("qjs is the same runtime under another name", async () => {
    expect((await kernel.exec(`qjs -e ${sq("console.log(typeof require, process.argv0)")}`)).stdout).toBe("function qjs\n");
  });
});

describe("ES modules and syntax checks", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, {
      "/p/lib.cjs": "exports.alpha = 1; exports.beta = function beta() { return 2 };\n",
      "/p/main.mjs": "import { alpha, beta } from './lib.cjs';\nimport def from './lib.cjs';\nconst m = await import('./dyn.mjs');\nconsole.log(alpha, beta(), Object.keys(def), m.default, import.meta.url);\n",
      "/p/dyn.mjs": "export default 'dynamic';\n",
      "/p/tla.mjs": "await Promise.reject(new Error('tla fail'));\n",
      "/p/from-cjs.js": "import('./dyn.mjs').then((m) => console.log('from cjs', m.default));\n",
      "/p/pkg/package.json": JSON.stringify({ type: "module" }),
      "/p/pkg/index.js": "import os from 'os';\nconsole.log('type module', os.platform());\n",
      "/p/bad.js": "let = ;\n",
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("an ES module imports CommonJS named exports, uses top-level await and dynamic import", async () => {
    expect((await kernel.exec("node /p/main.mjs")).stdout).toBe("1 2 [ 'alpha', 'beta' ] dynamic file:///p/main.mjs\n");
  });

  it("a rejected top-level await fails the process with the error's location", async () => {
    const r = await kernel.exec("node /p/tla.mjs");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "file:///p/tla.mjs:1\nawait Promise.reject(new Error('tla fail'));\n                     ^\n\nError: tla fail\n    at file:///p/tla.mjs:1:22\n" +
        "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n" +
        "    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)\n\nNode.js v20.20.0\n",
    );
  });

  it("CommonJS can import() an ES module, and .js in a type: module package is ESM", async () => {
    expect((await kernel.exec("node /p/from-cjs.js")).stdout).toBe("from cjs dynamic\n");
    expect((await kernel.exec("node /p/pkg/index.js")).stdout).toBe("type module linux\n");
  });

  it("--input-type=module runs -e code as a module", async () => {
    expect((await kernel.exec(`node --input-type=module -e ${sq("import { join } from 'node:path'; console.log(join('a', 'b'))")}`)).stdout).toBe("a/b\n");
  });

  it("-c checks syntax without running", async () => {
    expect(await kernel.exec("node -c /p/main.mjs")).toMatchObject({ exitCode: 0, stdout: "" });
    const r = await kernel.exec("node -c /p/bad.js");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("SyntaxError");
  });

  it("engine errors use Node's wording", async () => {
    const r = await kernel.exec(`node -e ${sq("const u = undefined; u.x")}`);
    expect(r.stderr).toContain("TypeError: Cannot read properties of undefined (reading 'x')\n");
  });
});
