/**
 * The intermediate form of word expansion and the two steps that follow
 * it: field splitting by IFS and the assembly of final fields. Expansion
 * turns a word into `Segment`s: text pieces that remember whether they were
 * quoted (never split or globbed) and whether they came from an expansion
 * (only those are split), plus `FIELD_BREAK`s where `"$@"` separates
 * parameters.
 */

/** A run of expanded text. */
export interface Piece {
  text: string;
  /** Quoted text: never split, matched literally by globs. */
  quoted: boolean;
  /** Result of an unquoted expansion: subject to field splitting. */
  split: boolean;
}

/** Separates the fields of `"$@"` (and of unquoted `$@`/`$*`). */
export const FIELD_BREAK = null;

/** An element of an expanded word. */
export type Segment = Piece | typeof FIELD_BREAK;

/** A field after splitting: its pieces, kept for globbing. */
export type Field = Piece[];

const DEFAULT_IFS = " \t\n";

function isIfsWhitespace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n";
}

/**
 * Splits segments into fields by `ifs` (undefined: the default). A field
 * with no text survives only if it holds a quoted piece (`""`) or was
 * delimited by a non-whitespace IFS character.
 */
export function splitFields(segments: Segment[], ifs: string | undefined): Field[] {
  const sep = ifs ?? DEFAULT_IFS;
  const fields: Field[] = [];
  let current: Piece[] = [];
  let started = false;
  let afterWhitespaceDelimiter = false;
  const emit = (): void => {
    fields.push(current);
    current = [];
    started = false;
  };
  for (const seg of segments) {
    if (seg === FIELD_BREAK) {
      if (started) emit();
      afterWhitespaceDelimiter = false;
      continue;
    }
    if (!seg.split || sep === "") {
      current.push(seg);
      if (seg.quoted || seg.text !== "") {
        started = true;
        afterWhitespaceDelimiter = false;
      }
      continue;
    }
    const text = seg.text;
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (sep.indexOf(ch) < 0) continue;
      if (i > runStart) {
        current.push({ text: text.slice(runStart, i), quoted: false, split: true });
        started = true;
      }
      runStart = i + 1;
      if (isIfsWhitespace(ch)) {
        if (started) {
          emit();
          afterWhitespaceDelimiter = true;
        }
      } else {
        if (started) emit();
        else if (!afterWhitespaceDelimiter) emit();
        afterWhitespaceDelimiter = false;
      }
    }
    if (runStart < text.length) {
      current.push({ text: text.slice(runStart), quoted: false, split: true });
      started = true;
      afterWhitespaceDelimiter = false;
    }
  }
  if (started) emit();
  return fields;
}

/** Joins segments into one string, `"$@"` breaks becoming spaces (for assignments and `case`). */
export function joinSegments(segments: Segment[]): string {
  let out = "";
  for (const seg of segments) out += seg === FIELD_BREAK ? " " : seg.text;
  return out;
}

/** The plain text of a field. */
export function fieldText(field: Field): string {
  if (field.length === 1) return field[0]!.text;
  let out = "";
  for (const piece of field) out += piece.text;
  return out;
}
