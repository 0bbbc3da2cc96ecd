/**
 * The kernel's own `sh` (and `bash`) as a runtime driver. A shell process
 * runs on the kernel's thread: `sh -c 'text' [name [args...]]`, `sh file
 * [args...]`, or a script read from stdin, with `-e -u -x -v -f -C -a -n
 * -i` and `-o name` options before them. A `-c` or file script is parsed
 * whole first: a syntax error prints `sh: line N: syntax error: ...` and
 * exits 2 with nothing run. A script on stdin runs command by command as
 * it is read; with `-i`, or when stdin is a terminal, it is the
 * interactive shell (interactive.ts). The kernel offers the process its
 * signals first (signals.ts decides); killing it aborts the interpreter.
 */
import { KernelError, isKernelError, strerror } from "../errors.js";
import type { DriverProcess, KernelInterface, ProcessContext, RuntimeDriver } from "../types.js";
import type { CommandList } from "./ast.js";
import { decodeBytes } from "./bytes.js";
import { ShellAborted, ShellFatal } from "./control-flow.js";
import { runInteractive } from "./interactive.js";
import { Interpreter } from "./interpreter.js";
import { stdinScript } from "./script-reader.js";
import { parseScript } from "./parser.js";
import { setBashVariables } from "./special-vars.js";
import { OPTION_LETTERS, ShellState, type ShellOptions } from "./state.js";
import type { ShellSignals } from "./signals.js";
import { ShellSyntaxError } from "./syntax-error.js";

const encoder = new TextEncoder();

/** How the shell was asked to run. */
interface Invocation {
  options: Partial<ShellOptions>;
  /** `-c` text, or null. */
  command: string | null;
  /** Script file, or null (with no -c: read stdin). */
  file: string | null;
  arg0: string;
  positional: string[];
  /** `-i`: interactive. */
  interactive: boolean;
}

const LONG_OPTIONS = new Set<string>([...Object.values(OPTION_LETTERS), "pipefail"]);

/** Parses the shell's own arguments; a string is a usage error message. */
function parseInvocation(args: string[], name: string): Invocation | string {
  const inv: Invocation = { options: {}, command: null, file: null, arg0: name, positional: [], interactive: false };
  let readCommand = false;
  let stdin = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--" || a === "-") {
      i++;
      break;
    }
    if (a.length < 2 || (a[0] !== "-" && a[0] !== "+")) break;
    const on = a[0] === "-";
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (letter === "c") readCommand = true;
      else if (letter === "s") stdin = true;
      else if (letter === "i") inv.interactive = on;
      else if (letter === "l" || letter === "p") continue;
      else if (letter === "o") {
        const opt = args[++i];
        if (opt === undefined) return `-o: option requires an argument`;
        if (LONG_OPTIONS.has(opt)) inv.options[opt as keyof ShellOptions] = on;
      } else if (OPTION_LETTERS[letter] !== undefined) {
        inv.options[OPTION_LETTERS[letter]!] = on;
      } else {
        return `${a[0]}${letter}: invalid option`;
      }
    }
  }
  const rest = args.slice(i);
  if (readCommand) {
    if (rest.length === 0) return "-c: option requires an argument";
    inv.command = rest[0]!;
    if (rest.length > 1) inv.arg0 = rest[1]!;
    inv.positional = rest.slice(2);
  } else if (!stdin && rest.length > 0) {
    inv.file = rest[0]!;
    inv.arg0 = rest[0]!;
    inv.positional = rest.slice(1);
  } else {
    inv.positional = rest;
  }
  return inv;
}

/** The variables a shell starts with: its environment (exported) and the shell's defaults. */
function initialState(ctx: ProcessContext, inv: Invocation): ShellState {
  const state = new ShellState();
  for (const [name, value] of Object.entries(ctx.env)) {
    if (name.startsWith("BASH_FUNC_") && importFunction(state, name, value)) continue;
    state.vars.set(name, { value, exported: true, readonly: false });
  }
  // As bash and dash do, an IFS from the environment is not trusted.
  state.vars.set("IFS", { value: " \t\n", exported: false, readonly: false });
  if (!state.vars.has("PS4")) state.vars.set("PS4", { value: "+ ", exported: false, readonly: false });
  if (!state.vars.has("OPTIND")) state.vars.set("OPTIND", { value: "1", exported: false, readonly: false });
  const pwd = state.vars.get("PWD");
  if (pwd === undefined || pwd.value !== ctx.cwd) state.vars.set("PWD", { value: ctx.cwd, exported: true, readonly: false });
  state.shellPid = ctx.pid;
  state.vars.set("PPID", { value: String(ctx.ppid), exported: false, readonly: false });
  setBashVariables(state);
  if (inv.file !== null) state.sources = [inv.file];
  state.arg0 = inv.arg0;
  state.positional = inv.positional;
  state.interactive = inv.interactive;
  state.invocationFlag = inv.command !== null ? "c" : inv.file === null ? "s" : "";
  Object.assign(state.options, inv.options);
  return state;
}

/** Defines a function a parent bash exported (`BASH_FUNC_name%%=() { ... }`); false if it is not one. */
function importFunction(state: ShellState, variable: string, value: string): boolean {
  const m = /^BASH_FUNC_([^=%]+)%%$/.exec(variable);
  if (m === null || !value.startsWith("() ")) return false;
  try {
    const cmd = parseScript(`${m[1]} ${value}`).items[0]?.first.commands[0];
    if (cmd?.type !== "function" || cmd.name !== m[1]) return false;
    state.functions.set(cmd.name, cmd);
    state.exportedFunctions.add(cmd.name);
    return true;
  } catch {
    return false;
  }
}

/** Whether stdin is a terminal (a shell reading it is then interactive). */
function stdinIsTerminal(ki: KernelInterface, pid: number): boolean {
  try {
    return ki.isatty(pid, 0);
  } catch {
    return false;
  }
}

async function writeError(ki: KernelInterface, pid: number, message: string): Promise<void> {
  try {
    await ki.fdWrite(pid, 2, encoder.encode(`sh: ${message}\n`));
  } catch {
    // Nowhere to report it.
  }
}

/** Records the process's interpreter, so that the process's `handleSignal` asks its signals; returns it. */
type Attach = (interpreter: Interpreter) => Interpreter;

/** Runs one shell process to completion; resolves with its exit status. */
async function runShell(ki: KernelInterface, ctx: ProcessContext, command: string, args: string[], signal: AbortSignal, attach: Attach): Promise<number> {
  const inv = parseInvocation(args, command);
  if (typeof inv === "string") {
    await writeError(ki, ctx.pid, inv);
    return 2;
  }
  const file = inv.file;
  let text: string;
  if (inv.command !== null) text = inv.command;
  else if (file === null) {
    if (stdinIsTerminal(ki, ctx.pid)) inv.interactive = true;
    const interpreter = attach(new Interpreter(ki, ctx.pid, initialState(ctx, inv), signal));
    return inv.interactive ? runInteractive(interpreter) : runStdinScript(ki, ctx.pid, interpreter);
  } else {
    try {
      text = decodeBytes(await ki.vfs.readFile(ki.resolvePath(ctx.pid, file)));
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await writeError(ki, ctx.pid, `${file}: ${strerror(err.code)}`);
      return err.code === "ENOENT" ? 127 : 126;
    }
  }
  let list: CommandList;
  try {
    list = parseScript(text);
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    await writeError(ki, ctx.pid, `line ${err.line}: syntax error: ${err.message}`);
    return 2;
  }
  const state = initialState(ctx, inv);
  if (state.options.noexec) return 0;
  return attach(new Interpreter(ki, ctx.pid, state, signal)).runMain(list, text);
}

/** `sh` with its script on stdin: each command runs as soon as it has been read. */
async function runStdinScript(ki: KernelInterface, pid: number, interpreter: Interpreter): Promise<number> {
  const next = stdinScript(ki, pid, () => interpreter.parserAliases());
  return interpreter.runPieces(async () => {
    const piece = await next();
    if (piece === null) return null;
    if ("list" in piece) return piece;
    await writeError(ki, pid, `line ${piece.error.line}: syntax error: ${piece.error.message}`);
    throw new ShellFatal(2);
  });
}

/** Creates the kernel's shell driver (`sh`, `bash`). */
export function createShellDriver(): RuntimeDriver {
  let kernel: KernelInterface | null = null;
  return {
    name: "kernel-shell",
    commands: ["sh", "bash"],
    stdin: "fd",
    async init(ki: KernelInterface): Promise<void> {
      if (kernel !== null) throw new KernelError("EBUSY", "the kernel shell driver is already initialized");
      kernel = ki;
    },
    spawn(command: string, args: string[], ctx: ProcessContext): DriverProcess {
      const ki = kernel;
      if (ki === null) throw new KernelError("EINVAL", "the kernel shell driver is not initialized");
      const abort = new AbortController();
      let resolveExit!: (code: number) => void;
      const exited = new Promise<number>((resolve) => (resolveExit = resolve));
      let done = false;
      let signals: ShellSignals | null = null;
      const attach: Attach = (interpreter) => {
        signals = interpreter.signals;
        return interpreter;
      };
      const proc: DriverProcess = {
        writeStdin() {},
        closeStdin() {},
        kill(signal: number) {
          abort.abort();
          finish(128 + signal);
        },
        handleSignal: (signal) => signals?.handle(signal) ?? false,
        wait: () => exited,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
      const finish = (code: number): void => {
        if (done) return;
        done = true;
        resolveExit(code);
        proc.onExit?.(code);
      };
      queueMicrotask(() => {
        runShell(ki, ctx, command, args, abort.signal, attach).then(finish, (err: unknown) => {
          if (err instanceof ShellAborted || abort.signal.aborted) return;
          ctx.onStderr(encoder.encode(`sh: internal error: ${(err as Error)?.message ?? err}\n`));
          finish(70);
        });
      });
      return proc;
    },
    async dispose(): Promise<void> {
      kernel = null;
    },
  };
}
