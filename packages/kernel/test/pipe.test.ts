import { describe, expect, it } from "vitest";
import { PipeBuffer } from "../src/pipe.js";
import { isKernelError } from "../src/errors.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe("PipeBuffer", () => {
  it("a read returns buffered bytes at once", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("hello"));
    expect(text(await pipe.read(100))).toBe("hello");
  });

  it("a read waits for a write", async () => {
    const pipe = new PipeBuffer();
    const pending = pipe.read(100);
    await pipe.write(bytes("late"));
    expect(text(await pending)).toBe("late");
  });

  it("a read returns at most the requested length and leaves the rest", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("abcdef"));
    expect(text(await pipe.read(4))).toBe("abcd");
    expect(text(await pipe.read(4))).toBe("ef");
  });

  it("a read spanning several writes joins them in order", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("ab"));
    await pipe.write(bytes("cd"));
    await pipe.write(bytes("ef"));
    expect(text(await pipe.read(5))).toBe("abcde");
  });

  it("end of file comes after the buffer drains once the writer closes", async () => {
    const pipe = new PipeBuffer();
    await pipe.write(bytes("tail"));
    pipe.closeWriter();
    expect(text(await pipe.read(100))).toBe("tail");
    expect((await pipe.read(100)).length).toBe(0);
  });

  it("a waiting read sees end of file when the writer closes", async () => {
    const pipe = new PipeBuffer();
    const pending = pipe.read(10);
    pipe.closeWriter();
    expect((await pending).length).toBe(0);
  });

  it("a write to a full pipe waits until a reader drains it", async () => {
    const pipe = new PipeBuffer(8);
    let done = false;
    const write = Promise.resolve(pipe.write(bytes("0123456789ab"))).then((n) => {
      done = true;
      return n;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    expect(pipe.buffered).toBe(8);
    expect(text(await pipe.read(8))).toBe("01234567");
    expect(await write).toBe(12);
    expect(text(await pipe.read(8))).toBe("89ab");
  });

  it("the buffer never holds more than its capacity", async () => {
    const pipe = new PipeBuffer(16);
    const writes = [pipe.write(new Uint8Array(40)), pipe.write(new Uint8Array(40))];
    let total = 0;
    while (total < 80) total += (await pipe.read(7)).length;
    await Promise.all(writes);
    expect(pipe.highWaterMark).toBe(16);
  });

  it("a write with no reader fails with EPIPE", () => {
    const pipe = new PipeBuffer();
    pipe.closeReader();
    expect(() => pipe.write(bytes("x"))).toThrow(expect.objectContaining({ code: "EPIPE" }));
  });

  it("a write waiting on a full pipe fails with EPIPE when the reader closes", async () => {
    const pipe = new PipeBuffer(4);
    const pending = pipe.write(bytes("123456"));
    pipe.closeReader();
    await expect(pending).rejects.toMatchObject({ code: "EPIPE" });
  });

  it("a cancelled read takes no bytes", async () => {
    const pipe = new PipeBuffer();
    const abort = new AbortController();
    const cancelled = pipe.read(10, abort.signal);
    abort.abort();
    await expect(cancelled).rejects.toSatisfy((e: unknown) => isKernelError(e, "EINTR"));
    await pipe.write(bytes("kept"));
    expect(text(await pipe.read(10))).toBe("kept");
  });

  it("non-blocking reads and writes fail with EAGAIN instead of waiting", () => {
    const pipe = new PipeBuffer(2);
    expect(() => pipe.read(1, undefined, true)).toThrow(expect.objectContaining({ code: "EAGAIN" }));
    expect(pipe.write(bytes("abc"), undefined, true)).toBe(2);
    expect(() => pipe.write(bytes("c"), undefined, true)).toThrow(expect.objectContaining({ code: "EAGAIN" }));
  });

  it("waitReady resolves when data arrives", async () => {
    const pipe = new PipeBuffer();
    expect(pipe.poll().readable).toBe(false);
    const ready = pipe.waitReady("read");
    await pipe.write(bytes("x"));
    await ready;
    expect(pipe.poll().readable).toBe(true);
  });

  it("readers waiting in line are served in arrival order", async () => {
    const pipe = new PipeBuffer();
    const first = pipe.read(2);
    const second = pipe.read(2);
    await pipe.write(bytes("ab"));
    await pipe.write(bytes("cd"));
    expect([text(await first), text(await second)]).toEqual(["ab", "cd"]);
  });
});
