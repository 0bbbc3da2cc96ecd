/**
 * Parameter expansion: `$name`, `${name op word}` and bash's forms over
 * arrays (`${a[i]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}`), indirection
 * (`${!name}`) and name lists (`${!prefix*}`). A parameter resolves either
 * to one value or to a list (`$@`, `$*`, `${a[@]}`), and each operator
 * applies to the value or to every element, as bash does.
 */
import type { ParamPart, Word } from "./ast.js";
import { arithValue, expandParts, expandPattern, expandString, subscriptValue, type ExpandHost } from "./expand.js";
import { fieldBreak, isBreak, type Segment } from "./fields.js";
import { matchPattern, replacePattern, stripPattern } from "./pattern.js";
import { attributeLetters, declaration } from "./builtins/declare.js";
import { decodeAnsiC } from "./dollar-reader.js";
import { declareQuote, singleQuote } from "./quote.js";
import { lowerChars, upperChars } from "./case-conv.js";
import { dynamicValue } from "./special-vars.js";
import { ReadonlyError, type ShellState, type Variable } from "./state.js";

/** The value of a parameter: a variable, a positional or a special parameter. */
export function paramValue(state: ShellState, name: string): string | undefined {
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n === 0 ? state.arg0 : state.positional[n - 1];
  }
  if (name.length === 1) {
    switch (name) {
      case "?": return String(state.lastStatus);
      case "#": return String(state.positional.length);
      case "$": return String(state.shellPid);
      case "!": return state.lastBgPid === undefined ? undefined : String(state.lastBgPid);
      case "-": return state.flags();
      case "@": case "*": return state.positional.length === 0 ? undefined : state.positional.join(" ");
    }
  }
  const value = state.get(name);
  return value !== undefined ? value : dynamicValue(state, name);
}

/** A parameter after lookup: a single value, or a list of elements. */
interface Resolved {
  /** The elements of `$@`, `$*`, `${a[@]}` or `${a[*]}`; null for a single value. */
  list: string[] | null;
  /** A `*` list (joined by IFS's first character inside quotes). */
  star: boolean;
  value: string | undefined;
  /** Assigns for `${x:=word}`; undefined where that is not allowed. */
  assign?: (value: string) => void;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Looks `part` up (through `${!...}` indirection and subscripts). */
async function resolve(host: ExpandHost, part: ParamPart): Promise<Resolved> {
  const state = host.state;
  let name = part.name;
  if (part.indirect) {
    if (part.index === "@" || part.index === "*") {
      return { list: state.arrayKeys(name), star: part.index === "*", value: undefined };
    }
    // `${!a[i]}`: the element names the variable.
    const target = part.index !== undefined ? (await resolveSubscripted(host, name, part.index)).value : paramValue(state, name);
    if (target === undefined) return host.fatal(`${name}: invalid indirect expansion`, 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(target);
    if (m !== null) {
      if (m[2] === "@" || m[2] === "*") return resolveAll(state, m[1]!, m[2]);
      return resolveIndexed(state, m[1]!, state.isAssoc(m[1]!) ? m[2]! : Number(await arithText(host, m[2]!)));
    }
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(target)) return host.fatal(`${target}: invalid variable name`, 1);
    name = target;
  }
  if (part.index !== undefined && !part.indirect) return resolveSubscripted(host, name, part.index);
  if (name === "@" || name === "*") return { list: state.positional, star: name === "*", value: undefined };
  const assign = NAME_RE.test(name) ? (v: string) => state.set(name, v) : undefined;
  return { list: null, star: false, value: paramValue(state, name), assign };
}

/** `${a[@]}`, `${a[*]}` or one element `${a[i]}`. */
async function resolveSubscripted(host: ExpandHost, name: string, index: Word | "@" | "*"): Promise<Resolved> {
  if (typeof index === "string") return resolveAll(host.state, name, index);
  return resolveIndexed(host.state, name, await subscriptValue(host, name, index));
}

/** `${a[@]}` and `${a[*]}`. */
function resolveAll(state: ShellState, name: string, all: "@" | "*"): Resolved {
  return { list: state.arrayValues(name), star: all === "*", value: undefined };
}

/** One element: an index of an indexed array, a key of an associative one. */
function resolveIndexed(state: ShellState, name: string, index: number | string): Resolved {
  return { list: null, star: false, value: state.getElement(name, index), assign: (v) => state.setElement(name, index, v) };
}

async function arithText(host: ExpandHost, text: string): Promise<string> {
  return arithValue(host, { parts: [{ type: "lit", text }] });
}

/** The list joined as `"$*"` joins it (IFS's first character), or by spaces for `@`. */
function joined(state: ShellState, r: Resolved): string {
  const ifs = state.get("IFS");
  return r.list!.join(!r.star || ifs === undefined ? " " : ifs.slice(0, 1));
}

/** Appends the segments of one parameter expansion. */
export async function expandParam(host: ExpandHost, part: ParamPart, inDq: boolean, out: Segment[]): Promise<void> {
  const state = host.state;
  if (part.names !== undefined) {
    const isSet = (v: Variable): boolean => v.value !== undefined || v.array !== undefined || v.assoc !== undefined;
    const names = [...state.vars.keys()].filter((n) => n.startsWith(part.name) && isSet(state.vars.get(n)!)).sort();
    pushList(state, { list: names, star: part.names === "*", value: undefined }, inDq, out);
    return;
  }
  const r = await resolve(host, part);
  const label = part.index !== undefined && typeof part.index !== "string" ? `${part.name}[...]` : part.name;
  if (part.length) {
    if (r.list === null && r.value === undefined && state.options.nounset) return host.fatal(`${label}: unbound variable`, 1);
    const n = r.list !== null ? r.list.length : [...(r.value ?? "")].length;
    out.push({ text: String(n), quoted: inDq, split: !inDq });
    return;
  }
  const isSet = r.list !== null ? r.list.length > 0 : r.value !== undefined;
  // Quoted, "$*" is null when it joins to nothing; unquoted, a list is null only with no words in it.
  const isNull = r.list === null ? !r.value : inDq ? joined(state, r) === "" : r.list.length === 0 || (r.list.length === 1 && r.list[0] === "");
  const present = part.colon ? isSet && !isNull : isSet;
  switch (part.op) {
    case null:
      break;
    case "-":
      if (!present) return expandParts(host, part.arg!.parts, inDq, true, out);
      break;
    case "+":
      if (present) return expandParts(host, part.arg!.parts, inDq, true, out);
      if (inDq) out.push({ text: "", quoted: true, split: false });
      return;
    case "=":
      if (present) break;
      if (r.assign === undefined || r.list !== null) return host.fatal(`$${label}: cannot assign in this way`, 1);
      {
        const assigned = await expandString(host, part.arg!);
        try {
          r.assign(assigned);
        } catch (err) {
          if (err instanceof ReadonlyError) return host.fatal(err.message, 1);
          throw err;
        }
        out.push({ text: assigned, quoted: inDq, split: !inDq });
      }
      return;
    case "?":
      if (present) break;
      {
        const message = part.arg!.parts.length > 0 ? await expandString(host, part.arg!) : part.colon ? "parameter null or not set" : "parameter not set";
        return host.fatal(`${label}: ${message}`, 1);
      }
    default:
      if (!isSet && state.options.nounset && r.list === null) return host.fatal(`${label}: unbound variable`, 1);
      return transform(host, part, r, inDq, out);
  }
  if (!isSet && state.options.nounset && r.list === null && part.op === null) return host.fatal(`${label}: unbound variable`, 1);
  if (r.list !== null) pushList(state, r, inDq, out);
  else out.push({ text: r.value ?? "", quoted: inDq, split: !inDq });
}

/** Appends a list: one field per element, except `"$*"`, which joins them. */
function pushList(state: ShellState, r: Resolved, inDq: boolean, out: Segment[]): void {
  if (r.star && inDq) {
    out.push({ text: joined(state, r), quoted: true, split: false });
    return;
  }
  r.list!.forEach((text, i) => {
    if (i > 0) out.push(fieldBreak(r.star, inDq));
    out.push({ text, quoted: inDq, split: !inDq });
  });
}

/** The pattern, case and substring operators: on the value, or on every element of a list (substrings slice a list). */
async function transform(host: ExpandHost, part: ParamPart, r: Resolved, inDq: boolean, out: Segment[]): Promise<void> {
  const op = part.op!;
  if (op === "@") return transformOperator(host, part, r, inDq, out);
  if (op === "substr") {
    const offset = Number(await arithValue(host, part.arg!));
    const length = part.arg2 === null ? null : Number(await arithValue(host, part.arg2));
    if (r.list === null) {
      out.push({ text: substring(r.value ?? "", offset, length), quoted: inDq, split: !inDq });
      return;
    }
    // `${@:n}` counts $0 as position 0; `${a[@]:n}` starts at index n of a (sparse) array.
    if (part.name !== "@" && part.name !== "*" && host.state.isArray(part.name)) {
      const tail = r.list.slice(firstAtIndex(host.state.arrayKeys(part.name).map(Number), offset));
      pushList(host.state, { ...r, list: sliceList(tail, 0, length) }, inDq, out);
      return;
    }
    const list = part.name === "@" || part.name === "*" ? [host.state.arg0, ...r.list] : r.list;
    pushList(host.state, { ...r, list: sliceList(list, offset, length) }, inDq, out);
    return;
  }
  let apply: (v: string) => string;
  const pattern = part.arg === null ? "" : await expandPattern(host, part.arg);
  if (op === "#" || op === "##" || op === "%" || op === "%%") {
    apply = (v) => stripPattern(v, pattern, op[0] === "#", op.length === 2);
  } else if (op[0] === "/") {
    const replacement = part.arg2 === null ? "" : await replacementOf(host, part.arg2);
    const anchor = op === "/#" ? "start" : op === "/%" ? "end" : null;
    apply = (v) => replacePattern(v, pattern, replacement, op === "//", anchor);
  } else {
    apply = caseConversion(op, pattern);
  }
  if (r.list !== null) pushList(host.state, { ...r, list: r.list.map(apply) }, inDq, out);
  else out.push({ text: apply(r.value ?? ""), quoted: inDq, split: !inDq });
}

/**
 * bash's `${x@op}`: Q quotes for reuse, E decodes backslash escapes as
 * `$'...'` does, A gives an assignment (a `declare` for attributes), a the
 * attribute letters, U/u/L change case, K/k pair keys and values, P is
 * left as it is. Applied to every element of a list.
 */
async function transformOperator(host: ExpandHost, part: ParamPart, r: Resolved, inDq: boolean, out: Segment[]): Promise<void> {
  const state = host.state;
  const letter = (part.arg!.parts[0] as { text: string }).text;
  const named = part.indirect === true ? (paramValue(state, part.name) ?? "").replace(/\[.*$/, "") : part.name;
  const target = state.target(named);
  const v = state.vars.get(target);
  if (letter === "a") {
    const attrs = v === undefined ? "" : attributeLetters(v);
    if (r.list !== null) pushList(state, { ...r, list: r.list.map(() => attrs) }, inDq, out);
    else out.push({ text: attrs, quoted: inDq, split: !inDq });
    return;
  }
  if (letter === "A") {
    if (v === undefined) return;
    const keys = v.assoc !== undefined ? state.arrayKeys(target) : undefined;
    const attrs = attributeLetters(v);
    const text = attrs === "" && r.list === null ? `${named}=${singleQuote(r.value ?? "")}` : declaration(target, v, keys);
    out.push({ text, quoted: inDq, split: !inDq });
    return;
  }
  if ((letter === "K" || letter === "k") && r.list !== null && part.index !== undefined) {
    const keys = state.arrayKeys(target);
    const values = state.arrayValues(target);
    const pairs = keys.flatMap((k, i) => [k, letter === "K" ? declareQuote(values[i]!) : values[i]!]);
    pushList(state, { ...r, list: letter === "K" ? [pairs.join(" ")] : pairs }, inDq, out);
    return;
  }
  const apply = (value: string): string => {
    switch (letter) {
      case "Q": case "K": case "k": return singleQuote(value);
      case "E": return decodeAnsiC(value);
      case "U": return upperChars(value);
      case "L": return lowerChars(value);
      case "u": return upperChars(value.slice(0, 1)) + value.slice(1);
      default: return value;
    }
  };
  if (r.list !== null) pushList(state, { ...r, list: r.list.map(apply) }, inDq, out);
  else if (r.value !== undefined) out.push({ text: apply(r.value), quoted: inDq, split: !inDq });
}

/**
 * The replacement of `${v/pat/rep}`. bash 5.2's patsub_replacement: an
 * unquoted `&` stands for the matched text; a quoted one is literal.
 */
async function replacementOf(host: ExpandHost, word: Word): Promise<string | ((match: string) => string)> {
  const segments: Segment[] = [];
  await expandParts(host, word.parts, false, false, segments);
  const pieces: (string | null)[] = [];
  let hasMatch = false;
  for (const seg of segments) {
    if (isBreak(seg)) pieces.push(" ");
    else if (seg.quoted || !seg.text.includes("&")) pieces.push(seg.text);
    else {
      hasMatch = true;
      seg.text.split("&").forEach((text, i) => {
        if (i > 0) pieces.push(null);
        pieces.push(text);
      });
    }
  }
  if (!hasMatch || !host.state.shopt.patsub_replacement) return pieces.map((p) => p ?? "&").join("");
  return (match) => pieces.map((p) => p ?? match).join("");
}

/**
 * `${v^pat}`, `${v^^pat}`, `${v,pat}`, `${v,,pat}`, `${v~pat}`, `${v~~pat}`:
 * upper, lower or toggle the case of the first character (doubled: every
 * character) that matches `pat` (empty: any character).
 */
function caseConversion(op: string, pattern: string): (v: string) => string {
  const conv = op[0] === "^" ? upperChars : op[0] === "," ? lowerChars
    : (c: string) => (c === upperChars(c) ? lowerChars(c) : upperChars(c));
  const matches = pattern === "" ? () => true : (c: string) => matchPattern(pattern, c);
  if (op.length === 2) {
    if (pattern === "" && op[0] !== "~") return conv;
    return (v) => [...v].map((c) => (matches(c) ? conv(c) : c)).join("");
  }
  return (v) => {
    const first = String.fromCodePoint(v.codePointAt(0) ?? 0);
    return v === "" || !matches(first) ? v : conv(first) + v.slice(first.length);
  };
}

/**
 * Where `${a[@]:offset}` starts in an array's elements (`indices`,
 * ascending): at the first index at or past `offset`, which counts back
 * from one past the last index when negative.
 */
function firstAtIndex(indices: number[], offset: number): number {
  const start = offset >= 0 ? offset : (indices.length === 0 ? 0 : indices[indices.length - 1]! + 1) + offset;
  if (start < 0) return indices.length;
  const i = indices.findIndex((index) => index >= start);
  return i < 0 ? indices.length : i;
}

/** bash's `${v:offset:length}`, counting characters; negative values count from the end. */
function substring(value: string, offset: number, length: number | null): string {
  return sliceList([...value], offset, length).join("");
}

function sliceList<T>(items: T[], offset: number, length: number | null): T[] {
  if (offset < 0 && items.length + offset < 0) return [];
  const start = offset < 0 ? items.length + offset : Math.min(offset, items.length);
  let end = length === null ? items.length : length < 0 ? items.length + length : start + length;
  if (end < start) end = start;
  return items.slice(start, end);
}
