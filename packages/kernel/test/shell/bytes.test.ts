import { describe, expect, it } from "vitest";
import { decodeBytes, encodeText, rawByteChar } from "../../src/shell/bytes.js";

describe("encodeText and decodeBytes", () => {
  it("round-trip UTF-8 text", () => {
    const text = "héllo μ ✓ 🎉";
    expect(decodeBytes(encodeText(text))).toBe(text);
    expect([...encodeText("é")]).toEqual([0xc3, 0xa9]);
  });

  it("carry bytes that are not UTF-8 as lone surrogates and write them back unchanged", () => {
    const bytes = Uint8Array.of(0x61, 0xff, 0xc3, 0x62, 0xe2, 0x82);
    const text = decodeBytes(bytes);
    expect(text).toBe("a" + rawByteChar(0xff) + rawByteChar(0xc3) + "b" + rawByteChar(0xe2) + rawByteChar(0x82));
    expect([...encodeText(text)]).toEqual([...bytes]);
  });
});
