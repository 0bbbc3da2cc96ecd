/**
 * Word expansion, in POSIX order (after bash's brace expansion): tilde,
 * parameter, command substitution and arithmetic expansion (left to
 * right), then field splitting, pathname expansion and quote removal. Expansions produce `Segment`s (fields.ts)
 * so that the later steps know what was quoted. The interpreter supplies
 * what expansion needs from the outside world through `ExpandHost`.
 */
import type { CommandList, ParamPart, Word, WordPart } from "./ast.js";
import { ArithError, evaluateArithmetic } from "./arithmetic.js";
import { expandBraces } from "./brace.js";
import { fieldBreak, fieldText, isBreak, joinSegments, splitFields, type Field, type Segment } from "./fields.js";
import { escapePattern, hasGlobChars, replacePattern, stripPattern } from "./pattern.js";
import { ReadonlyError, type ShellState } from "./state.js";

/** What expansion needs from the interpreter. */
export interface ExpandHost {
  readonly state: ShellState;
  /** Runs a command substitution and returns its output (trailing newlines kept). */
  commandSub(body: CommandList): Promise<string>;
  /** Pathname expansion: sorted matches, or [] when none. */
  glob(pattern: string): Promise<string[]>;
  /** Prints `sh: message` and ends the shell (or subshell) with `status`. */
  fatal(message: string, status: number): Promise<never>;
  /** Prints `sh: message` and fails the current command with `status`. */
  fail(message: string, status: number): Promise<never>;
}

/** Expands words into fields: splitting, globbing and quote removal included. */
export async function expandWords(host: ExpandHost, words: Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const written of words) {
    const braced = expandBraces(written);
    if (braced.length !== 1) {
      out.push(...(await expandWords(host, braced)));
      continue;
    }
    const word = braced[0]!;
    const parts = word.parts;
    if (parts.length === 1) {
      const p = parts[0]!;
      if ((p.type === "sq" || p.type === "esc")) {
        out.push(p.text);
        continue;
      }
      if (p.type === "lit" && !hasGlobChars(p.text)) {
        out.push(p.text);
        continue;
      }
    }
    const segments: Segment[] = [];
    await expandParts(host, parts, false, false, segments);
    const fields = splitFields(segments, host.state.get("IFS"));
    for (const field of fields) await globField(host, field, out);
  }
  return out;
}

/** Pathname expansion of one field (unless `set -f` or it has no unquoted pattern characters). */
async function globField(host: ExpandHost, field: Field, out: string[]): Promise<void> {
  const pattern = host.state.options.noglob || field.every((p) => p.quoted) ? null : field.map((p) => (p.quoted ? escapePattern(p.text) : p.text)).join("");
  if (pattern !== null && hasGlobChars(pattern)) {
    const matches = await host.glob(pattern);
    if (matches.length > 0) {
      out.push(...matches);
      return;
    }
    const options = host.state.shopt;
    if (options.failglob) await host.fail(`no match: ${fieldText(field)}`, 1);
    if (options.nullglob) return;
  }
  out.push(fieldText(field));
}

/** Expands a word to one string, without splitting or globbing (assignments, redirections, here-docs). */
export async function expandString(host: ExpandHost, word: Word): Promise<string> {
  const parts = word.parts;
  if (parts.length === 0) return "";
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.type === "lit" || p.type === "sq" || p.type === "esc") return p.text;
  }
  const segments: Segment[] = [];
  await expandParts(host, parts, false, false, segments);
  return joinSegments(segments, host.state.get("IFS"));
}

/** Expands a word to a pattern: quoted characters escaped, unquoted ones active. */
export async function expandPattern(host: ExpandHost, word: Word): Promise<string> {
  const segments: Segment[] = [];
  await expandParts(host, word.parts, false, false, segments);
  let out = "";
  for (const seg of segments) {
    if (isBreak(seg)) out += " ";
    else out += seg.quoted ? escapePattern(seg.text) : seg.text;
  }
  return out;
}

/**
 * Appends the segments of `parts`. `inDq`: inside double quotes;
 * `inExpansion`: inside a `${...}` argument, where unquoted literal text is
 * subject to splitting like an expansion's result.
 */
async function expandParts(host: ExpandHost, parts: WordPart[], inDq: boolean, inExpansion: boolean, out: Segment[]): Promise<void> {
  for (const part of parts) {
    switch (part.type) {
      case "lit":
        out.push({ text: part.text, quoted: inDq, split: inExpansion && !inDq });
        break;
      case "sq":
      case "esc":
        out.push({ text: part.text, quoted: true, split: false });
        break;
      case "dq":
        if (!containsAt(part.parts)) out.push({ text: "", quoted: true, split: false });
        await expandParts(host, part.parts, true, inExpansion, out);
        break;
      case "tilde":
        out.push({ text: tildeValue(host.state, part.user), quoted: true, split: false });
        break;
      case "param":
        await expandParam(host, part, inDq, out);
        break;
      case "cmdsub": {
        const text = (await host.commandSub(part.body)).replace(/\n+$/, "");
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case "arith": {
        const text = await arithValue(host, part.expr);
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
    }
  }
}

function containsAt(parts: WordPart[]): boolean {
  return parts.some((p) => p.type === "param" && (p.name === "@" || (p.op !== null && p.arg !== null && containsAt(p.arg.parts))) && !p.length);
}

function tildeValue(state: ShellState, user: string): string {
  if (user === "") return state.get("HOME") ?? "~";
  if (user === "root") return "/root";
  return "~" + user;
}

/** Evaluates `$(( ))`: expands the text, then computes it. */
export async function arithValue(host: ExpandHost, expr: Word): Promise<string> {
  const text = await expandString(host, expr);
  const state = host.state;
  try {
    return evaluateArithmetic(text, {
      get: (name) => {
        const v = state.get(name);
        if (v === undefined && state.options.nounset) throw new ArithError(`${name}: unbound variable`);
        return v;
      },
      set: (name, value) => state.set(name, value),
    }).toString();
  } catch (err) {
    if (err instanceof ArithError) {
      if (err.message.endsWith("unbound variable")) return host.fatal(err.message, 1);
      return host.fatal(`${text.trim()}: ${err.message}`, 1);
    }
    if (err instanceof ReadonlyError) return host.fatal(err.message, 1);
    throw err;
  }
}

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

async function expandParam(host: ExpandHost, written: ParamPart, inDq: boolean, out: Segment[]): Promise<void> {
  const state = host.state;
  if (written.names !== undefined) {
    const names = [...state.vars.keys()].filter((n) => n.startsWith(written.name) && state.vars.get(n)!.value !== undefined).sort();
    if (written.names === "*" && inDq) out.push({ text: names.join(" "), quoted: true, split: false });
    else names.forEach((n, i) => {
      if (i > 0) out.push(fieldBreak(false, inDq));
      out.push({ text: n, quoted: inDq, split: !inDq });
    });
    return;
  }
  let part = written;
  if (written.indirect) {
    const target = paramValue(state, written.name);
    if (target === undefined) {
      if (state.options.nounset) return host.fatal(`${written.name}: unbound variable`, 1);
    } else if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(target)) {
      return host.fatal(`${target}: invalid variable name`, 1);
    }
    part = { ...written, name: target ?? "", indirect: false };
  }
  const name = part.name;
  const isList = name === "@" || name === "*";
  if (part.length) {
    let n: number;
    if (isList) n = state.positional.length;
    else {
      const v = paramValue(state, name);
      if (v === undefined && state.options.nounset) return host.fatal(`${name}: unbound variable`, 1);
      n = [...(v ?? "")].length;
    }
    out.push({ text: String(n), quoted: inDq, split: !inDq });
    return;
  }
  const value = paramValue(state, name);
  const isSet = isList ? state.positional.length > 0 : value !== undefined;
  // Quoted, "$*" is null when it joins to nothing; unquoted, $* and $@ are null only with no words in them.
  const params = state.positional;
  const isNull = !isList ? !value : inDq ? joinedParams(state, name) === "" : params.length === 0 || (params.length === 1 && params[0] === "");
  const present = part.colon ? isSet && !isNull : isSet;
  switch (part.op) {
    case null:
      break;
    case "-":
      if (!present) return expandParts(host, part.arg!.parts, inDq, true, out);
      break;
    case "+":
      if (present) return expandParts(host, part.arg!.parts, inDq, true, out);
      if (!inDq) return;
      out.push({ text: "", quoted: true, split: false });
      return;
    case "=":
      if (!present) {
        if (isList || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return host.fatal(`$${name}: cannot assign in this way`, 1);
        const assigned = await expandString(host, part.arg!);
        try {
          state.set(name, assigned);
        } catch (err) {
          if (err instanceof ReadonlyError) return host.fatal(err.message, 1);
          throw err;
        }
        out.push({ text: assigned, quoted: inDq, split: !inDq });
        return;
      }
      break;
    case "?":
      if (!present) {
        const message = part.arg!.parts.length > 0 ? await expandString(host, part.arg!) : isSet ? "parameter null or not set" : "parameter not set";
        return host.fatal(`${name}: ${message}`, 1);
      }
      break;
    default:
      if (!isSet && state.options.nounset && !isList) return host.fatal(`${name}: unbound variable`, 1);
      return transformParam(host, part, inDq, out);
  }
  if (!isSet && state.options.nounset && !isList && part.op === null) return host.fatal(`${name}: unbound variable`, 1);
  pushValue(state, name, value, inDq, out);
}

/** `$*` joined by the first character of IFS (`$@` by a space), as the `:-` family tests it. */
function joinedParams(state: ShellState, name: string): string {
  const ifs = state.get("IFS");
  return state.positional.join(name === "@" || ifs === undefined ? " " : ifs.slice(0, 1));
}

/** Appends a parameter's value; `$@` and `$*` become one field per parameter where POSIX says so. */
function pushValue(state: ShellState, name: string, value: string | undefined, inDq: boolean, out: Segment[]): void {
  if (name === "@" || (name === "*" && !inDq)) {
    const params = state.positional;
    for (let i = 0; i < params.length; i++) {
      if (i > 0) out.push(fieldBreak(name === "*", inDq));
      out.push({ text: params[i]!, quoted: inDq, split: !inDq });
    }
    return;
  }
  if (name === "*") {
    const ifs = state.get("IFS");
    const sep = ifs === undefined ? " " : ifs.slice(0, 1);
    out.push({ text: state.positional.join(sep), quoted: true, split: false });
    return;
  }
  out.push({ text: value ?? "", quoted: inDq, split: !inDq });
}

/** The pattern operators (`#`, `%`, `/`), case operators and substrings, applied per parameter for `$@`. */
async function transformParam(host: ExpandHost, part: ParamPart, inDq: boolean, out: Segment[]): Promise<void> {
  const state = host.state;
  const op = part.op!;
  let apply: (v: string) => string;
  if (op === "substr") {
    const offset = Number(await arithValue(host, part.arg!));
    const length = part.arg2 === null ? null : Number(await arithValue(host, part.arg2));
    apply = (v) => substring(v, offset, length);
  } else {
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
      apply = (v) => {
        const conv = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
        return all ? conv(v) : conv(v.slice(0, 1)) + v.slice(1);
      };
    }
  }
  if (part.name === "@" || part.name === "*") {
    const params = state.positional.map(apply);
    if (part.name === "*" && inDq) {
      const ifs = state.get("IFS");
      out.push({ text: params.join(ifs === undefined ? " " : ifs.slice(0, 1)), quoted: true, split: false });
      return;
    }
    params.forEach((p, i) => {
      if (i > 0) out.push(fieldBreak(part.name === "*", inDq));
      out.push({ text: p, quoted: inDq, split: !inDq });
    });
    return;
  }
  out.push({ text: apply(paramValue(state, part.name) ?? ""), quoted: inDq, split: !inDq });
}

/** bash's `${v:offset:length}`, counting characters; negative values count from the end. */
function substring(value: string, offset: number, length: number | null): string {
  const chars = [...value];
  let start = offset < 0 ? Math.max(chars.length + offset, 0) : Math.min(offset, chars.length);
  if (offset < 0 && chars.length + offset < 0) return "";
  let end = length === null ? chars.length : length < 0 ? chars.length + length : start + length;
  if (end < start) end = start;
  start = Math.max(start, 0);
  return chars.slice(start, end).join("");
}
