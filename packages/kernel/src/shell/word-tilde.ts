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

/** Splits a leading tilde prefix off a word (`~/x`, `~user`). */
export function applyTilde(word: Word): Word {
  const first = word.parts[0];
  if (first === undefined || first.type !== "lit" || first.text.charCodeAt(0) !== 126) return word;
  const parts = splitTildes(first.text, word.parts.length > 1, false, true);
  if (parts === null) return word;
  return { parts: [...parts, ...word.parts.slice(1)] };
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
  const parts: WordPart[] = [];
  const tail = word.parts.slice(1);
  if (rest !== "") parts.push(...(splitTildes(rest, tail.length > 0, true, true) ?? [{ type: "lit", text: rest }]));
  for (let i = 0; i < tail.length; i++) {
    const part = tail[i]!;
    const split = part.type === "lit" ? splitTildes(part.text, i < tail.length - 1, true, false) : null;
    if (split === null) parts.push(part);
    else parts.push(...split);
  }
  return { name: m[1]!, value: { parts }, append: m[2] === "+" };
}
