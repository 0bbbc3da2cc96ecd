/**
 * Quoting text so that the shell reads it back as the same word, in the
 * forms bash prints: `"..."` for `declare -p` and `export -p`, `'...'`
 * for `${x@Q}`, and `$'...'` for either when the text holds control
 * characters (which neither of the others can show).
 */

/** Whether `text` has a character only `$'...'` can show. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

const ANSI_C: Record<string, string> = {
  "\x07": "\\a", "\b": "\\b", "\x1b": "\\E", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", "'": "\\'",
};

/** `$'...'`, with C escapes and octal for other control characters. */
export function ansiCQuote(text: string): string {
  let out = "$'";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += ANSI_C[ch] ?? (c < 32 || c === 127 ? "\\" + c.toString(8).padStart(3, "0") : ch);
  }
  return out + "'";
}

/** bash's `declare -p` form of a value: double quotes, or `$'...'` for control characters. */
export function declareQuote(text: string): string {
  if (hasControl(text)) return ansiCQuote(text);
  return '"' + text.replace(/["\\$`]/g, "\\$&") + '"';
}

/** bash's `${x@Q}` form: single quotes (`'\''` for a quote), or `$'...'` for control characters. */
export function singleQuote(text: string): string {
  if (hasControl(text)) return ansiCQuote(text);
  return "'" + text.replace(/'/g, "'\\''") + "'";
}
