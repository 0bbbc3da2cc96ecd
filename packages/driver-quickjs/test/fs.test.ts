import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("fs over the kernel's file system", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel({}, { "/data/in.txt": "line one\nline two\n" });
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const run = (code: string) => kernel.exec(`node -e ${sq(code)}`);

  it("writeFileSync, appendFileSync and readFileSync round-trip text and bytes", async () => {
    const r = await run(`
      const fs = require('fs');
      fs.writeFileSync('/tmp/a.txt', 'hello');
      fs.appendFileSync('/tmp/a.txt', Buffer.from(' world'));
      console.log(fs.readFileSync('/tmp/a.txt', 'utf8'), fs.readFileSync('/tmp/a.txt').length);
    `);
    expect(r.stdout).toBe("hello world 11\n");
    expect(await kernel.readFile("/tmp/a.txt")).toEqual(new TextEncoder().encode("hello world"));
  });

  it("mkdir recursive, readdir with file types, stat and lstat", async () => {
    const r = await run(`
      const fs = require('fs');
      console.log(fs.mkdirSync('/tmp/x/y/z', { recursive: true }));
      fs.writeFileSync('/tmp/x/file', '12345');
      fs.symlinkSync('/tmp/x/file', '/tmp/x/link');
      console.log(fs.readdirSync('/tmp/x', { withFileTypes: true }).map((d) => d.name + ':' + (d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : 'f')).join(' '));
      console.log(fs.statSync('/tmp/x/link').size, fs.lstatSync('/tmp/x/link').isSymbolicLink(), fs.statSync('/tmp/x').isDirectory());
      console.log(fs.readdirSync('/tmp/x', { recursive: true }).join(' '));
    `);
    expect(r.stdout).toBe("/tmp/x\nfile:f link:l y:d\n5 true true\nfile link y y/z\n");
  });

  it("rm recursive and force, rename, unlink and exists", async () => {
    const r = await run(`
      const fs = require('fs');
      fs.mkdirSync('/tmp/r/s', { recursive: true });
      fs.writeFileSync('/tmp/r/s/f', 'x');
      fs.renameSync('/tmp/r/s/f', '/tmp/r/g');
      console.log(fs.existsSync('/tmp/r/s/f'), fs.existsSync('/tmp/r/g'));
      fs.unlinkSync('/tmp/r/g');
      fs.rmSync('/tmp/r', { recursive: true });
      fs.rmSync('/tmp/r', { recursive: true, force: true });
      console.log(fs.existsSync('/tmp/r'));
    `);
    expect(r.stdout).toBe("false true\nfalse\n");
  });

  it("errors carry Node's message, code, errno, syscall and the path as given", async () => {
    const r = await run(`
      const fs = require('fs');
      try { fs.readFileSync('missing.txt') } catch (e) { console.log(e.message, e.code, e.errno, e.syscall, e.path) }
      try { fs.readdirSync('/data/in.txt') } catch (e) { console.log(e.message) }
      try { fs.mkdirSync('/data') } catch (e) { console.log(e.code) }
    `);
    expect(r.stdout).toBe("ENOENT: no such file or directory, open 'missing.txt' ENOENT -2 open missing.txt\nENOTDIR: not a directory, scandir '/data/in.txt'\nEEXIST\n");
  });

  it("callback forms deliver results after the current code finishes", async () => {
    const r = await run(`
      const fs = require('fs');
      fs.readFile('/data/in.txt', 'utf8', (err, text) => console.log('cb', err, JSON.stringify(text)));
      fs.stat('/nope', (err) => console.log('stat', err.code));
      console.log('first');
    `);
    expect(r.stdout).toBe('first\ncb null "line one\\nline two\\n"\nstat ENOENT\n');
  });

  it("promise forms work from fs.promises and fs/promises", async () => {
    const r = await run(`
      const fsp = require('fs/promises');
      (async () => {
        await fsp.writeFile('/tmp/p.txt', 'promised');
        await require('fs').promises.appendFile('/tmp/p.txt', '!');
        console.log(await fsp.readFile('/tmp/p.txt', 'utf8'), (await fsp.readdir('/data')).join(','));
        const fh = await fsp.open('/tmp/p.txt', 'r');
        const { bytesRead, buffer } = await fh.read(Buffer.alloc(4), 0, 4, 0);
        console.log(bytesRead, buffer.toString());
        await fh.close();
        await fsp.rm('/tmp/p.txt');
        await fsp.stat('/tmp/p.txt').catch((e) => console.log(e.code));
      })();
    `);
    expect(r.stdout).toBe("promised! in.txt\n4 prom\nENOENT\n");
  });

  it("createReadStream and createWriteStream move data in chunks", async () => {
    const r = await run(`
      const fs = require('fs');
      const out = fs.createWriteStream('/tmp/copy.txt');
      fs.createReadStream('/data/in.txt', { highWaterMark: 4 }).pipe(out);
      out.on('finish', () => {
        const chunks = [];
        fs.createReadStream('/tmp/copy.txt', { encoding: 'utf8', start: 5, end: 7 })
          .on('data', (c) => chunks.push(c))
          .on('end', () => console.log(JSON.stringify(fs.readFileSync('/tmp/copy.txt', 'utf8')), chunks.join('|')));
      });
    `);
    expect(r.stdout).toBe('"line one\\nline two\\n" one\n');
  });

  it("descriptors from openSync are kernel descriptors for readSync, writeSync and fstatSync", async () => {
    const r = await run(`
      const fs = require('fs');
      const fd = fs.openSync('/tmp/fd.txt', 'w+');
      fs.writeSync(fd, 'abcdef');
      const buf = Buffer.alloc(3);
      console.log(fs.readSync(fd, buf, 0, 3, 2), buf.toString(), fs.fstatSync(fd).size, fd >= 3);
      fs.closeSync(fd);
    `);
    expect(r.stdout).toBe("3 cde 6 true\n");
  });

  it("readFileSync(0) reads all of stdin", async () => {
    const r = await kernel.exec(`echo 1+2 | node -p ${sq("require('fs').readFileSync(0, 'utf8')")}`);
    expect(r.stdout).toBe("1+2\n\n");
  });
});
