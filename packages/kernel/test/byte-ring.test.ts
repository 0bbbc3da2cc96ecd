import { describe, expect, it } from "vitest";
import { ByteRing } from "../src/byte-ring.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function shiftText(ring: ByteRing, length: number): string {
  const out = new Uint8Array(length);
  return text(out.subarray(0, ring.shift(out)));
}

describe("ByteRing", () => {
  it("gives bytes back in the order they were pushed", () => {
    const ring = new ByteRing(16);
    ring.push(bytes("abc"));
    ring.push(bytes("def"));
    expect(shiftText(ring, 4)).toBe("abcd");
    expect(shiftText(ring, 4)).toBe("ef");
    expect(ring.size).toBe(0);
  });

  it("takes only as many bytes as there is room for", () => {
    const ring = new ByteRing(5);
    expect(ring.push(bytes("0123456789"))).toBe(5);
    expect(ring.room).toBe(0);
    expect(ring.push(bytes("x"))).toBe(0);
    expect(shiftText(ring, 10)).toBe("01234");
  });

  it("wraps around the end of its array and keeps the order", () => {
    const ring = new ByteRing(8);
    ring.push(bytes("012345"));
    expect(shiftText(ring, 4)).toBe("0123");
    expect(ring.push(bytes("abcdef"))).toBe(6);
    expect(shiftText(ring, 3)).toBe("45a");
    expect(ring.push(bytes("XYZ"))).toBe(3);
    expect(shiftText(ring, 8)).toBe("bcdefXYZ");
  });

  it("grows its array while bytes wrap, up to 64 KiB, keeping every byte in order", () => {
    const ring = new ByteRing(65536);
    const source = new Uint8Array(65536);
    for (let i = 0; i < source.length; i++) source[i] = (i * 7) & 0xff;
    expect(ring.push(source.subarray(0, 3000))).toBe(3000);
    const head = new Uint8Array(2000);
    ring.shift(head);
    expect(ring.push(source.subarray(3000, 5000))).toBe(2000);
    expect(ring.push(source.subarray(5000))).toBe(60536);
    expect(ring.size).toBe(63536);
    const rest = new Uint8Array(65536);
    expect(ring.shift(rest)).toBe(63536);
    expect(Array.from(head)).toEqual(Array.from(source.subarray(0, 2000)));
    expect(Array.from(rest.subarray(0, 63536))).toEqual(Array.from(source.subarray(2000)));
  });

  it("fills a target in shared memory as it fills an ordinary one", () => {
    const ring = new ByteRing(1024);
    const source = new Uint8Array(1000).map((_, i) => i & 0xff);
    ring.push(source);
    const shared = new Uint8Array(new SharedArrayBuffer(1003), 3);
    expect(ring.shift(shared)).toBe(1000);
    expect(Array.from(shared)).toEqual(Array.from(source));
  });

  it("is empty after clear", () => {
    const ring = new ByteRing(8);
    ring.push(bytes("abc"));
    ring.clear();
    expect(ring.size).toBe(0);
    expect(shiftText(ring, 8)).toBe("");
  });
});
