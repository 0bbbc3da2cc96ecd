/**
 * Cancelling a waiter when its process's AbortSignal aborts: the pipe's
 * waiting reads, writes and readiness waits use it. The listener is
 * detached once the waiter settles either way, so a long-lived process's
 * signal does not collect one listener per blocking call.
 */

/** Removes `item` from `list`; returns whether it was there. */
export function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

/**
 * Runs `cancel` if `signal` aborts while `waiter` waits, and detaches the
 * listener once the waiter settles either way, so a long-lived process's
 * signal does not collect one listener per blocking call.
 */
export function cancelOnAbort(
  signal: AbortSignal | undefined,
  waiter: { resolve: (value: never) => void; reject?: (err: unknown) => void },
  cancel: () => void,
): void {
  if (!signal) return;
  if (signal.aborted) {
    queueMicrotask(cancel);
    return;
  }
  signal.addEventListener("abort", cancel, { once: true });
  const detach = () => signal.removeEventListener("abort", cancel);
  const { resolve, reject } = waiter;
  waiter.resolve = ((value: never) => {
    detach();
    resolve(value);
  }) as never;
  if (reject) {
    waiter.reject = (err: unknown) => {
      detach();
      reject(err);
    };
  }
}
