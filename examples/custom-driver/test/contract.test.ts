import { O_CREAT, O_WRONLY } from "@secure-exec/kernel";
import { defineDriverContractTests } from "@secure-exec/kernel/testing";
import { createEchoDriver } from "@secure-exec/driver-echo";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createUpperDriver } from "../src/index.js";

/** An in-memory file system holding /etc/greeting, the file the contract's `run` command reads. */
function fileSystemWithGreeting() {
  const fs = createInMemoryFileSystem();
  const file = fs.open("/etc/greeting", O_CREAT | O_WRONLY, 0o644);
  file.write(new TextEncoder().encode("hello, world\n"), 0);
  file.close();
  return fs;
}

defineDriverContractTests("upper-driver", {
  createDriver: createUpperDriver,
  createFileSystem: fileSystemWithGreeting,
  run: { command: "upper", args: ["/etc/greeting"], stdout: "HELLO, WORLD\n" },
  // With no FILE, upper reads stdin, which stays open until the test kills it.
  longRunning: { command: "upper" },
  otherDrivers: () => [createEchoDriver(), createWasmVmRuntime()],
});
