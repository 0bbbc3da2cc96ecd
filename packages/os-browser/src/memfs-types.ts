/**
 * Names for the memfs v4 core objects this package builds on. memfs's
 * `Volume` keeps its tree in a `Superblock` (`vol._core`) of `Link`s
 * (directory entries) pointing at `Node`s (inodes holding mode, times and
 * bytes); the Node-style facade on top is not used, because its rename and
 * open do not follow POSIX and cost a path walk plus a `Stats` object per call.
 */
import type { Volume } from "memfs";

/** memfs's superblock: inode allocation and the root link. */
export type Superblock = Volume["_core"];
/** A directory entry: a name in a parent, pointing at an inode. */
export type Link = Superblock["root"];
/** An inode: mode, owner, times, link count and contents. */
export type Inode = ReturnType<Link["getNode"]>;
