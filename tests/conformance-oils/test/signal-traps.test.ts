/**
 * The shell's signal traps through `kernel.exec` and `kernel.spawn`: a
 * caught signal runs its action between commands and the script goes on,
 * `wait` and `read` are cut short by it, '' ignores, `-` resets, and
 * subshells and background jobs get the dispositions POSIX gives them.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKernel, type Kernel } from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createArgvDriver } from "./argv-driver.js";
import { settle, startShell } from "./shell-session.js";

let kernel: Kernel;

beforeEach(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem(), onWarning: () => {}, limits: { killGraceMs: 50 } });
  await kernel.mount(createArgvDriver());
});

afterEach(async () => {
  await kernel.dispose();
});

function run(line: string) {
  return kernel.exec(line, { timeout: 10_000 });
}

describe("trap on signals", () => {
  it("runs the action of a signal the shell sends itself, then goes on", async () => {
    expect(await run("trap 'echo got TERM' TERM; kill -TERM $$; echo after")).toEqual({
      exitCode: 0, stdout: "got TERM\nafter\n", stderr: "", truncated: false,
    });
  });

  it("ends wait at once with 128 + n when a background child sends a trapped signal", async () => {
    const run1 = await run("trap 'echo got TERM' TERM; (kill -TERM $$; while :; do :; done) & wait; echo \"wait=$?\"; kill $!");
    expect(run1).toEqual({ exitCode: 0, stdout: "got TERM\nwait=143\n", stderr: "", truncated: false });
  });

  it("runs the action after a foreground command that was running when the signal came", async () => {
    expect(await run("trap 'echo caught' USR1; sh -c 'kill -USR1 $PPID; echo child goes on; exit 7'; echo \"status=$?\"")).toMatchObject({
      stdout: "child goes on\ncaught\nstatus=7\n", exitCode: 0,
    });
  });

  it("keeps $? as it was before the action ran", async () => {
    expect((await run("trap 'false' USR2; sh -c 'kill -USR2 $PPID; exit 3'; echo $?")).stdout).toBe("3\n");
  });

  it("takes signals by name with or without SIG, in any case, and by number", async () => {
    const line = "trap 'echo one' SIGUSR1; trap 'echo two' usr2; trap 'echo ten' 10; kill -USR1 $$; kill -12 $$; kill -s SIGUSR1 $$";
    expect((await run(line)).stdout).toBe("ten\ntwo\nten\n");
  });

  it("ignores a signal trapped with an empty action", async () => {
    expect(await run("trap '' INT HUP; kill -INT $$; kill -HUP $$; echo survived")).toMatchObject({ stdout: "survived\n", exitCode: 0 });
  });

  it("takes the default action again after trap - and for signals never trapped", async () => {
    expect(await run("trap 'echo x' TERM; trap - TERM; kill $$; echo not reached")).toMatchObject({ stdout: "", exitCode: 143 });
    expect(await run("trap 'echo x' TERM; trap TERM; kill $$; echo not reached")).toMatchObject({ stdout: "", exitCode: 143 });
    expect(await run("kill -USR1 $$; echo not reached")).toMatchObject({ stdout: "", exitCode: 138 });
  });

  it("lists traps in bash's order with trap and trap -p, and the named ones in the order given with trap -p NAME...", async () => {
    const line = "trap 'echo bye' EXIT; trap 'echo t' TERM; trap '' INT; trap 'echo e' ERR; trap -p; echo --; trap -p TERM INT; trap - EXIT";
    expect((await run(line)).stdout).toBe(
      "trap -- 'echo bye' EXIT\ntrap -- '' SIGINT\ntrap -- 'echo t' SIGTERM\ntrap -- 'echo e' ERR\n--\ntrap -- 'echo t' SIGTERM\ntrap -- '' SIGINT\n",
    );
  });

  it("rejects an unknown signal with status 1", async () => {
    expect(await run("trap 'echo x' NOSUCH; echo $?")).toMatchObject({ stdout: "1\n", stderr: "sh: trap: NOSUCH: invalid signal specification\n" });
  });

  it("resets caught signals in a subshell but keeps ignored ones ignored", async () => {
    const line = "trap 'echo parent' TERM; trap '' HUP; (trap; sh -c 'kill -HUP $PPID; kill -TERM $PPID'; echo not reached); echo \"sub=$?\"";
    expect((await run(line)).stdout).toBe("trap -- '' SIGHUP\nsub=143\n");
  });

  it("lets a subshell catch a signal with a trap of its own", async () => {
    const line = "(trap 'echo sub caught' TERM; sh -c 'kill -TERM $PPID'; echo sub goes on); echo done";
    expect((await run(line)).stdout).toBe("sub caught\nsub goes on\ndone\n");
  });

  it("makes background jobs ignore SIGINT and SIGQUIT, as a shell without job control does", async () => {
    const line = "(sh -c 'kill -INT $PPID; kill -QUIT $PPID'; echo job survived) & wait; echo \"wait=$?\"";
    expect((await run(line)).stdout).toBe("job survived\nwait=0\n");
  });

  it("runs the action inside a loop between its commands", async () => {
    const line = "trap 'n=$((n+1)); echo caught $n' USR1; n=0; for i in 1 2 3; do kill -USR1 $$; done; echo n=$n";
    expect((await run(line)).stdout).toBe("caught 1\ncaught 2\ncaught 3\nn=3\n");
  });

  it("runs the EXIT trap when a signal without a trap ends the shell, and exits with 128 + n", async () => {
    expect(await run("trap 'echo bye' EXIT; kill $$; echo not reached")).toMatchObject({ stdout: "bye\n", exitCode: 143 });
    expect(await run("trap 'echo bye' EXIT; sh -c 'kill -HUP $PPID; echo child done'; echo not reached")).toMatchObject({
      stdout: "child done\nbye\n", exitCode: 129,
    });
  });

  it("runs the EXIT trap of a runaway script that exec's timeout ends", async () => {
    const err = await kernel.exec("trap 'echo cleanup' EXIT; while :; do :; done", { timeout: 200 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ETIMEDOUT", result: { stdout: "cleanup\n", exitCode: 143 } });
  });

  it("can end the shell from the action with exit", async () => {
    expect(await run("trap 'echo bye; exit 5' TERM; kill $$; echo not reached")).toMatchObject({ stdout: "bye\n", exitCode: 5 });
  });

  it("ends read with 128 + n when a trapped signal arrives while it waits, then runs the action", async () => {
    const sh = startShell(kernel, ["-c", "trap 'echo caught' USR1; echo ready; read x; echo \"read=$?\"; read y; echo \"y=$y\""]);
    await sh.waitFor("ready\n");
    await settle();
    sh.proc.kill(10);
    await sh.waitFor("read=138\n");
    sh.proc.writeStdin("hello\n");
    sh.proc.closeStdin();
    expect(await sh.proc.wait()).toBe(0);
    expect(sh.stdout()).toBe("ready\ncaught\nread=138\ny=hello\n");
  });

  it("ends a shell blocked in read on a signal it does not trap", async () => {
    const sh = startShell(kernel, ["-c", "echo ready; read x; echo not reached"]);
    await sh.waitFor("ready\n");
    sh.proc.kill(15);
    expect(await sh.proc.wait()).toBe(143);
    expect(sh.stdout()).toBe("ready\n");
  });
});
