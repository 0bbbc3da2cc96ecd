/**
 * The driver contract suite: the seed's checklist as tests any RuntimeDriver
 * runs (`defineDriverContractTests`). Each case mounts the driver on a fresh
 * kernel over a file system from the caller's factory (the kit depends on no
 * OS package). A driver that cannot honour a case lists it in `skip` with
 * the reason; a skip naming no case is an error.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createKernel, type Kernel } from "../kernel.js";
import type { DriverProcess, ProcessContext, RuntimeDriver } from "../types.js";
import type { VirtualFileSystem } from "../vfs/types.js";

/** A command line for the driver: command name and arguments. */
export interface DriverInvocation {
  /** A command the driver registers. */
  command: string;
  /** Its arguments. */
  args?: string[];
}

/** Options of `defineDriverContractTests`. */
export interface DriverContractOptions {
  /** A fresh, uninitialized driver for each case. */
  createDriver: () => RuntimeDriver;
  /** A fresh root file system for each case's kernel. */
  createFileSystem: () => VirtualFileSystem;
  /** A command that exits 0 on its own, soon. */
  run: DriverInvocation & {
    /** Its exact stdout, when it is deterministic. */
    stdout?: string;
  };
  /** A command that keeps running until killed (default: `run`, killed before it can finish). */
  longRunning?: DriverInvocation;
  /** Other drivers to mount beside this one for the "beside other drivers" cases. */
  otherDrivers?: () => RuntimeDriver[];
  /** Cases not run, by name, each with the reason. */
  skip?: Record<string, string>;
}

const encoder = new TextEncoder();

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function line(inv: DriverInvocation): string {
  return [inv.command, ...(inv.args ?? [])].map(quote).join(" ");
}

/** Wraps a driver so the cases can count `onExit` calls on every process it spawns. */
function countingExits(driver: RuntimeDriver, calls: number[][]): RuntimeDriver {
  return new Proxy(driver, {
    get(target, key, receiver) {
      if (key !== "spawn") return Reflect.get(target, key, receiver);
      return (command: string, args: string[], ctx: ProcessContext): DriverProcess => {
        const proc = target.spawn(command, args, ctx);
        const seen: number[] = [];
        calls.push(seen);
        let wired: DriverProcess["onExit"] = proc.onExit;
        Object.defineProperty(proc, "onExit", {
          configurable: true,
          get: () => (wired ? (code: number) => (seen.push(code), wired!(code)) : null),
          set: (fn: DriverProcess["onExit"]) => (wired = fn),
        });
        return proc;
      };
    },
  });
}

/** Registers the driver contract cases for one driver in the current vitest file. */
export function defineDriverContractTests(name: string, options: DriverContractOptions): void {
  const skip = options.skip ?? {};
  const kernels: Kernel[] = [];
  const cases = new Map<string, () => Promise<void>>();
  const kernelWith = async (...drivers: RuntimeDriver[]): Promise<Kernel> => {
    const kernel = createKernel({ filesystem: options.createFileSystem(), onWarning: () => {} });
    kernels.push(kernel);
    for (const driver of drivers) await kernel.mount(driver);
    return kernel;
  };
  const run = options.run;
  const long = options.longRunning ?? run;

  cases.set("name is a non-empty string and commands lists non-empty, unique names", async () => {
    const driver = options.createDriver();
    await kernelWith(driver);
    expect(typeof driver.name).toBe("string");
    expect(driver.name.length).toBeGreaterThan(0);
    expect(driver.commands.length).toBeGreaterThan(0);
    expect(new Set(driver.commands).size).toBe(driver.commands.length);
    for (const command of driver.commands) expect(command).toMatch(/^[^\s/]+$/);
    expect(driver.commands).toContain(run.command);
  });

  cases.set("init throws when called twice without dispose", async () => {
    const driver = options.createDriver();
    const kernel = await kernelWith(driver);
    const again = createKernel({ filesystem: options.createFileSystem(), onWarning: () => {} });
    kernels.push(again);
    await expect(again.mount(driver)).rejects.toThrow();
    expect(kernel.commands.get(run.command)).toBe(driver.name);
  });

  cases.set("spawn throws when called before init", async () => {
    const driver = options.createDriver();
    const ctx: ProcessContext = {
      pid: 1, ppid: 0, env: {}, cwd: "/", fds: { stdin: 0, stdout: 1, stderr: 2 },
      onStdout: () => {}, onStderr: () => {},
    };
    expect(() => driver.spawn(run.command, run.args ?? [], ctx)).toThrow();
  });

  cases.set("spawn returns a DriverProcess synchronously", async () => {
    const driver = options.createDriver();
    let returned: unknown;
    const spy = new Proxy(driver, {
      get(target, key, receiver) {
        if (key !== "spawn") return Reflect.get(target, key, receiver);
        return (command: string, args: string[], ctx: ProcessContext) => (returned = target.spawn(command, args, ctx));
      },
    });
    const kernel = await kernelWith(spy);
    const handle = kernel.spawn(run.command, run.args ?? []);
    expect(returned).not.toBeInstanceOf(Promise);
    for (const method of ["writeStdin", "closeStdin", "kill", "wait"] as const) {
      expect(typeof (returned as DriverProcess)[method]).toBe("function");
    }
    expect(await handle.wait()).toBe(0);
  });

  cases.set("the command runs alone and exits 0 with its output on fd 1", async () => {
    const kernel = await kernelWith(options.createDriver());
    const result = await kernel.exec(line(run));
    expect(result.exitCode).toBe(0);
    if (run.stdout !== undefined) expect(result.stdout).toBe(run.stdout);
  });

  cases.set("its output goes through fd 1, so a redirect captures it in a file", async () => {
    const kernel = await kernelWith(options.createDriver());
    const result = await kernel.exec(`${line(run)} > /contract-out.txt`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    if (run.stdout !== undefined) {
      expect(new TextDecoder().decode(await kernel.readFile("/contract-out.txt"))).toBe(run.stdout);
    }
  });

  cases.set("the command runs beside other drivers, and theirs keep working", async () => {
    const others = options.otherDrivers?.() ?? [];
    const kernel = await kernelWith(...others, options.createDriver());
    const result = await kernel.exec(`${line(run)}; echo kernel-shell`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.endsWith("kernel-shell\n")).toBe(true);
    if (run.stdout !== undefined) expect(result.stdout).toBe(`${run.stdout}kernel-shell\n`);
  });

  cases.set("kill(signal) resolves the exit with 128 + signal", async () => {
    const kernel = await kernelWith(options.createDriver());
    for (const signal of [9, 15]) {
      const handle = kernel.spawn(long.command, long.args ?? []);
      handle.kill(signal);
      expect(await handle.wait()).toBe(128 + signal);
    }
  });

  cases.set("onExit fires exactly once, for a normal exit and for a kill", async () => {
    const calls: number[][] = [];
    const kernel = await kernelWith(countingExits(options.createDriver(), calls));
    const normal = kernel.spawn(run.command, run.args ?? []);
    expect(await normal.wait()).toBe(0);
    const killed = kernel.spawn(long.command, long.args ?? []);
    killed.kill(15);
    await killed.wait();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.length).toBe(2);
    expect(calls[0]).toEqual([0]);
    expect(calls[1].length).toBeLessThanOrEqual(1);
  });

  cases.set("stdin written through the kernel reaches the process or is refused cleanly", async () => {
    const kernel = await kernelWith(options.createDriver());
    const handle = kernel.spawn(run.command, run.args ?? []);
    handle.writeStdin(encoder.encode("input\n"));
    handle.closeStdin();
    expect(await handle.wait()).toBe(0);
  });

  cases.set("dispose ends running processes and the kernel refuses further calls", async () => {
    const kernel = await kernelWith(options.createDriver());
    const handle = kernel.spawn(long.command, long.args ?? []);
    await kernel.dispose();
    expect(handle.exitCode).not.toBeNull();
    expect(() => kernel.spawn(run.command, run.args ?? [])).toThrow(/ESHUTDOWN/);
  });

  for (const skipped of Object.keys(skip)) {
    if (!cases.has(skipped)) throw new Error(`driver contract skip list names no case: ${skipped}`);
  }

  describe(`driver contract: ${name}`, () => {
    afterEach(async () => {
      await Promise.all(kernels.splice(0).map((k) => k.dispose()));
    });
    for (const [title, body] of cases) {
      if (skip[title]) it.skip(`${title} (skipped: ${skip[title]})`, body);
      else it(title, body);
    }
  });
}
