/**
 * What the page puts on `window.secureExec` for the test to drive, in
 * values that cross `page.evaluate` (plain data only). Shared by the page
 * and the test, so both agree on the shape.
 */

/** How the page composes its kernel, chosen by the `compose` query parameter. */
export type Composition = "readme" | "bundled";

/** Options of one `exec`, as the page accepts them. */
export interface PageExecOptions {
  /** Milliseconds before the kernel kills the command (`timeout` of `kernel.exec`). */
  timeout?: number;
  /** Bytes written to the command's stdin, then closed. */
  stdin?: string;
}

/** What one `kernel.exec` came to, resolved or rejected. */
export interface ExecOutcome {
  /** The exit status; null when exec rejected. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The rejection (name, errno code, message) when exec rejected; output is what was captured before it. */
  error: { name: string; code: string; message: string } | null;
  /** Wall-clock milliseconds from the call to its outcome, measured in the page. */
  elapsedMs: number;
}

/** The page's API. */
export interface SecureExecPage {
  /** "booting" until the kernel is composed, then "ready", or "failed" (see `bootError`). */
  state: "booting" | "ready" | "failed";
  /** Why composing failed, when `state` is "failed". */
  bootError: string | null;
  /** The composition the page used. */
  composition: Composition;
  /** Runs `line` with `kernel.exec`. */
  exec(line: string, options?: PageExecOptions): Promise<ExecOutcome>;
  /** The text of a file in the kernel's VFS. */
  readFile(path: string): Promise<string>;
  /** Names of the workers started and not terminated (see worker-census.ts), sorted. */
  liveWorkers(): string[];
  /** Disposes the kernel; resolves with the workers still live at that instant (none, if dispose kept its promise). */
  dispose(): Promise<string[]>;
}

declare global {
  interface Window {
    secureExec?: SecureExecPage;
  }
}
