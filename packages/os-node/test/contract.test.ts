import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineFileSystemSuite } from "@secure-exec/kernel/testing";
import { createNodeFileSystem } from "../src/index.js";

let root = "";

defineFileSystemSuite(
  "os-node (host folder)",
  () => {
    root = mkdtempSync(join(tmpdir(), "os-node-contract-"));
    return createNodeFileSystem({ root });
  },
  {
    hiddenText: () => [root],
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  },
);
