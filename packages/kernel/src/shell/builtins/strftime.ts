/**
 * strftime(3) for bash's `printf '%(format)T' [seconds]`, in UTC (the
 * sandbox has no time zone database). Covers the conversions scripts use
 * for timestamps; an unknown one is printed as written.
 */

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** Day of the year, 1-based. */
function yearDay(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** Formats `seconds` since the epoch by `format`. */
export function strftime(format: string, seconds: number): string {
  const d = new Date(seconds * 1000);
  const h = d.getUTCHours();
  const conv = (c: string): string | null => {
    switch (c) {
      case "Y": return String(d.getUTCFullYear());
      case "C": return two(Math.floor(d.getUTCFullYear() / 100));
      case "y": return two(d.getUTCFullYear() % 100);
      case "m": return two(d.getUTCMonth() + 1);
      case "d": return two(d.getUTCDate());
      case "e": return String(d.getUTCDate()).padStart(2, " ");
      case "H": return two(h);
      case "k": return String(h).padStart(2, " ");
      case "I": return two(h % 12 === 0 ? 12 : h % 12);
      case "l": return String(h % 12 === 0 ? 12 : h % 12).padStart(2, " ");
      case "M": return two(d.getUTCMinutes());
      case "S": return two(d.getUTCSeconds());
      case "p": return h < 12 ? "AM" : "PM";
      case "P": return h < 12 ? "am" : "pm";
      case "a": return DAYS[d.getUTCDay()]!.slice(0, 3);
      case "A": return DAYS[d.getUTCDay()]!;
      case "b": case "h": return MONTHS[d.getUTCMonth()]!.slice(0, 3);
      case "B": return MONTHS[d.getUTCMonth()]!;
      case "j": return String(yearDay(d)).padStart(3, "0");
      case "u": return String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
      case "w": return String(d.getUTCDay());
      case "s": return String(Math.floor(seconds));
      case "Z": return "UTC";
      case "z": return "+0000";
      case "n": return "\n";
      case "t": return "\t";
      case "%": return "%";
      case "F": return strftime("%Y-%m-%d", seconds);
      case "T": return strftime("%H:%M:%S", seconds);
      case "D": case "x": return strftime("%m/%d/%y", seconds);
      case "R": return strftime("%H:%M", seconds);
      case "r": return strftime("%I:%M:%S %p", seconds);
      case "X": return strftime("%H:%M:%S", seconds);
      case "c": return strftime("%a %b %e %H:%M:%S %Y", seconds);
      default: return null;
    }
  };
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== "%" || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const c = format[++i]!;
    out += conv(c) ?? "%" + c;
  }
  return out;
}
