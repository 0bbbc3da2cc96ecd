import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("bash's arithmetic for loop", () => {
  it("runs init once, tests before each pass and steps after it", async () => {
    expect(await stdoutOf("for ((i=0; i<3; i++)); do echo $i; done")).toBe("0\n1\n2\n");
  });

  it("takes comma lists in its clauses", async () => {
    expect(await stdoutOf("for ((i=0, j=10; i<2; i++, j--)); do echo $i $j; done")).toBe("0 10\n1 9\n");
  });

  it("treats an empty condition as true", async () => {
    expect(await stdoutOf("for ((;;)); do echo once; break; done")).toBe("once\n");
  });

  it("still steps after continue", async () => {
    expect(await stdoutOf("for ((i=0; i<4; i++)); do (( i % 2 )) && continue; echo $i; done")).toBe("0\n2\n");
  });

  it("accepts a newline before do and a brace group as the body", async () => {
    expect(await stdoutOf("for (( i = 2 ; i > 0 ; i-- ))\ndo echo a$i; done; for ((i=0; i<1; i++)) { echo b$i; }")).toBe("a2\na1\nb0\n");
  });

  it("sees arrays and expansions in its clauses", async () => {
    expect(await stdoutOf("a=(x y z); for ((i=${#a[@]}-1; i>=0; i--)); do printf %s ${a[i]}; done; echo")).toBe("zyx\n");
  });
});
