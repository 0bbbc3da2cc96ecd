import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("indexed arrays as bash has them", () => {
  it("slices a sparse array by index, counting a negative offset back from its end", async () => {
    expect(await stdoutOf('a=([0]=a [5]=b [9]=c); echo "${a[@]:1:1}" "${a[@]:6}" "${a[@]: -2}" "${a[@]: -5:2}"')).toBe("b c c b c\n");
  });

  it("takes ${!a[i]} as the variable the element names", async () => {
    expect(await stdoutOf("foo=bar; a=('1 2' foo); echo ${!a[1]}")).toBe("bar\n");
  });
});
