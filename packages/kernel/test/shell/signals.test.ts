import { describe, expect, it } from "vitest";
import { SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGUSR1 } from "../../src/constants.js";
import { ShellSignals } from "../../src/shell/signals.js";
import { ShellState } from "../../src/shell/state.js";
import type { KernelInterface } from "../../src/types.js";

/** A shell's signals over a kernel that only records kill calls. */
function shellSignals(setup: (state: ShellState) => void = () => {}) {
  const kills: [number, number, number][] = [];
  const ki = { kill: (pid: number, target: number, signal: number) => void kills.push([pid, target, signal]) } as unknown as KernelInterface;
  const state = new ShellState();
  setup(state);
  return { signals: new ShellSignals(ki, 7, state), state, kills };
}

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("ShellSignals", () => {
  it("queues a trapped signal for its action, ignores one trapped with '', and leaves the rest to the kernel", () => {
    const { signals } = shellSignals((state) => {
      state.traps.set("USR1", "echo caught");
      state.traps.set("HUP", "");
    });
    expect(signals.handle(SIGUSR1)).toBe(true);
    expect(signals.handle(SIGHUP)).toBe(true);
    expect(signals.handle(SIGTERM)).toBe(false);
    expect(signals.due).toBe(true);
    expect(signals.takeQueued()).toEqual([SIGUSR1]);
    expect(signals.due).toBe(false);
  });

  it("wakes a wait when a caught signal arrives, and is already awake while one is pending", () => {
    const { signals } = shellSignals((state) => state.traps.set("USR1", "echo caught"));
    const wakeup = signals.wakeup;
    expect(wakeup.aborted).toBe(false);
    signals.handle(SIGUSR1);
    expect(wakeup.aborted).toBe(true);
    expect(signals.wakeup.aborted).toBe(true);
    expect(signals.pendingSignal()).toBe(SIGUSR1);
    signals.takeQueued();
    expect(signals.wakeup.aborted).toBe(false);
  });

  it("makes a background job ignore SIGINT and SIGQUIT unless it traps them", () => {
    const { signals, state } = shellSignals((s) => (s.asyncJob = true));
    expect(signals.handle(SIGINT)).toBe(true);
    expect(signals.handle(SIGQUIT)).toBe(true);
    expect(signals.due).toBe(false);
    state.traps.set("INT", "echo job caught");
    expect(signals.handle(SIGINT)).toBe(true);
    expect(signals.takeQueued()).toEqual([SIGINT]);
    expect(signals.handle(SIGTERM)).toBe(false);
  });

  it("makes an interactive shell ignore SIGTERM and SIGQUIT and turn SIGINT into an interrupt", () => {
    const { signals } = shellSignals((state) => (state.interactive = true));
    expect(signals.handle(SIGTERM)).toBe(true);
    expect(signals.handle(SIGQUIT)).toBe(true);
    expect(signals.due).toBe(false);
    expect(signals.handle(SIGINT)).toBe(true);
    expect(signals.due).toBe(true);
    expect(signals.takeInterrupt()).toBe(true);
    expect(signals.takeInterrupt()).toBe(false);
    expect(signals.handle(SIGHUP)).toBe(false);
  });

  it("passes an interactive shell's SIGINT on to its foreground groups, and interrupts only if a job died of it", async () => {
    const { signals, kills } = shellSignals((state) => (state.interactive = true));
    const group = signals.groupFor(false, undefined);
    expect(group).toEqual({ pgid: 0 });
    signals.started(20, group);
    signals.started(21, signals.groupFor(false, 20));
    expect(signals.groupFor(true, undefined)).toEqual({});
    signals.handle(SIGINT);
    await microtask();
    expect(kills).toEqual([[7, -20, SIGINT]]);
    expect(signals.due).toBe(false);
    signals.finished(20, 0);
    signals.finished(21, 128 + SIGINT);
    expect(signals.takeInterrupt()).toBe(true);
  });

  it("lets the line go on when the foreground job handled SIGINT and exited otherwise", () => {
    const { signals } = shellSignals((state) => (state.interactive = true));
    signals.started(30, signals.groupFor(false, undefined));
    signals.handle(SIGINT);
    signals.finished(30, 5);
    expect(signals.due).toBe(false);
    expect(signals.takeInterrupt()).toBe(false);
  });

  it("gives a shell with an EXIT trap a chance to run it before a fatal signal ends it, except SIGPIPE", () => {
    const { signals } = shellSignals((state) => state.traps.set("EXIT", "echo bye"));
    expect(signals.handle(SIGPIPE)).toBe(false);
    expect(signals.handle(SIGTERM)).toBe(true);
    expect(signals.handle(SIGHUP)).toBe(true);
    expect(signals.pendingSignal()).toBe(SIGTERM);
    expect(signals.takeFatal()).toBe(SIGTERM);
    expect(signals.due).toBe(false);
  });

  it("gives a non-interactive shell's children no process group of their own", () => {
    const { signals } = shellSignals();
    expect(signals.groupFor(false, undefined)).toEqual({});
  });
});
