import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createKernel, O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, SEEK_CUR, SEEK_END, SEEK_SET, WNOHANG,
  type Kernel, type KernelInterface,
} from "@secure-exec/kernel";
import { createInMemoryFileSystem } from "@secure-exec/os-browser";
import { createProbe, type Probe } from "./helpers/probe-driver.js";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (d: Uint8Array) => new TextDecoder().decode(d);

let kernel: Kernel;
let probe: Probe;
let ki: KernelInterface;
let pid: number;

beforeEach(async () => {
  kernel = createKernel({ filesystem: createInMemoryFileSystem(), onWarning: () => {} });
  probe = createProbe();
  await kernel.mount(probe.driver);
  ki = probe.ki();
  pid = probe.start(kernel);
});
afterEach(async () => {
  await kernel.dispose();
});

describe("file descriptors", () => {
  it("fdOpen, fdWrite and fdRead round-trip a file", async () => {
    const fd = ki.fdOpen(pid, "/tmp/a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    expect(await ki.fdWrite(pid, fd, bytes("hello"))).toBe(5);
    ki.fdClose(pid, fd);
    const rd = ki.fdOpen(pid, "/tmp/a.txt", O_RDONLY);
    expect(text(await ki.fdRead(pid, rd, 100))).toBe("hello");
    expect((await ki.fdRead(pid, rd, 100)).length).toBe(0);
  });

  it("fdSeek moves the cursor and reports it as a bigint", async () => {
    await kernel.writeFile("/tmp/s.txt", "0123456789");
    const fd = ki.fdOpen(pid, "/tmp/s.txt", O_RDONLY);
    expect(ki.fdSeek(pid, fd, 4n, SEEK_SET)).toBe(4n);
    expect(text(await ki.fdRead(pid, fd, 2))).toBe("45");
    expect(ki.fdSeek(pid, fd, 1n, SEEK_CUR)).toBe(7n);
    expect(ki.fdSeek(pid, fd, -1n, SEEK_END)).toBe(9n);
    expect(text(await ki.fdRead(pid, fd, 5))).toBe("9");
  });

  it("dup'd descriptors share one cursor", async () => {
    await kernel.writeFile("/tmp/d.txt", "abcdef");
    const fd = ki.fdOpen(pid, "/tmp/d.txt", O_RDONLY);
    const copy = ki.fdDup(pid, fd);
    expect(text(await ki.fdRead(pid, fd, 2))).toBe("ab");
    expect(text(await ki.fdRead(pid, copy, 2))).toBe("cd");
  });

  it("two opens of one file have their own cursors", async () => {
    await kernel.writeFile("/tmp/o.txt", "abcdef");
    const a = ki.fdOpen(pid, "/tmp/o.txt", O_RDONLY);
    const b = ki.fdOpen(pid, "/tmp/o.txt", O_RDONLY);
    expect(text(await ki.fdRead(pid, a, 3))).toBe("abc");
    expect(text(await ki.fdRead(pid, b, 3))).toBe("abc");
  });

  it("dup2 redirects a standard descriptor to a file", async () => {
    const fd = ki.fdOpen(pid, "/tmp/out.txt", O_WRONLY | O_CREAT, 0o644);
    ki.fdDup2(pid, fd, 1);
    await ki.fdWrite(pid, 1, bytes("via fd 1\n"));
    expect(text(await kernel.readFile("/tmp/out.txt"))).toBe("via fd 1\n");
  });

  it("a child inherits descriptors and shares their cursors", async () => {
    await kernel.writeFile("/tmp/shared.txt", "0123456789");
    const fd = ki.fdOpen(pid, "/tmp/shared.txt", O_RDONLY);
    expect(text(await ki.fdRead(pid, fd, 3))).toBe("012");
    const child = ki.spawn("idle", [], { ppid: pid });
    expect(text(await ki.fdRead(child.pid, fd, 3))).toBe("345");
    expect(text(await ki.fdRead(pid, fd, 3))).toBe("678");
    child.kill(9);
  });

  it("O_APPEND writes always go to the end", async () => {
    await kernel.writeFile("/tmp/log.txt", "one\n");
    const fd = ki.fdOpen(pid, "/tmp/log.txt", O_WRONLY | O_APPEND);
    await ki.fdWrite(pid, fd, bytes("two\n"));
    await kernel.vfs.appendFile("/tmp/log.txt", "three\n");
    await ki.fdWrite(pid, fd, bytes("four\n"));
    expect(text(await kernel.readFile("/tmp/log.txt"))).toBe("one\ntwo\nthree\nfour\n");
  });

  it("pread and pwrite leave the cursor alone", async () => {
    await kernel.writeFile("/tmp/p.txt", "abcdef");
    const fd = ki.fdOpen(pid, "/tmp/p.txt", O_RDWR);
    expect(text(await ki.fdPread(pid, fd, 3, 2n))).toBe("cde");
    await ki.fdPwrite(pid, fd, bytes("XY"), 4n);
    expect(text(await ki.fdRead(pid, fd, 10))).toBe("abcdXY");
  });

  it("fd operations on a closed descriptor fail with EBADF", async () => {
    const fd = ki.fdOpen(pid, "/tmp/c.txt", O_WRONLY | O_CREAT);
    ki.fdClose(pid, fd);
    await expect(ki.fdRead(pid, fd, 1)).rejects.toMatchObject({ code: "EBADF" });
    await expect(ki.fdWrite(pid, fd, bytes("x"))).rejects.toMatchObject({ code: "EBADF" });
    expect(() => ki.fdClose(pid, fd)).toThrow(expect.objectContaining({ code: "EBADF" }));
    expect(() => ki.fdSeek(pid, fd, 0n, SEEK_SET)).toThrow(expect.objectContaining({ code: "EBADF" }));
  });

  it("writing to a read-only descriptor fails with EBADF and changes nothing", async () => {
    await kernel.writeFile("/tmp/ro.txt", "keep");
    const fd = ki.fdOpen(pid, "/tmp/ro.txt", O_RDONLY);
    await expect(ki.fdWrite(pid, fd, bytes("lost"))).rejects.toMatchObject({ code: "EBADF" });
    expect(text(await kernel.readFile("/tmp/ro.txt"))).toBe("keep");
  });

  it("opening a missing path fails with ENOENT naming it", () => {
    expect(() => ki.fdOpen(pid, "/no/such/file", O_RDONLY)).toThrow("ENOENT: no such file or directory, open '/no/such/file'");
  });

  it("seeking a pipe fails with ESPIPE", () => {
    const { readFd } = ki.pipe(pid);
    expect(() => ki.fdSeek(pid, readFd, 0n, SEEK_SET)).toThrow(expect.objectContaining({ code: "ESPIPE" }));
  });

  it("a process may hold at most maxFdsPerProcess descriptors (EMFILE)", async () => {
    const small = createKernel({ filesystem: createInMemoryFileSystem(), limits: { maxFdsPerProcess: 8 } });
    const p = createProbe();
    await small.mount(p.driver);
    const id = p.start(small);
    await small.writeFile("/tmp/f", "x");
    const opened: number[] = [];
    expect(() => {
      for (;;) opened.push(p.ki().fdOpen(id, "/tmp/f", O_RDONLY));
    }).toThrow(expect.objectContaining({ code: "EMFILE" }));
    expect(opened.length).toBe(5);
    p.ki().fdClose(id, opened[0]);
    expect(p.ki().fdOpen(id, "/tmp/f", O_RDONLY)).toBe(opened[0]);
    await small.dispose();
  });

  it("relative paths resolve against the process's cwd", async () => {
    await kernel.mkdir("/home/user/work", { recursive: true });
    ki.chdir(pid, "/home/user/work");
    const fd = ki.fdOpen(pid, "rel.txt", O_WRONLY | O_CREAT, 0o644);
    await ki.fdWrite(pid, fd, bytes("here"));
    expect(text(await kernel.readFile("/home/user/work/rel.txt"))).toBe("here");
    expect(() => ki.chdir(pid, "/home/user/work/rel.txt")).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
  });

  it("new files get the mode minus the process's umask", async () => {
    ki.umask(pid, 0o027);
    ki.fdClose(pid, ki.fdOpen(pid, "/tmp/m.txt", O_WRONLY | O_CREAT, 0o666));
    expect((await kernel.stat("/tmp/m.txt")).mode & 0o777).toBe(0o640);
  });
});

describe("ownership", () => {
  it("calls naming another driver's process fail with EPERM", async () => {
    const other = createProbe("other");
    await kernel.mount(other.driver);
    const theirs = other.start(kernel);
    expect(() => ki.fdOpen(theirs, "/tmp/x", O_RDONLY)).toThrow(expect.objectContaining({ code: "EPERM" }));
    await expect(ki.fdWrite(theirs, 1, bytes("x"))).rejects.toMatchObject({ code: "EPERM" });
    expect(() => ki.pipe(theirs)).toThrow(expect.objectContaining({ code: "EPERM" }));
    expect(() => ki.spawn("idle", [], { ppid: theirs })).toThrow(expect.objectContaining({ code: "EPERM" }));
  });

  it("calls naming no process fail with ESRCH", () => {
    expect(() => ki.getcwd(99999)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  });
});

describe("processes", () => {
  it("a child has its parent's pid as ppid and its group", () => {
    const child = ki.spawn("idle", [], { ppid: pid });
    expect(ki.getppid(child.pid)).toBe(pid);
    expect(ki.getpgid(child.pid)).toBe(ki.getpgid(pid));
  });

  it("waitpid returns a child's status and reaps it", async () => {
    const child = ki.spawn("idle", [], { ppid: pid });
    child.kill(15);
    expect(await ki.waitpid(pid, child.pid)).toEqual({ pid: child.pid, status: 143 });
    expect(kernel.processes.some((p) => p.pid === child.pid)).toBe(false);
    await expect(ki.waitpid(pid, child.pid)).rejects.toMatchObject({ code: "ECHILD" });
  });

  it("an exited child stays a zombie until its parent waits", async () => {
    const child = ki.spawn("idle", [], { ppid: pid });
    ki.kill(pid, child.pid, 9);
    await new Promise((r) => setImmediate(r));
    expect(kernel.processes.find((p) => p.pid === child.pid)).toMatchObject({ state: "zombie", exitCode: 137 });
    expect(await ki.waitpid(pid, -1)).toEqual({ pid: child.pid, status: 137 });
  });

  it("waitpid with WNOHANG returns null while children run", async () => {
    ki.spawn("idle", [], { ppid: pid });
    expect(await ki.waitpid(pid, -1, WNOHANG)).toBeNull();
  });

  it("kill with signal 0 checks that a process exists", () => {
    expect(() => ki.kill(pid, pid, 0)).not.toThrow();
    expect(() => ki.kill(pid, 424242, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  });

  it("kill with a negative pid signals the whole group", async () => {
    const a = ki.spawn("idle", [], { ppid: pid, pgid: 0 });
    const b = ki.spawn("idle", [], { ppid: pid, pgid: a.pid });
    const outsider = ki.spawn("idle", [], { ppid: pid });
    ki.kill(pid, -a.pid, 15);
    expect([await a.wait(), await b.wait()]).toEqual([143, 143]);
    expect(outsider.exitCode).toBeNull();
  });

  it("children of an exiting parent are handed to the embedder and reaped when they exit", async () => {
    const child = ki.spawn("idle", [], { ppid: pid });
    kernel.processes.find((p) => p.pid === pid);
    ki.kill(pid, pid, 9);
    await new Promise((r) => setImmediate(r));
    expect(kernel.processes.find((p) => p.pid === child.pid)?.ppid).toBe(0);
    child.kill(9);
    await child.wait();
    expect(kernel.processes.some((p) => p.pid === child.pid)).toBe(false);
  });
});

describe("signals a process catches", () => {
  it("a process whose handler takes the signal goes on running, and SIGKILL still ends it", async () => {
    const caught: number[] = [];
    const child = ki.fork(
      (_pid, signal) => new Promise<number>((resolve) => signal.addEventListener("abort", () => resolve(0))),
      { ppid: pid, onSignal: (sig) => (caught.push(sig), sig === 2) },
    );
    ki.kill(pid, child.pid, 2);
    expect(child.exitCode).toBeNull();
    ki.kill(pid, child.pid, 15);
    expect(await child.wait()).toBe(143);
    expect(caught).toEqual([2, 15]);
  });

  it("SIGKILL is never offered to the handler", async () => {
    const caught: number[] = [];
    const child = ki.fork(() => new Promise<number>(() => {}), { ppid: pid, onSignal: (sig) => (caught.push(sig), true) });
    ki.kill(pid, child.pid, 9);
    expect(await child.wait()).toBe(137);
    expect(caught).toEqual([]);
  });
});

describe("pipes", () => {
  it("a pipe between two of a process's descriptors carries bytes", async () => {
    const { readFd, writeFd } = ki.pipe(pid);
    await ki.fdWrite(pid, writeFd, bytes("through"));
    ki.fdClose(pid, writeFd);
    expect(text(await ki.fdRead(pid, readFd, 100))).toBe("through");
    expect((await ki.fdRead(pid, readFd, 100)).length).toBe(0);
  });

  it("writing to a pipe with no reader fails with EPIPE and ends the writer with 141 (SIGPIPE)", async () => {
    const { readFd, writeFd } = ki.pipe(pid);
    const writer = ki.spawn("idle", [], { ppid: pid, stdoutFd: writeFd });
    ki.fdClose(pid, readFd);
    ki.fdClose(pid, writeFd);
    await expect(ki.fdWrite(writer.pid, 1, bytes("x"))).rejects.toMatchObject({ code: "EPIPE" });
    expect(await writer.wait()).toBe(141);
  });

  it("a read waiting on a pipe is cancelled, taking nothing, when its process is killed", async () => {
    const { readFd, writeFd } = ki.pipe(pid);
    const reader = ki.spawn("idle", [], { ppid: pid, stdinFd: readFd });
    const pending = ki.fdRead(reader.pid, 0, 10).catch((e: { code: string }) => e.code);
    reader.kill(9);
    expect(await pending).toBe("EINTR");
    await ki.fdWrite(pid, writeFd, bytes("kept"));
    expect(text(await ki.fdRead(pid, readFd, 10))).toBe("kept");
  });
});

describe("devices", () => {
  it("/dev/null swallows writes and reads as empty", async () => {
    const fd = ki.fdOpen(pid, "/dev/null", O_RDWR);
    expect(await ki.fdWrite(pid, fd, bytes("gone"))).toBe(4);
    expect((await ki.fdRead(pid, fd, 10)).length).toBe(0);
  });

  it("/dev/zero reads zeros and /dev/urandom reads random bytes", async () => {
    const zero = ki.fdOpen(pid, "/dev/zero", O_RDONLY);
    expect([...(await ki.fdRead(pid, zero, 4))]).toEqual([0, 0, 0, 0]);
    const random = ki.fdOpen(pid, "/dev/urandom", O_RDONLY);
    const a = await ki.fdRead(pid, random, 32);
    const b = await ki.fdRead(pid, random, 32);
    expect(a.length).toBe(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it("/dev/stdout, /dev/stderr and /dev/fd/N name the process's own descriptors", async () => {
    const out: string[] = [];
    const p = createProbe("dev");
    await kernel.mount(p.driver);
    const id = p.start(kernel, { onStdout: (d) => out.push("1:" + text(d)), onStderr: (d) => out.push("2:" + text(d)) });
    await p.ki().fdWrite(id, p.ki().fdOpen(id, "/dev/stdout", O_WRONLY), bytes("a"));
    await p.ki().fdWrite(id, p.ki().fdOpen(id, "/dev/stderr", O_WRONLY), bytes("b"));
    await p.ki().fdWrite(id, p.ki().fdOpen(id, "/dev/fd/1", O_WRONLY), bytes("c"));
    expect(out).toEqual(["1:a", "2:b", "1:c"]);
  });

  it("/dev/stdin reads the process's fd 0", async () => {
    const proc = kernel.spawn("idle");
    proc.writeStdin("input");
    proc.closeStdin();
    const fd = ki.fdOpen(proc.pid, "/dev/stdin", O_RDONLY);
    expect(text(await ki.fdRead(proc.pid, fd, 10))).toBe("input");
  });

  it("/dev lists the devices", async () => {
    expect(await kernel.readdir("/dev")).toEqual(["fd", "full", "null", "random", "stderr", "stdin", "stdout", "urandom", "zero"]);
  });
});
