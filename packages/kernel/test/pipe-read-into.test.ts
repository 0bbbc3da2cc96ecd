import { describe, expect, it } from "vitest";
import { isKernelError } from "../src/errors.js";
import { PipeBuffer } from "../src/pipe.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe("PipeBuffer.readInto", () => {
  it("copies buffered bytes into the target and returns the count", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("hello"));
    const target = new Uint8Array(8);
    expect(await pipe.readInto(target)).toBe(5);
    expect(text(target.subarray(0, 5))).toBe("hello");
    expect(pipe.buffered).toBe(0);
  });

  it("a waiting reader gets the next write straight into its target", async () => {
    const pipe = new PipeBuffer();
    const target = new Uint8Array(4);
    const pending = pipe.readInto(target);
    expect(await pipe.write(bytes("abcdef"))).toBe(6);
    expect(await pending).toBe(4);
    expect(text(target)).toBe("abcd");
    expect(pipe.buffered).toBe(2);
    expect(text(await pipe.read(10))).toBe("ef");
  });

  it("takes a blocked writer's bytes beyond the buffer in the same read, in order, never buffering more than the capacity", async () => {
    const pipe = new PipeBuffer(8);
    const write = pipe.write(bytes("0123456789abcdefghij"));
    expect(pipe.buffered).toBe(8);
    const target = new Uint8Array(16);
    expect(await pipe.readInto(target)).toBe(16);
    expect(text(target)).toBe("0123456789abcdef");
    expect(pipe.buffered).toBe(4);
    expect(await write).toBe(20);
    expect(text(await pipe.read(16))).toBe("ghij");
    expect(pipe.highWaterMark).toBe(8);
  });

  it("serves two blocked writers to one large read in the order they wrote", async () => {
    const pipe = new PipeBuffer(4);
    const first = pipe.write(bytes("abcdef"));
    const second = pipe.write(bytes("ghij"));
    expect(text(await pipe.read(100))).toBe("abcdefghij");
    expect([await first, await second]).toEqual([6, 4]);
    expect(pipe.buffered).toBe(0);
  });

  it("reads into shared memory", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("shared"));
    const target = new Uint8Array(new SharedArrayBuffer(16), 1, 8);
    expect(await pipe.readInto(target)).toBe(6);
    expect(Array.from(target.subarray(0, 6))).toEqual(Array.from(bytes("shared")));
  });

  it("streams 1 MiB through a 64 KiB pipe into a reused target with every byte in order and at most 64 KiB buffered", async () => {
    const pipe = new PipeBuffer();
    const source = new Uint8Array(1 << 20);
    for (let i = 0; i < source.length; i++) source[i] = (i * 13 + (i >> 9)) & 0xff;
    const writes = [pipe.write(source.subarray(0, 300_000)), pipe.write(source.subarray(300_000))];
    void Promise.all(writes).then(() => pipe.closeWriter());
    const target = new Uint8Array(40_000);
    const received = new Uint8Array(source.length);
    let total = 0;
    for (;;) {
      const n = await pipe.readInto(target);
      if (n === 0) break;
      received.set(target.subarray(0, n), total);
      total += n;
    }
    expect(total).toBe(source.length);
    expect(received.every((b, i) => b === source[i])).toBe(true);
    expect(pipe.highWaterMark).toBe(65536);
  });

  it("returns 0 at end of file", async () => {
    const pipe = new PipeBuffer();
    const pending = pipe.readInto(new Uint8Array(4));
    pipe.closeWriter();
    expect(await pending).toBe(0);
  });

  it("a cancelled readInto leaves its target untouched and takes nothing", async () => {
    const pipe = new PipeBuffer();
    const abort = new AbortController();
    const target = new Uint8Array(4).fill(0x2e);
    const cancelled = pipe.readInto(target, abort.signal);
    abort.abort();
    await expect(cancelled).rejects.toSatisfy((e: unknown) => isKernelError(e, "EINTR"));
    await pipe.write(bytes("kept"));
    expect(text(target)).toBe("....");
    expect(text(await pipe.read(10))).toBe("kept");
  });

  it("fails with EAGAIN on an empty pipe when non-blocking", () => {
    const pipe = new PipeBuffer();
    expect(() => pipe.readInto(new Uint8Array(4), undefined, true)).toThrow(expect.objectContaining({ code: "EAGAIN" }));
  });
});
