/**
 * Parameter expansion: `$name`, `${name op word}` and bash's forms over
 * arrays (`${a[i]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}`), indirection
 * (`${!name}`) and name lists (`${!prefix*}`). A parameter resolves either
 * to one value or to a list (`$@`, `$*`, `${a[@]}`), and each operator
 * applies to the value or to every element, as bash does.
 */
import type { ParamPart } from "./ast.js";
import { arithValue, expandParts, expandPattern, expandString, type ExpandHost } from "./expand.js";
import { fieldBreak, type Segment } from "./fields.js";
import { replacePattern, stripPattern } from "./pattern.js";
import { ReadonlyError, type ShellState } from "./state.js";

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
  if (value !== undefined) return value;
  if (name === "LINENO") return String(state.lineno);
  if (name === "RANDOM") return String(Math.floor(Math.random() * 32768));
  return undefined;
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
      return { list: state.arrayIndices(name).map(String), star: part.index === "*", value: undefined };
    }
    const target = paramValue(state, name);
    if (target === undefined) return host.fatal(`${name}: invalid indirect expansion`, 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(target);
    if (m !== null) {
      const index = m[2] === "@" || m[2] === "*" ? m[2] : Number(await arithText(host, m[2]!));
      return resolveIndexed(state, m[1]!, index);
    }
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(target)) return host.fatal(`${target}: invalid variable name`, 1);
    name = target;
  }
  if (part.index !== undefined) {
    const index = typeof part.index === "string" ? part.index : Number(await arithValue(host, part.index));
    return resolveIndexed(state, name, index);
  }
  if (name === "@" || name === "*") return { list: state.positional, star: name === "*", value: undefined };
  const assign = NAME_RE.test(name) ? (v: string) => state.set(name, v) : undefined;
  return { list: null, star: false, value: paramValue(state, name), assign };
}

function resolveIndexed(state: ShellState, name: string, index: number | "@" | "*"): Resolved {
  if (index === "@" || index === "*") return { list: state.arrayValues(name), star: index === "*", value: undefined };
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
    const names = [...state.vars.keys()].filter((n) => n.startsWith(part.name) && state.vars.get(n)!.value !== undefined).sort();
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
        const message = part.arg!.parts.length > 0 ? await expandString(host, part.arg!) : isSet ? "parameter null or not set" : "parameter not set";
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
  if (op === "substr") {
    const offset = Number(await arithValue(host, part.arg!));
    const length = part.arg2 === null ? null : Number(await arithValue(host, part.arg2));
    if (r.list === null) {
      out.push({ text: substring(r.value ?? "", offset, length), quoted: inDq, split: !inDq });
      return;
    }
    // `${@:n}` counts $0 as position 0; `${a[@]:n}` counts elements from 0.
    const list = part.name === "@" || part.name === "*" ? [host.state.arg0, ...r.list] : r.list;
    pushList(host.state, { ...r, list: sliceList(list, offset, length) }, inDq, out);
    return;
  }
  let apply: (v: string) => string;
  const pattern = part.arg === null ? "" : await expandPattern(host, part.arg);
  if (op === "#" || op === "##" || op === "%" || op === "%%") {
    apply = (v) => stripPattern(v, pattern, op[0] === "#", op.length === 2);
  } else if (op[0] === "/") {
    const replacement = part.arg2 === null ? "" : await expandString(host, part.arg2);
    const anchor = op === "/#" ? "start" : op === "/%" ? "end" : null;
    apply = (v) => replacePattern(v, pattern, replacement, op === "//", anchor);
  } else {
    const upper = op[0] === "^";
    const all = op.length === 2;
    const conv = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
    apply = (v) => (all ? conv(v) : conv(v.slice(0, 1)) + v.slice(1));
  }
  if (r.list !== null) pushList(host.state, { ...r, list: r.list.map(apply) }, inDq, out);
  else out.push({ text: apply(r.value ?? ""), quoted: inDq, split: !inDq });
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
