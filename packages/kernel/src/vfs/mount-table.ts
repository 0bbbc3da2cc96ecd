/**
 * The mount table: which backend holds which part of the namespace. The
 * root file system is mounted at "/"; others (a host folder at /work, the
 * devices at /dev) at absolute paths. A path belongs to the mount with the
 * longest prefix; within it, the backend sees the rest as an absolute path.
 */
import { KernelError } from "../errors.js";
import type { VirtualFileSystem } from "./types.js";
import { isPathWithin, normalizePath } from "./path.js";

/** One mounted file system. */
export interface Mount {
  /** Where it is mounted, normalized and absolute. */
  readonly point: string;
  /** The backend. */
  readonly fs: VirtualFileSystem;
}

/** Where a path lives: its mount and its path inside that mount. */
export interface Location {
  /** The mount holding the path. */
  mount: Mount;
  /** The path as the backend sees it ("/" for the mount point itself). */
  inner: string;
}

/** The kernel's mounts, longest mount point first. */
export class MountTable {
  private mounts: Mount[];

  constructor(root: VirtualFileSystem) {
    this.mounts = [{ point: "/", fs: root }];
  }

  /** Mounts `fs` at `point` (EBUSY if something is mounted there already). */
  add(point: string, fs: VirtualFileSystem): void {
    const at = normalizePath(point);
    if (this.mounts.some((m) => m.point === at)) {
      throw new KernelError("EBUSY", "already a mount point", { syscall: "mount", path: at });
    }
    this.mounts.push({ point: at, fs });
    this.mounts.sort((a, b) => b.point.length - a.point.length);
  }

  /** The mount holding `path` (normalized, absolute). */
  locate(path: string): Location {
    for (const mount of this.mounts) {
      if (isPathWithin(path, mount.point)) {
        const inner = mount.point === "/" ? path : path.slice(mount.point.length) || "/";
        return { mount, inner };
      }
    }
    throw new Error(`no mount holds ${path}: the root mount is missing`);
  }

  /** Names of mount points directly inside directory `dir` (so listings show them). */
  childMountNames(dir: string): string[] {
    const names: string[] = [];
    for (const { point } of this.mounts) {
      if (point === "/" || point === dir) continue;
      const slash = point.lastIndexOf("/");
      const parent = slash === 0 ? "/" : point.slice(0, slash);
      if (parent === dir) names.push(point.slice(slash + 1));
    }
    return names;
  }

  /** Every mounted backend, root first. */
  backends(): VirtualFileSystem[] {
    return [...this.mounts].reverse().map((m) => m.fs);
  }
}
