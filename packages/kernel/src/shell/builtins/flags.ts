/**
 * Option letters of the variable builtins (`declare`, `export`,
 * `readonly`, `unset`): `-abc` turns letters on, `+abc` off, `--` or the
 * first other word ends them.
 */

/** Letters turned on and off, and the words after them. */
export interface BuiltinFlags {
  on: Set<string>;
  off: Set<string>;
  rest: string[];
}

/** Parses leading `-x`/`+x` words against `allowed`; returns the first letter not allowed instead. */
export function parseFlags(args: string[], allowed: string): BuiltinFlags | string {
  const on = new Set<string>();
  const off = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (!allowed.includes(f)) return f;
      (a[0] === "+" ? off : on).add(f);
    }
  }
  return { on, off, rest: args.slice(i) };
}
