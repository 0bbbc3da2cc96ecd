/**
 * Case conversion as bash does it (`${x^^}`, `declare -u`): character by
 * character, so a character whose other case is longer (ß → SS) stays as
 * it is.
 */

/** `text` in upper case. */
export function upperChars(text: string): string {
  const upper = text.toUpperCase();
  return upper.length === text.length ? upper : [...text].map((c) => (c.toUpperCase().length === c.length ? c.toUpperCase() : c)).join("");
}

/** `text` in lower case. */
export function lowerChars(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join("");
}
