/**
 * The interactive shell (`sh -i`) as a terminal would drive it: lines
 * written to its stdin, SIGINT and other signals sent with `kill`, the
 * prompts and errors read from its stderr.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { createShellKernel } from "./shell-kernel.js";
import { settle, startShell, type ShellSession } from "./shell-session.js";

let kernel: Kernel;

beforeEach(async () => {
  kernel = await createShellKernel();
  await kernel.mkdir("/home/user/src", { recursive: true });
});

afterEach(async () => {
  await kernel.dispose();
});

/** Runs `sh -i` on `input` to its end; resolves with what it printed and its status. */
async function session(input: string) {
  const sh = startShell(kernel, ["-i"]);
  sh.proc.writeStdin(input);
  sh.proc.closeStdin();
  const status = await sh.proc.wait();
  return { stdout: sh.stdout(), stderr: sh.stderr(), status };
}

/** Starts `sh -i` and waits for its first prompt. */
async function interactive(): Promise<ShellSession> {
  const sh = startShell(kernel, ["-i"]);
  await sh.waitFor("$ ", "stderr");
  return sh;
}

describe("sh -i", () => {
  it("prints PS1 before each command and PS2 before each continuation line, on stderr, and exit at end of input", async () => {
    expect(await session("echo a\nfor i in 1 2\ndo echo $i\ndone\n")).toEqual({ stdout: "a\n1\n2\n", stderr: "$ $ > > $ exit\n", status: 0 });
  });

  it("keeps variables, functions, aliases, the working directory and traps from one command to the next", async () => {
    const input = "x=1\nf() { echo \"f $1\"; }\nalias hi='echo hi'\ncd src\ntrap 'echo bye' EXIT\necho $x; f a; hi; pwd\n";
    expect(await session(input)).toMatchObject({ stdout: "1\nf a\nhi\n/home/user/src\nbye\n", status: 0 });
  });

  it("expands PS1's escapes, then its parameters and command substitutions", async () => {
    const run = await session("PS1='[\\u \\w $((1+2)) $(echo sub)]\\$ '\ncd src\nPS2='more> '\nif true\nthen :; fi\n");
    expect(run.stderr).toBe("$ [user ~ 3 sub]$ [user ~/src 3 sub]$ [user ~/src 3 sub]$ more> [user ~/src 3 sub]$ exit\n");
  });

  it("keeps $? through a prompt that runs a command substitution", async () => {
    expect((await session("PS1='$(true)$ '\nfalse\necho $?\n")).stdout).toBe("1\n");
  });

  it("has i in $-", async () => {
    expect((await session("case $- in *i*) echo interactive;; esac\n")).stdout).toBe("interactive\n");
  });

  it("reports a syntax error and prompts again, with $? 2", async () => {
    expect(await session("echo )\necho status=$?\n")).toEqual({
      stdout: "status=2\n", stderr: "$ sh: line 1: syntax error: unexpected ')'\n$ $ exit\n", status: 0,
    });
  });

  it("reports errors that end a script, such as a readonly assignment or ${x?}, and prompts again", async () => {
    const run = await session("readonly r=1\nr=2; echo not here\necho status=$?\necho ${nope?is unset}; echo not here\necho status=$?\n");
    expect(run.stdout).toBe("status=2\nstatus=1\n");
    expect(run.stderr).toBe("$ $ sh: r: readonly variable\n$ $ sh: nope: is unset\n$ $ exit\n");
  });

  it("stays when exec cannot run its command", async () => {
    expect(await session("exec nosuch\necho status=$?\n")).toEqual({
      stdout: "status=127\n", stderr: "$ sh: nosuch: command not found\n$ $ exit\n", status: 0,
    });
  });

  it("ends with exit N after printing exit, running the EXIT trap, and reads nothing after it", async () => {
    expect(await session("trap 'echo bye' EXIT\nexit 3\necho not read\n")).toEqual({ stdout: "bye\n", stderr: "$ $ exit\n", status: 3 });
  });

  it("reports a command left unfinished at end of input", async () => {
    expect(await session("echo 'open\n")).toEqual({
      stdout: "", stderr: "$ > sh: line 2: syntax error: unexpected end of file\nexit\n", status: 2,
    });
  });

  it("gives a command the input typed after it", async () => {
    expect((await session("read line; echo \"got $line\"\nhello\necho next\n")).stdout).toBe("got hello\nnext\n");
  });

  it("interrupts a builtin loop on SIGINT, prints a newline and prompts again with $? 130", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("echo started; while :; do :; done; echo not reached\n");
    await sh.waitFor("started\n");
    sh.proc.kill(2);
    await sh.waitFor("$ \n$ ", "stderr");
    sh.proc.writeStdin("echo status=$?\n");
    sh.proc.closeStdin();
    expect(await sh.proc.wait()).toBe(0);
    expect(sh.stdout()).toBe("started\nstatus=130\n");
  });

  it("runs a foreground command in a process group of its own and sends it the SIGINT", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("sh -c 'echo child; while :; do :; done'; echo not reached\n");
    await sh.waitFor("child\n");
    const child = kernel.processes.find((p) => p.ppid === sh.proc.pid && p.state === "running")!;
    const shell = kernel.processes.find((p) => p.pid === sh.proc.pid)!;
    expect(child.pgid).toBe(child.pid);
    expect(child.pgid).not.toBe(shell.pgid);
    sh.proc.kill(2);
    await sh.waitFor("$ \n$ ", "stderr");
    expect(kernel.processes.find((p) => p.pid === child.pid)).toBeUndefined();
    sh.proc.writeStdin("echo status=$?\n");
    await sh.waitFor("status=130\n");
  });

  it("interrupts every stage of a pipeline and a command substitution", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("while :; do :; done | sh -c 'echo reader; while read l; do :; done'; echo not reached\n");
    await sh.waitFor("reader\n");
    sh.proc.kill(2);
    await sh.waitFor("$ \n$ ", "stderr");
    sh.proc.writeStdin("echo \"[$(echo sub; while :; do :; done)]\"; echo not reached\n");
    await settle();
    sh.proc.kill(2);
    await sh.waitFor("\n$ ", "stderr", 2);
    sh.proc.writeStdin("echo status=$?\n");
    await sh.waitFor("status=130\n");
    expect(sh.stdout()).toBe("reader\nstatus=130\n");
  });

  it("goes on with the line when the foreground command handles SIGINT itself", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("sh -c 'trap \"echo child caught; exit 5\" INT; echo child; while :; do :; done'; echo \"status=$?\"\n");
    await sh.waitFor("child\n");
    sh.proc.kill(2);
    await sh.waitFor("status=5\n");
    expect(sh.stdout()).toBe("child\nchild caught\nstatus=5\n");
  });

  it("discards the lines of an unfinished command on SIGINT at the prompt", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("for i in 1 2\n");
    await sh.waitFor("> ", "stderr");
    sh.proc.kill(2);
    await sh.waitFor("$ > \n$ ", "stderr");
    sh.proc.writeStdin("echo status=$?\n");
    sh.proc.closeStdin();
    expect(await sh.proc.wait()).toBe(0);
    expect(sh.stdout()).toBe("status=130\n");
    expect(sh.stderr()).toBe("$ > \n$ $ exit\n");
  });

  it("ignores SIGTERM and SIGQUIT, and ends on SIGHUP", async () => {
    const sh = await interactive();
    sh.proc.kill(15);
    sh.proc.kill(3);
    sh.proc.writeStdin("echo alive\n");
    await sh.waitFor("alive\n");
    sh.proc.kill(1);
    expect(await sh.proc.wait()).toBe(129);
  });

  it("runs the action of a signal trapped and caught at the prompt, then prompts again", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("trap 'echo caught USR1' USR1\n");
    await sh.waitFor("$ ", "stderr", 2);
    await settle();
    sh.proc.kill(10);
    await sh.waitFor("caught USR1\n");
    await sh.waitFor("$ ", "stderr", 3);
    sh.proc.closeStdin();
    expect(await sh.proc.wait()).toBe(0);
  });

  it("lets Ctrl-C end wait for a background job", async () => {
    const sh = await interactive();
    sh.proc.writeStdin("while :; do :; done & wait; echo not reached\n");
    await settle();
    sh.proc.kill(2);
    await sh.waitFor("$ \n$ ", "stderr");
    sh.proc.writeStdin("echo status=$?; kill $!\n");
    await sh.waitFor("status=130\n");
  });
});
