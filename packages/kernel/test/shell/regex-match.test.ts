import { describe, expect, it } from "vitest";
import { stdoutOf } from "./run-shell.js";

describe("[[ =~ ]] as bash matches it", () => {
  it("knows POSIX character classes in bracket expressions", async () => {
    expect(await stdoutOf("[[ 123 =~ ^[[:digit:]]+$ ]] && echo digits; [[ 'a b' =~ ^[[:alpha:]][[:space:]][[:alpha:]]$ ]] && echo classes")).toBe("digits\nclasses\n");
  });

  it("matches quoted parts of the regex literally", async () => {
    expect(await stdoutOf('[[ axb =~ "a.b" ]] || echo quoted; [[ axb =~ a.b ]] && echo unquoted; x=a.c; [[ abc =~ "$x" ]] || echo var-quoted; [[ abc =~ $x ]] && echo var')).toBe("quoted\nunquoted\nvar-quoted\nvar\n");
  });

  it("treats a backslash-escaped character as that character", async () => {
    expect(await stdoutOf("[[ a+b =~ a\\+b ]] && echo plus; [[ foobar =~ \\. ]] || echo no-dot; [[ 'a\\b' =~ \\\\ ]] && echo backslash")).toBe("plus\nno-dot\nbackslash\n");
  });

  it("takes ] first in a bracket expression as a literal", async () => {
    expect(await stdoutOf("[[ 'a]b' =~ []] ]] && echo bracket; [[ x =~ [^-a] ]] && echo negated")).toBe("bracket\nnegated\n");
  });

  it("fills BASH_REMATCH with the match and its groups", async () => {
    expect(await stdoutOf("[[ 2024-01-05 =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]] && echo \"${BASH_REMATCH[@]}\" ${#BASH_REMATCH[@]}")).toBe("2024-01-05 2024 01 05 4\n");
  });

  it("ignores case with shopt -s nocasematch, as == and case do", async () => {
    expect(await stdoutOf("shopt -s nocasematch; [[ HeLLo =~ ^hello$ ]] && echo re; [[ Foo == foo ]] && echo eq; case ABC in abc) echo case;; esac")).toBe("re\neq\ncase\n");
  });
});
