import { describe, expect, it } from "vitest";
import { decodePromptEscapes, type PromptContext } from "../../src/shell/prompt.js";

function context(vars: Record<string, string>, extra: Partial<PromptContext> = {}): PromptContext {
  return { get: (name) => vars[name], cwd: "/", arg0: "sh", command: 1, jobs: 0, ...extra };
}

const HOME = { HOME: "/home/user" };
/** Tuesday 5 March 2024, 14:07:09 local time. */
const WHEN = new Date(2024, 2, 5, 14, 7, 9);

describe("decodePromptEscapes", () => {
  it("shows the working directory with HOME as ~ for \\w and its last part for \\W", () => {
    expect(decodePromptEscapes("\\w|\\W", context({ ...HOME, PWD: "/home/user/src/app" }))).toBe("~/src/app|app");
    expect(decodePromptEscapes("\\w|\\W", context({ ...HOME, PWD: "/home/user" }))).toBe("~|~");
    expect(decodePromptEscapes("\\w|\\W", context({ ...HOME, PWD: "/home/username" }))).toBe("/home/username|username");
    expect(decodePromptEscapes("\\w|\\W", context({ ...HOME, PWD: "/" }))).toBe("/|/");
    expect(decodePromptEscapes("\\w", context({ HOME: "/" }, { cwd: "/tmp" }))).toBe("/tmp");
  });

  it("takes the user from USER (or LOGNAME) and the host from HOSTNAME up to its first dot", () => {
    expect(decodePromptEscapes("\\u@\\h:\\H", context({ USER: "ann", HOSTNAME: "box.example.org" }))).toBe("ann@box:box.example.org");
    expect(decodePromptEscapes("\\u@\\h", context({ LOGNAME: "bob" }))).toBe("bob@localhost");
    expect(decodePromptEscapes("\\u", context({}))).toBe("user");
  });

  it("quotes what an escape produces, so the expansions after it leave it alone", () => {
    expect(decodePromptEscapes("\\$ ", context({}))).toBe("\\$ ");
    expect(decodePromptEscapes("\\w", context({ PWD: "/a$b`c\\d" }))).toBe("/a\\$b\\`c\\\\d");
    expect(decodePromptEscapes("$PWD \\\\", context({}))).toBe("$PWD \\\\");
  });

  it("drops \\[ and \\], and decodes \\n, \\e, \\a, octal escapes and unknown ones as bash does", () => {
    expect(decodePromptEscapes("\\[\\e[1m\\]x\\n\\a\\101\\q", context({}))).toBe("\x1b[1mx\n\x07A\\\\q");
  });

  it("reports the shell name, version, job count and command number", () => {
    expect(decodePromptEscapes("\\s-\\v \\j \\# \\!", context({}, { arg0: "/bin/bash", jobs: 2, command: 7 }))).toBe("bash-5.2 2 7 7");
  });

  it("formats the time and date escapes", () => {
    const ctx = context({});
    expect(decodePromptEscapes("\\t|\\T|\\@|\\A|\\d", ctx, WHEN)).toBe("14:07:09|02:07:09|02:07 PM|14:07|Tue Mar 05");
    expect(decodePromptEscapes("\\D{%Y-%m-%d %H%%}|\\D{}", ctx, WHEN)).toBe("2024-03-05 14%|14:07:09");
  });
});
