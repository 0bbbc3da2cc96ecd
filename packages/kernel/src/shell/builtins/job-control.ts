/**
 * bash's job table as a shell without job control has it: `jobs [-lpr]`
 * lists the background jobs not yet waited for (`jobs -p` their pids, for
 * `kill $(jobs -p)`), `%n`, `%+`, `%-` and `%name` name them for `kill`
 * and `wait`, and `disown` forgets them. `fg` and `bg` fail, as in a
 * non-interactive bash: there is no job control to move jobs with.
 */
import type { ProcessHandle } from "../../types.js";
import type { Interpreter } from "../interpreter.js";
import { printOneLine } from "../print.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

/** A background job: its number (`%n`), pid and process. */
interface Job {
  number: number;
  pid: number;
  handle: ProcessHandle;
}

/**
 * The jobs still running, by job number (a non-interactive bash drops a
 * finished job from the table; `wait pid` still gets its status). A
 * subshell sees its parent's jobs too.
 */
function jobList(sh: Interpreter): Job[] {
  const jobs: Job[] = [];
  for (const [pid, handle] of [...sh.jobs, ...sh.inheritedJobs]) {
    const spec = sh.jobSpecs.get(pid);
    if (spec !== undefined && handle.exitCode === null) jobs.push({ number: spec.number, pid, handle });
  }
  return jobs.sort((a, b) => a.number - b.number);
}

/** The number for a job started now: one past the highest in use. */
export function nextJobNumber(sh: Interpreter): number {
  return jobList(sh).reduce((n, job) => Math.max(n, job.number), 0) + 1;
}

/** The pid a job spec (`%1`, `%+`, `%%`, `%-`, `%name`, `%?text`) names, or undefined. */
export function resolveJobSpec(sh: Interpreter, spec: string): number | undefined {
  const jobs = jobList(sh);
  const body = spec.slice(1);
  if (body === "" || body === "%" || body === "+") return jobs[jobs.length - 1]?.pid;
  if (body === "-") return jobs[jobs.length - 2]?.pid ?? jobs[jobs.length - 1]?.pid;
  if (/^[0-9]+$/.test(body)) return jobs.find((j) => j.number === Number(body))?.pid;
  const text = (job: Job): string => printOneLine(sh.jobSpecs.get(job.pid)!.item);
  const match = body.startsWith("?") ? jobs.filter((j) => text(j).includes(body.slice(1))) : jobs.filter((j) => text(j).startsWith(body));
  return match.length === 1 ? match[0]!.pid : undefined;
}

/** `jobs [-l] [-p] [-r] [-s]`: the running jobs (none is ever stopped). */
export const jobsBuiltin: Builtin = async (sh, args, name) => {
  const flags = args.filter((a) => /^-[lprsn]+$/.test(a)).join("");
  const jobs = jobList(sh);
  let out = "";
  jobs.forEach((job, i) => {
    if (flags.includes("s")) return;
    if (flags.includes("p")) {
      out += `${job.pid}\n`;
      return;
    }
    const mark = i === jobs.length - 1 ? "+" : i === jobs.length - 2 ? "-" : " ";
    const pid = flags.includes("l") ? ` ${String(job.pid).padStart(5)}` : " ";
    out += `[${job.number}]${mark}${pid} ${"Running".padEnd(24)}${printOneLine(sh.jobSpecs.get(job.pid)!.item)} &\n`;
  });
  return writeOut(sh, name, out);
};

/** `fg` and `bg`: there is no job control. */
export const fgBuiltin: Builtin = async (sh, _args, name) => {
  await sh.error(`${name}: no job control`);
  return 1;
};

/** `disown [-a] [jobspec | pid...]`: forgets jobs, so `wait` and `jobs` no longer see them. */
export const disownBuiltin: Builtin = async (sh, args, name) => {
  const all = args.includes("-a");
  const specs = args.filter((a) => !a.startsWith("-"));
  const pids = all ? [...sh.jobs.keys()] : specs.length === 0 ? [resolveJobSpec(sh, "%+")] : specs.map((s) => (s.startsWith("%") ? resolveJobSpec(sh, s) : Number(s)));
  let status = 0;
  for (const [i, pid] of pids.entries()) {
    if (pid === undefined || !sh.jobs.has(pid)) {
      await sh.error(`${name}: ${specs[i] ?? "current"}: no such job`);
      status = 1;
      continue;
    }
    sh.jobs.delete(pid);
  }
  return status;
};
