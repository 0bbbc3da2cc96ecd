/**
 * Confinement: maps guest paths to host paths under one real root folder and
 * refuses every way out. A guest path is checked (absolute, normalized, no
 * NUL, within PATH_MAX/NAME_MAX), then each parent component is `lstat`ed on
 * the host: it must be a real directory, never a symlink (ELOOP) or anything
 * else (ENOTDIR), so no host symlink is ever followed on the way down. The
 * last component is left to the caller, which uses calls that do not follow
 * it (lstat, O_NOFOLLOW, rename, unlink, lutimes). After an open, the
 * descriptor itself is checked to be inside the root, through
 * /proc/self/fd on Linux or by comparing its inode with a fresh walk elsewhere,
 * which catches a folder swapped for a symlink between the walk and the open.
 */
import { existsSync, fstatSync, lstatSync, readlinkSync, type Stats } from "node:fs";
import { pathError, splitBackendPath } from "@secure-exec/kernel";
import { hostError } from "./host-errors.js";

const PROC_FD = "/proc/self/fd";
const DELETED = " (deleted)";

/** A real host directory that guest paths resolve under. */
export class HostRoot {
  private readonly rootStat: Stats;

  /**
   * `realRoot` must be the canonical path of an existing directory.
   * `useProcFd` picks how opened descriptors are checked (default: /proc/self/fd where it exists).
   */
  constructor(
    readonly realRoot: string,
    private readonly useProcFd = existsSync(PROC_FD),
  ) {
    this.rootStat = lstatSync(realRoot);
  }

  /** The host path of `guestPath`, after checking that every parent is a real directory inside the root. */
  resolve(guestPath: string, syscall: string): string {
    const parts = splitBackendPath(guestPath, syscall);
    this.checkDirectory(this.realRoot, syscall, guestPath);
    let host = this.realRoot === "/" ? "" : this.realRoot;
    for (let i = 0; i < parts.length - 1; i++) {
      host += "/" + parts[i];
      this.checkDirectory(host, syscall, guestPath);
    }
    return parts.length === 0 ? this.realRoot : `${host}/${parts[parts.length - 1]}`;
  }

  /** Throws EACCES unless the open descriptor `fd`, opened by `guestPath`, is a file inside the root. */
  verifyDescriptor(fd: number, syscall: string, guestPath: string): void {
    if (this.useProcFd) {
      let actual = readlinkSync(`${PROC_FD}/${fd}`);
      if (actual.endsWith(DELETED)) actual = actual.slice(0, -DELETED.length);
      if (!this.contains(actual)) throw pathError("EACCES", syscall, guestPath);
      return;
    }
    const opened = fstatSync(fd);
    const found = lstatSync(this.resolve(guestPath, syscall), { throwIfNoEntry: false });
    if (!found || found.dev !== opened.dev || found.ino !== opened.ino) throw pathError("EACCES", syscall, guestPath);
  }

  private contains(hostPath: string): boolean {
    if (this.realRoot === "/") return hostPath.startsWith("/");
    return hostPath === this.realRoot || hostPath.startsWith(this.realRoot + "/");
  }

  private checkDirectory(host: string, syscall: string, guestPath: string): void {
    let st: Stats | undefined;
    try {
      st = lstatSync(host, { throwIfNoEntry: false });
    } catch (err) {
      throw hostError(err, syscall, guestPath);
    }
    if (!st) throw pathError("ENOENT", syscall, guestPath);
    if (st.isSymbolicLink()) throw pathError("ELOOP", syscall, guestPath);
    if (!st.isDirectory()) throw pathError("ENOTDIR", syscall, guestPath);
    if (host === this.realRoot && (st.dev !== this.rootStat.dev || st.ino !== this.rootStat.ino)) {
      throw pathError("EACCES", syscall, guestPath);
    }
  }
}
