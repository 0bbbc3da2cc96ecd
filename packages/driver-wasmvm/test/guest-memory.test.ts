import { describe, expect, it } from "vitest";
import { Errno } from "../src/shared/wasi-defs.js";
import { GuestFault, GuestMemory } from "../src/worker/guest-memory.js";

function faultOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuestFault) return error.errno;
    throw error;
  }
  return undefined;
}

describe("GuestMemory", () => {
  it("reads and writes in range, and faults one byte past the end", () => {
    const memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    memory.setU32(65532, 0xdeadbeef);
    expect(memory.u32(65532)).toBe(0xdeadbeef);
    expect(faultOf(() => memory.u32(65533))).toBe(Errno.FAULT);
    expect(faultOf(() => memory.bytes(65535, 2))).toBe(Errno.FAULT);
    expect(faultOf(() => memory.bytes(-1, 1))).toBe(Errno.FAULT);
  });

  it("sees memory that grew after it was created", () => {
    const raw = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const memory = new GuestMemory(raw);
    raw.grow(1);
    memory.setU8(100_000, 7);
    expect(memory.u8(100_000)).toBe(7);
  });

  it("checks every iovec and the buffer each points at", () => {
    const memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    memory.setU32(0, 100);
    memory.setU32(4, 10);
    memory.setU32(8, 65530);
    memory.setU32(12, 10);
    expect(memory.iovecs(0, 1)).toEqual([{ ptr: 100, len: 10 }]);
    expect(faultOf(() => memory.iovecs(0, 2))).toBe(Errno.FAULT);
    expect(faultOf(() => memory.iovecs(65532, 1))).toBe(Errno.FAULT);
  });

  it("decodes UTF-8 strings and gives EILSEQ for invalid bytes", () => {
    const memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    memory.bytes(0, 4).set([0x68, 0xc3, 0xa9, 0xff]);
    expect(memory.string(0, 3)).toBe("hé");
    expect(faultOf(() => memory.string(0, 4))).toBe(Errno.ILSEQ);
  });

  it("lays out argv-style string lists with NUL terminators and pointers", () => {
    const memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    const items = ["ab", "c"].map((s) => new TextEncoder().encode(s));
    memory.writeStringList(items, 0, 16);
    expect([memory.u32(0), memory.u32(4)]).toEqual([16, 19]);
    expect(Array.from(memory.bytes(16, 5))).toEqual([0x61, 0x62, 0, 0x63, 0]);
    expect(faultOf(() => memory.writeStringList(items, 0, 65533))).toBe(Errno.FAULT);
  });
});
