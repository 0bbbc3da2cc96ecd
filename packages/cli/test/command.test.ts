import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { USAGE } from "../src/options.js";
import { runCli, startCli } from "./run-cli.js";
import { version } from "../package.json";

const host = mkdtempSync(join(tmpdir(), "secure-exec-cli-"));
afterAll(() => rmSync(host, { recursive: true, force: true }));

describe("secure-exec -c", () => {
  it("prints the command's stdout and exits with its status", async () => {
    expect(await runCli(["-c", "echo hello; exit 3"])).toEqual({ stdout: "hello\n", stderr: "", status: 3 });
  });

  it("keeps stdout and stderr apart", async () => {
    expect(await runCli(["-c", "echo out; echo err >&2"])).toEqual({ stdout: "out\n", stderr: "err\n", status: 0 });
  });

  it("passes stdin through, so `cat data | secure-exec -c 'grep x'` filters it", async () => {
    expect(await runCli(["-c", "grep x"], "a\nbx\nc\nx2\n")).toEqual({ stdout: "bx\nx2\n", stderr: "", status: 0 });
  });

  it("exits 1 when grep finds nothing, as grep does", async () => {
    expect(await runCli(["-c", "grep x"], "a\nb\n")).toEqual({ stdout: "", stderr: "", status: 1 });
  });

  it("streams stdin: the command reads a line before the host has closed its input", async () => {
    const cli = startCli(["-c", 'read line; echo "got $line"']);
    cli.child.stdin.write("hello\n");
    const run = await cli.done;
    cli.child.stdin.destroy();
    expect(run).toEqual({ stdout: "got hello\n", stderr: "", status: 0 });
  });

  it("carries 8 MiB of stdin through a pipe of 64 KiB without losing a byte", async () => {
    const input = Buffer.alloc(8 * 1024 * 1024, "abcdefgh\n");
    expect(await runCli(["-c", "wc -c; echo done"], input)).toEqual({ stdout: "8388608\ndone\n", stderr: "", status: 0 });
  });

  it("runs a pipeline across runtimes: node on QuickJS into WASI grep", async () => {
    const run = await runCli(["-c", `node -e "console.log('a\\nb\\nc')" | grep b > /tmp/x; cat /tmp/x`]);
    expect(run).toEqual({ stdout: "b\n", stderr: "", status: 0 });
  });

  it("has every first-party driver mounted", async () => {
    const run = await runCli(["-c", "myecho from echo; qjs -e 'console.log(6 * 7)'; printf '%s\\n' wasi | cat"]);
    expect(run).toEqual({ stdout: "from echo\n42\nwasi\n", stderr: "", status: 0 });
  });

  it("gives the words after the command to the shell as $0 and the positional parameters", async () => {
    expect(await runCli(["-c", 'echo "$0|$1|$#"', "name", "one two", "three"])).toEqual({ stdout: "name|one two|2\n", stderr: "", status: 0 });
  });

  it("starts in /home/user with a fixed environment, not the host's", async () => {
    const run = await runCli(["-c", 'pwd; echo "$HOME $USER $PATH [$HOST_SECRET]"'], "", { ...process.env, HOST_SECRET: "leak" });
    expect(run).toEqual({ stdout: "/home/user\n/home/user user /usr/bin:/bin []\n", stderr: "", status: 0 });
  });

  it("sets variables with --env and the directory with --cwd", async () => {
    const run = await runCli(["--env", "GREETING=hi there", "--env", "HOME=/tmp", "--cwd", "/tmp", "-c", 'echo "$GREETING $HOME"; pwd']);
    expect(run).toEqual({ stdout: "hi there /tmp\n/tmp\n", stderr: "", status: 0 });
  });

  it("refuses a --cwd that does not exist in the sandbox", async () => {
    expect(await runCli(["--cwd", "/nowhere", "-c", "true"])).toEqual({
      stdout: "", stderr: "secure-exec: cannot start in '/nowhere': no such directory\n", status: 2,
    });
  });

  it("ends the command with exit status 124 after --timeout", async () => {
    const started = Date.now();
    const run = await runCli(["--timeout", "300ms", "-c", "echo start; sleep 10; echo never"]);
    expect(run).toEqual({ stdout: "start\n", stderr: "secure-exec: command timed out after 300ms\n", status: 124 });
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("passes Ctrl-C (SIGINT) to the command's process group and exits 130", async () => {
    const cli = startCli(["-c", "echo started; sleep 30; echo never"]);
    await cli.waitFor("started\n");
    cli.child.kill("SIGINT");
    expect(await cli.done).toEqual({ stdout: "started\n", stderr: "", status: 130 });
  });

  it("ends the command as SIGPIPE would when the host reader goes away", async () => {
    const cli = startCli(["-c", "yes"]);
    await cli.waitFor("y\ny\n");
    cli.child.stdout.destroy();
    expect((await cli.done).status).toBe(141);
  });

  it("caps each process's memory with --memory", async () => {
    const script = "node -e 'console.log(new Uint8Array(12 * 1024 * 1024).length)'";
    expect(await runCli(["--memory", "64M", "-c", script])).toEqual({ stdout: "12582912\n", stderr: "", status: 0 });
    const capped = await runCli(["--memory", "8M", "-c", script]);
    expect(capped.stdout).toBe("");
    expect(capped.status).toBe(134);
    expect(capped.stderr).toContain("out of memory");
  });

  it("refuses to run its internal job command by name", async () => {
    expect(await runCli(["-c", "secure-exec-job; echo $?"])).toEqual({
      stdout: "2\n", stderr: "secure-exec-job: internal command of the secure-exec CLI, not for running by name\n", status: 0,
    });
  });

  it("runs stdin as a script when there is no -c and stdin is not a terminal", async () => {
    expect(await runCli([], "x=two\necho one\necho $x\nexit 4\necho never\n")).toEqual({ stdout: "one\ntwo\n", stderr: "", status: 4 });
  });
});

describe("secure-exec --mount", () => {
  it("mounts a host folder read-write: the guest sees its files and its writes reach the host", async () => {
    writeFileSync(join(host, "in.txt"), "from the host\n");
    const run = await runCli(["--mount", `${host}:/work`, "-c", "cat /work/in.txt; cd /work && echo from the guest > out.txt"]);
    expect(run).toEqual({ stdout: "from the host\n", stderr: "", status: 0 });
    expect(readFileSync(join(host, "out.txt"), "utf8")).toBe("from the guest\n");
  });

  it("mounts a host folder read-only with :ro", async () => {
    writeFileSync(join(host, "in.txt"), "kept\n");
    const run = await runCli(["--mount", `${host}:/data:ro`, "-c", "echo changed > /data/in.txt; cat /data/in.txt"]);
    expect(run).toEqual({ stdout: "kept\n", stderr: "sh: /data/in.txt: Read-only file system\n", status: 0 });
    expect(readFileSync(join(host, "in.txt"), "utf8")).toBe("kept\n");
  });

  it("keeps the guest inside the folder: .. at the mount's root is the sandbox's /", async () => {
    const run = await runCli(["--mount", `${host}:/work`, "-c", "cd /work/../.. && pwd && cat /work/../etc/passwd"]);
    expect(run.stdout).toBe("/\n");
    expect(run.stderr).toBe("cat: /work/../etc/passwd: No such file or directory\n");
    expect(run.status).toBe(1);
  });

  it("exits 2 naming a host folder that does not exist", async () => {
    expect(await runCli(["--mount", `${host}/missing:/work`, "-c", "true"])).toEqual({
      stdout: "", stderr: `secure-exec: cannot mount '${host}/missing': no such directory\n`, status: 2,
    });
  });
});

describe("secure-exec usage", () => {
  it("prints the usage on stdout for --help and exits 0", async () => {
    expect(await runCli(["--help"])).toEqual({ stdout: USAGE, stderr: "", status: 0 });
  });

  it("prints the version for --version", async () => {
    expect(await runCli(["--version"])).toEqual({ stdout: `secure-exec ${version}\n`, stderr: "", status: 0 });
  });

  it("prints the problem and the usage on stderr and exits 2 for a bad flag", async () => {
    expect(await runCli(["--bogus", "-c", "true"])).toEqual({ stdout: "", stderr: `secure-exec: unrecognized option '--bogus'\n${USAGE}`, status: 2 });
  });

  it("exits 2 for a flag missing its value", async () => {
    expect(await runCli(["--timeout"])).toEqual({ stdout: "", stderr: `secure-exec: option '--timeout' requires an argument\n${USAGE}`, status: 2 });
  });

  it("exits 2 for a bad --memory size", async () => {
    expect(await runCli(["--memory", "lots", "-c", "true"])).toEqual({
      stdout: "", stderr: `secure-exec: invalid size 'lots' for --memory (try 64M or 1G)\n${USAGE}`, status: 2,
    });
  });
});
