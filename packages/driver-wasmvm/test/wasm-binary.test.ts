import { describe, expect, it } from "vitest";
import { readCommandList } from "../src/binary/command-list.js";
import { WASM_HEADER, capMemory, customSections, isWasm } from "../src/binary/wasm-binary.js";

const text = (s: string) => Array.from(new TextEncoder().encode(s));
const name = (s: string) => [s.length, ...text(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/** A module from sections (each body shorter than 128 bytes, so one-byte sizes). */
function module(...sections: number[][]): Uint8Array {
  return new Uint8Array([...WASM_HEADER, ...sections.flat()]);
}

const definedMemory = (min: number, max?: number) =>
  section(5, max === undefined ? [1, 0x00, min] : [1, 0x01, min, max]);
const exportMemory = section(7, [1, ...name("memory"), 0x02, 0]);
const importedMemory = (min: number) => section(2, [1, ...name("env"), ...name("memory"), 0x02, 0x00, min]);
const custom = (title: string, payload: string) => section(0, [...name(title), ...text(payload)]);

describe("wasm-binary", () => {
  it("recognizes the WebAssembly header and nothing else", () => {
    expect(isWasm(module())).toBe(true);
    expect(isWasm(new TextEncoder().encode("#!/bin/sh\necho hi\n"))).toBe(false);
    expect(isWasm(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).toBe(false);
  });

  it("reads the command list from the secure-exec.commands sections, ignoring other custom sections", () => {
    const bytes = module(custom("producers", "x"), custom("secure-exec.commands", "cat\nls\n"), custom("secure-exec.commands", "ls\ntrue"));
    expect(customSections(bytes, "producers").map((p) => new TextDecoder().decode(p))).toEqual(["x"]);
    expect(readCommandList(bytes)).toEqual(["cat", "ls", "true"]);
    expect(readCommandList(module())).toEqual([]);
  });

  it("caps a defined memory: growing past the cap fails, up to it works", () => {
    const capped = capMemory(module(definedMemory(1), exportMemory), 4);
    expect(capped.importedMemory).toBeUndefined();
    const memory = new WebAssembly.Instance(new WebAssembly.Module(capped.bytes as Uint8Array<ArrayBuffer>)).exports.memory as WebAssembly.Memory;
    expect(memory.grow(3)).toBe(1);
    expect(() => memory.grow(1)).toThrow(RangeError);
  });

  it("keeps a declared maximum that is already below the cap", () => {
    const bytes = module(definedMemory(1, 2), exportMemory);
    expect(capMemory(bytes, 4).bytes).toEqual(bytes);
  });

  it("caps an imported memory and describes it for the worker to create", () => {
    const capped = capMemory(module(importedMemory(2)), 8);
    expect(capped.importedMemory).toEqual({ module: "env", name: "memory", initial: 2, maximum: 8 });
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 8 });
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(capped.bytes as Uint8Array<ArrayBuffer>), { env: { memory } })).not.toThrow();
  });

  it("refuses a module whose initial memory is over the cap", () => {
    expect(() => capMemory(module(definedMemory(10), exportMemory), 4)).toThrow(
      "the program needs 640 KiB of memory at start, over the cap of 256 KiB",
    );
  });

  it("rejects bytes that are not a module, and sections that run past the end", () => {
    expect(() => capMemory(new Uint8Array([1, 2, 3]), 4)).toThrow("not a WebAssembly module");
    expect(() => customSections(new Uint8Array([...WASM_HEADER, 0, 50, 1]), "x")).toThrow("section runs past the end");
  });
});
