/**
 * Assembles a guest's import object: wasi_snapshot_preview1 and
 * secure_exec, each function wrapped so that a bad guest pointer becomes
 * EFAULT (or EILSEQ for a bad string) and a failing host handler becomes
 * EIO, while proc_exit and a closed channel (the process was killed) still
 * unwind the guest.
 */
import { BridgeRemoteError } from "@secure-exec/kernel/worker-bridge";
import type { ImportedMemory } from "../shared/messages.js";
import { Errno } from "../shared/wasi-defs.js";
import { GuestFault } from "./guest-memory.js";
import { kernelImports } from "./kernel-imports.js";
import { fdCalls, type WasiFunction } from "./wasi-fd.js";
import { miscCalls } from "./wasi-misc.js";
import { pathCalls } from "./wasi-path.js";
import type { WorkerProcess } from "./worker-process.js";

function guard(fn: WasiFunction): WasiFunction {
  return ((...args: never[]) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof GuestFault) return error.errno;
      if (error instanceof BridgeRemoteError) return Errno.IO;
      throw error;
    }
  }) as WasiFunction;
}

function guardAll(calls: Record<string, WasiFunction>): Record<string, WasiFunction> {
  const guarded: Record<string, WasiFunction> = {};
  for (const [name, fn] of Object.entries(calls)) guarded[name] = guard(fn);
  return guarded;
}

/** The import object for process `p`; `memory`, when given, is the imported linear memory. */
export function createImports(p: WorkerProcess, memory?: { spec: ImportedMemory; value: WebAssembly.Memory }): WebAssembly.Imports {
  const imports: WebAssembly.Imports = {
    wasi_snapshot_preview1: guardAll({ ...fdCalls(p), ...pathCalls(p), ...miscCalls(p) }),
    secure_exec: guardAll(kernelImports(p)),
  };
  if (memory) {
    imports[memory.spec.module] = { ...(imports[memory.spec.module] ?? {}), [memory.spec.name]: memory.value };
  }
  return imports;
}
