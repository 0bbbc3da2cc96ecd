/**
 * The state one shell process carries: variables (with export and readonly
 * attributes), positional parameters, functions, options, traps and the
 * last statuses. A subshell gets a deep copy (`clone`), so nothing it
 * changes reaches its parent. `local` and temporary assignments are
 * dynamic scopes: the old binding is saved in the innermost scope and put
 * back when the scope is popped.
 */
import type { FunctionDef } from "./ast.js";

/**
 * One shell variable. `value` undefined: declared (e.g. `export X`) but
 * unset. An indexed array keeps its elements in `array` (sparse, by
 * index) and no `value`; as a scalar it reads as element 0.
 */
export interface Variable {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  array?: Map<number, string>;
}

/** A copy of a variable that shares nothing mutable with it. */
function copyVariable(v: Variable): Variable {
  return v.array === undefined ? { ...v } : { ...v, array: new Map(v.array) };
}

/** The `set -o` options the shell knows. */
export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  verbose: boolean;
  pipefail: boolean;
  noglob: boolean;
  noclobber: boolean;
  allexport: boolean;
  noexec: boolean;
}

/** Option names by their `set` letter. */
export const OPTION_LETTERS: Record<string, keyof ShellOptions> = {
  e: "errexit", u: "nounset", x: "xtrace", v: "verbose", f: "noglob", C: "noclobber", a: "allexport", n: "noexec",
};

/** Raised when assigning or unsetting a readonly variable. */
export class ReadonlyError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: readonly variable`);
  }
}

/**
 * A dynamic scope: a function call (`local` saves into it) or the
 * temporary assignments before a command, with the bindings it shadows.
 */
interface Scope {
  kind: "function" | "temp";
  saved: Map<string, Variable | undefined>;
}

/** Variables, parameters, functions and options of one shell process. */
export class ShellState {
  vars = new Map<string, Variable>();
  positional: string[] = [];
  arg0 = "sh";
  functions = new Map<string, FunctionDef>();
  options: ShellOptions = {
    errexit: false, nounset: false, xtrace: false, verbose: false, pipefail: false,
    noglob: false, noclobber: false, allexport: false, noexec: false,
  };
  /** Aliases by name. */
  aliases = new Map<string, string>();
  /** Set when `alias`/`unalias` changed the table, so the rest of a script is parsed again. */
  aliasesChanged = false;
  /** Where PATH lookups found commands (bash's `hash` table); cleared when PATH changes. */
  commandHash = new Map<string, string>();
  /** Line of the command running now (`$LINENO`). */
  lineno = 0;
  /** bash's `shopt` options: the glob ones, and whether aliases expand (on, as in POSIX sh). */
  shopt = { nullglob: false, failglob: false, dotglob: false, globstar: false, nocaseglob: false, expand_aliases: true };
  /** `$?`. */
  lastStatus = 0;
  /** `$!`, once a background job has started. */
  lastBgPid: number | undefined = undefined;
  /** `$$`: the top-level shell's pid, kept by subshells. */
  shellPid = 0;
  /** Trap actions by condition name ("EXIT", "INT", ...); "" ignores the signal. */
  traps = new Map<string, string>();
  /** Whether this is an interactive shell (prompts, `$-` has `i`); never true in a subshell. */
  interactive = false;
  /** Whether this runs a background job (or inside one): SIGINT and SIGQUIT are ignored unless trapped. */
  asyncJob = false;
  /** Saved bindings of `local` and temporary assignments, innermost last. */
  scopes: Scope[] = [];
  /** Function call depth. */
  callDepth = 0;
  /** getopts: the OPTIND it last set, and its position inside that argument. */
  getoptsIndex = 0;
  getoptsPos = 1;
  /** Nesting of `.`/`source`, where `return` is allowed. */
  sourceDepth = 0;
  /** Loop nesting depth, for `break`/`continue` counts. */
  loopDepth = 0;
  /** > 0 while running a condition, where `set -e` does not apply. */
  errexitSuppressed = 0;
  private envCache: Record<string, string> | null = null;

  /** A variable's value (element 0 of an array), or undefined when unset. */
  get(name: string): string | undefined {
    const v = this.vars.get(name);
    return v?.array !== undefined ? v.array.get(0) : v?.value;
  }

  /** Assigns a variable, keeping its attributes; throws ReadonlyError. */
  set(name: string, value: string): void {
    if (name === "PATH") this.commandHash.clear();
    const v = this.vars.get(name);
    if (v === undefined) {
      this.vars.set(name, { value, exported: this.options.allexport, readonly: false });
      if (this.options.allexport) this.envCache = null;
      return;
    }
    if (v.readonly) throw new ReadonlyError(name);
    if (v.array !== undefined) {
      v.array.set(0, value);
      return;
    }
    v.value = value;
    if (this.options.allexport) v.exported = true;
    if (v.exported) this.envCache = null;
  }

  /**
   * Removes a variable; throws ReadonlyError. As in bash, unsetting a
   * temporary binding (`x=1 f` inside f) reveals the binding it shadowed,
   * while a `local` stays local and unset.
   */
  unset(name: string): void {
    const v = this.vars.get(name);
    if (v === undefined) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (name === "PATH") this.commandHash.clear();
    this.envCache = null;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i]!;
      if (!scope.saved.has(name)) continue;
      if (scope.kind === "temp") {
        const shadowed = scope.saved.get(name);
        scope.saved.delete(name);
        if (shadowed !== undefined) {
          this.vars.set(name, copyVariable(shadowed));
          return;
        }
      }
      break;
    }
    this.vars.delete(name);
  }

  /** Whether `name` is an indexed array. */
  isArray(name: string): boolean {
    return this.vars.get(name)?.array !== undefined;
  }

  /** The elements of an array in index order (a set scalar is a one-element array). */
  arrayValues(name: string): string[] {
    const v = this.vars.get(name);
    if (v?.array === undefined) return v?.value === undefined ? [] : [v.value];
    return [...v.array.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }

  /** The indices in use, ascending. */
  arrayIndices(name: string): number[] {
    const v = this.vars.get(name);
    if (v?.array === undefined) return v?.value === undefined ? [] : [0];
    return [...v.array.keys()].sort((a, b) => a - b);
  }

  /** Resolves a negative index (counting back from one past the last element). */
  private resolveIndex(v: Variable | undefined, index: number): number {
    if (index >= 0 || v?.array === undefined) return index;
    return (v.array.size === 0 ? 0 : Math.max(...v.array.keys()) + 1) + index;
  }

  /** Element `index` of an array (index 0 of a scalar is its value). */
  getElement(name: string, index: number): string | undefined {
    const v = this.vars.get(name);
    if (v?.array === undefined) return index === 0 || index === -1 ? v?.value : undefined;
    return v.array.get(this.resolveIndex(v, index));
  }

  /** Sets element `index`, making the variable an array if it was a scalar; throws ReadonlyError. */
  setElement(name: string, index: number, value: string): void {
    const v = this.toArray(name);
    const i = this.resolveIndex(v, index);
    if (i < 0) throw new RangeError(`${name}[${index}]: bad array subscript`);
    v.array!.set(i, value);
  }

  /** Replaces (or with `append`, extends) an array's elements; throws ReadonlyError. */
  setArray(name: string, elements: [number | null, string][], append: boolean): void {
    const v = this.toArray(name);
    const array = v.array!;
    if (!append) array.clear();
    let next = array.size === 0 ? 0 : Math.max(...array.keys()) + 1;
    for (const [index, value] of elements) {
      const i = index === null ? next : index;
      array.set(i, value);
      next = i + 1;
    }
  }

  /** Sets bash's PIPESTATUS array to the statuses of the last pipeline's commands. */
  setPipeStatus(statuses: number[]): void {
    const v = this.vars.get("PIPESTATUS");
    if (v !== undefined && v.readonly) return;
    this.vars.set("PIPESTATUS", { value: undefined, exported: false, readonly: false, array: new Map(statuses.map((s, i) => [i, String(s)])) });
  }

  /** Removes one element. */
  unsetElement(name: string, index: number): void {
    const v = this.vars.get(name);
    if (v === undefined) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (v.array === undefined) {
      if (index === 0) this.unset(name);
      return;
    }
    v.array.delete(this.resolveIndex(v, index));
  }

  /** The variable as an array (created or converted as needed). */
  private toArray(name: string): Variable {
    let v = this.vars.get(name);
    if (v === undefined) {
      v = { value: undefined, exported: false, readonly: false };
      this.vars.set(name, v);
    }
    if (v.readonly) throw new ReadonlyError(name);
    if (v.array === undefined) {
      v.array = new Map(v.value === undefined ? [] : [[0, v.value]]);
      v.value = undefined;
      if (v.exported) this.envCache = null;
    }
    return v;
  }

  /** Marks a variable exported (creating it unset if needed). */
  export(name: string, exported = true): void {
    const v = this.vars.get(name);
    if (v === undefined) this.vars.set(name, { value: undefined, exported, readonly: false });
    else v.exported = exported;
    this.envCache = null;
  }

  /** Marks a variable readonly (creating it unset if needed). */
  markReadonly(name: string): void {
    const v = this.vars.get(name);
    if (v === undefined) this.vars.set(name, { value: undefined, exported: false, readonly: true });
    else v.readonly = true;
  }

  /** Whether a variable is readonly. */
  isReadonly(name: string): boolean {
    return this.vars.get(name)?.readonly === true;
  }

  /** The environment children get: every exported variable that is set. */
  environment(): Record<string, string> {
    if (this.envCache !== null) return this.envCache;
    const env: Record<string, string> = {};
    for (const [name, v] of this.vars) if (v.exported && v.value !== undefined && v.array === undefined) env[name] = v.value;
    this.envCache = env;
    return env;
  }

  /** Opens a dynamic scope: a function call, or temporary assignments before a command. */
  pushScope(kind: Scope["kind"]): void {
    this.scopes.push({ kind, saved: new Map() });
  }

  /** Closes the innermost scope, restoring every binding it saved. */
  popScope(): void {
    const scope = this.scopes.pop();
    if (scope === undefined) return;
    for (const [name, old] of scope.saved) {
      if (old === undefined) this.vars.delete(name);
      else this.vars.set(name, old);
    }
    this.envCache = null;
  }

  /** Saves `name`'s binding in the innermost scope (once) so popping the scope restores it. */
  saveInScope(name: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope === undefined || scope.saved.has(name)) return;
    const v = this.vars.get(name);
    scope.saved.set(name, v === undefined ? undefined : copyVariable(v));
    if (v !== undefined) this.vars.set(name, copyVariable(v));
  }

  /** `$-`: the letters of the options that are on. */
  flags(): string {
    let out = "";
    for (const [letter, name] of Object.entries(OPTION_LETTERS)) if (this.options[name]) out += letter;
    return this.interactive ? out + "i" : out;
  }

  /** A deep copy for a subshell: traps are reset (ignored signals stay ignored), as POSIX subshells do, and it is not interactive. */
  clone(): ShellState {
    const copy = new ShellState();
    for (const [name, v] of this.vars) copy.vars.set(name, copyVariable(v));
    copy.positional = [...this.positional];
    copy.arg0 = this.arg0;
    copy.functions = new Map(this.functions);
    copy.commandHash = new Map(this.commandHash);
    copy.aliases = new Map(this.aliases);
    copy.options = { ...this.options };
    copy.shopt = { ...this.shopt };
    copy.lineno = this.lineno;
    copy.lastStatus = this.lastStatus;
    copy.lastBgPid = this.lastBgPid;
    copy.shellPid = this.shellPid;
    copy.callDepth = this.callDepth;
    copy.loopDepth = this.loopDepth;
    copy.sourceDepth = this.sourceDepth;
    copy.errexitSuppressed = this.errexitSuppressed;
    for (const [cond, action] of this.traps) if (action === "") copy.traps.set(cond, "");
    copy.asyncJob = this.asyncJob;
    copy.scopes = this.scopes.map((scope) => ({ kind: scope.kind, saved: new Map() }));
    return copy;
  }
}
