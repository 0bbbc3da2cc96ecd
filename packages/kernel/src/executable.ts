/**
 * Finding what runs a command: a bare name through the command registry; a
 * path through the file system, where a missing /bin/NAME (or /usr/bin/NAME
 * ...) still names the registered command, a `#!` line names an
 * interpreter, a driver may claim the file by its first bytes
 * (`canExecute`), and anything else runs as a shell script, as POSIX shells
 * do with ENOEXEC.
 */
import { O_RDONLY, S_IFDIR, S_IFMT } from "./constants.js";
import { KernelError, isKernelError } from "./errors.js";
import type { CommandRegistry } from "./command-registry.js";
import type { RuntimeDriver } from "./types.js";
import type { KernelFileSystem } from "./vfs/kernel-fs.js";
import { absolutePath, basenamePath, dirnamePath, normalizePath } from "./vfs/path.js";

/** Directories whose entries resolve to registered commands. */
const COMMAND_DIRS = new Set(["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin"]);
/** How many #! interpreters may chain. */
const MAX_INTERPRETER_DEPTH = 4;
/** How much of a file is read to recognise its format. */
const HEADER_BYTES = 256;

/** What a command resolves to: the driver, and the command and arguments it is given. */
export interface Executable {
  /** The driver that runs it. */
  driver: RuntimeDriver;
  /** The command name, or the file's path. */
  command: string;
  /** Arguments, with an interpreter's script path and option prepended. */
  args: string[];
}

/** Resolves commands against the registry, the file system and the mounted drivers. */
export class ExecutableResolver {
  constructor(
    private readonly fs: KernelFileSystem,
    private readonly registry: CommandRegistry,
    private readonly drivers: () => readonly RuntimeDriver[],
  ) {}

  /** Finds the driver for a command name or an executable path (relative to `cwd`). */
  resolve(command: string, args: string[], cwd: string, depth = 0): Executable {
    if (!command.includes("/")) {
      const driver = this.registry.get(command);
      if (!driver) throw new KernelError("ENOENT", "command not found", { syscall: "spawn", path: command });
      return { driver, command, args };
    }
    const path = absolutePath(cwd, command);
    const listed = this.fs.isCommandFile(path) ? this.registry.get(basenamePath(normalizePath(path))) : undefined;
    if (listed) return { driver: listed, command: basenamePath(normalizePath(path)), args };
    let mode: number;
    try {
      mode = this.fs.stat(path).mode;
    } catch (err) {
      const lexical = normalizePath(path);
      const byName = COMMAND_DIRS.has(dirnamePath(lexical)) ? this.registry.get(basenamePath(lexical)) : undefined;
      if (byName && isKernelError(err, "ENOENT")) return { driver: byName, command: basenamePath(lexical), args };
      throw err;
    }
    if ((mode & S_IFMT) === S_IFDIR) throw new KernelError("EACCES", "is a directory", { syscall: "spawn", path: command });
    if ((mode & 0o111) === 0) throw new KernelError("EACCES", undefined, { syscall: "spawn", path: command });
    const header = this.readHeader(path);
    if (header[0] === 0x23 && header[1] === 0x21) return this.interpreted(header, command, args, cwd, depth);
    const drivers = this.drivers();
    for (let i = drivers.length - 1; i >= 0; i--) {
      if (drivers[i].canExecute?.(header, path)) return { driver: drivers[i], command: path, args };
    }
    const shell = this.registry.get("sh");
    if (!shell) throw new KernelError("ENOEXEC", undefined, { syscall: "spawn", path: command });
    return { driver: shell, command: "sh", args: [command, ...args] };
  }

  /** `#!INTERPRETER [ONE-ARGUMENT]`: runs the interpreter with the script's path. */
  private interpreted(header: Uint8Array, command: string, args: string[], cwd: string, depth: number): Executable {
    if (depth >= MAX_INTERPRETER_DEPTH) throw new KernelError("ELOOP", "too many #! interpreters", { syscall: "spawn", path: command });
    const end = header.indexOf(10);
    const line = new TextDecoder().decode(header.subarray(2, end < 0 ? header.length : end)).trim();
    const space = line.search(/[ \t]/);
    const interpreter = space < 0 ? line : line.slice(0, space);
    const optional = space < 0 ? "" : line.slice(space).trim();
    if (!interpreter) throw new KernelError("ENOEXEC", "empty #! line", { syscall: "spawn", path: command });
    return this.resolve(interpreter, [...(optional ? [optional] : []), command, ...args], cwd, depth + 1);
  }

  private readHeader(path: string): Uint8Array {
    const { object } = this.fs.open(path, O_RDONLY, 0);
    try {
      return object.read(HEADER_BYTES, 0) as Uint8Array;
    } finally {
      object.release();
    }
  }
}
