/**
 * `createInMemoryFileSystem()`: a fresh memfs tree with the directories a
 * Unix guest expects. The skeleton is "/" (0755) holding /bin, /dev, /etc,
 * /home/user, /tmp (1777, sticky and world-writable) and /usr/bin, all empty;
 * `{ empty: true }` gives a bare "/" instead, for a tree mounted elsewhere.
 * Every inode is owned by `uid`/`gid` (0 by default).
 */
import { S_IFDIR, type VirtualFileSystem } from "@secure-exec/kernel";
import { InMemoryFileSystem } from "./in-memory-file-system.js";
import { Superblock } from "./memfs-types.js";

/** Options of `createInMemoryFileSystem`. */
export interface InMemoryFileSystemOptions {
  /** Start with only "/" instead of the Unix skeleton. */
  empty?: boolean;
  /** Owner of every inode created (default 0). */
  uid?: number;
  /** Group of every inode created (default 0). */
  gid?: number;
}

/** The directories of a fresh tree and their permission bits, parents first. */
export const SKELETON_DIRECTORIES: ReadonlyArray<readonly [path: string, mode: number]> = [
  ["/bin", 0o755],
  ["/dev", 0o755],
  ["/etc", 0o755],
  ["/home", 0o755],
  ["/home/user", 0o755],
  ["/tmp", 0o1777],
  ["/usr", 0o755],
  ["/usr/bin", 0o755],
];

let nextDev = 1;

/** Creates an empty in-memory file system, or one with the Unix skeleton. */
export function createInMemoryFileSystem(options: InMemoryFileSystemOptions = {}): VirtualFileSystem {
  const uid = options.uid ?? 0;
  const gid = options.gid ?? 0;
  const sb = new Superblock({
    process: { getuid: () => uid, getgid: () => gid, cwd: () => "/", platform: "linux", emitWarning: () => {}, env: {} },
  });
  const root = sb.root.getNode();
  root.mode = S_IFDIR | 0o755;
  root.uid = uid;
  root.gid = gid;
  root.nlink = 2;
  const fs = new InMemoryFileSystem(sb, nextDev++);
  if (!options.empty) {
    for (const [path, mode] of SKELETON_DIRECTORIES) {
      fs.mkdir(path, mode);
    }
  }
  return fs;
}
