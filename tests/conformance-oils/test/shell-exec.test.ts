/**
 * The kernel's shell through `kernel.exec` on the real kernel and the
 * in-memory file system: behaviour the oils cases do not pin down (error
 * messages, runaway scripts, kill and timeout, command lookup) and a
 * sample of each feature, with exact outputs.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Kernel } from "@secure-exec/kernel";
import { createShellKernel } from "./shell-kernel.js";

let kernel: Kernel;

afterEach(async () => {
  await kernel?.dispose();
});

async function shell(): Promise<Kernel> {
  kernel = await createShellKernel();
  return kernel;
}

async function run(line: string, stdin?: string) {
  const k = kernel ?? (await shell());
  return k.exec(line, { stdin, timeout: 10_000 });
}

describe("kernel.exec through the shell", () => {
  it("runs lists, pipelines and and-or lists with POSIX exit statuses", async () => {
    await shell();
    expect(await run("echo a; false || echo b && echo c; ! true; echo $?")).toMatchObject({ stdout: "a\nb\nc\n1\n", exitCode: 0 });
    expect(await run("echo one two | { read a b; echo $b $a; }")).toMatchObject({ stdout: "two one\n" });
    expect((await run("exit 3")).exitCode).toBe(3);
  });

  it("reports a missing command with status 127 and a non-executable file with 126", async () => {
    await shell();
    expect(await run("nosuchcmd arg; echo status=$?")).toEqual({ exitCode: 0, stdout: "status=127\n", stderr: "sh: nosuchcmd: command not found\n", truncated: false });
    await kernel.writeFile("/home/user/script", "echo hi\n");
    expect(await run("./script; echo status=$?")).toMatchObject({ stdout: "status=126\n", stderr: "sh: ./script: Permission denied\n" });
  });

  it("prints a syntax error with its line and exits 2 without running anything", async () => {
    await shell();
    expect(await run("echo first\nif true; then echo x\n")).toEqual({
      exitCode: 2, stdout: "", stderr: "sh: line 3: syntax error: unexpected end of file\n", truncated: false,
    });
  });

  it("runs a script file on PATH by name, and registered commands as /bin/NAME", async () => {
    await shell();
    await kernel.writeFile("/usr/bin/greet", "#!/bin/sh\necho \"hello $1\"\n");
    await kernel.vfs.chmod("/usr/bin/greet", 0o755);
    expect((await run("greet world; /bin/argv.py a 'b c'; command -v argv.py greet")).stdout).toBe(
      "hello world\n['a', 'b c']\n/bin/argv.py\n/usr/bin/greet\n",
    );
  });

  it("applies redirections left to right, so 2>&1 >file and >file 2>&1 differ", async () => {
    await shell();
    const r = await run("{ echo out; echo err >&2; } 2>&1 >f1; { echo out; echo err >&2; } >f2 2>&1; echo ---; cat_() { while read -r l; do echo \"$l\"; done; }; cat_ <f1; echo ---; cat_ <f2");
    expect(r.stdout).toBe("err\n---\nout\n---\nout\nerr\n");
  });

  it("expands here-documents, and leaves quoted ones alone", async () => {
    await shell();
    const r = await run("x=1\nwhile read -r l; do echo \"[$l]\"; done <<EOF\na $x\n\\$x $((x+1))\nEOF\nwhile read -r l; do echo \"[$l]\"; done <<'EOF'\na $x\nEOF\n");
    expect(r.stdout).toBe("[a 1]\n[$x 2]\n[a $x]\n");
  });

  it("globs against the virtual file system in sorted order", async () => {
    await shell();
    for (const f of ["b.txt", "a.txt", "c.md", ".hidden.txt"]) await kernel.writeFile(`/home/user/${f}`, "");
    expect((await run("echo *.txt; echo *.none; echo [ab]*")).stdout).toBe("a.txt b.txt\n*.none\na.txt b.txt\n");
  });

  it("reads lines from a pipe without consuming what follows", async () => {
    await shell();
    expect((await run("printf '1\\n2\\n3\\n' | { read a; read b; echo $b$a; }")).stdout).toBe("21\n");
    expect((await run("read a; echo got:$a; read b; echo got:$b", "x\ny\n")).stdout).toBe("got:x\ngot:y\n");
  });

  it("runs background jobs with $! and wait", async () => {
    await shell();
    const r = await run("(exit 7) & pid=$!; wait $pid; echo status=$?; test -n \"$pid\" && echo has-pid");
    expect(r.stdout).toBe("status=7\nhas-pid\n");
  });

  it("runs the EXIT trap when the shell exits", async () => {
    await shell();
    expect(await run("trap 'echo bye $?' EXIT; echo hi; exit 4")).toMatchObject({ stdout: "hi\nbye 4\n", exitCode: 4 });
  });

  it("stops set -e scripts at the first failing command outside conditions", async () => {
    await shell();
    expect(await run("set -e; if false; then :; fi; false || true; echo reached; false; echo not")).toMatchObject({ stdout: "reached\n", exitCode: 1 });
    expect(await run("set -o pipefail; false | true; echo $?")).toMatchObject({ stdout: "1\n" });
    expect(await run("set -u; echo ${nope}; echo not")).toMatchObject({ stdout: "", stderr: "sh: nope: unbound variable\n", exitCode: 1 });
  });

  it("stops runaway recursion with an error instead of a crash", async () => {
    await shell();
    const r = await run("f() { f; }; f; echo not reached");
    expect(r).toMatchObject({ exitCode: 1, stdout: "", stderr: "sh: f: maximum function nesting level exceeded (1000)\n" });
  });

  it("keeps the event loop turning during a runaway loop and ends it at the timeout", async () => {
    await shell();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await expect(kernel.exec("while :; do :; done", { timeout: 300 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ticks).toBeGreaterThan(5);
    expect(kernel.processes).toEqual([]);
  });

  it("ends a runaway loop when the AbortSignal aborts", async () => {
    await shell();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    await expect(kernel.exec("x=0; while :; do x=$((x+1)); done", { signal: abort.signal })).rejects.toMatchObject({ code: "ECANCELED" });
    expect(kernel.processes).toEqual([]);
  });

  it("ends a runaway loop in a pipeline stage when its process group is killed", async () => {
    await shell();
    await expect(kernel.exec("while :; do echo y; done | while read l; do :; done", { timeout: 200 })).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(kernel.processes).toEqual([]);
  });

  it("ends the writer of a pipeline whose reader exits, as SIGPIPE would", async () => {
    await shell();
    const r = await run("while :; do echo y; done | { read a; echo $a; }; echo done");
    expect(r.stdout).toBe("y\ndone\n");
  });

  it("runs sh -c with its own positional parameters, and scripts from files and stdin", async () => {
    await shell();
    await kernel.writeFile("/home/user/s.sh", "echo \"$0:$1:$#\"\n");
    const r = await run("sh -c 'echo \"$0:$1:$#\"' name a b; sh s.sh x; echo 'echo from-stdin' | sh");
    expect(r.stdout).toBe("name:a:2\ns.sh:x:1\nfrom-stdin\n");
  });

  it("runs a script on stdin command by command, so a command can read the lines after it", async () => {
    await shell();
    const r = await run("sh", "read x\nhello\necho got:$x\nif true\nthen echo multi\nfi\nwhile read -r l; do echo \"<$l>\"; done <<EOF\nbody\nEOF\nif\n");
    expect(r).toEqual({ exitCode: 2, stdout: "got:hello\nmulti\n<body>\n", stderr: "sh: line 10: syntax error: unexpected end of file\n", truncated: false });
  });

  it("supports cd with -, pwd, and the PWD/OLDPWD variables", async () => {
    await shell();
    await kernel.mkdir("/home/user/d/e", { recursive: true });
    expect((await run("cd d/e; pwd; cd -; echo $OLDPWD; cd ..; pwd")).stdout).toBe("/home/user/d/e\n/home/user\n/home/user/d/e\n/home\n");
  });

  it("parses options with getopts", async () => {
    await shell();
    const r = await run("set -- -a -b val -c rest; while getopts ab:c o; do echo \"$o${OPTARG:+=$OPTARG}\"; done; shift $((OPTIND-1)); echo \"$@\"");
    expect(r.stdout).toBe("a\nb=val\nc\nrest\n");
  });

  it("formats with printf and echo", async () => {
    await shell();
    const r = await run("printf '%-4s|%04d|%x|%.2f|%q\\n' ab 42 255 3.14159 'a b'; echo -n x; echo -e 'y\\tz'");
    expect(r.stdout).toBe("ab  |0042|ff|3.14|a\\ b\nxy\tz\n");
  });

  it("supports the common bash forms [[ ]], (( )), $'...', ${x/a/b} and ${!name}", async () => {
    await shell();
    const r = await run("x=hello; [[ $x == h* && -n $x ]] && echo glob; (( ${#x} > 3 )) && echo long; echo ${x/l/L} ${x//l/L} $'a\\tb'; p=x; echo ${!p} ${!p:0:2}");
    expect(r.stdout).toBe("glob\nlong\nheLlo heLLo a\tb\nhello he\n");
  });

  it("answers type and command -v for keywords, builtins, functions and missing names", async () => {
    await shell();
    const r = await run("f() { :; }; type if echo f; command -v cd f; type nosuch; echo $?");
    expect(r.stdout).toBe("if is a shell keyword\necho is a shell builtin\nf is a function\nf () \n{ \n    :\n}\ncd\nf\n1\n");
    expect(r.stderr).toBe("sh: type: nosuch: not found\n");
  });

  it("expands braces before other expansions", async () => {
    await shell();
    expect((await run("x=X; echo {a,b}{1..2} f{,.bak} {$x,y} {08..10} '{q,r}'")).stdout).toBe("a1 a2 b1 b2 f f.bak X y 08 09 10 {q,r}\n");
  });

  it("reads a file with $(< file) and reports a missing one", async () => {
    await shell();
    await kernel.writeFile("/home/user/f", "contents\n\n");
    expect(await run("echo \"[$(< f)]\"; x=$(< missing); echo \"$?[$x]\"")).toMatchObject({
      stdout: "[contents]\n1[]\n", stderr: "sh: missing: No such file or directory\n",
    });
  });

  it("applies the shopt glob options nullglob, failglob, dotglob and globstar", async () => {
    await shell();
    await kernel.mkdir("/home/user/a/b", { recursive: true });
    for (const f of ["a/1.txt", "a/b/2.txt", ".dot"]) await kernel.writeFile(`/home/user/${f}`, "");
    const r = await run("shopt -s nullglob; echo [x*y]; shopt -u nullglob; echo [x*y]; shopt -s dotglob; echo .d*; shopt -s globstar; echo **/*.txt; shopt -s failglob; echo *.none; echo $?; shopt -s nosuch");
    expect(r.stdout).toBe("\n[x*y]\n.dot\na/1.txt a/b/2.txt\n1\n");
    expect(r.stderr).toBe("sh: no match: *.none\nsh: shopt: nosuch: invalid shell option name\n");
  });

  it("sets LINENO, runs the ERR trap on failures set -e would see, and moves descriptors with n>&m-", async () => {
    await shell();
    const r = await run("echo $LINENO\ntrap 'echo err:$?' ERR\nfalse\nif false; then :; fi\nexec 3>&1\necho moved 4>&3- >&4\necho $LINENO");
    expect(r.stdout).toBe("1\nerr:1\nmoved\n7\n");
  });

  it("reads with -u from another descriptor and gives up after -t seconds", async () => {
    await shell();
    // The writer spins well past the timeout before writing, then meets a closed pipe.
    const r = await run("exec 3<<<from3; read -u 3 v; echo $v; { i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done; echo late; } | { read -t 0.01 x; echo status=$?; }");
    expect(r.stdout).toBe("from3\nstatus=142\n");
  });

  it("expands aliases from the line after their definition, as a line-reading shell does", async () => {
    await shell();
    const r = await run("alias say='echo said'\nsay hi; alias say='echo other'; say again\nsay last; unalias say; alias");
    expect(r.stdout).toBe("said hi\nsaid again\nother last\n");
  });

  it("ends a runaway shell started with kernel.spawn when it is killed", async () => {
    await shell();
    const proc = kernel.spawn("sh", ["-c", "while :; do :; done"]);
    setTimeout(() => proc.kill(), 50);
    expect(await proc.wait()).toBe(143);
    expect(kernel.processes).toEqual([]);
  });

  it("echoes script lines with set -v and traces commands with set -x", async () => {
    await shell();
    const r = await run("x=1\nset -v\necho $x; echo two\nset +v; set -x\necho \"a b\" $x");
    expect(r.stdout).toBe("1\ntwo\na b 1\n");
    expect(r.stderr).toBe("echo $x; echo two\nset +v; set -x\n+ echo 'a b' 1\n");
  });

  it("supports bash's indexed arrays, PIPESTATUS, BASH_REMATCH, read -a and mapfile", async () => {
    await shell();
    const script = [
      `a=(one "two three" four); a+=(five); a[9]=ten`,
      `echo "\${#a[@]} \${a[1]} \${a[-1]} \${!a[*]}"`,
      `for x in "\${a[@]:1:2}"; do echo "[$x]"; done`,
      `unset 'a[1]'; echo "\${a[*]}" $(( a[0]=7, a[0]*2 ))`,
      `f() { local -a l=(p q); echo "\${l[@]}"; }; f; declare -p l 2>/dev/null || echo no-l`,
      `true | false | true; echo "\${PIPESTATUS[@]}"`,
      `[[ v1.22 =~ ^v([0-9]+)\.([0-9]+)$ ]] && echo "\${BASH_REMATCH[2]}"`,
      `read -a r <<< "r1  r2"; printf 'l1\nl2\n' | { mapfile -t m; echo "\${#r[@]} \${m[1]}"; }`,
    ].join("\n");
    expect((await run(script)).stdout).toBe("5 two three ten 0 1 2 3 9\n[two three]\n[four]\none four five ten 14\np q\nno-l\n0 1 0\n22\n2 l2\n");
  });
});
