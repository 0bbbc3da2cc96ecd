/**
 * `umask [-S] [mode]`: prints the file creation mask (octal, or symbolic
 * with -S) or sets it from an octal number or a symbolic mode such as
 * `u=rwx,g=rx,o=`.
 */
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

function symbolic(mask: number): string {
  const perms = (bits: number): string => (bits & 4 ? "r" : "") + (bits & 2 ? "w" : "") + (bits & 1 ? "x" : "");
  const allowed = ~mask & 0o777;
  return `u=${perms(allowed >> 6)},g=${perms((allowed >> 3) & 7)},o=${perms(allowed & 7)}`;
}

/** Applies a symbolic mode to the permissions a mask allows; null if malformed. */
function applySymbolic(mask: number, mode: string): number | null {
  let allowed = ~mask & 0o777;
  for (const clause of mode.split(",")) {
    const m = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
    if (m === null) return null;
    const who = m[1] === "" || m[1]!.includes("a") ? "ugo" : m[1]!;
    let bits = 0;
    for (const p of m[3]!) bits |= p === "r" ? 4 : p === "w" ? 2 : 1;
    for (const w of who) {
      const shift = w === "u" ? 6 : w === "g" ? 3 : 0;
      if (m[2] === "=") allowed &= ~(7 << shift);
      if (m[2] === "-") allowed &= ~(bits << shift);
      else allowed |= bits << shift;
    }
  }
  return ~allowed & 0o777;
}

/** `umask [-S] [mode]`. */
export const umaskBuiltin: Builtin = async (sh, args, name) => {
  let symbolicOut = false;
  if (args[0] === "-S") {
    symbolicOut = true;
    args = args.slice(1);
  }
  const current = sh.ki.umask(sh.pid);
  if (args.length === 0) {
    return writeOut(sh, name, (symbolicOut ? symbolic(current) : current.toString(8).padStart(4, "0")) + "\n");
  }
  const mode = args[0]!;
  const next = /^[0-7]+$/.test(mode) ? parseInt(mode, 8) & 0o777 : applySymbolic(current, mode);
  if (next === null) {
    await sh.error(`${name}: ${mode}: invalid symbolic mode operator`);
    return 1;
  }
  sh.ki.umask(sh.pid, next);
  return 0;
};
