/**
 * The path ops of a WASI process: each resolves its path against a
 * directory descriptor (resolve-at.ts) and calls the kernel. path_open
 * builds kernel open flags from WASI's oflags, fdflags, lookup flags and
 * the access mode the worker derived from the rights; every descriptor a
 * WASI process opens is close-on-exec, since WASI has no exec and a child
 * gets its stdio explicitly.
 */
import {
  KernelError,
  O_APPEND,
  O_CLOEXEC,
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NOFOLLOW,
  O_NONBLOCK,
  O_TRUNC,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  type KernelInterface,
} from "@secure-exec/kernel";
import { Op } from "../shared/ops.js";
import { Fdflags, LOOKUP_SYMLINK_FOLLOW, Oflags } from "../shared/wasi-defs.js";
import { filestatReply, setTimes } from "./fd-ops.js";
import { wasiFiletype } from "./filetype.js";
import { hasTrailingSlash, resolveAt } from "./resolve-at.js";
import { OK, type OpContext, type OpHandler } from "./syscall-handler.js";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function splitPair(payload: Uint8Array): [string, string] {
  const nul = payload.indexOf(0);
  return [decoder.decode(payload.subarray(0, nul)), decoder.decode(payload.subarray(nul + 1))];
}

/** Kernel open flags for a path_open request. */
function openFlags(args: Float64Array): number {
  const [lookup, oflags, fdflags, access] = [args[1], args[2], args[3], args[4]];
  let flags = access | O_CLOEXEC;
  if (oflags & Oflags.CREAT) flags |= O_CREAT;
  if (oflags & Oflags.DIRECTORY) flags |= O_DIRECTORY;
  if (oflags & Oflags.EXCL) flags |= O_EXCL;
  if (oflags & Oflags.TRUNC) flags |= O_TRUNC;
  if (fdflags & Fdflags.APPEND) flags |= O_APPEND;
  if (fdflags & Fdflags.NONBLOCK) flags |= O_NONBLOCK;
  if (!(lookup & LOOKUP_SYMLINK_FOLLOW)) flags |= O_NOFOLLOW;
  return flags;
}

/** A trailing slash on a path naming a non-directory: ENOTDIR (after the entry is found at all). */
async function rejectSlashOnFile(ki: KernelInterface, raw: string, path: string, syscall: string): Promise<void> {
  if (!hasTrailingSlash(raw)) return;
  const stat = await ki.vfs.lstat(path.replace(/\/+$/, ""));
  const type = stat.mode & S_IFMT;
  const isDir = type === S_IFDIR || (type === S_IFLNK && (await ki.vfs.stat(path).then((s) => (s.mode & S_IFMT) === S_IFDIR, () => false)));
  if (!isDir) throw new KernelError("ENOTDIR", undefined, { syscall, path: raw });
}

/** The path ops for one process. */
export function pathOps({ ki, pid, times }: OpContext): Record<number, OpHandler> {
  const at = (dirfd: number, payload: Uint8Array, syscall: string): [string, string] => {
    const raw = decoder.decode(payload);
    return [raw, resolveAt(ki, pid, dirfd, raw, syscall)];
  };

  return {
    [Op.PATH_OPEN]: (a, { payload }) => {
      const [raw, path] = at(a[0], payload, "open");
      const fd = ki.fdOpen(pid, path, openFlags(a) | (hasTrailingSlash(raw) ? O_DIRECTORY : 0), 0o666);
      return { values: [fd, wasiFiletype(ki.fdStat(pid, fd).filetype)] };
    },
    [Op.PATH_CREATE_DIRECTORY]: async (a, { payload }) => {
      const [, path] = at(a[0], payload, "mkdir");
      await ki.vfs.mkdir(path.replace(/\/+$/, "") || "/");
      return OK;
    },
    [Op.PATH_REMOVE_DIRECTORY]: async (a, { payload }) => {
      const [, path] = at(a[0], payload, "rmdir");
      await ki.vfs.rmdir(path.replace(/\/+$/, "") || "/");
      return OK;
    },
    [Op.PATH_UNLINK_FILE]: async (a, { payload }) => {
      const [raw, path] = at(a[0], payload, "unlink");
      if (hasTrailingSlash(raw)) {
        const stat = await ki.vfs.lstat(path.replace(/\/+$/, ""));
        throw new KernelError((stat.mode & S_IFMT) === S_IFDIR ? "EISDIR" : "ENOTDIR", undefined, { syscall: "unlink", path: raw });
      }
      await ki.vfs.unlink(path);
      return OK;
    },
    [Op.PATH_RENAME]: async (a, { payload }) => {
      const [rawFrom, rawTo] = splitPair(payload);
      const from = resolveAt(ki, pid, a[0], rawFrom, "rename");
      const to = resolveAt(ki, pid, a[1], rawTo, "rename");
      await rejectSlashOnFile(ki, rawFrom, from, "rename");
      if (hasTrailingSlash(rawTo)) {
        const source = await ki.vfs.lstat(from.replace(/\/+$/, ""));
        if ((source.mode & S_IFMT) !== S_IFDIR) throw new KernelError("ENOTDIR", undefined, { syscall: "rename", path: rawTo });
      }
      await ki.vfs.rename(from.replace(/\/+$/, ""), to.replace(/\/+$/, ""));
      return OK;
    },
    [Op.PATH_SYMLINK]: async (a, { payload }) => {
      const [target, rawPath] = splitPair(payload);
      const path = resolveAt(ki, pid, a[0], rawPath, "symlink");
      if (target.startsWith("/") && ki.fdStat(pid, a[0]).path !== "/") {
        throw new KernelError("EPERM", "absolute symlink target outside the root directory", { syscall: "symlink", path: rawPath });
      }
      if (hasTrailingSlash(rawPath)) {
        const exists = await ki.vfs.lstat(path.replace(/\/+$/, "")).then(() => true, () => false);
        throw new KernelError(exists ? "EEXIST" : "ENOENT", undefined, { syscall: "symlink", path: rawPath });
      }
      await ki.vfs.symlink(target, path);
      return OK;
    },
    [Op.PATH_READLINK]: async (a, { payload }) => {
      const [, path] = at(a[0], payload, "readlink");
      return { payload: encoder.encode(await ki.vfs.readlink(path)) };
    },
    [Op.PATH_LINK]: async (a, { payload }) => {
      const [rawFrom, rawTo] = splitPair(payload);
      let from = resolveAt(ki, pid, a[0], rawFrom, "link");
      const to = resolveAt(ki, pid, a[2], rawTo, "link");
      if (a[1] & LOOKUP_SYMLINK_FOLLOW) from = await ki.vfs.realpath(from);
      await rejectSlashOnFile(ki, rawFrom, from, "link");
      if (hasTrailingSlash(rawTo)) throw new KernelError("ENOENT", undefined, { syscall: "link", path: rawTo });
      await ki.vfs.link(from.replace(/\/+$/, ""), to);
      return OK;
    },
    [Op.PATH_FILESTAT]: async (a, { payload }) => {
      const [raw, path] = at(a[0], payload, "stat");
      const follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) !== 0 || hasTrailingSlash(raw);
      return filestatReply(follow ? await ki.vfs.stat(path) : await ki.vfs.lstat(path), times);
    },
    [Op.PATH_SET_TIMES]: (a, { payload }) => {
      const [, path] = at(a[0], payload.subarray(16), "utimes");
      const follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) !== 0;
      const stat = () => (follow ? ki.vfs.stat(path) : ki.vfs.lstat(path));
      return setTimes(a[2], payload.subarray(0, 16), times, stat, async (atime, mtime) => {
        await ki.vfs.utimes(path, atime, mtime, !follow);
        return stat();
      });
    },
    [Op.PATH_STAT_EXT]: async (a, { payload }) => {
      const path = ki.resolvePath(pid, decoder.decode(payload));
      const stat = a[0] ? await ki.vfs.stat(path) : await ki.vfs.lstat(path);
      return { values: [stat.mode, stat.uid, stat.gid] };
    },
    [Op.PATH_CHMOD]: async (a, { payload }) => {
      await ki.vfs.chmod(ki.resolvePath(pid, decoder.decode(payload)), a[0]);
      return OK;
    },
  };
}
