/**
 * A shell tool for an LLM tool-calling loop: the JSON schema a model is
 * shown (`shellToolDefinition`), and the function the loop calls with the
 * model's arguments (`createShellTool`). Each call runs one command line in
 * the sandbox with a time limit and a cap on captured output, and returns
 * what the model needs to decide its next step: stdout, stderr, the exit
 * code, whether output was cut, and whether the time limit ended it. Bad
 * arguments come back as a result with exit code 2, never as an exception,
 * so the loop can hand them to the model.
 */
import { isKernelError } from "@secure-exec/kernel";

/** The tool as a model sees it (the shape Anthropic's and OpenAI's APIs take for a function tool). */
export const shellToolDefinition = {
  name: "shell",
  description:
    "Run a POSIX shell command line in a sandbox with coreutils-style commands and node. " +
    "Files persist between calls. Returns stdout, stderr, the exit code, and whether output was truncated.",
  input_schema: {
    type: "object",
    properties: {
      command: { type: "string", description: "The command line, e.g. \"grep -c TODO src/*.js\"" },
      stdin: { type: "string", description: "Text for the command's standard input (optional)" },
    },
    required: ["command"],
    additionalProperties: false,
  },
};

/**
 * @typedef {object} ShellToolResult
 * @property {string} stdout  captured stdout (at most maxOutputBytes bytes)
 * @property {string} stderr  captured stderr (at most maxOutputBytes bytes)
 * @property {number} exitCode the shell's exit status; 124 when the time limit ended it
 * @property {boolean} truncated whether output was cut at maxOutputBytes
 * @property {boolean} timedOut whether the time limit ended the command
 */

/** A result for arguments the tool cannot run. */
function usageError(message) {
  return { stdout: "", stderr: `shell: ${message}\n`, exitCode: 2, truncated: false, timedOut: false };
}

/**
 * Creates the function a tool-calling loop calls with the model's arguments.
 * @param {{ kernel: import("@secure-exec/kernel").Kernel, timeoutMs?: number, maxOutputBytes?: number, cwd?: string }} options
 * @returns {(input: unknown) => Promise<ShellToolResult>}
 */
export function createShellTool({ kernel, timeoutMs = 10_000, maxOutputBytes = 16 * 1024, cwd }) {
  return async function shell(input) {
    const { command, stdin } = input ?? {};
    if (typeof command !== "string" || command.trim() === "") return usageError("`command` must be a non-empty string");
    if (stdin !== undefined && typeof stdin !== "string") return usageError("`stdin` must be a string");
    try {
      const result = await kernel.exec(command, { stdin, timeout: timeoutMs, maxOutputBytes, cwd });
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, truncated: result.truncated, timedOut: false };
    } catch (err) {
      if (!isKernelError(err, "ETIMEDOUT")) throw err;
      const { stdout, stderr, truncated } = err.result;
      return { stdout, stderr: `${stderr}shell: timed out after ${timeoutMs} ms\n`, exitCode: 124, truncated, timedOut: true };
    }
  };
}

/**
 * The result as text for the model's next turn: the exit code with any
 * notes, then each non-empty stream.
 * @param {ShellToolResult} result
 */
export function formatToolResult(result) {
  const notes = [result.truncated ? "output truncated" : "", result.timedOut ? "timed out" : ""].filter(Boolean);
  const parts = [`exit code: ${result.exitCode}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`];
  if (result.stdout !== "") parts.push(`stdout:\n${result.stdout}${result.stdout.endsWith("\n") ? "" : "\n"}`);
  if (result.stderr !== "") parts.push(`stderr:\n${result.stderr}${result.stderr.endsWith("\n") ? "" : "\n"}`);
  if (parts.length === 1) parts.push("(no output)\n");
  const text = parts.join("\n");
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}
