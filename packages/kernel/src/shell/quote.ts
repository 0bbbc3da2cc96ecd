/**
 * Quoting text so that the shell reads it back as the same word, in the
 * forms bash prints: `"..."` for `declare -p` and `export -p`, `'...'`
 * for `${x@Q}`, backslashes for `printf %q`, and `$'...'` for any of them
 * when the text holds control characters (which the others cannot show).
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

/** Characters `printf %q` escapes anywhere in a word. */
const BACKSLASHED = new Set(" !\"$&'()*,;<>?[\\]^`{|}");

/** bash's `printf %q` form: `''` when empty, `$'...'` for control characters, otherwise backslashes before special characters. */
export function backslashQuote(text: string): string {
  if (text === "") return "''";
  if (hasControl(text)) return ansiCQuote(text);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    // `#` starts a comment and `~` a tilde expansion only where a word (or an assignment's value) starts.
    const special = BACKSLASHED.has(ch) || (ch === "#" && i === 0) || (ch === "~" && (i === 0 || prev === ":" || prev === "="));
    out += special ? "\\" + ch : ch;
  }
  return out;
}
