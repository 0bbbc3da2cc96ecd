/**
 * Backslash escapes of `echo -e`, `printf`'s format and `printf %b`. They
 * differ only in octal: the format takes `\NNN` (one to three digits),
 * while echo and %b take `\0NNN` (and %b also `\NNN`). All take bash's
 * `\u`/`\U` code points. `\c` stops all further output in echo and %b.
 */
import { rawByteChar } from "../bytes.js";

const SIMPLE: Record<string, string> = {
  a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\",
};

/** Escape dialects. */
export type EscapeStyle = "echo" | "format" | "percent-b";

/** Decodes escapes in `text`; `stop` is set when `\c` cut the text. */
export function decodeEscapes(text: string, style: EscapeStyle): { text: string; stop: boolean } {
  if (text.indexOf("\\") < 0) return { text, stop: false };
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== "\\" || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const e = text[i + 1]!;
    if (SIMPLE[e] !== undefined) {
      out += SIMPLE[e];
      i++;
    } else if (e === "c" && style !== "format") {
      return { text: out, stop: true };
    } else if (e === '"' && style === "format") {
      out += '"';
      i++;
    } else if (e === "'" && style === "format") {
      out += "'";
      i++;
    } else if (e >= "0" && e <= "7") {
      let j = i + 1;
      let max = 3;
      if (e === "0" && style !== "format") {
        j++;
        max = 3;
      } else if (style === "echo") {
        out += ch;
        continue;
      }
      let digits = "";
      while (digits.length < max && j < text.length && text[j]! >= "0" && text[j]! <= "7") digits += text[j++];
      out += rawByteChar(parseInt(digits || "0", 8) & 0xff);
      i = j - 1;
    } else if (e === "x") {
      let j = i + 2;
      let digits = "";
      while (digits.length < 2 && j < text.length && /[0-9a-fA-F]/.test(text[j]!)) digits += text[j++];
      if (digits === "") {
        out += "\\x";
        i++;
        continue;
      }
      out += rawByteChar(parseInt(digits, 16));
      i = j - 1;
    } else if (e === "u" || e === "U") {
      const max = e === "u" ? 4 : 8;
      let j = i + 2;
      let digits = "";
      while (digits.length < max && j < text.length && /[0-9a-fA-F]/.test(text[j]!)) digits += text[j++];
      if (digits === "") {
        out += "\\" + e;
        i++;
        continue;
      }
      out += String.fromCodePoint(parseInt(digits, 16));
      i = j - 1;
    } else {
      out += ch;
    }
  }
  return { text: out, stop: false };
}
