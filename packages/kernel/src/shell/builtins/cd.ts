/**
 * `cd [-L|-P] [dir|-]` and `pwd [-L|-P]`. The shell keeps the logical
 * path in PWD (".." removes the last component as written, as POSIX's -L
 * does) and the kernel keeps the physical working directory. `cd -` goes
 * to OLDPWD and prints it; CDPATH is searched for relative names.
 */
import { isKernelError, strerror } from "../../errors.js";
import { normalizePath } from "../../vfs/path.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

function parseMode(args: string[]): { physical: boolean; rest: string[] } | string {
  let physical = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!/^-[LP]+$/.test(a)) break;
    physical = a.endsWith("P");
  }
  return { physical, rest: args.slice(i) };
}

/** `cd [-L|-P] [dir|-]`: changes the working directory and PWD/OLDPWD. */
export const cdBuiltin: Builtin = async (sh, args) => {
  const parsed = parseMode(args);
  if (typeof parsed === "string") return 2;
  const { physical, rest } = parsed;
  if (rest.length > 1) {
    await sh.error("cd: too many arguments");
    return 1;
  }
  const state = sh.state;
  let target: string | undefined = rest[0];
  let print = false;
  if (target === undefined) {
    target = state.get("HOME");
    if (target === undefined) {
      await sh.error("cd: HOME not set");
      return 1;
    }
  } else if (target === "-") {
    target = state.get("OLDPWD");
    if (target === undefined) {
      await sh.error("cd: OLDPWD not set");
      return 1;
    }
    print = true;
  }
  if (target === "") return 0;
  const oldPwd = state.get("PWD") ?? sh.ki.getcwd(sh.pid);
  const candidates: { path: string; announce: boolean }[] = [];
  if (!target.startsWith("/") && !/^\.\.?(\/|$)/.test(target)) {
    for (const entry of (state.get("CDPATH") ?? "").split(":")) {
      if (entry === "") continue;
      candidates.push({ path: `${entry.replace(/\/$/, "")}/${target}`, announce: true });
    }
  }
  candidates.push({ path: target, announce: false });
  let lastError: unknown = null;
  for (const c of candidates) {
    const logical = normalizePath(c.path.startsWith("/") ? c.path : `${oldPwd}/${c.path}`);
    try {
      sh.ki.chdir(sh.pid, physical ? c.path : logical);
    } catch (err) {
      lastError = err;
      continue;
    }
    const pwd = physical ? sh.ki.getcwd(sh.pid) : logical;
    await sh.assign("OLDPWD", oldPwd);
    await sh.assign("PWD", pwd);
    if (print || c.announce) return writeOut(sh, "cd", pwd + "\n");
    return 0;
  }
  const reason = isKernelError(lastError) ? strerror(lastError.code) : String(lastError);
  await sh.error(`cd: ${target}: ${reason}`);
  return 1;
};

/** `pwd [-L|-P]`: prints the logical (or physical) working directory. */
export const pwdBuiltin: Builtin = async (sh, args) => {
  const parsed = parseMode(args);
  if (typeof parsed === "string") return 2;
  const physicalCwd = sh.ki.getcwd(sh.pid);
  let out = physicalCwd;
  const pwd = sh.state.get("PWD");
  if (!parsed.physical && pwd !== undefined && pwd.startsWith("/")) {
    try {
      if ((await sh.ki.vfs.realpath(pwd)) === physicalCwd) out = pwd;
    } catch {
      // PWD no longer names the working directory.
    }
  }
  return writeOut(sh, "pwd", out + "\n");
};
