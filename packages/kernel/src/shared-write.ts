/**
 * Writes whose bytes may lie in shared memory (a worker's bridge channel).
 * A pipe takes them as they are: it copies them into its buffer at once.
 * Any other object (a file system's file, a device, an output callback)
 * gets a private copy, since it may keep the bytes or decode them, which
 * browsers refuse for shared memory. The copy goes into one spare buffer
 * lent to a write until it settles (writes other than a pipe's finish at
 * once, so the spare is almost always free), so a stream of writes to a
 * file allocates nothing.
 */
import { copyBytes, copyOut, isSharedView } from "./bridge/copy.js";
import type { FileObject } from "./open-file.js";
import { PipeWriteEnd } from "./pipe.js";

/** The largest spare kept (a bridge channel's payload area); larger writes get a fresh copy. */
const MAX_SPARE = 1 << 20;

/** The spare buffer, or null while a write holds it. */
let spare: Uint8Array | null = new Uint8Array(0);

/** `object.write(data, ...)`, with `data` copied first when it lies in shared memory and `object` is not a pipe. */
export function writeObject(
  object: FileObject,
  data: Uint8Array,
  position: number,
  signal?: AbortSignal,
  nonblock?: boolean,
): number | Promise<number> {
  if (!isSharedView(data) || object instanceof PipeWriteEnd) return object.write(data, position, signal, nonblock);
  if (spare === null || data.length > MAX_SPARE) return object.write(copyOut(data), position, signal, nonblock);
  let buffer: Uint8Array = spare;
  spare = null;
  if (buffer.length < data.length) buffer = new Uint8Array(Math.min(MAX_SPARE, Math.max(data.length, 2 * buffer.length)));
  const copy = buffer.subarray(0, data.length);
  copyBytes(copy, data);
  const giveBack = () => {
    spare = buffer;
  };
  let result: number | Promise<number>;
  try {
    result = object.write(copy, position, signal, nonblock);
  } catch (error) {
    giveBack();
    throw error;
  }
  if (typeof result === "number") {
    giveBack();
    return result;
  }
  return result.finally(giveBack);
}
