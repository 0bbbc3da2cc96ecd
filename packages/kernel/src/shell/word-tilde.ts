/**
 * Parse-time shaping of words: tilde prefixes become `tilde` parts (at the
 * start of a word, and after `=` and unquoted `:` in assignment values),
 * and `NAME=value` words become assignments. A tilde prefix is the
 * unquoted `~` and the characters up to the first `/` (or `:` in an
 * assignment); if any of them is quoted or an expansion, it stays literal.
 */
import type { Assignment, Word, WordPart } from "./ast.js";

const LOGIN_RE = /^[A-Za-z0-9_.-]*$/;
const ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** Expands tilde prefixes at the start of a word (and of unquoted `${x-word}` arguments). */
export function applyTilde(word: Word): Word {
  const parts = tildeParts(word.parts, false);
  return parts === word.parts ? word : { parts };
}

const TEST_OPS = new Set(["-", "=", "?", "+"]);

/**
 * Tilde prefixes in `parts`: at the start, after `:` too when `colons`
 * (assignment values), and inside the arguments of unquoted `${x-word}`.
 * Returns `parts` itself when nothing changed.
 */
function tildeParts(parts: WordPart[], colons: boolean): WordPart[] {
  let out: WordPart[] | null = null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    let replacement: WordPart[] | null = null;
    if (p.type === "lit") {
      replacement = splitTildes(p.text, i < parts.length - 1, colons, i === 0);
    } else if (p.type === "param" && p.arg !== null && p.op !== null && TEST_OPS.has(p.op)) {
      const arg = tildeParts(p.arg.parts, colons);
      if (arg !== p.arg.parts) replacement = [{ ...p, arg: { parts: arg } }];
    }
    if (replacement !== null && out === null) out = parts.slice(0, i);
    if (out !== null) out.push(...(replacement ?? [p]));
  }
  return out ?? parts;
}

/**
 * Splits literal `text` around tilde prefixes. `atStart`: a prefix may
 * begin at offset 0; `colons`: also after each `:` (assignment values);
 * `more`: other parts follow this literal. Returns null when nothing changed.
 */
function splitTildes(text: string, more: boolean, colons: boolean, atStart: boolean): WordPart[] | null {
  const out: WordPart[] = [];
  let changed = false;
  let litStart = 0;
  for (let i = 0; i < text.length; i++) {
    const boundary = i === 0 ? atStart : colons && text.charCodeAt(i - 1) === 58;
    if (!boundary || text.charCodeAt(i) !== 126) continue;
    let end = i + 1;
    while (end < text.length && text[end] !== "/" && !(colons && text[end] === ":")) end++;
    if (end === text.length && more) break;
    const user = text.slice(i + 1, end);
    if (!LOGIN_RE.test(user)) continue;
    if (i > litStart) out.push({ type: "lit", text: text.slice(litStart, i) });
    out.push({ type: "tilde", user });
    litStart = end;
    i = end - 1;
    changed = true;
  }
  if (!changed) return null;
  if (litStart < text.length) out.push({ type: "lit", text: text.slice(litStart) });
  return out;
}

/** If `word` is `NAME=value`, `NAME+=value` or `NAME[index]=value`, the assignment; otherwise null. */
export function assignmentSplit(word: Word): Assignment | null {
  const first = word.parts[0];
  if (first === undefined || first.type !== "lit") return null;
  const m = ASSIGN_RE.exec(first.text);
  if (m === null) return subscriptAssignment(word);
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest === "" ? word.parts.slice(1) : [{ type: "lit", text: rest }, ...word.parts.slice(1)];
  return { name: m[1]!, value: { parts: tildeParts(parts, true) }, append: m[2] === "+" };
}

const SUBSCRIPT_START = /^([A-Za-z_][A-Za-z0-9_]*)\[/;

/** `NAME[index]=value` (or `+=`), where the index may hold expansions; null if `word` is not one. */
function subscriptAssignment(word: Word): Assignment | null {
  const first = word.parts[0] as { type: "lit"; text: string };
  const m = SUBSCRIPT_START.exec(first.text);
  if (m === null) return null;
  const index: WordPart[] = [];
  let depth = 0;
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i]!;
    const text = part.type === "lit" ? (i === 0 ? part.text.slice(m[0].length) : part.text) : null;
    if (text === null) {
      index.push(part);
      continue;
    }
    for (let k = 0; k < text.length; k++) {
      const ch = text[k];
      if (ch === "[") depth++;
      else if (ch === "]" && depth > 0) depth--;
      else if (ch === "]") {
        const after = text.slice(k + 1);
        const op = after.startsWith("=") ? "=" : after.startsWith("+=") ? "+=" : null;
        if (op === null) return null;
        if (k > 0) index.push({ type: "lit", text: text.slice(0, k) });
        const rest = after.slice(op.length);
        const value: WordPart[] = [...(rest === "" ? [] : [{ type: "lit" as const, text: rest }]), ...word.parts.slice(i + 1)];
        return { name: m[1]!, value: { parts: tildeParts(value, true) }, append: op === "+=", index: { parts: index } };
      }
    }
    if (text !== "") index.push({ type: "lit", text });
  }
  return null;
}
