/**
 * The command line of `secure-exec`: what each flag means, how its value is
 * read, and the usage text. `parseOptions` turns argv into `CliOptions` or
 * throws a `UsageError` whose message names the bad flag; the caller prints
 * it with the usage and exits 2.
 */

/** A host folder to mount into the sandbox. */
export interface MountSpec {
  /** The host folder, as given. */
  hostPath: string;
  /** The absolute guest path it appears at. */
  guestPath: string;
  /** Whether the guest may only read it. */
  readOnly: boolean;
}

/** What the command line asked for. */
export interface CliOptions {
  /** `-c`: the command line to run, or null for a shell session. */
  command: string | null;
  /** Words after `-c CMD`: `$0` and then the positional parameters. */
  commandArgs: string[];
  /** `-i`: run the interactive shell even when stdin is not a terminal. */
  interactive: boolean;
  /** `--mount`: host folders to mount. */
  mounts: MountSpec[];
  /** `--timeout`: milliseconds the command (or each interactive foreground job) may run, or null. */
  timeoutMs: number | null;
  /** `--memory`: per-process memory cap in bytes, or null for the drivers' defaults. */
  memoryBytes: number | null;
  /** `--env`: variables added to (or replacing) the sandbox's environment. */
  env: Record<string, string>;
  /** `--cwd`: the working directory, or null for the default. */
  cwd: string | null;
  /** `--help`. */
  help: boolean;
  /** `--version`. */
  version: boolean;
}

/** A command line that cannot be honoured; the message names the flag. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The usage text `--help` prints (and bad flags print to stderr). */
export const USAGE = `Usage: secure-exec [OPTION]... [-c COMMAND [NAME [ARG]...]]
Run shell commands in a secure-exec sandbox: an in-memory file system with
the WASI commands, node/qjs on QuickJS and myecho mounted, and nothing of the
host unless you mount it.

With no -c and stdin a terminal (or with -i), open an interactive shell.
With no -c and stdin not a terminal, run stdin as a shell script.

  -c COMMAND             run COMMAND and exit with its status; stdin, stdout
                           and stderr are passed through
  -i, --interactive      interactive shell even if stdin is not a terminal
      --mount HOST:GUEST[:ro]
                         mount host folder HOST at absolute GUEST path
                           (read-only with :ro); repeatable
      --timeout DURATION kill the command after DURATION (seconds, or with
                           a suffix ms, s, m, h); exit status 124; in the
                           interactive shell, each foreground job
      --memory SIZE      cap each process's memory at SIZE (bytes, or with a
                           suffix K, M, G; at least 4M)
      --env NAME=VALUE   set a variable in the sandbox; repeatable
      --cwd DIR          start in DIR (default /home/user)
  -h, --help             print this help and exit
      --version          print the version and exit

Exit status: the command's status; 124 on timeout; 2 on bad usage.
`;

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE_UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const MIN_MEMORY = 4 * 1024 * 1024;

/** Reads a duration: seconds by default, or with a unit suffix. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)?$/.exec(text);
  const ms = match ? Number(match[1]) * DURATION_UNITS[match[2] ?? "s"]! : NaN;
  if (!(ms > 0)) throw new UsageError(`invalid duration '${text}' for --timeout (try 10, 2.5s, 500ms or 1m)`);
  return Math.ceil(ms);
}

/** Reads a size in bytes: a count, or with a binary unit suffix (K, M, G, optionally followed by B or iB). */
export function parseSize(text: string): number {
  const match = /^(\d+)(?:([kmg])(?:i?b)?|b)?$/i.exec(text);
  if (!match) throw new UsageError(`invalid size '${text}' for --memory (try 64M or 1G)`);
  const bytes = Number(match[1]) * SIZE_UNITS[(match[2] ?? "").toLowerCase()]!;
  if (bytes < MIN_MEMORY) throw new UsageError(`--memory ${text} is below the minimum of 4M`);
  return bytes;
}

/** Reads `HOST:GUEST[:ro]`; the guest path is absolute and not "/". */
export function parseMount(text: string): MountSpec {
  let rest = text;
  let readOnly = false;
  const mode = /:(ro|rw)$/.exec(rest);
  if (mode) {
    readOnly = mode[1] === "ro";
    rest = rest.slice(0, -mode[0].length);
  }
  const colon = rest.lastIndexOf(":");
  const hostPath = colon > 0 ? rest.slice(0, colon) : "";
  const guestPath = colon > 0 ? rest.slice(colon + 1) : "";
  if (hostPath === "" || guestPath === "") throw new UsageError(`invalid mount '${text}' (use HOST:GUEST or HOST:GUEST:ro)`);
  if (!guestPath.startsWith("/") || guestPath.split("/").every((part) => part === "" || part === ".")) {
    throw new UsageError(`invalid mount '${text}': the guest path must be absolute and not /`);
  }
  return { hostPath, guestPath, readOnly };
}

function parseEnv(text: string): [string, string] {
  const eq = text.indexOf("=");
  const name = eq > 0 ? text.slice(0, eq) : "";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`invalid variable '${text}' for --env (use NAME=VALUE)`);
  return [name, text.slice(eq + 1)];
}

/** Flags that take a value, and what to do with it. */
const VALUE_FLAGS: Record<string, (options: CliOptions, value: string) => void> = {
  "--mount": (o, v) => o.mounts.push(parseMount(v)),
  "--timeout": (o, v) => (o.timeoutMs = parseDuration(v)),
  "--memory": (o, v) => (o.memoryBytes = parseSize(v)),
  "--env": (o, v) => {
    const [name, value] = parseEnv(v);
    o.env[name] = value;
  },
  "--cwd": (o, v) => {
    if (!v.startsWith("/")) throw new UsageError(`--cwd needs an absolute path, not '${v}'`);
    o.cwd = v;
  },
};

/** Flags that take no value. */
const SWITCHES: Record<string, (options: CliOptions) => void> = {
  "-i": (o) => (o.interactive = true),
  "--interactive": (o) => (o.interactive = true),
  "-h": (o) => (o.help = true),
  "--help": (o) => (o.help = true),
  "--version": (o) => (o.version = true),
};

/** Parses `secure-exec`'s arguments (without the node and script paths). */
export function parseOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: null, commandArgs: [], interactive: false, mounts: [], timeoutMs: null,
    memoryBytes: null, env: {}, cwd: null, help: false, version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-c") {
      if (i + 1 >= argv.length) throw new UsageError("option '-c' requires an argument");
      options.command = argv[i + 1]!;
      options.commandArgs = argv.slice(i + 2);
      break;
    }
    const switchFlag = SWITCHES[arg];
    if (switchFlag) {
      switchFlag(options);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = VALUE_FLAGS[flag];
    if (takeValue) {
      if (eq < 0 && i + 1 >= argv.length) throw new UsageError(`option '${flag}' requires an argument`);
      takeValue(options, eq > 0 ? arg.slice(eq + 1) : argv[++i]!);
      continue;
    }
    if (arg.startsWith("-")) throw new UsageError(`unrecognized option '${arg}'`);
    throw new UsageError(`unexpected argument '${arg}' (to run a command, use -c '${arg}')`);
  }
  return options;
}
