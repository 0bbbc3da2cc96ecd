/**
 * Builtins for child processes: `wait [pid...]` (every background job
 * when none is named) and `kill [-s sig | -sig] pid... | -l`. A signal the
 * shell catches ends `wait` at once with 128 + its number; its trap runs
 * right after, and the jobs go on.
 */
import { SIGNAL_NAMES } from "../../constants.js";
import { isKernelError, strerror } from "../../errors.js";
import { waitChild } from "../subshell.js";
import type { Builtin } from "./index.js";
import { resolveJobSpec } from "./job-control.js";
import { writeOut } from "./output.js";

/** `wait [-n] [pid...]`: waits for background jobs (with bash's `-n`, the first to end); status of the last one named. */
export const waitBuiltin: Builtin = async (sh, args, name) => {
  if (args[0] === "-f") args = args.slice(1);
  if (args[0] === "-n") return waitAny(sh, args.slice(1));
  if (args.length === 0) {
    for (const [pid, handle] of [...sh.jobs]) {
      const status = await waitChild(sh, handle, true);
      if (handle.exitCode === null) return status;
      sh.jobs.delete(pid);
    }
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const pid = arg.startsWith("%") ? resolveJobSpec(sh, arg) ?? NaN : /^[0-9]+$/.test(arg) ? Number(arg) : NaN;
    const handle = pid === undefined || Number.isNaN(pid) ? undefined : sh.jobs.get(pid);
    if (handle === undefined) {
      if (arg.startsWith("%") && /^%([0-9]+|[%+-])?$/.test(arg)) {
        await sh.error(`${name}: ${arg}: no such job`);
        status = 127;
      } else if (Number.isNaN(pid)) {
        await sh.error(`${name}: \`${arg}': not a pid or valid job spec`);
        status = 2;
      } else {
        await sh.error(`${name}: pid ${arg} is not a child of this shell`);
        status = 127;
      }
      continue;
    }
    status = await waitChild(sh, handle, true);
    if (handle.exitCode === null) return status;
    sh.jobs.delete(pid!);
  }
  return status;
};

/** `wait -n [pid...]`: the status of the first of the jobs (all when none is named) to end; 127 when there are none. */
async function waitAny(sh: Parameters<Builtin>[0], args: string[]): Promise<number> {
  const pids = args.length > 0 ? args.map(Number) : [...sh.jobs.keys()];
  const entries = pids.flatMap((pid) => {
    const handle = sh.jobs.get(pid);
    return handle === undefined ? [] : [{ pid, handle }];
  });
  if (entries.length === 0) return 127;
  const ended = entries.find((e) => e.handle.exitCode !== null);
  const first = ended !== undefined
    ? { ...ended, status: ended.handle.exitCode! }
    : await Promise.race(entries.map(async (e) => ({ ...e, status: await waitChild(sh, e.handle, true) })));
  if (first.handle.exitCode !== null) sh.jobs.delete(first.pid);
  return first.status;
}

/** A signal number from a name ("TERM", "SIGTERM") or a number; null if unknown. */
export function signalNumber(spec: string): number | null {
  if (/^[0-9]+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || SIGNAL_NAMES[n] !== undefined ? n : null;
  }
  const name = spec.toUpperCase().replace(/^SIG/, "");
  for (const [num, signame] of Object.entries(SIGNAL_NAMES)) if (signame === name) return Number(num);
  return null;
}

/** `kill [-s sig | -sig] pid...` and `kill -l`. */
export const killBuiltin: Builtin = async (sh, args, name) => {
  let signal = 15;
  let i = 0;
  if (args[0] === "-l" || args[0] === "-L") {
    if (args.length > 1) {
      const out = args.slice(1).map((a) => (/^[0-9]+$/.test(a) ? SIGNAL_NAMES[Number(a) > 128 ? Number(a) - 128 : Number(a)] ?? "?" : String(signalNumber(a) ?? "?")));
      return writeOut(sh, name, out.join("\n") + "\n");
    }
    return writeOut(sh, name, Object.values(SIGNAL_NAMES).join(" ") + "\n");
  }
  if (args[0] === "-s" || args[0] === "-n") {
    const n = args[1] === undefined ? null : signalNumber(args[1]);
    if (n === null) {
      await sh.error(`${name}: ${args[1] ?? ""}: invalid signal specification`);
      return 1;
    }
    signal = n;
    i = 2;
  } else if (args[0] !== undefined && args[0].startsWith("-") && args[0] !== "--" && !/^-[0-9]+$/.test(args[0].slice(1)) && args[0].length > 1) {
    const n = signalNumber(args[0].slice(1));
    if (n === null) {
      await sh.error(`${name}: ${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    signal = n;
    i = 1;
  }
  if (args[i] === "--") i++;
  const targets = args.slice(i);
  if (targets.length === 0) {
    await sh.error(`${name}: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]`);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    const pid = t.startsWith("%") ? resolveJobSpec(sh, t) : /^-?[0-9]+$/.test(t) ? Number(t) : undefined;
    if (pid === undefined) {
      await sh.error(`${name}: ${t}: ${t.startsWith("%") ? "no such job" : "arguments must be process or job IDs"}`);
      status = 1;
      continue;
    }
    try {
      sh.ki.kill(sh.pid, pid, signal);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await sh.error(`${name}: (${t}) - ${strerror(err.code)}`);
      status = 1;
    }
  }
  return status;
};
