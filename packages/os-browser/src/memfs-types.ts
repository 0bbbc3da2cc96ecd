/**
 * Names for the memfs v4 core objects this package builds on. memfs keeps
 * its tree in a `Superblock` (package `@jsonjoy.com/fs-core`, which memfs's
 * `Volume` is a facade over) of `Link`s (directory entries) pointing at
 * `Node`s (inodes holding mode, times and bytes). The facade itself is not
 * used: its rename and open do not follow POSIX, each call costs a path walk
 * plus a `Stats` object, and it pulls in Node's streams, events and url,
 * which a browser would have to polyfill.
 */
export { Superblock } from "@jsonjoy.com/fs-core/lib/Superblock.js";
export type { Link } from "@jsonjoy.com/fs-core/lib/Link.js";
export type { Node as Inode } from "@jsonjoy.com/fs-core/lib/Node.js";
