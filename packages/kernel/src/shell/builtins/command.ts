/**
 * `command [-p] [-v|-V] name [args...]` and `type [-t] name...`: what a
 * name means to the shell (keyword, function, builtin, or a file on PATH
 * or a command the kernel has registered, shown as /bin/NAME), and
 * running a name while bypassing functions (`command`, bash's `builtin`).
 */
import type { Interpreter } from "../interpreter.js";
import { searchPath, spawnCommand } from "../simple-command.js";
import { waitChild } from "../subshell.js";
import { BUILTINS, type Builtin } from "./index.js";
import { writeOut } from "./output.js";
import { printFunction } from "../print.js";

/** Reserved words, which `type` and `command -v` report as keywords. */
export const KEYWORDS = new Set([
  "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "select", "in",
  "{", "}", "!", "[[", "]]", "function", "time",
]);

/** What a name resolves to. */
export type Resolution =
  | { kind: "keyword" | "function" | "builtin" }
  | { kind: "file"; path: string }
  | null;

/** Resolves `name` the way command lookup does. */
export async function resolveName(sh: Interpreter, name: string, functions = true): Promise<Resolution> {
  if (KEYWORDS.has(name) && functions) return { kind: "keyword" };
  if (functions && sh.state.functions.has(name)) return { kind: "function" };
  if (BUILTINS.has(name)) return { kind: "builtin" };
  if (name.includes("/")) {
    try {
      const st = await sh.ki.vfs.stat(sh.ki.resolvePath(sh.pid, name));
      if ((st.mode & 0o170000) === 0o100000 && (st.mode & 0o111) !== 0) return { kind: "file", path: name };
    } catch {
      return null;
    }
    return null;
  }
  if (sh.ki.commandExists?.(name)) return { kind: "file", path: `/bin/${name}` };
  const found = await searchPath(sh, name);
  return found === null ? null : { kind: "file", path: found };
}

/** bash's `builtin name [args...]`: runs a builtin even where a function of that name exists. */
export const builtinBuiltin: Builtin = async (sh, args, name) => {
  if (args.length === 0) return 0;
  const builtin = BUILTINS.get(args[0]!);
  if (builtin === undefined) {
    await sh.error(`${name}: ${args[0]}: not a shell builtin`);
    return 1;
  }
  return builtin(sh, args.slice(1), args[0]!);
};

/** `command [-p] [-v|-V] name [args...]`: describes a name, or runs it bypassing functions. */
export const commandBuiltin: Builtin = async (sh, args, name) => {
  let mode: "run" | "v" | "V" = "run";
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!/^-[pvV]+$/.test(a)) break;
    if (a.includes("v")) mode = "v";
    if (a.includes("V")) mode = "V";
  }
  const rest = args.slice(i);
  if (rest.length === 0) return 0;
  if (mode === "run") {
    const target = rest[0]!;
    const builtin = BUILTINS.get(target);
    if (builtin !== undefined) return builtin(sh, rest.slice(1), target);
    const handle = await spawnCommand(sh, rest, sh.state.environment());
    return typeof handle === "number" ? handle : waitChild(sh, handle);
  }
  let status = 0;
  for (const n of rest) {
    const r = await resolveName(sh, n);
    if (r === null) {
      if (mode === "V") await sh.error(`${name}: ${n}: not found`);
      status = 1;
      continue;
    }
    const out = mode === "v" ? (r.kind === "file" ? r.path : n) : describe(sh, n, r);
    await writeOut(sh, name, out + "\n");
  }
  return status;
};

/** What `type` and `command -V` say of `name`: a function's definition follows, as bash prints it. */
function describe(sh: Interpreter, name: string, r: NonNullable<Resolution>): string {
  switch (r.kind) {
    case "keyword": return `${name} is a shell keyword`;
    case "function": return `${name} is a function\n${printFunction(sh.state.functions.get(name)!)}`;
    case "builtin": return `${name} is a shell builtin`;
    case "file": return `${name} is ${r.path}`;
  }
}

/** `type [-t] [-p] name...`: says how each name would be run. */
export const typeBuiltin: Builtin = async (sh, args, name) => {
  let terse = false;
  let pathOnly = false;
  let i = 0;
  for (; i < args.length && /^-[aftpP]+$/.test(args[i]!); i++) {
    if (args[i]!.includes("t")) terse = true;
    if (/[pP]/.test(args[i]!)) pathOnly = true;
  }
  let status = 0;
  for (const n of args.slice(i)) {
    const r = await resolveName(sh, n);
    if (r === null) {
      if (!terse && !pathOnly) await sh.error(`${name}: ${n}: not found`);
      status = 1;
      continue;
    }
    if (pathOnly) {
      if (r.kind === "file") await writeOut(sh, name, r.path + "\n");
      continue;
    }
    await writeOut(sh, name, (terse ? r.kind : describe(sh, n, r)) + "\n");
  }
  return status;
};
