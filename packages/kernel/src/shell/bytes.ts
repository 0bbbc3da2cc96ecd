/**
 * Text ⇄ bytes for the shell. Shell strings are UTF-8 text, but a byte
 * that is not valid UTF-8 (from `printf '\377'` or a binary file read by
 * `$( )`) must survive a round trip. As Python's "surrogateescape" does,
 * such a byte b is carried in a string as the lone surrogate U+DC00 + b,
 * and written back out as the byte itself.
 */

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const RAW_BYTE = /[\uDC80-\uDCFF]/;

/** The character that stands for raw byte `b` (0x80–0xFF). */
export function rawByteChar(b: number): string {
  return b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(0xdc00 + b);
}

/** Encodes shell text to bytes, turning escaped raw bytes back into themselves. */
export function encodeText(text: string): Uint8Array {
  if (!RAW_BYTE.test(text)) return encoder.encode(text);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let runStart = 0;
  const flush = (end: number): void => {
    if (end > runStart) {
      const c = encoder.encode(text.slice(runStart, end));
      chunks.push(c);
      size += c.length;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      flush(i);
      chunks.push(Uint8Array.of(c - 0xdc00));
      size++;
      runStart = i + 1;
    }
  }
  flush(text.length);
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** Decodes bytes as UTF-8, keeping each invalid byte as its escape character. */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeLenient(bytes);
  }
}

function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

function decodeLenient(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      let end = i + 1;
      while (end < bytes.length && bytes[end]! < 0x80) end++;
      out += String.fromCharCode(...bytes.subarray(i, end));
      i = end;
      continue;
    }
    const n = sequenceLength(b);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strictDecoder.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // Not a valid sequence: fall through to the raw byte.
      }
    }
    out += rawByteChar(b);
    i++;
  }
  return out;
}
