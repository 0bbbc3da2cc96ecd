/**
 * `--timeout` in the interactive shell: a limit on each foreground job.
 * The shell runs every foreground job (a command, a subshell, a pipeline,
 * a command substitution) in a process group of its own, so its children
 * outside its own group are exactly its foreground jobs. The process table
 * is looked at a few times a second; a group still running the limit after
 * it was first seen gets SIGTERM, then SIGKILL after a grace period, and
 * the CLI reports it. The shell goes on with the rest of the line (`$?` is
 * the job's status, 143 after SIGTERM). A loop of builtins runs in the
 * shell itself, not in a job: Ctrl-C interrupts it.
 */
import { SIGKILL, SIGTERM, type Kernel } from "@secure-exec/kernel";
import type { JobProcess } from "./job-process.js";

/** Milliseconds between the SIGTERM and the SIGKILL of a job over its limit. */
const KILL_GRACE_MS = 250;

/** Watches `job`'s shell; `onTimeout` runs once for each job ended. Returns a function that stops watching. */
export function limitForegroundJobs(kernel: Kernel, job: JobProcess, limitMs: number, onTimeout: () => void): () => void {
  /** When each foreground group was first seen running. */
  const firstSeen = new Map<number, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const look = () => {
    const processes = kernel.processes;
    const shell = processes.find((p) => p.pid === job.shellPid && p.state === "running");
    if (shell === undefined) return;
    const groups = new Set<number>();
    for (const p of processes) if (p.ppid === shell.pid && p.pgid !== shell.pgid && p.state === "running") groups.add(p.pgid);
    for (const pgid of firstSeen.keys()) if (!groups.has(pgid)) firstSeen.delete(pgid);
    const now = Date.now();
    for (const pgid of groups) {
      const since = firstSeen.get(pgid);
      if (since === undefined) firstSeen.set(pgid, now);
      else if (now - since >= limitMs) {
        firstSeen.set(pgid, Infinity);
        onTimeout();
        job.signalGroup(pgid, SIGTERM);
        const timer = setTimeout(() => {
          timers.delete(timer);
          job.signalGroup(pgid, SIGKILL);
        }, KILL_GRACE_MS);
        timers.add(timer);
      }
    }
  };
  const poll = setInterval(look, Math.max(10, Math.min(100, limitMs / 10)));
  poll.unref();
  return () => {
    clearInterval(poll);
    for (const timer of timers) clearTimeout(timer);
  };
}
