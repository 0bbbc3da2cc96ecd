/**
 * The in-memory file system: a `VirtualFileSystem` over memfs's inode tree.
 * It owns the tree of links and inodes and the count of open handles per
 * inode. Every call walks the path itself through the links, never following
 * a symlink (a symlink where a parent directory is needed gives ELOOP, since
 * the kernel resolves symlinks before calling), and applies POSIX rules that
 * memfs's own facade does not (rename over directories, into itself, hard
 * links to directories). As on Linux, a symlink's mode is always 0777 and
 * chmod on one gives ENOTSUP. Permission bits are stored and reported but not
 * enforced: access control is the kernel's policy, not the backend's. Access
 * times change only through `utimes` (as on a `noatime` mount). O_TRUNC
 * empties a file only when it is opened for writing.
 */
import {
  O_ACCMODE,
  O_CREAT,
  O_EXCL,
  O_RDONLY,
  O_TRUNC,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  pathError,
  splitBackendPath,
  type DirEntry,
  type VfsFile,
  type VfsStat,
  type VirtualFileSystem,
} from "@secure-exec/kernel";
import { InMemoryFile } from "./in-memory-file.js";
import { inodeFileType, inodeStat } from "./inode-stat.js";
import type { Inode, Link, Superblock } from "./memfs-types.js";

const PERMISSION_BITS = 0o7777;

/** The parent directory of a path and the name within it. */
interface Slot {
  parent: Link;
  name: string;
}

function isDirectory(node: Inode): boolean {
  return (node.mode & S_IFMT) === S_IFDIR;
}

/** A parent component must be a directory: a symlink there is never followed (ELOOP), anything else is ENOTDIR. */
function checkTraversable(node: Inode, syscall: string, path: string): void {
  const type = node.mode & S_IFMT;
  if (type === S_IFDIR) return;
  throw pathError(type === S_IFLNK ? "ELOOP" : "ENOTDIR", syscall, path);
}

function entriesOf(dir: Link): [string, Link][] {
  const out: [string, Link][] = [];
  for (const [name, child] of dir.children) {
    if (child && name !== "." && name !== "..") out.push([name, child]);
  }
  return out;
}

function isEmptyDirectory(dir: Link): boolean {
  for (const [name, child] of dir.children) {
    if (child && name !== "." && name !== "..") return false;
  }
  return true;
}

/** A memfs-backed tree implementing the kernel's backend contract. */
export class InMemoryFileSystem implements VirtualFileSystem {
  private readonly openCounts = new Map<Inode, number>();

  constructor(
    private readonly sb: Superblock,
    private readonly dev: number,
  ) {}

  lstat(path: string): VfsStat {
    return inodeStat(this.lookup(path, "lstat").getNode(), this.dev);
  }

  readdir(path: string): DirEntry[] {
    const dir = this.lookup(path, "scandir");
    if (!isDirectory(dir.getNode())) throw pathError("ENOTDIR", "scandir", path);
    return entriesOf(dir).map(([name, child]) => {
      const node = child.getNode();
      return { name, type: inodeFileType(node), ino: node.ino };
    });
  }

  mkdir(path: string, mode: number): void {
    const { parent, name } = this.slot(path, "mkdir");
    if (parent.children.get(name)) throw pathError("EEXIST", "mkdir", path);
    parent.createChild(name, this.sb.createNode(S_IFDIR | (mode & PERMISSION_BITS)));
  }

  rmdir(path: string): void {
    if (path === "/") throw pathError("EBUSY", "rmdir", path);
    const link = this.lookup(path, "rmdir");
    if (!isDirectory(link.getNode())) throw pathError("ENOTDIR", "rmdir", path);
    if (!isEmptyDirectory(link)) throw pathError("ENOTEMPTY", "rmdir", path);
    this.removeLink(link);
  }

  unlink(path: string): void {
    const link = this.lookup(path, "unlink");
    if (isDirectory(link.getNode())) throw pathError("EISDIR", "unlink", path);
    this.removeLink(link);
  }

  rename(from: string, to: string): void {
    if (from === "/") throw pathError("EBUSY", "rename", from);
    if (to === "/") throw pathError("EBUSY", "rename", to);
    const source = this.lookup(from, "rename");
    const { parent, name } = this.slot(to, "rename");
    const node = source.getNode();
    const target = parent.children.get(name);
    if (target?.getNode() === node) return;
    if (isDirectory(node) && to.startsWith(from + "/")) throw pathError("EINVAL", "rename", to);
    if (target) {
      const targetNode = target.getNode();
      if (isDirectory(node) && !isDirectory(targetNode)) throw pathError("ENOTDIR", "rename", to);
      if (!isDirectory(node) && isDirectory(targetNode)) throw pathError("EISDIR", "rename", to);
      if (isDirectory(targetNode) && !isEmptyDirectory(target)) throw pathError("ENOTEMPTY", "rename", to);
      this.removeLink(target);
    }
    source.parent!.deleteChild(source);
    source.name = name;
    parent.setChild(name, source);
    source.syncSteps();
    node.ctime = new Date();
  }

  link(existing: string, newPath: string): void {
    const source = this.lookup(existing, "link");
    const node = source.getNode();
    if (isDirectory(node)) throw pathError("EPERM", "link", existing);
    const { parent, name } = this.slot(newPath, "link");
    if (parent.children.get(name)) throw pathError("EEXIST", "link", newPath);
    parent.createChild(name, node);
    node.nlink++;
  }

  symlink(target: string, path: string): void {
    if (target === "" || target.includes("\0")) throw pathError(target === "" ? "ENOENT" : "EINVAL", "symlink", path);
    const { parent, name } = this.slot(path, "symlink");
    if (parent.children.get(name)) throw pathError("EEXIST", "symlink", path);
    const node = this.sb.createNode(S_IFLNK | 0o777);
    node.symlink = target;
    parent.createChild(name, node);
  }

  readlink(path: string): string {
    const node = this.lookup(path, "readlink").getNode();
    if ((node.mode & S_IFMT) !== S_IFLNK) throw pathError("EINVAL", "readlink", path);
    return node.symlink;
  }

  chmod(path: string, mode: number): void {
    const node = this.lookup(path, "chmod").getNode();
    if ((node.mode & S_IFMT) === S_IFLNK) throw pathError("ENOTSUP", "chmod", path);
    node.perm = mode & PERMISSION_BITS;
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    const node = this.lookup(path, "utimes").getNode();
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "utimes", path);
    node.atime = new Date(atimeMs);
    node.mtime = new Date(mtimeMs);
  }

  open(path: string, flags: number, mode: number): VfsFile {
    const { parent, name } = this.slot(path, "open");
    let link = parent.children.get(name);
    if (link) {
      if (flags & O_CREAT && flags & O_EXCL) throw pathError("EEXIST", "open", path);
      const type = link.getNode().mode & S_IFMT;
      if (type === S_IFLNK) throw pathError("ELOOP", "open", path);
      if (type === S_IFDIR) throw pathError("EISDIR", "open", path);
      if (flags & O_TRUNC && (flags & O_ACCMODE) !== O_RDONLY) link.getNode().truncate(0);
    } else {
      if (!(flags & O_CREAT)) throw pathError("ENOENT", "open", path);
      link = parent.createChild(name, this.sb.createNode(S_IFREG | (mode & PERMISSION_BITS)));
    }
    const node = link.getNode();
    this.openCounts.set(node, (this.openCounts.get(node) ?? 0) + 1);
    return new InMemoryFile(node, path, flags, this.dev, this.release);
  }

  private readonly release = (node: Inode): void => {
    const count = (this.openCounts.get(node) ?? 1) - 1;
    if (count > 0) {
      this.openCounts.set(node, count);
      return;
    }
    this.openCounts.delete(node);
    if (node.nlink <= 0) this.sb.deleteNode(node);
  };

  /** The link at `path`; ENOENT if a component is missing, ENOTDIR or ELOOP if a parent is not a directory. */
  private lookup(path: string, syscall: string): Link {
    let link = this.sb.root;
    for (const part of splitBackendPath(path, syscall)) {
      checkTraversable(link.getNode(), syscall, path);
      const child = link.children.get(part);
      if (!child) throw pathError("ENOENT", syscall, path);
      link = child;
    }
    return link;
  }

  /** The existing parent directory of `path` and its last component; EEXIST for "/". */
  private slot(path: string, syscall: string): Slot {
    const parts = splitBackendPath(path, syscall);
    if (parts.length === 0) throw pathError(syscall === "open" ? "EISDIR" : "EEXIST", syscall, path);
    let parent = this.sb.root;
    for (let i = 0; i < parts.length - 1; i++) {
      const child = parent.children.get(parts[i]!);
      if (!child) throw pathError("ENOENT", syscall, path);
      checkTraversable(child.getNode(), syscall, path);
      parent = child;
    }
    return { parent, name: parts[parts.length - 1]! };
  }

  /** Removes one directory entry; frees the inode when no link and no handle is left. */
  private removeLink(link: Link): void {
    const node = link.getNode();
    this.sb.deleteLink(link);
    node.nlink = isDirectory(node) ? 0 : node.nlink - 1;
    if (node.nlink <= 0 && !this.openCounts.has(node)) this.sb.deleteNode(node);
  }
}
