/**
 * The command registry: command name → the driver that runs it. A later
 * mount that provides a name already registered replaces the earlier driver
 * for that name (and the kernel reports the replacement).
 */
import type { RuntimeDriver } from "./types.js";

/** A registered command replaced by a later mount. */
export interface CommandReplacement {
  /** The command name. */
  command: string;
  /** The driver that had it. */
  previous: string;
  /** The driver that has it now. */
  next: string;
}

/** Command names and the drivers that run them. */
export class CommandRegistry {
  private readonly commands = new Map<string, RuntimeDriver>();

  /** Registers every command of `driver`; returns the names it took from other drivers. */
  register(driver: RuntimeDriver): CommandReplacement[] {
    const replaced: CommandReplacement[] = [];
    for (const command of driver.commands) {
      const previous = this.commands.get(command);
      if (previous && previous !== driver) replaced.push({ command, previous: previous.name, next: driver.name });
      this.commands.set(command, driver);
    }
    return replaced;
  }

  /** Drops every command of `driver`. */
  unregister(driver: RuntimeDriver): void {
    for (const [command, owner] of this.commands) {
      if (owner === driver) this.commands.delete(command);
    }
  }

  /** The driver for `command`, or undefined. */
  get(command: string): RuntimeDriver | undefined {
    return this.commands.get(command);
  }

  /** Every command name with its driver's name, sorted by command. */
  list(): Map<string, string> {
    return new Map([...this.commands.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([c, d]) => [c, d.name]));
  }
}
