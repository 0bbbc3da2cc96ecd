/**
 * The kernel-thread side of one WASI process's system calls: a bridge
 * handler that dispatches each op to its implementation (fd-ops.ts,
 * path-ops.ts, process-ops.ts) and turns a `KernelError` into the WASI
 * errno of its code. Anything else thrown is a bug and travels to the
 * worker as a remote error (the guest sees EIO).
 */
import type { KernelInterface } from "@secure-exec/kernel";
import type { BridgeHandler, BridgeRequest, BridgeResponse } from "@secure-exec/kernel/worker-bridge";
import { errnoFromCode, Errno } from "../shared/wasi-defs.js";
import { fdOps } from "./fd-ops.js";
import { pathOps } from "./path-ops.js";
import type { PreciseTimes } from "./precise-times.js";
import { processOps } from "./process-ops.js";

/** What an op implementation receives: the process, its kernel, and the runtime's exact-times table. */
export interface OpContext {
  ki: KernelInterface;
  pid: number;
  times: PreciseTimes;
}

/**
 * One op's implementation. It takes what it needs from the request: its
 * `payload` (a private copy, made on first use), its `sharedPayload`, or
 * the `replyBuffer` to read into.
 */
export type OpHandler = (args: Float64Array, request: BridgeRequest) => BridgeResponse | Promise<BridgeResponse>;

/** A success with no values. */
export const OK: BridgeResponse = {};

function failure(error: unknown): BridgeResponse {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && error.name === "KernelError" && typeof code === "string") {
    return { status: errnoFromCode(code) };
  }
  throw error;
}

/** The bridge handler serving process `pid`'s system calls. */
export function createSyscallHandler(ki: KernelInterface, pid: number, times: PreciseTimes): BridgeHandler {
  const ctx: OpContext = { ki, pid, times };
  const table: Record<number, OpHandler> = { ...fdOps(ctx), ...pathOps(ctx), ...processOps(ctx) };
  return (request) => {
    const handler = table[request.op];
    if (!handler) return { status: Errno.NOSYS };
    try {
      const result = handler(request.args, request);
      return result instanceof Promise ? result.catch(failure) : result;
    } catch (error) {
      return failure(error);
    }
  };
}
