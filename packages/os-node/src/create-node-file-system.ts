/**
 * `createNodeFileSystem({ root, readOnly })`: checks the embedder's folder
 * once (it must exist and be a directory; a symlink to one is resolved here,
 * by the embedder's choice, and never again) and returns the confined file
 * system over it.
 */
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { VirtualFileSystem } from "@secure-exec/kernel";
import { HostRoot } from "./host-root.js";
import { NodeFileSystem } from "./node-file-system.js";

/** Options of `createNodeFileSystem`. */
export interface NodeFileSystemOptions {
  /** The host folder that becomes "/" of this file system (relative to the process's cwd if not absolute). */
  root: string;
  /** Refuse every change with EROFS. */
  readOnly?: boolean;
}

/** A host folder, confined: every guest path resolves inside `root`. */
export function createNodeFileSystem(options: NodeFileSystemOptions): VirtualFileSystem {
  if (typeof options?.root !== "string" || options.root === "") {
    throw new TypeError("createNodeFileSystem: `root` must be a non-empty path");
  }
  let realRoot: string;
  try {
    realRoot = realpathSync(resolve(options.root));
  } catch {
    throw new Error(`createNodeFileSystem: root '${options.root}' does not exist`);
  }
  if (!statSync(realRoot).isDirectory()) {
    throw new Error(`createNodeFileSystem: root '${options.root}' is not a directory`);
  }
  return new NodeFileSystem(new HostRoot(realRoot), options.readOnly ?? false);
}
