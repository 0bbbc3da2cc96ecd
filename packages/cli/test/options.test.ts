import { describe, expect, it } from "vitest";
import { parseDuration, parseMount, parseOptions, parseSize, UsageError } from "../src/options.js";

describe("parseOptions", () => {
  it("takes -c's argument as the command and the words after it as $0 and the positional parameters", () => {
    const options = parseOptions(["--env", "A=1", "-c", "echo $1", "name", "x", "--help"]);
    expect(options.command).toBe("echo $1");
    expect(options.commandArgs).toEqual(["name", "x", "--help"]);
    expect(options.env).toEqual({ A: "1" });
    expect(options.help).toBe(false);
  });

  it("reads value flags both as two words and as --flag=value", () => {
    const options = parseOptions(["--timeout=2s", "--memory", "64M", "--cwd=/tmp", "--mount", "./a:/work:ro", "--mount=b:/data"]);
    expect(options.timeoutMs).toBe(2000);
    expect(options.memoryBytes).toBe(64 * 1024 * 1024);
    expect(options.cwd).toBe("/tmp");
    expect(options.mounts).toEqual([
      { hostPath: "./a", guestPath: "/work", readOnly: true },
      { hostPath: "b", guestPath: "/data", readOnly: false },
    ]);
  });

  it("keeps the last value of a repeated --env name", () => {
    const options = parseOptions(["--env", "A=1", "--env", "A=2=3", "--env", "B="]);
    expect(options.env).toEqual({ A: "2=3", B: "" });
  });

  it("defaults to an interactive-or-stdin session with no limits", () => {
    expect(parseOptions([])).toEqual({
      command: null, commandArgs: [], interactive: false, mounts: [], timeoutMs: null,
      memoryBytes: null, env: {}, cwd: null, help: false, version: false,
    });
  });

  it.each([
    [["--bogus"], "unrecognized option '--bogus'"],
    [["-x"], "unrecognized option '-x'"],
    [["-c"], "option '-c' requires an argument"],
    [["--timeout"], "option '--timeout' requires an argument"],
    [["--env", "1A=x"], "invalid variable '1A=x' for --env (use NAME=VALUE)"],
    [["--env", "noequals"], "invalid variable 'noequals' for --env (use NAME=VALUE)"],
    [["--cwd", "tmp"], "--cwd needs an absolute path, not 'tmp'"],
    [["ls"], "unexpected argument 'ls' (to run a command, use -c 'ls')"],
  ])("rejects %j with the message %j", (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(new UsageError(message));
  });
});

describe("parseDuration", () => {
  it.each([
    ["10", 10_000],
    ["2.5s", 2500],
    ["500ms", 500],
    ["1m", 60_000],
    ["1h", 3_600_000],
    [".5", 500],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["0", "-1", "5x", "", "1.5.2", "ms"])("rejects %j", (text) => {
    expect(() => parseDuration(text)).toThrow(`invalid duration '${text}' for --timeout (try 10, 2.5s, 500ms or 1m)`);
  });
});

describe("parseSize", () => {
  it.each([
    ["4194304", 4 * 1024 * 1024],
    ["64M", 64 * 1024 * 1024],
    ["64mb", 64 * 1024 * 1024],
    ["8192K", 8 * 1024 * 1024],
    ["1GiB", 1024 ** 3],
  ])("reads %j as %d bytes", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it("rejects sizes below 4M", () => {
    expect(() => parseSize("1M")).toThrow("--memory 1M is below the minimum of 4M");
  });

  it.each(["12T", "M", "1.5G", "-4M"])("rejects %j", (text) => {
    expect(() => parseSize(text)).toThrow(`invalid size '${text}' for --memory (try 64M or 1G)`);
  });
});

describe("parseMount", () => {
  it("splits at the last colon before an optional :ro or :rw", () => {
    expect(parseMount("/host/a:b:/work:rw")).toEqual({ hostPath: "/host/a:b", guestPath: "/work", readOnly: false });
  });

  it.each([
    ["/host", "invalid mount '/host' (use HOST:GUEST or HOST:GUEST:ro)"],
    [":/work", "invalid mount ':/work' (use HOST:GUEST or HOST:GUEST:ro)"],
    ["/host:work", "invalid mount '/host:work': the guest path must be absolute and not /"],
    ["/host:/", "invalid mount '/host:/': the guest path must be absolute and not /"],
    ["/host:/./:ro", "invalid mount '/host:/./:ro': the guest path must be absolute and not /"],
  ])("rejects %j", (text, message) => {
    expect(() => parseMount(text)).toThrow(message);
  });
});
