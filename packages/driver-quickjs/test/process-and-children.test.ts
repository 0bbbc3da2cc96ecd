import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("process, stdin, timers and child_process", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, { "/data/f": "ab\nxy\nax\n" });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const run = (code: string, stdin?: string) => kernel.exec(`node -e ${sq(code)}`, stdin === undefined ? {} : { stdin });

  it("stdin arrives through data and end events", async () => {
    const r = await run("process.stdin.on('data', (d) => process.stdout.write(d.toString().toUpperCase())); process.stdin.on('end', () => console.log('<end>'))", "piped text\n");
    expect(r.stdout).toBe("PIPED TEXT\n<end>\n");
  });

  it("stdin can be read with async iteration", async () => {
    const r = await run("(async () => { let all = ''; for await (const c of process.stdin) all += c; console.log(all.length, JSON.stringify(all)) })()", "abc\ndef\n");
    expect(r.stdout).toBe('8 "abc\\ndef\\n"\n');
  });

  it("readline yields stdin line by line", async () => {
    const r = await run("const rl = require('readline').createInterface({ input: process.stdin }); rl.on('line', (l) => console.log('[' + l + ']')); rl.on('close', () => console.log('closed'))", "one\ntwo");
    expect(r.stdout).toBe("[one]\n[two]\nclosed\n");
  });

  it("nextTicks run before promise jobs, and both before timers and immediates", async () => {
    const r = await run(`
      setTimeout(() => console.log('timeout'), 100);
      setImmediate(() => console.log('immediate'));
      process.nextTick(() => console.log('tick'));
      Promise.resolve().then(() => console.log('promise'));
      queueMicrotask(() => console.log('microtask'));
      console.log('sync');
    `);
    expect(r.stdout).toBe("sync\ntick\npromise\nmicrotask\nimmediate\ntimeout\n");
  });

  it("clearTimeout and clearImmediate cancel before the callback runs", async () => {
    const r = await run("const t = setTimeout(() => console.log('no'), 1); clearTimeout(t); const i = setImmediate(() => console.log('no')); clearImmediate(i); setTimeout(() => console.log('done'), 2)");
    expect(r.stdout).toBe("done\n");
  });

  it("setInterval repeats until cleared and timers wait for their delay", async () => {
    const r = await run("const start = Date.now(); let n = 0; const t = setInterval(() => { if (++n === 3) { clearInterval(t); console.log(n, Date.now() - start >= 25) } }, 10)");
    expect(r.stdout).toBe("3 true\n");
  });

  it("process exposes env, cwd, chdir, pid, ppid, platform and hrtime", async () => {
    const r = await kernel.exec(`cd /data && FOO=bar node -e ${sq("process.chdir('/tmp'); const t = process.hrtime(); console.log(process.env.FOO, process.cwd(), process.pid > 0, typeof process.ppid, process.platform, t.length, typeof process.hrtime.bigint())")}`);
    expect(r.stdout).toBe("bar /tmp true number linux 2 bigint\n");
  });

  it("process.exit runs exit listeners with the code", async () => {
    expect((await run("process.on('exit', (c) => console.log('exiting', c)); process.exit(5)")).stdout).toBe("exiting 5\n");
  });

  it("execSync runs a shell command and returns its stdout", async () => {
    const r = await run("const cp = require('child_process'); console.log(JSON.stringify(cp.execSync('echo hi; echo there').toString()), JSON.stringify(cp.execSync('node -p 40+2', { encoding: 'utf8' })))");
    expect(r.stdout).toBe('"hi\\nthere\\n" "42\\n"\n');
  });

  it("execSync throws with the status when the command fails", async () => {
    const r = await run("try { require('child_process').execSync('echo oops >&2; exit 4', { stdio: 'pipe' }) } catch (e) { console.log(e.status, JSON.stringify(e.stderr.toString()), e.message.split('\\n')[0]) }");
    expect(r.stdout).toBe('4 "oops\\n" Command failed: echo oops >&2; exit 4\n');
  });

  it("spawnSync feeds input and reports status, stdout and stderr separately", async () => {
    const r = await run("const r = require('child_process').spawnSync('node', ['-e', 'process.stdin.pipe(process.stdout); console.error(\"E\")'], { input: 'fed' }); console.log(r.status, r.stdout.toString(), r.stderr.toString().trim())");
    expect(r.stdout).toBe("0 fed E\n");
  });

  it("execFileSync runs a program without a shell", async () => {
    expect((await run("console.log(require('child_process').execFileSync('node', ['-p', '6*7'], { encoding: 'utf8' }).trim())")).stdout).toBe("42\n");
  });

  it("spawn streams a child's output and reports exit and close", async () => {
    const r = await run(`
      const c = require('child_process').spawn('sh', ['-c', 'echo one; echo two >&2; exit 6']);
      let out = '', err = '';
      c.stdout.on('data', (d) => out += d);
      c.stderr.on('data', (d) => err += d);
      c.on('exit', (code) => console.log('exit', code));
      c.on('close', (code) => console.log('close', code, JSON.stringify(out), JSON.stringify(err)));
    `);
    expect(r.stdout).toBe('exit 6\nclose 6 "one\\n" "two\\n"\n');
  });

  it("spawn with a stdin pipe lets the parent write to the child", async () => {
    const r = await run(`
      const c = require('child_process').spawn('node', ['-e', 'process.stdin.on("data", (d) => process.stdout.write("child got " + d))']);
      c.stdout.on('data', (d) => process.stdout.write(d));
      c.stdin.write('ping');
      c.stdin.end();
      c.on('close', (code) => console.log(' / code', code));
    `);
    expect(r.stdout).toBe("child got ping / code 0\n");
  });

  it("exec collects output for its callback and reports failures as errors", async () => {
    const r = await run("const cp = require('child_process'); cp.exec('echo viaexec', (err, out) => { console.log(err, JSON.stringify(out)); cp.exec('exit 2', (e) => console.log(e.code)) })");
    expect(r.stdout).toBe('null "viaexec\\n"\n2\n');
  });

  it("spawning an unknown command emits an ENOENT error", async () => {
    const r = await run("require('child_process').spawn('no-such-cmd').on('error', (e) => console.log(e.code, e.message))");
    expect(r.stdout).toBe("ENOENT spawn no-such-cmd ENOENT\n");
  });

  it("child.kill ends a running child with its signal", async () => {
    const r = await run("const c = require('child_process').spawn('node', ['-e', 'setInterval(() => {}, 1000)']); c.on('spawn', () => c.kill()); c.on('exit', (code, sig) => console.log(code, sig))");
    expect(r.stdout).toBe("null SIGTERM\n");
  });
});
