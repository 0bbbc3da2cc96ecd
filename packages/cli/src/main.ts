#!/usr/bin/env node
/**
 * The `secure-exec` command: reads the options, builds the sandbox, then
 * runs `-c CMD`, the interactive shell (stdin a terminal, or -i) or a script
 * on stdin, and exits with the status that produced. Bad usage prints the
 * problem and the usage on stderr and exits 2.
 */
import { version } from "../package.json";
import { flushed } from "./host-output.js";
import { USAGE, UsageError, parseOptions, type CliOptions } from "./options.js";
import { runRepl } from "./repl.js";
import { runCommand } from "./run-command.js";
import { SandboxError, createSandbox, type Sandbox } from "./sandbox.js";

function fail(message: string, usage: boolean): number {
  process.stderr.write(`secure-exec: ${message}\n${usage ? USAGE : ""}`);
  return 2;
}

function runMode(sandbox: Sandbox, options: CliOptions): Promise<number> {
  if (options.command !== null) return runCommand(sandbox, ["-c", options.command, ...options.commandArgs], options.timeoutMs);
  if (options.interactive || process.stdin.isTTY) return runRepl(sandbox, options.timeoutMs);
  return runCommand(sandbox, [], options.timeoutMs);
}

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, true);
    throw err;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`secure-exec ${version}\n`);
    return 0;
  }
  let sandbox: Sandbox;
  try {
    sandbox = await createSandbox(options);
  } catch (err) {
    if (err instanceof SandboxError) return fail(err.message, false);
    throw err;
  }
  try {
    return await runMode(sandbox, options);
  } finally {
    await sandbox.kernel.dispose();
  }
}

main(process.argv.slice(2)).then(
  async (status) => {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(status);
  },
  (err: unknown) => {
    process.stderr.write(`secure-exec: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(70);
  },
);
