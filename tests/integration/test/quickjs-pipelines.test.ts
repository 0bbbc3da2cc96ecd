// The QuickJS driver in pipelines with WASI commands and the kernel's shell: the table of issue 6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKernel, ExecError, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";

/** Quotes a JavaScript snippet for the shell with single quotes. */
const sq = (code: string) => `'${code.replace(/'/g, `'\\''`)}'`;

describe("node in pipelines with WASI commands", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = createKernel({ filesystem: createInMemoryFileSystem() });
    await kernel.mount(createWasmVmRuntime());
    await kernel.mount(createQuickJsRuntime());
    await kernel.vfs.mkdir("/work", { recursive: true });
    await kernel.writeFile("/work/f", "x marks\nno match\nsix x\n");
    await kernel.writeFile("/work/words.txt", "hello\nquiet world\n");
    await kernel.writeFile("/work/script.js", "const { shout } = require('./lib/shout');\nconsole.log(shout('local require'));\n");
    await kernel.writeFile("/work/lib/shout.js", "exports.shout = (s) => s.toUpperCase() + '!';\n").catch(async () => {
      await kernel.vfs.mkdir("/work/lib", { recursive: true });
      await kernel.writeFile("/work/lib/shout.js", "exports.shout = (s) => s.toUpperCase() + '!';\n");
    });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  it("node -e output piped into grep prints only the matching line", async () => {
    expect(await kernel.exec(`node -e "console.log('a\\nb\\nc')" | grep b`)).toEqual({ exitCode: 0, stdout: "b\n", stderr: "", truncated: false });
  });

  it("cat piped into node comes back upper-cased", async () => {
    const r = await kernel.exec(`cat /work/words.txt | node -e ${sq("process.stdin.on('data', (d) => process.stdout.write(d.toString().toUpperCase()))")}`);
    expect(r).toEqual({ exitCode: 0, stdout: "HELLO\nQUIET WORLD\n", stderr: "", truncated: false });
  });

  it("execSync from node runs the WASI grep", async () => {
    const r = await kernel.exec(`cd /work && node -e ${sq("process.stdout.write(require('child_process').execSync('grep x f'))")}`);
    expect(r).toEqual({ exitCode: 0, stdout: "x marks\nsix x\n", stderr: "", truncated: false });
  });

  it("node -p reads stdin through fd 0", async () => {
    expect((await kernel.exec(`echo 1+2 | node -p "require('fs').readFileSync(0,'utf8')"`)).stdout).toBe("1+2\n\n");
  });

  it("node script.js runs a script whose local require works", async () => {
    expect(await kernel.exec("cd /work && node script.js")).toMatchObject({ exitCode: 0, stdout: "LOCAL REQUIRE!\n" });
  });

  it("node -e process.exit(42) exits 42", async () => {
    expect((await kernel.exec(`node -e "process.exit(42)"`)).exitCode).toBe(42);
  });

  it("sh -c passes node's exit status 3 through", async () => {
    expect((await kernel.exec(`sh -c 'node -e "process.exit(3)"'`)).exitCode).toBe(3);
  });

  it("a busy loop is killed within 100 ms of exec's timeout", async () => {
    const started = performance.now();
    const err = await kernel.exec(`node -e "while(true){}"`, { timeout: 200 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(ExecError);
    expect((err as ExecError).code).toBe("ETIMEDOUT");
    expect(elapsed).toBeLessThan(300);
    expect((await kernel.exec(`node -e "console.log('after the kill')"`)).stdout).toBe("after the kill\n");
  });

  it("a JS writer slower than its WASI reader delivers every line, as it writes them", async () => {
    const arrivals: number[] = [];
    const started = performance.now();
    const r = await kernel.exec(
      `node -e ${sq("let i = 0; const t = setInterval(() => { console.log('line ' + i); if (++i === 5) clearInterval(t) }, 60)")} | cat`,
      { onStdout: () => arrivals.push(performance.now() - started) },
    );
    expect(r.stdout).toBe("line 0\nline 1\nline 2\nline 3\nline 4\n");
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    expect(arrivals[arrivals.length - 1] - arrivals[0]).toBeGreaterThanOrEqual(60);
  });

  it("a WASI writer feeds a JS reader through a pipe", async () => {
    const r = await kernel.exec(`seq 1 1000 | node -e ${sq("let n = 0, sum = 0; require('readline').createInterface({ input: process.stdin }).on('line', (l) => { n++; sum += Number(l) }).on('close', () => console.log(n, sum))")}`);
    expect(r.stdout).toBe("1000 500500\n");
  });

  it("node's spawn drives a WASI command through stdin and stdout pipes", async () => {
    const r = await kernel.exec(`node -e ${sq("const c = require('child_process').spawn('grep', ['-c', 'a']); let out = ''; c.stdout.on('data', (d) => out += d); c.on('close', (code) => console.log(code, out.trim())); c.stdin.end('apple\\nberry\\nbanana\\n')")}`);
    expect(r.stdout).toBe("0 2\n");
  });

  it("a redirect sends node's output to a file that WASI cat reads back", async () => {
    const r = await kernel.exec(`node -e "console.log('to a file')" > /work/out.txt && cat /work/out.txt`);
    expect(r.stdout).toBe("to a file\n");
  });

  it("node's output stops cleanly when head closes the pipe", async () => {
    const r = await kernel.exec(`node -e ${sq("for (let i = 0; ; i++) console.log('y' + i)")} | head -n 2`);
    expect(r.stdout).toBe("y0\ny1\n");
  });
});
