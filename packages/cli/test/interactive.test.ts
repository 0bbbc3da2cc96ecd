import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, runCli, startCli } from "./run-cli.js";

const HOME_PROMPT = "secure-exec:~$ ";

/** Whether util-linux `script` is here to give the CLI a pseudo-terminal. */
function hasScript(): boolean {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("secure-exec -i (the interactive shell, driven through a pipe)", () => {
  it("keeps the working directory between lines and shows it in the prompt", async () => {
    const run = await runCli(["-i"], "cd /tmp\npwd\ncd /\n");
    expect(run).toEqual({ stdout: "/tmp\n", stderr: `${HOME_PROMPT}secure-exec:/tmp$ secure-exec:/tmp$ secure-exec:/$ exit\n`, status: 0 });
  });

  it("keeps variables, exported or not, functions, aliases and traps between lines", async () => {
    const input = "export A=1; B=2\nf() { echo \"f:$A-$B\"; }\nalias g='echo alias'\ntrap 'echo bye' EXIT\nf; g\n";
    expect((await runCli(["-i"], input)).stdout).toBe("f:1-2\nalias\nbye\n");
  });

  it("sets $? to the previous line's status and exits with the last status at end of input", async () => {
    const run = await runCli(["-i"], "false\necho $?\n(exit 7)\n");
    expect(run.stdout).toBe("1\n");
    expect(run.status).toBe(7);
  });

  it("continues an unfinished line after a > prompt", async () => {
    const run = await runCli(["-i"], "for i in 1 2; do\necho $i\ndone\necho 'a\nb'\necho x \\\ny\n");
    expect(run.stdout).toBe("1\n2\na\nb\nx y\n");
    expect(run.stderr).toBe(`${HOME_PROMPT}> > ${HOME_PROMPT}> ${HOME_PROMPT}> ${HOME_PROMPT}exit\n`);
  });

  it("reports a syntax error of a line and carries on", async () => {
    expect(await runCli(["-i"], "echo )\necho after\n")).toEqual({
      stdout: "after\n", stderr: `${HOME_PROMPT}sh: line 1: syntax error: unexpected ')'\n${HOME_PROMPT}${HOME_PROMPT}exit\n`, status: 0,
    });
  });

  it("leaves with exit N, running nothing after it", async () => {
    expect(await runCli(["-i"], "echo before\nexit 5\necho after\n")).toEqual({ stdout: "before\n", stderr: `${HOME_PROMPT.repeat(2)}exit\n`, status: 5 });
  });

  it("gives a command the lines typed after it", async () => {
    expect((await runCli(["-i"], "cat; echo cat-done\nhello\n")).stdout).toBe("hello\ncat-done\n");
  });

  it("shows the prompt given with --env PS1", async () => {
    expect((await runCli(["-i", "--env", "PS1=[\\W]% "], "cd /tmp\n")).stderr).toBe("[~]% [tmp]% exit\n");
  });

  it("ends a foreground job after --timeout and keeps the shell", async () => {
    const run = await runCli(["-i", "--timeout", "300ms"], "sleep 10\necho status=$?\n");
    expect(run.stdout).toBe("status=143\n");
    expect(run.stderr).toBe(`${HOME_PROMPT}secure-exec: command timed out after 300ms\n${HOME_PROMPT}${HOME_PROMPT}exit\n`);
  });

  it("interrupts the running command on SIGINT, not the shell", async () => {
    const cli = startCli(["-i"]);
    cli.child.stdin.write("echo started; sleep 30; echo never\n");
    await cli.waitFor("started\n");
    cli.child.kill("SIGINT");
    cli.child.stdin.write("echo status=$?\n");
    await cli.waitFor("status=130\n");
    cli.child.stdin.end("echo still here\n");
    expect(await cli.done).toMatchObject({ stdout: "started\nstatus=130\nstill here\n", status: 0 });
  });

  it("runs the shell's INT trap on SIGINT at the prompt", async () => {
    const cli = startCli(["-i"]);
    cli.child.stdin.write("trap 'echo trapped' INT\n");
    await cli.waitFor(HOME_PROMPT.repeat(2), "stderr");
    cli.child.kill("SIGINT");
    await cli.waitFor("trapped\n");
    cli.child.stdin.end();
    expect(await cli.done).toMatchObject({ stdout: "trapped\n", status: 0 });
  });
});

describe.runIf(hasScript())("secure-exec in a terminal (a pseudo-terminal from `script`)", () => {
  it("keeps state between lines, interrupts a command with Ctrl-C, recalls history with the up arrow, and leaves on Ctrl-D", async () => {
    const cli = startCli([], { command: ["script", "-q", "-e", "-c", `${process.execPath} ${BIN}`, "/dev/null"] });
    await cli.waitFor(HOME_PROMPT);
    cli.child.stdin.write("x=42; f() { echo \"f$1\"; }\r");
    cli.child.stdin.write("echo $x; f 1\r");
    await cli.waitFor("42\r\nf1\r\n");
    cli.child.stdin.write("echo started; sleep 30\r");
    await cli.waitFor("started\r\n");
    cli.child.stdin.write("\x03");
    await cli.waitFor("^C\r\n");
    cli.child.stdin.write("echo st=$?\r");
    await cli.waitFor("st=130\r\n");
    cli.child.stdin.write("cd /tmp\r");
    await cli.waitFor("secure-exec:/tmp$ ");
    cli.child.stdin.write("\x1b[A\x1b[A\r");
    await cli.waitFor("st=0\r\n");
    cli.child.stdin.write("\x04");
    const run = await cli.done;
    expect(run.stdout.endsWith("exit\r\n")).toBe(true);
    expect(run.status).toBe(0);
  });

  it("keeps the line being typed below a command's output, after the prompt that follows it", async () => {
    const cli = startCli([], { command: ["script", "-q", "-e", "-c", `${process.execPath} ${BIN}`, "/dev/null"] });
    await cli.waitFor(HOME_PROMPT);
    cli.child.stdin.write("sleep 0.5; echo done\r");
    cli.child.stdin.write("echo typed-ahead");
    await cli.waitFor("done\r\n");
    await cli.waitFor(`${HOME_PROMPT}echo typed-ahead`);
    cli.child.stdin.write("\r");
    await cli.waitFor("typed-ahead\r\n");
    cli.child.stdin.write("\x04");
    expect((await cli.done).status).toBe(0);
  });
});
