/**
 * Word expansion, in POSIX order (after bash's brace expansion): tilde,
 * parameter, command substitution and arithmetic expansion (left to
 * right), then field splitting, pathname expansion and quote removal. Expansions produce `Segment`s (fields.ts)
 * so that the later steps know what was quoted. The interpreter supplies
 * what expansion needs from the outside world through `ExpandHost`.
 */
import type { CommandList, Word, WordPart } from "./ast.js";
import { ArithError, evaluateArithmetic } from "./arithmetic.js";
import { expandBraces } from "./brace.js";
import { fieldText, isBreak, joinSegments, splitFields, type Field, type Segment } from "./fields.js";
import { expandParam } from "./param-expand.js";
import { escapePattern, hasGlobChars } from "./pattern.js";
import { ReadonlyError, type ShellState } from "./state.js";

/** What expansion needs from the interpreter. */
export interface ExpandHost {
  readonly state: ShellState;
  /** Runs a command substitution and returns its output (trailing newlines kept). */
  commandSub(body: CommandList): Promise<string>;
  /** Starts a process substitution and returns the /dev/fd path that reaches it. */
  processSub(body: CommandList, output: boolean): Promise<string>;
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
    const braced = host.state.options.braceexpand ? expandBraces(written) : [written];
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
export async function expandParts(host: ExpandHost, parts: WordPart[], inDq: boolean, inExpansion: boolean, out: Segment[]): Promise<void> {
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
      case "procsub":
        out.push({ text: await host.processSub(part.body, part.output), quoted: true, split: false });
        break;
    }
  }
}

/** Whether double-quoted parts hold an `@` list (`"$@"`, `"${a[@]}"`), which may expand to no field at all. */
function containsAt(parts: WordPart[]): boolean {
  return parts.some((p) => p.type === "param" && !p.length &&
    (p.name === "@" || p.index === "@" || p.names === "@" || (p.op !== null && p.arg !== null && containsAt(p.arg.parts))));
}

function tildeValue(state: ShellState, user: string): string {
  if (user === "") return state.get("HOME") ?? "~";
  if (user === "root") return "/root";
  return "~" + user;
}

/** A subscript's value: the expanded text for an associative array's key, else an arithmetic index. */
export async function subscriptValue(host: ExpandHost, name: string, word: Word): Promise<number | string> {
  if (host.state.isAssoc(name)) return expandString(host, word);
  return Number(await arithValue(host, word));
}

/**
 * Evaluates `$(( ))`: expands the text, then computes it. An error ends
 * the shell, as an expansion error does; with `command` (`((`, `let`,
 * `[[`), it only fails that command with status 1, as in bash.
 */
export async function arithValue(host: ExpandHost, expr: Word, command?: string): Promise<string> {
  const text = await expandString(host, expr);
  const state = host.state;
  try {
    return evaluateArithmetic(text, {
      get: (name, index) => {
        const v = index === undefined ? state.get(name) : state.getElement(name, index);
        if (v === undefined && state.options.nounset) throw new ArithError(`${name}: unbound variable`);
        return v;
      },
      set: (name, value, index) => (index === undefined ? state.set(name, value) : state.setElement(name, index, value)),
      isAssoc: (name) => state.isAssoc(name),
    }).toString();
  } catch (err) {
    if (err instanceof ArithError) {
      if (err.message.endsWith("unbound variable")) return host.fatal(err.message, 1);
      if (command !== undefined) return host.fail(`${command}: ${text.trim()}: ${err.message}`, 1);
      return host.fatal(`${text.trim()}: ${err.message}`, 1);
    }
    if (err instanceof ReadonlyError || err instanceof RangeError) return host.fatal(err.message, 1);
    throw err;
  }
}
