import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelError } from "../errors.js";
import { BridgeHost, type BridgeHandler, type BridgeHostOptions } from "./host.js";
import { createBridgeBuffer, reopenBridgeBuffer } from "./protocol.js";
import { buildTestWorker, type BuiltWorker } from "./test/build-worker.js";
import { startWorker, type HostWorker } from "./workers.js";

let built: BuiltWorker;
const workers: HostWorker[] = [];

beforeAll(async () => {
  built = await buildTestWorker(fileURLToPath(new URL("./test/echo-worker.ts", import.meta.url)));
}, 30_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.terminate()));
  built?.remove();
});

async function readyWorker(): Promise<HostWorker> {
  const worker = await startWorker(built.url, { name: "bridge-test" });
  workers.push(worker);
  await nextMessage(worker);
  return worker;
}

function nextMessage(worker: HostWorker): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const off = worker.onMessage((message) => {
      off();
      resolve(message as Record<string, unknown>);
    });
    worker.onError(reject);
  });
}

async function callThroughWorker(
  handler: BridgeHandler,
  request: { op: number; args: number[]; payload: Uint8Array },
  payloadBytes?: number,
  options?: BridgeHostOptions,
): Promise<Record<string, unknown>> {
  const worker = await readyWorker();
  const buffer = createBridgeBuffer(payloadBytes);
  const host = new BridgeHost(buffer, handler, options);
  host.start();
  const reply = nextMessage(worker);
  worker.postMessage({ kind: "call", buffer, ...request });
  const result = await reply;
  host.close();
  return result;
}

function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe("worker bridge", () => {
  it("carries the op, eight values and payload to the host and the handler's reply back", async () => {
    const result = await callThroughWorker(
      ({ op, args, payload }) => ({
        status: op + 1,
        values: [args[0] + args[1], args[2] * 2, 2 ** 40],
        payload: payload.slice().reverse(),
      }),
      { op: 41, args: [1, 2, 3.5], payload: new TextEncoder().encode("abc") },
    );
    expect(result).toEqual({
      kind: "reply",
      status: 42,
      values: [3, 7, 2 ** 40, 0, 0, 0, 0, 0],
      payload: new TextEncoder().encode("cba"),
    });
  });

  it("blocks the worker, not the kernel thread, while an async handler waits", async () => {
    const ticks: string[] = [];
    const result = await callThroughWorker(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        ticks.push("handler done");
        return { status: 7 };
      },
      { op: 1, args: [], payload: new Uint8Array(0) },
    );
    setTimeout(() => ticks.push("timer"), 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ticks).toEqual(["handler done", "timer"]);
    expect(result.status).toBe(7);
  });

  it("moves 3 MiB + 7 bytes each way through a 4 KiB channel byte for byte", async () => {
    const size = 3 * 1024 * 1024 + 7;
    const sent = pattern(size, 5);
    let seenByHost: Uint8Array | undefined;
    const result = await callThroughWorker(
      ({ payload }) => {
        seenByHost = payload;
        return { payload: pattern(size, 9) };
      },
      { op: 2, args: [], payload: sent },
      4096,
    );
    expect(sameBytes(seenByHost!, sent)).toBe(true);
    expect(sameBytes(result.payload as Uint8Array, pattern(size, 9))).toBe(true);
  });

  it("sends a reply given in pieces as one payload, across chunk boundaries", async () => {
    const pieces = [pattern(5000, 1), pattern(3, 2), pattern(9000, 3)];
    const result = await callThroughWorker(() => ({ payload: pieces }), { op: 4, args: [], payload: new Uint8Array(0) }, 4096);
    const joined = new Uint8Array(14003);
    joined.set(pieces[0]);
    joined.set(pieces[1], 5000);
    joined.set(pieces[2], 5003);
    expect(sameBytes(result.payload as Uint8Array, joined)).toBe(true);
  });

  it("lends handlers the request payload in a reused buffer when asked to", async () => {
    let seen: Uint8Array | undefined;
    const sent = pattern(70_000, 4);
    await callThroughWorker(
      ({ payload }) => {
        seen = payload.slice();
        return {};
      },
      { op: 5, args: [], payload: sent },
      undefined,
      { borrowPayload: true },
    );
    expect(sameBytes(seen!, sent)).toBe(true);
  });

  it("sends a reply the handler wrote into the channel's reply buffer, after an await", async () => {
    const result = await callThroughWorker(
      async ({ replyBuffer }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        replyBuffer.set(pattern(3000, 6));
        return { status: 9, replyLength: 3000 };
      },
      { op: 6, args: [], payload: new Uint8Array(0) },
      4096,
    );
    expect(result.status).toBe(9);
    expect(sameBytes(result.payload as Uint8Array, pattern(3000, 6))).toBe(true);
  });

  it("turns a replyLength beyond the reply buffer into a remote RangeError", async () => {
    const result = await callThroughWorker(() => ({ replyLength: 4097 }), { op: 7, args: [], payload: new Uint8Array(0) }, 4096);
    expect(result).toEqual({
      kind: "remote-error",
      name: "RangeError",
      code: undefined,
      message: "replyLength 4097 is outside the reply buffer (4096 bytes)",
    });
  });

  it("turns a handler's KernelError into a remote error with its code and message", async () => {
    const result = await callThroughWorker(
      () => {
        throw new KernelError("ENOENT", undefined, { syscall: "open", path: "/nope" });
      },
      { op: 3, args: [], payload: new Uint8Array(0) },
    );
    expect(result).toEqual({
      kind: "remote-error",
      name: "KernelError",
      code: "ENOENT",
      message: "ENOENT: no such file or directory, open '/nope'",
    });
  });

  it("wakes a worker blocked in a call with a closed-channel error when the host closes", async () => {
    const worker = await readyWorker();
    const buffer = createBridgeBuffer();
    const host = new BridgeHost(buffer, () => new Promise<never>(() => undefined));
    host.start();
    const reply = nextMessage(worker);
    worker.postMessage({ kind: "call", buffer, op: 1, args: [], payload: new Uint8Array(0) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    host.close();
    expect(await reply).toEqual({ kind: "closed", message: "bridge channel closed by the host" });
  });

  it("is busy while a handler runs; closed then, its client unwinds, and the reopened channel serves a new host", async () => {
    const worker = await readyWorker();
    const buffer = createBridgeBuffer();
    const first = new BridgeHost(buffer, () => new Promise<never>(() => undefined));
    first.start();
    expect(first.busy).toBe(false);
    const closed = nextMessage(worker);
    worker.postMessage({ kind: "call", buffer, op: 1, args: [], payload: new Uint8Array(0) });
    while (!first.busy) await new Promise((resolve) => setTimeout(resolve, 1));
    first.close();
    expect(first.busy).toBe(false);
    expect(await closed).toEqual({ kind: "closed", message: "bridge channel closed by the host" });
    reopenBridgeBuffer(buffer);
    const second = new BridgeHost(buffer, ({ args }) => ({ values: [args[0] * 2] }));
    second.start();
    const reply = nextMessage(worker);
    worker.postMessage({ kind: "call", buffer, op: 2, args: [21], payload: new Uint8Array(0) });
    expect((await reply).values).toEqual([42, 0, 0, 0, 0, 0, 0, 0]);
    second.close();
  });

  it("terminates a worker spinning in an endless loop within 100 ms", async () => {
    const worker = await readyWorker();
    const spinning = nextMessage(worker);
    worker.postMessage({ kind: "spin-forever" });
    expect(await spinning).toEqual({ kind: "spinning" });
    const start = performance.now();
    await worker.terminate();
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("answers 2,000 sequential calls, with and without spinning, in under 100 µs each", async () => {
    for (const spin of [0, 2000]) {
      const worker = await readyWorker();
      const buffer = createBridgeBuffer();
      const host = new BridgeHost(buffer, ({ args }) => ({ values: [args[0]] }));
      host.start();
      const done = nextMessage(worker);
      worker.postMessage({ kind: "repeat", buffer, count: 2000, spin });
      const result = await done;
      host.close();
      expect(result.kind).toBe("done");
      expect(result.micros as number).toBeLessThan(100);
    }
  });
});
