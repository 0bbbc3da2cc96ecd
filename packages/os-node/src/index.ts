/**
 * @secure-exec/os-node: a host folder mounted into the secure-exec kernel,
 * confined to its root, optionally read-only. Node only.
 */
export { createNodeFileSystem, type NodeFileSystemOptions } from "./create-node-file-system.js";
