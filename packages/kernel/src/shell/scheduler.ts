/**
 * Keeps the shell from holding the event loop. Shell code that never does
 * I/O (`while :; do :; done`) would only ever await resolved promises,
 * which starves timers and I/O; `yieldIfDue` gives a real macrotask to await
 * whenever the current slice of continuous work exceeds `SLICE_MS`. The
 * slice clock is shared by every shell process on the thread.
 */

/** Longest stretch of continuous work before yielding, in milliseconds. */
export const SLICE_MS = 3;

/** When the current slice began; a slice ends when the event loop gets a turn. */
let sliceStart = 0;
let sliceOpen = false;

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

function scheduleMacrotask(fn: () => void): void {
  if (typeof setImmediate === "function") setImmediate(fn);
  else setTimeout(fn, 0);
}

function closeSlice(): void {
  sliceOpen = false;
}

/** Resolves on a later turn of the event loop (after pending I/O and timers get a chance). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => scheduleMacrotask(resolve));
}

/**
 * A macrotask to await if this turn of the event loop has run shell code
 * for too long, otherwise null (so the common case allocates nothing). The
 * first call in a turn starts the clock and arranges for it to stop when
 * the loop next gets control.
 */
export function yieldIfDue(): Promise<void> | null {
  if (!sliceOpen) {
    sliceOpen = true;
    sliceStart = now();
    scheduleMacrotask(closeSlice);
    return null;
  }
  return now() - sliceStart < SLICE_MS ? null : macrotask();
}
