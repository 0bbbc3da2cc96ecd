/**
 * bash's brace expansion, the first expansion of a command word:
 * `x{a,b}y` → `xay xby` (nested, with empty alternatives), `{1..5}`,
 * `{05..10}`, `{a..e}` and `{1..10..3}`. Only unquoted braces in literal
 * text count; a brace group without a top-level comma or a valid sequence
 * stays as written. Each result is a word whose parts go on to the usual
 * expansions.
 */
import type { Word, WordPart } from "./ast.js";

/** Where a brace is: part index and offset in that literal part. */
interface Pos {
  part: number;
  offset: number;
}

/** Most words one brace expansion may produce (a guard against `{1..99999999}`). */
export const MAX_BRACE_WORDS = 100_000;

/** Expands the braces of `word`; a word without any is returned alone. */
export function expandBraces(word: Word): Word[] {
  if (!word.parts.some((p) => p.type === "lit" && p.text.includes("{"))) return [word];
  const out: Word[] = [];
  expandInto(word.parts, out);
  return out;
}

function litAt(parts: WordPart[], pos: Pos): string | undefined {
  const p = parts[pos.part];
  return p !== undefined && p.type === "lit" ? p.text[pos.offset] : undefined;
}

/** Slices `parts` between two positions (start inclusive, end exclusive). */
function sliceParts(parts: WordPart[], from: Pos, to: Pos): WordPart[] {
  const out: WordPart[] = [];
  for (let i = from.part; i <= to.part && i < parts.length; i++) {
    const p = parts[i]!;
    const start = i === from.part ? from.offset : 0;
    if (p.type !== "lit") {
      if (i < to.part || (i === to.part && to.offset > 0)) out.push(p);
      continue;
    }
    const end = i === to.part ? to.offset : p.text.length;
    if (end > start) out.push({ type: "lit", text: p.text.slice(start, end) });
  }
  return out;
}

function concat(...lists: WordPart[][]): WordPart[] {
  const out: WordPart[] = [];
  for (const list of lists) {
    for (const p of list) {
      const last = out[out.length - 1];
      if (p.type === "lit" && last !== undefined && last.type === "lit") out[out.length - 1] = { type: "lit", text: last.text + p.text };
      else out.push(p);
    }
  }
  return out;
}

/** Finds the first brace group with alternatives or a sequence, and expands it (recursively). */
function expandInto(parts: WordPart[], out: Word[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.type !== "lit") continue;
    for (let j = 0; j < p.text.length; j++) {
      if (p.text[j] !== "{") continue;
      const group = scanGroup(parts, { part: i, offset: j });
      if (group === null) continue;
      const prefix = sliceParts(parts, { part: 0, offset: 0 }, { part: i, offset: j });
      const suffix = sliceParts(parts, { part: group.close.part, offset: group.close.offset + 1 }, { part: parts.length, offset: 0 });
      for (const alt of group.alternatives) {
        if (out.length >= MAX_BRACE_WORDS) return;
        expandInto(concat(prefix, alt, suffix), out);
      }
      return;
    }
  }
  out.push({ parts });
}

/** Reads the group opening at `open`: its alternatives and closing brace, or null if it does not expand. */
function scanGroup(parts: WordPart[], open: Pos): { alternatives: WordPart[][]; close: Pos } | null {
  let depth = 0;
  const commas: Pos[] = [];
  let pos: Pos = { part: open.part, offset: open.offset + 1 };
  for (;;) {
    const part = parts[pos.part];
    if (part === undefined) return null;
    if (part.type !== "lit" || pos.offset >= part.text.length) {
      pos = { part: pos.part + 1, offset: 0 };
      continue;
    }
    const ch = litAt(parts, pos);
    if (ch === "{") depth++;
    else if (ch === "}") {
      if (depth === 0) break;
      depth--;
    } else if (ch === "," && depth === 0) commas.push(pos);
    pos = { part: pos.part, offset: pos.offset + 1 };
  }
  const close = pos;
  const inner = { part: open.part, offset: open.offset + 1 };
  if (commas.length > 0) {
    const bounds = [inner, ...commas.map((c) => ({ part: c.part, offset: c.offset + 1 }))];
    const ends = [...commas, close];
    return { alternatives: bounds.map((b, k) => sliceParts(parts, b, ends[k]!)), close };
  }
  const body = sliceParts(parts, inner, close);
  if (body.length !== 1 || body[0]!.type !== "lit") return null;
  const seq = sequence(body[0]!.text);
  return seq === null ? null : { alternatives: seq.map((text) => [{ type: "lit", text }]), close };
}

/** `a..b[..step]` over integers (zero-padded when either end is) or single letters; null if malformed. */
function sequence(text: string): string[] | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (m === null) return null;
  const [, a, b, stepText] = m as unknown as [string, string, string, string | undefined];
  const numeric = /\d/.test(a);
  if (numeric !== /\d/.test(b)) return null;
  let step = Math.abs(Number(stepText ?? "1")) || 1;
  const start = numeric ? Number(a) : a.charCodeAt(0);
  const end = numeric ? Number(b) : b.charCodeAt(0);
  if (end < start) step = -step;
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out: string[] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    if (out.length >= MAX_BRACE_WORDS) break;
    if (!numeric) out.push(String.fromCharCode(v));
    else if (width === 0) out.push(String(v));
    else out.push((v < 0 ? "-" : "") + String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0"));
  }
  return out;
}
