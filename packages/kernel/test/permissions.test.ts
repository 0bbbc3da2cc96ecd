import { describe, expect, it } from "vitest";
import { isKernelError } from "../src/errors.js";
import {
  MUTATING_FS_OPERATIONS,
  allOf,
  allowAll,
  allowCommands,
  allowEnv,
  allowFsUnder,
  anyOf,
  checkChildProcess,
  checkFs,
  filterEnv,
  readOnlyFs,
  type ChildProcessRequest,
  type FsOperation,
  type Permissions,
} from "../src/permissions.js";

const ALL_OPS: FsOperation[] = [
  "read", "write", "create", "stat", "readdir", "mkdir", "rmdir", "unlink",
  "rename", "symlink", "readlink", "link", "chmod", "utimes", "truncate",
];

function denial(action: () => void): string {
  try {
    action();
  } catch (err) {
    if (isKernelError(err, "EACCES")) return err.message;
    throw err;
  }
  return "allowed";
}

function spawnRequest(command: string, cwd = "/"): ChildProcessRequest {
  return { command, args: [], cwd, ppid: 0 };
}

describe("checkFs, checkChildProcess and filterEnv", () => {
  it("allow everything when no policy is given", () => {
    for (const op of ALL_OPS) expect(denial(() => checkFs(undefined, { op, path: "/x" }))).toBe("allowed");
    expect(denial(() => checkChildProcess(undefined, spawnRequest("rm")))).toBe("allowed");
    expect(filterEnv(undefined, { HOME: "/home/user" })).toEqual({ HOME: "/home/user" });
  });

  it("deny every kind a given policy has no check for", () => {
    const policy: Permissions = {};
    expect(denial(() => checkFs(policy, { op: "read", path: "/etc/passwd" }))).toBe(
      "EACCES: permission denied, read '/etc/passwd' (no fs policy)",
    );
    expect(denial(() => checkChildProcess(policy, spawnRequest("ls")))).toBe(
      "EACCES: permission denied, spawn 'ls' (no childProcess policy)",
    );
    expect(filterEnv(policy, { HOME: "/home/user" })).toEqual({});
  });

  it("carry the policy's reason into the error message", () => {
    const policy: Permissions = { fs: () => ({ allow: false, reason: "quota" }) };
    expect(denial(() => checkFs(policy, { op: "write", path: "/a" }))).toBe("EACCES: permission denied, write '/a' (quota)");
  });

  it("report 'denied by policy' for a bare false", () => {
    expect(denial(() => checkFs({ fs: () => false }, { op: "stat", path: "/a" }))).toBe(
      "EACCES: permission denied, stat '/a' (denied by policy)",
    );
  });

  it("pass each file-system operation to the policy as is", () => {
    const seen: string[] = [];
    const policy: Permissions = { fs: (request) => (seen.push(`${request.op} ${request.path}`), true) };
    for (const op of ALL_OPS) checkFs(policy, { op, path: `/p/${op}` });
    expect(seen).toEqual(ALL_OPS.map((op) => `${op} /p/${op}`));
  });
});

describe("allowAll", () => {
  it("allows every operation, command and variable", () => {
    for (const op of ALL_OPS) expect(denial(() => checkFs(allowAll, { op, path: "/x" }))).toBe("allowed");
    expect(denial(() => checkChildProcess(allowAll, spawnRequest("/tmp/anything")))).toBe("allowed");
    expect(filterEnv(allowAll, { A: "1", B: "2" })).toEqual({ A: "1", B: "2" });
  });
});

describe("readOnlyFs", () => {
  it("allows exactly the operations that change nothing", () => {
    const policy: Permissions = { fs: readOnlyFs() };
    const allowed = ALL_OPS.filter((op) => denial(() => checkFs(policy, { op, path: "/x" })) === "allowed");
    expect(allowed).toEqual(["read", "stat", "readdir", "readlink"]);
    expect(ALL_OPS.filter((op) => !allowed.includes(op))).toEqual([...MUTATING_FS_OPERATIONS].sort((a, b) => ALL_OPS.indexOf(a) - ALL_OPS.indexOf(b)));
  });

  it("names the policy in the denial", () => {
    expect(denial(() => checkFs({ fs: readOnlyFs() }, { op: "unlink", path: "/tmp/f" }))).toBe(
      "EACCES: permission denied, unlink '/tmp/f' (read-only policy)",
    );
  });
});

describe("allowFsUnder", () => {
  const policy: Permissions = { fs: allowFsUnder(["/work", "/tmp/"]) };

  it("allows the prefixes themselves and everything under them, for every operation", () => {
    for (const op of ALL_OPS) {
      for (const path of ["/work", "/work/a/b", "/tmp", "/tmp/x"]) {
        expect(denial(() => checkFs(policy, { op, path }))).toBe("allowed");
      }
    }
  });

  it("allows only stat of the directories above a prefix", () => {
    const nested: Permissions = { fs: allowFsUnder("/home/user/project") };
    for (const path of ["/", "/home", "/home/user"]) {
      const allowed = ALL_OPS.filter((op) => denial(() => checkFs(nested, { op, path })) === "allowed");
      expect(allowed).toEqual(["stat"]);
    }
    expect(denial(() => checkFs(nested, { op: "stat", path: "/home/other" }))).toBe(
      "EACCES: permission denied, stat '/home/other' (outside /home/user/project)",
    );
  });

  it("denies siblings that merely share a prefix string, parents and other trees", () => {
    for (const path of ["/workspace", "/work-other/x", "/", "/etc/passwd", "/tmpfile"]) {
      expect(denial(() => checkFs(policy, { op: "read", path }))).toBe(
        `EACCES: permission denied, read '${path}' (outside /work, /tmp)`,
      );
    }
  });

  it("refuses a relative prefix when the policy is built", () => {
    expect(() => allowFsUnder("work")).toThrow("a policy path must be absolute: 'work'");
  });
});

describe("allowCommands", () => {
  const policy: Permissions = { childProcess: allowCommands(["ls", "cat"]) };

  it("allows listed commands by name and by path in /bin or /usr/bin", () => {
    for (const command of ["ls", "cat", "/bin/ls", "/usr/bin/cat", "/usr/bin/../bin/ls"]) {
      expect(denial(() => checkChildProcess(policy, spawnRequest(command)))).toBe("allowed");
    }
    expect(denial(() => checkChildProcess(policy, spawnRequest("../bin/ls", "/usr")))).toBe("allowed");
  });

  it("denies other commands, and listed names at other paths", () => {
    for (const command of ["rm", "/tmp/ls", "./ls", "/bin/rm", "lsx"]) {
      expect(denial(() => checkChildProcess(policy, spawnRequest(command)))).toBe(
        `EACCES: permission denied, spawn '${command}' (command '${command}' is not allowed)`,
      );
    }
  });

  it("takes other binary directories when given", () => {
    const custom: Permissions = { childProcess: allowCommands(["tool"], { binDirs: ["/opt/bin"] }) };
    expect(denial(() => checkChildProcess(custom, spawnRequest("/opt/bin/tool")))).toBe("allowed");
    expect(denial(() => checkChildProcess(custom, spawnRequest("/bin/tool")))).not.toBe("allowed");
  });
});

describe("allowEnv", () => {
  it("passes only the listed variables to guests", () => {
    const env = { HOME: "/home/user", PATH: "/bin", AWS_SECRET_ACCESS_KEY: "k" };
    expect(filterEnv({ env: allowEnv(["HOME", "PATH"]) }, env)).toEqual({ HOME: "/home/user", PATH: "/bin" });
  });
});

describe("allOf and anyOf", () => {
  const underWork = allowFsUnder("/work");
  const readOnly = readOnlyFs();

  it("allOf allows only what every check allows and keeps the first denial's reason", () => {
    const policy: Permissions = { fs: allOf(underWork, readOnly) };
    expect(denial(() => checkFs(policy, { op: "read", path: "/work/a" }))).toBe("allowed");
    expect(denial(() => checkFs(policy, { op: "write", path: "/work/a" }))).toBe(
      "EACCES: permission denied, write '/work/a' (read-only policy)",
    );
    expect(denial(() => checkFs(policy, { op: "write", path: "/etc/a" }))).toBe(
      "EACCES: permission denied, write '/etc/a' (outside /work)",
    );
  });

  it("anyOf allows what some check allows and otherwise joins the reasons", () => {
    const policy: Permissions = { fs: anyOf(underWork, readOnly) };
    expect(denial(() => checkFs(policy, { op: "write", path: "/work/a" }))).toBe("allowed");
    expect(denial(() => checkFs(policy, { op: "read", path: "/etc/a" }))).toBe("allowed");
    expect(denial(() => checkFs(policy, { op: "write", path: "/etc/a" }))).toBe(
      "EACCES: permission denied, write '/etc/a' (outside /work; read-only policy)",
    );
  });

  it("an empty allOf allows and an empty anyOf denies", () => {
    expect(denial(() => checkFs({ fs: allOf() }, { op: "write", path: "/a" }))).toBe("allowed");
    expect(denial(() => checkFs({ fs: anyOf() }, { op: "read", path: "/a" }))).toBe(
      "EACCES: permission denied, read '/a' (denied by policy)",
    );
  });
});
