/**
 * `argv.py`, the oils test helper, as a tiny runtime driver: prints its
 * arguments as a Python 2 list repr (`['a', 'b c']`). Python 2 strings
 * are bytes, so each argument is first encoded as the shell carries it
 * (UTF-8, with U+DC80–U+DCFF standing for raw bytes 0x80–0xFF) and
 * non-printable bytes are shown as `\xNN`.
 */
import type { DriverProcess, KernelInterface, ProcessContext, RuntimeDriver } from "@secure-exec/kernel";

const encoder = new TextEncoder();

/** The bytes the shell means by `text`. */
function toBytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else out.push(...encoder.encode(ch));
  }
  return out;
}

/** Python 2's repr of a byte string. */
export function pythonRepr(text: string): string {
  const bytes = toBytes(text);
  const hasSingle = bytes.includes(0x27);
  const hasDouble = bytes.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = quote;
  for (const b of bytes) {
    if (b === 0x5c) out += "\\\\";
    else if (b === quote.charCodeAt(0)) out += "\\" + quote;
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === 0x09) out += "\\t";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}

/** The driver providing `argv.py`. */
export function createArgvDriver(): RuntimeDriver {
  let kernel: KernelInterface | null = null;
  return {
    name: "oils-argv",
    commands: ["argv.py"],
    stdin: "fd",
    async init(ki) {
      if (kernel) throw new Error("oils-argv is already initialized");
      kernel = ki;
    },
    spawn(_command: string, args: string[], ctx: ProcessContext): DriverProcess {
      const ki = kernel;
      if (!ki) throw new Error("oils-argv is not initialized");
      let resolveExit!: (code: number) => void;
      const exited = new Promise<number>((resolve) => (resolveExit = resolve));
      const line = `[${args.map(pythonRepr).join(", ")}]\n`;
      ki.fdWrite(ctx.pid, 1, encoder.encode(line)).then(() => resolveExit(0), () => resolveExit(1));
      return {
        writeStdin() {},
        closeStdin() {},
        kill: (signal) => resolveExit(128 + signal),
        wait: () => exited,
        onExit: null,
        onStdout: null,
        onStderr: null,
      };
    },
    async dispose() {
      kernel = null;
    },
  };
}
