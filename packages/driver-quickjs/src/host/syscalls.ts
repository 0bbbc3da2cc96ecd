/**
 * The kernel thread's side of a guest's system calls: decodes a bridge
 * request (the fast write and read ops, or `{ op, args }` JSON followed by
 * data), runs the op against the process's `KernelInterface`, and encodes
 * the answer or the errno failure.
 */
import { KernelError, type ErrnoCode, type KernelInterface } from "@secure-exec/kernel";
import type { BridgeHandler, BridgeResponse } from "@secure-exec/kernel/worker-bridge";
import { OP_READ, OP_WRITE, REPLY_BYTES, REPLY_JSON, REPLY_JSON_BYTES, REPLY_NONE, STATUS_FAILED, type SyscallFailure } from "../shared/protocol.js";
import { FS_OPS } from "./fs-ops.js";
import { PROCESS_OPS } from "./process-ops.js";
import { GuestFailure, as, writeAll, type Args, type OpResult, type SyscallContext } from "./syscall-support.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const OPS = { ...FS_OPS, ...PROCESS_OPS };

function reply(result: OpResult): BridgeResponse {
  if (result.json !== undefined && result.bytes !== undefined) {
    const text = encoder.encode(JSON.stringify(result.json));
    const payload = new Uint8Array(text.length + result.bytes.length);
    payload.set(text);
    payload.set(result.bytes, text.length);
    return { values: [REPLY_JSON_BYTES, text.length], payload };
  }
  if (result.bytes !== undefined) return { values: [REPLY_BYTES], payload: result.bytes };
  if (result.json !== undefined) return { values: [REPLY_JSON], payload: encoder.encode(JSON.stringify(result.json)) };
  return { values: [REPLY_NONE] };
}

function failed(failure: SyscallFailure): BridgeResponse {
  return { status: STATUS_FAILED, payload: encoder.encode(JSON.stringify(failure)) };
}

/** A bridge handler serving the guest system calls of process `pid`. */
export function createSyscallHandler(ki: KernelInterface, pid: number, ended: AbortSignal): { handler: BridgeHandler; context: SyscallContext } {
  const context: SyscallContext = { ki, pid, children: new Map(), ended };
  const handler: BridgeHandler = async ({ op: opNumber, args, payload }) => {
    if (opNumber === OP_WRITE || opNumber === OP_READ) {
      try {
        if (opNumber === OP_WRITE) return { values: [await as("write", undefined, () => writeAll(context, args[0], payload))] };
        return { payload: await as("read", undefined, () => ki.fdRead(pid, args[0], Math.max(0, Math.min(args[1], 1 << 24)))) };
      } catch (err) {
        if (err instanceof GuestFailure) return failed(err.failure);
        throw err;
      }
    }
    const headerLength = args[0];
    let request: { op: string; args: Args | null };
    try {
      request = JSON.parse(decoder.decode(payload.subarray(0, headerLength))) as { op: string; args: Args | null };
    } catch {
      return failed({ code: "EINVAL", message: "EINVAL: invalid argument, malformed system call" });
    }
    const op = Object.prototype.hasOwnProperty.call(OPS, request.op) ? OPS[request.op] : undefined;
    if (!op) return failed({ code: "ENOSYS", message: `ENOSYS: function not implemented, ${request.op}` });
    try {
      return reply(await op(context, request.args ?? {}, payload.subarray(headerLength)));
    } catch (err) {
      if (err instanceof GuestFailure) return failed(err.failure);
      if (err instanceof KernelError) return failed({ code: err.code, message: err.message, syscall: err.syscall, path: err.path });
      const code: ErrnoCode = "EIO";
      return failed({ code, message: `EIO: input/output error, ${request.op} (${err instanceof Error ? err.message : String(err)})` });
    }
  };
  return { handler, context };
}
