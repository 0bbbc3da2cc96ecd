import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { promptFor } from "../src/repl.js";
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

describe("promptFor", () => {
  it("shows the working directory, with the home directory as ~", () => {
    expect(promptFor("/home/user", "/home/user")).toBe("secure-exec:~$ ");
    expect(promptFor("/home/user/src", "/home/user")).toBe("secure-exec:~/src$ ");
    expect(promptFor("/home/username", "/home/user")).toBe("secure-exec:/home/username$ ");
    expect(promptFor("/tmp", undefined)).toBe("secure-exec:/tmp$ ");
    expect(promptFor("/tmp", "/")).toBe("secure-exec:/tmp$ ");
  });
});

describe("secure-exec -i (the interactive shell, driven through a pipe)", () => {
  it("keeps the working directory between lines and shows it in the prompt", async () => {
    const run = await runCli(["-i"], "cd /tmp\npwd\ncd /\n");
    expect(run).toEqual({ stdout: "/tmp\n", stderr: `${HOME_PROMPT}secure-exec:/tmp$ secure-exec:/tmp$ secure-exec:/$ `, status: 0 });
  });

  it("keeps exported variables between lines, but not unexported ones", async () => {
    const run = await runCli(["-i"], "export A=1; B=2\necho \"$A-$B\"\nunset A\necho \"[$A]\"\n");
    expect(run.stdout).toBe("1-\n[]\n");
  });

  it("sets $? to the previous line's status and exits with the last status at end of input", async () => {
    const run = await runCli(["-i"], "false\necho $?\n(exit 7)\n");
    expect(run.stdout).toBe("1\n");
    expect(run.status).toBe(7);
  });

  it("continues an unfinished line after a > prompt", async () => {
    const run = await runCli(["-i"], "for i in 1 2; do\necho $i\ndone\necho 'a\nb'\necho x \\\ny\n");
    expect(run.stdout).toBe("1\n2\na\nb\nx y\n");
    expect(run.stderr).toBe(`${HOME_PROMPT}> > ${HOME_PROMPT}> ${HOME_PROMPT}> ${HOME_PROMPT}`);
  });

  it("reports a syntax error of a line and carries on", async () => {
    const run = await runCli(["-i"], "echo )\necho after\n");
    expect(run.stdout).toBe("after\n");
    expect(run.stderr).toContain("syntax error");
    expect(run.status).toBe(0);
  });

  it("leaves with exit N, running nothing after it", async () => {
    expect(await runCli(["-i"], "echo before\nexit 5\necho after\n")).toEqual({ stdout: "before\n", stderr: HOME_PROMPT.repeat(2), status: 5 });
  });

  it("gives commands an empty stdin, so typed-ahead lines run as commands", async () => {
    const run = await runCli(["-i"], "cat; echo cat-done\necho next\n");
    expect(run.stdout).toBe("cat-done\nnext\n");
  });

  it("applies --timeout to each line and keeps the shell", async () => {
    const run = await runCli(["-i", "--timeout", "300ms"], "sleep 10\necho status=$?\n");
    expect(run.stdout).toBe("status=124\n");
    expect(run.stderr).toBe(`${HOME_PROMPT}secure-exec: command timed out after 300ms\n${HOME_PROMPT}${HOME_PROMPT}`);
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
});

describe.runIf(hasScript())("secure-exec in a terminal (a pseudo-terminal from `script`)", () => {
  it("interrupts a command with Ctrl-C, recalls history with the up arrow, and leaves on Ctrl-D", async () => {
    const cli = startCli([], { command: ["script", "-q", "-e", "-c", `${process.execPath} ${BIN}`, "/dev/null"] });
    await cli.waitFor(HOME_PROMPT);
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
});
