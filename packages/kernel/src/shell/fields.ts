/**
 * The intermediate form of word expansion and the two steps that follow
 * it: field splitting by IFS and the assembly of final fields. Expansion
 * turns a word into `Segment`s: text pieces that remember whether they were
 * quoted (never split or globbed) and whether they came from an expansion
 * (only those are split), plus breaks where `"$@"` (or an unquoted `$@`
 * or `$*`) separates parameters.
 */

/** A run of expanded text. */
export interface Piece {
  text: string;
  /** Quoted text: never split, matched literally by globs. */
  quoted: boolean;
  /** Result of an unquoted expansion: subject to field splitting. */
  split: boolean;
}

/**
 * Separates the parameters of `$@` or `$*`. Inside double quotes it ends a
 * field; unquoted it acts as the first character of IFS would (so empty
 * parameters survive only where a non-whitespace IFS delimits them). Where
 * nothing splits, `star` breaks join with IFS's first character.
 */
export interface FieldBreak {
  text?: undefined;
  star: boolean;
  quoted: boolean;
}

/** A break between parameters. */
export function fieldBreak(star: boolean, quoted: boolean): FieldBreak {
  return { star, quoted };
}

/** An element of an expanded word. */
export type Segment = Piece | FieldBreak;

/** Whether a segment is a break between parameters. */
export function isBreak(seg: Segment): seg is FieldBreak {
  return seg.text === undefined;
}

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
    if (isBreak(seg)) {
      if (seg.quoted || sep === "") {
        if (started) emit();
        afterWhitespaceDelimiter = false;
      } else if (isIfsWhitespace(sep[0]!)) {
        if (started) {
          emit();
          afterWhitespaceDelimiter = true;
        }
      } else {
        if (started || !afterWhitespaceDelimiter) emit();
        afterWhitespaceDelimiter = false;
      }
      continue;
    }
    if (!seg.split || seg.quoted || sep === "") {
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

/**
 * Joins segments into one string where no splitting happens (assignments,
 * `case`): `$@` breaks become spaces, `$*` breaks the first character of
 * `ifs` (a space when IFS is unset).
 */
export function joinSegments(segments: Segment[], ifs: string | undefined): string {
  let out = "";
  for (const seg of segments) {
    if (!isBreak(seg)) out += seg.text;
    else out += seg.star && ifs !== undefined ? ifs.slice(0, 1) : " ";
  }
  return out;
}

/** The plain text of a field. */
export function fieldText(field: Field): string {
  if (field.length === 1) return field[0]!.text;
  let out = "";
  for (const piece of field) out += piece.text;
  return out;
}
