/**
 * The page the browser tests load. It composes a kernel from the in-memory
 * file system, the WASI driver and the QuickJS driver, as a web app bundled
 * with Vite would, and exposes it on `window.secureExec` (see api.ts).
 *
 * `?compose=readme` mounts both drivers with no options, exactly as the top
 * README does. `?compose=bundled` (the default) hands the QuickJS driver the
 * two things its README lets a browser host pass: a worker script that Vite
 * bundled (`?worker&url`) and the QuickJS WebAssembly module. The WASI driver
 * gets no options in either: Vite finds its worker and `commands.wasm`
 * through their `new URL(..., import.meta.url)` references.
 *
 * Before anything starts a worker, the page wraps the global `Worker` (see
 * worker-census.ts), so `dispose()` can report which workers were still live
 * when it resolved.
 */
import { createKernel, type Kernel, type RuntimeDriver } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import quickJsWorkerUrl from "@secure-exec/driver-quickjs/worker.js?worker&url";
import quickJsWasmUrl from "@jitl/quickjs-ng-wasmfile-release-sync/wasm?url";
import type { Composition, ExecOutcome, PageExecOptions, SecureExecPage } from "./api.js";
import { installWorkerCensus, type WorkerCensus } from "./worker-census.js";

const status = document.getElementById("status")!;

function compositionFromQuery(): Composition {
  const value = new URLSearchParams(location.search).get("compose") ?? "bundled";
  if (value !== "readme" && value !== "bundled") throw new Error(`unknown compose=${value}: use readme or bundled`);
  return value;
}

async function quickJsDriver(composition: Composition): Promise<RuntimeDriver> {
  if (composition === "readme") return createQuickJsRuntime();
  const wasmModule = await WebAssembly.compileStreaming(fetch(quickJsWasmUrl));
  return createQuickJsRuntime({ workerUrl: quickJsWorkerUrl, wasmModule });
}

async function compose(composition: Composition): Promise<Kernel> {
  const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
  await kernel.mount(createWasmVmRuntime());
  await kernel.mount(await quickJsDriver(composition));
  return kernel;
}

async function runExec(kernel: Kernel, line: string, options: PageExecOptions = {}): Promise<ExecOutcome> {
  const started = performance.now();
  try {
    const result = await kernel.exec(line, options);
    const elapsedMs = performance.now() - started;
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, error: null, elapsedMs };
  } catch (thrown) {
    const elapsedMs = performance.now() - started;
    const error = thrown as Error & { code?: string; result?: { stdout: string; stderr: string } };
    return {
      exitCode: null,
      stdout: error.result?.stdout ?? "",
      stderr: error.result?.stderr ?? "",
      error: { name: error.name, code: error.code ?? "", message: error.message },
      elapsedMs,
    };
  }
}

function publish(composition: Composition, census: WorkerCensus, booted: Promise<Kernel>): SecureExecPage {
  const api: SecureExecPage = {
    state: "booting",
    bootError: null,
    composition,
    exec: async (line, options) => runExec(await booted, line, options),
    readFile: async (path) => new TextDecoder().decode(await (await booted).readFile(path)),
    liveWorkers: () => census.live(),
    dispose: async () => {
      await (await booted).dispose();
      return census.live();
    },
  };
  booted.then(
    () => {
      api.state = "ready";
      status.textContent = `ready (${composition})`;
    },
    (error: Error) => {
      api.state = "failed";
      api.bootError = error.stack ?? String(error);
      status.textContent = `failed: ${api.bootError}`;
    },
  );
  return api;
}

const composition = compositionFromQuery();
const census = installWorkerCensus();
window.secureExec = publish(composition, census, compose(composition));
