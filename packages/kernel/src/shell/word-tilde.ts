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

/** If `word` is `NAME=value` (or `NAME+=value`), the assignment; otherwise null. */
export function assignmentSplit(word: Word): Assignment | null {
  const first = word.parts[0];
  if (first === undefined || first.type !== "lit") return null;
  const m = ASSIGN_RE.exec(first.text);
  if (m === null) return null;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest === "" ? word.parts.slice(1) : [{ type: "lit", text: rest }, ...word.parts.slice(1)];
  return { name: m[1]!, value: { parts: tildeParts(parts, true) }, append: m[2] === "+" };
}
