/**
 * Node 20.19+'s module syntax detection: code that fails to compile as
 * CommonJS because of ES module syntax (top-level await, import/export,
 * import.meta) runs again as an ES module; and require() of ES modules. Every
 * expected output here is what Node 20.20 prints for the same command (with
 * its version, v20.20.0 in the sandbox).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

const FOOTER = "\n\nNode.js v20.20.0\n";

describe("ES module syntax detection", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, {
      "/d/tla.js": "await 1;\nconsole.log(2, typeof require, import.meta.url);\n",
      "/d/tla": "await 1;\nconsole.log('extensionless', import.meta.url);\n",
      "/d/imp.js": 'import fs from "fs";\nconsole.log(typeof fs.readFileSync);\nrequire("x")\n',
      "/d/redecl.js": "const require = 1;\nconsole.log(require);\n",
      "/d/bad2.js": "export {}\nlet x = ;\n",
      "/d/typed.cjs": "console.log(typeof require); export {}\n",
      "/d/e.js": "export const a = 5;\n",
      "/d/m.mjs": "export default 5;\nconsole.log('m');\n",
      "/d/uses-e.mjs": "import { a } from './e.js';\nconsole.log('a is', a);\n",
      "/d/missing.mjs": 'import x from "./nonexist.js";\n',
      "/p/package.json": JSON.stringify({ name: "p" }),
      "/p/tla.js": "await 1;\nconsole.log('in p');\n",
      "/t/package.json": JSON.stringify({ type: "commonjs" }),
      "/t/tla.js": "await 1;\n",
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const run = (code: string, options?: { stdin?: string }) => kernel.exec(`cd /d && node -e ${sq(code)}`, options);

  it("-e code with top-level await runs as an ES module", async () => {
    expect(await run("await 1; console.log(2)")).toEqual({ exitCode: 0, stdout: "2\n", stderr: "", truncated: false });
  });

  it("-e code with an import statement runs as an ES module, without require", async () => {
    expect(await run('import fs from "node:fs"; console.log(typeof fs.readFileSync, typeof require, import.meta.url)')).toMatchObject({
      exitCode: 0,
      stdout: "function undefined file:///d/[eval1]\n",
    });
  });

  it("require in -e code that runs as an ES module fails as Node's does", async () => {
    const code = 'const rl = require("readline").createInterface({ input: process.stdin }); for await (const l of rl) console.log(l)';
    expect(await run(code, { stdin: "1\n2\n3\n" })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        `file:///d/[eval1]:1\n${code}\n${" ".repeat(11)}^\n\n` +
        "ReferenceError: require is not defined in ES module scope, you can use import instead\n" +
        "    at file:///d/[eval1]:1:12\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n" +
        "    at async ModuleLoader.eval (node:internal/modules/esm/loader:245:24)\n" +
        `    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)${FOOTER}`,
      truncated: false,
    });
  });

  it("a script on stdin with top-level await runs as an ES module", async () => {
    expect(await kernel.exec("cd /d && node", { stdin: "await 1; console.log(2, typeof module, import.meta.url)" })).toMatchObject({
      exitCode: 0,
      stdout: "2 undefined file:///d/[eval1]\n",
    });
  });

  it("a .js script with no package.json type and top-level await runs as an ES module", async () => {
    expect(await kernel.exec("node /d/tla.js")).toEqual({ exitCode: 0, stdout: "2 undefined file:///d/tla.js\n", stderr: "", truncated: false });
  });

  it("an extensionless script with module syntax runs as an ES module", async () => {
    expect((await kernel.exec("node /d/tla")).stdout).toBe("extensionless file:///d/tla\n");
  });

  it("a script redeclaring require compiles as a module where CommonJS cannot", async () => {
    expect((await kernel.exec("node /d/redecl.js")).stdout).toBe("1\n");
  });

  it("a script detected as a module reports require with Node's hint", async () => {
    expect(await kernel.exec("node /d/imp.js")).toEqual({
      exitCode: 1,
      stdout: "function\n",
      stderr:
        'file:///d/imp.js:3\nrequire("x")\n^\n\nReferenceError: require is not defined in ES module scope, you can use import instead\n' +
        "    at file:///d/imp.js:3:1\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n" +
        "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n" +
        `    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)${FOOTER}`,
      truncated: false,
    });
  });

  it("a detected module in a package.json without type warns as Node does", async () => {
    const r = await kernel.exec("node /p/tla.js");
    expect(r.stdout).toBe("in p\n");
    expect(r.stderr.replace(/^\(node:\d+\)/, "(node:PID)")).toBe(
      "(node:PID) [MODULE_TYPELESS_PACKAGE_JSON] Warning: Module type of file:///p/tla.js is not specified and it doesn't parse as CommonJS.\n" +
        "Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n" +
        'To eliminate this warning, add "type": "module" to /p/package.json.\n' +
        "(Use `node --trace-warnings ...` to show where the warning was created)\n",
    );
  });

  it("a package.json type of commonjs turns detection off", async () => {
    const r = await kernel.exec("node /t/tla.js");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.replace(/^\(node:\d+\)/, "(node:PID)")).toBe(
      '(node:PID) Warning: To load an ES module, set "type": "module" in the package.json or use the .mjs extension.\n' +
        "(Use `node --trace-warnings ...` to show where the warning was created)\n" +
        "/t/tla.js:1\nawait 1;\n^^^^^\n\nSyntaxError: await is only valid in async functions and the top level bodies of modules\n" +
        "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n" +
        "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n    at Module.load (node:internal/modules/cjs/loader:1266:32)\n" +
        "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n" +
        `    at node:internal/main/run_main_module:28:49${FOOTER}`,
    );
  });

  it("--input-type=commonjs turns detection off for -e", async () => {
    expect(await kernel.exec(`node --input-type=commonjs -e ${sq("await 1")}`)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "[eval]:1\nawait 1\n^^^^^\n\nSyntaxError: await is only valid in async functions and the top level bodies of modules\n" +
        "    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n" +
        "    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n" +
        `    at node:internal/main/eval_string:51:3${FOOTER}`,
      truncated: false,
    });
  });

  it("-p with module syntax fails with ERR_EVAL_ESM_CANNOT_PRINT", async () => {
    expect(await kernel.exec(`node -p ${sq("await 1")}`)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "node:internal/process/execution:64\n    throw new ERR_EVAL_ESM_CANNOT_PRINT();\n    ^\n\n" +
        "Error [ERR_EVAL_ESM_CANNOT_PRINT]: --print cannot be used with ESM input\n" +
        "    at evalModuleEntryPoint (node:internal/process/execution:64:11)\n    at evalScript (node:internal/process/execution:87:12)\n" +
        `    at node:internal/main/eval_string:51:3 {\n  code: 'ERR_EVAL_ESM_CANNOT_PRINT'\n}${FOOTER}`,
      truncated: false,
    });
  });

  it("module syntax followed by a syntax error reports the module's error", async () => {
    expect((await run('import fs from "fs"; let x = ;')).stderr).toBe(
      'file:///d/[eval1]:1\nimport fs from "fs"; let x = ;\n                             ^\n\nSyntaxError: Unexpected token \';\'\n' +
        "    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)\n    at ModuleLoader.eval (node:internal/modules/esm/loader:241:18)\n" +
        "    at node:internal/process/execution:68:24\n    at asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:11)\n" +
        "    at Object.runEntryPointWithESMLoader (node:internal/modules/run_main:141:19)\n    at evalModuleEntryPoint (node:internal/process/execution:67:47)\n" +
        `    at evalScript (node:internal/process/execution:87:12)\n    at node:internal/main/eval_string:51:3${FOOTER}`,
    );
  });

  it("top-level await followed by a syntax error reports the CommonJS error", async () => {
    expect((await run("await 1; let x = ;")).stderr.startsWith(
      "[eval]:1\nawait 1; let x = ;\n^^^^^\n\nSyntaxError: await is only valid in async functions and the top level bodies of modules\n",
    )).toBe(true);
  });

  it("a detected script file with a syntax error reports the module's error", async () => {
    expect((await kernel.exec("node /d/bad2.js")).stderr).toBe(
      "file:///d/bad2.js:2\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'\n" +
        "    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)\n    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:146:18)\n" +
        "    at #translate (node:internal/modules/esm/loader:497:12)\n    at ModuleLoader.loadAndTranslate (node:internal/modules/esm/loader:544:27)\n" +
        `    at async ModuleJob._link (node:internal/modules/esm/module_job:148:19)${FOOTER}`,
    );
  });

  it("-c passes a script that fails as CommonJS on module syntax, as Node's check does", async () => {
    expect(await kernel.exec("node -c /d/bad2.js")).toEqual({ exitCode: 0, stdout: "", stderr: "", truncated: false });
    expect(await kernel.exec("node -c /d/tla.js")).toMatchObject({ exitCode: 0, stderr: "" });
  });

  it("a .cjs file with module syntax is not detected, and the main one gets Node's hint", async () => {
    const r = await kernel.exec("node /d/typed.cjs");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.replace(/^\(node:\d+\)/, "(node:PID)")).toBe(
      '(node:PID) Warning: To load an ES module, set "type": "module" in the package.json or use the .mjs extension.\n' +
        "(Use `node --trace-warnings ...` to show where the warning was created)\n" +
        "/d/typed.cjs:1\nconsole.log(typeof require); export {}\n                             ^^^^^^\n\nSyntaxError: Unexpected token 'export'\n" +
        "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n" +
        "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n    at Module.load (node:internal/modules/cjs/loader:1266:32)\n" +
        "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n" +
        `    at node:internal/main/run_main_module:28:49${FOOTER}`,
    );
  });

  it("require of an ES module returns its namespace, with __esModule when it has a default export", async () => {
    expect((await run('console.log(require("./e.js"), require("./m.mjs"))')).stdout).toBe(
      "m\n[Module: null prototype] { a: 5 } [Module: null prototype] { __esModule: true, default: 5 }\n",
    );
  });

  it("require of an ES module with top-level await fails with ERR_REQUIRE_ASYNC_MODULE, running none of it", async () => {
    const r = await run('try { require("./tla.js") } catch (e) { console.log(e.code) }');
    expect(r).toMatchObject({ exitCode: 0, stdout: "ERR_REQUIRE_ASYNC_MODULE\n" });
  });

  it("import of a .js file with module syntax and no type loads it as an ES module", async () => {
    expect((await kernel.exec("node /d/uses-e.mjs")).stdout).toBe("a is 5\n");
    expect((await run('import("./e.js").then((ns) => console.log(ns))')).stdout).toBe("[Module: null prototype] { a: 5 }\n");
  });

  it("an import that cannot be resolved fails with ERR_MODULE_NOT_FOUND", async () => {
    expect(await kernel.exec("node /d/missing.mjs")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "node:internal/modules/esm/resolve:283\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n\n" +
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/d/nonexist.js' imported from /d/missing.mjs\n" +
        "    at finalizeResolution (node:internal/modules/esm/resolve:283:11)\n    at moduleResolve (node:internal/modules/esm/resolve:952:10)\n" +
        "    at defaultResolve (node:internal/modules/esm/resolve:1188:11)\n    at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)\n" +
        "    at #cachedDefaultResolve (node:internal/modules/esm/loader:657:25)\n    at ModuleLoader.resolve (node:internal/modules/esm/loader:640:38)\n" +
        "    at ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:264:38)\n    at ModuleJob._link (node:internal/modules/esm/module_job:168:49) {\n" +
        `  code: 'ERR_MODULE_NOT_FOUND',\n  url: 'file:///d/nonexist.js'\n}${FOOTER}`,
      truncated: false,
    });
  });

  it("a dynamic import that cannot be resolved rejects instead of hanging", async () => {
    expect((await run('import("./nonexist.js").catch((e) => console.log(e.code))')).stdout).toBe("ERR_MODULE_NOT_FOUND\n");
  });

  it("import.meta has Node's keys in Node's order", async () => {
    expect((await run("console.log(import.meta); await 0")).stdout).toBe(
      "[Object: null prototype] {\n  dirname: '/d',\n  filename: '/d/[eval1]',\n  resolve: [Function: resolve],\n  url: 'file:///d/[eval1]'\n}\n",
    );
  });

  it("-e code sees built-in modules as globals, which it may assign", async () => {
    expect((await run("console.log(typeof fs.readFileSync, path.join('a', 'b'), typeof util.inspect, typeof crypto.createHash); fs = 1; console.log(fs)")).stdout).toBe(
      "function a/b function function\n1\n",
    );
    expect((await kernel.exec("node", { stdin: "console.log(typeof fs)" })).stdout).toBe("undefined\n");
  });

  it("-e's module is not loaded, has no parent and has the working directory's node_modules paths", async () => {
    expect((await run("console.log(require.main, module.loaded, module.parent, module.paths)")).stdout).toBe("undefined false undefined [ '/d/node_modules', '/node_modules' ]\n");
  });
});
