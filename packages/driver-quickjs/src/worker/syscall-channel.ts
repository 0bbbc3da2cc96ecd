/**
 * The worker's end of the guest's system calls: encodes `{ op, args }` and
 * the data bytes into one bridge call and decodes the reply. Blocking is
 * the bridge's: the worker sleeps until the kernel thread answers.
 */
import { BridgeClient } from "@secure-exec/kernel/worker-bridge";
import { OP_READ, OP_SYSCALL, OP_WRITE, REPLY_BYTES, REPLY_JSON, REPLY_JSON_BYTES, STATUS_FAILED, type SyscallFailure } from "../shared/protocol.js";

/** A system call's result as the worker hands it to the guest. */
export type SyscallResult =
  | { kind: "none" }
  | { kind: "json"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "json+bytes"; text: string; bytes: Uint8Array }
  | { kind: "failed"; failure: SyscallFailure };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Sends guest system calls to the kernel thread. */
export class SyscallChannel {
  private readonly client: BridgeClient;

  constructor(buffer: SharedArrayBuffer) {
    this.client = new BridgeClient(buffer);
  }

  /** Writes `data` to descriptor `fd` of the process; returns the count or the failure. */
  write(fd: number, data: Uint8Array | string): number | SyscallFailure {
    const reply = this.client.call(OP_WRITE, [fd], typeof data === "string" ? encoder.encode(data) : data);
    if (reply.status === STATUS_FAILED) return JSON.parse(decoder.decode(reply.payload)) as SyscallFailure;
    return reply.values[0];
  }

  /** Reads up to `length` bytes from descriptor `fd`; returns a copy of the bytes or the failure. */
  read(fd: number, length: number): Uint8Array | SyscallFailure {
    const reply = this.client.call(OP_READ, [fd, length]);
    if (reply.status === STATUS_FAILED) return JSON.parse(decoder.decode(reply.payload)) as SyscallFailure;
    return reply.payload.slice();
  }

  /** Runs `op` with its JSON-encoded `argsJson` and optional data; blocks until the answer. */
  call(op: string, argsJson: string | undefined, data: Uint8Array | string | undefined): SyscallResult {
    const header = encoder.encode(`{"op":${JSON.stringify(op)},"args":${argsJson ?? "null"}}`);
    const body = typeof data === "string" ? encoder.encode(data) : data;
    let payload = header;
    if (body && body.length > 0) {
      payload = new Uint8Array(header.length + body.length);
      payload.set(header);
      payload.set(body, header.length);
    }
    const reply = this.client.call(OP_SYSCALL, [header.length], payload);
    if (reply.status === STATUS_FAILED) {
      return { kind: "failed", failure: JSON.parse(decoder.decode(reply.payload)) as SyscallFailure };
    }
    switch (reply.values[0]) {
      case REPLY_JSON:
        return { kind: "json", text: decoder.decode(reply.payload) };
      case REPLY_BYTES:
        return { kind: "bytes", bytes: reply.payload };
      case REPLY_JSON_BYTES: {
        const jsonLength = reply.values[1];
        return { kind: "json+bytes", text: decoder.decode(reply.payload.subarray(0, jsonLength)), bytes: reply.payload.subarray(jsonLength) };
      }
      default:
        return { kind: "none" };
    }
  }
}
