/**
 * The WASI worker's entry point. It announces itself, then runs one process
 * per `run` message: instantiates the (already compiled) module with the
 * imports, calls `_start`, and reports the exit code. A trap or a failed
 * instantiation is reported on the process's stderr (fd 2, through the
 * kernel) with the exit status a shell would show: 134 for a trap, 126 when
 * the program cannot be started. A closed channel means the kernel killed
 * the process; the worker then says nothing.
 */
import { BridgeClosedError, connectToParent } from "@secure-exec/kernel/worker-bridge";
import type { RunMessage, WorkerMessage } from "../shared/messages.js";
import { Op } from "../shared/ops.js";
import { createImports } from "./imports.js";
import { ProcessExit, WorkerProcess } from "./worker-process.js";

const EXIT_TRAP = 134;
const EXIT_CANNOT_EXECUTE = 126;

const port = await connectToParent();
const send = (message: WorkerMessage): void => port.postMessage(message);

function report(p: WorkerProcess, text: string): void {
  const name = p.argv.length > 0 ? new TextDecoder().decode(p.argv[0]) : "wasm";
  try {
    p.call(Op.FD_WRITE, [2], new TextEncoder().encode(`${name}: ${text}\n`));
  } catch {
    // stderr is gone as well; the exit status still tells.
  }
}

function instantiate(run: RunMessage, p: WorkerProcess): WebAssembly.Instance {
  const spec = run.importedMemory;
  const memory = spec
    ? { spec, value: new WebAssembly.Memory({ initial: spec.initial, maximum: spec.maximum }) }
    : undefined;
  const instance = new WebAssembly.Instance(run.module, createImports(p, memory));
  const exported = instance.exports.memory;
  if (memory) p.attachMemory(memory.value);
  else if (exported instanceof WebAssembly.Memory) p.attachMemory(exported);
  else throw new Error("the module neither exports nor imports a memory");
  return instance;
}

function run(message: RunMessage): number | undefined {
  const p = new WorkerProcess(message);
  let instance: WebAssembly.Instance;
  try {
    instance = instantiate(message, p);
  } catch (error) {
    if (error instanceof BridgeClosedError) return undefined;
    report(p, `cannot execute: ${(error as Error).message}`);
    return EXIT_CANNOT_EXECUTE;
  }
  const start = instance.exports._start;
  if (typeof start !== "function") {
    report(p, "cannot execute: not a WASI command (no _start export)");
    return EXIT_CANNOT_EXECUTE;
  }
  try {
    (start as () => void)();
    return 0;
  } catch (error) {
    if (error instanceof ProcessExit) return error.code & 0xff;
    if (error instanceof BridgeClosedError) return undefined;
    report(p, `wasm trap: ${(error as Error).message}`);
    return EXIT_TRAP;
  }
}

port.onMessage((message) => {
  const run_ = message as RunMessage;
  if (run_.type !== "run") return;
  const code = run(run_);
  if (code !== undefined) send({ type: "exit", code });
});
send({ type: "ready" });
