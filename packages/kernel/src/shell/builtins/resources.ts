/**
 * `ulimit` and `times`, for scripts that call them. The kernel has no
 * per-process resource limits or CPU accounting, so `ulimit` reports every
 * limit as unlimited (and accepts new ones, which change nothing), and
 * `times` reports zero times.
 */
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** `ulimit [-SHacdefilmnqrstuvx] [limit]`. */
export const ulimitBuiltin: Builtin = async (sh, args, name) => {
  for (const a of args) {
    if (/^-[SHacdefilmnpqrstuvxPRT]+$/.test(a) || a === "unlimited" || /^[0-9]+$/.test(a)) continue;
    await sh.error(`${name}: ${a}: invalid ${a.startsWith("-") ? "option" : "number"}`);
    return a.startsWith("-") ? 2 : 1;
  }
  const setting = args.some((a) => !a.startsWith("-"));
  if (setting) return 0;
  if (args.some((a) => a.includes("a"))) {
    return writeOut(sh, name, "core file size              (blocks, -c) unlimited\nopen files                          (-n) unlimited\n");
  }
  return writeOut(sh, name, "unlimited\n");
};

/** `times`: the user and system times of the shell and of its children. */
export const timesBuiltin: Builtin = (sh, _args, name) => writeOut(sh, name, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
