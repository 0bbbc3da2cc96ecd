/**
 * `VfsStat` for a memfs inode, and the file type a directory entry reports.
 * Directories report size 4096 (as ext4 does); a symlink's size is the byte
 * length of its target, as POSIX asks.
 */
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type FileType, type VfsStat } from "@secure-exec/kernel";
import type { Inode } from "./memfs-types.js";

const encoder = new TextEncoder();

/** The metadata of `node`, with `dev` identifying the file system it lives in. */
export function inodeStat(node: Inode, dev: number): VfsStat {
  const type = node.mode & S_IFMT;
  const size = type === S_IFDIR ? 4096 : type === S_IFLNK ? encoder.encode(node.symlink).length : node.getSize();
  return {
    dev,
    ino: node.ino,
    mode: node.mode,
    nlink: node.nlink,
    uid: node.uid,
    gid: node.gid,
    size,
    atimeMs: node.atime.getTime(),
    mtimeMs: node.mtime.getTime(),
    ctimeMs: node.ctime.getTime(),
    birthtimeMs: node.btime.getTime(),
  };
}

/** The directory-entry type of `node`. */
export function inodeFileType(node: Inode): FileType {
  switch (node.mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "symlink";
    default:
      return "unknown";
  }
}
