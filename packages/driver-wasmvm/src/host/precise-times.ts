/**
 * Nanosecond timestamps beside a file system that stores milliseconds.
 * When a guest sets a file's times, the exact values are remembered next to
 * what the VFS actually stored; a later stat that still shows the stored
 * value reports the exact one, so a guest reads back what it wrote. A
 * change by anyone else shows as a different stored value and wins. One
 * table per runtime, bounded, keyed by device and inode.
 */
import type { VfsStat } from "@secure-exec/kernel";
import { msToNs } from "../shared/time.js";

interface Entry {
  atimeMs: number;
  atimeNs: bigint | undefined;
  mtimeMs: number;
  mtimeNs: bigint | undefined;
}

/** Exact times guests set, by file. */
export class PreciseTimes {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit = 4096) {}

  /** After a guest set times: `stored` is the file's stat now; the ns values are what the guest asked for (undefined: not set exactly). */
  remember(stored: VfsStat, atimeNs: bigint | undefined, mtimeNs: bigint | undefined): void {
    const key = `${stored.dev}:${stored.ino}`;
    const old = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, {
      atimeMs: stored.atimeMs,
      atimeNs: atimeNs ?? (old && old.atimeMs === stored.atimeMs ? old.atimeNs : undefined),
      mtimeMs: stored.mtimeMs,
      mtimeNs: mtimeNs ?? (old && old.mtimeMs === stored.mtimeMs ? old.mtimeNs : undefined),
    });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** atime, mtime and ctime of `stat` in nanoseconds, exact where a guest set them. */
  times(stat: VfsStat): bigint[] {
    const entry = this.entries.get(`${stat.dev}:${stat.ino}`);
    const atime = entry?.atimeNs !== undefined && entry.atimeMs === stat.atimeMs ? entry.atimeNs : msToNs(stat.atimeMs);
    const mtime = entry?.mtimeNs !== undefined && entry.mtimeMs === stat.mtimeMs ? entry.mtimeNs : msToNs(stat.mtimeMs);
    return [atime, mtime, msToNs(stat.ctimeMs)];
  }
}
