import { describe, expect, it } from "vitest";
import { runShell, stdoutOf } from "./run-shell.js";

/** A background job that runs until the test kills it. */
const LONG = "while :; do :; done";

describe("jobs in a shell without job control", () => {
  it("lists running jobs with their numbers and commands", async () => {
    expect(await stdoutOf(`{ ${LONG}; } & (${LONG}) & jobs; kill %1 %2; wait`)).toBe(
      "[1]-  Running                 { while :; do\n    :;\ndone; } &\n[2]+  Running                 ( while :; do\n    :;\ndone ) &\n",
    );
  });

  it("gives the pids to a command substitution, for kill $(jobs -p)", async () => {
    expect(await stdoutOf(`{ ${LONG}; } & kill $(jobs -p); wait; echo "status $?"; jobs`)).toBe("status 0\n");
  });

  it("drops a finished job from the table, though wait by pid still gets its status", async () => {
    expect(await runShell("(exit 3) & p=$!; wait $p; echo $?; jobs; wait %1; echo $?")).toEqual({
      status: 0, stdout: "3\n127\n", stderr: "sh: wait: %1: no such job\n",
    });
  });

  it("forgets a job with disown, and refuses fg and bg", async () => {
    expect(await runShell(`{ ${LONG}; } & p=$!; disown; jobs; kill $p; fg; bg`)).toEqual({
      status: 1, stdout: "", stderr: "sh: fg: no job control\nsh: bg: no job control\n",
    });
  });
});
