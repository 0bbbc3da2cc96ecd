import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("associative arrays (declare -A)", () => {
  it("stores and reads values by key", async () => {
    expect(await stdoutOf('declare -A m; m[one]=1; m["a b"]=2; k="a b"; echo ${m[one]} ${m[$k]} ${#m[@]}')).toBe("1 2 2\n");
  });

  it("lists keys and values in bash's hash order", async () => {
    expect(await stdoutOf('declare -A m=([apple]=1 [banana]=2 [cherry]=3); echo "${!m[@]}"; echo "${m[@]}"')).toBe("cherry apple banana\n3 1 2\n");
  });

  it("counts with arithmetic on string keys, including keys that are not names", async () => {
    expect(await stdoutOf("declare -A c; for w in a b a a.b a; do ((c[$w]++)); done; echo ${c[a]} ${c[b]} ${c[a.b]}")).toBe("3 1 1\n");
  });

  it("appends to an element and adds elements with +=", async () => {
    expect(await stdoutOf("declare -A m=([x]=1); m[x]+=5; m+=([y]=2); echo ${m[x]} ${#m[@]}")).toBe("15 2\n");
  });

  it("takes unkeyed elements of a literal as key-value pairs", async () => {
    expect(await stdoutOf("declare -A m=(a 1 b 2); echo ${m[a]} ${m[b]}")).toBe("1 2\n");
  });

  it("unsets one key and tests keys with [[ -v ]]", async () => {
    expect(await stdoutOf("declare -A m=([x]=1 [y]=2); unset 'm[x]'; [[ -v m[x] ]] || echo gone; [[ -v m[y] ]] && echo kept; echo ${!m[@]}")).toBe("gone\nkept\ny\n");
  });

  it("is local to a function with local -A", async () => {
    expect(await stdoutOf('f() { local -A l=([a]=1); echo ${l[a]}; }; f; echo "[${l[a]}]"')).toBe("1\n[]\n");
  });

  it("prints as bash does with declare -p", async () => {
    expect(await stdoutOf("declare -A e; declare -p e; declare -A m=([b]=2 [a]='x y'); declare -p m")).toBe('declare -A e\ndeclare -A m=([b]="2" [a]="x y" )\n');
  });
});
