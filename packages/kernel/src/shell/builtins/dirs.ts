/**
 * bash's directory stack: `pushd [dir | +n]`, `popd [+n]` and
 * `dirs [-clpv]`. The stack's top is always the working directory (PWD);
 * the entries below it are kept in the shell state. pushd and popd change
 * directory through `cd` and then print the stack, as bash does.
 */
import type { Interpreter } from "../interpreter.js";
import { cdBuiltin } from "./cd.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** The whole stack, top (the working directory) first. */
function stack(sh: Interpreter): string[] {
  return [sh.state.get("PWD") ?? sh.ki.getcwd(sh.pid), ...sh.state.dirStack];
}

/** An entry as `dirs` shows it: HOME abbreviated to `~` unless `long`. */
function shown(sh: Interpreter, dir: string, long: boolean): string {
  const home = sh.state.get("HOME");
  if (long || home === undefined || home === "" || home === "/") return dir;
  return dir === home ? "~" : dir.startsWith(home + "/") ? "~" + dir.slice(home.length) : dir;
}

async function printStack(sh: Interpreter, name: string, opts = ""): Promise<number> {
  const long = opts.includes("l");
  const entries = stack(sh).map((d) => shown(sh, d, long));
  let out: string;
  if (opts.includes("v")) out = entries.map((d, i) => `${String(i).padStart(2)}  ${d}\n`).join("");
  else if (opts.includes("p")) out = entries.map((d) => d + "\n").join("");
  else out = entries.join(" ") + "\n";
  return writeOut(sh, name, out);
}

/** The stack index `+n` (from the top) or `-n` (from the bottom) names, or -1 after reporting it out of range. */
async function entryIndex(sh: Interpreter, name: string, arg: string, size: number): Promise<number> {
  const n = Number(arg.slice(1));
  const k = arg[0] === "+" ? n : size - 1 - n;
  if (k >= 0 && k < size) return k;
  await sh.error(`${name}: ${arg}: directory stack index out of range`);
  return -1;
}

/** `cd`s to `dir` quietly; returns its status. */
function cdTo(sh: Interpreter, dir: string): Promise<number> {
  return cdBuiltin(sh, [dir], "cd");
}

/** `pushd [-n] [dir | +n | -n]`. */
export const pushdBuiltin: Builtin = async (sh, args, name) => {
  const state = sh.state;
  const noCd = args[0] === "-n";
  const rest = noCd ? args.slice(1) : args;
  if (rest.length === 0) {
    if (state.dirStack.length === 0) {
      await sh.error(`${name}: no other directory`);
      return 1;
    }
    const current = stack(sh)[0]!;
    const target = state.dirStack[0]!;
    if ((await cdTo(sh, target)) !== 0) return 1;
    state.dirStack[0] = current;
    return printStack(sh, name);
  }
  const arg = rest[0]!;
  const rotate = /^[+-][0-9]+$/.exec(arg);
  if (rotate !== null) {
    const all = stack(sh);
    const k = await entryIndex(sh, name, arg, all.length);
    if (k < 0) return 1;
    const rotated = [...all.slice(k), ...all.slice(0, k)];
    if ((await cdTo(sh, rotated[0]!)) !== 0) return 1;
    state.dirStack = rotated.slice(1);
    return printStack(sh, name);
  }
  const current = stack(sh)[0]!;
  if (noCd) state.dirStack.unshift(arg);
  else {
    if ((await cdTo(sh, arg)) !== 0) return 1;
    state.dirStack.unshift(current);
  }
  return printStack(sh, name);
};

/** `popd [-n] [+n | -n]`. */
export const popdBuiltin: Builtin = async (sh, args, name) => {
  const state = sh.state;
  const noCd = args[0] === "-n";
  const arg = (noCd ? args.slice(1) : args)[0];
  if (state.dirStack.length === 0) {
    await sh.error(`${name}: directory stack empty`);
    return 1;
  }
  if (arg !== undefined && /^[+-][0-9]+$/.test(arg)) {
    const all = stack(sh);
    const k = await entryIndex(sh, name, arg, all.length);
    if (k < 0) return 1;
    if (k === 0) {
      if (!noCd && (await cdTo(sh, all[1]!)) !== 0) return 1;
      state.dirStack.shift();
    } else {
      state.dirStack.splice(k - 1, 1);
    }
    return printStack(sh, name);
  }
  if (!noCd && (await cdTo(sh, state.dirStack[0]!)) !== 0) return 1;
  state.dirStack.shift();
  return printStack(sh, name);
};

/** `dirs [-clpv]`. */
export const dirsBuiltin: Builtin = async (sh, args, name) => {
  let opts = "";
  for (const a of args) {
    if (!/^-[clpv]+$/.test(a)) {
      await sh.error(`${name}: ${a}: invalid option`);
      return 2;
    }
    opts += a.slice(1);
  }
  if (opts.includes("c")) {
    sh.state.dirStack = [];
    return 0;
  }
  return printStack(sh, name, opts);
};
