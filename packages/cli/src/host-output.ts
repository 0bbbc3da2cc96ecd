/**
 * Job output on the host's stdout and stderr. Bytes are written as they
 * come; when the host reader goes away (EPIPE, as in
 * `secure-exec -c 'yes' | head -n 1`), the caller hears of it once, so it can
 * end the job as SIGPIPE would, and nothing more is written.
 */

/**
 * A callback writing a job's output to `stream` (through `write`, when
 * something else draws on it); `onBroken` runs once if the reader has gone.
 */
export function forwardTo(
  stream: NodeJS.WriteStream,
  onBroken: () => void,
  write: (data: Uint8Array) => void = (data) => stream.write(data),
): (data: Uint8Array) => void {
  let broken = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    if (err.code === "EPIPE") onBroken();
  });
  return (data) => {
    if (!broken) write(data);
  };
}

/** Resolves once everything written to `stream` so far has been handed to the OS (or the stream has failed). */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write("", () => resolve());
  });
}
