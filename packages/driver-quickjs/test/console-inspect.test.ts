import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { quickJsKernel, sq } from "./helpers.js";

describe("console and util.inspect formatting", () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await quickJsKernel();
  });
  afterAll(async () => {
    await kernel.dispose();
  });

  const out = async (code: string) => (await kernel.exec(`node -e ${sq(code)}`)).stdout;

  it("formats primitives and plain objects like Node", async () => {
    expect(await out("console.log(1, 'a', true, null, undefined, -0, 10n, Symbol('s'))")).toBe("1 a true null undefined -0 10n Symbol(s)\n");
    expect(await out("console.log({ a: 1, 'b-c': 'x', d: [1, 'two'], e: {} })")).toBe("{ a: 1, 'b-c': 'x', d: [ 1, 'two' ], e: {} }\n");
  });

  it("hides objects past depth 2 and marks circular references", async () => {
    expect(await out("console.log({ a: { b: { c: { d: 1 } } } })")).toBe("{ a: { b: { c: [Object] } } }\n");
    expect(await out("const o = { name: 'o' }; o.self = o; console.log(o)")).toBe("<ref *1> { name: 'o', self: [Circular *1] }\n");
  });

  it("formats collections, class instances and functions", async () => {
    expect(await out("console.log(new Map([['k', 1]]), new Set([1, 2]), [])")).toBe("Map(1) { 'k' => 1 } Set(2) { 1, 2 } []\n");
    expect(await out("class Point { constructor() { this.x = 1 } } console.log(new Point(), Object.create(null))")).toBe("Point { x: 1 } [Object: null prototype] {}\n");
    expect(await out("console.log(function named() {}, () => {}, class A {}, async function af() {})")).toBe("[Function: named] [Function (anonymous)] [class A] [AsyncFunction: af]\n");
  });

  it("breaks long objects over lines and groups long arrays of numbers in columns", async () => {
    expect(await out("console.log({ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccc' })")).toBe(
      "{\n  alpha: 'aaaaaaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc'\n}\n",
    );
    expect(await out("console.log(Array.from({ length: 30 }, (_, i) => i))")).toBe(
      "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16, 17,\n  18, 19, 20, 21, 22, 23, 24, 25, 26,\n  27, 28, 29\n]\n",
    );
  });

  it("formats Buffers, typed arrays, dates, regexps and errors", async () => {
    expect(await out("console.log(Buffer.from('hi'), new Uint8Array([1, 2]), /x+/g, new Date(0))")).toBe("<Buffer 68 69> Uint8Array(2) [ 1, 2 ] /x+/g 1970-01-01T00:00:00.000Z\n");
    expect(await out("const e = new Error('boom'); e.code = 'E_X'; console.log(String(e), Object.keys(e))")).toBe("Error: boom [ 'code' ]\n");
    expect(await out("const e = new Error('boom'); console.log(e.stack.split('\\n')[0])")).toBe("Error: boom\n");
  });

  it("supports format specifiers", async () => {
    expect(await out("console.log('%s is %d years and %i%%', 'Al', 42.5, 7.9, 'extra')")).toBe("Al is 42.5 years and 7% extra\n");
    expect(await out("console.log('%o %j', [1], { a: 1 })")).toBe("[ 1, [length]: 1 ] {\"a\":1}\n");
  });

  it("console.error and console.warn write to stderr", async () => {
    expect(await kernel.exec(`node -e ${sq("console.error('e'); console.warn('w'); console.info('i')")}`)).toMatchObject({ stdout: "i\n", stderr: "e\nw\n" });
  });

  it("console.table draws Node 20.20's table, every cell left-aligned", async () => {
    expect(await out("console.table([{ a: 1, b: 'x' }, { a: 2 }])")).toBe(
      "┌─────────┬───┬─────┐\n│ (index) │ a │ b   │\n├─────────┼───┼─────┤\n│ 0       │ 1 │ 'x' │\n│ 1       │ 2 │     │\n└─────────┴───┴─────┘\n",
    );
  });

  it("console.group indents and console.count counts", async () => {
    expect(await out("console.group('g'); console.log('in'); console.groupEnd(); console.count(); console.count()")).toBe("g\n  in\ndefault: 1\ndefault: 2\n");
  });

  it("util.inspect honours depth and util.format works without console", async () => {
    expect(await out("const util = require('util'); console.log(util.inspect({ a: { b: { c: {} } } }, { depth: 0 }), util.format('%s=%j', 'k', [1]))")).toBe("{ a: [Object] } k=[1]\n");
  });
});
