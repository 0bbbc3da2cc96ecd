import { defineDriverContractTests } from "@secure-exec/kernel/testing";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createEchoDriver } from "../src/index.js";

defineDriverContractTests("echo-driver", {
  createDriver: createEchoDriver,
  createFileSystem: createInMemoryFileSystem,
  run: { command: "myecho", args: ["hello", "world"], stdout: "hello world\n" },
});
