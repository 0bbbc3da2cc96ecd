/**
 * The ops behind the "secure_exec" import module: spawn a command of any
 * driver with chosen stdio descriptors, waitpid, kill, pipe, dup, dup2 and
 * chdir. Descriptors a WASI process creates here are close-on-exec like
 * the ones it opens, so a child gets exactly the stdio it is handed.
 */
import { KernelError } from "@secure-exec/kernel";
import { Op } from "../shared/ops.js";
import { OK, type OpContext, type OpHandler } from "./syscall-handler.js";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

interface SpawnRequest {
  argv: string[];
  env?: string[];
  cwd?: string;
}

function envRecord(list: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    if (eq > 0) env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}

/** The process ops for one process. */
export function processOps({ ki, pid }: OpContext): Record<number, OpHandler> {
  return {
    [Op.PROC_SPAWN]: (a, { payload }) => {
      const request = JSON.parse(decoder.decode(payload)) as SpawnRequest;
      const [command, ...args] = request.argv;
      if (command === undefined) throw new KernelError("EINVAL", "empty argv", { syscall: "spawn" });
      const child = ki.spawn(command, args, {
        ppid: pid,
        env: request.env ? envRecord(request.env) : undefined,
        cwd: request.cwd === undefined ? undefined : ki.resolvePath(pid, request.cwd),
        stdinFd: a[0],
        stdoutFd: a[1],
        stderrFd: a[2],
      });
      return { values: [child.pid] };
    },
    [Op.PROC_WAITPID]: async (a) => {
      const result = await ki.waitpid(pid, a[0], a[1]);
      return { values: result ? [result.pid, result.status] : [0, 0] };
    },
    [Op.PROC_KILL]: (a) => {
      ki.kill(pid, a[0], a[1]);
      return OK;
    },
    [Op.FD_PIPE]: () => {
      const { readFd, writeFd } = ki.pipe(pid);
      return { values: [readFd, writeFd] };
    },
    [Op.FD_DUP]: (a) => ({ values: [ki.fdDup(pid, a[0], 0, true)] }),
    [Op.FD_DUP2]: (a) => {
      ki.fdDup2(pid, a[0], a[1]);
      return OK;
    },
    [Op.PROC_CHDIR]: (_a, { payload }) => {
      ki.chdir(pid, decoder.decode(payload));
      return { payload: encoder.encode(ki.getcwd(pid)) };
    },
  };
}
