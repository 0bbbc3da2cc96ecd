#!/usr/bin/env node
/**
 * A tool-calling loop with a scripted model in place of an LLM: each turn
 * the "model" asks for one shell call, the loop runs it through the shell
 * tool in one sandbox (files persist between calls) and prints what the
 * model would be shown. Swap `scriptedModel` for a real client's call to
 * put an LLM in charge.
 */
import { createKernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createWasmVmRuntime } from "@secure-exec/driver-wasmvm";
import { createQuickJsRuntime } from "@secure-exec/driver-quickjs";
import { createShellTool, formatToolResult, shellToolDefinition } from "./shell-tool.mjs";

/** The calls a model might make while solving "how many lines of data.csv mention error?". */
const scriptedTurns = [
  { command: "mkdir -p /work && cd /work && printf 'id,level\\n1,info\\n2,error\\n3,error\\n4,warn\\n' > data.csv && wc -l data.csv" },
  { command: "grep -c error /work/data.csv" },
  { command: "node -e \"const rows = require('fs').readFileSync('/work/data.csv', 'utf8').trim().split('\\n').slice(1); console.log(rows.filter(r => r.endsWith('error')).map(r => r.split(',')[0]).join(' '))\"" },
  { command: "cat /work/missing.csv" },
  { command: "sort -u", stdin: "b\na\nb\n" },
  { command: "yes 'a long line of output' | head -n 100000" },
  { command: "node -e 'for (;;) {}'" },
  { command: "" },
];

function scriptedModel(turn) {
  return scriptedTurns[turn] ?? null;
}

const kernel = createKernel({ filesystem: createInMemoryFileSystem() });
await kernel.mount(createWasmVmRuntime());
await kernel.mount(createQuickJsRuntime());
const shell = createShellTool({ kernel, timeoutMs: 5000, maxOutputBytes: 200 });

console.log(`tool: ${shellToolDefinition.name}(${Object.keys(shellToolDefinition.input_schema.properties).join(", ")})`);
for (let turn = 0; ; turn++) {
  const call = scriptedModel(turn);
  if (call === null) break;
  console.log(`\n> shell ${JSON.stringify(call)}`);
  console.log(formatToolResult(await shell(call)));
}
await kernel.dispose();
