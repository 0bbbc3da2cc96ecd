import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("built-in modules and globals", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel();
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const out = async (code: string) => {
    const r = await kernel.exec(`node -e ${sq(code)}`);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    return r.stdout;
  };

  it("Buffer converts between encodings, slices as views and reads integers", async () => {
    expect(await out("const b = Buffer.from('héllo'); console.log(b.length, b.toString('hex'), b.toString('base64'), Buffer.from('aGk=', 'base64').toString(), b.slice(1, 3).toString('latin1').length)")).toBe("6 68c3a96c6c6f aMOpbGxv hi 2\n");
    expect(await out("const b = Buffer.alloc(8); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); console.log(b.readUInt32BE(0).toString(16), b.readInt16LE(4), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.byteLength('é'))")).toBe("deadbeef -2 ab -1 2\n");
    expect(await out("const b = Buffer.from('abcabc'); const v = b.subarray(1); v[0] = 0x7a; console.log(b.toString(), b.indexOf('c'), b.includes('zc'), b.equals(Buffer.from('azcabc')), JSON.stringify(Buffer.from([1, 2])))")).toBe('azcabc 2 true true {"type":"Buffer","data":[1,2]}\n');
  });

  it("TextEncoder and TextDecoder handle UTF-8, including split sequences when streaming", async () => {
    expect(await out("const bytes = new TextEncoder().encode('€!'); const d = new TextDecoder(); console.log(bytes.length, d.decode(bytes.subarray(0, 2), { stream: true }) + d.decode(bytes.subarray(2)))")).toBe("4 €!\n");
  });

  it("URL parses, resolves relative references and edits search params", async () => {
    expect(await out("const u = new URL('../c/d?x=1#h', 'https://user@Example.com:8080/a/b/'); u.searchParams.append('y', 'two words'); console.log(u.href, u.host, u.pathname, u.hash)")).toBe(
      "https://user@example.com:8080/a/c/d?x=1&y=two+words#h example.com:8080 /a/c/d #h\n",
    );
    expect(await out("const { fileURLToPath, pathToFileURL } = require('url'); console.log(fileURLToPath('file:///tmp/a%20b'), pathToFileURL('/x y').href)")).toBe("/tmp/a b file:///x%20y\n");
    expect(await kernel.exec(`node -e ${sq("new URL('not a url')")}`)).toMatchObject({ exitCode: 1 });
  });

  it("path follows POSIX rules", async () => {
    expect(await out("const p = require('path'); console.log(p.join('/a', '../b', 'c/'), p.resolve('/x', 'y', '..', 'z'), p.relative('/a/b/c', '/a/d'), p.basename('/q/w.txt', '.txt'), p.extname('f.tar.gz'), p.dirname('/a/b/'), JSON.stringify(p.parse('/home/u/f.txt')))")).toBe(
      '/b/c/ /x/z ../../d w .gz /a {"root":"/","dir":"/home/u","base":"f.txt","ext":".txt","name":"f"}\n',
    );
  });

  it("events: on, once, prependListener, removeListener and an error event without a listener", async () => {
    expect(await out("const E = require('events'); const e = new E(); e.on('x', (v) => console.log('on', v)); e.once('x', (v) => console.log('once', v)); e.prependListener('x', () => console.log('first')); e.emit('x', 1); e.emit('x', 2); console.log(e.listenerCount('x')); try { e.emit('error', new Error('unheard')) } catch (err) { console.log(err.message) }")).toBe(
      "first\non 1\nonce 1\nfirst\non 2\n2\nunheard\n",
    );
    expect(await out("const { once, EventEmitter } = require('events'); const e = new EventEmitter(); once(e, 'ready').then(([v]) => console.log('ready', v)); e.emit('ready', 7)")).toBe("ready 7\n");
  });

  it("util.promisify, util.inherits, util.types and util.isDeepStrictEqual", async () => {
    expect(await out("const util = require('util'); const f = (a, cb) => setTimeout(() => cb(null, a * 2), 1); util.promisify(f)(21).then((v) => console.log(v, util.types.isPromise(Promise.resolve()), util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual([1], ['1'])))")).toBe("42 true true false\n");
    expect(await out("const util = require('util'); function A() {} function B() {} util.inherits(B, A); console.log(new B() instanceof A, B.super_ === A)")).toBe("true true\n");
  });

  it("stream: a Transform pipeline, Readable.from and async iteration", async () => {
    expect(await out("const { Readable, Transform, Writable, pipeline } = require('stream'); const up = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()) } }); let got = ''; pipeline(Readable.from(['a', 'b', 'c']), up, new Writable({ write(c, e, cb) { got += c; cb() } }), (err) => console.log(err, got))")).toBe("undefined ABC\n");
    expect(await out("(async () => { const parts = []; for await (const x of require('stream').Readable.from([1, 2, 3])) parts.push(x); console.log(parts) })()")).toBe("[ 1, 2, 3 ]\n");
  });

  it("os describes the sandbox and assert reports failures with ERR_ASSERTION", async () => {
    expect(await out("const os = require('os'); console.log(os.platform(), os.EOL === '\\n', os.tmpdir(), os.hostname(), typeof os.totalmem(), Array.isArray(os.cpus()))")).toBe("linux true /tmp sandbox number true\n");
    expect(await out("const assert = require('assert'); try { assert.deepStrictEqual({ a: 1 }, { a: 2 }) } catch (e) { console.log(e.code, e.name) } assert.ok(true); assert.throws(() => { throw new TypeError('t') }, TypeError); console.log('ok')")).toBe("ERR_ASSERTION AssertionError\nok\n");
  });

  it("structuredClone, queueMicrotask, AbortController, crypto.randomUUID and Math.random work", async () => {
    expect(await out("const o = { d: new Date(0), m: new Map([[1, { x: 1 }]]) }; const c = structuredClone(o); console.log(c.d.getTime(), c.m.get(1).x, c.m !== o.m)")).toBe("0 1 true\n");
    expect(await out("const ac = new AbortController(); ac.signal.addEventListener('abort', () => console.log('aborted', ac.signal.aborted)); ac.abort(); console.log(/^[0-9a-f-]{36}$/.test(crypto.randomUUID()), Math.random() !== Math.random())")).toBe("aborted true\ntrue true\n");
  });

  it("crypto.createHash and createHmac give the standard digests", async () => {
    expect(await out("const c = require('crypto'); for (const a of ['md5', 'sha1', 'sha256', 'sha512']) console.log(a, c.createHash(a).update('hello ').update('world').digest('hex'))")).toBe(
      "md5 5eb63bbbe01eeed093cb22bb8f5acdc3\n" +
        "sha1 2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\n" +
        "sha256 b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\n" +
        "sha512 309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f\n",
    );
    expect(await out("console.log(require('crypto').createHmac('sha256', 'key').update('msg').digest('hex'))")).toBe("2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628\n");
    expect(await kernel.exec(`node -e ${sq("require('crypto').createHash('nope')")}`)).toMatchObject({ exitCode: 1 });
  });

  it("every process starts from a clean image: globals set by one are gone in the next", async () => {
    await out("globalThis.leaked = 1; Array.prototype.extra = 2; require('fs').marker = 3");
    expect(await out("console.log(typeof leaked, [].extra, require('fs').marker)")).toBe("undefined undefined undefined\n");
  });

  it("process.memoryUsage works in one process after another", async () => {
    for (let i = 0; i < 3; i++) expect(await out("const m = process.memoryUsage(); console.log(m.heapUsed > 0, m.rss >= m.heapUsed)")).toBe("true true\n");
  });

  it("Math.random gives different sequences to different processes", async () => {
    const a = await out("console.log(Math.random())");
    const b = await out("console.log(Math.random())");
    expect(a).not.toBe(b);
  });
});
