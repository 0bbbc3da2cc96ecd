/**
 * Process system calls: spawn (pipes or inherited descriptors for the
 * child's stdio), spawnSync (one blocking call: feed input, collect output,
 * wait, with timeout and maxBuffer), kill, and poll, the event loop's one
 * blocking wait for readable descriptors, exited children or a timeout.
 * Children are tracked from their spawn so that no exit is lost between
 * polls.
 */
import { O_RDONLY, O_WRONLY, SIGTERM, type ProcessHandle } from "@secure-exec/kernel";
import { concatBytes } from "@secure-exec/kernel/worker-bridge";
import { GuestFailure, abs, as, json, none, num, str, writeAll, type Args, type Child, type Op, type SyscallContext } from "./syscall-support.js";

function trackChild(c: SyscallContext, handle: ProcessHandle): Child {
  const child: Child = { handle, status: null, killedWith: 0, exited: Promise.resolve() };
  child.exited = handle.wait().then((status) => {
    child.status = status;
  });
  c.children.set(handle.pid, child);
  return child;
}

type StdioSpec = "pipe" | "inherit" | "ignore" | number;

function stdioList(args: Args): StdioSpec[] {
  const list = Array.isArray(args.stdio) ? (args.stdio as unknown[]) : ["pipe", "pipe", "pipe"];
  return [0, 1, 2].map((i) => {
    const s = list[i];
    if (s === "pipe" || s === "inherit" || s === "ignore") return s;
    if (typeof s === "number" && Number.isInteger(s) && s >= 0) return s;
    if (s === undefined || s === null) return "pipe";
    throw new GuestFailure({ code: "EINVAL", message: `EINVAL: invalid argument, stdio[${i}] must be "pipe", "inherit", "ignore" or a descriptor` });
  });
}

function spawnOptions(c: SyscallContext, args: Args): { command: string; argv: string[]; env?: Record<string, string>; cwd?: string } {
  const command = str(args, "command");
  const argv = Array.isArray(args.args) ? (args.args as unknown[]).map(String) : [];
  const env = args.env && typeof args.env === "object" ? (args.env as Record<string, string>) : undefined;
  const cwd = typeof args.cwd === "string" ? abs(c, args.cwd) : undefined;
  return { command, argv, env, cwd };
}

/** The process ops, by name. */
export const PROCESS_OPS: Record<string, Op> = {
  async kill(c, a) {
    const target = num(a, "pid");
    const signal = num(a, "signal");
    const child = c.children.get(target);
    if (child && child.status === null) child.killedWith = signal;
    await as("kill", undefined, () => c.ki.kill(c.pid, target, signal));
    return none;
  },
  async spawn(c, a) {
    const { command, argv, env, cwd } = spawnOptions(c, a);
    const stdio = stdioList(a);
    const childFds: number[] = [];
    const parentFds: (number | null)[] = [null, null, null];
    const opened: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const s = stdio[i];
        if (s === "pipe") {
          const { readFd, writeFd } = c.ki.pipe(c.pid);
          opened.push(readFd, writeFd);
          childFds[i] = i === 0 ? readFd : writeFd;
          parentFds[i] = i === 0 ? writeFd : readFd;
        } else if (s === "ignore") {
          const fd = c.ki.fdOpen(c.pid, "/dev/null", i === 0 ? O_RDONLY : O_WRONLY);
          opened.push(fd);
          childFds[i] = fd;
        } else {
          childFds[i] = s === "inherit" ? i : s;
        }
      }
      const handle = await as(`spawn ${command}`, command, () =>
        c.ki.spawn(command, argv, { ppid: c.pid, env, cwd, stdinFd: childFds[0], stdoutFd: childFds[1], stderrFd: childFds[2] }),
      );
      trackChild(c, handle);
      for (const fd of opened) if (!parentFds.includes(fd)) c.ki.fdClose(c.pid, fd);
      return json({ pid: handle.pid, fds: parentFds });
    } catch (err) {
      for (const fd of opened) c.ki.fdClose(c.pid, fd);
      throw err;
    }
  },
  async spawnSync(c, a, input) {
    const { command, argv, env, cwd } = spawnOptions(c, a);
    const stdio = stdioList(a);
    const timeout = typeof a.timeout === "number" && a.timeout > 0 ? a.timeout : 0;
    const killSignal = typeof a.killSignal === "number" ? a.killSignal : SIGTERM;
    const maxBuffer = typeof a.maxBuffer === "number" ? a.maxBuffer : Infinity;
    const out: Uint8Array[][] = [[], []];
    const sizes = [0, 0];
    const opened: number[] = [];
    let overflow = false;
    let killedWith = 0;
    let handle: ProcessHandle | undefined;
    const fdFor = (i: number): number | undefined => {
      const s = stdio[i];
      if (s === "pipe") return undefined;
      if (s === "inherit") return i;
      if (s === "ignore") {
        const fd = c.ki.fdOpen(c.pid, "/dev/null", i === 0 ? O_RDONLY : O_WRONLY);
        opened.push(fd);
        return fd;
      }
      return s;
    };
    const collector = (i: number) => (data: Uint8Array) => {
      if (overflow) return;
      sizes[i] += data.length;
      out[i].push(data.slice());
      if (sizes[i] > maxBuffer) {
        overflow = true;
        killedWith = SIGTERM;
        handle?.kill(SIGTERM);
      }
    };
    let stdinWriteFd: number | undefined;
    try {
      let stdinFd = fdFor(0);
      if (stdinFd === undefined) {
        const { readFd, writeFd } = c.ki.pipe(c.pid);
        opened.push(readFd);
        stdinFd = readFd;
        stdinWriteFd = writeFd;
      }
      const stdoutFd = fdFor(1);
      const stderrFd = fdFor(2);
      handle = await as(`spawnSync ${command}`, command, () =>
        c.ki.spawn(command, argv, {
          ppid: c.pid, env, cwd, stdinFd, stdoutFd, stderrFd,
          onStdout: stdoutFd === undefined ? collector(0) : undefined,
          onStderr: stderrFd === undefined ? collector(1) : undefined,
        }),
      );
      const h = handle;
      if (stdinWriteFd !== undefined) {
        const fd = stdinWriteFd;
        stdinWriteFd = undefined;
        void (async () => {
          try {
            if (input.length > 0) await writeAll(c, fd, input);
          } catch {
            // the child exited without reading all of its input
          } finally {
            c.ki.fdClose(c.pid, fd);
          }
        })();
      }
      let timedOut = false;
      const timer = timeout > 0 ? setTimeout(() => {
        timedOut = true;
        killedWith = killSignal;
        h.kill(killSignal);
      }, timeout) : undefined;
      const onEnded = () => {
        if (timer !== undefined) clearTimeout(timer);
      };
      c.ended.addEventListener("abort", onEnded, { once: true });
      const status = await h.wait();
      c.ended.removeEventListener("abort", onEnded);
      if (timer !== undefined) clearTimeout(timer);
      const stdout = concatBytes(out[0]);
      const stderr = concatBytes(out[1]);
      const bytes = new Uint8Array(stdout.length + stderr.length);
      bytes.set(stdout);
      bytes.set(stderr, stdout.length);
      const signal = killedWith !== 0 && status === 128 + killedWith ? killedWith : 0;
      return {
        json: {
          pid: h.pid, status, signal, timedOut, overflow,
          stdoutLength: stdio[1] === "pipe" ? stdout.length : null,
          stderrLength: stdio[2] === "pipe" ? stderr.length : null,
        },
        bytes,
      };
    } finally {
      for (const fd of opened) c.ki.fdClose(c.pid, fd);
      if (stdinWriteFd !== undefined) c.ki.fdClose(c.pid, stdinWriteFd);
    }
  },
  async poll(c, a) {
    const fds = Array.isArray(a.fds) ? (a.fds as number[]) : [];
    const pids = (Array.isArray(a.pids) ? (a.pids as number[]) : []).filter((p) => c.children.has(p));
    const timeout = typeof a.timeout === "number" ? a.timeout : -1;
    const collect = () => {
      const readable = fds.filter((fd) => {
        try {
          return c.ki.fdPoll(c.pid, fd).readable;
        } catch {
          return true;
        }
      });
      const exited: { pid: number; status: number; signal: number }[] = [];
      for (const p of pids) {
        const child = c.children.get(p)!;
        if (child.status !== null) {
          c.children.delete(p);
          exited.push({ pid: p, status: child.status, signal: child.killedWith });
        }
      }
      return { readable, exited };
    };
    let ready = collect();
    if (ready.readable.length > 0 || ready.exited.length > 0 || timeout === 0 || c.ended.aborted) return json(ready);
    const abort = new AbortController();
    const onEnded = () => abort.abort();
    c.ended.addEventListener("abort", onEnded);
    const waits: Promise<unknown>[] = [
      new Promise<void>((resolve) => abort.signal.addEventListener("abort", () => resolve())),
      ...fds.map((fd) => c.ki.fdWaitReady(c.pid, fd, "read", abort.signal).catch(() => undefined)),
      ...pids.map((p) => c.children.get(p)!.exited),
    ];
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (timeout > 0) waits.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, timeout))));
    await Promise.race(waits);
    abort.abort();
    c.ended.removeEventListener("abort", onEnded);
    if (timer !== undefined) clearTimeout(timer);
    ready = collect();
    return json(ready);
  },
};
