/**
 * PS1 and PS2 as bash expands them: first the backslash escapes (`\w` the
 * working directory with `~` for HOME, `\W` its last part, `\u` the user,
 * `\h`/`\H` the host, `\$`, `\s`, `\v`, `\n`, times and dates, `\j`, `\!`,
 * `\#`, octal `\nnn`; `\[` and `\]` vanish), then parameter expansion,
 * command substitution and arithmetic on the result, whose escaped parts
 * are not expanded again; `$?` is the same after as before. The sandbox
 * has no user database or host name: `\u` is $USER (or $LOGNAME, or
 * "user"), `\h` is $HOSTNAME (or "localhost"), and `\$` is always `$`
 * (there is no root).
 */
import { CommandFailure, InterruptSignal, ShellFatal } from "./control-flow.js";
import { expandString } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { parseExpandableText } from "./parser.js";
import { ShellSyntaxError } from "./syntax-error.js";

/** The version `\v` and `\V` report, as bash would (this shell follows bash 5.2). */
const VERSION = "5.2";
const RELEASE = "5.2.0";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Counters of the interactive session the escapes report. */
export interface PromptCounters {
  /** `\#` and `\!`: the number of the command about to be read. */
  command: number;
  /** `\j`: background jobs the shell has not waited for. */
  jobs: number;
}

/** What the escapes read from the shell. */
export interface PromptContext extends PromptCounters {
  /** A shell variable, or undefined when unset. */
  get(name: string): string | undefined;
  /** The working directory, when PWD is unset. */
  cwd: string;
  /** `$0`, for `\s`. */
  arg0: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function hour12(date: Date): number {
  return date.getHours() % 12 === 0 ? 12 : date.getHours() % 12;
}

/** The working directory with HOME shown as `~`. */
function tildeDir(cwd: string, home: string | undefined): string {
  if (home === undefined || home === "" || home === "/") return cwd;
  if (cwd === home) return "~";
  return cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

/** `\D{format}`: the strftime conversions a prompt commonly uses. */
function strftime(format: string, date: Date): string {
  const fmt = format === "" ? "%H:%M:%S" : format;
  return fmt.replace(/%([%abdeHIMmpSTyYDRF])/g, (_, c: string) => {
    switch (c) {
      case "%": return "%";
      case "a": return DAYS[date.getDay()]!;
      case "b": return MONTHS[date.getMonth()]!;
      case "d": return pad(date.getDate());
      case "e": return String(date.getDate()).padStart(2, " ");
      case "H": return pad(date.getHours());
      case "I": return pad(hour12(date));
      case "M": return pad(date.getMinutes());
      case "m": return pad(date.getMonth() + 1);
      case "p": return date.getHours() < 12 ? "AM" : "PM";
      case "S": return pad(date.getSeconds());
      case "T": return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
      case "y": return pad(date.getFullYear() % 100);
      case "Y": return String(date.getFullYear());
      case "D": return `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${pad(date.getFullYear() % 100)}`;
      case "R": return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
      default: return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`; // %F
    }
  });
}

/** Protects text an escape produced from the expansions that follow. */
function quoted(text: string): string {
  return text.replace(/[\\$`]/g, "\\$&");
}

/** Replaces the prompt's backslash escapes; what they produce is quoted against expansion. */
export function decodePromptEscapes(ps: string, ctx: PromptContext, now = new Date()): string {
  const get = ctx.get;
  let out = "";
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== "\\" || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const e = ps[++i]!;
    const octal = /^[0-7]{3}/.exec(ps.slice(i, i + 3));
    if (octal !== null) {
      out += quoted(String.fromCharCode(parseInt(octal[0], 8)));
      i += 2;
      continue;
    }
    const cwd = get("PWD") ?? ctx.cwd;
    switch (e) {
      case "a": out += "\x07"; break;
      case "e": out += "\x1b"; break;
      case "n": out += "\n"; break;
      case "r": out += "\r"; break;
      case "\\": out += "\\\\"; break;
      case "$": out += "\\$"; break;
      case "[": case "]": break;
      case "w": out += quoted(tildeDir(cwd, get("HOME"))); break;
      case "W": {
        const dir = tildeDir(cwd, get("HOME"));
        out += quoted(dir === "/" || dir === "~" ? dir : dir.slice(dir.lastIndexOf("/") + 1));
        break;
      }
      case "u": out += quoted(get("USER") ?? get("LOGNAME") ?? "user"); break;
      case "h": out += quoted((get("HOSTNAME") ?? "localhost").split(".")[0]!); break;
      case "H": out += quoted(get("HOSTNAME") ?? "localhost"); break;
      case "s": out += quoted(ctx.arg0.slice(ctx.arg0.lastIndexOf("/") + 1)); break;
      case "v": out += VERSION; break;
      case "V": out += RELEASE; break;
      case "j": out += String(ctx.jobs); break;
      case "!": case "#": out += String(ctx.command); break;
      case "l": out += "tty"; break;
      case "t": out += strftime("%T", now); break;
      case "T": out += `${pad(hour12(now))}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`; break;
      case "@": out += `${pad(hour12(now))}:${pad(now.getMinutes())} ${now.getHours() < 12 ? "AM" : "PM"}`; break;
      case "A": out += strftime("%R", now); break;
      case "d": out += `${DAYS[now.getDay()]} ${MONTHS[now.getMonth()]} ${pad(now.getDate())}`; break;
      case "D": {
        const close = ps.indexOf("}", i);
        if (ps[i + 1] !== "{" || close < 0) {
          out += "\\\\D";
          break;
        }
        out += quoted(strftime(ps.slice(i + 2, close), now));
        i = close;
        break;
      }
      default: out += `\\\\${quoted(e)}`;
    }
  }
  return out;
}

/**
 * The prompt string `ps` expanded, ready to print. A malformed expansion,
 * one that fails, or a Ctrl-C while it runs leaves it unexpanded.
 */
export async function expandPrompt(ps: string, sh: Interpreter, counters: PromptCounters): Promise<string> {
  const state = sh.state;
  const ctx: PromptContext = { ...counters, get: (name) => state.get(name), cwd: sh.ki.getcwd(sh.pid), arg0: state.arg0 };
  const decoded = decodePromptEscapes(ps, ctx);
  const status = state.lastStatus;
  try {
    return await expandString(sh, parseExpandableText(decoded));
  } catch (err) {
    const failed = err instanceof ShellSyntaxError || err instanceof ShellFatal || err instanceof CommandFailure || err instanceof InterruptSignal;
    if (failed) return decoded.replace(/\\([\\$`])/g, "$1");
    throw err;
  } finally {
    state.lastStatus = status;
  }
}
