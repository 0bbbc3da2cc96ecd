import { describe, expect, it } from "vitest";
import { copyBytes, copyOut, isSharedView } from "./copy.js";

function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return bytes;
}

/** The index of the first byte where `a` and `b` differ, or -1 when they are the same bytes. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function region(shared: boolean, length: number): Uint8Array {
  return new Uint8Array(shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length));
}

const kinds = [
  ["unshared", "unshared"],
  ["unshared", "shared"],
  ["shared", "unshared"],
  ["shared", "shared"],
] as const;

describe("copyBytes", () => {
  for (const [from, to] of kinds) {
    it(`copies ${from} to ${to} memory exactly at every pair of offsets modulo 8, for short, long and multi-block lengths`, () => {
      for (const length of [0, 7, 255, 256, 4099, 140_003]) {
        const expected = pattern(length, length);
        for (let sourceAt = 0; sourceAt < 8; sourceAt++) {
          for (let targetAt = 0; targetAt < 8; targetAt++) {
            const source = region(from === "shared", length + 16).subarray(sourceAt, sourceAt + length);
            source.set(expected);
            const target = region(to === "shared", length + 32);
            target.fill(0xee);
            copyBytes(target, source, targetAt);
            expect(firstDifference(target.subarray(targetAt, targetAt + length), expected)).toBe(-1);
            expect(target[targetAt - 1] ?? 0xee).toBe(0xee);
            expect(target[targetAt + length]).toBe(0xee);
          }
        }
      }
    });
  }

  it("copyOut returns an unshared copy of shared bytes", () => {
    const shared = region(true, 1000).subarray(3, 803);
    shared.set(pattern(800, 1));
    const copy = copyOut(shared);
    expect(isSharedView(shared)).toBe(true);
    expect(isSharedView(copy)).toBe(false);
    expect(firstDifference(copy, pattern(800, 1))).toBe(-1);
  });
});
