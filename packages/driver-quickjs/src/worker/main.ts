/**
 * The worker entry: waits for `init` (the compiled QuickJS module, its
 * bridge channel and limits), builds the engine and reports `ready`; then
 * runs each `run` message's process to the end, reports `exit`, puts the
 * image back and reports `ready` again. A worker runs one process at a
 * time; the kernel thread ends a process early by terminating the worker.
 */
import { connectToParent } from "@secure-exec/kernel/worker-bridge";
import { Engine } from "./engine.js";
import { SyscallChannel } from "./syscall-channel.js";
import type { InitMessage, RunMessage, WorkerEvent } from "../shared/protocol.js";

let engine: Engine | null = null;

void connectToParent().then((port) => {
  const send = (event: WorkerEvent): void => port.postMessage(event);
  port.onMessage((message) => handle(message as InitMessage | RunMessage, send));
});

function handle(msg: InitMessage | RunMessage, send: (event: WorkerEvent) => void): void {
  if (msg.type === "init") {
    Engine.create(msg.wasmModule, msg.limits, new SyscallChannel(msg.bridge), msg.image).then(
      (e) => {
        engine = e;
        send(e.image === msg.image ? { type: "ready" } : { type: "ready", image: e.image });
      },
      (err: unknown) => send({ type: "failed", message: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) }),
    );
    return;
  }
  if (msg.type === "run") {
    if (engine === null) {
      send({ type: "failed", message: "run before init" });
      return;
    }
    let outcome;
    try {
      outcome = engine.run(msg.job);
    } catch (err) {
      send({ type: "failed", message: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) });
      return;
    }
    send({ type: "exit", code: outcome.code, recycle: outcome.recycle, output: outcome.output });
    if (!outcome.recycle) {
      engine.reset();
      send({ type: "ready" });
    }
  }
}
