/**
 * Builtins that run shell text in the current shell: `eval` (its
 * arguments joined by spaces), `.`/`source` (a file, found on PATH when its
 * name has no slash, with optional new positional parameters) and `shift`.
 */
import { isKernelError, strerror } from "../../errors.js";
import { decodeBytes } from "../bytes.js";
import { ReturnSignal, ShellFatal } from "../control-flow.js";
import type { Builtin } from "./index.js";

/** `eval [args...]`: runs its arguments, joined by spaces, as shell text. */
export const evalBuiltin: Builtin = async (sh, args) => {
  const text = args.join(" ");
  if (text.trim() === "") return 0;
  sh.state.traceLevel++;
  try {
    return await sh.evalString(text, sh.state.lineno);
  } catch (err) {
    if (err instanceof ShellFatal && err.status === 2) return 2;
    throw err;
  } finally {
    sh.state.traceLevel--;
  }
};

/** Finds a file for `.`: as given when it has a slash, else on PATH, else in the working directory. */
async function findScript(sh: Parameters<Builtin>[0], name: string): Promise<string> {
  if (name.includes("/")) return name;
  for (const dir of (sh.state.get("PATH") ?? "").split(":")) {
    const candidate = `${dir === "" ? "." : dir}/${name}`;
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, candidate));
      if ((st.mode & 0o170000) === 0o100000) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return name;
}

/** `. file [args...]` and `source`: runs a file in the current shell. */
export const sourceBuiltin: Builtin = async (sh, args, name) => {
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await sh.error(`${name}: filename argument required`);
    return 2;
  }
  const path = await findScript(sh, args[0]!);
  let text: string;
  try {
    text = decodeBytes(await sh.ki.vfs.readFile(sh.ki.resolvePath(sh.pid, path)));
  } catch (err) {
    if (!isKernelError(err)) throw err;
    await sh.error(`${args[0]}: ${strerror(err.code)}`);
    return 1;
  }
  const state = sh.state;
  const savedPositional = state.positional;
  if (args.length > 1) state.positional = args.slice(1);
  state.sourceDepth++;
  state.sources.unshift(path);
  try {
    return await sh.evalString(text);
  } catch (err) {
    if (err instanceof ReturnSignal) return err.status;
    throw err;
  } finally {
    state.sources.shift();
    state.sourceDepth--;
    if (args.length > 1) state.positional = savedPositional;
  }
};

/** `shift [n]`: drops the first n positional parameters. */
export const shiftBuiltin: Builtin = async (sh, args, name) => {
  const arg = args[0] ?? "1";
  if (!/^[0-9]+$/.test(arg)) {
    await sh.error(`${name}: ${arg}: numeric argument required`);
    return 1;
  }
  const n = Number(arg);
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};
