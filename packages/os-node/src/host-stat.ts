/**
 * `VfsStat` from a host `fs.Stats`, and the directory-entry type of a host
 * `Dirent`. Values pass through unchanged (the host's device and inode
 * numbers, its owner ids); only the shape changes.
 */
import type { Dirent, Stats } from "node:fs";
import type { FileType, VfsStat } from "@secure-exec/kernel";

/** The kernel's view of host metadata. */
export function hostStat(st: Stats): VfsStat {
  return {
    dev: st.dev,
    ino: st.ino,
    mode: st.mode,
    nlink: st.nlink,
    uid: st.uid,
    gid: st.gid,
    size: st.size,
    atimeMs: st.atimeMs,
    mtimeMs: st.mtimeMs,
    ctimeMs: st.ctimeMs,
    birthtimeMs: st.birthtimeMs,
  };
}

/** The kernel's file type for a host directory entry, without following it. */
export function direntType(entry: Dirent): FileType {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "directory";
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isFIFO()) return "pipe";
  if (entry.isCharacterDevice()) return "chardev";
  if (entry.isSocket()) return "socket";
  return "unknown";
}

/** Seconds for Node's time arguments, nudged so libuv's truncation to microseconds keeps `ms` exact. */
export function hostSeconds(ms: number): number {
  return (ms + 0.0005) / 1000;
}
