/**
 * A worker for the bridge tests: on each message it runs one scenario
 * against the host over the channel it was given and posts the outcome.
 */
import { BridgeClient, BridgeClosedError, BridgeRemoteError } from "../client.js";
import { connectToParent } from "../workers.js";

type Scenario =
  | { kind: "call"; buffer: SharedArrayBuffer; op: number; args: number[]; payload: Uint8Array }
  | { kind: "repeat"; buffer: SharedArrayBuffer; count: number; spin: number }
  | { kind: "spin-forever" };

const port = await connectToParent();
port.onMessage((message) => {
  const scenario = message as Scenario;
  if (scenario.kind === "spin-forever") {
    port.postMessage({ kind: "spinning" });
    for (;;);
  }
  if (scenario.kind === "repeat") {
    const client = new BridgeClient(scenario.buffer, { spinIterations: scenario.spin });
    const start = performance.now();
    for (let i = 0; i < scenario.count; i++) client.call(0, [i]);
    port.postMessage({ kind: "done", micros: ((performance.now() - start) * 1000) / scenario.count });
    return;
  }
  const client = new BridgeClient(scenario.buffer);
  try {
    const reply = client.call(scenario.op, scenario.args, scenario.payload);
    port.postMessage({ kind: "reply", status: reply.status, values: Array.from(reply.values), payload: reply.payload.slice() });
  } catch (error) {
    if (error instanceof BridgeRemoteError) {
      port.postMessage({ kind: "remote-error", name: error.remoteName, code: error.code, message: error.message });
    } else if (error instanceof BridgeClosedError) {
      port.postMessage({ kind: "closed", message: error.message });
    } else {
      port.postMessage({ kind: "other-error", message: String(error) });
    }
  }
});
port.postMessage({ kind: "ready" });
