// The driver contract kit, run against every first-party driver the way a contributor runs it on theirs.
import { defineDriverContractTests } from "@secure-exec/kernel/testing";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";

defineDriverContractTests("driver-wasmvm", {
  createDriver: () => createWasmVmRuntime(),
  createFileSystem: createInMemoryFileSystem,
  run: { command: "echo", args: ["hello", "wasi"], stdout: "hello wasi\n" },
  longRunning: { command: "sleep", args: ["100"] },
  otherDrivers: () => [createEchoDriver()],
});

defineDriverContractTests("driver-quickjs", {
  createDriver: () => createQuickJsRuntime(),
  createFileSystem: createInMemoryFileSystem,
  run: { command: "node", args: ["-e", "console.log('hello js')"], stdout: "hello js\n" },
  longRunning: { command: "node", args: ["-e", "setInterval(() => {}, 1000)"] },
  otherDrivers: () => [createEchoDriver(), createWasmVmRuntime()],
});
