/**
 * secure-exec in a real browser: a page bundled with `vite build` composes
 * the kernel, os-browser, driver-wasmvm and driver-quickjs; headless
 * Chromium loads it from a cross-origin-isolated local server (and, to see
 * what happens without isolation, from one that sends no headers, and from
 * Vite's development server); each test runs a command line in the page and
 * checks its exact output. Workers are Web Workers, the bridge is
 * SharedArrayBuffer + Atomics, the file system is memfs: nothing of Node is
 * involved on the page's side.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPage, type BuiltPage } from "./support/build-page.js";
import { CHROMIUM_PATH, launchChromium, type RunningChromium } from "./support/chromium.js";
import { startDevServer } from "./support/dev-server.js";
import { openPage, type OpenPage } from "./support/open-page.js";
import { startStaticServer, type StaticServer } from "./support/static-server.js";

let built: BuiltPage | undefined;
let server: StaticServer | undefined;
let plainServer: StaticServer | undefined;
let browser: RunningChromium | undefined;
let ready: Promise<void> | undefined;

/** Starts Chromium, builds the page and serves it (with and without isolation), once for the whole file. */
function setUp(): Promise<void> {
  ready ??= (async () => {
    browser = await launchChromium();
    built = await buildPage();
    server = await startStaticServer(built.dir);
    plainServer = await startStaticServer(built.dir, { isolated: false });
  })();
  return ready;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await plainServer?.close();
  await built?.remove();
});

it(`Chromium is installed at ${CHROMIUM_PATH}`, () => {
  expect(existsSync(CHROMIUM_PATH), `install it with \`apt-get install -y chromium\` (.ci/run does)`).toBe(true);
});

/** Waits up to five seconds for the page to have no worker, by its own count and by the browser's. */
async function workersLeftAfterDispose(tab: OpenPage): Promise<{ page: string[]; browser: string[] }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const left = { page: await tab.liveWorkers(), browser: tab.workerUrls() };
    if ((left.page.length === 0 && left.browser.length === 0) || Date.now() > deadline) return left;
    await tab.page.waitForTimeout(50);
  }
}

describe("a Vite-built page in Chromium, with the QuickJS worker bundled by Vite", () => {
  let tab: OpenPage;

  beforeAll(async () => {
    await setUp();
    tab = await openPage(browser!.context, server!.origin, "bundled");
  });

  it("is cross-origin isolated, so SharedArrayBuffer exists", async () => {
    const isolation = await tab.page.evaluate(() => [crossOriginIsolated, typeof SharedArrayBuffer]);
    expect(isolation).toEqual([true, "function"]);
  });

  it("echo hello | cat prints hello", async () => {
    const outcome = await tab.exec("echo hello | cat");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "hello\n", stderr: "", error: null });
  });

  it("seq 1 1000 | grep 7 | wc -l counts 271 lines through three WASI processes", async () => {
    const outcome = await tab.exec("seq 1 1000 | grep 7 | wc -l");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "271\n", stderr: "", error: null });
  });

  it('node -e "console.log(1+1)" | cat pipes QuickJS output into WASI cat', async () => {
    const outcome = await tab.exec('node -e "console.log(1+1)" | cat');
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "2\n", stderr: "", error: null });
  });

  it("a here-document expands its variable and feeds tr", async () => {
    const outcome = await tab.exec("name=world; tr a-z A-Z <<EOF\nhello $name\nsecond line\nEOF");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "HELLO WORLD\nSECOND LINE\n", stderr: "", error: null });
  });

  it("a redirect writes into the in-memory file system and cat reads it back", async () => {
    const outcome = await tab.exec("echo stored > /tmp/note.txt && echo appended >> /tmp/note.txt && cat /tmp/note.txt");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "stored\nappended\n", stderr: "", error: null });
    expect(await tab.readFile("/tmp/note.txt")).toBe("stored\nappended\n");
  });

  it("a file node writes with fs.writeFileSync is counted by WASI wc", async () => {
    const outcome = await tab.exec(`node -e "require('fs').writeFileSync('/tmp/js.txt', 'a\\\\nb\\\\nc\\\\n')" && wc -l < /tmp/js.txt`);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "3\n", stderr: "", error: null });
  });

  it("node reads a WASI pipe with fs.readFileSync(0)", async () => {
    const outcome = await tab.exec(`printf 'abc' | node -p "require('fs').readFileSync(0, 'utf8').toUpperCase()"`);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "ABC\n", stderr: "", error: null });
  });

  it("yes | head -n 1 prints one y, ends yes by SIGPIPE and returns within two seconds", async () => {
    const outcome = await tab.exec("yes | head -n 1; echo status ${PIPESTATUS[0]} ${PIPESTATUS[1]}");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "y\nstatus 141 0\n", stderr: "", error: null });
    expect(outcome.elapsedMs).toBeLessThan(2_000);
  });

  it("a 500 ms timeout ends while :; do :; done with ETIMEDOUT, and the kernel still runs commands", async () => {
    const outcome = await tab.exec("while :; do :; done", { timeout: 500 });
    expect(outcome.error).toEqual({ name: "KernelError", code: "ETIMEDOUT", message: "ETIMEDOUT: timed out, exec (after 500 ms)" });
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(500);
    expect(outcome.elapsedMs).toBeLessThan(3_000);
    expect(await tab.exec("echo still here")).toMatchObject({ exitCode: 0, stdout: "still here\n" });
  });

  it("a 500 ms timeout ends a JavaScript busy loop by terminating its worker", async () => {
    const outcome = await tab.exec('node -e "for (;;) {}"', { timeout: 500 });
    expect(outcome.error).toEqual({ name: "KernelError", code: "ETIMEDOUT", message: "ETIMEDOUT: timed out, exec (after 500 ms)" });
    expect(outcome.elapsedMs).toBeLessThan(3_000);
    expect(await tab.exec('node -e "console.log(40 + 2)"')).toMatchObject({ exitCode: 0, stdout: "42\n" });
  });

  it("seq 3 piped into node is read through process.stdin", async () => {
    const outcome = await tab.exec(`seq 3 | node -e "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(s.trim().split('\\\\n').map(Number).reduce((a, b) => a + b)))"`);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "6\n", stderr: "", error: null });
  });

  it("node's fs.readdirSync and fs.statSync see what WASI commands made", async () => {
    const outcome = await tab.exec(`mkdir -p /tmp/d && touch /tmp/d/a /tmp/d/b && node -p "require('fs').readdirSync('/tmp/d').join() + ' ' + require('fs').statSync('/tmp/d').isDirectory()"`);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "a,b true\n", stderr: "", error: null });
  });

  it("node's child_process.execSync runs a WASI pipeline", async () => {
    const outcome = await tab.exec(`node -e "process.stdout.write(require('child_process').execSync('echo hi | tr a-z A-Z'))"`);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "HI\n", stderr: "", error: null });
  });

  it("env -C /tmp pwd changes the WASI process's directory", async () => {
    const outcome = await tab.exec("env -C /tmp pwd");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "/tmp\n", stderr: "", error: null });
  });

  it("the page threw nothing, logged no error and asked for no missing file", () => {
    expect({ pageErrors: tab.pageErrors, consoleErrors: tab.consoleErrors, notFound: server!.notFound }).toEqual({
      pageErrors: [],
      consoleErrors: [],
      notFound: [],
    });
  });

  it("dispose ends every worker of both drivers, and later calls fail with ESHUTDOWN", async () => {
    expect(new Set(await tab.liveWorkers())).toEqual(new Set(["secure-exec-quickjs", "secure-exec-wasi"]));
    await tab.dispose();
    expect(await workersLeftAfterDispose(tab)).toEqual({ page: [], browser: [] });
    const after = await tab.exec("echo too late");
    expect(after.error?.code).toBe("ESHUTDOWN");
  });
});

describe("a page that disposes its kernel as soon as it is composed", () => {
  beforeAll(setUp);

  it("dispose resolves only after every worker is terminated", async () => {
    const tab = await openPage(browser!.context, server!.origin, "bundled");
    const liveWhenDisposed = await tab.dispose();
    expect(await workersLeftAfterDispose(tab)).toEqual({ page: [], browser: [] });
    expect(liveWhenDisposed).toEqual([]);
  });
});

describe("the top README's composition (no driver options) in a Vite-built page", () => {
  let tab: OpenPage;

  beforeAll(async () => {
    await setUp();
    tab = await openPage(browser!.context, server!.origin, "readme");
  });

  afterAll(async () => {
    await tab?.dispose();
  });

  it("runs WASI pipelines: Vite found the WASI worker and commands.wasm by itself", async () => {
    const outcome = await tab.exec("seq 1 1000 | grep 7 | wc -l");
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "271\n", stderr: "", error: null });
  });

  it('node -e "console.log(1+1)" | cat prints 2', async () => {
    const outcome = await tab.exec('node -e "console.log(1+1)" | cat');
    expect(outcome).toMatchObject({ exitCode: 0, stdout: "2\n", stderr: "", error: null });
  });
});

describe("a page served without the cross-origin isolation headers", () => {
  let tab: OpenPage;

  beforeAll(async () => {
    await setUp();
    tab = await openPage(browser!.context, plainServer!.origin, "bundled");
  });

  it("has no SharedArrayBuffer, runs shell builtins, and WASI and node commands fail naming it", async () => {
    expect(await tab.page.evaluate(() => [crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([false, "undefined"]);
    expect(await tab.exec("echo builtin; x=$((6 * 7)); echo $x")).toMatchObject({ exitCode: 0, stdout: "builtin\n42\n", stderr: "" });
    expect(await tab.exec("echo hi | cat")).toMatchObject({
      exitCode: 126,
      stdout: "",
      stderr: "cat: cannot start a WASI worker: SharedArrayBuffer is not defined\n",
    });
    expect(await tab.exec('node -e "console.log(1)"')).toMatchObject({
      exitCode: 1,
      stdout: "",
      stderr: "node: internal error: SharedArrayBuffer is not defined\n",
    });
  });

  it("dispose leaves no live worker", async () => {
    expect(await tab.dispose()).toEqual([]);
  });
});

describe("the same page under the Vite development server", () => {
  it("runs a WASI pipeline and a QuickJS → WASI pipeline, and dispose ends every worker", async () => {
    await setUp();
    const dev = await startDevServer();
    try {
      const tab = await openPage(browser!.context, dev.origin, "bundled");
      expect(await tab.exec("seq 1 1000 | grep 7 | wc -l")).toMatchObject({ exitCode: 0, stdout: "271\n", stderr: "" });
      expect(await tab.exec('node -e "console.log(1+1)" | cat')).toMatchObject({ exitCode: 0, stdout: "2\n", stderr: "" });
      await tab.dispose();
      expect(await workersLeftAfterDispose(tab)).toEqual({ page: [], browser: [] });
      expect(tab.pageErrors).toEqual([]);
    } finally {
      await dev.close();
    }
  });
});
