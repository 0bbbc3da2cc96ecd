/**
 * What a WASI worker does once it has its link to the kernel thread. It
 * announces itself, then runs one process per `run` message: takes the instance it prepared for that program (or
 * instantiates one), calls `_start`, and reports the exit code. After each
 * process, and when asked with `prepare`, it instantiates the program again
 * while idle, so the next spawn skips instantiation. A trap or a failed
 * instantiation is reported on the process's stderr (fd 2, through the
 * kernel) with the exit status a shell would show: 134 for a trap, 126 when
 * the program cannot be started. A closed channel means the kernel killed
 * the process while it waited in a system call: the guest unwinds, and the
 * worker says `unwound` and serves the next process.
 */
import { BridgeClosedError, type ParentPort } from "@secure-exec/kernel/worker-bridge";
import type { PrepareMessage, ProgramMessage, RunMessage, WorkerMessage } from "../shared/messages.js";
import { Op } from "../shared/ops.js";
import { ProgramSlots } from "../shared/program-slots.js";
import { createImports } from "./imports.js";
import { ProcessExit, WorkerProcess } from "./worker-process.js";

const EXIT_TRAP = 134;
const EXIT_CANNOT_EXECUTE = 126;

interface Prepared {
  programId: number;
  process: WorkerProcess;
  instance: WebAssembly.Instance;
}

const modules = new ProgramSlots<WebAssembly.Module>();
let channel: SharedArrayBuffer | undefined;
let prepared: Prepared | undefined;

/** The module of `program`: the one it carries (now held), or the one held for its id. */
function moduleOf(program: ProgramMessage): WebAssembly.Module {
  if (program.module) {
    modules.add(program.programId, program.module);
    return program.module;
  }
  const held = modules.get(program.programId);
  if (!held) throw new Error(`program ${program.programId} was never sent to this worker`);
  modules.add(program.programId, held);
  return held;
}

function report(p: WorkerProcess, text: string): void {
  const name = p.argv.length > 0 ? new TextDecoder().decode(p.argv[0]) : "wasm";
  try {
    p.call(Op.FD_WRITE, [2], new TextEncoder().encode(`${name}: ${text}\n`));
  } catch {
    // stderr is gone as well; the exit status still tells.
  }
}

/** Instantiates `module` for process `p` (whose syscalls work once it begins). */
function instantiate(module: WebAssembly.Module, program: ProgramMessage, p: WorkerProcess): WebAssembly.Instance {
  const spec = program.importedMemory;
  const memory = spec
    ? { spec, value: new WebAssembly.Memory({ initial: spec.initial, maximum: spec.maximum }) }
    : undefined;
  const instance = new WebAssembly.Instance(module, createImports(p, memory));
  const exported = instance.exports.memory;
  if (memory) p.attachMemory(memory.value);
  else if (exported instanceof WebAssembly.Memory) p.attachMemory(exported);
  else throw new Error("the module neither exports nor imports a memory");
  return instance;
}

function prepare(programId: number, importedMemory: ProgramMessage["importedMemory"]): void {
  if (prepared?.programId === programId) return;
  const module = modules.get(programId);
  if (!module) return;
  const process = new WorkerProcess();
  try {
    prepared = { programId, process, instance: instantiate(module, { programId, importedMemory }, process) };
  } catch {
    prepared = undefined; // The run will instantiate again and report why it fails.
  }
}

function run(message: RunMessage, module: WebAssembly.Module, channel: SharedArrayBuffer): number | undefined {
  let p: WorkerProcess;
  let instance: WebAssembly.Instance;
  if (prepared?.programId === message.programId) {
    ({ process: p, instance } = prepared);
    prepared = undefined;
    p.begin(message, channel);
  } else {
    p = new WorkerProcess();
    p.begin(message, channel);
    try {
      instance = instantiate(module, message, p);
    } catch (error) {
      if (error instanceof BridgeClosedError) return undefined;
      report(p, `cannot execute: ${(error as Error).message}`);
      return EXIT_CANNOT_EXECUTE;
    }
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

/** Serves the kernel thread over `port`: takes `prepare` and `run` messages and says it is ready. */
export function serveWorker(port: ParentPort): void {
  const send = (message: WorkerMessage): void => port.postMessage(message);
  port.onMessage((message) => {
    const typed = message as RunMessage | PrepareMessage;
    const module = moduleOf(typed);
    if (typed.type === "prepare") {
      prepare(typed.programId, typed.importedMemory);
      return;
    }
    channel = typed.channel ?? channel;
    if (!channel) throw new Error("run message before the worker got its channel");
    const code = run(typed, module, channel);
    send(code === undefined ? { type: "unwound" } : { type: "exit", code });
    setTimeout(() => prepare(typed.programId, typed.importedMemory), 0);
  });
  send({ type: "ready" });
}
