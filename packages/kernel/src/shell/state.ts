/**
 * The state one shell process carries: variables (with export and readonly
 * attributes), positional parameters, functions, options, traps and the
 * last statuses. A subshell gets a deep copy (`clone`), so nothing it
 * changes reaches its parent. `local` and temporary assignments are
 * dynamic scopes: the old binding is saved in the innermost scope and put
 * back when the scope is popped.
 */
import { evaluateArithmetic, type ArithScope } from "./arithmetic.js";
import type { Command, FunctionDef } from "./ast.js";
import { assocKeys } from "./assoc-order.js";
import { lowerChars, upperChars } from "./case-conv.js";
import { printFunction } from "./print.js";
import { SHOPT_DEFAULTS, type ShoptName } from "./shopt-options.js";
import { dynamicArray } from "./special-vars.js";

/**
 * One shell variable. `value` undefined: declared (e.g. `export X`) but
 * unset. An indexed array keeps its elements in `array` (sparse, by
 * index) and an associative array in `assoc` (by key, in insertion
 * order); neither has a `value`, and as a scalar each reads as element 0.
 */
export interface Variable {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  array?: Map<number, string>;
  assoc?: Map<string, string>;
  /** `declare -i`: assignments are evaluated as arithmetic. */
  integer?: boolean;
  /** `declare -u` / `declare -l`: assignments are converted to upper or lower case. */
  caseConv?: "upper" | "lower";
  /** `declare -n`: the value names the variable this one stands for. */
  nameref?: boolean;
}

/** A copy of a variable that shares nothing mutable with it. */
function copyVariable(v: Variable): Variable {
  if (v.array !== undefined) return { ...v, array: new Map(v.array) };
  if (v.assoc !== undefined) return { ...v, assoc: new Map(v.assoc) };
  return { ...v };
}

/** How deep a chain of namerefs may go (bash warns at a loop). */
const MAX_NAMEREF_DEPTH = 16;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
  /** bash's `set -B`: brace expansion (on by default). */
  braceexpand: boolean;
  /** `set -h`: remember where commands were found (the shell always does; kept for `$-` and `set -o`). */
  hashall: boolean;
  /** bash's `set -E` and `set -T`: accepted and shown (the ERR trap already applies inside functions). */
  errtrace: boolean;
  functrace: boolean;
}

/** Option names by their `set` letter, in the order bash shows them in `$-`. */
export const OPTION_LETTERS: Record<string, keyof ShellOptions> = {
  a: "allexport", e: "errexit", f: "noglob", h: "hashall", n: "noexec", u: "nounset", v: "verbose", x: "xtrace",
  B: "braceexpand", C: "noclobber", E: "errtrace", T: "functrace",
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
  /** Functions marked with `export -f`. */
  exportedFunctions = new Set<string>();
  options: ShellOptions = {
    errexit: false, nounset: false, xtrace: false, verbose: false, pipefail: false,
    noglob: false, noclobber: false, allexport: false, noexec: false,
    braceexpand: true, hashall: true, errtrace: false, functrace: false,
  };
  /** What ends `$-`: "c" for `sh -c`, "s" for a script read from stdin (as bash shows them). */
  invocationFlag = "";
  /** Aliases by name. */
  aliases = new Map<string, string>();
  /** Set when `alias`/`unalias` changed the table, so the rest of a script is parsed again. */
  aliasesChanged = false;
  /** Where PATH lookups found commands (bash's `hash` table); cleared when PATH changes. */
  commandHash = new Map<string, string>();
  /** Line of the command running now (`$LINENO`). */
  lineno = 0;
  /** bash's `shopt` options. */
  shopt: Record<ShoptName, boolean> = { ...SHOPT_DEFAULTS };
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
  /** The function call running now (0: none), numbered in the order calls start. */
  currentCall = 0;
  callCount = 0;
  /** The call in which the RETURN trap was set: it runs when that call returns (or any, with `set -T`). */
  returnTrapCall = 0;
  /** The command running now, for `$BASH_COMMAND` (kept while a trap action runs, as bash does). */
  currentCommand: Command | null = null;
  /** > 0 while a trap action runs. */
  runningTrap = 0;
  /** Levels of `eval` and command substitution around the running command, for `set -x` (`++`). */
  traceLevel = 0;
  /** bash's FUNCNAME: the functions being called, innermost first. */
  funcNames: string[] = [];
  /** bash's BASH_LINENO: the line each function in `funcNames` was called from. */
  callLines: number[] = [];
  /** bash's BASH_SOURCE: the script file and the files being sourced, innermost first. */
  sources: string[] = [];
  /** bash's directory stack below the working directory (`pushd`, `popd`, `dirs`). */
  dirStack: string[] = [];
  /** `$BASHPID`: this process's own pid (a subshell's differs from `$$`). */
  pid = 0;
  /** When the shell started (Date.now()), for `$SECONDS`. */
  startTime = Date.now();
  /** > 0 while running a condition, where `set -e` does not apply. */
  errexitSuppressed = 0;
  private envCache: Record<string, string> | null = null;

  /** A variable's value (element 0 of an array), or undefined when unset. */
  get(name: string): string | undefined {
    const v = this.vars.get(name);
    if (v === undefined) return undefined;
    if (v.nameref === true) {
      const target = this.target(name);
      if (target !== name) return this.get(target);
    }
    if (v.array !== undefined) return v.array.get(0);
    return v.assoc !== undefined ? v.assoc.get("0") : v.value;
  }

  /** The variable a nameref (`declare -n`) stands for, following chains; `name` itself otherwise. */
  target(name: string): string {
    for (let i = 0; i < MAX_NAMEREF_DEPTH; i++) {
      const v = this.vars.get(name);
      if (v?.nameref !== true || v.value === undefined || !NAME_RE.test(v.value)) return name;
      name = v.value;
    }
    return name;
  }

  /** The value an assignment to `v` stores: `declare -i` evaluates it (`+=` adds), `-u`/`-l` convert case. */
  private converted(v: Variable, value: string, old: string | undefined, append: boolean): string {
    if (v.integer === true) {
      const n = evaluateArithmetic(value, this.arithScope());
      return append ? BigInt.asIntN(64, evaluateArithmetic(old ?? "0", this.arithScope()) + n).toString() : n.toString();
    }
    const text = append ? (old ?? "") + value : value;
    if (v.caseConv === undefined) return text;
    return v.caseConv === "upper" ? upperChars(text) : lowerChars(text);
  }

  /** Plain variable access for arithmetic done while assigning (`declare -i`). */
  arithScope(): ArithScope {
    return {
      get: (name, index) => (index === undefined ? this.get(name) : this.getElement(name, index)),
      set: (name, value, index) => (index === undefined ? this.set(name, value) : this.setElement(name, index, value)),
      isAssoc: (name) => this.isAssoc(name),
    };
  }

  /** Assigns a variable, keeping its attributes; throws ReadonlyError (and ArithError for `declare -i`). */
  set(name: string, value: string, append = false): void {
    if (name === "PATH") this.commandHash.clear();
    const v = this.vars.get(name);
    if (v === undefined) {
      this.vars.set(name, { value, exported: this.options.allexport, readonly: false });
      if (this.options.allexport) this.envCache = null;
      return;
    }
    if (v.nameref === true) {
      const target = this.target(name);
      if (target !== name) return this.set(target, value, append);
    }
    if (v.readonly) throw new ReadonlyError(name);
    if (v.array !== undefined) {
      v.array.set(0, this.converted(v, value, v.array.get(0), append));
      return;
    }
    if (v.assoc !== undefined) {
      v.assoc.set("0", this.converted(v, value, v.assoc.get("0"), append));
      return;
    }
    v.value = v.integer === undefined && v.caseConv === undefined && !append ? value : this.converted(v, value, v.value, append);
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
    return this.vars.get(this.target(name))?.array !== undefined;
  }

  /** Whether `name` is an associative array (`declare -A`). */
  isAssoc(name: string): boolean {
    return this.vars.get(this.target(name))?.assoc !== undefined;
  }

  /** The elements of an array in index (or bash's key) order; a set scalar is a one-element array. */
  arrayValues(name: string): string[] {
    const v = this.vars.get(this.target(name));
    if (v === undefined) return dynamicArray(this, name)?.slice() ?? [];
    if (v?.assoc !== undefined) return assocKeys(v.assoc).map((k) => v.assoc!.get(k)!);
    if (v?.array === undefined) return v?.value === undefined ? [] : [v.value];
    return [...v.array.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }

  /** The indices (or keys) in use, in the order `${!a[@]}` lists them. */
  arrayKeys(name: string): string[] {
    const v = this.vars.get(this.target(name));
    if (v === undefined) return dynamicArray(this, name)?.map((_, i) => String(i)) ?? [];
    if (v?.assoc !== undefined) return assocKeys(v.assoc);
    if (v?.array === undefined) return v?.value === undefined ? [] : ["0"];
    return [...v.array.keys()].sort((a, b) => a - b).map(String);
  }

  /** Resolves a negative index (counting back from one past the last element). */
  private resolveIndex(v: Variable | undefined, index: number): number {
    if (index >= 0 || v?.array === undefined) return index;
    return (v.array.size === 0 ? 0 : Math.max(...v.array.keys()) + 1) + index;
  }

  /** Element `index` of an array, or `key` of an associative one (index 0 of a scalar is its value). */
  getElement(name: string, index: number | string): string | undefined {
    const v = this.vars.get(this.target(name));
    if (v === undefined) return dynamicArray(this, name)?.at(Number(index));
    if (v?.assoc !== undefined) return v.assoc.get(String(index));
    if (typeof index === "string") index = Number(index);
    if (v?.array === undefined) return index === 0 || index === -1 ? v?.value : undefined;
    return v.array.get(this.resolveIndex(v, index));
  }

  /** Sets an element, making the variable an array if it was a scalar; throws ReadonlyError. */
  setElement(name: string, index: number | string, value: string, append = false): void {
    name = this.target(name);
    const existing = this.vars.get(name);
    if (existing?.assoc !== undefined) {
      if (existing.readonly) throw new ReadonlyError(name);
      const key = String(index);
      existing.assoc.set(key, this.converted(existing, value, existing.assoc.get(key), append));
      return;
    }
    const v = this.toArray(name);
    const i = this.resolveIndex(v, Number(index));
    if (i < 0) throw new RangeError(`${name}[${index}]: bad array subscript`);
    v.array!.set(i, this.converted(v, value, v.array!.get(i), append));
  }

  /** Replaces (or with `append`, extends) an array's elements; throws ReadonlyError. */
  setArray(name: string, elements: [number | null, string][], append: boolean): void {
    const v = this.toArray(this.target(name));
    const array = v.array!;
    if (!append) array.clear();
    let next = array.size === 0 ? 0 : Math.max(...array.keys()) + 1;
    for (const [index, value] of elements) {
      const i = index === null ? next : index;
      array.set(i, this.converted(v, value, undefined, false));
      next = i + 1;
    }
  }

  /** Makes `name` an associative array (keeping the elements it has); throws ReadonlyError. */
  makeAssoc(name: string): void {
    name = this.target(name);
    const v = this.vars.get(name);
    if (v === undefined) {
      this.vars.set(name, { value: undefined, exported: false, readonly: false, assoc: new Map() });
      return;
    }
    if (v.assoc !== undefined) return;
    if (v.readonly) throw new ReadonlyError(name);
    v.assoc = new Map(v.array !== undefined ? [...v.array].map(([i, e]) => [String(i), e]) : v.value !== undefined ? [["0", v.value]] : []);
    v.array = undefined;
    v.value = undefined;
  }

  /** Replaces (or with `append`, extends) an associative array's entries; throws ReadonlyError. */
  setAssoc(name: string, entries: [string, string][], append: boolean): void {
    name = this.target(name);
    const v = this.vars.get(name)!;
    if (v.readonly) throw new ReadonlyError(name);
    if (!append) v.assoc!.clear();
    for (const [key, value] of entries) v.assoc!.set(key, this.converted(v, value, v.assoc!.get(key), append));
  }

  /** Sets bash's PIPESTATUS array to the statuses of the last pipeline's commands. */
  setPipeStatus(statuses: number[]): void {
    const v = this.vars.get("PIPESTATUS");
    if (v !== undefined && v.readonly) return;
    this.vars.set("PIPESTATUS", { value: undefined, exported: false, readonly: false, array: new Map(statuses.map((s, i) => [i, String(s)])) });
  }

  /** Removes one element (or key). */
  unsetElement(name: string, index: number | string): void {
    name = this.target(name);
    const v = this.vars.get(name);
    if (v === undefined) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (v.assoc !== undefined) {
      v.assoc.delete(String(index));
      return;
    }
    if (typeof index === "string") index = Number(index);
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
    if (v.assoc !== undefined) throw new RangeError(`${name}: cannot convert associative to indexed array`);
    if (v.array === undefined) {
      v.array = new Map(v.value === undefined ? [] : [[0, v.value]]);
      v.value = undefined;
      if (v.exported) this.envCache = null;
    }
    return v;
  }

  /** The variable `name`, created declared but unset if it does not exist. */
  declare(name: string): Variable {
    let v = this.vars.get(name);
    if (v === undefined) {
      v = { value: undefined, exported: this.options.allexport, readonly: false };
      this.vars.set(name, v);
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

  /**
   * The environment children get: every exported variable that is set,
   * and each function exported with `export -f` as bash passes it
   * (`BASH_FUNC_name%%` holding `() { ... }`, read back by a child shell).
   */
  environment(): Record<string, string> {
    let env = this.envCache;
    if (env === null) {
      env = {};
      for (const [name, v] of this.vars) if (v.exported && v.value !== undefined && v.nameref !== true) env[name] = v.value;
      this.envCache = env;
    }
    if (this.exportedFunctions.size === 0) return env;
    const withFunctions = { ...env };
    for (const name of this.exportedFunctions) {
      const fn = this.functions.get(name);
      if (fn !== undefined) withFunctions[`BASH_FUNC_${name}%%`] = printFunction(fn).slice(name.length + 1);
    }
    return withFunctions;
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

  /** `$-`: the letters of the options that are on, in bash's order. */
  flags(): string {
    let out = "";
    for (const [letter, name] of Object.entries(OPTION_LETTERS)) {
      if (letter === "n" && this.interactive) out += "i";
      if (this.options[name]) out += letter;
    }
    return out + this.invocationFlag;
  }

  /** A deep copy for a subshell: traps are reset (ignored signals stay ignored), as POSIX subshells do, and it is not interactive. */
  clone(): ShellState {
    const copy = new ShellState();
    for (const [name, v] of this.vars) copy.vars.set(name, copyVariable(v));
    copy.positional = [...this.positional];
    copy.arg0 = this.arg0;
    copy.functions = new Map(this.functions);
    copy.exportedFunctions = new Set(this.exportedFunctions);
    copy.commandHash = new Map(this.commandHash);
    copy.aliases = new Map(this.aliases);
    copy.options = { ...this.options };
    copy.invocationFlag = this.invocationFlag;
    copy.shopt = { ...this.shopt };
    copy.lineno = this.lineno;
    copy.lastStatus = this.lastStatus;
    copy.lastBgPid = this.lastBgPid;
    copy.shellPid = this.shellPid;
    copy.callDepth = this.callDepth;
    copy.loopDepth = this.loopDepth;
    copy.sourceDepth = this.sourceDepth;
    copy.traceLevel = this.traceLevel;
    copy.currentCommand = this.currentCommand;
    copy.currentCall = this.currentCall;
    copy.callCount = this.callCount;
    copy.returnTrapCall = this.returnTrapCall;
    copy.funcNames = [...this.funcNames];
    copy.callLines = [...this.callLines];
    copy.dirStack = [...this.dirStack];
    copy.sources = [...this.sources];
    copy.startTime = this.startTime;
    copy.errexitSuppressed = this.errexitSuppressed;
    for (const [cond, action] of this.traps) if (action === "") copy.traps.set(cond, "");
    copy.asyncJob = this.asyncJob;
    copy.scopes = this.scopes.map((scope) => ({ kind: scope.kind, saved: new Map() }));
    return copy;
  }
}
