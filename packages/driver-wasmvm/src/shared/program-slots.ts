/**
 * Which compiled programs a worker holds. The kernel thread and the worker
 * each keep one of these and update it with every module-carrying message,
 * in the same order, so both agree on what the worker has without asking:
 * the kernel thread leaves the module out of messages for programs the
 * worker holds.
 */
import { WORKER_PROGRAM_SLOTS } from "./messages.js";

/** The last few programs sent to one worker, most recent last. */
export class ProgramSlots<T> {
  private readonly slots = new Map<number, T>();

  /** Whether program `id` is held. */
  has(id: number): boolean {
    return this.slots.has(id);
  }

  /** The value held for program `id`. */
  get(id: number): T | undefined {
    return this.slots.get(id);
  }

  /** Records that program `id` was sent, dropping the oldest beyond the limit. */
  add(id: number, value: T): void {
    this.slots.delete(id);
    this.slots.set(id, value);
    if (this.slots.size > WORKER_PROGRAM_SLOTS) this.slots.delete(this.slots.keys().next().value!);
  }
}
