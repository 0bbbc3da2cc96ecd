/**
 * `@secure-exec/kernel/worker-bridge`: the blocking syscall channel between
 * a worker running guest code and the kernel thread, and the small module
 * that hides the platform's worker API. See README.md in this folder.
 */
export {
  BridgeState,
  DEFAULT_PAYLOAD_BYTES,
  HEADER_BYTES,
  VALUE_COUNT,
  createBridgeBuffer,
  reopenBridgeBuffer,
  type BridgeErrorInfo,
} from "./protocol.js";
export {
  BridgeClient,
  BridgeClosedError,
  BridgeRemoteError,
  type BridgeClientOptions,
  type BridgeReply,
} from "./client.js";
export { BridgeHost, type BridgeHandler, type BridgeHostOptions, type BridgeRequest, type BridgeResponse } from "./host.js";
export { concatBytes, copyBytes, copyOut, decodeText } from "./copy.js";
export { connectToParent, startWorker, type HostWorker, type ParentPort, type StartWorkerOptions } from "./workers.js";
