/**
 * Shell pattern matching (`case`, `[[ == ]]`, `${x#pat}`, globbing): `*`,
 * `?` and bracket expressions with ranges, negation (`[!...]`, `[^...]`)
 * and character classes, and bash's extended globs `?(a|b)`, `*(...)`,
 * `+(...)`, `@(...)` and `!(...)` (always on: the parser accepts them in
 * any script, so `shopt -s extglob` changes nothing). A pattern is a string in which a backslash quotes
 * the next character; expansion produces it by escaping every quoted
 * character, so quoted text always matches literally. Patterns compile to
 * cached regular expressions.
 */

/** POSIX character classes as the inside of a JavaScript character class. */
export const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z",
  space: " \\t\\n\\r\\f\\v", blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f", print: "\\x20-\\x7e", graph: "\\x21-\\x7e", word: "a-zA-Z0-9_",
};

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;
const CLASS_SPECIAL = /[\\\]\[^-]/;

function escapeRegexChar(ch: string): string {
  return REGEX_SPECIAL.test(ch) ? "\\" + ch : ch;
}

function escapeClassChar(ch: string): string {
  return CLASS_SPECIAL.test(ch) ? "\\" + ch : ch;
}

/** Whether `pattern` has an unquoted `*`, `?`, `[` that opens a closed bracket expression, or an extended glob. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?") return true;
    else if (c === "[" && readBracket(pattern, i) !== null) return true;
    else if ((c === "@" || c === "+" || c === "!") && pattern[i + 1] === "(" && extglobGroup(pattern, i + 1) !== null) return true;
  }
  return false;
}

/** Removes the quoting backslashes from a pattern, giving the literal text. */
export function unescapePattern(pattern: string): string {
  if (pattern.indexOf("\\") < 0) return pattern;
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
    out += pattern[i];
  }
  return out;
}

const PATTERN_SPECIAL = "\\*?[]-!^@+()|";

/** Quotes every pattern-special character of `text`. */
export function escapePattern(text: string): string {
  let out = "";
  for (const ch of text) out += PATTERN_SPECIAL.includes(ch) ? "\\" + ch : ch;
  return out;
}

/**
 * Reads a bracket expression starting at `pattern[start] === "["`. Returns
 * the regex class and the index after `]`, or null if it is not closed.
 */
function readBracket(pattern: string, start: number): { regex: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  while (i < pattern.length) {
    let ch = pattern[i]!;
    if (ch === "]" && !first) {
      return { regex: body === "" ? (negate ? "[\\s\\S]" : "(?!)") : `[${negate ? "^" : ""}${body}]`, end: i + 1 };
    }
    first = false;
    if (ch === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      const name = close >= 0 ? pattern.slice(i + 2, close) : "";
      if (CLASSES[name] !== undefined) {
        body += CLASSES[name];
        i = close + 2;
        continue;
      }
    }
    if (ch === "\\" && i + 1 < pattern.length) ch = pattern[++i]!;
    i++;
    if (pattern[i] === "-" && i + 1 < pattern.length && pattern[i + 1] !== "]") {
      let hi = pattern[i + 1]!;
      i += 2;
      if (hi === "\\" && i < pattern.length) hi = pattern[i++]!;
      if (hi >= ch) body += escapeClassChar(ch) + "-" + escapeClassChar(hi);
      continue;
    }
    body += escapeClassChar(ch);
  }
  return null;
}

/**
 * An extended glob group whose `(` is at `open`: its alternatives (split
 * at top-level `|`) and the index after its `)`, or null if it is not closed.
 */
function extglobGroup(pattern: string, open: number): { alternatives: string[]; end: number } | null {
  const alternatives: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (ch === "|" && depth === 0) {
      alternatives.push(pattern.slice(start, i));
      start = i + 1;
    } else if (ch === ")") {
      alternatives.push(pattern.slice(start, i));
      return { alternatives, end: i + 1 };
    }
  }
  return null;
}

/** Translates a pattern to a regex source (unanchored). */
export function patternToRegexSource(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if ("?*+@!".includes(ch) && pattern[i + 1] === "(") {
      const group = extglobGroup(pattern, i + 1);
      if (group !== null) {
        const body = group.alternatives.map(patternToRegexSource).join("|");
        if (ch === "!") {
          // Anything the alternatives (followed by the rest of the pattern) do not match.
          const rest = patternToRegexSource(pattern.slice(group.end));
          return `${out}(?:(?!(?:${body})${rest}$)[\\s\\S]*)${rest}`;
        }
        out += `(?:${body})${ch === "@" ? "" : ch}`;
        i = group.end - 1;
        continue;
      }
    }
    if (ch === "\\") {
      if (i + 1 < pattern.length) out += escapeRegexChar(pattern[++i]!);
      else out += "\\\\";
    } else if (ch === "*") {
      out += "[\\s\\S]*";
    } else if (ch === "?") {
      out += "[\\s\\S]";
    } else if (ch === "[") {
      const bracket = readBracket(pattern, i);
      if (bracket === null) out += "\\[";
      else {
        out += bracket.regex;
        i = bracket.end - 1;
      }
    } else {
      out += escapeRegexChar(ch);
    }
  }
  return out;
}

const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 1024;

/** The anchored regex for a whole-string match of `pattern` (case-insensitive with `ignoreCase`). */
export function patternRegExp(pattern: string, ignoreCase = false): RegExp {
  const key = ignoreCase ? "i" + pattern : "s" + pattern;
  let re = compiled.get(key);
  if (re === undefined) {
    re = new RegExp(`^(?:${patternToRegexSource(pattern)})$`, ignoreCase ? "ui" : "u");
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/** Whether `text` matches `pattern` as a whole (ignoring case for bash's `nocasematch`). */
export function matchPattern(pattern: string, text: string, ignoreCase = false): boolean {
  if (!hasGlobChars(pattern)) {
    const literal = unescapePattern(pattern);
    return ignoreCase ? literal.toLowerCase() === text.toLowerCase() : literal === text;
  }
  return patternRegExp(pattern, ignoreCase).test(text);
}

/**
 * Removes the shortest or longest prefix (`fromStart`) or suffix matching
 * `pattern` (the `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}` operators).
 */
export function stripPattern(text: string, pattern: string, fromStart: boolean, longest: boolean): string {
  const re = patternRegExp(pattern);
  const n = text.length;
  if (fromStart) {
    for (let k = longest ? n : 0; longest ? k >= 0 : k <= n; k += longest ? -1 : 1) {
      if (re.test(text.slice(0, k))) return text.slice(k);
    }
  } else {
    for (let k = longest ? 0 : n; longest ? k <= n : k >= 0; k += longest ? 1 : -1) {
      if (re.test(text.slice(k))) return text.slice(0, k);
    }
  }
  return text;
}

/**
 * Replaces matches of `pattern` (bash's `${x/p/r}`): the first (or every,
 * with `all`), or only at the start (`anchor` "start") or end ("end").
 * A function replacement gets the matched text.
 */
export function replacePattern(
  text: string, pattern: string, replacement: string | ((match: string) => string), all: boolean, anchor: "start" | "end" | null,
): string {
  const rep = typeof replacement === "string" ? () => replacement : replacement;
  if (pattern === "") return anchor === "start" ? rep("") + text : anchor === "end" ? text + rep("") : text;
  const re = patternRegExp(pattern);
  if (anchor === "start") {
    for (let k = text.length; k >= 0; k--) if (re.test(text.slice(0, k))) return rep(text.slice(0, k)) + text.slice(k);
    return text;
  }
  if (anchor === "end") {
    for (let k = 0; k <= text.length; k++) if (re.test(text.slice(k))) return text.slice(0, k) + rep(text.slice(k));
    return text;
  }
  let out = "";
  let i = 0;
  while (i < text.length) {
    let matched = -1;
    for (let k = text.length; k > i; k--) {
      if (re.test(text.slice(i, k))) {
        matched = k;
        break;
      }
    }
    if (matched < 0) {
      out += text[i];
      i++;
      continue;
    }
    out += rep(text.slice(i, matched));
    i = matched;
    if (!all) return out + text.slice(i);
  }
  return out;
}
